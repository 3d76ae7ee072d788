import type { Core, UID } from '@strapi/strapi';
import { parse as parseCsvText, CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { toArabicDigits } from '../common/thai';
import { UNIT_UID } from '../disclosures/types';
import { FISCAL_MONTHS, fiscalMonthIndex, fiscalMonthOfCalendar, type FiscalMonth } from './months';
import { PLAN_UID } from './plan-keys';
import { MAX_MEASURES, MAX_STEPS, MEASURES_KIND } from './plan-rules';
import { WORK_GROUP_UID } from './work-groups';

/**
 * The measures import (issue 14): a spreadsheet laid out like the user's seed 001 — columns
 * ประเด็น, มาตรการ/แนวทาง, ขั้นตอนหรือวิธีการปฏิบัติ (numbered steps in one cell), ระยะเวลา,
 * ผู้รับผิดชอบ — into the measures of a unit's integrity-measures plan.
 *
 * `parseMeasuresSheet` is pure (rows of cell texts in, measures or row/column problems out) so
 * that the CLI and an admin route share it; `importMeasures` writes through the Document Service
 * (the plan rules and the workflow apply).
 */

export type ImportedStep = {
  text: string;
  startMonth: FiscalMonth;
  endMonth: FiscalMonth;
  owner?: string;
};
export type ImportedMeasure = {
  row: number;
  issueNo: number;
  issue: string;
  measure: string;
  indicatorCode?: string;
  target?: string;
  startMonth: FiscalMonth;
  endMonth: FiscalMonth;
  owner?: string;
  steps: ImportedStep[];
};
export type SheetProblem = {
  row: number;
  /** The column letter (A, B, …), null when the problem is the row's or the file's. */
  column: string | null;
  th: string;
  en: string;
  /** `แถว 5 คอลัมน์ D (ระยะเวลา): … / row 5 column D (period): …` */
  message: string;
};

type Field = 'issue' | 'measure' | 'steps' | 'period' | 'owner' | 'indicatorCode' | 'target';

const FIELD_NAMES: Record<Field, { th: string; en: string }> = {
  issue: { th: 'ประเด็น', en: 'issue' },
  measure: { th: 'มาตรการ/แนวทาง', en: 'measure' },
  steps: { th: 'ขั้นตอนหรือวิธีการปฏิบัติ', en: 'steps' },
  period: { th: 'ระยะเวลา', en: 'period' },
  owner: { th: 'ผู้รับผิดชอบ', en: 'responsible' },
  indicatorCode: { th: 'ตัวชี้วัด', en: 'indicator' },
  target: { th: 'เป้าหมาย', en: 'target' },
};
const REQUIRED: Field[] = ['issue', 'measure', 'steps', 'period', 'owner'];
const LIMITS: Partial<Record<Field | 'step', number>> = {
  issue: 2000,
  measure: 4000,
  step: 4000,
  owner: 300,
  indicatorCode: 20,
  target: 2000,
};

const key = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const HEADER_ALIASES: Record<string, Field | 'group'> = {};
const alias = (field: Field | 'group', names: string[]) => {
  for (const n of names) HEADER_ALIASES[key(n)] = field;
};
alias('group', ['การนำผลการวิเคราะห์ไปสู่การปฏิบัติ']);
alias('issue', ['ประเด็น', 'ประเด็นที่ต้องพัฒนา', 'ประเด็นที่ต้องแก้ไข', 'issue']);
alias('measure', ['มาตรการ/แนวทาง', 'มาตรการ', 'แนวทาง', 'มาตรการ / แนวทาง', 'measure']);
alias('steps', [
  'ขั้นตอนหรือวิธีการปฏิบัติ',
  'ขั้นตอน/วิธีการปฏิบัติ',
  'ขั้นตอน',
  'วิธีการปฏิบัติ',
  'steps',
]);
alias('period', ['ระยะเวลา', 'ระยะเวลาดำเนินการ', 'period']);
alias('owner', ['ผู้รับผิดชอบ', 'ผู้รับผิดชอบ/ผู้ดำเนินการ', 'responsible', 'owner']);
alias('indicatorCode', ['ตัวชี้วัด', 'รหัสตัวชี้วัด', 'indicator', 'indicatorcode']);
alias('target', ['เป้าหมาย', 'เป้าหมาย/ตัวชี้วัดความสำเร็จ', 'ตัวชี้วัดความสำเร็จ', 'target']);

/** A, B, …, Z, AA, … for a 0-based column index. */
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Cell text without HTML: paragraphs and line breaks become new lines, entities decoded. */
export const stripHtml = (input: string): string =>
  input
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\s*\/\s*(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code > 0 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\u00a0/g, ' ')
    .replace(/\r\n?/g, '\n');

/** One line: whitespace runs (new lines too) as one space, trimmed. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

// ------------------------------------------------------------------------------------------
// Periods: "ตุลาคม ๒๕๖๖ ถึง กันยายน ๒๕๖๗", "ต.ค. ๒๕๖๖ – ก.ย. ๒๕๖๗", "ต.ค.66 - ก.ย.67", …
// ------------------------------------------------------------------------------------------

const MONTH_WORDS: Array<[number, string[]]> = [
  [1, ['มกราคม', 'ม\\.\\s*ค\\.?', 'january', 'jan']],
  [2, ['กุมภาพันธ์', 'ก\\.\\s*พ\\.?', 'february', 'feb']],
  [3, ['มีนาคม', 'มี\\.\\s*ค\\.?', 'march', 'mar']],
  [4, ['เมษายน', 'เม\\.\\s*ย\\.?', 'april', 'apr']],
  [5, ['พฤษภาคม', 'พ\\.\\s*ค\\.?', 'may']],
  [6, ['มิถุนายน', 'มิ\\.\\s*ย\\.?', 'june', 'jun']],
  [7, ['กรกฎาคม', 'ก\\.\\s*ค\\.?', 'july', 'jul']],
  [8, ['สิงหาคม', 'ส\\.\\s*ค\\.?', 'august', 'aug']],
  [9, ['กันยายน', 'ก\\.\\s*ย\\.?', 'september', 'sep']],
  [10, ['ตุลาคม', 'ต\\.\\s*ค\\.?', 'october', 'oct']],
  [11, ['พฤศจิกายน', 'พ\\.\\s*ย\\.?', 'november', 'nov']],
  [12, ['ธันวาคม', 'ธ\\.\\s*ค\\.?', 'december', 'dec']],
];
const MONTH_PATTERN = MONTH_WORDS.flatMap(([, words]) => words)
  .sort((a, b) => b.length - a.length)
  .join('|');
const monthOf = (word: string): number | null => {
  for (const [m, words] of MONTH_WORDS)
    if (words.some((w) => new RegExp(`^(?:${w})$`, 'i').test(word))) return m;
  return null;
};
const PART = `(${MONTH_PATTERN})\\s*(\\d{4}|\\d{2})?`;
const RANGE = new RegExp(`^${PART}\\s*(?:ถึง|–|—|-|~|to|until)\\s*${PART}$`, 'i');
const SINGLE = new RegExp(`^${PART}$`, 'i');
const WHOLE_YEAR = /^(?:ตลอด|ทั้ง)ปี(?:งบประมาณ)?\s*(\d{4})?$/;

/** A written year as Buddhist era: 2567, 67 (= 2567), 2023 (CE). */
const beYear = (raw: string | undefined): number | null => {
  if (!raw) return null;
  const n = Number(raw);
  if (raw.length === 2) return 2500 + n;
  return n >= 2400 ? n : n + 543;
};
/** The fiscal year of calendar month `m` (1–12) of BE year `y`. */
const fiscalOf = (m: number, y: number) => (m >= 10 ? y + 1 : y);

export type PeriodResult =
  | { ok: true; startMonth: FiscalMonth; endMonth: FiscalMonth }
  | { ok: false; th: string; en: string };

const MONTH_TH = [
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
];

/** Reads a period cell against fiscal year `fiscalYear` (BE). */
export const parsePeriod = (cell: string, fiscalYear: number): PeriodResult => {
  const text = oneLine(toArabicDigits(cell))
    .replace(/พ\.\s*ศ\.\s*/g, '')
    .replace(/ค\.\s*ศ\.\s*/g, '')
    .replace(/เดือน\s*/g, '')
    .replace(/^ระหว่าง\s*/, '')
    .trim();
  const span = `ตุลาคม ${fiscalYear - 1} – กันยายน ${fiscalYear}`;
  const whole = WHOLE_YEAR.exec(text);
  if (whole) {
    const y = whole[1] ? beYear(whole[1]) : fiscalYear;
    if (y !== fiscalYear)
      return {
        ok: false,
        th: `ระยะเวลา "${oneLine(cell)}" ไม่อยู่ในปีงบประมาณ ${fiscalYear} (${span})`,
        en: `period "${oneLine(cell)}" is not in fiscal year ${fiscalYear} (${span})`,
      };
    return { ok: true, startMonth: 'oct', endMonth: 'sep' };
  }
  const range = RANGE.exec(text);
  const single = range ? null : SINGLE.exec(text);
  if (!range && !single)
    return {
      ok: false,
      th: `อ่านระยะเวลา "${oneLine(cell).slice(0, 80)}" ไม่ได้ — เขียนเช่น "ตุลาคม ${fiscalYear - 1} ถึง กันยายน ${fiscalYear}"`,
      en: `cannot read the period "${oneLine(cell).slice(0, 80)}" — write e.g. "ตุลาคม ${fiscalYear - 1} ถึง กันยายน ${fiscalYear}"`,
    };
  const [sm, sy, em, ey] = range
    ? [monthOf(range[1]), beYear(range[2]), monthOf(range[3]), beYear(range[4])]
    : [monthOf(single![1]), beYear(single![2]), monthOf(single![1]), beYear(single![2])];
  if (!sm || !em)
    return {
      ok: false,
      th: `อ่านเดือนใน "${oneLine(cell)}" ไม่ได้`,
      en: `unknown month in "${oneLine(cell)}"`,
    };
  // A year written on one end only applies to both; none at all means the fiscal year itself.
  const fyEnd = ey !== null ? fiscalOf(em, ey) : sy !== null ? fiscalOf(sm, sy) : fiscalYear;
  const fyStart = sy !== null ? fiscalOf(sm, sy) : fyEnd;
  if (fyStart !== fiscalYear || fyEnd !== fiscalYear)
    return {
      ok: false,
      th: `ระยะเวลา "${oneLine(cell)}" ไม่อยู่ในปีงบประมาณ ${fiscalYear} (${span})`,
      en: `period "${oneLine(cell)}" is not in fiscal year ${fiscalYear} (${span})`,
    };
  const startMonth = fiscalMonthOfCalendar(sm);
  const endMonth = fiscalMonthOfCalendar(em);
  if (fiscalMonthIndex(startMonth) > fiscalMonthIndex(endMonth))
    return {
      ok: false,
      th: `เดือนเริ่มต้น (${MONTH_TH[sm - 1]}) อยู่หลังเดือนสิ้นสุด (${MONTH_TH[em - 1]})`,
      en: `the start month (${startMonth}) is after the end month (${endMonth})`,
    };
  return { ok: true, startMonth, endMonth };
};

// ------------------------------------------------------------------------------------------
// Steps: "๑. … ๒. …" in one cell, Thai or Arabic digits, with or without <p> paragraphs
// ------------------------------------------------------------------------------------------

const MARKER = /(^|\s)([0-9๐-๙]{1,2})\s*[.)](?![0-9๐-๙])/g;
const BULLET = /^\s*[•●▪◦*-]\s*/;

