import type { Cadence } from '../ita/cadence';
import { beToCe, fiscalYearMonths, todayInBangkok } from '../ita/fiscal-year';

/**
 * When a checklist item is due and whether a unit has met it: pure functions of the item's
 * cadence (src/ita/data/README.md), its per-item overrides, the unit's entries and today's date
 * in Bangkok. Dates are calendar dates `YYYY-MM-DD` (CE), compared as strings.
 */

export const STATUSES = [
  'complete',
  'declared_none',
  'in_review',
  'to_review',
  'incomplete_evidence',
  'overdue',
  'missing',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS_TH: Record<Status, string> = {
  complete: 'ครบถ้วน',
  declared_none: 'ประกาศว่าไม่มี',
  in_review: 'อยู่ระหว่างพิจารณา',
  to_review: 'ต้องทบทวนความเป็นปัจจุบัน',
  incomplete_evidence: 'หลักฐานไม่ครบองค์ประกอบ',
  overdue: 'เกินกำหนด',
  missing: 'ยังไม่ถึงกำหนด',
};

/**
 * What the public (the ITA page, the widget, the assessor export) is told: the public subset of
 * the one status. `not_yet_due`: nothing published and the due date has not passed.
 */
export const PUBLIC_STATUSES = ['complete', 'declared_none', 'not_yet_due', 'missing'] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];
export const PUBLIC_STATUS_LABELS_TH: Record<PublicStatus, string> = {
  complete: 'เผยแพร่แล้ว',
  declared_none: 'ประกาศว่าไม่มี',
  not_yet_due: 'ยังไม่ถึงกำหนด',
  missing: 'ยังไม่เผยแพร่',
};

/** An item's timing: its cadence and optional overrides set by an administrator. */
export type ItemRule = {
  cadence: Cadence | string | null;
  /** Due date within the fiscal year (month 1–12, day 1–31), replacing the cadence default. */
  dueMonth?: number | null;
  dueDay?: number | null;
  /** Monthly items: days after a month's end before its entry is late (default: end of next month). */
  graceDays?: number | null;
  /** Standing items: months after publication (or the last confirmation) before an entry must
   * be confirmed current again (default REVIEW_MONTHS). */
  reviewMonths?: number | null;
  /** The item lists evidence elements the approver must tick (see `elementsConfirmed`). */
  hasElements?: boolean;
};

/** Default review-by period of standing evidence, in months. */
export const REVIEW_MONTHS = 12;

/** What the engine knows of one entry linked to the item, in one unit. */
export type EntryFacts = {
  documentId: string;
  type: string;
  title: string;
  /** The published version exists. */
  published: boolean;
  publishedAt: string | null;
  workflowState: string | null;
  isNone: boolean;
  fiscalYear: number | null;
  /** Monthly summaries: calendar month 1–12. */
  month: number | null;
  /** Dated entries: `YYYY-MM-DD`. */
  date: string | null;
  period: { start: string; end: string } | null;
  /**
   * Linked by the year rollover (carry-over) rather than by the entry itself:
   * `to_confirm` until the unit confirms it is still current, then `confirmed`.
   * Absent/null for the entry's own links.
   */
  carried?: 'to_confirm' | 'confirmed' | null;
  /** Standing evidence: the last time it was published or confirmed current (ISO datetime). */
  reviewedAt?: string | null;
  /** The approver ticked every evidence element of this item for this entry (null: unknown). */
  elementsConfirmed?: boolean | null;
};

