/**
 * CORS only on the public routes: a registered unit website may call /api/ita/..., the content API,
 * feeds, exports, the widget and uploaded files from a browser, but never the admin panel's API
 * (/admin, /workflow, /compliance, /content-manager, /upload, /ita) nor sign-in (/api/auth).
 * The admin panel is same-origin; only an ADMIN_URL on another host gets CORS on admin routes.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit } = require('./helpers/factories');
const { isPublicPath } = require('../dist/src/delivery/origins');

const UNIT_SITE = 'https://eng.example.ac.th';
let strapi;
const api = () => request(strapi.server.httpServer);

const preflight = (path, origin = UNIT_SITE, method = 'POST') =>
  api()
    .options(path)
    .set('Origin', origin)
    .set('Access-Control-Request-Method', method)
    .set('Access-Control-Request-Headers', 'content-type,authorization');

const ADMIN_ROUTES = [
  ['POST', '/admin/login'],
  ['POST', '/admin/forgot-password'],
  ['GET', '/admin/users/me'],
  ['POST', '/workflow/transition'],
  ['GET', '/compliance/matrix'],
  ['GET', '/content-manager/collection-types/api::news.news'],
  ['POST', '/upload'],
  ['GET', '/upload/files'],
  ['GET', '/ita/checklists'],
  ['POST', '/api/auth/local'],
  ['POST', '/api/auth/forgot-password'],
  ['GET', '/api/users/me'],
  ['POST', '/api/upload'],
  ['POST', '/Admin/Login/'],
];

beforeAll(async () => {
  strapi = await setupStrapi({ PUBLIC_URL: 'https://cms.example.ac.th', CORS_ORIGINS: '' });
  await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์', websiteUrl: UNIT_SITE });
});
afterAll(teardownStrapi);

test('public routes still answer CORS to a registered unit website', async () => {
  const pre = await preflight('/api/ita/ENG/2569', UNIT_SITE, 'GET');
  expect(pre.status).toBe(204);
  expect(pre.headers['access-control-allow-origin']).toBe(UNIT_SITE);
  expect(pre.headers['access-control-allow-methods']).toContain('GET');
  for (const path of ['/api/ita/ENG/2569', '/api/news-items', '/api/feeds/ENG/news.rss']) {
    const res = await api().get(path).set('Origin', UNIT_SITE);
    expect([path, res.status]).toEqual([path, 200]);
    expect([path, res.headers['access-control-allow-origin']]).toEqual([path, UNIT_SITE]);
  }
  // The widget script and uploaded files (static; the test run has no public/ folder).
  for (const path of ['/widget/ita.js', '/uploads/report.pdf']) {
    const res = await preflight(path, UNIT_SITE, 'GET');
    expect([path, res.status, res.headers['access-control-allow-origin']]).toEqual([
      path,
      204,
      UNIT_SITE,
    ]);
  }
  // An unknown site gets nothing, as before.
  const evil = await preflight('/api/ita/ENG/2569', 'https://evil.example.com', 'GET');
  expect(evil.headers['access-control-allow-origin']).toBeUndefined();
});

test('admin, workflow, compliance, content-manager, upload and sign-in routes: no CORS for a unit website', async () => {
  for (const [method, path] of ADMIN_ROUTES) {
    const pre = await preflight(path, UNIT_SITE, method);
    expect([path, pre.headers['access-control-allow-origin']]).toEqual([path, undefined]);
    expect([path, pre.headers['access-control-allow-methods']]).toEqual([path, undefined]);
    expect([path, pre.headers['access-control-allow-credentials']]).toEqual([path, undefined]);
    // A simple (non-preflighted) request: answered as usual, but the browser may not read it.
    const simple =
      method === 'GET'
        ? await api().get(path).set('Origin', UNIT_SITE)
        : await api().post(path).set('Origin', UNIT_SITE).send({});
    expect([path, simple.headers['access-control-allow-origin']]).toEqual([path, undefined]);
  }
  // The login itself still works for the admin panel (same origin: no CORS involved).
  const login = await api()
    .post('/admin/login')
    .set('Origin', 'https://cms.example.ac.th')
    .send({ email: 'nobody@example.org', password: 'Wrong1234!' });
  expect(login.status).toBe(400);
  // Even CORS_ORIGINS=* opens only the public routes.
  process.env.CORS_ORIGINS = '*';
  try {
    const star = await preflight('/workflow/transition', 'https://any.example.com');
    expect(star.headers['access-control-allow-origin']).toBeUndefined();
    const pub = await preflight('/api/ita/ENG/2569', 'https://any.example.com', 'GET');
    expect(pub.headers['access-control-allow-origin']).toBe('https://any.example.com');
  } finally {
    process.env.CORS_ORIGINS = '';
  }
});

test('an admin panel served from another host (ADMIN_URL) gets CORS on the admin routes, and only it', async () => {
  const before = strapi.config.get('admin.url');
  strapi.config.set('admin.url', 'https://admin.example.ac.th/admin');
  try {
    const pre = await preflight('/admin/login', 'https://admin.example.ac.th');
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://admin.example.ac.th');
    const unit = await preflight('/admin/login', UNIT_SITE);
    expect(unit.headers['access-control-allow-origin']).toBeUndefined();
  } finally {
    strapi.config.set('admin.url', before);
  }
  // Served by the CMS itself (the default): same origin as PUBLIC_URL, no CORS at all.
  expect(before).toBe('https://cms.example.ac.th/admin');
  const same = await preflight('/admin/login', 'https://admin.example.ac.th');
  expect(same.headers['access-control-allow-origin']).toBeUndefined();
});

test('isPublicPath: what is public', () => {
  for (const p of [
    '/api/ita/ENG/2569',
    '/api/news-items',
    '/api/exports/ENG/x.csv',
    '/widget/ita.js',
    '/uploads/a.pdf',
  ])
    expect([p, isPublicPath(p)]).toEqual([p, true]);
  for (const p of [
    '/admin/login',
    '/api/auth/local',
    '/API/Auth/local',
    '/api/users/me',
    '/api/upload',
    '/upload',
    '/uploadsx',
    '/workflow/transition',
    '/',
    '/api',
  ])
    expect([p, isPublicPath(p)]).toEqual([p, false]);
});