export type StepsResult =
  | { ok: true; steps: string[]; first: number }
  | { ok: false; th: string; en: string };

/**
 * Splits a steps cell. Numbered: a number is a step boundary only when it is the next in
 * sequence (so "ข้อ 1" or "53.62" inside a step does not split it); the first number is 1 or,
 * for a row that continues a measure, the number after its last step. Not numbered: one step per
 * paragraph or line (bullets dropped).
 */
export const splitSteps = (cell: string, continueFrom = 0): StepsResult => {
  const text = stripHtml(cell).trim();
  if (!text) return { ok: true, steps: [], first: 0 };
  const marks: Array<{ n: number; at: number; end: number }> = [];
  for (const m of text.matchAll(MARKER)) {
    const at = (m.index ?? 0) + m[1].length;
    marks.push({ n: Number(toArabicDigits(m[2])), at, end: (m.index ?? 0) + m[0].length });
  }
  if (marks.length && marks[0].at === 0) {
    const first = marks[0].n;
    if (first !== 1 && first !== continueFrom + 1)
      return {
        ok: false,
        th: `ขั้นตอนเริ่มที่ข้อ ${first} (ควรเริ่มที่ข้อ ${continueFrom + 1 === 1 ? 1 : `1 หรือ ${continueFrom + 1}`})`,
        en: `steps start at number ${first} (expected ${continueFrom + 1 === 1 ? 1 : `1 or ${continueFrom + 1}`})`,
      };
    const cuts = [marks[0]];
    for (const m of marks.slice(1)) if (m.n === cuts[cuts.length - 1].n + 1) cuts.push(m);
    const steps = cuts.map((c, i) => oneLine(text.slice(c.end, cuts[i + 1]?.at ?? text.length)));
    const empty = steps.findIndex((s) => !s);
    if (empty >= 0)
      return {
        ok: false,
        th: `ขั้นตอนที่ ${cuts[empty].n} ไม่มีข้อความ`,
        en: `step ${cuts[empty].n} has no text`,
      };
    return { ok: true, steps, first };
  }
  const lines = text
    .split('\n')
    .map((l) => oneLine(l.replace(BULLET, '')))
    .filter(Boolean);
  return { ok: true, steps: lines, first: 1 };
};

