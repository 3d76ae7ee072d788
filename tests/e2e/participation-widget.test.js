/**
 * The public's forms in the widget (public/widget/participation.js, loaded by ita.js) in Debian
 * Chromium, on a unit website served from another origin than the CMS: report a wrong entry, ask
 * a question, rate the website, file an anonymous complaint with an attachment, follow the
 * tracking code; the unit answers through the admin API and the answer appears in the widget.
 * Script and HTML typed into the text fields stay inert text; a submission whose challenge is
 * not solved is refused and stores nothing. The database is checked, not only the screen.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, adminToken } = require('../helpers/factories');
const { createEntry } = require('../helpers/delivery');
const { launch } = require('./browser');

const PORT = 23000 + ((process.pid + 7) % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const WIDGET_DIR = path.join(appDir, 'public', 'widget');
const FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-pw-files-'));
const REQUEST_UID = 'api::participation-request.participation-request';
const SURVEY_UID = 'api::participation-survey.participation-survey';
const COMPLAINT_UID = 'api::participation-complaint.participation-complaint';
const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const PASSWORD = 'Prongsai123';
const ENTRY_TITLE = 'ข่าวประชาสัมพันธ์ที่มีข้อมูลผิด';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** Typed into every free-text field: must come back as these very characters, never as markup. */
const XSS = (tag) =>
  `<img src=x onerror="window.__pwned='${tag}'"><script>window.__pwned='${tag}'</script><b class="inj">ตัวหนา ${tag}</b> "'&amp;`;

let strapi;
let browser;
let site;
let entry;
let editor;

const api = () => request(strapi.server.httpServer);

const serve = (html) =>
  new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      if (req.url === '/favicon.ico') return res.writeHead(204).end();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }),
    );
  });

const PAGE = `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>ITA ของหน่วยงาน</title></head>
<body>
  <h1>เว็บไซต์คณะวิศวกรรมศาสตร์</h1>
  <div data-prongsai-ita data-unit="ENG" data-year="2569" data-item="O4"></div>
  <script src="${BASE}/widget/ita.js" defer></script>
</body></html>`;

beforeAll(async () => {
  strapi = await setupStrapi(
    {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      // A lighter proof-of-work than production's so that 2 shared cores finish quickly; the
      // same algorithm (PBKDF2/SHA-256, signed, once).
      PARTICIPATION_ALTCHA_COST: '300',
      PARTICIPATION_ALTCHA_COUNTER_MIN: '20',
      PARTICIPATION_ALTCHA_COUNTER_MAX: '120',
      PARTICIPATION_IP_MAX: '1000',
      PARTICIPATION_FILES_DIR: FILES_DIR,
    },
    { listen: true },
  );
  const served = path.join(strapi.dirs.static.public, 'widget');
  fs.mkdirSync(served, { recursive: true });
  for (const f of ['ita.js', 'participation.js'])
    fs.copyFileSync(path.join(WIDGET_DIR, f), path.join(served, f));

  site = await serve(PAGE);
  const unit = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    websiteUrl: site.origin,
    scheme: 'general',
  });
  entry = await createEntry(
    strapi,
    'api::news.news',
    { title: ENTRY_TITLE, kind: 'public_relations', date: '2026-03-01', unit: unit.documentId },
    { items: ['O4'] },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const email = 'editor-eng@participation.example.org';
  await provisioning.upsertUserMembership(strapi, {
    email,
    password: PASSWORD,
    firstname: 'Editor',
    unit: 'ENG',
    role: 'editor',
  });
  editor = await adminToken(request, strapi, { email, password: PASSWORD });
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  if (site) site.server.close();
  await teardownStrapi();
  fs.rmSync(FILES_DIR, { recursive: true, force: true });
});

