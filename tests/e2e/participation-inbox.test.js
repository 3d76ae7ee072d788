/**
 * Issue 13 in the admin panel: a unit editor answers a question in "กล่องรับเรื่อง" and resolves
 * it, and the answer is then public at GET /api/participation/requests/{code}; the confidential
 * complaints' page is offered to the unit's complaint officer, who opens a complaint, while the
 * editor of the same unit has no such menu entry and is refused on the page itself.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit } = require('../helpers/factories');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 21000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const PASSWORD = 'Prongsai123';
const FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-inbox-e2e-'));
const email = (label) => `${label}@inbox.example.org`;
const QUESTION = 'ขอทราบขั้นตอนการขอใบอนุญาต <script>window.__pwned = 1</script>';
const REPLY = 'ยื่นคำขอได้ที่สำนักงานหน่วยงานในวันและเวลาราชการ';
const SECRET = 'มีการเรียกรับเงินในการจัดซื้อ <img src=x onerror="window.__pwned=2">';

let strapi;
let browser;
let questionCode;
let complaintCode;
const contexts = [];

const http = () => request(strapi.server.httpServer);

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1', PARTICIPATION_FILES_DIR: FILES_DIR },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const service = require(`${appDir}/dist/src/participation/service`);
  const unit = await createUnit(strapi, { code: 'INB', nameTh: 'หน่วยงานกล่องรับเรื่อง' });
  for (const [label, role, firstname] of [
    ['editor', 'editor', 'สมชาย'],
    ['officer', 'complaint-officer', 'สมศรี'],
  ])
    await provisioning.upsertUserMembership(strapi, {
      email: email(label),
      password: PASSWORD,
      firstname,
      lastname: 'ทดสอบ',
      unit: 'INB',
      role,
    });
  const row = { id: unit.id, code: unit.code, nameTh: unit.nameTh, nameEn: null };
  questionCode = await service.createQuestion(strapi, row, {
    question: QUESTION,
    name: 'นางสาวผู้ถาม',
    email: 'asker@public.example.org',
    publishConsent: false,
  });
  complaintCode = await service.createComplaint(
    strapi,
    row,
    { message: SECRET, category: 'bribery', anonymous: true },
    [],
  );
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  if (browser) await browser.close();
  await teardownStrapi();
  fs.rmSync(FILES_DIR, { recursive: true, force: true });
});

const session = async (label) => {
  const context = await browser.newContext({
    locale: 'th-TH',
    viewport: { width: 1440, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await adminLogin(page, BASE, email(label), PASSWORD);
  return page;
};

const complaintsLink = (page) => page.locator('a[href$="/participation-complaints"]');

test('an editor replies to a question and resolves it; the reply is public', async () => {
  const page = await session('editor');
  await page.goto(`${BASE}/admin/participation-inbox`);
  await dismissOverlays(page);
  const card = page.locator(`[data-tracking-code="${questionCode}"]`);
  await card.waitFor({ timeout: 60000 });
  // What the public wrote is text, never markup.
  await card.getByText(QUESTION).waitFor();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await card.getByText('คำถาม', { exact: true }).waitFor();
  await card.getByText('รับเรื่องแล้ว', { exact: true }).waitFor();
  // Buddhist-era due date: the year 25xx.
  expect(await card.innerText()).toMatch(/กำหนดตอบ\s+\d{1,2} \S+ 25\d\d/);

  await card.getByPlaceholder('คำตอบถึงผู้แจ้ง (ผู้แจ้งเห็นทางหมายเลขติดตามเรื่อง)').fill(REPLY);
  await card.getByRole('button', { name: 'ส่งคำตอบ' }).click();
  await card.getByText('ตอบแล้ว', { exact: true }).waitFor({ timeout: 20000 });
  await card.getByRole('button', { name: 'ดำเนินการเสร็จ' }).click();
  await card.getByText('ดำเนินการเสร็จแล้ว', { exact: true }).waitFor({ timeout: 20000 });
  await card.getByText(REPLY).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'participation-inbox.png'), fullPage: true });

  const pub = await http().get(`/api/participation/requests/${questionCode}`);
  expect(pub.status).toBe(200);
  expect(pub.body.data.status).toBe('resolved');
  expect(pub.body.data.reply).toBe(REPLY);

  // The same unit's editor: no complaints' menu entry, and the page itself refuses.
  await page.locator('a[href$="/participation-inbox"]').waitFor();
  await page.waitForTimeout(1500);
  expect(await complaintsLink(page).isVisible()).toBe(false);
  await page.goto(`${BASE}/admin/participation-complaints`);
  await page.getByTestId('complaints-no-access').waitFor({ timeout: 60000 });
  expect(await page.content()).not.toContain('มีการเรียกรับเงิน');
  // And the server itself refuses the editor the complaints.
  const login = await http()
    .post('/admin/login')
    .send({ email: email('editor'), password: PASSWORD });
  const token = login.body.data.token;
  for (const url of ['/participation/complaints', `/participation/complaints/${complaintCode}`]) {
    const res = await http().get(url).set('Authorization', `Bearer ${token}`);
    expect([url, res.status]).toEqual([url, 403]);
    expect(res.text).not.toContain('มีการเรียกรับเงิน');
  }
}, 240000);

test('the complaint officer sees the complaints page and opens a complaint', async () => {
  const page = await session('officer');
  await complaintsLink(page).waitFor({ state: 'visible', timeout: 60000 });
  await complaintsLink(page).click();
  await page.getByRole('heading', { name: 'เรื่องร้องเรียนการทุจริต (ลับ)' }).waitFor();
  const row = page.getByTestId('complaints').getByText(complaintCode, { exact: false });
  await row.waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'เปิดอ่าน' }).first().click();
  const detail = page.getByTestId('complaint');
  await detail.getByText(SECRET).waitFor({ timeout: 20000 });
  await detail.getByText('ผู้ร้องเรียนไม่ประสงค์ออกนาม').waitFor();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await page.screenshot({ path: path.join(SHOTS, 'participation-complaints.png'), fullPage: true });
}, 240000);
