/**
 * Bad input never produces a 500: a few thousand generated malformed queries, paths and headers
 * against the public API, counting the 5xx answers (must be 0). Then values typed by attribute
 * (numbers, dates, enums, booleans, relations, nested components, media — right and wrong) on
 * every filterable attribute of every public type and on the admin lists an editor uses, the
 * attributes read from strapi.contentTypes / strapi.components at run time; and the examples an
 * attacker found (issue 10, hole 6), each an exact 400 with a message.
 */
const http = require('http');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createApiToken, adminToken } = require('./helpers/factories');
const { createEntry, PDF } = require('./helpers/delivery');

const TOTAL = Number(process.env.FUZZ_REQUESTS || 3000);
const TYPED_TOTAL = Number(process.env.FUZZ_TYPED_REQUESTS || 1200);

let strapi;
let port;
let documentId;
let editorToken;
let apiToken;
const EDITOR = { email: 'editor.fuzz@eng.example.org', password: 'Prongsai123' };

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
const send = (path, headers = {}, method = 'GET') =>
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
  await createEntry(
    strapi,
    'api::procurement-summary.procurement-summary',
    {
      fiscalYear: 2569,
      month: 10,
      unit: unit.documentId,
      rows: [
        {
          workItem: 'จัดซื้อกระดาษ',
          method: 'specific',
          budget: 5000,
          bids: [{ bidder: 'ร้านเอ', price: 4800 }],
          contractDate: '2025-10-05',
        },
      ],
    },
    { items: ['O11'] },
  );
  // An editor of the unit, as tests/unit-scoping.test.js makes them.
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  await provisioning.upsertUserMembership(strapi, {
    ...EDITOR,
    firstname: 'Editor',
    unit: 'ENG',
    role: 'editor',
  });
  editorToken = await adminToken(request, strapi, EDITOR);
  apiToken = await createApiToken(strapi);
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

// ---------------------------------------------------------------------------------------------
// Values typed by attribute.

const RIGHT = {
  integer: ['1', '2569', '0', '-3', '10'],
  biginteger: ['1', '0', '123456789'],
  decimal: ['1.25', '5000', '-1', '0'],
  float: ['1.5', '5000', '0'],
  date: ['2026-03-01', '2025-10-05', '2569-01-01'],
  datetime: ['2026-03-01T00:00:00.000Z', '2026-03-01', '1700000000000'],
  time: ['10:00:00', '23:59:59.999'],
  boolean: ['true', 'false', '1', '0'],
  string: ['ข่าว', 'ENG', 'a%_b', "'", 'x'],
  json: ['x', 'ข่าว'],
};
const WRONG = {
  integer: ['abc', '1.5', '99999999999', '', ' ', '1e400', 'NaN', '0x10', '๒๕๖๙', '[]'],
  decimal: ['abc', '1e309', '', 'x1', 'NaN', '1,000'],
  date: ['abc', '2026-13-01', '2026-02-30', '0000-01-01', '2026', '', '26-03-01'],
  datetime: ['abc', '99999-01-01', '', 'yesterday', '2026-02-30T00:00:00Z'],
  time: ['25:00:00', 'abc', ''],
  boolean: ['abc', 'yes', '2', '', 'null'],
  enumeration: ['zzz', '', 'PUBLIC_RELATIONS'],
  string: ['', '\u0000', '%'],
  json: ['x'],
};
const kindOf = (type) =>
  ({
    biginteger: 'integer',
    increments: 'integer',
    float: 'decimal',
    timestamp: 'datetime',
    text: 'string',
    richtext: 'string',
    email: 'string',
    uid: 'string',
    password: 'string',
    blocks: 'json',
  })[type] || type;
const rightValues = (attr) =>
  attr.type === 'enumeration' ? attr.enum : RIGHT[kindOf(attr.type)] || RIGHT.string;
const wrongValues = (attr) => WRONG[kindOf(attr.type)] || WRONG.string;

const SYSTEM_ATTRS = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
};

/**
 * Every filterable leaf of a model: [path, attribute], walking relations, media and (nested)
 * components to their targets' attributes. `publicOnly` leaves out private attributes.
 */
const leavesOf = (uid, { publicOnly, depth = 0 }) => {
  const model = strapi.getModel(uid);
  const out = [];
  const system = model.modelType === 'component' ? { id: SYSTEM_ATTRS.id } : SYSTEM_ATTRS;
  const attrs = { ...system, ...model.attributes };
  for (const [name, attr] of Object.entries(attrs)) {
    if (publicOnly && attr.private) continue;
    if (['createdBy', 'updatedBy', 'localizations', 'related'].includes(name)) continue;
    if (attr.type === 'password' || attr.type === 'dynamiczone') continue;
    const target =
      attr.type === 'media'
        ? 'plugin::upload.file'
        : attr.type === 'component'
          ? attr.component
          : attr.type === 'relation'
            ? attr.target
            : null;
    if (target) {
      if (attr.type === 'relation') out.push([[name], { type: 'integer' }]); // compared by id
      if (depth < 2)
        for (const [path, leaf] of leavesOf(target, { publicOnly, depth: depth + 1 }))
          out.push([[name, ...path], leaf]);
    } else out.push([[name], attr]);
  }
  return out;
};

