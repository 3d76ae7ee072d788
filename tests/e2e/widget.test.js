/**
 * The embeddable ITA widget (public/widget/ita.js) in a real browser, on a host page served from
 * another origin than the CMS, exactly as a unit website would paste it: it renders the unit's
 * checklist with entries and files in a shadow root, deep links focus an item, the keyboard
 * reaches every link, errors are explained in Thai, and an origin that is not a registered unit
 * website gets nothing (the browser refuses the response: CORS).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, createApiToken } = require('../helpers/factories');
const { launch } = require('./browser');
const { axeViolations, formatViolations } = require('./axe');

const PORT = 23000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const WIDGET = path.join(appDir, 'public', 'widget', 'ita.js');
const RED = 'rgb(255, 0, 0)';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.from(`%${'x'.repeat(20 * 1024)}\n`),
  Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n'),
]);
const NEWS_TITLE = 'รายงานผลการดำเนินงานประจำปี พ.ศ. 2569';
const NONE_TEXT = 'ไม่มีเรื่องร้องเรียนในปีงบประมาณ พ.ศ. 2569';

let strapi;
let browser;
let registered; // the unit's website (its origin is the unit's websiteUrl)
let stranger; // a site the CMS does not know
let uploaded; // the stored PDF: { url, ... }

/** A unit website page with the embed code, and host styles that must not reach the widget. */
const hostPage = (attrs) => `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>ITA ของหน่วยงาน</title>
<style>
  body { color: rgb(0, 128, 0); font-family: serif; }
  h2, h3, h4, h5 { color: ${RED} !important; font-size: 40px; }
  a { color: ${RED}; }
  ul { list-style: square; }
</style></head>
<body>
  <h1>เว็บไซต์คณะวิศวกรรมศาสตร์</h1>
  <h2 id="host-heading">การประเมินคุณธรรมและความโปร่งใส</h2>
  <div data-prongsai-ita ${attrs}></div>
  <script src="${BASE}/widget/ita.js" defer></script>
</body></html>`;

const PAGES = {
  '/ita': hostPage('data-unit="ENG" data-year="2569"'),
  '/item': hostPage('data-unit="ENG" data-year="2569" data-item="O18"'),
  '/unknown': hostPage('data-unit="NOPE" data-year="2569"'),
  '/this-year': hostPage('data-unit="ENG"'),
};

const serve = () =>
  new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      const html = PAGES[new URL(req.url, 'http://x').pathname];
      if (!html && req.url === '/favicon.ico') return res.writeHead(204).end();
      res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html || 'not found');
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }),
    );
  });