// ------------------------------------------------------------------------------------------
// The sheet
// ------------------------------------------------------------------------------------------

const headerField = (cell: string): Field | 'group' | null => {
  const k = key(stripHtml(cell));
  return k ? (HEADER_ALIASES[k] ?? null) : null;
};
const isHeaderRow = (row: string[]) => {
  const filled = row.filter((c) => key(stripHtml(c ?? '')) !== '');
  return filled.length > 0 && filled.every((c) => headerField(c) !== null);
};

/**
 * Reads the rows of a measures sheet (row 1 first; empty rows as [] or blank cells). Every row is
 * checked; the result is either the measures or every problem with its row and column.
 */
export const parseMeasuresSheet = (
  rows: string[][],
  fiscalYear: number,
): { measures: ImportedMeasure[] } | { problems: SheetProblem[] } => {
  const problems: SheetProblem[] = [];
  const columns: Partial<Record<Field, number>> = {};
  const problem = (row: number, field: Field | null, th: string, en: string) => {
    const col = field && columns[field] !== undefined ? columnLetter(columns[field]!) : null;
    const name = field ? FIELD_NAMES[field] : null;
    const where = col
      ? {
          th: `แถว ${row} คอลัมน์ ${col} (${name!.th})`,
          en: `row ${row} column ${col} (${name!.en})`,
        }
      : { th: `แถว ${row}`, en: `row ${row}` };
    problems.push({ row, column: col, th, en, message: `${where.th}: ${th} / ${where.en}: ${en}` });
  };

  // The header: the first block of header rows (one or two rows, as in the seed).
  let start = rows.findIndex((r) => isHeaderRow(r ?? []));
  if (start < 0) {
    problem(
      1,
      null,
      'ไม่พบแถวหัวตาราง (ประเด็น | มาตรการ/แนวทาง | ขั้นตอนหรือวิธีการปฏิบัติ | ระยะเวลา | ผู้รับผิดชอบ)',
      'no header row found (ประเด็น | มาตรการ/แนวทาง | ขั้นตอนหรือวิธีการปฏิบัติ | ระยะเวลา | ผู้รับผิดชอบ)',
    );
    return { problems };
  }
  const headerRow = start + 1;
  for (; start < rows.length && isHeaderRow(rows[start] ?? []); start += 1) {
    (rows[start] ?? []).forEach((cell, c) => {
      const field = headerField(cell ?? '');
      if (!field || field === 'group') return;
      if (columns[field] !== undefined && columns[field] !== c)
        problem(
          start + 1,
          null,
          `คอลัมน์ "${FIELD_NAMES[field].th}" ซ้ำ (${columnLetter(columns[field]!)} และ ${columnLetter(c)})`,
          `column "${FIELD_NAMES[field].en}" appears twice (${columnLetter(columns[field]!)} and ${columnLetter(c)})`,
        );
      else columns[field] = c;
    });
  }
  for (const f of REQUIRED)
    if (columns[f] === undefined)
      problem(
        headerRow,
        null,
        `ไม่พบคอลัมน์ "${FIELD_NAMES[f].th}"`,
        `missing column "${FIELD_NAMES[f].th}" (${FIELD_NAMES[f].en})`,
      );
  if (problems.length) return { problems };

  const measures: ImportedMeasure[] = [];
  let current: ImportedMeasure | null = null;
  const cellOf = (row: string[], f: Field) =>
    columns[f] === undefined ? '' : String(row[columns[f]!] ?? '');
  const tooLong = (r: number, f: Field, v: string, limit = LIMITS[f]) => {
    if (limit && v.length > limit) {
      problem(
        r,
        f,
        `ยาวเกิน ${limit} ตัวอักษร (${v.length})`,
        `longer than ${limit} characters (${v.length})`,
      );
      return true;
    }
    return false;
  };

  for (let i = start; i < rows.length; i += 1) {
    const raw = rows[i] ?? [];
    const r = i + 1;
    if (isHeaderRow(raw)) continue; // repeated header between blocks
    const issueCell = oneLine(stripHtml(cellOf(raw, 'issue')));
    const measureCell = oneLine(stripHtml(cellOf(raw, 'measure')));
    const stepsCell = cellOf(raw, 'steps');
    const periodCell = oneLine(stripHtml(cellOf(raw, 'period')));
    const ownerCell = oneLine(stripHtml(cellOf(raw, 'owner')));
    const indicatorCell = oneLine(stripHtml(cellOf(raw, 'indicatorCode')));
    const targetCell = oneLine(stripHtml(cellOf(raw, 'target')));
    const hasSteps = stripHtml(stepsCell).trim() !== '';
    if (
      !issueCell &&
      !measureCell &&
      !hasSteps &&
      !periodCell &&
      !ownerCell &&
      !indicatorCell &&
      !targetCell
    )
      continue;

    if (!issueCell && !measureCell) {
      // Continues the previous measure's steps (the seed does this for issues 5 and 6).
      if (!current) {
        problem(
          r,
          'issue',
          'ไม่มีประเด็น และไม่มีมาตรการก่อนหน้าให้ต่อขั้นตอน',
          'no issue, and no measure above to continue',
        );
        continue;
      }
      if (!hasSteps) {
        problem(
          r,
          'steps',
          'แถวนี้ไม่มีประเด็น มาตรการ หรือขั้นตอน',
          'this row has no issue, measure or steps',
        );
        continue;
      }
      let months = { startMonth: current.startMonth, endMonth: current.endMonth };
      if (periodCell) {
        const p = parsePeriod(periodCell, fiscalYear);
        if (!p.ok) problem(r, 'period', p.th, p.en);
        else months = { startMonth: p.startMonth, endMonth: p.endMonth };
      }
      if (ownerCell) tooLong(r, 'owner', ownerCell);
      const split = splitSteps(stepsCell, current.steps.length);
      if (!split.ok) problem(r, 'steps', split.th, split.en);
      else {
        for (const text of split.steps) {
          if (tooLong(r, 'steps', text, LIMITS.step)) continue;
          current.steps.push({ text, ...months, ...(ownerCell ? { owner: ownerCell } : {}) });
        }
        if (current.steps.length > MAX_STEPS)
          problem(
            r,
            'steps',
            `มาตรการหนึ่งมีขั้นตอนได้ไม่เกิน ${MAX_STEPS} ขั้นตอน (มี ${current.steps.length})`,
            `a measure has at most ${MAX_STEPS} steps (got ${current.steps.length})`,
          );
      }
      continue;
    }

    // A new measure: of a new issue, or (issue cell empty) of the previous one.
    let issueNo: number;
    let issue: string;
    if (issueCell) {
      const numbered = /^([0-9๐-๙]{1,3})\s*[.)]\s*(.*)$/s.exec(issueCell);
      issueNo = numbered
        ? Number(toArabicDigits(numbered[1]))
        : (measures[measures.length - 1]?.issueNo ?? 0) + 1;
      issue = numbered ? numbered[2].trim() : issueCell;
      if (!issue) problem(r, 'issue', 'ประเด็นไม่มีข้อความ', 'the issue has no text');
      else tooLong(r, 'issue', issue);
      if (issueNo < 1 || issueNo > 999)
        problem(
          r,
          'issue',
          `ลำดับประเด็น ${issueNo} ต้องอยู่ระหว่าง 1–999`,
          `issue number ${issueNo} must be 1–999`,
        );
    } else if (current) {
      issueNo = current.issueNo;
      issue = current.issue;
    } else {
      problem(r, 'issue', 'กรุณาระบุประเด็น', 'the issue is empty');
      continue;
    }
    if (!measureCell) problem(r, 'measure', 'กรุณาระบุมาตรการ/แนวทาง', 'the measure is empty');
    else tooLong(r, 'measure', measureCell);
    let startMonth: FiscalMonth = FISCAL_MONTHS[0];
    let endMonth: FiscalMonth = FISCAL_MONTHS[11];
    if (!periodCell)
      problem(
        r,
        'period',
        `กรุณาระบุระยะเวลา เช่น "ตุลาคม ${fiscalYear - 1} ถึง กันยายน ${fiscalYear}"`,
        `the period is empty (e.g. "ตุลาคม ${fiscalYear - 1} ถึง กันยายน ${fiscalYear}")`,
      );
    else {
      const p = parsePeriod(periodCell, fiscalYear);
      if (!p.ok) problem(r, 'period', p.th, p.en);
      else ({ startMonth, endMonth } = p);
    }
    if (ownerCell) tooLong(r, 'owner', ownerCell);
    if (indicatorCell) tooLong(r, 'indicatorCode', indicatorCell);
    if (targetCell) tooLong(r, 'target', targetCell);
    const steps: ImportedStep[] = [];
    const split = splitSteps(stepsCell, 0);
    if (!split.ok) problem(r, 'steps', split.th, split.en);
    else
      for (const text of split.steps)
        if (!tooLong(r, 'steps', text, LIMITS.step)) steps.push({ text, startMonth, endMonth });
    if (steps.length > MAX_STEPS)
      problem(
        r,
        'steps',
        `มาตรการหนึ่งมีขั้นตอนได้ไม่เกิน ${MAX_STEPS} ขั้นตอน (มี ${steps.length})`,
        `a measure has at most ${MAX_STEPS} steps (got ${steps.length})`,
      );
    current = {
      row: r,
      issueNo,
      issue,
      measure: measureCell,
      ...(indicatorCell ? { indicatorCode: indicatorCell } : {}),
      ...(targetCell ? { target: targetCell } : {}),
      startMonth,
      endMonth,
      ...(ownerCell ? { owner: ownerCell } : {}),
      steps,
    };
    measures.push(current);
    if (measures.length === MAX_MEASURES + 1)
      problem(
        r,
        null,
        `แผนหนึ่งมีมาตรการได้ไม่เกิน ${MAX_MEASURES} มาตรการ`,
        `a plan has at most ${MAX_MEASURES} measures`,
      );
  }
  if (!problems.length && measures.length === 0)
    problem(headerRow, null, 'ไม่มีมาตรการในตาราง', 'the table has no measures');
  return problems.length ? { problems } : { measures };
};

