/**
 * HTTP caching of the public API: ETag and 304, Cache-Control, a response cache whose
 * invalidation is exact (publish, unpublish, a new version, delete, a unit or checklist change,
 * a permission change: the next read is new; a change in another unit leaves this one cached),
 * credentials never cached, and cross-origin access only for registered unit websites.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit, createApiToken } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');
const { transition, publishAsSystem, deleteEntry } = require('../dist/src/workflow/service');
const { initCache } = require('../dist/src/delivery/cache');

const NEWS = 'api::news.news';
const system = { kind: 'system', name: 'test' };

let strapi;
let unitA;
let unitB;
let first;

const api = () => request(strapi.server.httpServer);
const news = (unit, title, date = '2026-04-01') =>
  createEntry(
    strapi,
    NEWS,
    { title, kind: 'public_relations', date, unit: unit.documentId },
    {
      items: ['O4'],
    },
  );
const titlesOn = (res) =>
  res.body.data.items.find((i) => i.code === 'O4').entries.map((e) => e.title);

beforeAll(async () => {
  strapi = await setupStrapi({ PUBLIC_URL: 'https://cms.example.ac.th' });
  unitA = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    websiteUrl: 'https://eng.example.ac.th',
  });
  unitB = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  first = await news(unitA, 'ข่าวแรก');
});
afterAll(teardownStrapi);

describe('ETag, 304 and Cache-Control', () => {
  test('a second read is a cache hit with the same ETag; If-None-Match gives 304', async () => {
    const one = await api().get('/api/ita/ENG/2569');
    const two = await api().get('/api/ita/ENG/2569');
    expect(one.status).toBe(200);
    expect(one.headers['x-cache']).toBe('MISS');
    expect(two.headers['x-cache']).toBe('HIT');
    expect(two.headers.etag).toBe(one.headers.etag);
    expect(two.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(two.text).toBe(one.text);
    expect(two.headers['content-type']).toMatch(/^application\/json/);
    expect(two.headers['cache-control']).toBe('public, max-age=0, must-revalidate');

    for (const inm of [one.headers.etag, `W/${one.headers.etag}`, `"nope", ${one.headers.etag}`]) {
      const cond = await api().get('/api/ita/ENG/2569').set('If-None-Match', inm);
      expect(cond.status).toBe(304);
      expect(cond.text).toBeFalsy();
    }
    const stale = await api().get('/api/ita/ENG/2569').set('If-None-Match', '"old"');
    expect(stale.status).toBe(200);
  });

  test('every public GET has an ETag: lists, single entries, feeds, CSV', async () => {
    for (const path of [
      '/api/news-items',
      `/api/news-items/${first.documentId}`,
      '/api/units',
      '/api/feeds/ENG/news.rss',
      '/api/exports/ENG/procurement-summaries.csv',
      '/api/ita-links/2569',
    ]) {
      const res = await api().get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.etag).toBeTruthy();
      const again = await api().get(path).set('If-None-Match', res.headers.etag);
      expect([path, again.status]).toEqual([path, 304]);
    }
    const csv = await api().get('/api/ita-links/2569');
    expect(csv.headers['x-cache']).toBe('HIT');
    expect(csv.headers['content-disposition']).toContain('ita-links-all-2569.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
  });

  test('max-age and stale-while-revalidate are configurable', async () => {
    await initCache({ ...process.env, PUBLIC_CACHE_MAX_AGE: '60', PUBLIC_CACHE_SWR: '300' });
    const res = await api().get('/api/ita/ENG/2569');
    expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    await initCache(process.env);
  });

  test('requests with credentials are answered fresh and privately, never from the cache', async () => {
    const token = await createApiToken(strapi, 'read-only');
    await api().get('/api/news-items');
    const res = await api().get('/api/news-items').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['x-cache']).toBe('BYPASS');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    const cond = await api()
      .get('/api/news-items')
      .set('Authorization', `Bearer ${token}`)
      .set('If-None-Match', res.headers.etag);
    expect(cond.status).toBe(304);
  });
});

describe('exact invalidation', () => {
  const warm = async (path) => {
    await api().get(path);
    const res = await api().get(path);
    expect(res.headers['x-cache']).toBe('HIT');
    return res;
  };

  test('publish, new version, unpublish and delete are visible on the very next read', async () => {
    const page = '/api/ita/ENG/2569';
    const list = '/api/news-items?unit=ENG';
    await warm(page);
    await warm(list);
    const second = await news(unitA, 'ข่าวที่สอง', '2026-04-02');
    let res = await api().get(page);
    expect(res.headers['x-cache']).toBe('MISS');
    expect(titlesOn(res)).toContain('ข่าวที่สอง');
    expect((await api().get(list)).text).toContain('ข่าวที่สอง');

    // A new version: the draft changes nothing public until it is published.
    await warm(page);
    await strapi
      .documents(NEWS)
      .update({ documentId: second.documentId, data: { title: 'ข่าวที่สอง (แก้ไข)' } });
    res = await api().get(page);
    expect(res.headers['x-cache']).toBe('HIT');
    expect(titlesOn(res)).toContain('ข่าวที่สอง');
    await publishAsSystem(strapi, NEWS, second.documentId, 'test');
    res = await api().get(page);
    expect(titlesOn(res)).toContain('ข่าวที่สอง (แก้ไข)');
    expect(titlesOn(res)).not.toContain('ข่าวที่สอง');

    await warm(list);
    await transition(strapi, {
      uid: NEWS,
      documentId: second.documentId,
      action: 'unpublish',
      comment: 'ข้อมูลไม่ถูกต้อง',
      actor: system,
    });
    expect(titlesOn(await api().get(page))).not.toContain('ข่าวที่สอง (แก้ไข)');
    expect((await api().get(list)).text).not.toContain('ข่าวที่สอง');

    await warm(page);
    await deleteEntry(strapi, {
      uid: NEWS,
      documentId: first.documentId,
      reason: 'ลบตามคำสั่ง',
      actor: system,
    });
    expect(titlesOn(await api().get(page))).not.toContain('ข่าวแรก');
  });

  test('a change in another unit leaves this unit cached; unit and checklist edits show at once', async () => {
    const page = '/api/ita/ENG/2569';
    await warm(page);
    await news(unitB, 'ข่าวของคณะวิทยาศาสตร์');
    expect((await api().get(page)).headers['x-cache']).toBe('HIT');
    expect((await api().get('/api/ita/SCI/2569')).text).toContain('ข่าวของคณะวิทยาศาสตร์');

    await strapi
      .documents('api::unit.unit')
      .update({ documentId: unitA.documentId, data: { nameTh: 'คณะวิศวกรรมศาสตร์ (ใหม่)' } });
    const renamed = await api().get(page);
    expect(renamed.body.data.unit.nameTh).toBe('คณะวิศวกรรมศาสตร์ (ใหม่)');

    await warm(page);
    const item = await strapi.db.query('api::ita-item.ita-item').findOne({
      where: { code: 'O4', checklist: { fiscalYear: 2569, scheme: 'general' } },
    });
    await strapi.documents('api::ita-item.ita-item').update({
      documentId: item.documentId,
      data: { titleTh: 'ข่าวประชาสัมพันธ์ (ปรับชื่อ)' },
    });
    const retitled = await api().get(page);
    expect(retitled.body.data.items.find((i) => i.code === 'O4').titleTh).toBe(
      'ข่าวประชาสัมพันธ์ (ปรับชื่อ)',
    );
  });

  test('withdrawing a public permission is not hidden by the cache', async () => {
    await warm('/api/news-items');
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    await strapi.db
      .query('plugin::users-permissions.permission')
      .delete({ where: { action: 'api::news.news.find', role: role.id } });
    const res = await api().get('/api/news-items');
    expect(res.headers['x-cache']).not.toBe('HIT');
    expect(res.status).toBe(403);
  });
});

describe('cross-origin access', () => {
  const preflightOf = (origin) => api().get('/api/ita/ENG/2569').set('Origin', origin);

  test('only registered unit websites (and CORS_ORIGINS) get Access-Control-Allow-Origin', async () => {
    const allowed = await preflightOf('https://eng.example.ac.th');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://eng.example.ac.th');
    expect(allowed.headers['access-control-expose-headers']).toContain('ETag');
    const other = await preflightOf('https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // A unit's new website is allowed at once.
    await strapi
      .documents('api::unit.unit')
      .update({ documentId: unitB.documentId, data: { websiteUrl: 'https://sci.example.ac.th/' } });
    const added = await preflightOf('https://sci.example.ac.th');
    expect(added.headers['access-control-allow-origin']).toBe('https://sci.example.ac.th');
    const options = await api()
      .options('/api/ita/ENG/2569')
      .set('Origin', 'https://evil.example.com')
      .set('Access-Control-Request-Method', 'GET');
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
  });
});