export type Evaluation = {
  status: Status;
  /** The date that decides the status: the item's due date, or for monthly items the earliest
   * missing month's, else the next month to come due. Null when nothing more falls due. */
  dueDate: string | null;
  /** Monthly items: months (1–12) already due and not covered. */
  missingMonths?: number[];
  /** The entries behind the status (published ones that count, or those in review). */
  entries: EntryFacts[];
};

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) =>
  `${year}-${pad(month)}-${pad(day)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** A date `days` after a calendar date. */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86400000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
};

/** Today's date in Bangkok (defined once, in src/ita/fiscal-year.ts). */
export { todayInBangkok };

/** A month/day inside fiscal year Y: October–December fall in CE year Y−544, the rest in Y−543. */
export const dateInFiscalYear = (fiscalYear: number, month: number, day: number): string => {
  const year = month >= 10 ? beToCe(fiscalYear) - 1 : beToCe(fiscalYear);
  return isoDate(year, month, Math.min(day, lastDay(year, month)));
};

/**
 * Default due dates (month, day within the fiscal year): standing information one month into
 * the year; this year's plans by the end of the first quarter; the previous year's report, the
 * year's events and anything else assessed by the start of the assessment (end of March); the
 * 6-month report one month after March.
 */
export const DEFAULT_DUE: Record<string, [number, number]> = {
  standing: [10, 31],
  unknown: [10, 31],
  annual_current_fy: [12, 31],
  multi_year_covering_current_fy: [12, 31],
  annual_previous_fy: [3, 31],
  event_current_fy: [3, 31],
  half_year_current_fy: [4, 30],
};

export const dueDateOf = (rule: ItemRule, fiscalYear: number): string => {
  const [month, day] =
    rule.dueMonth && rule.dueMonth >= 1 && rule.dueMonth <= 12
      ? [rule.dueMonth, rule.dueDay && rule.dueDay >= 1 ? rule.dueDay : 31]
      : (DEFAULT_DUE[rule.cadence ?? 'unknown'] ?? DEFAULT_DUE.unknown);
  return dateInFiscalYear(fiscalYear, month, day);
};

/** Monthly items: each month of the fiscal year with the date its entry is due. */
export const monthlyDueDates = (
  fiscalYear: number,
  graceDays?: number | null,
): Array<{ year: number; month: number; due: string }> =>
  fiscalYearMonths(fiscalYear).map(({ year, month }) => {
    const monthEnd = isoDate(year, month, lastDay(year, month));
    const due =
      graceDays !== null && graceDays !== undefined && graceDays >= 0
        ? addDays(monthEnd, graceDays)
        : isoDate(
            month === 12 ? year + 1 : year,
            month === 12 ? 1 : month + 1,
            lastDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1),
          );
    return { year, month, due };
  });

const FIRST_HALF = [10, 11, 12, 1, 2, 3];

/** Does a published entry count for the item in fiscal year Y, given the cadence? */
export const counts = (cadence: string | null, e: EntryFacts, fiscalYear: number): boolean => {
  const fy = e.fiscalYear;
  switch (cadence) {
    case 'annual_current_fy':
    case 'event_current_fy':
      return fy === null || fy === fiscalYear;
    case 'annual_previous_fy':
      return fy === null || fy === fiscalYear - 1;
    case 'multi_year_covering_current_fy': {
      if (e.period) {
        const start = dateInFiscalYear(fiscalYear, 10, 1);
        const end = dateInFiscalYear(fiscalYear, 9, 30);
        return e.period.start <= start && e.period.end >= end;
      }
      return fy === null || fy === fiscalYear;
    }
    case 'half_year_current_fy':
      if (fy !== null && fy !== fiscalYear) return false;
      if (e.month !== null) return FIRST_HALF.includes(e.month);
      if (e.period) return e.period.end >= dateInFiscalYear(fiscalYear, 3, 31);
      return true;
    case 'monthly':
      return fy === fiscalYear && e.month !== null;
    default:
      return true; // standing, unknown
  }
};

/**
 * The published entries that count for the item in fiscal year Y (cadence, fiscal year of the
 * entry): the evidence the status rests on, and all that the public ITA page lists for the item.
 */
export const publicEntriesOf = (
  rule: Pick<ItemRule, 'cadence'>,
  fiscalYear: number,
  entries: EntryFacts[],
): EntryFacts[] =>
  entries.filter((e) => e.published && counts(rule.cadence ?? 'unknown', e, fiscalYear));

const inReview = (entries: EntryFacts[]) => entries.filter((e) => !e.published);

/** The date `months` calendar months after an ISO date(time), as `YYYY-MM-DD`. */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return isoDate(year, month, Math.min(d, lastDay(year, month)));
};

/** Standing evidence: the date by which it must be confirmed current again (null: no limit). */
export const reviewByOf = (rule: ItemRule, e: EntryFacts): string | null => {
  if ((rule.cadence ?? 'unknown') !== 'standing') return null;
  const from = e.reviewedAt ?? e.publishedAt;
  if (!from) return null;
  const months = rule.reviewMonths && rule.reviewMonths > 0 ? rule.reviewMonths : REVIEW_MONTHS;
  return addMonths(from, months);
};

/** Carried into the year and not yet confirmed current by the unit. */
const unconfirmed = (e: EntryFacts) => e.carried === 'to_confirm';

/** The status of one item for one unit and fiscal year, on `today` (`YYYY-MM-DD`, Bangkok). */
export const evaluate = (
  rule: ItemRule,
  fiscalYear: number,
  entries: EntryFacts[],
  today: string,
): Evaluation => {
  const cadence = rule.cadence ?? 'unknown';
  const counting = publicEntriesOf(rule, fiscalYear, entries);
  // Carried evidence the unit has not confirmed yet is shown but counts as "in review".
  const carriedOnly = counting.filter(unconfirmed);
  const published = counting.filter((e) => !unconfirmed(e));
  const pending = [...inReview(entries), ...carriedOnly];

  if (cadence === 'monthly') {
    const months = monthlyDueDates(fiscalYear, rule.graceDays);
    const covered = new Map<number, EntryFacts[]>();
    for (const e of published)
      covered.set(e.month as number, [...(covered.get(e.month as number) ?? []), e]);
    const due = months.filter((m) => m.due < today);
    const missing = due.filter((m) => !covered.has(m.month));
    const nextDue = months.find((m) => m.due >= today && !covered.has(m.month))?.due ?? null;
    if (missing.length) {
      const pendingMonths = new Set(pending.filter((e) => e.month !== null).map((e) => e.month));
      const allPending = missing.every((m) => pendingMonths.has(m.month));
      return {
        status: allPending ? 'in_review' : 'overdue',
        dueDate: missing[0].due,
        missingMonths: missing.map((m) => m.month),
        entries: allPending ? pending : published,
      };
    }
    if (!published.length)
      return {
        status: pending.length ? 'in_review' : 'missing',
        dueDate: nextDue,
        entries: pending,
      };
    const allNone = published.every((e) => e.isNone);
    return {
      status: allNone ? 'declared_none' : 'complete',
      dueDate: nextDue,
      missingMonths: [],
      entries: published,
    };
  }

  const dueDate = dueDateOf(rule, fiscalYear);
  const real = published.filter((e) => !e.isNone);
  if (real.length) {
    // Standing evidence past its review-by date no longer vouches for the item. A fiscal year
    // that has ended is judged as it stood on its last day: it was current then or it was not.
    const yearEnd = dateInFiscalYear(fiscalYear, 9, 30);
    const reviewDay = today < yearEnd ? today : yearEnd;
    const current = real.filter((e) => {
      const by = reviewByOf(rule, e);
      return by === null || by >= reviewDay;
    });
    if (!current.length) return { status: 'to_review', dueDate, entries: real };
    if (rule.hasElements && !current.some((e) => e.elementsConfirmed !== false))
      return { status: 'incomplete_evidence', dueDate, entries: current };
    return { status: 'complete', dueDate, entries: current };
  }
  if (published.length) return { status: 'declared_none', dueDate, entries: published };
  if (pending.length) return { status: 'in_review', dueDate, entries: pending };
  return { status: today > dueDate ? 'overdue' : 'missing', dueDate, entries: [] };
};

/**
 * The public subset of a status: what the ITA page, the widget and the assessor export show.
 * Published evidence is "complete" to the public even while the unit still has to confirm it
 * (carried) or review it; a status with nothing published is "not yet due" until the due date
 * and "missing" after it.
 */
export const publicStatusOf = (
  ev: Pick<Evaluation, 'status' | 'dueDate' | 'entries'>,
  today: string,
): PublicStatus => {
  switch (ev.status) {
    case 'complete':
    case 'to_review':
    case 'incomplete_evidence':
      return 'complete';
    case 'declared_none':
      return 'declared_none';
    case 'in_review': {
      const shown = ev.entries.filter((e) => e.published);
      if (shown.length) return shown.every((e) => e.isNone) ? 'declared_none' : 'complete';
      return ev.dueDate !== null && today > ev.dueDate ? 'missing' : 'not_yet_due';
    }
    case 'overdue':
      return 'missing';
    default:
      return 'not_yet_due';
  }
};

/** Statuses that count as done in progress, reports and the ranking: what the public sees as published. */
export const isDone = (ev: Pick<Evaluation, 'status' | 'dueDate' | 'entries'>, today: string) => {
  const p = publicStatusOf(ev, today);
  return p === 'complete' || p === 'declared_none';
};