beforeAll(async () => {
  strapi = await setupStrapi({ PORT: String(PORT), HOST: '127.0.0.1' }, { listen: true });
  // The test helper serves public/ from a temp dir (uploads of a run go there): put the widget
  // where the CMS serves it, as public/widget/ita.js is in production.
  const served = path.join(strapi.dirs.static.public, 'widget');
  fs.mkdirSync(served, { recursive: true });
  fs.copyFileSync(WIDGET, path.join(served, 'ita.js'));
  // ita.js loads the public's forms from beside itself (tests/e2e/participation-widget.test.js).
  fs.copyFileSync(
    path.join(path.dirname(WIDGET), 'participation.js'),
    path.join(served, 'participation.js'),
  );

  registered = await serve();
  stranger = await serve();
  const { publishAsSystem } = require(`${appDir}/dist/src/workflow/service`);
  const token = await createApiToken(strapi);
  const api = () => request(strapi.server.httpServer);
  const unit = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    nameEn: 'Faculty of Engineering',
    websiteUrl: registered.origin,
    scheme: 'general',
  });

  const up = await api()
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', PDF, { filename: 'annual-report.pdf', contentType: 'application/pdf' });
  expect(up.status).toBe(201);
  uploaded = up.body[0];
  // Not yet public when uploaded: the uploader got a signed URL; once the entry is published
  // the file is served at its plain path.
  expect(uploaded.url).toMatch(/^\/uploads\/[^?]+\?exp=\d+&sig=/);
  uploaded.url = uploaded.url.split('?')[0];

  const items = await strapi.db.query('api::ita-item.ita-item').findMany({
    where: { code: { $in: ['O4', 'O18'] }, checklist: { fiscalYear: 2569, scheme: 'general' } },
    select: ['documentId', 'code'],
  });
  const item = (code) => items.find((i) => i.code === code).documentId;

  const create = async (pluralName, uid, data) => {
    const res = await api()
      .post(`/api/${pluralName}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { ...data, unit: unit.documentId } });
    expect(res.status).toBe(201);
    await publishAsSystem(strapi, uid, res.body.data.documentId, 'test');
  };
  await create('news-items', 'api::news.news', {
    title: NEWS_TITLE,
    kind: 'public_relations',
    date: '2026-03-01',
    attachments: [uploaded.id],
    checklistItems: [item('O4')],
  });
  await create('reports', 'api::report.report', {
    title: 'สถิติเรื่องร้องเรียน',
    kind: 'complaint_statistics',
    // O18 of 2569 is judged on the previous fiscal year's statistics.
    fiscalYear: 2568,
    isNone: true,
    noneText: NONE_TEXT,
    checklistItems: [item('O18')],
  });

  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  for (const s of [registered, stranger]) if (s) s.server.close();
  await teardownStrapi();
});

/** Opens a host page and waits until every widget on it has finished (ready or error). */
const openPage = async (url, { state = 'ready' } = {}) => {
  const page = await browser.newPage({ locale: 'th-TH', viewport: { width: 1200, height: 800 } });
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  const done = state ? `="${state}"` : ':not([data-prongsai-state="loading"])';
  await page.waitForSelector(`[data-prongsai-ita][data-prongsai-state${done}]`, {
    state: 'attached',
    timeout: 30000,
  });
  return { page, problems };
};

/** The element that has the focus, looking inside shadow roots. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.getAttribute('class'),
      code: el.dataset.code || null,
      href: el.getAttribute('href'),
      text: el.textContent.trim(),
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      top: Math.round(el.getBoundingClientRect().top),
    };
  });

test('the CMS serves the script to other origins', async () => {
  const res = await fetch(`${BASE}/widget/ita.js`, { headers: { Origin: registered.origin } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  expect(await res.text()).toBe(fs.readFileSync(WIDGET, 'utf8'));
});

test('renders the checklist with entries and files in a shadow root, untouched by the host styles', async () => {
  const { page, problems } = await openPage(`${registered.origin}/ita`);
  await page.screenshot({ path: path.join(SHOTS, 'widget.png'), fullPage: true });

  const shadow = await page.evaluate(() => {
    const host = document.querySelector('[data-prongsai-ita]');
    const root = host.shadowRoot;
    const h2 = root.querySelector('h2');
    return {
      mode: root.mode,
      lang: root.querySelector('[lang]').getAttribute('lang'),
      hostHeadingColor: getComputedStyle(document.getElementById('host-heading')).color,
      widgetHeadingColor: getComputedStyle(h2).color,
      widgetHeadingSize: getComputedStyle(h2).fontSize,
      widgetTextColor: getComputedStyle(root.querySelector('li.it')).color,
      widgetLinkColor: getComputedStyle(root.querySelector('a')).color,
      listStyle: getComputedStyle(root.querySelector('ul')).listStyleType,
      lightDomHeadings: document.querySelectorAll('h2').length,
    };
  });
  expect(shadow.mode).toBe('open');
  expect(shadow.lang).toBe('th');
  expect(shadow.hostHeadingColor).toBe(RED); // the host rule works on the host page…
  expect(shadow.widgetHeadingColor).not.toBe(RED); // …and does not reach into the widget
  expect(shadow.widgetHeadingSize).not.toBe('40px');
  expect(shadow.widgetTextColor).not.toBe('rgb(0, 128, 0)'); // nor does the host's inherited colour
  expect(shadow.widgetLinkColor).not.toBe(RED);
  expect(shadow.listStyle).not.toBe('square');
  expect(shadow.lightDomHeadings).toBe(1); // the widget's headings are all in the shadow root

  // Thai headings: h2 the year, h3 the indicator, h4 each item.
  await page
    .getByRole('heading', { level: 2, name: 'การเปิดเผยข้อมูลสาธารณะ (ITA) ปีงบประมาณ พ.ศ. 2569' })
    .waitFor();
  expect(await page.getByRole('heading', { level: 3, name: /^ตัวชี้วัดที่ / }).count()).toBe(1);
  expect(await page.getByRole('heading', { level: 4 }).count()).toBeGreaterThanOrEqual(20);
  await page
    .getByRole('heading', { level: 4, name: 'O4 ข่าวประชาสัมพันธ์', exact: true })
    .waitFor();
  expect(await page.getByText('คณะวิศวกรรมศาสตร์', { exact: true }).count()).toBe(1);

  // The items are list items; O4 has the news entry, its Thai date and the PDF.
  const o4 = page.locator('li.it[data-code="O4"]');
  const o4Text = await o4.innerText();
  expect(o4Text).toContain(NEWS_TITLE);
  const api = await (await fetch(`${BASE}/api/ita/ENG/2569/O4`)).json();
  const entry = api.data.item.entries[0];
  const thaiDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(entry.publishedAt));
  expect(thaiDate).toMatch(/^\d{1,2} \S+ 25\d\d$/);
  expect(o4Text).toContain(`เผยแพร่ ${thaiDate}`);
  expect(o4Text).toMatch(/annual-report\.pdf[\s\S]*\(PDF, 2\d(\.\d)? กิโลไบต์\)/);

  const link = o4.getByRole('link', { name: /annual-report\.pdf/ });
  expect(await link.getAttribute('href')).toBe(entry.files[0].url);
  expect(entry.files[0].url).toBe(`${BASE}${uploaded.url}`);
  expect(await link.getAttribute('target')).toBe('_blank');
  expect(await link.getAttribute('rel')).toBe('noopener');
  const file = await fetch(entry.files[0].url);
  expect(file.status).toBe(200);
  expect(
    Buffer.from(await file.arrayBuffer())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');

  // Statuses in Thai: published; past its due date with nothing published; declared none.
  expect(await o4.getAttribute('data-status')).toBe('complete');
  expect(await o4.locator('.st').innerText()).toBe('เผยแพร่แล้ว');
  const o1 = page.locator('li.it[data-code="O1"]');
  expect(await o1.getAttribute('data-status')).toBe('missing');
  expect(await o1.innerText()).toContain('ยังไม่เผยแพร่');
  const o18 = page.locator('li.it[data-code="O18"]');
  expect(await o18.getAttribute('data-status')).toBe('declared_none');
  expect(await o18.locator('.st').innerText()).toBe('ประกาศว่าไม่มี');
  expect(await o18.innerText()).toContain(NONE_TEXT);
  expect(problems).toEqual([]);
  // axe-core: no serious or critical accessibility violation in the widget.
  expect(formatViolations(await axeViolations(page, { include: '[data-prongsai-ita]' }))).toEqual(
    [],
  );
  await page.close();
});

test('the page address #O18 scrolls to and focuses item O18; a later #o4 (hashchange) moves there', async () => {
  const { page } = await openPage(`${registered.origin}/ita#O18`);
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-prongsai-ita]');
    const active = host.shadowRoot.activeElement;
    return document.activeElement === host && active && active.dataset.code === 'O18';
  });
  let now = await focused(page);
  expect(now.code).toBe('O18');
  expect(now.outline).toMatch(/^solid/); // the focused item is visibly marked
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(now.top).toBeGreaterThanOrEqual(0);
  expect(now.top).toBeLessThan(100);
  await page.screenshot({ path: path.join(SHOTS, 'widget-deep-link.png') });

  await page.evaluate(() => {
    location.hash = '#o4';
  });
  await page.waitForFunction(
    () =>
      document.querySelector('[data-prongsai-ita]').shadowRoot.activeElement.dataset.code === 'O4',
  );
  now = await focused(page);
  expect(now.code).toBe('O4');
  expect(now.top).toBeLessThan(100);
  await page.close();
});

