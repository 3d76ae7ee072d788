import * as React from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { blobErrorMessage, filenameOf, query, saveBlob } from '../compliance/api';
import { thaiDateOfInstant } from '../compliance/labels';
import { STATE_LABEL, type State } from '../workflow/constants';
import {
  PLAN_UID,
  PROGRESS_STATUSES,
  PROGRESS_STATUS_LABEL,
  editPath,
  failureText,
  monthLabel,
  pct,
  type RollupResponse,
  type RollupUnit,
} from './api';

const cell: React.CSSProperties = {
  border: '1px solid #c0c0cf',
  padding: '6px 10px',
  verticalAlign: 'top',
  textAlign: 'left',
};
const num: React.CSSProperties = { ...cell, textAlign: 'right' };

const UnitTable = ({ u, fiscalYear }: { u: RollupUnit; fiscalYear: number }) => {
  const t = u.totals;
  return (
    <Box
      tag="section"
      background="neutral0"
      padding={4}
      hasRadius
      shadow="tableShadow"
      data-testid="integrity-rollup-unit"
      data-unit={u.unit.code}
      aria-label={`${u.unit.code} ${u.unit.nameTh}`}
    >
      <Flex gap={3} wrap="wrap" alignItems="baseline">
        <Typography variant="delta" tag="h3">
          {u.unit.code} {u.unit.nameTh}
        </Typography>
        {u.plan ? (
          <>
            <Typography variant="pi">
              แผนมาตรการ:{' '}
              {STATE_LABEL[u.plan.workflowState as State] ?? u.plan.workflowState ?? 'ฉบับร่าง'}
            </Typography>
            <Link href={editPath(PLAN_UID, u.plan.documentId)}>เปิดแผน</Link>
          </>
        ) : (
          <Typography variant="pi" textColor="danger700">
            ยังไม่มีแผนมาตรการ
          </Typography>
        )}
      </Flex>
      {u.measures.length ? (
        <Box paddingTop={3} style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  <Typography variant="sigma">ประเด็น / มาตรการ</Typography>
                </th>
                <th scope="col" style={num}>
                  <Typography variant="sigma">ขั้นตอน</Typography>
                </th>
                {PROGRESS_STATUSES.map((s) => (
                  <th scope="col" key={s} style={num}>
                    <Typography variant="sigma">{PROGRESS_STATUS_LABEL[s]}</Typography>
                  </th>
                ))}
                <th scope="col" style={num}>
                  <Typography variant="sigma">ร้อยละดำเนินการ</Typography>
                </th>
                <th scope="col" style={num}>
                  <Typography variant="sigma">เลยกำหนด</Typography>
                </th>
              </tr>
            </thead>
            <tbody>
              {u.measures.map((m) => (
                <tr key={m.index}>
                  <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                    <Typography>{m.issue}</Typography>
                    <Typography variant="pi" tag="p" textColor="neutral700">
                      {m.measure}
                    </Typography>
                  </th>
                  <td style={num}>
                    <Typography>{m.steps}</Typography>
                  </td>
                  {PROGRESS_STATUSES.map((s) => (
                    <td key={s} style={num}>
                      <Typography>{m.byStatus?.[s] ?? 0}</Typography>
                    </td>
                  ))}
                  <td style={num}>
                    <Typography>{pct(m.percent)}</Typography>
                  </td>
                  <td
                    style={{ ...num, ...(m.overdue ? { color: '#a4261c', fontWeight: 700 } : {}) }}
                  >
                    <Typography
                      fontWeight={m.overdue ? 'bold' : undefined}
                      textColor={m.overdue ? 'danger700' : undefined}
                    >
                      {m.overdue}
                    </Typography>
                  </td>
                </tr>
              ))}
              <tr data-testid="integrity-rollup-total">
                <th scope="row" style={{ ...cell, background: '#f6f6f9' }}>
                  <Typography fontWeight="bold">
                    รวม {t.measures} มาตรการ
                    {t.missing ? ` · ยังไม่รายงาน ${t.missing} รายการ` : ''}
                  </Typography>
                </th>
                <td style={{ ...num, background: '#f6f6f9' }}>
                  <Typography fontWeight="bold">{t.steps}</Typography>
                </td>
                {PROGRESS_STATUSES.map((s) => (
                  <td key={s} style={{ ...num, background: '#f6f6f9' }}>
                    <Typography fontWeight="bold">{t.byStatus?.[s] ?? 0}</Typography>
                  </td>
                ))}
                <td style={{ ...num, background: '#f6f6f9' }}>
                  <Typography fontWeight="bold">{pct(t.percent)}</Typography>
                </td>
                <td style={{ ...num, background: '#f6f6f9' }}>
                  <Typography fontWeight="bold">{t.overdue}</Typography>
                </td>
              </tr>
            </tbody>
          </table>
          {t.overTime?.length ? (
            <Box paddingTop={2} data-testid="integrity-rollup-over-time">
              <Typography variant="pi">
                ความสำเร็จตามรอบรายงาน:{' '}
                {t.overTime
                  .map((p) => `สิ้นเดือน${monthLabel(fiscalYear, p.period)} ${pct(p.percent)}`)
                  .join(' · ')}
              </Typography>
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
};

/** "ภาพรวมทั้งองค์กร": every unit the person reads, one table per unit, and the XLSX. */
export const Overview = ({ fiscalYear }: { fiscalYear: number }) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<RollupResponse | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [download, setDownload] = React.useState<{ busy: boolean; text: string | null }>({
    busy: false,
    text: null,
  });

  React.useEffect(() => {
    let live = true;
    setData(null);
    setFailure(null);
    get<RollupResponse>(`/integrity/progress${query({ fiscalYear })}`)
      .then((res) => live && setData(res.data))
      .catch((error) => live && setFailure(failureText(error, 'โหลดภาพรวมไม่สำเร็จ')));
    return () => {
      live = false;
    };
  }, [get, fiscalYear]);

  const xlsx = async () => {
    setDownload({ busy: true, text: null });
    const fallback = `integrity-progress-${fiscalYear}.xlsx`;
    try {
      const res = await get(`/integrity/progress${query({ fiscalYear, format: 'xlsx' })}`, {
        responseType: 'blob',
        validateStatus: () => true,
      } as never);
      const status = (res as { status?: number }).status ?? 200;
      if (status >= 400) {
        const message = await blobErrorMessage(res.data as Blob);
        const th = message?.split(' / ')[0] ?? '';
        setDownload({
          busy: false,
          text: /[\u0E00-\u0E7F]/.test(th) ? th : `ดาวน์โหลดไม่สำเร็จ (${status})`,
        });
        return;
      }
      const name = filenameOf(res.headers as unknown as Headers, fallback);
      saveBlob(res.data as Blob, name);
      setDownload({ busy: false, text: `ดาวน์โหลดแล้ว: ${name}` });
    } catch (error) {
      setDownload({ busy: false, text: failureText(error, 'ดาวน์โหลดไม่สำเร็จ') });
    }
  };

  if (failure)
    return (
      <Typography tag="p" textColor="neutral700" data-testid="integrity-rollup-unavailable">
        {failure}
      </Typography>
    );
  if (!data) return <Typography tag="p">กำลังโหลด…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="integrity-rollup">
      <Flex gap={3} wrap="wrap" alignItems="center">
        <Typography tag="p" variant="pi" textColor="neutral700">
          ปีงบประมาณ {data.meta?.fiscalYear ?? fiscalYear} · {data.data.length} หน่วยงาน
          {data.meta?.asOf ? ` · ข้อมูล ณ ${thaiDateOfInstant(data.meta.asOf)}` : ''}
        </Typography>
        <Button variant="secondary" onClick={xlsx} loading={download.busy}>
          ดาวน์โหลดตารางสรุป (XLSX)
        </Button>
        {download.text ? (
          <Typography variant="pi" role="status">
            {download.text}
          </Typography>
        ) : null}
      </Flex>
      {data.data.length === 0 ? (
        <Typography tag="p">ไม่พบหน่วยงานที่ท่านดูได้</Typography>
      ) : (
        data.data.map((u) => (
          <UnitTable key={u.unit.code} u={u} fiscalYear={data.meta?.fiscalYear ?? fiscalYear} />
        ))
      )}
    </Flex>
  );
};