// ------------------------------------------------------------------------------------------
// Files
// ------------------------------------------------------------------------------------------

/** The rows of a CSV file, every record kept (blank ones too) so that row N is record N. */
export const csvRows = (text: string): string[][] => {
  try {
    return parseCsvText(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const e = error as CsvError & { records?: number; lines?: number };
      const row = Number(e.records ?? 0) + 1;
      throw new SheetFileError({
        row,
        column: null,
        th: `รูปแบบ CSV ไม่ถูกต้อง (บรรทัด ${e.lines ?? '?'})`,
        en: `malformed CSV (line ${e.lines ?? '?'}): ${error.message}`,
        message: `แถว ${row}: รูปแบบ CSV ไม่ถูกต้อง (บรรทัด ${e.lines ?? '?'}) / row ${row}: malformed CSV (line ${e.lines ?? '?'}): ${error.message}`,
      });
    }
    throw error;
  }
};

export class SheetFileError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.message);
  }
}

const cellText = (cell: ExcelJS.Cell): string => {
  // A merged range's value belongs to its first cell; the others are blank here.
  if (cell.isMerged && cell.master && cell.master.address !== cell.address) return '';
  const v = cell.value as unknown;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as {
    richText?: Array<{ text: string }>;
    text?: unknown;
    result?: unknown;
    formula?: string;
  };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
  if (o.text !== undefined)
    return typeof o.text === 'string' ? o.text : cellText({ value: o.text } as ExcelJS.Cell);
  if (o.result !== undefined && o.result !== null) return String(o.result);
  return '';
};

