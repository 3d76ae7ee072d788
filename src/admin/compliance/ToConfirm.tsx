/**
 * รายการที่ต้องยืนยัน/ทบทวน: the caller's units' published entries that wait to be confirmed
 * current — carried into the year, or past their review-by date (GET /compliance/to-confirm) —
 * with a bulk "confirm current" (POST /workflow/confirm, each entry judged on its own).
 */
import * as React from 'react';
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { errorMessage } from './api';
import { thaiDate } from './labels';

type ToConfirmEntry = {
  uid: string;
  type: string;
  documentId: string;
  title: string;
  unit: string;
  unitNameTh: string;
  items: string[];
  reasons: Array<'to_confirm' | 'to_review'>;
  reviewBy: string | null;
};

const REASON: Record<ToConfirmEntry['reasons'][number], string> = {
  to_confirm: 'ยกมาจากปีก่อน รอยืนยัน',
  to_review: 'เกินกำหนดทบทวน',
};

const cellStyle: React.CSSProperties = {
  textAlign: 'left',
  padding: '6px 12px 6px 0',
  borderBottom: '1px solid rgba(128, 128, 148, 0.25)',
  verticalAlign: 'top',
};

const keyOf = (e: ToConfirmEntry) => `${e.uid}:${e.documentId}`;

export const ToConfirm = ({
  fiscalYear,
  onChanged,
}: {
  fiscalYear: number;
  onChanged?: () => void;
}) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [rows, setRows] = React.useState<ToConfirmEntry[] | null>(null);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    try {
      const res = await get<{ data: ToConfirmEntry[] }>(
        `/compliance/to-confirm?fiscalYear=${fiscalYear}`,
      );
      setRows(res.data.data);
    } catch {
      setRows(null);
    }
    setSelected(new Set());
  }, [get, fiscalYear]);

  React.useEffect(() => {
    void load();
  }, [load]);

  if (rows === null) return null;
  if (rows.length === 0)
    return (
      <Typography variant="omega" data-testid="to-confirm-empty">
        ไม่มีรายการที่ต้องยืนยันหรือทบทวนในปีงบประมาณ {fiscalYear}
      </Typography>
    );

  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const allSelected = selected.size === rows.length;

  const confirm = async () => {
    const entries = rows
      .filter((r) => selected.has(keyOf(r)))
      .map((r) => ({ uid: r.uid, documentId: r.documentId }));
    if (!entries.length) return;
    setBusy(true);
    try {
      let ok = 0;
      const failed: string[] = [];
      for (let i = 0; i < entries.length; i += 100) {
        const res = await post<{
          data: Array<{ ok: boolean; error?: string }>;
          meta: { succeeded: number };
        }>('/workflow/confirm', { entries: entries.slice(i, i + 100) });
        ok += res.data.meta.succeeded;
        for (const r of res.data.data) if (!r.ok && r.error) failed.push(r.error);
      }
      toggleNotification({
        type: failed.length ? 'warning' : 'success',
        message: `ยืนยันแล้ว ${ok} รายการ${failed.length ? ` · ไม่สำเร็จ ${failed.length} รายการ: ${failed[0]}` : ''}`,
      });
      await load();
      onChanged?.();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) ?? 'Error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="pi" textColor="neutral600">
        ข้อมูลที่เผยแพร่แล้วซึ่งยกมาใช้กับปีงบประมาณ {fiscalYear} หรือเกินกำหนดทบทวน
        จะนับเป็นครบถ้วนเมื่อหน่วยงานยืนยันว่ายังเป็นปัจจุบัน (หรือปรับปรุงแล้วเผยแพร่ใหม่)
      </Typography>
      <table data-testid="to-confirm" style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th scope="col" style={cellStyle}>
              <Checkbox
                aria-label="เลือกทั้งหมด"
                checked={allSelected}
                onCheckedChange={() =>
                  setSelected(allSelected ? new Set() : new Set(rows.map(keyOf)))
                }
              />
            </th>
            {['หน่วยงาน', 'ข้อมูล', 'ข้อ', 'เหตุผล', 'ต้องทบทวนภายใน'].map((h) => (
              <th key={h} scope="col" style={cellStyle}>
                <Typography variant="sigma" textColor="neutral600">
                  {h}
                </Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={keyOf(r)} data-testid="to-confirm-row" data-reasons={r.reasons.join(' ')}>
              <td style={cellStyle}>
                <Checkbox
                  aria-label={`เลือก ${r.title}`}
                  checked={selected.has(keyOf(r))}
                  onCheckedChange={() => toggle(keyOf(r))}
                />
              </td>
              <td style={cellStyle}>
                <Typography variant="omega">
                  {r.unit} {r.unitNameTh}
                </Typography>
              </td>
              <td style={cellStyle}>
                <a
                  href={`/admin/content-manager/collection-types/${r.uid}/${encodeURIComponent(r.documentId)}`}
                >
                  {r.title}
                </a>
              </td>
              <td style={cellStyle}>
                <Typography variant="omega">{r.items.join(', ')}</Typography>
              </td>
              <td style={cellStyle}>
                <Typography variant="omega">
                  {r.reasons.map((x) => REASON[x]).join(' · ')}
                </Typography>
              </td>
              <td style={cellStyle}>
                <Typography variant="omega">{r.reviewBy ? thaiDate(r.reviewBy) : '-'}</Typography>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Box>
        <Button
          onClick={confirm}
          loading={busy}
          disabled={selected.size === 0}
          data-testid="to-confirm-submit"
        >
          ยืนยันว่าข้อมูลยังเป็นปัจจุบัน ({selected.size} รายการ)
        </Button>
      </Box>
    </Flex>
  );
};
