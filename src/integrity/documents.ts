import type { Core, UID } from '@strapi/strapi';
import { PROGRESS_STATUS_LABELS } from '../common/enum-labels';
import { thaiDate, thaiMonthOfPeriod } from '../compliance/report/period';
import {
  ceMonthOf,
  FISCAL_MONTHS,
  fiscalMonthIndex,
  isFiscalMonth,
  type FiscalMonth,
} from './months';
import { loadPlans, PLAN_UID, stepMonths, type PlanRow as LoadedPlan } from './plan';

/**
 * The data of the documents generated from a measures plan (POST /integrity/documents): the plan
 * table laid out like the unit's published plan (seed 001: ประเด็น | มาตรการ/แนวทาง | ขั้นตอนหรือ
 * วิธีการปฏิบัติ | ระยะเวลา | ผู้รับผิดชอบ) and the progress report of a half or a whole fiscal year
 * (each step's status, per cent, what was done and the problems, as of the end of March or of
 * September). The PDF (documents-pdf.ts) and the XLSX (documents-xlsx.ts) are drawn from these
 * rows, so both carry the same content.
 */

export const PROGRESS_UID = 'api::integrity-progress.integrity-progress' as UID.ContentType;
export type DocumentKind = 'plan' | 'half' | 'year';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['plan', 'half', 'year'];

export type Unit = { id: number; documentId: string; code: string; nameTh: string };
type WorkGroup = { id: number; documentId: string; name: string } | null | undefined;
export type PlanRow = LoadedPlan & {
  attachments?: Array<{ id: number; name: string }> | null;
  checklistItems?: Array<{ documentId: string }> | null;
};

/**
 * The unit's measures plan of the year as GET /integrity/plan reads it (`loadPlans` of plan.ts:
 * the draft, i.e. latest, version; the last updated when there are several), with its
 * attachments and checklist items (one more query).
 */
export const loadMeasuresPlan = async (
  strapi: Core.Strapi,
  unitId: number,
  fiscalYear: number,
): Promise<PlanRow | null> => {
  const plan = (await loadPlans(strapi, [unitId], fiscalYear)).get(unitId);
  if (!plan) return null;
  const links = (await strapi.db.query(PLAN_UID as UID.ContentType).findOne({
    where: { id: plan.id },
    select: ['id'],
    populate: {
      attachments: { select: ['id', 'name'] },
      checklistItems: { select: ['documentId'] },
    },
  })) as Pick<PlanRow, 'attachments' | 'checklistItems'> | null;
  return {
    ...plan,
    attachments: links?.attachments ?? [],
    checklistItems: links?.checklistItems ?? [],
  };
};

const month = (m: string | null | undefined): FiscalMonth | null => (isFiscalMonth(m) ? m : null);

/** "ตุลาคม 2566 ถึง กันยายน 2567": the months of fiscal year `fy`, Buddhist-era years. */
export const periodText = (fy: number, start: FiscalMonth, end: FiscalMonth) => {
  const from = thaiMonthOfPeriod(ceMonthOf(fy, start));
  return start === end ? from : `${from} ถึง ${thaiMonthOfPeriod(ceMonthOf(fy, end))}`;
};

const ownerOf = (owner?: string | null, workGroup?: WorkGroup) =>
  (owner ?? '').trim() || workGroup?.name?.trim() || '';

export type PlanStep = {
  key: string;
  no: number;
  text: string;
  startMonth: FiscalMonth;
  endMonth: FiscalMonth;
  owner: string;
};
export type PlanMeasure = {
  no: number;
  issue: string;
  indicatorCode: string;
  measure: string;
  target: string;
  startMonth: FiscalMonth;
  endMonth: FiscalMonth;
  period: string;
  owner: string;
  steps: PlanStep[];
};

/**
 * The measures with their steps in order. A measure without months is shown over its steps'
 * months (the whole fiscal year when none has any); a step's months are its own, else its
 * measure's, else the whole year (`stepMonths`, as for overdue steps); a step without an owner
 * takes its measure's.
 */