/** The rows of the first worksheet of an XLSX file (row N at index N − 1). */
export const xlsxRows = async (buffer: Buffer): Promise<string[][]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new SheetFileError({
      row: 1,
      column: null,
      th: 'อ่านไฟล์ XLSX ไม่ได้',
      en: `cannot read the XLSX file (${(error as Error).message})`,
      message: `แถว 1: อ่านไฟล์ XLSX ไม่ได้ / row 1: cannot read the XLSX file (${(error as Error).message})`,
    });
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  if (!sheet) return rows;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(sheet.columnCount, row.cellCount); c += 1)
      cells.push(cellText(row.getCell(c)));
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
  return rows;
};

/** Rows of a CSV or XLSX file by its extension. */
export const sheetRows = async (file: string, buffer: Buffer): Promise<string[][]> =>
  /\.xlsx$/i.test(file) ? xlsxRows(buffer) : csvRows(buffer.toString('utf8'));

// ------------------------------------------------------------------------------------------
// Writing: the unit's draft integrity-measures plan of the year
// ------------------------------------------------------------------------------------------

/** A refusal of the import after the file was read (unknown unit, plan under review…). */
export class ImportRefused extends Error {}

const LOCKED_STATES = new Set(['submitted', 'approved', 'published']);
const STATE_TH: Record<string, string> = {
  submitted: 'รออนุมัติ',
  approved: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
};

