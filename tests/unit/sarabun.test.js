/**
 * Sarabun for generated PDFs (src/pdf/sarabun.ts): runs per Fontsource subset, SARA AM drawn as
 * NIKHAHIT + SARA AA and read back, Thai digits in figures but not in codes or addresses.
 */
const fs = require('fs');
const {
  runsOf,
  shapeable,
  fromShaped,
  thaiDigits,
  sarabunFiles,
} = require('../../dist/src/pdf/sarabun');
const helper = require('../helpers/pdf-text');

test('the regular and bold WOFF files of every subset come with the npm package', () => {
  const files = sarabunFiles();
  for (const face of [files.regular, files.bold])
    for (const file of Object.values(face))
      expect([file, fs.existsSync(file)]).toEqual([file, true]);
});

test('a line is cut into Thai and Latin runs; marks stay with their base', () => {
  expect(runsOf('รายงาน ITA ปี 2569 น้ำ')).toEqual([
    { subset: 'thai', text: 'รายงาน' },
    { subset: 'latin', text: ' ITA ' },
    { subset: 'thai', text: 'ปี' },
    { subset: 'latin', text: ' 2569 ' },
    { subset: 'thai', text: 'น้ำ' },
  ]);
  expect(runsOf('Łukasz')).toEqual([
    { subset: 'latinExt', text: 'Ł' },
    { subset: 'latin', text: 'ukasz' },
  ]);
});

test('SARA AM: nikhahit before the tone mark, and back', () => {
  for (const s of ['น้ำ', 'ประจำเดือน', 'ก่ำ', 'อำนาจหน้าที่', 'ทำ']) {
    expect(shapeable(s)).not.toContain('\u0E33');
    expect(fromShaped(shapeable(s))).toBe(s);
    expect(helper.fromShaped(shapeable(s))).toBe(s);
  }
  expect(shapeable('น้ำ')).toBe('น\u0E4D\u0E49\u0E32');
});

test('Thai digits in figures, not in codes, addresses or periods', () => {
  expect(thaiDigits('ปีงบประมาณ พ.ศ. 2569 · 75.0% · 31 ต.ค. 2568')).toBe(
    'ปีงบประมาณ พ.ศ. ๒๕๖๙ · ๗๕.๐% · ๓๑ ต.ค. ๒๕๖๘',
  );
  expect(thaiDigits('O11 PV-AGRI web1@eng.example.ac.th 2026-03 #12 a1b2')).toBe(
    'O11 PV-AGRI web1@eng.example.ac.th 2026-03 #๑๒ a1b2',
  );
});