export const measuresOf = (plan: PlanRow, fiscalYear: number): PlanMeasure[] =>
  (plan.measures ?? []).map((m, i) => {
    const steps = m.steps ?? [];
    const idx = (xs: Array<FiscalMonth | null>) =>
      xs.filter((x): x is FiscalMonth => x !== null).map(fiscalMonthIndex);
    const starts = idx(steps.map((s) => month(s.startMonth)));
    const ends = idx(steps.map((s) => month(s.endMonth)));
    const startMonth =
      month(m.startMonth) ?? (starts.length ? FISCAL_MONTHS[Math.min(...starts)] : 'oct');
    const endMonth = month(m.endMonth) ?? (ends.length ? FISCAL_MONTHS[Math.max(...ends)] : 'sep');
    const owner = ownerOf(m.owner, m.workGroup);
    return {
      no: m.issueNo ?? i + 1,
      issue: m.issue ?? '',
      indicatorCode: m.indicatorCode ?? '',
      measure: m.measure ?? '',
      target: m.target ?? '',
      startMonth,
      endMonth,
      period: periodText(fiscalYear, startMonth, endMonth),
      owner,
      steps: steps.map((s, j) => ({
        key: s.key ?? '',
        no: j + 1,
        text: s.text ?? '',
        ...stepMonths(s, m),
        owner: ownerOf(s.owner, s.workGroup) || owner,
      })),
    };
  });

// ---------- the plan table ----------

export const PLAN_HEADER = [
  'ประเด็น',
  'มาตรการ/แนวทาง',
  'ขั้นตอนหรือวิธีการปฏิบัติ',
  'ระยะเวลา',
  'ผู้รับผิดชอบ',
];