const openPage = async () => {
  const page = await browser.newPage({ locale: 'th-TH', viewport: { width: 1200, height: 900 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`${site.origin}/`);
  await page.waitForSelector('[data-prongsai-ita][data-prongsai-state="ready"]', {
    state: 'attached',
  });
  await page.locator('section.pp').waitFor();
  return { page, problems };
};

/** Nothing typed by a person became markup or ran. */
const assertInert = async (page) => {
  const found = await page.evaluate(() => {
    const host = document.querySelector('[data-prongsai-ita]');
    const roots = [document, host.shadowRoot];
    return {
      pwned: window.__pwned === undefined ? null : window.__pwned,
      injected: roots.reduce(
        (n, r) => n + r.querySelectorAll('img[src="x"], b.inj, dialog script, .w script').length,
        0,
      ),
    };
  });
  expect(found).toEqual({ pwned: null, injected: 0 });
};

const send = async (page) => {
  await page.locator('dialog').getByRole('button', { name: 'ส่ง', exact: true }).click();
  const code = page.locator('dialog [data-tracking-code]');
  await code.waitFor({ timeout: 120000 });
  const text = (await code.innerText()).trim();
  expect(text).toMatch(CODE);
  return text;
};

const consent = async () =>
  (await (await fetch(`${BASE}/api/participation/settings`)).json()).data.consent;

test('the forms load from the CMS beside the list: a report link beside the entry, a separate confidential channel, hidden honeypot', async () => {
  const { page, problems } = await openPage();
  const scripts = await page.evaluate(() =>
    [...document.scripts].map((s) => s.src).filter(Boolean),
  );
  expect(scripts.sort()).toEqual([`${BASE}/widget/ita.js`, `${BASE}/widget/participation.js`]);
  const report = page.getByRole('button', { name: `แจ้งข้อมูลไม่ถูกต้อง: ${ENTRY_TITLE}` });
  expect(await report.getAttribute('data-entry')).toBe(entry.documentId);
  expect(
    await page
      .getByRole('button', { name: 'แจ้งข้อมูลไม่ถูกต้องหรือไม่เป็นปัจจุบันในหน้านี้' })
      .count(),
  ).toBe(1);
  const cf = page.locator('section.pp .cf');
  expect(await cf.innerText()).toContain('ช่องทางร้องเรียนการทุจริต (เป็นความลับ)');

  await page.getByRole('button', { name: 'ถามคำถามถึงหน่วยงาน' }).click();
  const dialog = page.getByRole('dialog', { name: 'ถามคำถามถึงหน่วยงาน' });
  await dialog.waitFor();
  await page.locator('dialog textarea[name=question]').waitFor();
  // The honeypot: off-screen, hidden from screen readers and from the keyboard.
  const hp = await page.evaluate(() => {
    const root = document.querySelector('[data-prongsai-ita]').shadowRoot;
    const input = root.querySelector('dialog input[name=website]');
    const box = input.getBoundingClientRect();
    return {
      ariaHidden: input.closest('[aria-hidden]').getAttribute('aria-hidden'),
      tabindex: input.getAttribute('tabindex'),
      offscreen: box.right <= 0 || box.width <= 1,
    };
  });
  expect(hp).toEqual({ ariaHidden: 'true', tabindex: '-1', offscreen: true });
  // The PDPA text shown is the one the server records; limits are shown.
  const c = await consent();
  expect(await dialog.locator('.ct').innerText()).toBe(c.text);
  expect(await dialog.innerText()).toContain('ไม่เกิน 5,000 ตัวอักษร');
  // Focus went into the dialog; Escape closes it.
  expect(
    await page.evaluate(
      () => document.querySelector('[data-prongsai-ita]').shadowRoot.activeElement.name,
    ),
  ).toBe('question');
  await page.keyboard.press('Escape');
  expect(await page.locator('dialog').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'participation-widget.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
});

test('report a wrong entry: stored with its entry, the text literal, consent recorded', async () => {
  const { page, problems } = await openPage();
  await page.getByRole('button', { name: `แจ้งข้อมูลไม่ถูกต้อง: ${ENTRY_TITLE}` }).click();
  const dialog = page.getByRole('dialog', { name: 'แจ้งข้อมูลไม่ถูกต้อง' });
  await dialog.waitFor();
  expect(await dialog.innerText()).toContain(ENTRY_TITLE);
  const message = `วันที่ในข่าวผิด ${XSS('correction')}`;
  await dialog.locator('textarea[name=message]').fill(message);
  await dialog.locator('input[name=email]').fill('reader@example.com');
  // Personal data without the consent box: refused in the widget, in Thai, nothing sent.
  await dialog.getByRole('button', { name: 'ส่ง', exact: true }).click();
  expect(await dialog.getByRole('alert').innerText()).toContain('กรุณาอ่านและยืนยันความยินยอม');
  await dialog.getByLabel(/ข้าพเจ้าได้อ่านและยินยอม/).check();
  const code = await send(page);
  await assertInert(page);
  expect(await dialog.locator('.said').innerText()).toBe(message);

  const row = await strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: code } });
  expect(row).toMatchObject({
    kind: 'correction',
    status: 'received',
    entryDocumentId: entry.documentId,
    entryUid: 'api::news.news',
    message,
    consentText: (await consent()).text,
  });
  expect(row.emailEnc).not.toContain('reader@example.com');
  expect(problems).toEqual([]);
  await page.close();
});

