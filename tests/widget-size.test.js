/**
 * The embeddable widget (public/widget/ita.js, and the forms it loads) stays small and is plain
 * script: it parses as a function body (no modules, no build step) and is under 30 KB gzipped.
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

// The public's forms, loaded by ita.js after the list (public/widget/participation.js).
const FORMS = path.join(__dirname, '..', 'public', 'widget', 'participation.js');

test('public/widget/participation.js is under 30 KB gzipped and parses as a plain script', () => {
  const source = fs.readFileSync(FORMS);
  const gzipped = zlib.gzipSync(source, { level: 9 }).length;
  console.log(`widget participation.js: ${source.length} bytes, ${gzipped} bytes gzipped`);
  expect(gzipped).toBeLessThan(LIMIT);
  expect(() => new Function(source.toString('utf8'))).not.toThrow();
});
