/**
 * The Content Manager's help texts agree with the form's required markers (issue 12): a hint
 * never says "required" on a field without the star, nor "may be left empty" on a starred one;
 * and every enumeration value of every schema has a Thai label (forms, lists, filters, exports).
 */
const fs = require('fs');
const path = require('path');
const {
  COMMON_LABELS,
  TYPE_LABELS,
  REPLACED_DESCRIPTIONS,
} = require('../../dist/src/content-manager/labels');
const { ENUM_LABELS, enumLabel, isYearField } = require('../../dist/src/common/enum-labels');

const root = path.resolve(__dirname, '..', '..');
const walk = (dir) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? walk(path.join(dir, e.name))
        : e.name.endsWith('.json')
          ? [path.join(dir, e.name)]
          : [],
    );

/** Every content type (api::x.x) and component (category.name) with its attributes. */
const models = [
  ...walk(path.join(root, 'src', 'api'))
    .filter((f) => f.endsWith(`${path.sep}schema.json`))
    .map((f) => {
      const name = path.basename(path.dirname(f));
      return {
        uid: `api::${name}.${name}`,
        attributes: JSON.parse(fs.readFileSync(f, 'utf8')).attributes,
      };
    }),
  ...walk(path.join(root, 'src', 'components')).map((f) => ({
    uid: `${path.basename(path.dirname(f))}.${path.basename(f, '.json')}`,
    attributes: JSON.parse(fs.readFileSync(f, 'utf8')).attributes,
  })),
];

const SAYS_REQUIRED = /จำเป็น|ต้องกรอก|ต้องระบุ|ต้องเลือก|บังคับ(?!ใช้)/;
const SAYS_OPTIONAL = /เว้นว่างได้|เว้นว่าง\s*=|ไม่ต้องกรอก|ไม่บังคับ|ไม่จำเป็น/;

const hints = () =>
  models.flatMap(({ uid, attributes }) =>
    Object.entries(attributes).flatMap(([field, attribute]) => {
      const description = (TYPE_LABELS[uid]?.[field] ?? COMMON_LABELS[field])?.description;
      return description
        ? [{ uid, field, required: attribute.required === true, description }]
        : [];
    }),
  );

test('the schemas were read', () => {
  expect(models.length).toBeGreaterThan(20);
  expect(hints().length).toBeGreaterThan(20);
});

test('no hint says "required" on a field without the required marker', () => {
  const wrong = hints()
    .filter((h) => SAYS_OPTIONAL.test(h.description) === false && SAYS_REQUIRED.test(h.description))
    .filter((h) => !h.required)
    .map((h) => `${h.uid}.${h.field}: ${h.description}`);
  expect(wrong).toEqual([]);
});

test('no hint says "may be left empty" on a required field', () => {
  const wrong = hints()
    .filter((h) => h.required && SAYS_OPTIONAL.test(h.description))
    .map((h) => `${h.uid}.${h.field}: ${h.description}`);
  expect(wrong).toEqual([]);
});

test('the check itself catches both contradictions', () => {
  expect(SAYS_REQUIRED.test('หน่วยงานเจ้าของข้อมูล (จำเป็น)')).toBe(true);
  expect(SAYS_OPTIONAL.test('เว้นว่างได้ ระบบตั้งชื่อตามเดือนให้')).toBe(true);
  // Both were shipped once and are replaced on start (src/content-manager/index.ts).
  expect(REPLACED_DESCRIPTIONS).toEqual(
    expect.arrayContaining([
      'หน่วยงานเจ้าของข้อมูล (จำเป็น)',
      'เว้นว่างได้ ระบบตั้งชื่อตามเดือนให้',
    ]),
  );
});

test('the unit of every disclosure carries the required marker the server enforces', () => {
  const { DISCLOSURE_TYPES } = require('../../dist/src/disclosures/types');
  for (const type of DISCLOSURE_TYPES) {
    const model = models.find((m) => m.uid === type.uid);
    expect([type.uid, model.attributes.unit.required]).toEqual([type.uid, true]);
  }
});

test('every enumeration value of every schema has a Thai label', () => {
  const missing = models.flatMap(({ uid, attributes }) =>
    Object.entries(attributes)
      .filter(([, a]) => a.type === 'enumeration')
      .flatMap(([field, a]) =>
        a.enum
          .filter((value) => !/[\u0E00-\u0E7F]/.test(enumLabel(field, value)))
          .filter((value) => !(field === 'platform' && value !== 'website')) // brand names
          .map((value) => `${uid}.${field}=${value}`),
      ),
  );
  expect(missing).toEqual([]);
  expect(Object.keys(ENUM_LABELS)).toContain('workflowState');
  expect(enumLabel('method', 'e_bidding')).toBe('ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)');
  expect(enumLabel('workflowState', 'changes_requested')).toBe('ขอให้แก้ไข');
});

test('the server exports and the admin share one label source', () => {
  const { METHOD_LABELS } = require('../../dist/src/delivery/exports');
  const { STATE_LABELS } = require('../../dist/src/workflow/states');
  expect(METHOD_LABELS).toBe(ENUM_LABELS.method);
  expect(STATE_LABELS.changes_requested).toBe('ขอให้แก้ไข (changes requested)');
});

test('year fields are recognised by name', () => {
  for (const name of ['fiscalYear', 'copiedFromYear', 'year']) expect(isYearField(name)).toBe(true);
  for (const name of ['month', 'yearly', 'sequence', 'years'])
    expect(isYearField(name)).toBe(false);
});
