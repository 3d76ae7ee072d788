/**
 * Issue 12, in a real browser as a unit's editor: the monthly procurement summary (สขร.1) in the
 * Content Manager shows Thai where editors choose and read values.
 * - the list has the workflow-state column with Thai labels; booleans read ใช่ / ไม่ใช่; the
 *   fiscal year reads 2569 (no thousands separator); the state filter offers Thai labels;
 * - the edit form's procurement-method select shows Thai labels and no raw values;
 * - the fiscal year input shows 2569 (typed in the create view too);
 * - a date reads 15/09/2569 and its calendar's header is in the Buddhist Era as well;
 * - Enter in a date field keeps the typed date and neither submits nor saves the form.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit } = require('../helpers/factories');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 22000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const UID = 'api::procurement-summary.procurement-summary';
const LIST = `${BASE}/admin/content-manager/collection-types/${UID}`;
const RAW_METHODS = ['specific', 'selection', 'e_bidding', 'e_market', 'other'];
const RAW_STATES = ['draft', 'submitted', 'changes_requested', 'approved', 'published'];
let strapi;
let browser;
let documentId;

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const unit = await createUnit(strapi, { code: 'THF', nameTh: 'หน่วยงานทดสอบแบบฟอร์ม' });
  await provisioning.upsertUserMembership(strapi, {
    email: 'editor@thf.example.org',
    password: 'Prongsai123',
    firstname: 'บรรณาธิการ',
    unit: 'THF',
    role: 'editor',
  });
  await strapi.db
    .query('admin::user')
    .update({ where: { email: 'editor@thf.example.org' }, data: { preferedLanguage: 'th' } });
  const doc = await strapi.documents(UID).create({
    data: {
      title: 'สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568',
      unit: unit.documentId,
      fiscalYear: 2569,
      month: 10,
      isNone: false,
      rows: [
        {
          sequence: 1,
          workItem: 'จัดซื้อกระดาษถ่ายเอกสาร',
          method: 'e_bidding',
          contractDate: '2026-09-15',
        },
      ],
    },
  });
  documentId = doc.documentId;
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  await teardownStrapi();
});

const session = async () => {
  const context = await browser.newContext({
    locale: 'th-TH',
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await adminLogin(page, BASE, 'editor@thf.example.org', 'Prongsai123');
  return page;
};

test('the list shows the workflow state, booleans and the fiscal year in Thai', async () => {
  const page = await session();
  await page.goto(LIST);
  await dismissOverlays(page);
  await page.getByText('สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568').first().waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-list.png') });

  const headers = await page.locator('main thead').innerText();
  expect(headers).toContain('สถานะขั้นตอนอนุมัติ');
  const row = page.locator('main tbody tr').first();
  const cells = await row.locator('td').allInnerTexts();
  expect(cells).toContain('ฉบับร่าง');
  expect(cells).toContain('ไม่ใช่');
  expect(cells).toContain('2569');
  const text = cells.join(' | ');
  expect(text).not.toMatch(/2,569/);
  for (const raw of [...RAW_STATES, 'true', 'false', 'True', 'False'])
    expect(cells.map((c) => c.trim())).not.toContain(raw);

  // The filter on the workflow state offers Thai labels, not the raw values.
  await page
    .getByRole('button', { name: /^(Filters|ตัวกรอง)$/ })
    .first()
    .click();
  const fieldSelect = page.getByRole('combobox').first();
  await fieldSelect.click();
  await page.getByRole('option', { name: 'สถานะขั้นตอนอนุมัติ' }).click();
  const valueSelect = page.getByRole('combobox', { name: 'สถานะขั้นตอนอนุมัติ' });
  await valueSelect.click();
  const options = await page.getByRole('option').allInnerTexts();
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-filter.png') });
  expect(options).toEqual(
    expect.arrayContaining(['ฉบับร่าง', 'รออนุมัติ', 'ขอให้แก้ไข', 'อนุมัติแล้ว', 'เผยแพร่แล้ว']),
  );
  for (const raw of RAW_STATES) expect(options).not.toContain(raw);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Filter chips read the year as written and booleans in Thai.
  await page.goto(
    `${LIST}?filters[$and][0][fiscalYear][$eq]=2569&filters[$and][1][isNone][$eq]=false` +
      '&filters[$and][2][workflowState][$eq]=draft',
  );
  await dismissOverlays(page);
  await page.getByText('สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568').first().waitFor({ timeout: 60000 });
  const chips = await page.locator('main').innerText();
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-chips.png') });
  expect(chips).toMatch(/ปีงบประมาณ \(พ\.ศ\.\) \S.* 2569/);
  expect(chips).toMatch(/ไม่มีการจัดซื้อจัดจ้างในเดือนนี้ \S.* ไม่ใช่/);
  expect(chips).toMatch(/สถานะขั้นตอนอนุมัติ \S.* ฉบับร่าง/);
  expect(chips).not.toContain('2,569');
  await page.context().close();
});

test('the edit form: Thai method labels, 2569, a Buddhist-Era calendar, Enter keeps the typed date', async () => {
  const page = await session();
  await page.goto(`${LIST}/${documentId}`);
  await dismissOverlays(page);
  const fiscalYear = page.getByLabel('ปีงบประมาณ (พ.ศ.)');
  await fiscalYear.waitFor({ timeout: 60000 });
  expect(await fiscalYear.inputValue()).toBe('2569');
  // Booleans read ใช่ / ไม่ใช่, never True / False.
  const form = await page.locator('main').innerText();
  expect(form).toContain('ไม่ใช่');
  expect(form).not.toMatch(/\b(True|False)\b/);

  // Date-times (the scheduled publication) use the same BE date box, with the time beside it.
  expect(await page.locator('input[data-prongsai-time]').count()).toBeGreaterThan(0);

  // Open the first procurement row (a collapsed accordion item).
  const trigger = page.locator('main button[aria-expanded="false"]').filter({
    hasText: /จัดซื้อกระดาษถ่ายเอกสาร|^\s*1\s*$/,
  });
  if (await trigger.count()) await trigger.first().click();
  else
    await page.locator('main [data-state="closed"] button[aria-expanded="false"]').first().click();

  const method = page.getByRole('combobox', { name: /วิธีจัดซื้อจัดจ้าง/ });
  await method.waitFor({ timeout: 30000 });
  expect((await method.innerText()).trim()).toBe('ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)');
  await method.click();
  const options = (await page.getByRole('option').allInnerTexts()).map((o) => o.trim());
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-method.png') });
  expect(options).toEqual(
    expect.arrayContaining([
      'เฉพาะเจาะจง',
      'คัดเลือก',
      'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
      'ตลาดอิเล็กทรอนิกส์ (e-market)',
      'อื่น ๆ',
    ]),
  );
  for (const raw of RAW_METHODS) expect(options).not.toContain(raw);
  await page.keyboard.press('Escape');

  // The date reads in the Buddhist Era, and so does its calendar's header.
  const date = page.locator('input[data-prongsai-date]').first();
  expect(await date.inputValue()).toBe('15/09/2569');
  await page.getByRole('button', { name: 'เลือกจากปฏิทิน' }).first().click();
  const header = page.locator('[data-prongsai-calendar-header]');
  await header.waitFor({ timeout: 10000 });
  expect(await header.innerText()).toBe('กันยายน 2569');
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-calendar.png') });
  await page.keyboard.press('Escape');

  // Enter in the date field commits the typed date; nothing is submitted or saved.
  const writes = [];
  page.on('request', (r) => {
    if (['POST', 'PUT'].includes(r.method()) && r.url().includes('/content-manager/'))
      writes.push(`${r.method()} ${r.url()}`);
  });
  await date.click();
  await date.fill('01/10/2569');
  await date.press('Enter');
  await page.waitForTimeout(1500);
  expect(await date.inputValue()).toBe('01/10/2569');
  expect(writes).toEqual([]);
  // The typed date is the form's value: the calendar opens on it.
  await page.getByRole('button', { name: 'เลือกจากปฏิทิน' }).first().click();
  expect(await page.locator('[data-prongsai-calendar-header]').innerText()).toBe('ตุลาคม 2569');
  expect(
    await page.locator('[data-prongsai-calendar] button[aria-pressed="true"]').innerText(),
  ).toBe('1');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-date-enter.png') });
  await page.context().close();
});

test('the create view: the fiscal year typed as 2569 stays 2569', async () => {
  const page = await session();
  await page.goto(`${LIST}/create`);
  await dismissOverlays(page);
  const fiscalYear = page.getByLabel('ปีงบประมาณ (พ.ศ.)');
  await fiscalYear.waitFor({ timeout: 60000 });
  await fiscalYear.click();
  await page.keyboard.type('2569');
  await page
    .getByLabel(/^เดือน/)
    .first()
    .click();
  expect(await fiscalYear.inputValue()).toBe('2569');
  const main = await page.locator('main').innerText();
  expect(main).not.toContain('2,569');
  await page.screenshot({ path: path.join(SHOTS, 'thai-fields-create.png') });
  await page.context().close();
});
