/**
 * README's first run, in a real browser: with the demo data seeded and no administrator yet, the
 * admin panel opens Strapi's registration form (in Thai); the first administrator registers
 * through it, and then the demo accounts exist and can sign in.
 */
const { setupStrapi, teardownStrapi } = require('../helpers/strapi');
const { launch, adminLogin } = require('./browser');
const { measurePage, latinLines } = require('./ui-walk');

const PORT = 20000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
let strapi;
let browser;

beforeAll(async () => {
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1', SEED_DEMO: 'true' },
    { serveAdminPanel: true, listen: true },
  );
  browser = await launch();
}, 600000);

afterAll(async () => {
  process.env.SEED_DEMO = 'false';
  if (browser) await browser.close();
  await teardownStrapi();
});

test('the first administrator registers through the form; then the demo accounts sign in', async () => {
  expect(await strapi.db.query('admin::user').count()).toBe(0);
  expect(await strapi.db.query('api::unit.unit').count({ where: { code: 'OQA' } })).toBe(1);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE}/admin`);
  await page.waitForURL(/\/auth\/register-admin/, { timeout: 60000 });
  await page.locator('input[name=firstname]').waitFor({ timeout: 60000 });
  const { lines } = await page.evaluate(measurePage);
  expect(latinLines(lines)).toEqual([]);

  await page.fill('input[name=firstname]', 'สมชาย');
  await page.fill('input[name=lastname]', 'ผู้ดูแล');
  await page.fill('input[name=email]', 'head@first-run.example.org');
  await page.fill('input[name=password]', 'Prongsai123');
  await page.fill('input[name=confirmPassword]', 'Prongsai123');
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60000 });
  await context.close();

  const admins = await strapi.db
    .query('admin::user')
    .findMany({ where: { email: 'head@first-run.example.org' }, populate: ['roles'] });
  expect(admins.map((a) => a.roles.map((r) => r.code))).toEqual([['strapi-super-admin']]);
  // The demo accounts arrive with the first administrator.
  expect(
    await strapi.db
      .query('admin::user')
      .count({ where: { email: 'editor.oqa@demo.prongsai.local' } }),
  ).toBe(1);

  const editor = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await adminLogin(editor, BASE, 'editor.oqa@demo.prongsai.local', 'Prongsai123');
  expect(new URL(editor.url()).pathname).not.toContain('/auth/');
  await editor.close();
});
