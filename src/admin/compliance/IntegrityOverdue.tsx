/**
 * The integrity-measures steps that are overdue or owe a report, per unit, on the dashboard
 * (docs/integrity-measures.md, "Overdue steps on the dashboard"), from GET /compliance/integrity
 * (the caller's units only).
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, query } from './api';

const MONTHS = ['oct', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep'];
const MONTH_TH = [
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
];

/** "มีนาคม 2569" for `mar` of fiscal year 2569 (October–December belong to the year before). */
const monthLabel = (fiscalYear: number, month: string) => {
  const i = MONTHS.indexOf(month);
  if (i < 0) return month;
  return `${MONTH_TH[i]} ${i < 3 ? fiscalYear - 1 : fiscalYear}`;
};

type UnitRow = {
  unit: string;
  nameTh: string;
  plan: string | null;
  overdue: number;
  missing: number;
};
type StepRow = {
  unit: string;
  nameTh: string;
  measure: string;
  step: string;
  stepNo: number;
  stepText: string;
  owner: string | null;
  endMonth: string;
  overdue: boolean;
  missingPeriods: string[];
};

const cell: React.CSSProperties = {
  textAlign: 'left',
  padding: '4px 12px 4px 0',
  borderBottom: '1px solid rgba(128, 128, 148, 0.25)',
  verticalAlign: 'top',
};

const Table = ({
  head,
  rows,
  testId,
}: {
  head: string[];
  rows: React.ReactNode[][];
  testId: string;
}) => (
  <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={testId}>
    <thead>
      <tr>
        {head.map((h) => (
          <th key={h} style={cell}>
            <Typography variant="sigma">{h}</Typography>
          </th>
        ))}
      </tr>
    </thead>
    <tbody>
      {rows.map((r, i) => (
        <tr key={i}>
          {r.map((v, j) => (
            <td key={j} style={cell}>
              <Typography>{v}</Typography>
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

export const IntegrityOverdue = ({ fiscalYear }: { fiscalYear: number }) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<{ units: UnitRow[]; steps: StepRow[] } | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    setData(null);
    setMessage(null);
    get<{ data: { units: UnitRow[]; steps: StepRow[] } }>(
      `/compliance/integrity${query({ fiscalYear })}`,
    )
      .then((res) => live && setData(res.data.data))
      .catch(
        (error: unknown) =>
          live && setMessage(errorMessage(error) ?? 'โหลดขั้นตอนตามมาตรการไม่สำเร็จ'),
      );
    return () => {
      live = false;
    };
  }, [get, fiscalYear]);

  if (message) return <Typography textColor="danger600">{message}</Typography>;
  if (!data) return <Typography textColor="neutral600">กำลังโหลด…</Typography>;
  const withPlan = data.units.filter((u) => u.plan);
  if (!withPlan.length)
    return (
      <Typography textColor="neutral600">
        ยังไม่มีแผนมาตรการส่งเสริมคุณธรรมและความโปร่งใสของปีงบประมาณ {fiscalYear}
      </Typography>
    );
  if (!data.steps.length)
    return (
      <Typography textColor="neutral600" data-testid="integrity-overdue-none">
        ไม่มีขั้นตอนที่เลยกำหนดหรือค้างรายงาน ({withPlan.length} หน่วยงานที่มีแผน)
      </Typography>
    );
  return (
    <>
      <Table
        testId="integrity-overdue-units"
        head={['หน่วยงาน', 'ขั้นตอนที่เลยกำหนด', 'รายงานที่ยังไม่ส่ง']}
        rows={withPlan
          .filter((u) => u.overdue || u.missing)
          .map((u) => [`${u.nameTh} (${u.unit})`, u.overdue, u.missing])}
      />
      <div style={{ height: 16 }} />
      <Table
        testId="integrity-overdue-steps"
        head={['หน่วยงาน', 'มาตรการ', 'ขั้นตอน', 'ผู้รับผิดชอบ', 'กำหนดเสร็จ', 'สถานะ']}
        rows={data.steps.map((s) => [
          s.unit,
          s.measure,
          `${s.stepNo}. ${s.stepText}`,
          s.owner ?? '—',
          monthLabel(fiscalYear, s.endMonth),
          [
            s.overdue ? 'เลยกำหนด' : null,
            s.missingPeriods.length
              ? `ยังไม่รายงานรอบ ${s.missingPeriods.map((p) => monthLabel(fiscalYear, p)).join(', ')}`
              : null,
          ]
            .filter(Boolean)
            .join(' · '),
        ])}
      />
    </>
  );
};
