/**
 * Evidence elements in a real browser: the editor sees the elements of the linked item beside
 * the entry (no checkboxes, no approve button); the approver ticks all but one, is warned, and
 * approves; the ticks are stored; after publishing the dashboard's cell is "incomplete
 * evidence"; an administrator adds an element to the item on the elements page.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, createSuperAdmin, systemSteps } = require('../helpers/factories');
const { itemIds } = require('../helpers/delivery');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 22000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const UID = 'api::unit-profile.unit-profile';
let strapi;
let browser;
let documentId;
let O1;
let admin;

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const unit = await createUnit(strapi, { code: 'ELEM', nameTh: 'หน่วยงานทดสอบองค์ประกอบ' });
  for (const role of ['editor', 'approver']) {
    await provisioning.upsertUserMembership(strapi, {
      email: `${role}@elem.example.org`,
      password: 'Prongsai123',
      firstname: role,
      unit: 'ELEM',
      role,
    });
  }
  [O1] = await itemIds(strapi, 2569, ['O1']);
  const doc = await strapi.documents(UID).create({
    data: { title: 'โครงสร้างและอำนาจหน้าที่', unit: unit.documentId, checklistItems: [O1] },
  });
  documentId = doc.documentId;
  await systemSteps(strapi, UID, documentId, ['submit']);
  admin = await createSuperAdmin(strapi, 'admin@elem.example.org', 'Prongsai123');
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  await teardownStrapi();
});

const session = async (email, password = 'Prongsai123') => {
  const context = await browser.newContext({
    locale: 'th-TH',
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await adminLogin(page, BASE, email, password);
  return page;
};

const openEntry = async (page) => {
  await page.goto(`${BASE}/admin/content-manager/collection-types/${UID}/${documentId}`);
  await dismissOverlays(page);
  await page.getByTestId('workflow-panel').waitFor({ timeout: 60000 });
  await page.getByTestId('evidence-item').first().waitFor({ timeout: 30000 });
};

test('the approver ticks the elements when approving; unticked ones show on the dashboard', async () => {
  const elements = (
    await strapi.db.query('api::ita-item.ita-item').findOne({ where: { documentId: O1 } })
  ).elements;

  const editor = await session('editor@elem.example.org');
  await openEntry(editor);
  const item = editor.locator('[data-testid="evidence-item"][data-code="O1"]');
  await item.getByText('โครงสร้างและอำนาจหน้าที่', { exact: false }).first().waitFor();
  await item.getByText(elements[0]).waitFor();
  expect(await editor.getByTestId('evidence-checkbox').count()).toBe(0);
  expect(await editor.getByTestId('workflow-approve').count()).toBe(0);

  const approver = await session('approver@elem.example.org');
  await openEntry(approver);
  const boxes = approver.getByTestId('evidence-checkbox');
  await boxes.first().waitFor();
  expect(await boxes.count()).toBe(elements.length);
  for (let i = 0; i < elements.length - 1; i += 1) await boxes.nth(i).click();
  await approver
    .getByTestId('evidence-unticked')
    .getByText(/ยังไม่ได้ติ๊ก 1 องค์ประกอบ/)
    .waitFor();
  await approver.screenshot({ path: path.join(SHOTS, 'evidence-elements-approve.png') });
  await approver.getByTestId('workflow-approve').click();
  await approver
    .locator('[data-testid="workflow-state"][data-state="approved"]')
    .waitFor({ timeout: 30000 });

  const rows = await strapi.db
    .query('api::element-check.element-check')
    .findMany({ where: { entryDocumentId: documentId } });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ stage: 'approved', confirmed: false });
  expect(rows[0].ticked).toEqual(elements.slice(0, -1).map((_, i) => i));

  await approver.getByTestId('workflow-publish').click();
  await approver
    .locator('[data-testid="workflow-state"][data-state="published"]')
    .waitFor({ timeout: 30000 });
  // The published version's ticks, beside the entry.
  await approver.getByText(/ฉบับที่เผยแพร่: ยืนยันแล้ว/).waitFor({ timeout: 30000 });

  const login = await request(strapi.server.httpServer)
    .post('/admin/login')
    .send({ email: admin.email, password: admin.password });
  const matrix = await request(strapi.server.httpServer)
    .get('/compliance/matrix?fiscalYear=2569&unit=ELEM')
    .set('Authorization', `Bearer ${login.body.data.token}`);
  expect(matrix.body.data.cells.find((c) => c.item === 'O1').status).toBe('incomplete_evidence');

  // The dashboard: the cell, its label, the legend and the entry in the cell's dialog.
  await approver.goto(`${BASE}/admin/ita-compliance?fiscalYear=2569`);
  await dismissOverlays(approver);
  const cell = approver.locator(
    '[data-testid="matrix-cell"][data-unit="ELEM"][data-item="O1"][data-status="incomplete_evidence"]',
  );
  await cell.waitFor({ timeout: 60000 });
  expect(await cell.getAttribute('aria-label')).toContain('หลักฐานไม่ครบองค์ประกอบ');
  expect(await approver.getByTestId('status-legend').innerText()).toContain(
    'หลักฐานไม่ครบองค์ประกอบ',
  );
  await cell.click();
  const dialog = approver.getByTestId('cell-dialog');
  await dialog.getByText(/ผู้อนุมัติยังไม่ได้ยืนยันองค์ประกอบหลักฐานครบ/).waitFor();
  await approver.screenshot({ path: path.join(SHOTS, 'evidence-elements-dashboard.png') });
});

test('an administrator adds an element to an item on the elements page', async () => {
  const page = await session(admin.email, admin.password);
  await page.goto(`${BASE}/admin/ita-elements`);
  await dismissOverlays(page);
  const item = page.locator('[data-testid="elements-item"][data-code="O1"]');
  await item.waitFor({ timeout: 60000 });
  await item.getByTestId('elements-edit').click();
  await item.getByTestId('elements-add').click();
  const boxes = item.locator('textarea');
  const n = await boxes.count();
  await boxes.nth(n - 1).fill('แสดงวันที่ปรับปรุงข้อมูลล่าสุด');
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(O1) && r.ok()),
    item.getByTestId('elements-save').click(),
  ]);
  await item.getByText('แสดงวันที่ปรับปรุงข้อมูลล่าสุด').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'evidence-elements-editor.png') });
  const stored = await strapi.db
    .query('api::ita-item.ita-item')
    .findOne({ where: { documentId: O1 } });
  expect(stored.elements).toHaveLength(n);
  expect(stored.elements[n - 1]).toBe('แสดงวันที่ปรับปรุงข้อมูลล่าสุด');
});
