import { errors } from '@strapi/utils';
import { toArabicDigits } from '../common/thai';

/**
 * Thai fiscal years (ปีงบประมาณ): fiscal year Y (Buddhist Era) runs from 1 October of Y−1 to
 * 30 September of Y, in Asia/Bangkok time (UTC+7, no daylight saving). BE = CE + 543.
 */
export const BE_OFFSET = 543;
export const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
export const MIN_FISCAL_YEAR = 2540;
export const MAX_FISCAL_YEAR = 2700;

export const ceToBe = (ce: number): number => ce + BE_OFFSET;
export const beToCe = (be: number): number => be - BE_OFFSET;

/** The calendar date in Bangkok of an instant: { year (CE), month 1–12, day }. */
export const bangkokDate = (instant: Date): { year: number; month: number; day: number } => {
  const shifted = new Date(instant.getTime() + BANGKOK_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Today's calendar date in Bangkok as `YYYY-MM-DD` (CE): the one "today" of every rule. */
export const todayInBangkok = (now: Date = new Date()): string => {
  const { year, month, day } = bangkokDate(now);
  return `${year}-${pad2(month)}-${pad2(day)}`;
};

/** The fiscal year (BE) that a calendar month (CE year, month 1–12) belongs to. */
export const fiscalYearOfMonth = (ceYear: number, month: number): number =>
  ceToBe(month >= 10 ? ceYear + 1 : ceYear);

/** The fiscal year (BE) of an instant, judged in Bangkok time. */
export const fiscalYearOf = (instant: Date = new Date()): number => {
  const { year, month } = bangkokDate(instant);
  return fiscalYearOfMonth(year, month);
};

/** The fiscal year (BE) of a date-only string "YYYY-MM-DD" (CE), as Strapi stores `date` fields. */
export const fiscalYearOfDateString = (isoDate: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  return fiscalYearOfMonth(Number(m[1]), Number(m[2]));
};

/** First and last instants of fiscal year Y: 1 Oct (Y−1) 00:00 and 30 Sep (Y) 23:59:59.999, Bangkok. */
export const fiscalYearRange = (fiscalYear: number): { start: Date; end: Date } => {
  const ceEnd = beToCe(fiscalYear);
  const start = new Date(Date.UTC(ceEnd - 1, 9, 1) - BANGKOK_OFFSET_MS);
  const end = new Date(Date.UTC(ceEnd, 9, 1) - BANGKOK_OFFSET_MS - 1);
  return { start, end };
};

/** The calendar months of fiscal year Y in order: Oct (Y−1) … Sep (Y), as { year (CE), month }. */
export const fiscalYearMonths = (fiscalYear: number): Array<{ year: number; month: number }> => {
  const ceEnd = beToCe(fiscalYear);
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    return { year: month >= 10 ? ceEnd - 1 : ceEnd, month };
  });
};

/** The calendar (CE) year of month `month` within fiscal year Y. */
export const calendarYearOfFiscalMonth = (fiscalYear: number, month: number): number =>
  month >= 10 ? beToCe(fiscalYear) - 1 : beToCe(fiscalYear);

export const isValidFiscalYear = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= MIN_FISCAL_YEAR &&
  value <= MAX_FISCAL_YEAR;

/**
 * Reads a fiscal year typed by a person: "2569", "๒๕๖๙", "พ.ศ. 2569", " 2569 ", 2569.
 * Returns null for anything that is not a BE year in range (a CE year such as 2026 is refused:
 * mixing the two eras is the commonest mistake in Thai forms).
 */
export const parseFiscalYear = (input: unknown): number | null => {
  if (typeof input === 'number') return isValidFiscalYear(input) ? input : null;
  if (typeof input !== 'string') return null;
  const cleaned = toArabicDigits(input)
    .replace(/^\s*(พ\.?\s*ศ\.?|ปีงบประมาณ|ปีงบ)\s*/u, '')
    .trim();
  if (!/^\d{4}$/.test(cleaned)) return null;
  const year = Number(cleaned);
  return isValidFiscalYear(year) ? year : null;
};

/** The one message for a fiscal year that cannot be read (Thai, then English). */
export const invalidFiscalYearMessage = (raw: unknown): string => {
  const shown = String(raw ?? '').slice(0, 40);
  return `ปีงบประมาณ "${shown}" ไม่ถูกต้อง ต้องเป็นปี พ.ศ. เช่น 2569 / Invalid fiscal year "${shown}": use the Buddhist-era year, e.g. 2569`;
};

const decodeSafe = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * THE parser of a fiscal-year parameter — URL path or query, request body, CLI argument: what
 * `parseFiscalYear` reads (percent-encoded too), else a ValidationError (HTTP 400) with
 * `invalidFiscalYearMessage`. When the parameter is absent (undefined, null or '') and
 * `whenAbsent` is given, its value is returned instead (e.g. the current fiscal year).
 */
export function parseFiscalYearParam(raw: unknown): number;
export function parseFiscalYearParam<T>(raw: unknown, whenAbsent: () => T): number | T;
export function parseFiscalYearParam<T>(raw: unknown, whenAbsent?: () => T): number | T {
  if (whenAbsent && (raw === undefined || raw === null || raw === '')) return whenAbsent();
  const year = parseFiscalYear(typeof raw === 'string' ? decodeSafe(raw) : raw);
  if (year === null) throw new errors.ValidationError(invalidFiscalYearMessage(raw));
  return year;
}

export const THAI_MONTHS = [
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

/** "ตุลาคม 2568" for month 10 of fiscal year 2569. */
export const thaiMonthLabel = (fiscalYear: number, month: number): string =>
  `${THAI_MONTHS[month - 1]} ${ceToBe(calendarYearOfFiscalMonth(fiscalYear, month))}`;