test('the keyboard reaches the item links and the file link, with a visible focus; Enter on an item code goes to the item', async () => {
  const { page } = await openPage(`${registered.origin}/ita`);
  const seen = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    seen.push(now);
    if (now && now.href && now.href.endsWith('.pdf')) break;
  }
  // The first stop is the first item's code link, inside the widget.
  expect(seen[0]).toMatchObject({ tag: 'a', cls: 'c', href: '#O1', text: 'O1' });
  expect(seen[0].outline).toMatch(/^solid 3px/);
  const pdf = seen[seen.length - 1];
  expect(pdf.href).toBe(`${BASE}${uploaded.url}`);
  expect(pdf.text).toContain('annual-report.pdf');
  expect(pdf.outline).toMatch(/^solid 3px/);
  // The item code links came in order before it: O1, O2, O3, O4 (whose entry has the PDF).
  expect(seen.filter((s) => s.cls === 'c').map((s) => s.text)).toEqual(['O1', 'O2', 'O3', 'O4']);

  // Shift+Tab back to the O4 code link, Enter: the address becomes #O4 and the item has the focus.
  await page.keyboard.press('Shift+Tab');
  expect((await focused(page)).text).toBe('O4');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#O4');
  await page.waitForFunction(
    () =>
      document.querySelector('[data-prongsai-ita]').shadowRoot.activeElement.dataset.code === 'O4',
  );
  await page.close();
});