const TYPED_OPS = [
  '',
  '$eq',
  '$ne',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$between',
  '$null',
  '$notNull',
  '$contains',
  '$containsi',
  '$startsWith',
  '$endsWithi',
  '$eqi',
  '$not',
];

const enc = (v) => encodeURIComponent(v);

/** One filter on one leaf: `prefix[a][b][$op]=v` (lists and pairs as indexed keys). */
const typedFilter = (prefix, path, attr) => {
  const wrong = rand() < 0.5;
  const value = () => pick(wrong ? wrongValues(attr) : rightValues(attr));
  const key = `${prefix}${path.map((p) => `[${p}]`).join('')}`;
  const op = pick(TYPED_OPS);
  if (op === '') return `${key}=${enc(value())}`;
  if (op === '$in' || op === '$notIn')
    return Array.from({ length: 1 + int(3) }, (_, i) => `${key}[${op}][${i}]=${enc(value())}`).join(
      '&',
    );
  if (op === '$between')
    return `${key}[$between][0]=${enc(value())}&${key}[$between][1]=${enc(value())}`;
  if (op === '$null' || op === '$notNull')
    return `${key}[${op}]=${pick(wrong ? WRONG.boolean : RIGHT.boolean)}`;
  if (op === '$not') return `${key}[$not][$eq]=${enc(value())}`;
  return `${key}[${op}]=${enc(value())}`;
};

const sortParam = (leaves) => {
  const r = rand();
  if (r < 0.6) {
    const [path, attr] = pick(leaves);
    if (attr.type === 'json' || attr.type === 'blocks') return 'sort=nope:asc';
    return `sort=${path.join('.')}:${pick(['asc', 'desc', 'ASC', 'DESC'])}`;
  }
  return `sort=${enc(pick(['nope:asc', 'title:sideways', 'unit:asc', '', 'a..b', '__proto__']))}`;
};

/** A generated request on a list: typed filters, sometimes in $and / $or, a sort, paging. */
const typedQuery = (leaves, { admin }) => {
  const parts = [];
  for (let n = 1 + int(2); n > 0; n -= 1) {
    const [path, attr] = pick(leaves);
    const r = rand();
    const prefix =
      admin || r < 0.3 ? `filters[$and][${n}]` : r < 0.45 ? `filters[$or][${n}]` : 'filters';
    parts.push(typedFilter(prefix, path, attr));
  }
  if (rand() < 0.3) parts.push(sortParam(leaves));
  if (rand() < 0.15) parts.push(pick(['_q=ข่าว', '_q[x]=1', '_q[]=a', `_q=${'x'.repeat(600)}`]));
  if (admin && rand() < 0.2)
    parts.push(`${pick(['page', 'pageSize'])}=${enc(pick(['1', '10', '0', '-1', 'x', '1e9']))}`);
  return parts.join('&');
};

