import fs from 'fs';
import path from 'path';
import { errors } from '@strapi/utils';
import {
  ImportRefused,
  SheetFileError,
  importMeasures,
  parseMeasuresSheet,
  sheetRows,
} from '../integrity/measures-import';
import { UsageError, fiscalYearArg, parseArgs, type Command } from './args';

/**
 * `measures:import FILE --unit CODE --year Y`: a sheet laid out like seed 001 into the measures
 * of the unit's draft integrity-measures plan of fiscal year Y. Every row is checked before the
 * database is opened; any problem is printed with its row and column and nothing is written.
 */
const command: Command = {
  usage: 'measures:import <file.csv|file.xlsx> --unit CODE --year Y',
  summary: "import a measures table (seed 001 layout) into the unit's draft measures plan",
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const file = positional[0];
    if (!file) throw new UsageError('Missing the measures file (CSV or XLSX).');
    if (!/\.(csv|xlsx)$/i.test(file))
      throw new UsageError(`${file}: the file must end in .csv or .xlsx.`);
    const unitCode = typeof options.unit === 'string' ? options.unit.trim() : '';
    if (!unitCode) throw new UsageError('--unit CODE is required.');
    if (options.year === undefined) throw new UsageError('--year Y is required.');
    const fiscalYear = fiscalYearArg(options.year, '--year');
    const full = path.resolve(ctx.cwd, file);
    if (!fs.existsSync(full)) {
      console.error(`error: ${file}: no such file`);
      return 1;
    }

    let parsed: ReturnType<typeof parseMeasuresSheet>;
    try {
      parsed = parseMeasuresSheet(await sheetRows(file, fs.readFileSync(full)), fiscalYear);
    } catch (error) {
      if (!(error instanceof SheetFileError)) throw error;
      parsed = { problems: [error.problem] };
    }
    if ('problems' in parsed) {
      console.error(
        `error: ${file}: ${parsed.problems.length} problem(s) / พบข้อผิดพลาด ${parsed.problems.length} รายการ:`,
      );
      for (const p of parsed.problems) console.error(`  ${p.message}`);
      console.error('ไม่ได้นำเข้าข้อมูลใด ๆ / nothing was imported');
      return 1;
    }

    const strapi = await ctx.boot();
    try {
      const r = await importMeasures(strapi, { unitCode, fiscalYear, measures: parsed.measures });
      console.log(
        `${r.created ? 'สร้างแผนมาตรการใหม่' : 'แทนที่มาตรการของแผนฉบับร่าง'} ${r.documentId}: ${r.measures} มาตรการ ${r.steps} ขั้นตอน (คงรหัสขั้นตอนเดิม ${r.keptKeys}, ผูกคณะทำงาน ${r.workGroups}) / ` +
          `${r.created ? 'created the measures plan' : 'replaced the measures of the draft plan'} ${r.documentId}: ${r.measures} measure(s), ${r.steps} step(s) (${r.keptKeys} step key(s) kept, ${r.workGroups} work group link(s))`,
      );
      return 0;
    } catch (error) {
      if (error instanceof ImportRefused) {
        console.error(`error: ${error.message}`);
        console.error('ไม่ได้นำเข้าข้อมูลใด ๆ / nothing was imported');
        return 1;
      }
      if (error instanceof errors.ApplicationError) {
        const details = (error.details ?? {}) as { errors?: Array<{ message: string }> };
        console.error(`error: ${error.message}`);
        for (const e of details.errors ?? []) console.error(`  ${e.message}`);
        console.error('ไม่ได้นำเข้าข้อมูลใด ๆ / nothing was imported');
        return 1;
      }
      throw error;
    }
  },
};

export default command;