export const planTitle = (unit: Unit, fiscalYear: number) =>
  `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน${unit.nameTh} ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;

export const planIntro = (unit: Unit, fiscalYear: number) =>
  `${unit.nameTh} ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ในปี พ.ศ. ${
    fiscalYear - 1
  } ในประเด็นต่าง ๆ และได้กำหนดมาตรการ/แนวทาง เพื่อนำไปสู่การปฏิบัติ ดังนี้`;

/**
 * One row per measure, as in the seed: the numbered steps in one cell, one line each; a step
 * whose months or owner differ from its measure's says so on its line.
 */
export const planRows = (measures: PlanMeasure[], fiscalYear: number): string[][] =>
  measures.map((m) => [
    `${m.no}. ${m.issue}${m.indicatorCode ? ` (ตัวชี้วัดที่ ${m.indicatorCode})` : ''}`,
    m.target ? `${m.measure}\nเป้าหมาย: ${m.target}` : m.measure,
    m.steps
      .map((s) => {
        const own: string[] = [];
        if (s.startMonth !== m.startMonth || s.endMonth !== m.endMonth)
          own.push(periodText(fiscalYear, s.startMonth, s.endMonth));
        if (s.owner && s.owner !== m.owner) own.push(`ผู้รับผิดชอบ: ${s.owner}`);
        return `${s.no}. ${s.text}${own.length ? ` (${own.join('; ')})` : ''}`;
      })
      .join('\n'),
    m.period,
    m.owner,
  ]);

// ---------- the progress report ----------

export type ProgressRow = {
  stepKey: string;
  period: FiscalMonth;
  status: string;
  percent: number | null;
  done: string | null;
  problems: string | null;
};

/** The closing month of the report: the end of March (half) or of September (year). */
export const closingOf = (kind: 'half' | 'year'): FiscalMonth => (kind === 'half' ? 'mar' : 'sep');

/** Each step's latest progress row at or before the closing month (one query). */
export const progressAsOf = async (
  strapi: Core.Strapi,
  planDocumentId: string,
  closing: FiscalMonth,
) => {
  const months = FISCAL_MONTHS.slice(0, fiscalMonthIndex(closing) + 1);
  const rows = (await strapi.db.query(PROGRESS_UID).findMany({
    where: { planDocumentId, period: { $in: [...months] } },
    select: ['stepKey', 'period', 'status', 'percent', 'done', 'problems'],
  })) as ProgressRow[];
  const latest = new Map<string, ProgressRow>();
  for (const r of rows) {
    const seen = latest.get(r.stepKey);
    if (!seen || fiscalMonthIndex(r.period) > fiscalMonthIndex(seen.period))
      latest.set(r.stepKey, r);
  }
  return latest;
};

export const STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export const NOT_REPORTED = 'ยังไม่รายงาน';

export type ReportStep = PlanStep & {
  measureNo: number;
  issue: string;
  measure: string;
  period: string;
  status: string | null;
  statusLabel: string;
  percent: number;
  done: string;
  problems: string;
  overdue: boolean;
};

export const progressFigures = (
  measures: PlanMeasure[],
  latest: Map<string, ProgressRow>,
  fiscalYear: number,
  closing: FiscalMonth,
) => {
  const end = fiscalMonthIndex(closing);
  const steps: ReportStep[] = measures.flatMap((m) =>
    m.steps.map((s) => {
      const row = latest.get(s.key) ?? null;
      const status = row?.status ?? null;
      // As GET /integrity/plan: a step done counts 100 per cent.
      const percent =
        status === 'done' ? 100 : row ? Math.max(0, Math.min(100, Number(row.percent ?? 0))) : 0;
      const closed = fiscalMonthIndex(s.endMonth) <= end;
      return {
        ...s,
        measureNo: m.no,
        issue: m.issue,
        measure: m.measure,
        period: periodText(fiscalYear, s.startMonth, s.endMonth),
        status,
        statusLabel: status ? (PROGRESS_STATUS_LABELS[status] ?? status) : NOT_REPORTED,
        percent,
        done: row?.done ?? '',
        problems: row?.problems ?? '',
        overdue: closed && status !== 'done' && status !== 'cancelled',
      };
    }),
  );
  const byStatus: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  let notReported = 0;
  for (const s of steps) {
    if (s.status && s.status in byStatus) byStatus[s.status] += 1;
    else notReported += 1;
  }
  // Per cent done over the steps that are not cancelled.
  const counted = steps.filter((s) => s.status !== 'cancelled');
  const percent = counted.length
    ? Math.round((counted.reduce((a, s) => a + s.percent, 0) / counted.length) * 100) / 100
    : 0;
  return {
    measures: measures.length,
    steps,
    totals: {
      steps: steps.length,
      byStatus,
      notReported,
      percent,
      overdue: steps.filter((s) => s.overdue).length,
    },
  };
};
export type ProgressFigures = ReturnType<typeof progressFigures>;

export const reportKindOf = (kind: 'half' | 'year') =>
  kind === 'half' ? 'integrity_measures_6m' : 'integrity_measures_result';

export const reportTitle = (unit: Unit, fiscalYear: number, kind: 'half' | 'year') =>
  `รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ${
    kind === 'half' ? 'รอบ 6 เดือน' : 'ประจำปี'
  } ปีงบประมาณ พ.ศ. ${fiscalYear} (${unit.code})`;

/** Oct 1 – Mar 31 or Oct 1 – Sep 30 of the fiscal year (CE dates). */
export const reportPeriod = (fiscalYear: number, kind: 'half' | 'year') => {
  const endCe = fiscalYear - 543;
  return {
    startDate: `${endCe - 1}-10-01`,
    endDate: kind === 'half' ? `${endCe}-03-31` : `${endCe}-09-30`,
    label: kind === 'half' ? 'รอบ 6 เดือน' : 'ประจำปี',
  };
};

export const periodLine = (unit: Unit, fiscalYear: number, kind: 'half' | 'year') => {
  const p = reportPeriod(fiscalYear, kind);
  return `หน่วยงาน ${unit.nameTh} (${unit.code}) · ช่วงเวลา ${thaiDate(p.startDate)} ถึง ${thaiDate(
    p.endDate,
  )} · ปีงบประมาณ พ.ศ. ${fiscalYear} · ข้อมูล ณ สิ้นเดือน${thaiMonthOfPeriod(
    ceMonthOf(fiscalYear, closingOf(kind)),
  )}`;
};

export const SUMMARY_HEADER = ['สถานะ', 'จำนวนขั้นตอน'];
export const summaryRows = (f: ProgressFigures): string[][] => [
  ...STATUSES.map((s) => [PROGRESS_STATUS_LABELS[s] ?? s, String(f.totals.byStatus[s])]),
  [NOT_REPORTED, String(f.totals.notReported)],
  ['รวม', String(f.totals.steps)],
];

export const summaryLines = (f: ProgressFigures) => [
  `จำนวนมาตรการ ${f.measures} มาตรการ ขั้นตอนทั้งหมด ${f.totals.steps} ขั้นตอน`,
  `ความก้าวหน้าโดยรวม ร้อยละ ${f.totals.percent.toFixed(2)}`,
  `ขั้นตอนที่เกินกำหนด ${f.totals.overdue} ขั้นตอน`,
];

export const PROGRESS_HEADER = [
  'ประเด็น/มาตรการ',
  'ขั้นตอนหรือวิธีการปฏิบัติ',
  'ระยะเวลา',
  'ผู้รับผิดชอบ',
  'สถานะ',
  'ร้อยละ',
  'ผลการดำเนินการ',
  'ปัญหา/อุปสรรค',
];

/** One row per step; the measure's cell is written on its first step's row. */
export const progressRows = (f: ProgressFigures): string[][] => {
  let last = -1;
  return f.steps.map((s) => {
    const first = s.measureNo !== last;
    last = s.measureNo;
    return [
      first ? `${s.measureNo}. ${s.issue}\nมาตรการ: ${s.measure}` : '',
      `${s.no}. ${s.text}`,
      s.period,
      s.owner,
      s.overdue ? `${s.statusLabel} (เกินกำหนด)` : s.statusLabel,
      String(s.percent),
      s.done,
      s.problems,
    ];
  });
};
