import PDFDocument from 'pdfkit';
import { errors } from '@strapi/utils';
import { drawLine, measureText, registerSarabun, thaiDigits } from '../../pdf/sarabun';
import { STATUS_LABELS_TH, STATUSES, type Status } from '../rules';
import {
  auditHeadText,
  percent,
  publishedText,
  responsibleText,
  type ReportData,
  type ReportRow,
} from './data';
import { thaiDate, thaiDateTime, thaiMonthOfPeriod } from './period';
import { PARTICIPATION_HEADER, participationRows } from './tables';
import { graphemesOf, wordsOf } from './text';

/**
 * The monthly report as a PDF (A4 landscape) in Sarabun from `@fontsource/sarabun` (src/pdf/sarabun.ts).
 *
 * Thai is written without spaces between words, and a shaped Thai line maps badly back to text
 * (glyph substitutions such as ำ → ํ + า). So: lines are broken at word boundaries found by
 * ICU's dictionary (Intl.Segmenter), never inside a grapheme cluster; every line is drawn at an
 * exact position without pdfkit's own wrapping, inside a marked-content span whose /ActualText
 * is the line's text, so that copying or pdftotext gives back the original characters (readers
 * without /ActualText get ำ back through `fromShaped`).
 *
 * Options: `digits: 'thai'` sets figures (counts, percentages, dates, years) in Thai digits ๐–๙;
 * codes (O11, PV-AGRI), e-mail addresses and the audit hash keep Arabic digits.
 */

export type PdfOptions = { digits?: 'arabic' | 'thai' };

/** `?digits=thai` (or the REPORT_DIGITS environment variable for the mailed report). */
export const pdfOptionsFrom = (raw: unknown): PdfOptions => {
  const value = typeof raw === 'string' && raw ? raw : process.env.REPORT_DIGITS;
  if (value === undefined || value === '' || value === 'arabic') return { digits: 'arabic' };
  if (value === 'thai') return { digits: 'thai' };
  throw new errors.ValidationError(
    `digits ต้องเป็น thai หรือ arabic / digits must be "thai" or "arabic" (got "${String(value)}")`,
  );
};

// ---------- line breaking ----------
/**
 * Breaks text into lines no wider than `width` (as measured by `measure`): at Thai word
 * boundaries and spaces; a word wider than a line is cut between grapheme clusters.
 */
export const wrapText = (text: string, width: number, measure: (s: string) => number): string[] => {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    const push = () => {
      if (line.trim()) lines.push(line.trim());
      line = '';
    };
    for (const word of wordsOf(paragraph)) {
      if (measure(line + word) <= width) {
        line += word;
        continue;
      }
      push();
      if (!word.trim()) continue;
      if (measure(word) <= width) {
        line = word;
        continue;
      }
      for (const g of graphemesOf(word)) {
        if (line && measure(line + g) > width) push();
        line += g;
      }
    }
    push();
  }
  return lines.length ? lines : [''];
};

// ---------- drawing ----------
const PAGE = { size: 'A4' as const, layout: 'landscape' as const };
const MARGIN = 36;

type Doc = InstanceType<typeof PDFDocument>;
type Column = { header: string; width: number; text: (r: ReportRow) => string };

class Writer {
  y = MARGIN;
  constructor(
    readonly doc: Doc,
    readonly options: PdfOptions = {},
  ) {}
  get width() {
    return this.doc.page.width - 2 * MARGIN;
  }
  get bottom() {
    return this.doc.page.height - MARGIN - 14;
  }
  lineHeight(size: number) {
    return size * 1.55;
  }
  /** The width of a line in Sarabun: the sum of its runs, each in its subset's font. */
  measure(text: string, size: number, bold = false) {
    return measureText(this.doc, text, size, bold);
  }
  /** Figures in Thai digits when asked (never in `raw` text: hashes). */
  figures(text: string, raw = false) {
    return this.options.digits === 'thai' && !raw ? thaiDigits(text) : text;
  }
  /** One line at (x, y), its text also as /ActualText (see the module comment). */
  line(text: string, x: number, y: number, size: number, bold = false) {
    drawLine(this.doc, text, x, y, size, bold);
  }
  wrap(text: string, width: number, size: number, bold = false): string[] {
    return wrapText(text, width, (s) => this.measure(s, size, bold));
  }
  /** A wrapped paragraph across the page. */
  paragraph(text: string, size: number, bold = false, gap = 4, raw = false) {
    for (const l of this.wrap(this.figures(text, raw), this.width, size, bold)) {
      this.ensure(this.lineHeight(size));
      this.line(l, MARGIN, this.y, size, bold);
      this.y += this.lineHeight(size);
    }
    this.y += gap;
  }
  ensure(height: number, onNewPage?: () => void) {
    if (this.y + height <= this.bottom) return false;
    this.doc.addPage(PAGE);
    this.y = MARGIN;
    onNewPage?.();
    return true;
  }
  /** A table whose cells wrap; the header row repeats on every page. */
  table<T>(columns: Array<{ header: string; width: number; text: (r: T) => string }>, rows: T[]) {
    const size = 8.5;
    const pad = 3;
    const lh = this.lineHeight(size);
    const total = columns.reduce((n, c) => n + c.width, 0);
    const scale = this.width / total;
    const cols = columns.map((c) => ({ ...c, width: c.width * scale }));
    const drawRow = (cells: string[][], bold: boolean, fill?: string) => {
      const height = Math.max(...cells.map((c) => c.length)) * lh + 2 * pad;
      let x = MARGIN;
      if (fill) this.doc.rect(MARGIN, this.y, this.width, height).fill(fill).fillColor('black');
      for (let i = 0; i < cols.length; i += 1) {
        this.doc.rect(x, this.y, cols[i].width, height).lineWidth(0.4).stroke('#888888');
        cells[i].forEach((l, j) => this.line(l, x + pad, this.y + pad + j * lh, size, bold));
        x += cols[i].width;
      }
      this.y += height;
    };
    const headerCells = cols.map((c) => this.wrap(c.header, c.width - 2 * pad, size, true));
    const header = () => drawRow(headerCells, true, '#e8eef7');
    this.ensure(Math.max(...headerCells.map((c) => c.length)) * lh + 2 * pad + 3 * lh);
    header();
    for (const row of rows) {
      const cells = cols.map((c) => this.wrap(this.figures(c.text(row)), c.width - 2 * pad, size));
      const height = Math.max(...cells.map((c) => c.length)) * lh + 2 * pad;
      this.ensure(height, header);
      drawRow(cells, false);
    }
    this.y += 10;
  }
}

