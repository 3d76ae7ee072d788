import path from 'path';
import type PDFDocument from 'pdfkit';
import { THAI_DIGITS } from '../common/thai';

/**
 * Sarabun (the open successor of TH Sarabun, the typeface of Thai official correspondence) for
 * every PDF the CMS generates, from the npm package `@fontsource/sarabun` (SIL OFL 1.1): no
 * system font is needed.
 *
 * Fontsource ships Sarabun split by script (`thai`, `latin`, `latin-ext` … subsets, as WOFF and
 * WOFF2), so one line of text is drawn as runs, each in the subset that has its characters
 * (`runsOf`). pdfkit reads the WOFF files (fontkit), shapes Thai with the font's own GSUB/GPOS
 * (tone marks above upper vowels, shortened descenders) and embeds only the glyphs used.
 *
 * Text extraction: a PDF maps each glyph back to characters once (ToUnicode), but Sarabun draws
 * SARA AM (ำ) as NIKHAHIT + the glyph of SARA AA (า), so a PDF with both ำ and า would give one
 * of them back wrongly. `shapeable` writes ำ as ํ + า itself (NIKHAHIT before any tone mark, the
 * order Thai shaping engines use), which draws the same and extracts as ํา; PDF readers that
 * honour /ActualText (Acrobat, poppler) get the original text from the span around each line,
 * and `fromShaped` turns ํา back into ำ for any other reader (our tests).
 */

export type FontFace = { thai: string; latin: string; latinExt: string };
export type SarabunFiles = { regular: FontFace; bold: FontFace };

const FILES_DIR = () =>
  path.join(path.dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');

const face = (weight: 400 | 700): FontFace => {
  const dir = FILES_DIR();
  const file = (subset: string) => path.join(dir, `sarabun-${subset}-${weight}-normal.woff`);
  return { thai: file('thai'), latin: file('latin'), latinExt: file('latin-ext') };
};

/** The WOFF files of Sarabun regular (400) and bold (700), per subset. */
export const sarabunFiles = (): SarabunFiles => ({ regular: face(400), bold: face(700) });

export type Subset = keyof FontFace;

// The code points of each Fontsource subset (node_modules/@fontsource/sarabun/unicode.json).
const THAI_RANGES: Array<[number, number]> = [
  [0x02d7, 0x02d7],
  [0x0303, 0x0303],
  [0x0331, 0x0331],
  [0x0e01, 0x0e5b],
  [0x200c, 0x200d],
  [0x25cc, 0x25cc],
];
const isThai = (ch: string) => {
  const cp = ch.codePointAt(0) ?? 0;
  return THAI_RANGES.some(([a, b]) => cp >= a && cp <= b);
};
const LATIN_EXT =
  /[\u0100-\u0130\u0132-\u0151\u0154-\u02BA\u02BD-\u02C5\u02C7-\u02CC\u02CE-\u02D6\u02DD-\u02FF\u1D00-\u1DBF\u1E00-\u1E9F\u1EF2-\u1EFF\u2020\u20A0-\u20AB\u20AD-\u20C0\u2113\u2C60-\u2C7F\uA720-\uA7FF]/;

const subsetOf = (ch: string): Subset =>
  isThai(ch) ? 'thai' : LATIN_EXT.test(ch) ? 'latinExt' : 'latin';

/** The text cut into runs that each one subset draws (combining marks stay with their base). */
export const runsOf = (text: string): Array<{ subset: Subset; text: string }> => {
  const runs: Array<{ subset: Subset; text: string }> = [];
  for (const ch of text) {
    // A combining mark belongs to the run of the character it sits on.
    const subset = /\p{M}/u.test(ch) && runs.length ? runs[runs.length - 1].subset : subsetOf(ch);
    const last = runs[runs.length - 1];
    if (last && last.subset === subset) last.text += ch;
    else runs.push({ subset, text: ch });
  }
  return runs;
};

/** SARA AM as NIKHAHIT + SARA AA, the nikhahit before the tone mark (see the module comment). */
export const shapeable = (text: string): string =>
  text.replace(/([\u0E48-\u0E4B]?)\u0E33/g, '\u0E4D$1\u0E32');

/** The inverse of `shapeable`, for text read back from a PDF. */
export const fromShaped = (text: string): string =>
  text.replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33');

/**
 * Figures in Thai digits (๐–๙): every run of ASCII digits that is not part of a code or an
 * address (no Latin letter, @, _ or - right before or after it), so "ปี 2569", "75.0%" and
 * "31 ต.ค. 2568" change while "O11", "PV-AGRI" and e-mail addresses do not.
 */
export const thaiDigits = (text: string): string =>
  text.replace(/(?<![A-Za-z@_\-\d])\d+(?:[.,]\d+)*(?![A-Za-z@_\-\d])/g, (n) =>
    n.replace(/\d/g, (d) => THAI_DIGITS[Number(d)]),
  );

// ---------- pdfkit ----------
type Doc = InstanceType<typeof PDFDocument>;

const fontName = (subset: Subset, bold: boolean) => `sarabun-${subset}${bold ? '-bold' : ''}`;

/** Registers Sarabun regular and bold (every subset) on a pdfkit document. */
export const registerSarabun = (doc: Doc): Doc => {
  const files = sarabunFiles();
  for (const subset of ['thai', 'latin', 'latinExt'] as const) {
    doc.registerFont(fontName(subset, false), files.regular[subset]);
    doc.registerFont(fontName(subset, true), files.bold[subset]);
  }
  return doc;
};

/** The width of one line in Sarabun (the sum of its runs, each in its subset). */
export const measureText = (doc: Doc, text: string, size: number, bold = false): number => {
  let width = 0;
  for (const run of runsOf(shapeable(text))) {
    doc.font(fontName(run.subset, bold)).fontSize(size);
    width += doc.widthOfString(run.text);
  }
  return width;
};

/**
 * Draws one line at (x, y) in Sarabun, run by run, without pdfkit's wrapping; returns the x
 * where it ends. Callers wrap it in an /ActualText span (see src/compliance/report/pdf.ts).
 */
export const drawText = (
  doc: Doc,
  text: string,
  x: number,
  y: number,
  size: number,
  bold = false,
): number => {
  let cx = x;
  for (const run of runsOf(shapeable(text))) {
    doc.font(fontName(run.subset, bold)).fontSize(size);
    doc.text(run.text, cx, y, { lineBreak: false });
    cx += doc.widthOfString(run.text);
  }
  return cx;
};

/**
 * One line at (x, y) in Sarabun inside a marked-content span whose /ActualText is the line's
 * text, so copying and text extraction give back the original characters.
 */
export const drawLine = (
  doc: Doc,
  text: string,
  x: number,
  y: number,
  size: number,
  bold = false,
): void => {
  if (!text) return;
  doc.markContent('Span', { actual: text, lang: 'th-TH' } as never);
  drawText(doc, text, x, y, size, bold);
  // Poppler places an ActualText span with the graphics state current at EMC: restore the text's
  // transformation and font there, or extraction puts the text in the wrong place.
  const font = (doc as unknown as { _font: { id: string } })._font.id;
  doc.addContent(`q 1 0 0 -1 0 ${doc.page.height} cm BT /${font} ${size} Tf ET`);
  doc.endMarkedContent();
  doc.addContent('Q');
};
