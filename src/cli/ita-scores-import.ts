import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { CsvSyntaxError, parseCsv } from './csv';
import { UsageError, type Command } from './args';
import { formatProblem, importScores, parseScoreTable, unknownUnits } from '../integrity/scores';

/** The cells of the first worksheet, row by row (numbers stay numbers, formulas give their result). */
const readXlsx = async (file: string): Promise<unknown[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const rows: unknown[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c += 1) {
      let v: unknown = row.getCell(c).value;
      if (v && typeof v === 'object') {
        const o = v as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown };
        if (o.richText) v = o.richText.map((t) => t.text).join('');
        else if ('result' in o) v = o.result;
        else if (typeof o.text === 'string') v = o.text;
        else v = String(v);
      }
      cells.push(v ?? '');
    }
    rows.push(cells);
  }
  return rows;
};

const command: Command = {
  usage: 'ita-scores:import <file.csv|file.xlsx>',
  summary: "validate every row of a unit-score table, then add or update the units' ITA scores",
  async run(args, ctx) {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new UsageError('Missing the score file (CSV or XLSX).');
    const full = path.resolve(ctx.cwd, file);
    if (!fs.existsSync(full)) {
      console.error(`error: ${file}: no such file`);
      return 1;
    }
    const ext = path.extname(full).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx')
      throw new UsageError(`${file}: the file must end in .csv or .xlsx`);
    let table: unknown[][];
    try {
      table = ext === '.csv' ? parseCsv(fs.readFileSync(full, 'utf8')) : await readXlsx(full);
    } catch (error) {
      if (error instanceof CsvSyntaxError) console.error(`error: ${file}: ${error.message}`);
      else
        console.error(
          `error: ${file}: อ่านไฟล์ไม่ได้ / cannot read the file (${(error as Error).message})`,
        );
      return 1;
    }
    // Every row is checked before anything is written.
    const parsed = parseScoreTable(table);
    const report = (problems: typeof parsed.problems) => {
      console.error(
        `error: ${file}: พบข้อผิดพลาด ${problems.length} รายการ ไม่มีการบันทึก / ${problems.length} problem(s), nothing written:`,
      );
      for (const p of problems) console.error(`  ${formatProblem(p)}`);
      return 1;
    };
    const strapi = await ctx.boot();
    // Units that do not exist are named in the same run as every other problem of the file.
    const all = [...parsed.problems, ...(await unknownUnits(strapi, parsed.unitRefs))].sort(
      (a, b) => a.row - b.row,
    );
    if (all.length) return report(all);
    const { problems, summary } = await importScores(strapi, parsed.rows);
    if (problems.length || !summary) return report(problems);
    for (const u of summary.byUnit)
      console.log(`${u.unit}: created ${u.created}, updated ${u.updated}`);
    console.log(
      `imported ${parsed.rows.length} score(s): ${summary.created} created, ${summary.updated} updated`,
    );
    return 0;
  },
};

export default command;