test(`${TYPED_TOTAL} typed filters on every public type and the editor's admin lists: no 5xx`, async () => {
  // Public lists: the types the Public role may `find`, read from its permissions.
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  const perms = await strapi.db
    .query('plugin::users-permissions.permission')
    .findMany({ where: { role: { id: role.id }, action: { $endsWith: '.find' } } });
  const targets = [];
  for (const { action } of perms) {
    const uid = action.replace(/\.find$/, '');
    const ct = strapi.contentTypes[uid];
    if (!ct || ct.kind !== 'collectionType') continue;
    targets.push({
      label: uid,
      path: `/api/${ct.info.pluralName}`,
      leaves: leavesOf(uid, { publicOnly: true }),
      admin: false,
    });
  }
  // Admin lists: the Content Manager types the editor may read (their role's permissions), and
  // the Media Library.
  const editor = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: EDITOR.email }, populate: ['roles'] });
  const readable = await strapi.db.query('admin::permission').findMany({
    where: {
      action: 'plugin::content-manager.explorer.read',
      role: { id: { $in: editor.roles.map((r) => r.id) } },
    },
  });
  for (const uid of new Set(readable.map((p) => p.subject))) {
    if (strapi.contentTypes[uid]?.kind !== 'collectionType') continue;
    targets.push({
      label: `CM ${uid}`,
      path: `/content-manager/collection-types/${uid}`,
      leaves: leavesOf(uid, { publicOnly: false }),
      admin: true,
    });
  }
  for (const [path, uid] of [
    ['/upload/files', 'plugin::upload.file'],
    ['/upload/folders', 'plugin::upload.folder'],
  ])
    targets.push({ label: path, path, leaves: leavesOf(uid, { publicOnly: false }), admin: true });
  expect(targets.filter((t) => !t.admin).length).toBeGreaterThanOrEqual(16);
  expect(targets.filter((t) => t.admin).length).toBeGreaterThanOrEqual(5);

  // Real validation first: the last-resort mapping (global::bad-input) should not be needed.
  const lastResort = [];
  const warn = strapi.log.warn;
  strapi.log.warn = (msg, ...rest) => {
    if (String(msg).startsWith('bad-input:')) lastResort.push(String(msg).slice(0, 300));
    return warn.call(strapi.log, msg, ...rest);
  };
  const statuses = new Map();
  const perTarget = new Map();
  const failures = [];
  const auth = { Authorization: `Bearer ${editorToken}` };
  for (let i = 0; i < TYPED_TOTAL; i += 1) {
    // Every target in turn first, then at random.
    const target = i < targets.length ? targets[i] : pick(targets);
    const query = typedQuery(target.leaves, target);
    const path = `${target.path}?${query}`.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
    const status = await send(path, target.admin ? auth : {});
    statuses.set(status, (statuses.get(status) || 0) + 1);
    const seen = perTarget.get(target.label) || {};
    seen[status] = (seen[status] || 0) + 1;
    perTarget.set(target.label, seen);
    if (typeof status !== 'number' || status >= 500)
      failures.push({ status, path: decodeURIComponent(path).slice(0, 300) });
  }
  const summary = [...statuses.entries()]
    .sort()
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
  console.log(
    `typed fuzz (seed ${SEED}, ${targets.length} lists): ${failures.length} of ${TYPED_TOTAL} typed fuzz requests gave a 5xx — ${summary}`,
  );
  if (failures.length) console.log(JSON.stringify(failures.slice(0, 20), null, 1));
  strapi.log.warn = warn;
  expect(failures).toEqual([]);
  expect(lastResort).toEqual([]);
  // Both sides are reached: right values are answered (200), wrong ones refused (400); and the
  // editor really reads the admin lists (not a 401/403 before the query is run).
  expect(statuses.get(200)).toBeGreaterThan(TYPED_TOTAL / 5);
  expect(statuses.get(400)).toBeGreaterThan(TYPED_TOTAL / 5);
  for (const t of targets.filter((x) => x.admin))
    expect([t.label, perTarget.get(t.label)?.[200] > 0]).toEqual([t.label, true]);
}, 600000);

// ---------------------------------------------------------------------------------------------
// The attacker's examples (issue 10, hole 6): each an exact 400 with a message.

const expect400 = (res) => {
  expect([res.status, res.body?.error?.status]).toEqual([400, 400]);
  expect(res.body.error.message).toMatch(/ \/ /); // Thai / English
  expect(res.body.error.message.length).toBeGreaterThan(10);
};

test.each([
  '/api/news-items?filters[fiscalYear][$eq]=abc',
  '/api/plans?filters[fiscalYear][$eq]=abc',
  '/api/ita-checklists?filters[fiscalYear][$eq]=abc',
  '/api/procurement-summaries?filters[month][$eq]=x',
  '/api/procurement-summaries?filters[month][$in][0]=10&filters[month][$in][1]=x',
  '/api/procurement-summaries?filters[rows][budget][$lt]=abc',
  '/api/procurement-summaries?filters[rows][bids][price][$between][0]=1&filters[rows][bids][price][$between][1]=x',
  '/api/ita-items?filters[position][$gt]=x',
  '/api/news-items?filters[date][$eq]=2026-02-30',
  '/api/news-items?filters[isNone][$eq]=maybe',
  '/api/news-items?filters[kind][$eq]=nope',
  '/api/news-items?filters[title][$null]=perhaps',
  '/api/news-items?filters[fiscalYear][$contains]=25',
  '/api/news-items?filters[unit][id][$eq]=abc',
  '/api/news-items?filters[attachments][size][$gt]=big',
  '/api/news-items?filters[id][$in][0]=1&filters[id][$in][1]=abc',
])('public %s → 400 with a message', async (path) => {
  expect400(await request(strapi.server.httpServer).get(path));
});