test('ask a question, follow it; the unit answers through the admin API and the answer appears in the widget, inert', async () => {
  const { page, problems } = await openPage();
  await page.getByRole('button', { name: 'ถามคำถามถึงหน่วยงาน' }).click();
  const dialog = page.getByRole('dialog', { name: 'ถามคำถามถึงหน่วยงาน' });
  const question = `ขอทราบเวลาทำการ ${XSS('question')}`;
  const name = `สมชาย <i class="inj">ใจดี</i>`;
  await dialog.locator('textarea[name=question]').fill(question);
  await dialog.locator('input[name=name]').fill(name);
  await dialog.locator('input[name=email]').fill('asker@example.com');
  await dialog.getByLabel(/ยินยอมให้เผยแพร่คำถามและคำตอบ/).check();
  await dialog.getByLabel(/ข้าพเจ้าได้อ่านและยินยอม/).check();
  const code = await send(page);
  await assertInert(page);
  expect(await dialog.locator('.said').allInnerTexts()).toEqual([question, name]);
  expect(await page.locator('i.inj').count()).toBe(0);

  const row = await strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: code } });
  expect(row).toMatchObject({ kind: 'question', message: question, publishConsent: true });
  expect(row.consentText).toBe((await consent()).text);
  expect(row.nameEnc).not.toContain('สมชาย');

  // Follow it: received, no answer yet.
  await dialog.getByRole('button', { name: 'ติดตามเรื่องนี้' }).click();
  const track = page.getByRole('dialog', { name: 'ติดตามเรื่องด้วยรหัสติดตาม' });
  await track.locator('dl[data-status]').waitFor();
  let text = await track.innerText();
  expect(text).toContain(code);
  expect(text).toContain('ได้รับเรื่องแล้ว');
  expect(text).toContain('คำถาม');
  expect(text).toContain('ยังไม่มีคำตอบจากหน่วยงาน');

  // The unit answers (admin API: assign, reply).
  const reply = `เปิดทำการ 08:30–16:30 น. ${XSS('reply')}`;
  const assign = await api()
    .post(`/participation/requests/${code}/assign`)
    .set('Authorization', `Bearer ${editor}`)
    .send({});
  expect(assign.status).toBe(200);
  const answered = await api()
    .post(`/participation/requests/${code}/reply`)
    .set('Authorization', `Bearer ${editor}`)
    .send({ reply });
  expect(answered.status).toBe(200);
  expect(
    (await strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: code } })).status,
  ).toBe('answered');

  // Checked again in the widget: answered, the reply as the unit wrote it, inert.
  await track.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
  await track.locator('dl[data-status="answered"]').waitFor();
  text = await track.innerText();
  expect(text).toContain('ตอบแล้ว');
  expect(await track.locator('[data-reply]').innerText()).toBe(reply);
  await assertInert(page);
  await page.screenshot({ path: path.join(SHOTS, 'participation-answer.png'), fullPage: true });

  // A code typed by hand, in lower case, on a fresh page; an unknown code is explained in Thai.
  const again = await openPage();
  await again.page.getByRole('button', { name: 'ติดตามเรื่องด้วยรหัสติดตาม' }).click();
  const t2 = again.page.getByRole('dialog', { name: 'ติดตามเรื่องด้วยรหัสติดตาม' });
  await t2.getByLabel(/รหัสติดตาม/).fill('00000-00000');
  await t2.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
  expect(await t2.getByRole('alert').innerText()).toContain('ไม่พบเรื่องที่มีรหัสติดตามนี้');
  await t2.getByLabel(/รหัสติดตาม/).fill(code.toLowerCase());
  await t2.getByRole('button', { name: 'ตรวจสอบสถานะ' }).click();
  await t2.locator('dl[data-status="answered"]').waitFor();
  expect(await t2.locator('[data-reply]').innerText()).toBe(reply);
  await again.page.close();
  expect(problems).toEqual([]);
  await page.close();
});

