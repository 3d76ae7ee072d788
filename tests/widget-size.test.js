/**
 * The embeddable widget (public/widget/ita.js) stays small and is one plain script: it parses as
 * a function body (no modules, no build step) and is well under 30 KB gzipped.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const FILE = path.join(__dirname, '..', 'public', 'widget', 'ita.js');
const LIMIT = 30 * 1024;

test('public/widget/ita.js is under 30 KB gzipped', () => {
  const source = fs.readFileSync(FILE);
  const gzipped = zlib.gzipSync(source, { level: 9 }).length;
  console.log(
    `widget ita.js: ${source.length} bytes, ${gzipped} bytes gzipped (${(gzipped / 1024).toFixed(1)} KB)`,
  );
  expect(gzipped).toBeLessThan(LIMIT);
});

test('public/widget/ita.js parses as a plain script', () => {
  const source = fs.readFileSync(FILE, 'utf8');
  expect(() => new Function(source)).not.toThrow();
});
