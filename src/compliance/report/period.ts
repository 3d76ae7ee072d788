import { errors } from '@strapi/utils';
import {
  BANGKOK_OFFSET_MS,
  bangkokDate,
  ceToBe,
  fiscalYearOfMonth,
  isValidFiscalYear,
  todayInBangkok,
} from '../../ita/fiscal-year';

/** A report month: `YYYY-MM` (CE), its fiscal year (BE) and the date it is evaluated on. */
export type ReportPeriod = {
  period: string;
  year: number;
  month: number;
  fiscalYear: number;
  /** First and last calendar days of the month (`YYYY-MM-DD`). */
  firstDay: string;
  lastDay: string;
  /** The month is under way (today in Bangkok falls in it): evaluated on today, not its end. */
  current: boolean;
  /** The date the statuses are evaluated on: the month's last day, or today for the current month. */
  asOf: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
export const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

export const THAI_MONTHS_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

/** `2026-03-31` → `31 มี.ค. 2569`; empty for null. */
export const thaiDate = (iso: string | null | undefined): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!m) return '';
  return `${Number(m[3])} ${THAI_MONTHS_SHORT[Number(m[2]) - 1]} ${ceToBe(Number(m[1]))}`;
};

/** An instant as a Thai date and time in Bangkok: `1 เม.ย. 2569 07:00 น.` */
export const thaiDateTime = (instant: Date | string | null | undefined): string => {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return '';
  const shifted = new Date(d.getTime() + BANGKOK_OFFSET_MS);
  const date = `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
  return `${thaiDate(date)} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())} น.`;
};

/** `2026-03` → `มีนาคม 2569`. */
export const thaiMonthOfPeriod = (period: string): string => {
  const m = PERIOD_RE.exec(period);
  return m ? `${THAI_MONTHS_LONG[Number(m[2]) - 1]} ${ceToBe(Number(m[1]))}` : period;
};

/** Builds the period of a year and month without checks. */
export const periodOf = (year: number, month: number, today: string): ReportPeriod => {
  const period = `${year}-${pad(month)}`;
  const firstDay = `${period}-01`;
  const lastDay = `${period}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
  const current = today >= firstDay && today <= lastDay;
  return {
    period,
    year,
    month,
    fiscalYear: fiscalYearOfMonth(year, month),
    firstDay,
    lastDay,
    current,
    asOf: current ? today : lastDay,
  };
};

/**
 * Reads `YYYY-MM` from a request: 400 when malformed, outside the supported fiscal years or a
 * month that has not begun yet (Bangkok time).
 */
export const parsePeriod = (raw: unknown, today: string = todayInBangkok()): ReportPeriod => {
  const m = typeof raw === 'string' ? PERIOD_RE.exec(raw) : null;
  if (!m)
    throw new errors.ValidationError(
      `เดือนของรายงาน "${String(raw).slice(0, 20)}" ไม่ถูกต้อง ต้องเป็น YYYY-MM (ค.ศ.) เช่น 2026-03 / Invalid period: use YYYY-MM (CE), e.g. 2026-03`,
    );
  const p = periodOf(Number(m[1]), Number(m[2]), today);
  if (!isValidFiscalYear(p.fiscalYear))
    throw new errors.ValidationError(
      `เดือน ${p.period} อยู่นอกช่วงที่รองรับ / Period out of range`,
    );
  if (p.firstDay > today)
    throw new errors.ValidationError(
      `เดือน ${p.period} ยังมาไม่ถึง / ${p.period} is a future month`,
    );
  return p;
};

/** The month before the one `now` falls in (Bangkok): what the 1st-of-month job reports on. */
export const previousPeriod = (now: Date = new Date()): ReportPeriod => {
  const { year, month } = bangkokDate(now);
  const prev = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  return periodOf(prev.year, prev.month, todayInBangkok(now));
};

/** Start (inclusive) and end (exclusive) instants of a calendar month in Bangkok, as ISO strings. */
export const monthRange = (p: ReportPeriod): { from: string; to: string } => {
  const from = new Date(Date.UTC(p.year, p.month - 1, 1) - BANGKOK_OFFSET_MS).toISOString();
  const to = new Date(Date.UTC(p.year, p.month, 1) - BANGKOK_OFFSET_MS).toISOString();
  return { from, to };
};
