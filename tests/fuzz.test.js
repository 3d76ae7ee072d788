/**
 * Bad input never produces a 500: a few thousand generated malformed queries, paths and headers
 * against the public API, counting the 5xx answers (must be 0).
 */
const http = require('http');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');

const TOTAL = Number(process.env.FUZZ_REQUESTS || 3000);

let strapi;
let port;
let documentId;

// A small deterministic PRNG (mulberry32): a failure can be replayed with the same seed.
const SEED = Number(process.env.FUZZ_SEED || 20261124);
let state = SEED;
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const int = (n) => Math.floor(rand() * n);

const WEIRD = [
  '',
  ' ',
  '%',
  '%zz',
  '%E0%B8',
  '%00',
  '%C0%AF',
  '..%2F..%2Fetc%2Fpasswd',
  "'",
  '"',
  '\\',
  '[',
  ']',
  '[]',
  '{}',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'NaN',
  'null',
  'undefined',
  'true',
  '*',
  '**',
  '$eq',
  '$where',
  '__proto__',
  'constructor',
  'prototype',
  'ข่าว',
  '๒๕๖๙',
  'x'.repeat(5000),
  'a,b,,c',
  '<script>',
  '${7*7}',
  'O1',
  '2569',
  'ENG',
];
const KEYS = [
  'filters',
  'populate',
  'sort',
  'fields',
  'pagination',
  'status',
  'locale',
  'unit',
  'fiscalYear',
  'item',
  'publicationState',
  '_q',
  'q',
  'hasPublishedVersion',
  'random',
  '__proto__',
];
const OPS = [
  '$eq',
  '$ne',
  '$in',
  '$notIn',
  '$lt',
  '$between',
  '$contains',
  '$null',
  '$and',
  '$or',
  '$not',
  '$foo',
  '$jsonSupersetOf',
];
const FIELDS = [
  'title',
  'slug',
  'unit',
  'checklistItems',
  'attachments',
  'workflowState',
  'createdBy',
  'password',
  'id',
  'documentId',
  'publishedAt',
  'rows',
  'code',
  'x',
];

const segment = () => {
  const r = rand();
  if (r < 0.4) return `[${pick(FIELDS)}]`;
  if (r < 0.7) return `[${pick(OPS)}]`;
  if (r < 0.85) return `[${int(200)}]`;
  return `[${encodeURIComponent(pick(WEIRD)).slice(0, 50)}]`;
};

