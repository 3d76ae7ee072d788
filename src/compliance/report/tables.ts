import ExcelJS from 'exceljs';
import { toCsv } from '../../delivery/exports';
import { STATUS_LABELS_TH, STATUSES } from '../rules';
import { auditHeadText, percent, publishedText, type ReportData, type ReportRow } from './data';
import { thaiDate, thaiDateTime, thaiMonthOfPeriod } from './period';

/** The monthly report as a spreadsheet (a summary sheet and a sheet of every cell) and as CSV. */

export const CELL_HEADER = [
  'รหัสหน่วยงาน',
  'หน่วยงาน',
  'ข้อ',
  'รายการข้อมูล',
  'สถานะ',
  'รหัสสถานะ',
  'กำหนด',
  'กำหนด (พ.ศ.)',
  'เดือนที่ขาด',
  'ผู้รับผิดชอบหลัก',
  'ผู้รับผิดชอบรอง',
  'เผยแพร่ในเดือนนี้',
];

export const cellRow = (r: ReportRow): Array<string | null> => [
  r.unit,
  r.unitName,
  r.item,
  r.title,
  r.statusTh,
  r.status,
  r.dueDate,
  r.dueDateTh,
  r.missingMonthsTh,
  r.primaryEmail ?? '—',
  r.secondaryEmail ?? '—',
  publishedText(r),
];

/** The public's corrections and questions per unit in the month (docs/participation.md). */
export const PARTICIPATION_HEADER = [
  'รหัสหน่วยงาน',
  'หน่วยงาน',
  'ได้รับ',
  'ตอบแล้ว',
  'ไม่รับดำเนินการ',
  'ค้างอยู่',
  'เกินกำหนด',
  'ระยะเวลาตอบ (มัธยฐาน, วัน)',
  'แจ้งแก้ไข ได้รับ/ตอบ/เกินกำหนด',
  'คำถาม ได้รับ/ตอบ/เกินกำหนด',
];

type Figures = NonNullable<ReportData['participation']>['overall'];
const kindText = (f: Figures) => `${f.received}/${f.answered}/${f.overdue}`;
export const participationRows = (report: ReportData): Array<Array<string | number>> => {
  const p = report.participation;
  if (!p) return [];
  const row = (code: string, name: string, f: Figures, c: string, q: string) => [
    code,
    name,
    f.received,
    f.answered,
    f.rejected,
    f.open,
    f.overdue,
    f.medianDaysToAnswer === null ? '—' : f.medianDaysToAnswer,
    c,
    q,
  ];
  const sum = (k: 'correction' | 'question') => {
    const t = { received: 0, answered: 0, overdue: 0 } as Figures;
    for (const u of p.units) {
      t.received += u[k].received;
      t.answered += u[k].answered;
      t.overdue += u[k].overdue;
    }
    return kindText(t);
  };
  return [
    ...p.units.map((u) => row(u.unit, u.nameTh, u, kindText(u.correction), kindText(u.question))),
    row('รวม', 'ทั้งองค์กร', p.overall, sum('correction'), sum('question')),
  ];
};

/** The cells, then (when recorded) one last row with the audit chain's head in its first column. */
export const reportCsv = (report: ReportData): string => {
  const head = auditHeadText(report);
  const rows = report.rows.map(cellRow);
  if (head) rows.push([head, ...CELL_HEADER.slice(1).map(() => '')]);
  return toCsv(CELL_HEADER, rows);
};

const bold = (row: ExcelJS.Row) => {
  row.font = { bold: true };
};

export const reportXlsx = async (report: ReportData): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prongsai';
  wb.created = new Date(report.generatedAt);

  const summary = wb.addWorksheet('สรุป');
  summary.addRow([
    `รายงานผลการติดตามการเปิดเผยข้อมูล ITA ประจำเดือน ${thaiMonthOfPeriod(report.period)}`,
  ]);
  bold(summary.lastRow as ExcelJS.Row);
  summary.addRow(['ปีงบประมาณ', report.fiscalYear]);
  summary.addRow([
    'สถานะ ณ วันที่',
    thaiDate(report.asOf) + (report.partial ? ' (เดือนยังไม่สิ้นสุด)' : ''),
  ]);
  summary.addRow(['จัดทำเมื่อ', thaiDateTime(report.generatedAt)]);
  const head = auditHeadText(report);
  if (head) summary.addRow(['บันทึกตรวจสอบ', head]);
  summary.addRow([]);
  const header = [
    'รหัสหน่วยงาน',
    'หน่วยงาน',
    'จำนวนรายการ',
    'ความครบถ้วน (%)',
    ...STATUSES.map((s) => STATUS_LABELS_TH[s]),
    'เผยแพร่ในเดือนนี้',
  ];
  bold(summary.addRow(header));
  const numbers = (u: ReportData['overall'] | ReportData['units'][number]) => [
    u.total,
    Math.round(u.progress * 1000) / 10,
    ...STATUSES.map((s) => u.counts[s]),
    u.publishedThisMonth,
  ];
  for (const u of report.units) summary.addRow([u.unit, u.nameTh, ...numbers(u)]);
  bold(
    summary.addRow([
      'รวม',
      `ทั้งองค์กร (${report.overall.units} หน่วยงาน, ${percent(report.overall.progress)})`,
      ...numbers(report.overall),
    ]),
  );
  summary.getColumn(1).width = 16;
  summary.getColumn(2).width = 40;
  for (let i = 3; i <= header.length; i += 1) summary.getColumn(i).width = 16;

  const cells = wb.addWorksheet('รายการทั้งหมด');
  bold(cells.addRow(CELL_HEADER));
  for (const r of report.rows) cells.addRow(cellRow(r));
  cells.views = [{ state: 'frozen', ySplit: 1 }];
  cells.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: CELL_HEADER.length } };
  [14, 32, 8, 50, 18, 14, 12, 14, 16, 28, 28, 50].forEach((w, i) => {
    cells.getColumn(i + 1).width = w;
  });
  if (report.participation) {
    const sheet = wb.addWorksheet('เรื่องจากประชาชน');
    bold(sheet.addRow(PARTICIPATION_HEADER));
    for (const r of participationRows(report)) sheet.addRow(r);
    sheet.getColumn(1).width = 16;
    sheet.getColumn(2).width = 40;
    for (let i = 3; i <= PARTICIPATION_HEADER.length; i += 1) sheet.getColumn(i).width = 14;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};
