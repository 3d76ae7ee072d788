import type { Core } from '@strapi/strapi';
import { todayInBangkok } from '../ita/fiscal-year';
import {
  ceMonthOf,
  fiscalMonthIndex,
  isFiscalMonth,
  PERIODS_BY_CADENCE,
  type Cadence,
  type FiscalMonth,
} from './months';

/**
 * The measures plan of a unit and fiscal year with its latest progress (docs/integrity-measures.md,
 * "Plan and progress"): one query per table whatever the number of units, and the pure rules
 * that say which steps are overdue and which reports are missing on a given day.
 */

export const PLAN_UID = 'api::plan.plan';
export const PROGRESS_UID = 'api::integrity-progress.integrity-progress';
export const MEASURES_KIND = 'integrity_measures';

export const PROGRESS_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const isCadence = (v: unknown): v is Cadence =>
  typeof v === 'string' && v in PERIODS_BY_CADENCE;
export const cadenceOf = (v: unknown): Cadence => (isCadence(v) ? v : 'half_year');
export const periodsOf = (cadence: unknown): FiscalMonth[] => [
  ...PERIODS_BY_CADENCE[cadenceOf(cadence)],
];

// ---------------------------------------------------------------------------------------------
// Pure rules
// ---------------------------------------------------------------------------------------------

/** A fiscal month of year `fy` has closed on `asOf` (YYYY-MM-DD, Bangkok) once its last day is past. */
export const monthClosed = (fiscalYear: number, month: FiscalMonth, asOf: string): boolean =>
  ceMonthOf(fiscalYear, month) < asOf.slice(0, 7);

