/**
 * The in-process response cache is bounded in bytes, not only in entries: many distinct large
 * public responses never make the cache's computed size exceed PUBLIC_CACHE_MAX_MB, and a response
 * over PUBLIC_CACHE_MAX_ENTRY_KB is served but never stored.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');
const { cacheStats } = require('../dist/src/delivery/cache');

const NEWS = 'api::news.news';
const MB = 1024 * 1024;

let strapi;
const api = () => request(strapi.server.httpServer);

// About 60 KB of Thai text (180 KB as UTF-8) in one paragraph.
const bigBody = (n) => [
  {
    type: 'paragraph',
    children: [{ type: 'text', text: `ข่าว ${n} `.padEnd(60_000, 'กขค') }],
  },
];

beforeAll(async () => {
  strapi = await setupStrapi({
    // Links (and so cache keys) use PUBLIC_URL; without it each supertest port is another origin.
    PUBLIC_URL: 'https://cms.example.ac.th',
    PUBLIC_CACHE: 'true',
    PUBLIC_CACHE_MAX_MB: '1',
    PUBLIC_CACHE_MAX_ENTRY_KB: '400',
    PUBLIC_CACHE_MAX_ENTRIES: '5000',
  });
  const unit = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  for (const n of [1, 2, 3]) {
    await createEntry(strapi, NEWS, {
      title: `ข่าวใหญ่ ${n}`,
      kind: 'public_relations',
      date: '2026-04-01',
      unit: unit.documentId,
      body: bigBody(n),
    });
  }
});
afterAll(teardownStrapi);

test('many distinct large responses: the computed size never exceeds the byte bound', async () => {
  const before = cacheStats();
  expect(before.kind).toBe('memory');
  expect(before.maxBytes).toBe(1 * MB);
  expect(before.maxEntryBytes).toBe(400 * 1024);

  let stored = 0;
  let maxSeen = 0;
  // 60 distinct URLs, each a ~180 KB response (one entry per page): ~10 MB offered to a 1 MB cache.
  for (let i = 0; i < 60; i += 1) {
    const page = (i % 3) + 1;
    const res = await api().get(
      `/api/news-items?pagination[pageSize]=1&pagination[page]=${page}&filters[title][$ne]=x${i}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(Buffer.byteLength(res.text)).toBeGreaterThan(150_000);
    expect(res.headers['x-cache']).toBe('MISS');
    stored += Buffer.byteLength(res.text);
    const s = cacheStats();
    maxSeen = Math.max(maxSeen, s.bytes);
    expect(s.bytes).toBeLessThanOrEqual(s.maxBytes);
  }
  expect(stored).toBeGreaterThan(9 * MB);
  const after = cacheStats();
  // The budget is used (entries were kept), and older ones were evicted to stay inside it.
  expect(after.entries).toBeGreaterThanOrEqual(4);
  expect(after.entries).toBeLessThanOrEqual(6);
  expect(maxSeen).toBeGreaterThan(0.6 * MB);
  expect(maxSeen).toBeLessThanOrEqual(1 * MB);

  // The most recent URL is still cached; the first one was evicted.
  const last = await api().get(
    '/api/news-items?pagination[pageSize]=1&pagination[page]=3&filters[title][$ne]=x59',
  );
  expect(last.headers['x-cache']).toBe('HIT');
  const firstAgain = await api().get(
    '/api/news-items?pagination[pageSize]=1&pagination[page]=1&filters[title][$ne]=x0',
  );
  expect(firstAgain.headers['x-cache']).toBe('MISS');
});

test('a response over the single-entry limit is served but not stored', async () => {
  const url = '/api/news-items?pagination[pageSize]=3&filters[title][$ne]=big';
  const one = await api().get(url);
  expect(one.status).toBe(200);
  expect(one.body.data).toHaveLength(3);
  expect(Buffer.byteLength(one.text)).toBeGreaterThan(400 * 1024);
  expect(one.headers['x-cache']).toBe('BYPASS');
  expect(one.headers.etag).toBeTruthy();
  const entries = cacheStats().entries;
  const two = await api().get(url);
  expect(two.status).toBe(200);
  expect(two.headers['x-cache']).toBe('BYPASS');
  expect(two.headers.etag).toBe(one.headers.etag);
  expect(cacheStats().entries).toBe(entries);
  expect(cacheStats().bytes).toBeLessThanOrEqual(1 * MB);
  // A conditional request still gets its 304.
  const cond = await api().get(url).set('If-None-Match', one.headers.etag);
  expect(cond.status).toBe(304);
});
