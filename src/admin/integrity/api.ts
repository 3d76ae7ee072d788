/**
 * Shapes of the /integrity admin routes (docs/integrity-measures.md) and the vocabulary of the
 * measures pages: fiscal months as Thai month names with Buddhist-Era years, progress statuses.
 */
import {
  FISCAL_MONTHS,
  calendarMonth,
  fiscalMonthOfCalendar,
  isFiscalMonth,
  type FiscalMonth,
} from '../../integrity/months';
import { errorStatus } from '../compliance/api';
import {
  THAI_MONTHS_LONG,
  THAI_MONTHS_SHORT,
  currentFiscalYear,
  todayInBangkok,
} from '../compliance/labels';
import { thaiMessage } from '../participation/api';

export { FISCAL_MONTHS, isFiscalMonth, type FiscalMonth };

export type ProgressStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';
export const PROGRESS_STATUSES: ProgressStatus[] = [
  'not_started',
  'in_progress',
  'done',
  'cancelled',
];
export const PROGRESS_STATUS_LABEL: Record<ProgressStatus, string> = {
  not_started: 'ยังไม่เริ่ม',
  in_progress: 'กำลังดำเนินการ',
  done: 'ดำเนินการแล้วเสร็จ',
  cancelled: 'ยกเลิก',
};
export const progressStatusLabel = (s: string | null | undefined) =>
  s ? (PROGRESS_STATUS_LABEL[s as ProgressStatus] ?? s) : 'ยังไม่รายงาน';

export const CADENCE_LABEL: Record<string, string> = {
  monthly: 'รายเดือน',
  quarterly: 'รายไตรมาส',
  half_year: 'รอบ 6 เดือน',
  annual: 'รายปี',
};

export type WorkGroupRef = { documentId: string; name: string } | null;
export type FileRef = { id: number; name: string; url: string };

export type LatestProgress = {
  period: FiscalMonth;
  status: ProgressStatus;
  percent: number | null;
  done: string | null;
  problems: string | null;
  evidence?: FileRef[];
  updatedAt: string | null;
};

export type PlanStep = {
  key: string;
  no?: number | string | null;
  text: string;
  startMonth: FiscalMonth | null;
  endMonth: FiscalMonth | null;
  owner: string | null;
  workGroup: WorkGroupRef;
  latest: LatestProgress | null;
  overdue: boolean;
  missingPeriods?: FiscalMonth[];
};

export type PlanMeasure = {
  index: number;
  issueNo: number | null;
  issue: string;
  indicatorCode: string | null;
  measure: string;
  target: string | null;
  startMonth: FiscalMonth | null;
  endMonth: FiscalMonth | null;
  owner: string | null;
  workGroup: WorkGroupRef;
  steps: PlanStep[];
};

export type PlanInfo = {
  documentId: string;
  title: string;
  workflowState: string | null;
  progressCadence: string | null;
  periods: FiscalMonth[];
};

export type PlanData = {
  unit: { code: string; nameTh: string };
  fiscalYear: number;
  plan: PlanInfo | null;
  measures: PlanMeasure[];
};

export type ScoresData = {
  unit: { code: string; nameTh: string };
  fiscalYear: number;
  target: number;
  years: number[];
  indicators: Array<{
    code: string;
    name: string;
    scores: Record<string, number | null>;
    belowTarget: boolean;
  }>;
  proposals: Array<{ code: string; name: string; score: number }>;
};

export type ByStatus = Record<ProgressStatus, number>;
export type RollupMeasure = {
  index: number;
  issue: string;
  measure: string;
  steps: number;
  byStatus: ByStatus;
  percent: number;
  overdue: number;
};
export type RollupUnit = {
  unit: { code: string; nameTh: string };
  plan: { documentId: string; workflowState: string | null } | null;
  measures: RollupMeasure[];
  totals: {
    measures: number;
    steps: number;
    byStatus: ByStatus;
    percent: number;
    overdue: number;
    missing: number;
    overTime?: Array<{ period: FiscalMonth; percent: number }>;
  };
};
export type RollupResponse = { data: RollupUnit[]; meta: { fiscalYear: number; asOf: string } };

/** Fiscal month `m` of fiscal year `fy` (BE): 'ตุลาคม 2567' (long) or 'ต.ค. 2567'. */
export const monthLabel = (fy: number, m: FiscalMonth | string | null | undefined, long = true) => {
  if (!isFiscalMonth(m)) return '-';
  const cal = calendarMonth(m);
  const year = cal >= 10 ? fy - 1 : fy;
  return `${(long ? THAI_MONTHS_LONG : THAI_MONTHS_SHORT)[cal - 1]} ${year}`;
};

/** A step's or a measure's period, as the seed writes it: 'ตุลาคม 2566 ถึง กันยายน 2567'. */
export const spanLabel = (fy: number, start: string | null, end: string | null) => {
  if (isFiscalMonth(start) && isFiscalMonth(end))
    return start === end
      ? monthLabel(fy, start)
      : `${monthLabel(fy, start)} ถึง ${monthLabel(fy, end)}`;
  if (isFiscalMonth(start)) return `ตั้งแต่ ${monthLabel(fy, start)}`;
  if (isFiscalMonth(end)) return `ถึง ${monthLabel(fy, end)}`;
  return 'ตลอดปีงบประมาณ';
};

const monthIndex = (m: string | null | undefined) =>
  isFiscalMonth(m) ? FISCAL_MONTHS.indexOf(m) : -1;

/** The plan's reporting periods a step can be reported in: those from the step's start on. */
export const periodsOfStep = (periods: FiscalMonth[], step: Pick<PlanStep, 'startMonth'>) => {
  const start = monthIndex(step.startMonth);
  return periods.filter((p) => monthIndex(p) >= start);
};

/**
 * The period offered first: the first one still missing a report, else the period open now
 * (the first whose month has not ended, in the current fiscal year), else the last.
 */
export const defaultPeriod = (fy: number, allowed: FiscalMonth[], step: PlanStep) => {
  const missing = (step.missingPeriods ?? []).find((p) => allowed.includes(p));
  if (missing) return missing;
  if (fy === currentFiscalYear()) {
    const now = monthIndex(fiscalMonthOfCalendar(Number(todayInBangkok().slice(5, 7))));
    const open = allowed.find((p) => monthIndex(p) >= now);
    if (open) return open;
  } else if (fy > currentFiscalYear()) return allowed[0];
  return allowed[allowed.length - 1];
};

/** A per cent as the panel writes it: '45%', '62.5%'. */
export const pct = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(Number(n))
    ? '-'
    : `${Math.round(Number(n) * 10) / 10}%`;

/** A score: '53.62' (no thousands separator, two decimals at most). */
export const scoreText = (n: number | null | undefined) =>
  n === null || n === undefined ? '-' : String(Math.round(Number(n) * 100) / 100);

/**
 * A failed call as Thai: the server's Thai message when it gave one; a route the server does
 * not have yet (404 with no message of ours) says the feature is not available.
 */
export const failureText = (error: unknown, fallback: string) => {
  const text = thaiMessage(error, '');
  if (text) return text;
  if (errorStatus(error) === 404) return 'ส่วนนี้ยังไม่พร้อมใช้งานในระบบ';
  if (errorStatus(error) === 403) return 'ท่านไม่มีสิทธิ์ดูหรือแก้ไขข้อมูลนี้';
  return fallback;
};

export const editPath = (uid: string, documentId: string) =>
  `/admin/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}`;

export const PLAN_UID = 'api::plan.plan';
export const REPORT_UID = 'api::report.report';