const queryPart = () => {
  const r = rand();
  if (r < 0.05) return `${pick(KEYS)}${'[a]'.repeat(25 + int(10))}=1`; // deeper than qs allows
  if (r < 0.1)
    return Array.from({ length: 120 + int(50) }, (_, i) => `${pick(KEYS)}[${i}]=1`).join('&');
  if (r < 0.15) return pick(WEIRD); // a bare, possibly broken, fragment
  let key = pick(KEYS);
  for (let i = int(5); i > 0; i -= 1) key += segment();
  const raw = pick(WEIRD);
  const value = rand() < 0.6 ? encodeURIComponent(raw) : raw.replace(/[#\s]/g, '');
  return `${key}=${value}`;
};

const weirdSegment = () => encodeURIComponent(pick(WEIRD)).slice(0, 80) || 'x';
const PATHS = () => [
  '/api/news-items',
  `/api/news-items/${documentId}`,
  `/api/news-items/${weirdSegment()}`,
  '/api/procurement-summaries',
  '/api/unit-profiles',
  '/api/units',
  '/api/ita-items',
  '/api/ita-checklists',
  '/api/ita/ENG/2569',
  '/api/ita/ENG/2569/O4',
  `/api/ita/${weirdSegment()}/${weirdSegment()}`,
  `/api/ita/ENG/${weirdSegment()}/${weirdSegment()}`,
  '/api/ita-links/2569',
  `/api/ita-links/${weirdSegment()}`,
  '/api/feeds/ENG/news.rss',
  `/api/feeds/ENG/${weirdSegment()}`,
  '/api/exports/ENG/procurement-summaries.csv',
  '/widget/ita.js',
];

const HEADERS = () => {
  const h = {};
  if (rand() < 0.15)
    h['If-None-Match'] = pick(['*', '"', 'W/', '"a", W/"b"', pick(WEIRD).slice(0, 200)]);
  if (rand() < 0.1)
    h.Authorization = pick([
      'Bearer',
      'Bearer ',
      `Bearer ${'x'.repeat(3000)}`,
      'Basic Zm9vOmJhcg==',
      'Bearer a.b.c',
      pick(WEIRD).slice(0, 200),
    ]);
  if (rand() < 0.1)
    h.Origin = pick(['null', 'https://evil.example', '*', 'http://', pick(WEIRD).slice(0, 100)]);
  if (rand() < 0.1) h.Accept = pick(['*/*', 'text/html', 'application/xml;q=x', '', 'x/y']);
  if (rand() < 0.05)
    h['Content-Type'] = pick(['application/json', 'multipart/form-data', 'x/y; charset=zz']);
  if (rand() < 0.05) h['X-Forwarded-For'] = pick(['1.1.1.1, x', '::::', '999.999.1.1']);
  if (rand() < 0.05) h.Range = pick(['bytes=0-1', 'bytes=x', 'items=1-2']);
  if (rand() < 0.05) h.Cookie = pick(['koa.sess=garbage', '=;;=;', 'a'.repeat(2000)]);
  if (rand() < 0.03) h['Accept-Encoding'] = pick(['gzip', 'br', 'x']);
  // Header values must be bytes a client can send at all.
  for (const k of Object.keys(h)) h[k] = String(h[k]).replace(/[^\x20-\x7e]/g, '');
  return h;
};

/** Raw HTTP (node http): the path goes out byte for byte, broken escapes included. */
const send = (path, headers, method = 'GET') =>
  new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', (e) => resolve(`error ${e.code || e.message}`));
    req.end();
  });

beforeAll(async () => {
  strapi = await setupStrapi({ PORT: '0' }, { listen: true });
  port = strapi.server.httpServer.address().port;
  const unit = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  const entry = await createEntry(
    strapi,
    'api::news.news',
    { title: 'ข่าว', kind: 'public_relations', date: '2026-04-01', unit: unit.documentId },
    { items: ['O4'] },
  );
  documentId = entry.documentId;
});
afterAll(teardownStrapi);

test(`${TOTAL} malformed queries, paths and headers: no 5xx`, async () => {
  const statuses = new Map();
  const failures = [];
  for (let i = 0; i < TOTAL; i += 1) {
    const parts = Array.from({ length: 1 + int(4) }, queryPart);
    const path = `${pick(PATHS())}?${parts.join('&')}`.replace(/[^\x21-\x7e]/g, (c) =>
      encodeURIComponent(c),
    );
    const headers = HEADERS();
    const method = rand() < 0.05 ? pick(['HEAD', 'OPTIONS']) : 'GET';
    const status = await send(path, headers, method);
    statuses.set(status, (statuses.get(status) || 0) + 1);
    if (typeof status !== 'number' || status >= 500)
      failures.push({ status, method, path: path.slice(0, 300), headers });
  }
  const summary = [...statuses.entries()]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  console.log(
    `fuzz (seed ${SEED}): ${failures.length} of ${TOTAL} requests produced a 5xx — ${summary}`,
  );
  if (failures.length) console.log(JSON.stringify(failures.slice(0, 15), null, 1));
  expect(failures).toEqual([]);
  // The generator reaches both sides: plenty of 4xx, and some 200s.
  expect(statuses.get(200)).toBeGreaterThan(TOTAL / 50);
  expect(statuses.get(400)).toBeGreaterThan(TOTAL / 10);
}, 600000);
