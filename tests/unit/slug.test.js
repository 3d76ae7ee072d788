/** Slugs from Thai titles: slugify alone would drop every Thai letter. */
const slugify = require('slugify');
const { slugFromTitle, withSuffix } = require('../../dist/src/common/slug');

const titles = [
  'ข่าวประชาสัมพันธ์',
  'รายงานผลการดำเนินงานประจำปี ๒๕๖๘',
  'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569',
  'ประกาศเจตนารมณ์นโยบาย No Gift Policy',
  'ไม่มี',
  'ๆ',
];

test('slugify alone gives an empty slug for a Thai title (the problem we solve)', () => {
  expect(slugify('ข่าวประชาสัมพันธ์', { strict: true })).toBe('');
});

test.each(titles)('"%s" gives a non-empty, URL-safe, stable slug', (title) => {
  const slug = slugFromTitle(title, 'news');
  expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(slug.length).toBeGreaterThan(0);
  expect(slug.length).toBeLessThanOrEqual(80);
  expect(slugFromTitle(title, 'news')).toBe(slug);
});

test('Thai slugs are readable transliterations, digits become Arabic', () => {
  expect(slugFromTitle('ข่าวประชาสัมพันธ์')).toBe('khawprachasamphan');
  expect(slugFromTitle('รายงานประจำปี ๒๕๖๘')).toBe('raynganprachampi-2568');
  expect(slugFromTitle('ประกาศเจตนารมณ์นโยบาย No Gift Policy')).toMatch(/-no-gift-policy$/);
  expect(slugFromTitle('!!!', 'news')).toBe('news');
});

test('suffixes keep slugs unique within the length limit', () => {
  expect(withSuffix('news', 1)).toBe('news');
  expect(withSuffix('news', 2)).toBe('news-2');
  expect(withSuffix('a'.repeat(80), 12)).toHaveLength(80);
});