export const planTitle = (fiscalYear: number, unitName: string) =>
  `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fiscalYear} (${unitName})`;

type StoredStep = { key?: string | null; text?: string | null };
type StoredMeasure = {
  issue?: string | null;
  issueNo?: number | null;
  indicatorCode?: string | null;
  target?: string | null;
  steps?: StoredStep[];
};

export type ImportResult = {
  documentId: string;
  created: boolean;
  measures: number;
  steps: number;
  keptKeys: number;
  workGroups: number;
};

const norm = (s: string | null | undefined) => oneLine(s ?? '');

export const importMeasures = async (
  strapi: Core.Strapi,
  input: { unitCode: string; fiscalYear: number; measures: ImportedMeasure[] },
): Promise<ImportResult> => {
  const { fiscalYear } = input;
  const units = (await strapi.db.query(UNIT_UID as UID.ContentType).findMany({
    where: { code: { $eqi: input.unitCode.trim() } },
    select: ['id', 'documentId', 'code', 'nameTh'],
  })) as Array<{ id: number; documentId: string; code: string; nameTh: string }>;
  const unit = units.find((u) => u.code === input.unitCode.trim()) ?? units[0];
  if (!unit)
    throw new ImportRefused(
      `ไม่พบหน่วยงานรหัส "${input.unitCode}" / no unit with code "${input.unitCode}"`,
    );

  // The unit's work groups: an owner that is a work group's name also sets the relation.
  const groups = (await strapi.db.query(WORK_GROUP_UID as UID.ContentType).findMany({
    where: { unit: { id: unit.id } },
    select: ['documentId', 'name'],
  })) as Array<{ documentId: string; name: string }>;
  const groupByName = new Map(groups.map((g) => [norm(g.name).toLowerCase(), g.documentId]));
  const groupOf = (owner?: string) =>
    owner ? (groupByName.get(norm(owner).toLowerCase()) ?? null) : null;

  const rows = (await strapi.db.query(PLAN_UID as UID.ContentType).findMany({
    where: { unit: { id: unit.id }, fiscalYear, kind: MEASURES_KIND },
    select: ['id', 'documentId', 'publishedAt', 'workflowState'],
  })) as Array<{ documentId: string; publishedAt: string | null; workflowState: string | null }>;
  const documentIds = [...new Set(rows.map((r) => r.documentId))];
  if (documentIds.length > 1)
    throw new ImportRefused(
      `หน่วยงาน ${unit.code} มีแผนมาตรการปี ${fiscalYear} มากกว่าหนึ่งแผน (${documentIds.join(', ')}) — ลบแผนที่ไม่ใช้ก่อน / unit ${unit.code} has ${documentIds.length} measures plans for ${fiscalYear} (${documentIds.join(', ')}): delete the unused ones first`,
    );
  const documentId = documentIds[0];
  let stored: StoredMeasure[] = [];
  if (documentId) {
    const draft = rows.find((r) => !r.publishedAt) ?? rows[0];
    const state = draft.workflowState ?? 'draft';
    if (LOCKED_STATES.has(state))
      throw new ImportRefused(
        `แผนมาตรการปี ${fiscalYear} ของหน่วยงาน ${unit.code} อยู่ในสถานะ "${STATE_TH[state]}" แก้ไขด้วยการนำเข้าไม่ได้ — ขอให้ผู้อนุมัติส่งกลับมาแก้ไขก่อน / the ${fiscalYear} measures plan of unit ${unit.code} is ${state}: it can only be replaced while a draft (ask an approver to request changes)`,
      );
    const full = (await strapi.documents(PLAN_UID as UID.ContentType).findOne({
      documentId,
      status: 'draft',
      populate: { measures: { populate: { steps: true } } },
    } as never)) as { measures?: StoredMeasure[] } | null;
    stored = full?.measures ?? [];
  }

  // Step keys survive where the step's text is unchanged (its progress with them): first the
  // same measure position, then anywhere in the plan.
  const used = new Set<string>();
  const byText = new Map<string, string[]>();
  for (const m of stored)
    for (const s of m.steps ?? [])
      if (s.key) byText.set(norm(s.text), [...(byText.get(norm(s.text)) ?? []), s.key]);
  const take = (keys: string[] | undefined) => keys?.find((k) => !used.has(k));
  let keptKeys = 0;
  let linked = 0;
  const measures = input.measures.map((m, i) => {
    const old =
      stored.find((s) => norm(s.issue) === norm(m.issue) && s.issueNo === m.issueNo) ??
      stored.find((s) => norm(s.issue) === norm(m.issue));
    const mGroup = groupOf(m.owner);
    if (mGroup) linked += 1;
    return {
      issueNo: m.issueNo,
      issue: m.issue,
      measure: m.measure,
      indicatorCode: m.indicatorCode ?? old?.indicatorCode ?? null,
      target: m.target ?? old?.target ?? null,
      startMonth: m.startMonth,
      endMonth: m.endMonth,
      owner: m.owner ?? null,
      workGroup: mGroup,
      steps: m.steps.map((s) => {
        const text = norm(s.text);
        const samePlace = (stored[i]?.steps ?? [])
          .filter((x) => norm(x.text) === text && x.key)
          .map((x) => x.key as string);
        const k = take(samePlace) ?? take(byText.get(text));
        if (k) {
          used.add(k);
          keptKeys += 1;
        }
        const sGroup = groupOf(s.owner);
        if (sGroup) linked += 1;
        return {
          ...(k ? { key: k } : {}),
          text: s.text,
          startMonth: s.startMonth,
          endMonth: s.endMonth,
          owner: s.owner ?? null,
          workGroup: sGroup,
        };
      }),
    };
  });
  const steps = measures.reduce((n, m) => n + m.steps.length, 0);
  const docs = strapi.documents(PLAN_UID as UID.ContentType);
  if (documentId) {
    await docs.update({ documentId, status: 'draft', data: { measures } } as never);
    return {
      documentId,
      created: false,
      measures: measures.length,
      steps,
      keptKeys,
      workGroups: linked,
    };
  }
  const created = (await docs.create({
    status: 'draft',
    data: {
      title: planTitle(fiscalYear, unit.nameTh),
      unit: unit.documentId,
      fiscalYear,
      kind: MEASURES_KIND,
      measures,
    },
  } as never)) as { documentId: string };
  return {
    documentId: created.documentId,
    created: true,
    measures: measures.length,
    steps,
    keptKeys,
    workGroups: linked,
  };
};