test('rate the website: four ratings and a comment stored; the code can be followed', async () => {
  const { page, problems } = await openPage();
  await page.getByRole('button', { name: 'ประเมินความพึงพอใจต่อเว็บไซต์' }).click();
  const dialog = page.getByRole('dialog', { name: 'ประเมินความพึงพอใจต่อเว็บไซต์' });
  await dialog.locator('fieldset[data-rating]').first().waitFor();
  // Missing ratings: explained in Thai, nothing sent.
  await dialog.getByRole('button', { name: 'ส่ง', exact: true }).click();
  expect(await dialog.getByRole('alert').innerText()).toBe('กรุณาให้คะแนนทุกข้อ (1–5)');
  const given = { findability: 4, currency: 2, ease: 5, overall: 3 };
  for (const [k, v] of Object.entries(given))
    await dialog
      .locator(`fieldset[data-rating="${k}"]`)
      .getByLabel(String(v), { exact: true })
      .check();
  const comment = `ควรมีช่องค้นหา ${XSS('survey')}`;
  await dialog.locator('textarea[name=comment]').fill(comment);
  const code = await send(page);
  await assertInert(page);
  const row = await strapi.db.query(SURVEY_UID).findOne({ where: { trackingCode: code } });
  expect(row).toMatchObject({ ...given, comment });

  await dialog.getByRole('button', { name: 'ติดตามเรื่องนี้' }).click();
  const track = page.getByRole('dialog', { name: 'ติดตามเรื่องด้วยรหัสติดตาม' });
  await track.locator('dl[data-kind="survey"]').waitFor();
  expect(await track.innerText()).toContain('แบบประเมินความพึงพอใจ');
  expect(problems).toEqual([]);
  await page.close();
});

test('an anonymous complaint with an attachment: contact fields hidden, file stored privately, text literal for the officer', async () => {
  const { page, problems } = await openPage();
  await page.getByRole('button', { name: 'แจ้งเรื่องร้องเรียนการทุจริต' }).click();
  const dialog = page.getByRole('dialog', { name: 'แจ้งเรื่องร้องเรียนการทุจริต' });
  await dialog.locator('select[name=category]').waitFor();
  expect(await dialog.innerText()).toContain('ไม่เกิน 3 ไฟล์ ไฟล์ละไม่เกิน 10 MB');
  const options = await dialog.locator('select[name=category] option').allInnerTexts();
  expect(options).toContain('การจัดซื้อจัดจ้าง');
  // Anonymous by default: no contact fields; unticking shows them, ticking hides them again.
  const anon = dialog.getByLabel(/ร้องเรียนโดยไม่เปิดเผยตัวตน/);
  expect(await anon.isChecked()).toBe(true);
  expect(await dialog.locator('input[name=cname]').isVisible()).toBe(false);
  await anon.uncheck();
  expect(await dialog.locator('input[name=cname]').isVisible()).toBe(true);
  await anon.check();
  expect(await dialog.locator('input[name=cname]').isVisible()).toBe(false);

  await dialog.locator('select[name=category]').selectOption('procurement');
  const message = `มีการล็อกสเปกในการจัดซื้อ ${XSS('complaint')}`;
  await dialog.locator('textarea[name=message]').fill(message);
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'หลักฐาน.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await page.screenshot({ path: path.join(SHOTS, 'participation-complaint.png') });
  const code = await send(page);
  await assertInert(page);

  const row = await strapi.db.query(COMPLAINT_UID).findOne({ where: { trackingCode: code } });
  expect(row).toMatchObject({ category: 'procurement', anonymous: true, contactEnc: null });
  expect(row.consentText).toBeNull(); // no personal data
  expect(row.messageEnc).not.toContain('ล็อกสเปก');
  expect(row.attachments).toHaveLength(1);
  expect(row.attachments[0]).toMatchObject({ name: 'หลักฐาน.pdf', mime: 'application/pdf' });
  expect(fs.readFileSync(path.join(FILES_DIR, row.attachments[0].stored))).toEqual(PDF);

  // The complaint as an officer reads it: the message exactly as typed.
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const email = 'officer-eng@participation.example.org';
  await provisioning.upsertUserMembership(strapi, {
    email,
    password: PASSWORD,
    firstname: 'Officer',
    unit: 'ENG',
    role: 'complaint-officer',
  });
  const officer = await adminToken(request, strapi, { email, password: PASSWORD });
  const read = await api()
    .get(`/participation/complaints/${code}`)
    .set('Authorization', `Bearer ${officer}`);
  expect(read.status).toBe(200);
  expect(read.body.data).toMatchObject({ message, anonymous: true, contact: null });

  await dialog.getByRole('button', { name: 'ติดตามเรื่องนี้' }).click();
  const track = page.getByRole('dialog', { name: 'ติดตามเรื่องด้วยรหัสติดตาม' });
  await track.locator('dl[data-kind="complaint"]').waitFor();
  const text = await track.innerText();
  expect(text).toContain('เรื่องร้องเรียนการทุจริต');
  expect(text).toContain('ได้รับเรื่องแล้ว');
  expect(text).not.toContain('ล็อกสเปก');
  expect(problems).toEqual([]);
  await page.close();
});