const statusColumns = (s: Record<Status, number>) => STATUSES.map((k) => String(s[k]));

/** Renders the report; resolves with the PDF bytes. */
export const renderReportPdf = (report: ReportData, options: PdfOptions = {}): Promise<Buffer> => {
  const doc = new PDFDocument({
    ...PAGE,
    margin: MARGIN,
    lang: 'th-TH',
    info: {
      Title: `รายงานผลการติดตามการเปิดเผยข้อมูล ITA ประจำเดือน ${thaiMonthOfPeriod(report.period)}`,
      Subject: `ITA monitoring report ${report.period}`,
      Creator: 'Prongsai',
    },
  } as never);
  registerSarabun(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc, options);
  const o = report.overall;

  // Title section: the organisation as a whole.
  w.paragraph('รายงานผลการติดตามการเปิดเผยข้อมูลสาธารณะ (ITA)', 18, true, 2);
  w.paragraph(
    `ประจำเดือน ${thaiMonthOfPeriod(report.period)} · ปีงบประมาณ พ.ศ. ${report.fiscalYear}`,
    14,
    true,
    2,
  );
  w.paragraph(
    `สถานะ ณ วันที่ ${thaiDate(report.asOf)}${report.partial ? ' (เดือนยังไม่สิ้นสุด)' : ''} · จัดทำเมื่อ ${thaiDateTime(report.generatedAt)}`,
    10,
    false,
    auditHeadText(report) ? 2 : 10,
  );
  const head = auditHeadText(report);
  if (head) w.paragraph(`บันทึกตรวจสอบ (${head})`, 8, false, 10, true);
  w.paragraph('สรุปภาพรวมทั้งองค์กร', 13, true, 2);
  w.paragraph(
    `จำนวนหน่วยงาน ${o.units} หน่วยงาน · ความครบถ้วน ${percent(o.progress)} (${o.counts.complete + o.counts.declared_none} จาก ${o.total} รายการ) · เกินกำหนด ${o.counts.overdue} รายการ · เผยแพร่ในเดือนนี้ ${o.publishedThisMonth} รายการ`,
    11,
    false,
    2,
  );
  w.paragraph(
    STATUSES.map((s) => `${STATUS_LABELS_TH[s]} ${o.counts[s]}`).join(' · '),
    11,
    false,
    10,
  );
  w.table(
    [
      { header: 'รหัส', width: 55, text: (u: ReportData['units'][number]) => u.unit },
      { header: 'หน่วยงาน', width: 220, text: (u) => u.nameTh },
      { header: 'ความครบถ้วน', width: 65, text: (u) => percent(u.progress) },
      ...STATUSES.map((s, i) => ({
        header: STATUS_LABELS_TH[s],
        width: 62,
        text: (u: ReportData['units'][number]) => statusColumns(u.counts)[i],
      })),
      { header: 'เผยแพร่ในเดือนนี้', width: 62, text: (u) => String(u.publishedThisMonth) },
    ],
    report.units,
  );
  if (report.participation) {
    // The public's corrections and questions (docs/participation.md), one row per unit.
    w.paragraph('เรื่องจากประชาชน (แจ้งข้อมูลไม่ถูกต้องและคำถาม) ในเดือนนี้', 13, true, 2);
    w.table(
      PARTICIPATION_HEADER.map((header, i) => ({
        header,
        width: [55, 190, 50, 50, 60, 50, 55, 70, 95, 95][i],
        text: (r: Array<string | number>) => String(r[i]),
      })),
      participationRows(report),
    );
  }

  // One section per unit.
  const columns: Column[] = [
    { header: 'ข้อ', width: 40, text: (r) => r.item },
    { header: 'รายการข้อมูล', width: 250, text: (r) => r.title },
    {
      header: 'สถานะ',
      width: 95,
      text: (r) => (r.missingMonthsTh ? `${r.statusTh} (ขาด ${r.missingMonthsTh})` : r.statusTh),
    },
    { header: 'กำหนด', width: 75, text: (r) => r.dueDateTh || '—' },
    { header: 'ผู้รับผิดชอบ', width: 150, text: responsibleText },
    { header: 'เผยแพร่ในเดือนนี้', width: 160, text: (r) => publishedText(r) || '—' },
  ];
  for (const unit of report.units) {
    doc.addPage(PAGE);
    w.y = MARGIN;
    w.paragraph(`${unit.nameTh} (${unit.unit})`, 14, true, 2);
    w.paragraph(
      `ความครบถ้วน ${percent(unit.progress)} · ${STATUSES.map((s) => `${STATUS_LABELS_TH[s]} ${unit.counts[s]}`).join(' · ')} · เผยแพร่ในเดือนนี้ ${unit.publishedThisMonth}`,
      10,
      false,
      6,
    );
    w.table(
      columns,
      report.rows.filter((r) => r.unit === unit.unit),
    );
  }
  doc.end();
  return done;
};
