/**
 * The link check against a local HTTP server playing the unit website (127.0.0.1, ephemeral
 * port): pages with the widget, one with only an entry title, one 404, one redirect within the
 * host, one redirect to another host (reported, never requested), one that never answers
 * (timeout), attached files; stored results through GET /compliance/links with unit scoping;
 * the CLI as a child process. No external network.
 */
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');

const PASSWORD = 'Test1234!';
const PLAN_TITLE = 'แผนป้องกันการทุจริต 2569';
let strapi;
const tokens = {};
const api = () => request(strapi.server.httpServer);
const as = (who, req) => req.set('Authorization', `Bearer ${tokens[who]}`);

// The unit website, and the "other host" a page redirects to.
let site;
let other;
let base;
let otherBase;
const hits = [];
const otherHits = [];
let inFlight = 0;
let maxInFlight = 0;
const hung = [];

const widget = (code) =>
  `<div data-prongsai-ita data-unit="${code}" data-year="2569"></div><script src="/w.js"></script>`;
const html = (body) => `<!doctype html><html><body>${body}</body></html>`;

const startServer = (handler) =>
  new Promise((resolve) => {
    const s = http.createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });

beforeAll(async () => {
  other = await startServer((req, res) => {
    otherHits.push(req.url);
    res.end('elsewhere');
  });
  otherBase = `http://localhost:${other.address().port}`;
  site = await startServer((req, res) => {
    hits.push({ url: req.url, ua: req.headers['user-agent'] });
    if (req.url === '/ita/2569/O5') {
      hung.push(res); // never answers
      return;
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // A little latency so that concurrency can show.
    setTimeout(() => {
      inFlight -= 1;
      const send = (status, body, headers = {}) => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
        res.end(body);
      };
      switch (req.url) {
        case '/ita/2569/O3':
          return send(404, html('not found'));
        case '/ita/2569/O4':
          return send(302, '', { location: `${otherBase}/ita/O4` });
        case '/ita/2569/O8':
          return send(301, '', { location: '/new/O8' });
        case '/new/O8':
          return send(200, html(widget('ENG')));
        case '/ita/2569/O9':
          // Another unit's widget and no entry title: "no widget" for ENG.
          return send(200, html(widget('SCI')));
        case '/ita/2569/O23':
          // No widget, but the title of the entry (HTML-escaped spacing).
          return send(200, html(`<h2>แผนป้องกันการทุจริต&nbsp;2569</h2>`));
        case '/files/plan.pdf':
          res.writeHead(200, { 'content-type': 'application/pdf' });
          return res.end(Buffer.alloc(4096, 1));
        case '/files/gone.pdf':
          return send(404, 'gone');
        default:
          return send(200, html(`<p>ITA</p>${widget('ENG')}`));
      }
    }, 15);
  });
  base = `http://127.0.0.1:${site.address().port}`;

  strapi = await setupStrapi({ LINK_CHECK_TIMEOUT_MS: '500', COMPLIANCE_SCHEDULER: 'false' });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const eng = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    websiteUrl: base,
    itaPathTemplate: '/ita/{fiscalYear}/{itemCode}',
  });
  await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  const file = async (name) =>
    strapi.db.query('plugin::upload.file').create({
      data: {
        name,
        hash: name.replace('.', '_'),
        ext: '.pdf',
        mime: 'application/pdf',
        size: 4,
        url: `${base}/files/${name}`,
        provider: 'local',
      },
    });
  await createEntry(
    strapi,
    'api::unit-profile.unit-profile',
    { title: 'โครงสร้าง', unit: eng.documentId },
    { items: ['O1'] },
  );
  await createEntry(
    strapi,
    'api::plan.plan',
    {
      title: PLAN_TITLE,
      kind: 'anti_corruption',
      fiscalYear: 2569,
      unit: eng.documentId,
      attachments: [(await file('plan.pdf')).id, (await file('gone.pdf')).id],
    },
    { items: ['O23'] },
  );
  for (const [who, unit, role] of [
    ['editorEng', 'ENG', 'editor'],
    ['approverEng', 'ENG', 'approver'],
    ['editorSci', 'SCI', 'editor'],
    ['monitor', null, 'monitor'],
  ]) {
    const email = `${who.toLowerCase()}@links.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unit ? { unit } : {}),
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});

afterAll(async () => {
  for (const res of hung) res.destroy();
  site.closeAllConnections?.();
  await new Promise((r) => site.close(r));
  await new Promise((r) => other.close(r));
  await teardownStrapi();
});

const rowOf = (unitResult, item, kind = 'page', url) =>
  unitResult.results.find((r) => r.item === item && r.kind === kind && (!url || r.url === url));

test('POST /compliance/links/check: a verdict per item and file, polite, within its budget', async () => {
  const started = Date.now();
  const res = await as('approverEng', api().post('/compliance/links/check')).send({
    fiscalYear: 2569,
  });
  const elapsed = Date.now() - started;
  expect(res.status).toBe(200);
  expect(elapsed).toBeLessThan(20000);
  // An approver checks their own units only.
  expect(res.body.meta).toEqual({ fiscalYear: 2569, units: ['ENG'] });
  const [eng] = res.body.data;
  expect(eng.unit).toBe('ENG');
  expect(eng.websiteUrl).toBe(base);

  const page = (item) => rowOf(eng, item);
  expect(page('O1')).toMatchObject({
    url: `${base}/ita/2569/O1`,
    status: 200,
    finalUrl: `${base}/ita/2569/O1`,
    redirectedTo: null,
    error: null,
    widget: true,
    titlesFound: [],
    verdict: 'ok',
  });
  expect(page('O3')).toMatchObject({ status: 404, widget: null, verdict: 'broken' });
  expect(page('O4')).toMatchObject({
    status: 302,
    finalUrl: `${base}/ita/2569/O4`,
    redirectedTo: `${otherBase}/ita/O4`,
    verdict: 'redirected_away',
  });
  expect(page('O5')).toMatchObject({ status: null, error: 'timeout', verdict: 'timeout' });
  // It waited for the timeout (500 ms) and stopped there.
  expect(page('O5').ms).toBeGreaterThanOrEqual(400);
  expect(page('O5').ms).toBeLessThan(5000);
  expect(page('O8')).toMatchObject({
    status: 200,
    finalUrl: `${base}/new/O8`,
    redirectedTo: null,
    widget: true,
    verdict: 'ok',
  });
  expect(page('O9')).toMatchObject({
    status: 200,
    widget: false,
    titlesFound: [],
    verdict: 'no_widget',
  });
  expect(page('O23')).toMatchObject({
    status: 200,
    widget: false,
    titlesFound: [PLAN_TITLE],
    verdict: 'ok',
  });
  expect(rowOf(eng, 'O23', 'file', `${base}/files/plan.pdf`)).toMatchObject({
    entry: PLAN_TITLE,
    status: 200,
    verdict: 'ok',
  });
  expect(rowOf(eng, 'O23', 'file', `${base}/files/gone.pdf`)).toMatchObject({
    entry: PLAN_TITLE,
    status: 404,
    verdict: 'broken',
  });
  // Every other item page: 200 with the unit's widget.
  const special = ['O3', 'O4', 'O5', 'O9', 'O23'];
  const pages = eng.results.filter((r) => r.kind === 'page');
  expect(pages.length).toBeGreaterThan(20);
  for (const r of pages.filter((p) => !special.includes(p.item)))
    expect([r.item, r.verdict, r.widget]).toEqual([r.item, 'ok', true]);
  for (const r of eng.results) expect(typeof r.ms).toBe('number');
  expect(eng.summary).toEqual({
    urls: pages.length + 2,
    ok: pages.length - 4 + 1,
    broken: 2,
    timeout: 1,
    redirectedAway: 1,
    noWidget: 1,
    skipped: 0,
  });

  // Polite: the product's User-Agent, at most 2 requests at a time, nothing to the other host.
  expect(new Set(hits.map((h) => h.ua))).toEqual(new Set(['Prongsai-LinkCheck/1.0 (+ITA)']));
  expect(maxInFlight).toBeLessThanOrEqual(2);
  expect(otherHits).toEqual([]);
  expect(hits.filter((h) => h.url === '/ita/2569/O1')).toHaveLength(1);
});

test('GET /compliance/links: the stored results, scoped to the caller’s units', async () => {
  const mine = await as('editorEng', api().get('/compliance/links?fiscalYear=2569'));
  expect(mine.status).toBe(200);
  expect(mine.body.data.map((r) => r.unit)).toEqual(['ENG']);
  const eng = mine.body.data[0];
  expect(eng.summary).toMatchObject({ broken: 2, timeout: 1, redirectedAway: 1, noWidget: 1 });
  expect(rowOf(eng, 'O4').redirectedTo).toBe(`${otherBase}/ita/O4`);
  expect(rowOf(eng, 'O5').verdict).toBe('timeout');

  const monitor = await as('monitor', api().get('/compliance/links?fiscalYear=2569&unit=eng'));
  expect(monitor.status).toBe(200);
  expect(monitor.body.data.map((r) => r.unit)).toEqual(['ENG']);

  // Another unit's editor: their own (unchecked) unit only; ENG is forbidden.
  const sci = await as('editorSci', api().get('/compliance/links?fiscalYear=2569'));
  expect(sci.status).toBe(200);
  expect(sci.body.data).toEqual([]);
  expect(sci.body.meta.units).toEqual(['SCI']);
  const forbidden = await as('editorSci', api().get('/compliance/links?fiscalYear=2569&unit=ENG'));
  expect(forbidden.status).toBe(403);

  for (const q of ['fiscalYear=25x9', 'fiscalYear=1999', 'fiscalYear=2569&unit=%3Cx%3E', 'foo=1']) {
    const bad = await as('admin', api().get(`/compliance/links?${q}`));
    expect([q, bad.status]).toEqual([q, 400]);
    expect(bad.body.error.message).toMatch(/\/ /);
  }
  expect((await as('admin', api().get('/compliance/links?unit=NOPE'))).status).toBe(404);
  expect((await api().get('/compliance/links?fiscalYear=2569')).status).toBe(401);
  // The stored rows have no REST API.
  expect((await api().get('/api/link-checks')).status).toBe(404);
});

test('POST /compliance/links/check: editors may not run it; bad input is a 400', async () => {
  const editor = await as('editorEng', api().post('/compliance/links/check')).send({
    fiscalYear: 2569,
  });
  expect(editor.status).toBe(403);
  const other = await as('approverEng', api().post('/compliance/links/check')).send({
    fiscalYear: 2569,
    unit: 'SCI',
  });
  expect(other.status).toBe(403);
  const bad = await as('admin', api().post('/compliance/links/check')).send({ fiscalYear: 'x' });
  expect(bad.status).toBe(400);
  const extra = await as('admin', api().post('/compliance/links/check')).send({ hosts: ['a'] });
  expect(extra.status).toBe(400);
  const noList = await as('admin', api().post('/compliance/links/check')).send({
    fiscalYear: 2600,
  });
  expect(noList.status).toBe(404);
});

const runCli = (args) =>
  new Promise((resolve) => {
    // Asynchronous: the website above is served by this very process.
    const child = spawn(process.execPath, [path.join(appDir, 'src', 'cli', 'bin.js'), ...args], {
      cwd: appDir,
      env: {
        ...process.env,
        PRONGSAI_SKIP_COMPILE: '1',
        COMPLIANCE_SCHEDULER: 'false',
        LINK_CHECK_TIMEOUT_MS: '500',
        LOG_LEVEL: 'error',
        INIT_CWD: appDir,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

test('CLI links:check prints a summary per unit and exits 0; bad arguments do not', async () => {
  const before = hits.length;
  const started = Date.now();
  const r = await runCli(['links:check', '--year', '2569']);
  expect([r.status, r.stderr]).toEqual([0, '']);
  expect(Date.now() - started).toBeLessThan(60000);
  expect(r.stdout).toMatch(/^link check 2569: 2 unit\(s\)/);
  expect(r.stdout).toMatch(/ENG\s+ok \d+, broken 3 \(1 timeout\), redirected away 1, no widget 1/);
  expect(r.stdout).toMatch(/SCI\s+ok 0, broken 0, redirected away 0, no widget 0 — .*no website/);
  expect(hits.length).toBeGreaterThan(before);
  expect(otherHits).toEqual([]);
  // The run replaced the stored row.
  const stored = await as('admin', api().get('/compliance/links?fiscalYear=2569'));
  expect(stored.body.data.map((d) => d.unit)).toEqual(['ENG', 'SCI']);

  const bad = await runCli(['links:check', '--year', 'abc']);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toMatch(/--year/);
});