test.each([
  '/content-manager/collection-types/api::news.news?_q[x]=1',
  '/content-manager/collection-types/api::news.news?filters[$and][0][fiscalYear][$eq]=abc',
  '/content-manager/collection-types/api::news.news?sort=nope:ASC',
  '/content-manager/collection-types/api::news.news?page=x',
  '/upload/files?_q[x]=1',
  '/upload/files?sort=nope:asc',
  '/upload/files?filters[$and][0][size][$gt]=abc',
  '/upload/folders?filters[id][$eq]=abc',
  '/upload/folders?sort=nope:asc',
])('admin (editor) %s → 400 with a message', async (path) => {
  expect400(
    await request(strapi.server.httpServer).get(path).set('Authorization', `Bearer ${editorToken}`),
  );
});

describe('uploads with a malformed fileInfo or body → 400', () => {
  const routes = () => [
    ['admin POST /upload', '/upload', editorToken],
    ['REST POST /api/upload', '/api/upload', apiToken],
  ];
  test.each([
    ['{bad', 'not JSON'],
    ['5', 'not an object'],
    ['{"name":{"x":1}}', 'a name that is not text'],
    ['{"folder":"abc"}', 'a folder that is not an id'],
  ])('fileInfo %s (%s)', async (fileInfo) => {
    for (const [, path, token] of routes()) {
      const res = await request(strapi.server.httpServer)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .field('fileInfo', fileInfo)
        .attach('files', PDF, { filename: 'a.pdf', contentType: 'application/pdf' });
      expect400(res);
    }
  });
  test.each([
    [
      'a truncated part',
      'multipart/form-data; boundary=XX',
      '--XX\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\nabc',
    ],
    ['garbage', 'multipart/form-data; boundary=XX', 'garbage'],
    ['no boundary', 'multipart/form-data', 'garbage'],
  ])('a broken multipart body: %s', async (_label, contentType, body) => {
    for (const [, path, token] of routes()) {
      const res = await request(strapi.server.httpServer)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', contentType)
        .send(body);
      expect400(res);
    }
  });
  test.each([
    ['a string', 'x'],
    ['numbers', [1, 2]],
    ['an object', { id: 1 }],
  ])('Media Library bulk update with updates as %s', async (_label, updates) => {
    const res = await request(strapi.server.httpServer)
      .post('/upload/actions/bulk-update')
      .set('Authorization', `Bearer ${editorToken}`)
      .send({ updates });
    expect400(res);
  });
  test('a well-formed upload with fileInfo still works (201)', async () => {
    const res = await request(strapi.server.httpServer)
      .post('/api/upload')
      .set('Authorization', `Bearer ${apiToken}`)
      .field('fileInfo', JSON.stringify({ name: 'รายงาน.pdf', caption: 'ok' }))
      .attach('files', PDF, { filename: 'a.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body[0].caption).toBe('ok');
  });
});

test.each([
  ['/api/news-items?filters[fiscalYear][$eq]=2569', 1],
  ['/api/procurement-summaries?filters[rows][budget][$lt]=10000', 1],
  [
    '/api/procurement-summaries?filters[rows][bids][price][$between][0]=1&filters[rows][bids][price][$between][1]=5000',
    1,
  ],
  ['/api/procurement-summaries?filters[month][$in][0]=10&filters[month][$in][1]=11', 1],
  ['/api/news-items?filters[date][$gte]=2026-01-01&filters[kind][$eq]=public_relations', 1],
  ['/api/news-items?filters[isNone][$eq]=false&filters[title][$null]=false', 1],
  ['/api/news-items?filters[fiscalYear][$containsi]=25', 0],
  ['/api/ita-items?filters[position][$gt]=1&pagination[pageSize]=1', 1],
])('a legitimate typed filter still answers 200: %s', async (path, atLeast) => {
  const res = await request(strapi.server.httpServer).get(path);
  expect(res.status).toBe(200);
  expect(res.body.data.length).toBeGreaterThanOrEqual(atLeast);
});

test.each([
  '/content-manager/collection-types/api::news.news?page=1&pageSize=10&sort=title:ASC',
  '/content-manager/collection-types/api::news.news?page=1&pageSize=10&sort=status:DESC',
  '/content-manager/collection-types/api::news.news?filters[$and][0][__status][$eq]=draft&filters[$and][1][date][$gte]=2026-01-01',
  '/content-manager/collection-types/api::news.news?filters[$and][0][unit][id][$eq]=1&_q=ข่าว',
  '/upload/files?sort=updatedAt:DESC&page=1&pageSize=10&filters[$and][0][folderPath][$eq]=/',
  '/upload/folders?sort=name:ASC&filters[$and][0][parent][id][$null]=true',
])('an admin list the editor uses still answers 200: %s', async (path) => {
  const res = await request(strapi.server.httpServer)
    .get(encodeURI(path))
    .set('Authorization', `Bearer ${editorToken}`);
  expect(res.status).toBe(200);
});
