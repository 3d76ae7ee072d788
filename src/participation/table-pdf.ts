import PDFDocument from 'pdfkit';
import { wrapText } from '../compliance/report/pdf';
import { drawLine, measureText, registerSarabun } from '../pdf/sarabun';

/**
 * A small generic PDF (A4 portrait, or landscape) of headings, paragraphs and tables in Sarabun,
 * with the monthly report's machinery (src/pdf/sarabun.ts; wrapText of
 * src/compliance/report/pdf.ts): lines are broken at Thai word boundaries (and at the newlines of
 * a cell) and carry their text as /ActualText. A table row that does not fit the rest of the page
 * starts on the next one, under the repeated header; a row taller than a whole page is split
 * between lines and continues on the next page.
 */

export type PdfBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'table'; header: string[]; widths?: number[]; rows: string[][] };

const MARGIN = 40;
type Doc = InstanceType<typeof PDFDocument>;

export type TablePdfOptions = { layout?: 'portrait' | 'landscape' };

export const renderTablePdf = (
  title: string,
  blocks: PdfBlock[],
  options: TablePdfOptions = {},
): Promise<Buffer> => {
  const layout = options.layout ?? 'portrait';
  const doc: Doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: MARGIN,
    lang: 'th-TH',
    info: { Title: title, Creator: 'Prongsai' },
  } as never);
  registerSarabun(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = MARGIN;
  const width = () => doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const lh = (size: number) => size * 1.55;
  const line = (text: string, x: number, yy: number, size: number, bold: boolean) =>
    drawLine(doc, text, x, yy, size, bold);
  const wrap = (text: string, w: number, size: number, bold: boolean) =>
    wrapText(text, w, (s) => measureText(doc, s, size, bold));
  const ensure = (h: number) => {
    if (y + h <= bottom()) return false;
    doc.addPage({ size: 'A4', layout, margin: MARGIN } as never);
    y = MARGIN;
    return true;
  };
  const paragraph = (text: string, size: number, bold: boolean, gap: number) => {
    for (const l of wrap(text, width(), size, bold)) {
      ensure(lh(size));
      line(l, MARGIN, y, size, bold);
      y += lh(size);
    }
    y += gap;
  };
  const table = (header: string[], rows: string[][], widths?: number[]) => {
    const size = 10;
    const pad = 3;
    const ws = widths ?? header.map(() => 1);
    const total = ws.reduce((a, b) => a + b, 0);
    const cols = ws.map((w) => (w / total) * width());
    const heightOf = (lines: number) => lines * lh(size) + 2 * pad;
    const box = (wrapped: string[][], bold: boolean, fill?: string) => {
      const h = heightOf(Math.max(1, ...wrapped.map((c) => c.length)));
      let x = MARGIN;
      if (fill) doc.rect(MARGIN, y, width(), h).fill(fill).fillColor('black');
      wrapped.forEach((c, i) => {
        doc.rect(x, y, cols[i], h).lineWidth(0.4).stroke('#888888');
        c.forEach((l, j) => line(l, x + pad, y + pad + j * lh(size), size, bold));
        x += cols[i];
      });
      y += h;
    };
    const wrapCells = (cells: string[], bold: boolean) =>
      cells.map((c, i) => wrap(c, cols[i] - 2 * pad, size, bold));
    const head = () => box(wrapCells(header, true), true, '#e8eef7');
    const newPage = () => {
      doc.addPage({ size: 'A4', layout, margin: MARGIN } as never);
      y = MARGIN;
      head();
    };
    const draw = (cells: string[]) => {
      let wrapped = wrapCells(cells, false);
      const lines = () => Math.max(1, ...wrapped.map((c) => c.length));
      const fits = (n: number) => y + heightOf(n) <= bottom();
      const pageLines = Math.floor((bottom() - MARGIN - heightOf(0) * 2) / lh(size)) - 2;
      // A row that fits on a fresh page is never split: it moves to the next page whole.
      if (!fits(lines()) && lines() <= pageLines) newPage();
      while (!fits(lines())) {
        const room = Math.floor((bottom() - y - heightOf(0)) / lh(size));
        if (room < 2) {
          newPage();
          continue;
        }
        box(
          wrapped.map((c) => c.slice(0, room)),
          false,
        );
        wrapped = wrapped.map((c) => c.slice(room));
        newPage();
      }
      box(wrapped, false);
    };
    ensure(heightOf(2));
    head();
    for (const r of rows) draw(r);
    y += 10;
  };
  paragraph(title, 16, true, 8);
  for (const b of blocks) {
    if (b.type === 'heading') paragraph(b.text, 13, true, 4);
    else if (b.type === 'paragraph') paragraph(b.text, 11, false, 6);
    else table(b.header, b.rows, b.widths);
  }
  doc.end();
  return done;
};
