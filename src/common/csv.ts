import { CsvError as ParseError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * CSV in and out, with csv-parse and csv-stringify (RFC 4180).
 *
 * Reading is strict: a quote that is never closed, a quote inside an unquoted field, or a row
 * with more or fewer cells than the header is refused, naming the row and the line where it
 * starts — never "repaired" by swallowing the following rows into one cell. A UTF-8 byte-order
 * mark (Excel writes one for Thai text), CRLF, blank lines and rows of empty cells are accepted.
 */

/** A malformed CSV file: `row` counts the header as row 1; `line` is where that row starts. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** The line (1-based) where the record after line `after` starts: the next non-blank line. */
const nextRecordLine = (text: string, after: number) => {
  const lines = text.split(/\r\n|\n|\r/);
  let i = after; // 0-based index of line after+1
  while (i < lines.length - 1 && lines[i].replace(/^\uFEFF/, '').trim() === '') i += 1;
  return i + 1;
};

export const parseCsv = (text: string): string[][] => {
  let lastLine = 0;
  try {
    return parse(text, {
      bom: true,
      relax_quotes: false,
      relax_column_count: false,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const records = Number((error as ParseError & { records?: number }).records ?? 0);
    const row = records + 1;
    const line = nextRecordLine(text, lastLine);
    throw new CsvSyntaxError(
      `แถวที่ ${row} (บรรทัด ${line}): รูปแบบ CSV ไม่ถูกต้อง / row ${row} (line ${line}): malformed CSV — ${error.message}`,
      row,
      line,
    );
  }
};

/** Rows as records keyed by the (trimmed, lower-cased) header. Throws CsvSyntaxError. */
export const csvRecords = (
  text: string,
): { header: string[]; records: Array<Record<string, string>> } => {
  const [head = [], ...rows] = parseCsv(text);
  const header = head.map((h) => h.trim().toLowerCase());
  return {
    header,
    records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()]))),
  };
};

/**
 * A cell as text. A cell a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return, and not a plain number) is prefixed with `'` so that it stays text.
 */
export const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
};

/** UTF-8 with a BOM (Excel opens Thai correctly), CRLF line ends (RFC 4180), formula-safe cells. */
export const toCsv = (header: string[], rows: unknown[][]): string =>
  stringify(
    [header, ...rows].map((r) => r.map(csvCell)),
    // A lone CR or LF inside a cell must be quoted too (csv-stringify only checks for CRLF).
    { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