test('one item only (data-item), and a container added later through ProngsaiITA.render', async () => {
  const { page, problems } = await openPage(`${registered.origin}/item`);
  expect(await page.locator('li.it').count()).toBe(1);
  const item = page.locator('li.it[data-code="O18"]');
  expect(await item.innerText()).toContain(NONE_TEXT);
  await page.getByRole('heading', { level: 3, name: /^O18 / }).waitFor();

  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'later';
    el.dataset.unit = 'ENG';
    el.dataset.year = '๒๕๖๙'; // Thai digits are fine
    el.dataset.item = 'O4';
    document.body.append(el);
    window.ProngsaiITA.render(el);
  });
  await page.waitForSelector('#later[data-prongsai-state="ready"]', { state: 'attached' });
  expect(await page.locator('#later').locator('li.it[data-code="O4"]').innerText()).toContain(
    NEWS_TITLE,
  );
  expect(problems).toEqual([]);
  await page.close();
});

test('without data-year it asks for the current Thai fiscal year (Asia/Bangkok, October starts the next)', async () => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(new Date());
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  const fiscalYear = part('year') + 543 + (part('month') >= 10 ? 1 : 0);
  const page = await browser.newPage();
  const asked = page.waitForRequest((r) => r.url().startsWith(`${BASE}/api/ita/`));
  await page.goto(`${registered.origin}/this-year`);
  expect((await asked).url()).toBe(`${BASE}/api/ita/ENG/${fiscalYear}`);
  await page.waitForSelector('[data-prongsai-ita]:not([data-prongsai-state="loading"])', {
    state: 'attached',
  });
  expect(await page.getByRole('heading', { level: 2 }).last().innerText()).toContain(
    `ปีงบประมาณ พ.ศ. ${fiscalYear}`,
  );
  await page.close();
});

test('an unknown unit gets a Thai message', async () => {
  const { page } = await openPage(`${registered.origin}/unknown`, { state: 'error' });
  const alert = page.getByRole('alert');
  const text = await alert.innerText();
  expect(text).toContain('ไม่พบข้อมูล ITA ของหน่วยงาน NOPE ปีงบประมาณ พ.ศ. 2569');
  expect(text).toContain('ไม่พบหน่วยงาน NOPE');
  await page.screenshot({ path: path.join(SHOTS, 'widget-unknown-unit.png') });
  await page.close();
});

test('a site that is not a registered unit website gets no data (CORS) and is told how to register', async () => {
  // The CMS answers, but without Access-Control-Allow-Origin for that origin…
  const direct = await fetch(`${BASE}/api/ita/ENG/2569`, { headers: { Origin: stranger.origin } });
  expect(direct.status).toBe(200);
  expect(direct.headers.get('access-control-allow-origin')).toBeNull();
  const allowed = await fetch(`${BASE}/api/ita/ENG/2569`, {
    headers: { Origin: registered.origin },
  });
  expect(allowed.headers.get('access-control-allow-origin')).toBe(registered.origin);

  // …so in the browser the request fails. The CMS answers a no-cors probe, so the widget knows
  // it is CORS and says which origin to register where, in Thai and English.
  const { page, problems } = await openPage(`${stranger.origin}/ita`, { state: 'error' });
  const text = await page.getByRole('alert').innerText();
  expect(text).toContain('ไม่สามารถโหลดข้อมูล ITA ได้');
  expect(text).toContain(`เว็บไซต์นี้ (${stranger.origin}) ยังไม่ได้ลงทะเบียน`);
  expect(text).toContain('เว็บไซต์หลักของหน่วยงาน');
  expect(text).toContain(`This site's origin (${stranger.origin}) is not registered`);
  expect(text).toContain("unit ENG's website");
  expect(text).not.toContain('ตรวจสอบการเชื่อมต่อ');
  expect(await page.locator('[data-prongsai-ita]').locator('p[lang="en"]').count()).toBe(1);
  expect(problems.join('\n')).toMatch(/blocked by CORS policy/);
  expect(formatViolations(await axeViolations(page, { include: '[data-prongsai-ita]' }))).toEqual(
    [],
  );
  // "Try again" asks again (refused again here) and keeps the keyboard focus in the widget.
  const requests = [];
  page.on('request', (r) => r.url().startsWith(`${BASE}/api/`) && requests.push(r.method()));
  await page.getByRole('button', { name: 'ลองอีกครั้ง' }).click();
  await page.waitForSelector('[data-prongsai-ita][data-prongsai-state="error"]', {
    state: 'attached',
  });
  expect(requests).toEqual(['GET', 'GET']); // the request, then the no-cors probe
  expect(await focused(page)).toMatchObject({ tag: 'h2', cls: 't' });
  expect(await page.locator('li.it').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'widget-cors-refused.png') });
  await page.close();
});