test('a complaint with contact details: consent asked, contact stored encrypted, read back by the complaint officer', async () => {
  const { page, problems } = await openPage();
  await page.getByRole('button', { name: 'แจ้งเรื่องร้องเรียนการทุจริต' }).click();
  const dialog = page.getByRole('dialog', { name: 'แจ้งเรื่องร้องเรียนการทุจริต' });
  await dialog.locator('select[name=category]').waitFor();
  await dialog.locator('select[name=category]').selectOption('bribery');
  await dialog.locator('textarea[name=message]').fill('มีการเรียกรับเงินเพื่อเร่งงาน');
  await dialog.getByLabel(/ร้องเรียนโดยไม่เปิดเผยตัวตน/).uncheck();
  await dialog.locator('input[name=cname]').fill('ผู้แจ้ง <u class="inj">ทดสอบ</u>');
  await dialog.locator('input[name=cphone]').fill('081-234-5678');
  await dialog.getByRole('button', { name: 'ส่ง', exact: true }).click();
  expect(await dialog.getByRole('alert').innerText()).toContain('กรุณาอ่านและยืนยันความยินยอม');
  await dialog.getByLabel(/ข้าพเจ้าได้อ่านและยินยอม/).check();
  const code = await send(page);
  await assertInert(page);
  const row = await strapi.db.query(COMPLAINT_UID).findOne({ where: { trackingCode: code } });
  expect(row).toMatchObject({ category: 'bribery', anonymous: false });
  expect(row.consentText).toBe((await consent()).text);
  expect(row.contactEnc).toEqual(expect.any(String));
  expect(row.contactEnc).not.toContain('081-234-5678');
  const { data } = await api()
    .post('/admin/login')
    .send({ email: 'officer-eng@participation.example.org', password: PASSWORD })
    .then((r) => r.body);
  const read = await api()
    .get(`/participation/complaints/${code}`)
    .set('Authorization', `Bearer ${data.token}`);
  expect(read.body.data.contact).toEqual({
    name: 'ผู้แจ้ง <u class="inj">ทดสอบ</u>',
    email: null,
    phone: '081-234-5678',
  });
  expect(problems).toEqual([]);
  await page.close();
});

test('a form robot that fills the hidden field gets a code, and nothing is stored', async () => {
  const { page } = await openPage();
  const before = await strapi.db.query(REQUEST_UID).count();
  await page.getByRole('button', { name: 'ถามคำถามถึงหน่วยงาน' }).click();
  const dialog = page.getByRole('dialog', { name: 'ถามคำถามถึงหน่วยงาน' });
  await dialog.locator('textarea[name=question]').fill('ซื้อยาลดน้ำหนักราคาถูก');
  await page.evaluate(() => {
    const root = document.querySelector('[data-prongsai-ita]').shadowRoot;
    root.querySelector('dialog input[name=website]').value = 'https://spam.example';
  });
  const code = await send(page);
  expect(code).toMatch(CODE);
  expect(await strapi.db.query(REQUEST_UID).count()).toBe(before);
  expect(await strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: code } })).toBeNull();
  await page.close();
});

