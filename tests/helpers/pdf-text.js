/**
 * Reads a PDF's text back with pdf.js (the npm package pdfjs-dist, legacy build for Node): no
 * system package such as poppler is needed. Returns the text line by line (pieces on one
 * baseline, left to right, a space where there is a gap) and every piece with its box in PDF
 * points from the top-left corner, like `pdftotext -layout` and `-bbox` did.
 *
 * Sarabun draws ำ as ํ + า (src/pdf/sarabun.ts); pdf.js does not read /ActualText, so the text is
 * passed through the same `fromShaped` the PDF module documents.
 */
const path = require('path');

const fromShaped = (text) => text.replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, '$1\u0E33');

let pdfjs;
const load = async () => {
  // An ES module: Jest runs with --experimental-vm-modules (package.json scripts).
  pdfjs ??= await import(
    path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')
  );
  return pdfjs;
};

/** @returns {Promise<{ text: string, pages: string[], items: Array<{ str, x0, x1, y0, y1, page }> }>} */
async function pdfText(buffer) {
  const { getDocument } = await load();
  const doc = await getDocument({
    data: new Uint8Array(buffer),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages = [];
  const items = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const height = page.view[3];
      const content = await page.getTextContent();
      const pieces = content.items
        .filter((i) => typeof i.str === 'string' && i.str !== '')
        .map((i) => {
          const x0 = i.transform[4];
          const base = i.transform[5];
          const size = Math.hypot(i.transform[2], i.transform[3]) || i.height;
          return {
            str: fromShaped(i.str),
            x0,
            x1: x0 + i.width,
            y0: height - base - size,
            y1: height - base,
            baseline: Math.round(base * 2) / 2,
            page: n,
          };
        });
      items.push(...pieces);
      const lines = new Map();
      for (const p of pieces) {
        const key = [...lines.keys()].find((k) => Math.abs(k - p.baseline) < 1.5) ?? p.baseline;
        if (!lines.has(key)) lines.set(key, []);
        lines.get(key).push(p);
      }
      const text = [...lines.entries()]
        .sort((a, b) => b[0] - a[0])
        .map(([, ps]) => {
          ps.sort((a, b) => a.x0 - b.x0);
          let line = '';
          let end = null;
          for (const p of ps) {
            if (end !== null && p.x0 - end > 1) line += ' ';
            line += p.str;
            end = p.x1;
          }
          return fromShaped(line);
        })
        .join('\n');
      pages.push(text);
    }
  } finally {
    await doc.destroy();
  }
  return { text: pages.join('\n\f'), pages, items };
}

module.exports = { pdfText, fromShaped };
