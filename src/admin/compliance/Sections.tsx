/**
 * The optional parts of the dashboard, each shown only when its route answers: my items,
 * report downloads (monthly report for central users, per-unit submission export) and the
 * website-contest ranking (central users).
 */
import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  blobErrorMessage,
  errorMessage,
  filenameOf,
  saveBlob,
  type MatrixUnit,
  type MyItem,
  type RankingRow,
} from './api';
import { StatusTag, usePalette } from './Matrix';
import {
  fiscalMonthLabel,
  fiscalYearPeriods,
  groupLabel,
  groupOrder,
  percent,
  thaiDate,
  thaiMonth,
  todayInBangkok,
} from './labels';

const cellStyle: React.CSSProperties = {
  textAlign: 'left',
  padding: '6px 12px 6px 0',
  borderBottom: '1px solid rgba(128, 128, 148, 0.25)',
  verticalAlign: 'top',
};

const Th = ({ children }: { children: React.ReactNode }) => (
  <th scope="col" style={cellStyle}>
    <Typography variant="sigma" textColor="neutral600">
      {children}
    </Typography>
  </th>
);
const Td = ({ children }: { children: React.ReactNode }) => (
  <td style={cellStyle}>
    <Typography variant="omega">{children}</Typography>
  </td>
);

export const MyItems = ({
  items,
  fiscalYear,
  onOpen,
}: {
  items: MyItem[];
  fiscalYear: number;
  onOpen: (unit: string, item: string) => boolean;
}) => {
  const palette = usePalette();
  return items.length === 0 ? (
    <Typography variant="omega" data-testid="my-items-empty">
      ยังไม่มีข้อตัวชี้วัดที่ท่านเป็นผู้รับผิดชอบในปีงบประมาณ {fiscalYear}
    </Typography>
  ) : (
    <table data-testid="my-items" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <Th>หน่วยงาน</Th>
          <Th>ข้อ</Th>
          <Th>ชื่อข้อ</Th>
          <Th>บทบาท</Th>
          <Th>สถานะ</Th>
          <Th>ครบกำหนด</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((m) => (
          <tr key={`${m.unit}:${m.item}`} data-testid="my-item" data-status={m.status}>
            <Td>
              {m.unit} {m.unitNameTh}
            </Td>
            <Td>
              <button
                type="button"
                onClick={() => onOpen(m.unit, m.item)}
                style={{
                  background: 'none',
                  border: 'none',
                  padding: 0,
                  color: palette.link,
                  textDecoration: 'underline',
                  cursor: 'pointer',
                  font: 'inherit',
                }}
                aria-label={`ดูรายการของข้อ ${m.item} ${m.unitNameTh}`}
              >
                {m.item}
              </button>
            </Td>
            <Td>{m.titleTh}</Td>
            <Td>
              {m.role === 'primary'
                ? 'ผู้รับผิดชอบหลัก'
                : m.role === 'secondary'
                  ? 'ผู้รับผิดชอบรอง'
                  : `คณะทำงาน${m.workGroup ? ` ${m.workGroup}` : ''}`}
            </Td>
            <td style={cellStyle}>
              <StatusTag status={m.status} />
              {m.missingMonths?.length ? (
                <Typography variant="pi" textColor="neutral600">
                  ยังขาด: {m.missingMonths.map((x) => fiscalMonthLabel(fiscalYear, x)).join(', ')}
                </Typography>
              ) : null}
            </td>
            <Td>{m.dueDate ? thaiDate(m.dueDate) : '-'}</Td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

type DownloadState = { busy: boolean; message: string | null; canGenerate: boolean };

/** Fetches a file with the admin JWT and saves it; reports the server's Thai message on failure. */
const useDownload = () => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<DownloadState>({
    busy: false,
    message: null,
    canGenerate: false,
  });
  const run = React.useCallback(
    async (url: string, fallbackName: string, onMissing?: () => void) => {
      setState({ busy: true, message: null, canGenerate: false });
      try {
        const res = await get(url, { responseType: 'blob', validateStatus: () => true });
        const status = res.status ?? 200;
        if (status >= 400) {
          const message = await blobErrorMessage(res.data);
          if (status === 404 && onMissing) onMissing();
          setState({
            busy: false,
            message:
              message && message !== 'Not Found'
                ? message
                : status === 404
                  ? 'ยังไม่พร้อมให้ดาวน์โหลด'
                  : status === 403
                    ? 'ท่านไม่มีสิทธิ์ดาวน์โหลดไฟล์นี้'
                    : `ดาวน์โหลดไม่สำเร็จ (${status})`,
            canGenerate: status === 404 && Boolean(message && message !== 'Not Found'),
          });
          return;
        }
        saveBlob(res.data, filenameOf(res.headers, fallbackName));
        setState({
          busy: false,
          message: `ดาวน์โหลดแล้ว: ${filenameOf(res.headers, fallbackName)}`,
          canGenerate: false,
        });
      } catch (error) {
        setState({
          busy: false,
          message: errorMessage(error) ?? 'ดาวน์โหลดไม่สำเร็จ',
          canGenerate: false,
        });
      }
    },
    [get],
  );
  return { ...state, run, setState };
};

/**
 * Monthly monitoring report (central users): a month of the fiscal year as PDF, XLSX or CSV.
 * Render it with `key={fiscalYear}` so the month resets with the year.
 */
export const ReportDownloads = ({ fiscalYear }: { fiscalYear: number }) => {
  const { post } = useFetchClient();
  const thisMonth = todayInBangkok().slice(0, 7);
  const months = fiscalYearPeriods(fiscalYear).filter((m) => m <= thisMonth);
  const [period, setPeriod] = React.useState<string>(months[months.length - 1] ?? '');
  const [lastFormat, setLastFormat] = React.useState<string>('pdf');
  const dl = useDownload();
  if (!months.length)
    return <Typography variant="omega">ปีงบประมาณ {fiscalYear} ยังไม่เริ่ม</Typography>;
  const download = (format: string) => {
    setLastFormat(format);
    void dl.run(`/compliance/reports/${period}/${format}`, `ita-report-${period}.${format}`);
  };
  const generate = async () => {
    dl.setState({ busy: true, message: null, canGenerate: false });
    try {
      await post(`/compliance/reports/${period}/generate`, {});
      await dl.run(
        `/compliance/reports/${period}/${lastFormat}`,
        `ita-report-${period}.${lastFormat}`,
      );
    } catch (error) {
      dl.setState({
        busy: false,
        message: errorMessage(error) ?? 'สร้างรายงานไม่สำเร็จ',
        canGenerate: false,
      });
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="report-downloads">
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Box style={{ minWidth: 200 }}>
          <Field.Root name="report-period">
            <Field.Label>รายงานติดตามประจำเดือน</Field.Label>
            <SingleSelect value={period} onChange={(v: string | number) => setPeriod(String(v))}>
              {months.map((m) => (
                <SingleSelectOption key={m} value={m}>
                  {thaiMonth(m, true)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
          <Button
            key={f}
            variant="secondary"
            startIcon={<Download />}
            disabled={dl.busy || !period}
            onClick={() => download(f)}
          >
            {f.toUpperCase()}
          </Button>
        ))}
      </Flex>
      {dl.message ? (
        <Flex gap={3} alignItems="center" role="status">
          <Typography variant="pi">{dl.message}</Typography>
          {dl.canGenerate ? (
            <Button size="S" variant="tertiary" onClick={() => void generate()}>
              สร้างรายงานเดือน{thaiMonth(period, true)}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Flex>
  );
};

/** The ITA submission export of one unit (unit staff: their own units). */
export const SubmissionDownloads = ({
  fiscalYear,
  units,
}: {
  fiscalYear: number;
  units: MatrixUnit[];
}) => {
  const [unit, setUnit] = React.useState<string>(units[0]?.code ?? '');
  const dl = useDownload();
  React.useEffect(() => {
    if (!units.some((u) => u.code === unit)) setUnit(units[0]?.code ?? '');
  }, [units, unit]);
  if (!units.length) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="submission-downloads">
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Box style={{ minWidth: 280 }}>
          <Field.Root name="submission-unit">
            <Field.Label>ส่งออกข้อมูลสำหรับยื่น ITA ของหน่วยงาน</Field.Label>
            <SingleSelect value={unit} onChange={(v: string | number) => setUnit(String(v))}>
              {units.map((u) => (
                <SingleSelectOption key={u.code} value={u.code}>
                  {`${u.code} ${u.nameTh}`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        {(['xlsx', 'csv'] as const).map((f) => (
          <Button
            key={f}
            variant="secondary"
            startIcon={<Download />}
            disabled={dl.busy || !unit}
            onClick={() =>
              void dl.run(
                `/compliance/submission/${encodeURIComponent(unit)}/${fiscalYear}/${f}`,
                `ita-submission-${unit}-${fiscalYear}.${f}`,
              )
            }
          >
            {f.toUpperCase()}
          </Button>
        ))}
      </Flex>
      {dl.message ? (
        <Typography variant="pi" role="status">
          {dl.message}
        </Typography>
      ) : null}
    </Flex>
  );
};

const score = (n: number) => (Math.round(n * 1000) / 10).toFixed(1);

/** The website contest ranking, one table per unit group. */
export const Ranking = ({
  rows,
  fiscalYear,
  group,
}: {
  rows: RankingRow[];
  fiscalYear: number;
  group: string;
}) => {
  const dl = useDownload();
  const groups = [...new Set(rows.map((r) => r.group))].sort(
    (a, b) => groupOrder(a) - groupOrder(b) || a.localeCompare(b),
  );
  const q = `fiscalYear=${fiscalYear}${group ? `&group=${encodeURIComponent(group)}` : ''}`;
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="ranking">
      <Flex gap={3} wrap="wrap">
        {(['xlsx', 'csv'] as const).map((f) => (
          <Button
            key={f}
            variant="tertiary"
            size="S"
            startIcon={<Download />}
            disabled={dl.busy}
            onClick={() =>
              void dl.run(`/compliance/ranking/${f}?${q}`, `ranking-${fiscalYear}.${f}`)
            }
          >
            อันดับ {f.toUpperCase()}
          </Button>
        ))}
        {dl.message ? (
          <Typography variant="pi" role="status">
            {dl.message}
          </Typography>
        ) : null}
      </Flex>
      {groups.length === 0 ? (
        <Typography variant="omega">ยังไม่มีหน่วยงานที่จัดอันดับได้</Typography>
      ) : null}
      {groups.map((g) => (
        <Box key={g} data-testid="ranking-group" data-group={g}>
          <Typography variant="delta" tag="h3">
            {groupLabel(g)}
          </Typography>
          <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: 8 }}>
            <thead>
              <tr>
                <Th>อันดับ</Th>
                <Th>หน่วยงาน</Th>
                <Th>คะแนนรวม (เต็ม 100)</Th>
                <Th>ความครบถ้วน</Th>
                <Th>ความตรงเวลา</Th>
                <Th>ความสม่ำเสมอ</Th>
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((r) => r.group === g)
                .map((r) => (
                  <tr key={r.unit} data-testid="ranking-row" data-unit={r.unit}>
                    <Td>{r.rank}</Td>
                    <Td>
                      {r.unit} {r.nameTh}
                    </Td>
                    <Td>{score(r.score)}</Td>
                    <Td>{percent(r.completeness)}</Td>
                    <Td>{percent(r.timeliness)}</Td>
                    <Td>{percent(r.freshness)}</Td>
                  </tr>
                ))}
            </tbody>
          </table>
        </Box>
      ))}
    </Flex>
  );
};