test('a submission without a solved challenge is refused and stores nothing (server and widget)', async () => {
  const { page } = await openPage();
  const before = {
    requests: await strapi.db.query(REQUEST_UID).count(),
    surveys: await strapi.db.query(SURVEY_UID).count(),
    complaints: await strapi.db.query(COMPLAINT_UID).count(),
  };
  // From the unit's page (CORS, a JSON preflight): no challenge; a challenge not solved.
  const answers = await page.evaluate(async (base) => {
    const post = (body) =>
      fetch(`${base}/api/participation/ENG/questions`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => ({ status: r.status, message: (await r.json()).error.message }));
    const challenge = await (await fetch(`${base}/api/participation/challenge`)).json();
    const unsolved = btoa(
      JSON.stringify({ challenge, solution: { counter: 0, derivedKey: '00'.repeat(32) } }),
    );
    return [
      await post({ question: 'ไม่มี altcha', publishConsent: false }),
      await post({ question: 'altcha ไม่ได้แก้', publishConsent: false, altcha: unsolved }),
    ];
  }, BASE);
  expect(answers.map((a) => a.status)).toEqual([400, 400]);
  expect(answers[0].message).toMatch(/^กรุณายืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ/);
  expect(answers[1].message).toMatch(/^การยืนยัน \(altcha\) ไม่ผ่าน/);

  // In the widget: a tampered challenge (easier prefix, signature no longer matches) is solved
  // quickly but refused by the server; the widget explains in Thai.
  // The widget fetches a fresh challenge after a refusal; that request may still be in flight when
  // the page closes, so the handler ignores a response disposed by the closing page.
  await page.route(`${BASE}/api/participation/challenge`, async (route) => {
    try {
      const res = await route.fetch();
      const body = await res.json();
      body.parameters.keyPrefix = '0';
      await route.fulfill({ response: res, json: body });
    } catch {
      // the page closed meanwhile
    }
  });
  await page.getByRole('button', { name: 'ถามคำถามถึงหน่วยงาน' }).click();
  const dialog = page.getByRole('dialog', { name: 'ถามคำถามถึงหน่วยงาน' });
  await dialog.locator('textarea[name=question]').fill('คำถามที่ไม่ผ่านการยืนยัน');
  await dialog.getByRole('button', { name: 'ส่ง', exact: true }).click();
  await dialog.getByRole('alert').filter({ hasText: 'altcha' }).waitFor({ timeout: 60000 });
  expect(await dialog.getByRole('alert').innerText()).toBe('การยืนยัน (altcha) ไม่ผ่าน');
  expect(await dialog.locator('[data-tracking-code]').count()).toBe(0);

  const after = {
    requests: await strapi.db.query(REQUEST_UID).count(),
    surveys: await strapi.db.query(SURVEY_UID).count(),
    complaints: await strapi.db.query(COMPLAINT_UID).count(),
  };
  expect(after).toEqual(before);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.close();
});

test("the widget's solver finds what altcha-lib finds, and solves a challenge of the production defaults in the browser", async () => {
  const altcha = require('altcha-lib');
  const { deriveKey } = require('altcha-lib/algorithms/pbkdf2');
  const { page } = await openPage();
  await page.waitForFunction(() => window.ProngsaiParticipation);
  const solveInBrowser = (challenge) =>
    page.evaluate((c) => window.ProngsaiParticipation.solveChallenge(c), challenge);

  const light = await (await fetch(`${BASE}/api/participation/challenge`)).json();
  const [mine, theirs] = await Promise.all([
    solveInBrowser(light),
    altcha.solveChallenge({ challenge: light, deriveKey }),
  ]);
  expect({ counter: mine.counter, derivedKey: mine.derivedKey }).toEqual({
    counter: theirs.counter,
    derivedKey: theirs.derivedKey,
  });

  // The server's defaults (cost 5000, counter 5000–10000): settings are read on every call.
  const saved = {};
  for (const k of [
    'PARTICIPATION_ALTCHA_COST',
    'PARTICIPATION_ALTCHA_COUNTER_MIN',
    'PARTICIPATION_ALTCHA_COUNTER_MAX',
  ]) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  let strong;
  try {
    strong = await (await fetch(`${BASE}/api/participation/challenge`)).json();
  } finally {
    Object.assign(process.env, saved);
  }
  expect(strong.parameters.cost).toBe(5000);
  const solution = await solveInBrowser(strong);
  console.log(
    `browser solver, production defaults: counter ${solution.counter} in ${solution.time} ms`,
  );
  expect(solution.counter).toBeGreaterThanOrEqual(5000);
  const res = await fetch(`${BASE}/api/participation/ENG/survey`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ratings: { findability: 5, currency: 5, ease: 5, overall: 5 },
      altcha: Buffer.from(JSON.stringify({ challenge: strong, solution })).toString('base64'),
    }),
  });
  expect(res.status).toBe(201);
  await page.close();
});

