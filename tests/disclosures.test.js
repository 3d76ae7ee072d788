/**
 * The disclosure content types through REST: every type can be created and read back with its
 * unit, slug and suggested checklist items; bad input gets a 400 with a Thai and English message
 * and writes nothing.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit, createApiToken } = require('./helpers/factories');
const { SAMPLES } = require('./helpers/samples');
const { publishAsSystem } = require('../dist/src/workflow/service');

let strapi;
let token;
let unit;
let vocUnit;

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await createApiToken(strapi);
  unit = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  vocUnit = await createUnit(strapi, {
    code: 'VOC',
    nameTh: 'วิทยาลัยเทคนิคทดสอบ',
    scheme: 'vocational-college',
  });
});
afterAll(teardownStrapi);

const api = () => request(strapi.server.httpServer);
const post = (path, data) =>
  api().post(`/api/${path}`).set('Authorization', `Bearer ${token}`).send({ data });
const get = (path) => api().get(`/api/${path}`).set('Authorization', `Bearer ${token}`);
const rows = (uid) => strapi.db.query(uid).count();

describe.each(SAMPLES)('%s', (path, uid, payload, expectedItems) => {
  test('is created through REST with its unit, a readable slug and suggested checklist items, and read back', async () => {
    const before = await rows(uid);
    const res = await post(path, { ...payload, unit: unit.documentId });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    expect(res.body.data.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(await rows(uid)).toBeGreaterThan(before);

    // REST writes drafts; once approved and published it is readable by unit websites.
    await publishAsSystem(strapi, uid, id, 'test');
    const read = await get(
      `${path}/${id}?populate[unit][fields][0]=code&populate[checklistItems][fields][0]=code`,
    );
    expect(read.status).toBe(200);
    expect(read.body.data.unit.code).toBe('SCI');
    expect(read.body.data.title).toBeTruthy();
    expect(read.body.data.checklistItems.map((i) => i.code).sort()).toEqual(
      [...expectedItems].sort(),
    );
    for (const [key, value] of Object.entries(payload)) {
      if (typeof value !== 'object') expect(read.body.data[key]).toEqual(value);
    }
  });
});

test('a Thai title gives a transliterated slug; the same title twice gives two unique slugs', async () => {
  const a = await post('news-items', { title: 'ข่าวประชาสัมพันธ์', unit: unit.documentId });
  const b = await post('news-items', { title: 'ข่าวประชาสัมพันธ์', unit: unit.documentId });
  expect(a.body.data.slug).toMatch(/^khawprachasamphan(-\d+)?$/);
  expect(b.body.data.slug).not.toBe(a.body.data.slug);
  expect(b.body.data.slug).toMatch(/^khawprachasamphan-\d+$/);
  // The slug stays when the title changes (links on unit websites keep working).
  const put = await api()
    .put(`/api/news-items/${a.body.data.documentId}`)
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { title: 'หัวข้อใหม่' } });
  expect(put.status).toBe(200);
  expect(put.body.data.slug).toBe(a.body.data.slug);
});

test('a dated entry gets its fiscal year from the date (1 October starts the next year)', async () => {
  const sep = await post('activities', {
    title: 'กิจกรรม 30 ก.ย.',
    kind: 'participation',
    date: '2026-09-30',
    unit: unit.documentId,
  });
  const oct = await post('activities', {
    title: 'กิจกรรม 1 ต.ค.',
    kind: 'participation',
    date: '2026-10-01',
    unit: unit.documentId,
  });
  expect(sep.body.data.fiscalYear).toBe(2569);
  expect(oct.body.data.fiscalYear).toBe(2570);
});

test('a fiscal year typed in Thai digits is stored as a number', async () => {
  const res = await post('plans', {
    title: 'แผนยุทธศาสตร์',
    kind: 'strategic',
    fiscalYear: '๒๕๖๙',
    unit: unit.documentId,
  });
  expect(res.status).toBe(201);
  expect(res.body.data.fiscalYear).toBe(2569);
});

test('a vocational college gets items of its own scheme suggested', async () => {
  const res = await post('news-items', {
    title: 'ข่าววิทยาลัย',
    date: '2026-01-10',
    unit: vocUnit.documentId,
  });
  await publishAsSystem(strapi, 'api::news.news', res.body.data.documentId, 'test');
  const read = await get(`news-items/${res.body.data.documentId}`);
  const items = await strapi.db.query('api::ita-item.ita-item').findMany({
    where: { documentId: { $in: read.body.data.checklistItems.map((i) => i.documentId) } },
    populate: { checklist: true },
  });
  expect(items.map((i) => [i.code, i.checklist.scheme])).toEqual([['O9', 'vocational-college']]);
});

describe('bad input: a 400 that says what to fix, and nothing written', () => {
  const cases = [
    ['missing unit', 'news-items', { title: 'ไม่มีหน่วยงาน' }, /unit is required/],
    [
      'unknown unit',
      'news-items',
      { title: 'หน่วยงานไม่มีจริง', unit: 'no-such-unit-document' },
      /does not exist/,
    ],
    [
      'fiscal year out of range',
      'plans',
      { title: 'แผน', kind: 'strategic', fiscalYear: 3000 },
      /fiscalYear must be a Buddhist-Era year/,
    ],
    [
      'a CE year instead of BE',
      'plans',
      { title: 'แผน', kind: 'strategic', fiscalYear: 2026 },
      /fiscalYear must be a Buddhist-Era year/,
    ],
    [
      'plan without a fiscal year',
      'plans',
      { title: 'แผน', kind: 'strategic' },
      /fiscalYear is required/,
    ],
    [
      'period that ends before it starts',
      'reports',
      {
        title: 'รายงาน',
        kind: 'annual_performance',
        fiscalYear: 2568,
        period: { startDate: '2025-09-30', endDate: '2024-10-01' },
      },
      /period.startDate/,
    ],
    [
      'unknown kind',
      'reports',
      { title: 'รายงาน', kind: 'no_such_kind', fiscalYear: 2568 },
      /kind/,
    ],
    [
      'monthly summary with neither rows nor "none"',
      'procurement-summaries',
      { fiscalYear: 2569, month: 11 },
      /no procurement this month/,
    ],
    [
      'monthly summary with rows and "none"',
      'procurement-summaries',
      { fiscalYear: 2569, month: 11, isNone: true, rows: [{ workItem: 'x', method: 'specific' }] },
      /cannot also have procurement rows/,
    ],
    [
      'month 13',
      'procurement-summaries',
      { fiscalYear: 2569, month: 13, isNone: true },
      /month must be a number from 1 to 12/,
    ],
    [
      'a second summary for the same month',
      'procurement-summaries',
      { fiscalYear: 2569, month: 10, isNone: true },
      /already has a procurement summary/,
    ],
  ];
  test.each(cases)('%s', async (_name, path, payload, message) => {
    const uid = SAMPLES.find((s) => s[0] === path)[1];
    const before = await rows(uid);
    const data =
      'unit' in payload || _name === 'missing unit'
        ? payload
        : { ...payload, unit: unit.documentId };
    const res = await post(path, data);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await rows(uid)).toBe(before);
  });

  test('an unknown checklist item is refused', async () => {
    const before = await rows('api::news.news');
    const res = await post('news-items', {
      title: 'ข่าว',
      unit: unit.documentId,
      checklistItems: ['no-such-item'],
    });
    expect(res.status).toBe(400);
    expect(await rows('api::news.news')).toBe(before);
  });

  test('a unit cannot be removed from an entry', async () => {
    const created = await post('laws', {
      title: 'ระเบียบ',
      kind: 'regulation',
      unit: unit.documentId,
    });
    const res = await api()
      .put(`/api/laws/${created.body.data.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { unit: null } });
    expect(res.status).toBe(400);
    const stored = await strapi.db
      .query('api::law.law')
      .findOne({ where: { documentId: created.body.data.documentId }, populate: ['unit'] });
    expect(stored.unit.code).toBe('SCI');
  });
});

test('Thai messages come first for editors', async () => {
  const res = await post('news-items', { title: 'ไม่มีหน่วยงาน' });
  expect(res.body.error.message).toBe('กรุณาเลือกหน่วยงานเจ้าของข้อมูล / unit is required');
});

test('unitRef mirrors the unit: never exposed, never taken from the caller, follows a move, repaired at start', async () => {
  const other = await createUnit(strapi, { code: 'OTHER' });
  const res = await post('news-items', {
    title: 'ข่าวย้ายหน่วยงาน',
    unit: unit.documentId,
    unitRef: other.id,
  });
  expect(res.status).toBe(201);
  expect(res.body.data).not.toHaveProperty('unitRef');
  const id = res.body.data.documentId;
  const refs = async () =>
    (
      await strapi.db
        .query('api::news.news')
        .findMany({ where: { documentId: id }, select: ['unitRef'] })
    ).map((r) => r.unitRef);
  // REST writes are drafts (src/workflow/guard.ts): one row.
  expect(await refs()).toEqual([unit.id]);

  const moved = await api()
    .put(`/api/news-items/${id}`)
    .set('Authorization', `Bearer ${token}`)
    .send({ data: { unit: other.documentId } });
  expect(moved.status).toBe(200);
  expect(await refs()).toEqual([other.id]);

  await strapi.db.connection('news_items').where('document_id', id).update({ unit_ref: null });
  const { backfillUnitRef } = require('../dist/src/disclosures/unit-ref');
  expect(await backfillUnitRef(strapi)).toBeGreaterThanOrEqual(1);
  expect(await refs()).toEqual([other.id]);
});

test('a unit website never receives a draft, whatever it asks for', async () => {
  const res = await post('news-items', { title: 'ร่างที่ยังไม่เผยแพร่', unit: unit.documentId });
  const id = res.body.data.documentId;
  for (const query of [
    '',
    '?status=draft',
    '?status=draft&filters[title][$eq]=ร่างที่ยังไม่เผยแพร่',
  ]) {
    const list = await get(`news-items${query ? `${query}&` : '?'}pagination[pageSize]=100`);
    expect([query, list.body.data.some((d) => d.documentId === id)]).toEqual([query, false]);
  }
  const one = await get(`news-items/${id}?status=draft`);
  expect(one.status).toBe(404);
  const count = await strapi.db.query('api::news.news').count({ where: { documentId: id } });
  expect(count).toBe(1); // the draft exists; it is simply never served
});