/** The last day (YYYY-MM-DD, CE) of a fiscal month: the day its period closes. */
export const monthLastDay = (fiscalYear: number, month: FiscalMonth): string => {
  const [y, m] = ceMonthOf(fiscalYear, month).split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ceMonthOf(fiscalYear, month)}-${String(last).padStart(2, '0')}`;
};

export type ProgressLike = {
  period: FiscalMonth;
  status: ProgressStatus;
  percent?: number | null;
  updatedAt?: string | Date | null;
};

const time = (v: string | Date | null | undefined) => (v ? new Date(v).getTime() : 0);

/** The latest row of a step: the latest period, then the last updated. */
export const latestOf = <T extends ProgressLike>(rows: T[]): T | null => {
  let best: T | null = null;
  for (const r of rows) {
    if (
      !best ||
      fiscalMonthIndex(r.period) > fiscalMonthIndex(best.period) ||
      (r.period === best.period && time(r.updatedAt) > time(best.updatedAt))
    )
      best = r;
  }
  return best;
};

const finished = (s: string | undefined | null) => s === 'done' || s === 'cancelled';

/** The effective start and end month of a step: its own, else its measure's, else the year. */
export const stepMonths = (
  step: { startMonth?: unknown; endMonth?: unknown },
  measure: { startMonth?: unknown; endMonth?: unknown },
): { startMonth: FiscalMonth; endMonth: FiscalMonth } => ({
  startMonth: isFiscalMonth(step.startMonth)
    ? step.startMonth
    : isFiscalMonth(measure.startMonth)
      ? measure.startMonth
      : 'oct',
  endMonth: isFiscalMonth(step.endMonth)
    ? step.endMonth
    : isFiscalMonth(measure.endMonth)
      ? measure.endMonth
      : 'sep',
});

/** Overdue: the step's end month has closed and its latest status is neither done nor cancelled. */
export const isOverdue = (
  fiscalYear: number,
  endMonth: FiscalMonth,
  rows: ProgressLike[],
  asOf: string,
): boolean => monthClosed(fiscalYear, endMonth, asOf) && !finished(latestOf(rows)?.status);

/**
 * The closed reporting periods (of the plan's cadence) for which the step owes a report: the
 * step had started (startMonth ≤ period), no row exists for that period and no earlier row says
 * done or cancelled.
 */
export const missingPeriods = (
  fiscalYear: number,
  cadence: unknown,
  startMonth: FiscalMonth,
  rows: ProgressLike[],
  asOf: string,
): FiscalMonth[] => {
  const reported = new Set(rows.map((r) => r.period));
  return periodsOf(cadence).filter(
    (p) =>
      monthClosed(fiscalYear, p, asOf) &&
      fiscalMonthIndex(startMonth) <= fiscalMonthIndex(p) &&
      !reported.has(p) &&
      !rows.some((r) => fiscalMonthIndex(r.period) < fiscalMonthIndex(p) && finished(r.status)),
  );
};

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

type WorkGroupRow = { id: number; documentId: string; name: string } | null;
type StepRow = {
  id: number;
  key?: string | null;
  text?: string | null;
  startMonth?: string | null;
  endMonth?: string | null;
  owner?: string | null;
  workGroup?: WorkGroupRow;
};
type MeasureRow = {
  id: number;
  issueNo?: number | null;
  issue?: string | null;
  indicatorCode?: string | null;
  measure?: string | null;
  target?: string | null;
  startMonth?: string | null;
  endMonth?: string | null;
  owner?: string | null;
  workGroup?: WorkGroupRow;
  steps?: StepRow[] | null;
};
export type PlanRow = {
  id: number;
  documentId: string;
  title: string;
  fiscalYear: number;
  workflowState?: string | null;
  progressCadence?: string | null;
  updatedAt?: string | null;
  unitRef?: number | null;
  unit?: { id: number; code: string; nameTh: string } | null;
  measures?: MeasureRow[] | null;
};
export type ProgressRow = {
  id: number;
  documentId: string;
  planDocumentId: string;
  stepKey: string;
  period: FiscalMonth;
  status: ProgressStatus;
  percent: number | null;
  done: string | null;
  problems: string | null;
  updatedAt: string | null;
  evidence?: Array<{ id: number; name: string; url: string }> | null;
};

const WG = { select: ['id', 'documentId', 'name'] };
const PLAN_POPULATE = {
  unit: { select: ['id', 'code', 'nameTh'] },
  measures: {
    populate: {
      workGroup: WG,
      steps: { populate: { workGroup: WG } },
    },
  },
};

/**
 * The draft (latest) version of each unit's measures plan of `fiscalYear`, keyed by unit id: one
 * query, whatever the number of units. When a unit has several, the last updated wins.
 */
export const loadPlans = async (
  strapi: Core.Strapi,
  unitIds: number[],
  fiscalYear: number,
): Promise<Map<number, PlanRow>> => {
  const out = new Map<number, PlanRow>();
  if (!unitIds.length) return out;
  for (const r of await queryPlans(strapi, fiscalYear, unitIds)) {
    const unitId = r.unit?.id ?? r.unitRef;
    if (typeof unitId === 'number') out.set(unitId, r);
  }
  return out;
};

/** Every unit's measures plan of `fiscalYear` (draft versions, the last updated per unit): one query. */
export const loadPlansAllUnits = async (
  strapi: Core.Strapi,
  fiscalYear: number,
): Promise<PlanRow[]> => {
  const byUnit = new Map<number, PlanRow>();
  for (const r of await queryPlans(strapi, fiscalYear, null)) {
    const unitId = r.unit?.id ?? r.unitRef;
    if (typeof unitId === 'number') byUnit.set(unitId, r);
  }
  return [...byUnit.values()];
};

const queryPlans = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  unitIds: number[] | null,
): Promise<PlanRow[]> =>
  (await strapi.db.query(PLAN_UID).findMany({
    where: {
      ...(unitIds ? { unitRef: { $in: unitIds } } : {}),
      kind: MEASURES_KIND,
      fiscalYear,
      publishedAt: { $null: true },
    },
    select: [
      'id',
      'documentId',
      'title',
      'fiscalYear',
      'workflowState',
      'progressCadence',
      'updatedAt',
      'unitRef',
    ],
    populate: PLAN_POPULATE,
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
  })) as PlanRow[];

/** Every progress row of the given plans, keyed by `planDocumentId:stepKey`: one query. */
export const loadProgress = async (
  strapi: Core.Strapi,
  planDocumentIds: string[],
  withEvidence = false,
): Promise<Map<string, ProgressRow[]>> => {
  const out = new Map<string, ProgressRow[]>();
  if (!planDocumentIds.length) return out;
  const rows = (await strapi.db.query(PROGRESS_UID).findMany({
    where: { planDocumentId: { $in: planDocumentIds } },
    select: [
      'id',
      'documentId',
      'planDocumentId',
      'stepKey',
      'period',
      'progressStatus',
      'percent',
      'done',
      'problems',
      'updatedAt',
    ],
    ...(withEvidence ? { populate: { evidence: { select: ['id', 'name', 'url'] } } } : {}),
    orderBy: [{ id: 'asc' }],
  })) as Array<ProgressRow & { progressStatus?: ProgressStatus }>;
  for (const r of rows) {
    // Stored as `progressStatus`: a field named `status` is read by the Content Manager as the
    // draft/published dimension. Everything else (API, rules) calls it `status`.
    r.status = r.progressStatus as ProgressStatus;
    delete r.progressStatus;
    const k = `${r.planDocumentId}:${r.stepKey}`;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};

export type PlanStepView = {
  key: string;
  no: number;
  text: string;
  startMonth: FiscalMonth;
  endMonth: FiscalMonth;
  owner: string | null;
  workGroup: { documentId: string; name: string } | null;
  latest: {
    period: FiscalMonth;
    status: ProgressStatus;
    percent: number;
    done: string | null;
    problems: string | null;
    evidence: Array<{ id: number; name: string; url: string }>;
    updatedAt: string | null;
  } | null;
  overdue: boolean;
  missingPeriods: FiscalMonth[];
};

export type PlanMeasureView = {
  index: number;
  issueNo: number | null;
  issue: string;
  indicatorCode: string | null;
  measure: string;
  target: string | null;
  startMonth: FiscalMonth | null;
  endMonth: FiscalMonth | null;
  owner: string | null;
  workGroup: { documentId: string; name: string } | null;
  steps: PlanStepView[];
};

export type PlanView = {
  unit: { code: string; nameTh: string };
  fiscalYear: number;
  plan: {
    documentId: string;
    title: string;
    workflowState: string;
    progressCadence: Cadence;
    periods: FiscalMonth[];
  } | null;
  measures: PlanMeasureView[];
};

const wg = (w: WorkGroupRow | undefined) => (w ? { documentId: w.documentId, name: w.name } : null);

const percentOf = (r: { status: string; percent: number | null }) =>
  r.status === 'done' ? 100 : typeof r.percent === 'number' ? r.percent : 0;

/** The measures of a loaded plan with each step's latest progress, overdue flag and missing reports. */
export const measuresView = (
  plan: PlanRow,
  progress: Map<string, ProgressRow[]>,
  asOf: string,
): PlanMeasureView[] => {
  const cadence = cadenceOf(plan.progressCadence);
  return (plan.measures ?? []).map((m, index) => ({
    index,
    issueNo: m.issueNo ?? null,
    issue: m.issue ?? '',
    indicatorCode: m.indicatorCode ?? null,
    measure: m.measure ?? '',
    target: m.target ?? null,
    startMonth: isFiscalMonth(m.startMonth) ? m.startMonth : null,
    endMonth: isFiscalMonth(m.endMonth) ? m.endMonth : null,
    owner: m.owner ?? null,
    workGroup: wg(m.workGroup),
    steps: (m.steps ?? []).map((s, i) => {
      const key = s.key ?? '';
      const rows = progress.get(`${plan.documentId}:${key}`) ?? [];
      const { startMonth, endMonth } = stepMonths(s, m);
      const latest = latestOf(rows);
      return {
        key,
        no: i + 1,
        text: s.text ?? '',
        startMonth,
        endMonth,
        owner: s.owner ?? null,
        workGroup: wg(s.workGroup),
        latest: latest
          ? {
              period: latest.period,
              status: latest.status,
              percent: percentOf(latest),
              done: latest.done ?? null,
              problems: latest.problems ?? null,
              evidence: (latest.evidence ?? []).map((f) => ({
                id: f.id,
                name: f.name,
                url: f.url,
              })),
              updatedAt: latest.updatedAt ? new Date(latest.updatedAt).toISOString() : null,
            }
          : null,
        overdue: isOverdue(plan.fiscalYear, endMonth, rows, asOf),
        missingPeriods: missingPeriods(plan.fiscalYear, cadence, startMonth, rows, asOf),
      };
    }),
  }));
};

/**
 * `data` of GET /integrity/plan: the unit's measures plan of the fiscal year (its draft, i.e.
 * latest, version) with measures, steps, work groups and each step's latest progress, overdue
 * flag and missing reports as of `asOf` (YYYY-MM-DD, default today in Bangkok). No scope check:
 * the caller checks the unit may be read.
 */
export const loadPlan = async (
  strapi: Core.Strapi,
  unit: { id: number; code: string; nameTh: string },
  fiscalYear: number,
  options: { asOf?: string } = {},
): Promise<PlanView> => {
  const asOf = options.asOf ?? todayInBangkok();
  const plan = (await loadPlans(strapi, [unit.id], fiscalYear)).get(unit.id);
  const base = { unit: { code: unit.code, nameTh: unit.nameTh }, fiscalYear };
  if (!plan) return { ...base, plan: null, measures: [] };
  const progress = await loadProgress(strapi, [plan.documentId], true);
  const cadence = cadenceOf(plan.progressCadence);
  return {
    ...base,
    plan: {
      documentId: plan.documentId,
      title: plan.title,
      workflowState: plan.workflowState ?? 'draft',
      progressCadence: cadence,
      periods: periodsOf(cadence),
    },
    measures: measuresView(plan, progress, asOf),
  };
};

// ---------------------------------------------------------------------------------------------
// Roll-up
// ---------------------------------------------------------------------------------------------

export type ByStatus = Record<ProgressStatus, number>;
const zero = (): ByStatus => ({ not_started: 0, in_progress: 0, done: 0, cancelled: 0 });

export type MeasureSummary = {
  index: number;
  issue: string;
  measure: string;
  steps: number;
  byStatus: ByStatus;
  percent: number;
  overdue: number;
};

export type UnitSummary = {
  unit: { code: string; nameTh: string };
  plan: { documentId: string; workflowState: string } | null;
  measures: MeasureSummary[];
  totals: {
    measures: number;
    steps: number;
    byStatus: ByStatus;
    percent: number;
    overdue: number;
    missing: number;
    /** Per cent done at the end of each reporting period begun by `asOf` (progress over time). */
    overTime: Array<{ period: FiscalMonth; percent: number }>;
  };
};

/**
 * Per cent done over time: for each reporting period of the plan that has begun by `asOf`, the
 * mean per cent of its steps as reported at or before that period (a step without a report
 * counts 0; a step cancelled by then is left out) — the same rule as the totals, read at each
 * period instead of today.
 */
export const percentOverTime = (
  plan: PlanRow,
  progress: Map<string, ProgressRow[]>,
  asOf: string,
): Array<{ period: FiscalMonth; percent: number }> => {
  const steps = (plan.measures ?? []).flatMap((m) => m.steps ?? []).filter((st) => st.key);
  return periodsOf(plan.progressCadence)
    .filter((p) => ceMonthOf(plan.fiscalYear, p) <= asOf.slice(0, 7))
    .map((p) => {
      let sum = 0;
      let counted = 0;
      for (const st of steps) {
        const rows = (progress.get(`${plan.documentId}:${st.key}`) ?? []).filter(
          (r) => fiscalMonthIndex(r.period) <= fiscalMonthIndex(p),
        );
        const latest = latestOf(rows);
        if (latest?.status === 'cancelled') continue;
        counted += 1;
        sum += latest ? percentOf(latest) : 0;
      }
      return { period: p, percent: counted ? Math.round(sum / counted) : 0 };
    });
};

/** Mean per cent of the steps (a step without a report counts 0; cancelled steps are left out). */
const meanPercent = (steps: PlanStepView[]) => {
  const counted = steps.filter((s) => s.latest?.status !== 'cancelled');
  if (!counted.length) return 0;
  return Math.round(
    counted.reduce((sum, s) => sum + (s.latest ? s.latest.percent : 0), 0) / counted.length,
  );
};

/** One unit's roll-up from its measures view. */
export const summarizeMeasures = (measures: PlanMeasureView[]) => {
  const summaries: MeasureSummary[] = measures.map((m) => {
    const byStatus = zero();
    for (const s of m.steps) byStatus[s.latest?.status ?? 'not_started'] += 1;
    return {
      index: m.index,
      issue: m.issue,
      measure: m.measure,
      steps: m.steps.length,
      byStatus,
      percent: meanPercent(m.steps),
      overdue: m.steps.filter((s) => s.overdue).length,
    };
  });
  const all = measures.flatMap((m) => m.steps);
  const byStatus = zero();
  for (const s of summaries) for (const k of PROGRESS_STATUSES) byStatus[k] += s.byStatus[k];
  return {
    measures: summaries,
    totals: {
      measures: measures.length,
      steps: all.length,
      byStatus,
      percent: meanPercent(all),
      overdue: all.filter((s) => s.overdue).length,
      missing: all.reduce((n, s) => n + s.missingPeriods.length, 0),
    },
  };
};

export type UnitPlanDetail = {
  unit: { id: number; code: string; nameTh: string };
  plan: PlanRow | null;
  measures: PlanMeasureView[];
  overTime: Array<{ period: FiscalMonth; percent: number }>;
};

/**
 * Every given unit's plan and measures view of the fiscal year, in the order of `units`: one
 * query for the plans (with their components) and one for the progress rows, whatever the number
 * of units.
 */
export const loadUnitPlans = async (
  strapi: Core.Strapi,
  units: Array<{ id: number; code: string; nameTh: string }>,
  fiscalYear: number,
  asOf: string,
): Promise<UnitPlanDetail[]> => {
  const plans = await loadPlans(
    strapi,
    units.map((u) => u.id),
    fiscalYear,
  );
  const progress = await loadProgress(
    strapi,
    [...plans.values()].map((p) => p.documentId),
  );
  return units.map((unit) => {
    const plan = plans.get(unit.id) ?? null;
    return {
      unit,
      plan,
      measures: plan ? measuresView(plan, progress, asOf) : [],
      overTime: plan ? percentOverTime(plan, progress, asOf) : [],
    };
  });
};

/**
 * The roll-up of GET /integrity/progress for the given units (ids), in unit-code order: one query
 * per table (units, plans, progress), never one per unit.
 */
export const progressSummary = async (
  strapi: Core.Strapi,
  unitIds: number[],
  fiscalYear: number,
  asOf: string = todayInBangkok(),
): Promise<UnitSummary[]> => {
  if (!unitIds.length) return [];
  const units = (await strapi.db.query('api::unit.unit').findMany({
    where: { id: { $in: unitIds } },
    select: ['id', 'code', 'nameTh'],
    orderBy: [{ code: 'asc' }],
  })) as Array<{ id: number; code: string; nameTh: string }>;
  const details = await loadUnitPlans(strapi, units, fiscalYear, asOf);
  return details.map(({ unit, plan, measures, overTime }) => {
    const { measures: summaries, totals } = summarizeMeasures(measures);
    return {
      unit: { code: unit.code, nameTh: unit.nameTh },
      plan: plan
        ? { documentId: plan.documentId, workflowState: plan.workflowState ?? 'draft' }
        : null,
      measures: summaries,
      totals: { ...totals, overTime },
    };
  });
};
