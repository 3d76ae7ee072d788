/**
 * The link check on the dashboard (docs/compliance.md, "Link check"): the latest stored results
 * of the caller's units for the year, and a button that checks now (approvers, central monitors
 * and administrators; hidden after a 403).
 */
import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, errorStatus, query } from './api';
import { thaiDateOfInstant } from './labels';

type LinkRow = {
  item: string;
  kind: 'page' | 'file';
  entry: string | null;
  url: string;
  status: number | null;
  redirectedTo: string | null;
  ms: number;
  error: string | null;
  verdict: 'ok' | 'no_widget' | 'broken' | 'timeout' | 'redirected_away' | 'skipped';
};
type UnitCheck = {
  unit: string;
  checkedAt: string;
  note: string | null;
  summary: {
    ok: number;
    broken: number;
    timeout: number;
    redirectedAway: number;
    noWidget: number;
    skipped: number;
  };
  results: LinkRow[];
};

const VERDICT_TH: Record<LinkRow['verdict'], string> = {
  ok: 'ใช้ได้',
  no_widget: 'ไม่พบวิดเจ็ตหรือชื่อเรื่อง',
  broken: 'ลิงก์เสีย',
  timeout: 'ไม่ตอบสนอง (หมดเวลา)',
  redirected_away: 'เปลี่ยนเส้นทางไปเว็บไซต์อื่น',
  skipped: 'ไม่ได้ตรวจ',
};

const cell: React.CSSProperties = {
  textAlign: 'left',
  padding: '4px 12px 4px 0',
  borderBottom: '1px solid rgba(128, 128, 148, 0.25)',
  verticalAlign: 'top',
};

export const LinkCheck = ({ fiscalYear }: { fiscalYear: number }) => {
  const { get, post } = useFetchClient();
  const [rows, setRows] = React.useState<UnitCheck[] | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [canRun, setCanRun] = React.useState(true);
  const [message, setMessage] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    setRows(null);
    get<{ data: UnitCheck[] }>(`/compliance/links${query({ fiscalYear })}`)
      .then((res) => live && setRows(res.data.data))
      .catch(
        (error: unknown) => live && setMessage(errorMessage(error) ?? 'โหลดผลตรวจลิงก์ไม่สำเร็จ'),
      );
    return () => {
      live = false;
    };
  }, [get, fiscalYear]);

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const res = (await post('/compliance/links/check', { fiscalYear })) as {
        data: { data: UnitCheck[] };
      };
      setRows(res.data.data);
    } catch (error) {
      if (errorStatus(error) === 403) setCanRun(false);
      setMessage(errorMessage(error) ?? 'ตรวจลิงก์ไม่สำเร็จ');
    } finally {
      setBusy(false);
    }
  };

  const problems = (rows ?? []).flatMap((r) =>
    r.results.filter((x) => x.verdict !== 'ok').map((x) => ({ unit: r.unit, ...x })),
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="link-check">
      <Flex gap={3} alignItems="center" wrap="wrap">
        {canRun ? (
          <Button variant="secondary" loading={busy} disabled={busy} onClick={() => void run()}>
            ตรวจลิงก์ตอนนี้
          </Button>
        ) : null}
        {message ? (
          <Typography variant="pi" role="status">
            {message}
          </Typography>
        ) : null}
      </Flex>
      {rows && !rows.length ? (
        <Typography variant="omega">ยังไม่มีผลตรวจลิงก์ของปีงบประมาณ {fiscalYear}</Typography>
      ) : null}
      {rows && rows.length ? (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              {[
                'หน่วยงาน',
                'ตรวจเมื่อ',
                'ใช้ได้',
                'เสีย/หมดเวลา',
                'ไปเว็บอื่น',
                'ไม่พบวิดเจ็ต',
              ].map((h) => (
                <th key={h} scope="col" style={cell}>
                  <Typography variant="sigma">{h}</Typography>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit}>
                <td style={cell}>
                  <Typography variant="omega">{r.unit}</Typography>
                  {r.note ? (
                    <Typography variant="pi" textColor="neutral600" tag="div">
                      {r.note}
                    </Typography>
                  ) : null}
                </td>
                <td style={cell}>
                  <Typography variant="omega">{thaiDateOfInstant(r.checkedAt)}</Typography>
                </td>
                {[
                  r.summary.ok,
                  r.summary.broken + r.summary.timeout,
                  r.summary.redirectedAway,
                  r.summary.noWidget,
                ].map((n, i) => (
                  <td key={i} style={cell}>
                    <Typography variant="omega">{n}</Typography>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {problems.length ? (
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="delta">ลิงก์ที่ต้องแก้ไข</Typography>
          {problems.slice(0, 200).map((p, i) => (
            <Typography key={i} variant="pi">
              {p.unit} {p.item} · {VERDICT_TH[p.verdict]}
              {p.status ? ` (${p.status})` : ''} ·{' '}
              <a href={p.url} target="_blank" rel="noreferrer noopener">
                {p.kind === 'file' ? (p.entry ?? p.url) : p.url}
              </a>
              {p.redirectedTo ? ` → ${p.redirectedTo}` : ''}
            </Typography>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
};
