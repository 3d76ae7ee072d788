/**
 * Months of a Thai fiscal year (October to September) as the enumeration values used by the
 * plan's measures and steps and by progress periods, with their order and calendar month.
 */
export const FISCAL_MONTHS = [
  'oct',
  'nov',
  'dec',
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
] as const;
export type FiscalMonth = (typeof FISCAL_MONTHS)[number];

export const isFiscalMonth = (v: unknown): v is FiscalMonth =>
  typeof v === 'string' && (FISCAL_MONTHS as readonly string[]).includes(v);

/** 0 for October … 11 for September. */
export const fiscalMonthIndex = (m: FiscalMonth) => FISCAL_MONTHS.indexOf(m);

/** Calendar month 1–12 of a fiscal month. */
export const calendarMonth = (m: FiscalMonth) => ((fiscalMonthIndex(m) + 9) % 12) + 1;

/** The CE `YYYY-MM` of a fiscal month in Buddhist-era fiscal year `fy`. */
export const ceMonthOf = (fy: number, m: FiscalMonth) => {
  const cal = calendarMonth(m);
  const year = cal >= 10 ? fy - 544 : fy - 543;
  return `${year}-${String(cal).padStart(2, '0')}`;
};

/** The fiscal month of a calendar month 1–12. */
export const fiscalMonthOfCalendar = (month: number): FiscalMonth =>
  FISCAL_MONTHS[(month + 2) % 12] as FiscalMonth;

export type Cadence = 'monthly' | 'quarterly' | 'half_year' | 'annual';

/** The reporting periods of a plan: the months at whose end progress is reported. */
export const PERIODS_BY_CADENCE: Record<Cadence, readonly FiscalMonth[]> = {
  monthly: FISCAL_MONTHS,
  quarterly: ['dec', 'mar', 'jun', 'sep'],
  half_year: ['mar', 'sep'],
  annual: ['sep'],
};
