/**
 * In a real browser: an editor of unit A logs into the admin panel (in Thai) and sees only A's
 * entries in the Content Manager and only A's folder in the Media Library.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit } = require('../helpers/factories');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 20000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
let strapi;
let browser;

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const A = await createUnit(strapi, { code: 'UNITA', nameTh: 'คณะทดสอบเอ' });
  const B = await createUnit(strapi, { code: 'UNITB', nameTh: 'คณะทดสอบบี' });
  await provisioning.upsertUserMembership(strapi, {
    email: 'editor@a.example.org',
    password: 'Prongsai123',
    firstname: 'บรรณาธิการ',
    unit: 'UNITA',
    role: 'editor',
  });
  await strapi.db
    .query('admin::user')
    .update({ where: { email: 'editor@a.example.org' }, data: { preferedLanguage: 'th' } });
  for (const [unit, title] of [
    [A, 'ข่าวของคณะเอ'],
    [B, 'ข่าวลับของคณะบี'],
  ]) {
    await strapi.documents('api::news.news').create({
      data: { title, unit: unit.documentId, kind: 'public_relations' },
      status: 'published',
    });
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  await teardownStrapi();
});

test("an editor of A sees only A's entries and A's media folder, in Thai", async () => {
  const page = await browser.newPage({ locale: 'th-TH', viewport: { width: 1400, height: 900 } });
  await adminLogin(page, BASE, 'editor@a.example.org', 'Prongsai123');

  await page.goto(`${BASE}/admin/content-manager/collection-types/api::news.news`);
  await dismissOverlays(page);
  await page.getByText('ข่าวของคณะเอ').first().waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'editor-news-list.png') });
  const body = await page.locator('main').innerText();
  expect(body).toContain('ข่าวของคณะเอ');
  expect(body).not.toContain('ข่าวลับของคณะบี');
  // The menu names the content types in Thai.
  expect(await page.locator('body').innerText()).toContain('ข่าวประชาสัมพันธ์');

  await page.goto(`${BASE}/admin/plugins/upload`);
  await dismissOverlays(page);
  await page.getByText('UNITA คณะทดสอบเอ').first().waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'editor-media.png') });
  const media = await page.locator('main').innerText();
  expect(media).toContain('UNITA คณะทดสอบเอ');
  expect(media).not.toContain('UNITB');
});