test('every form and the list with its links pass axe-core (WCAG 2.1 A/AA)', async () => {
  const { page } = await openPage();
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const audit = async (label) => {
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }),
    );
    // axe reaches into the shadow root: the form fields' labels were checked (and passed).
    const labels = result.passes.find((p) => p.id === 'label');
    labelled[label] = labels ? labels.nodes.length : 0;
    return result.violations.map(
      (v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
  };
  const labelled = {};
  const violations = [...(await audit('list'))];
  for (const [button, name, ready] of [
    [`แจ้งข้อมูลไม่ถูกต้อง: ${ENTRY_TITLE}`, 'แจ้งข้อมูลไม่ถูกต้อง', 'textarea[name=message]'],
    ['ถามคำถามถึงหน่วยงาน', 'ถามคำถามถึงหน่วยงาน', 'textarea[name=question]'],
    ['ประเมินความพึงพอใจต่อเว็บไซต์', 'ประเมินความพึงพอใจต่อเว็บไซต์', 'fieldset[data-rating]'],
    ['แจ้งเรื่องร้องเรียนการทุจริต', 'แจ้งเรื่องร้องเรียนการทุจริต', 'select[name=category]'],
    ['ติดตามเรื่องด้วยรหัสติดตาม', 'ติดตามเรื่องด้วยรหัสติดตาม', 'input[name=code]'],
  ]) {
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name });
    await dialog.locator(ready).first().waitFor();
    if (name === 'แจ้งเรื่องร้องเรียนการทุจริต')
      await dialog.getByLabel(/ร้องเรียนโดยไม่เปิดเผยตัวตน/).uncheck(); // contact fields shown
    violations.push(...(await audit(name)));
    await page.keyboard.press('Escape');
  }
  expect(violations).toEqual([]);
  expect(labelled['แจ้งเรื่องร้องเรียนการทุจริต']).toBeGreaterThanOrEqual(5);
  expect(labelled['ถามคำถามถึงหน่วยงาน']).toBeGreaterThanOrEqual(3);
  await page.close();
});

test('refusals the server can answer are explained in Thai (413, 429, 404)', async () => {
  const { page } = await openPage();
  const cases = [
    [413, {}, 'ข้อความหรือไฟล์แนบมีขนาดใหญ่เกินกำหนด'],
    [429, { 'Retry-After': '600' }, 'ส่งเรื่องบ่อยเกินไป กรุณาลองใหม่ในอีกประมาณ 10 นาที'],
    [404, {}, 'ไม่พบหน่วยงานรหัส ENG'],
  ];
  for (const [status, headers, expected] of cases) {
    await page.unroute('**/api/participation/ENG/corrections').catch(() => {});
    await page.route('**/api/participation/ENG/corrections', (route) =>
      route.fulfill({
        status,
        headers: { ...headers, 'Access-Control-Allow-Origin': site.origin },
        json: {
          data: null,
          error: {
            status,
            name: 'Error',
            message: status === 404 ? 'ไม่พบหน่วยงานรหัส ENG / No unit with code ENG' : 'x / x',
            details: status === 429 ? { retryAfter: 600 } : {},
          },
        },
      }),
    );
    await page
      .getByRole('button', { name: 'แจ้งข้อมูลไม่ถูกต้องหรือไม่เป็นปัจจุบันในหน้านี้' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'แจ้งข้อมูลไม่ถูกต้อง' });
    await dialog.locator('textarea[name=message]').fill('ข้อมูลหน้าเว็บไม่เป็นปัจจุบัน');
    await dialog.getByRole('button', { name: 'ส่ง', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: /\S/ }).waitFor({ timeout: 60000 });
    expect(await dialog.getByRole('alert').innerText()).toContain(expected);
    await page.keyboard.press('Escape');
  }
  await page.close();
});
