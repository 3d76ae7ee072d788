import ExcelJS from 'exceljs';
import {
  PLAN_HEADER,
  planIntro,
  planRows,
  planTitle,
  periodLine,
  PROGRESS_HEADER,
  progressRows,
  SUMMARY_HEADER,
  summaryLines,
  summaryRows,
  type PlanMeasure,
  type ProgressFigures,
  type Unit,
} from './documents';

/**
 * The XLSX of POST /integrity/documents: the same rows as the PDF. Each sheet has the title (and
 * the intro or period line) above a table whose header row is the PDF's header; cells wrap, the
 * numbered steps are one line each in their cell.
 */

const sheetWith = (
  wb: ExcelJS.Workbook,
  name: string,
  lines: string[],
  header: string[],
  widths: number[],
  rows: string[][],
) => {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', paperSize: 9 } });
  ws.columns = widths.map((width) => ({ width }));
  for (const [i, text] of lines.entries()) {
    const row = ws.addRow([text]);
    row.font = { bold: i === 0, name: 'TH Sarabun New', size: i === 0 ? 16 : 14 };
  }
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  for (const r of rows) ws.addRow(r);
  ws.eachRow((row, n) => {
    if (n <= lines.length) return;
    row.eachCell((c) => {
      c.alignment = { wrapText: true, vertical: 'top' };
      c.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  return ws;
};

const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const workbook = (title: string) => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prongsai';
  wb.title = title;
  return wb;
};

export const renderPlanXlsx = (unit: Unit, fiscalYear: number, measures: PlanMeasure[]) => {
  const title = planTitle(unit, fiscalYear);
  const wb = workbook(title);
  sheetWith(
    wb,
    'มาตรการ',
    [title, planIntro(unit, fiscalYear)],
    PLAN_HEADER,
    [35, 40, 80, 22, 28],
    planRows(measures, fiscalYear),
  );
  return toBuffer(wb);
};

export const renderProgressXlsx = (
  title: string,
  unit: Unit,
  fiscalYear: number,
  kind: 'half' | 'year',
  f: ProgressFigures,
) => {
  const wb = workbook(title);
  sheetWith(
    wb,
    'ผลการดำเนินการ',
    [title, periodLine(unit, fiscalYear, kind)],
    PROGRESS_HEADER,
    [35, 45, 22, 22, 20, 8, 40, 35],
    progressRows(f),
  );
  sheetWith(wb, 'สรุป', [title, ...summaryLines(f)], SUMMARY_HEADER, [30, 15], summaryRows(f));
  return toBuffer(wb);
};
