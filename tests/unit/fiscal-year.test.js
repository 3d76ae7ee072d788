/** Fiscal-year arithmetic (compiled from src/ita/fiscal-year.ts by the global setup). */
const fy = require('../../dist/src/ita/fiscal-year');
const { toArabicDigits } = require('../../dist/src/common/thai');

describe('Thai fiscal years, judged in Bangkok time', () => {
  test('30 September 23:59 Bangkok is the last minute of the year; 1 October 00:00 starts the next', () => {
    // 2026-09-30 23:59 +07:00 = 2026-09-30 16:59Z → fiscal year 2569
    expect(fy.fiscalYearOf(new Date('2026-09-30T16:59:59.999Z'))).toBe(2569);
    // 2026-10-01 00:00 +07:00 = 2026-09-30 17:00Z → fiscal year 2570, although it is still 30 Sep in UTC
    expect(fy.fiscalYearOf(new Date('2026-09-30T17:00:00.000Z'))).toBe(2570);
    expect(fy.fiscalYearOf(new Date('2025-10-01T00:00:00+07:00'))).toBe(2569);
    expect(fy.fiscalYearOf(new Date('2026-11-24T12:00:00+07:00'))).toBe(2570);
  });

  test('fiscal year 2569 runs 1 Oct 2025 – 30 Sep 2026 in Bangkok', () => {
    const { start, end } = fy.fiscalYearRange(2569);
    expect(start.toISOString()).toBe('2025-09-30T17:00:00.000Z');
    expect(end.toISOString()).toBe('2026-09-30T16:59:59.999Z');
    expect(fy.fiscalYearOf(start)).toBe(2569);
    expect(fy.fiscalYearOf(end)).toBe(2569);
    expect(fy.fiscalYearOf(new Date(end.getTime() + 1))).toBe(2570);
    expect(fy.fiscalYearOf(new Date(start.getTime() - 1))).toBe(2568);
  });

  test('months of a fiscal year run October to September', () => {
    const months = fy.fiscalYearMonths(2569);
    expect(months[0]).toEqual({ year: 2025, month: 10 });
    expect(months[11]).toEqual({ year: 2026, month: 9 });
    expect(fy.fiscalYearOfMonth(2025, 9)).toBe(2568);
    expect(fy.fiscalYearOfMonth(2025, 10)).toBe(2569);
    expect(fy.fiscalYearOfDateString('2025-09-30')).toBe(2568);
    expect(fy.fiscalYearOfDateString('2025-10-01')).toBe(2569);
    expect(fy.thaiMonthLabel(2569, 10)).toBe('ตุลาคม 2568');
    expect(fy.thaiMonthLabel(2569, 3)).toBe('มีนาคม 2569');
  });

  test('BE and CE convert by 543', () => {
    expect(fy.ceToBe(2026)).toBe(2569);
    expect(fy.beToCe(2570)).toBe(2027);
  });

  test('fiscal years typed by people: Thai digits, prefixes, spaces; CE years and junk refused', () => {
    expect(toArabicDigits('๒๕๖๙')).toBe('2569');
    expect(fy.parseFiscalYear('๒๕๖๙')).toBe(2569);
    expect(fy.parseFiscalYear(' 2569 ')).toBe(2569);
    expect(fy.parseFiscalYear('พ.ศ. ๒๕๗๐')).toBe(2570);
    expect(fy.parseFiscalYear('ปีงบประมาณ 2568')).toBe(2568);
    expect(fy.parseFiscalYear(2569)).toBe(2569);
    expect(fy.parseFiscalYear('2026')).toBeNull();
    expect(fy.parseFiscalYear('25690')).toBeNull();
    expect(fy.parseFiscalYear('abcd')).toBeNull();
    expect(fy.parseFiscalYear(2569.5)).toBeNull();
    expect(fy.parseFiscalYear(null)).toBeNull();
  });
});
