/**
 * The whole editorial flow in a real browser: an editor submits → the approver requests changes
 * with a comment → the editor fixes and resubmits → the approver approves and publishes → the
 * entry is on the public REST API.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, createApiToken } = require('../helpers/factories');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 21000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const UID = 'api::news.news';
let strapi;
let browser;
let documentId;

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const unit = await createUnit(strapi, { code: 'FLOW', nameTh: 'หน่วยงานทดสอบขั้นตอน' });
  for (const role of ['editor', 'approver']) {
    await provisioning.upsertUserMembership(strapi, {
      email: `${role}@flow.example.org`,
      password: 'Prongsai123',
      firstname: role,
      unit: 'FLOW',
      role,
    });
  }
  const doc = await strapi
    .documents(UID)
    .create({ data: { title: 'ประกาศรับสมัครงาน', unit: unit.documentId, kind: 'announcement' } });
  documentId = doc.documentId;
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  await teardownStrapi();
});

const session = async (role) => {
  const context = await browser.newContext({
    locale: 'th-TH',
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await adminLogin(page, BASE, `${role}@flow.example.org`, 'Prongsai123');
  return page;
};

const openEntry = async (page) => {
  await page.goto(`${BASE}/admin/content-manager/collection-types/${UID}/${documentId}`);
  await dismissOverlays(page);
  await page.getByTestId('workflow-panel').waitFor({ timeout: 60000 });
};

const stateIs = (page, state) =>
  page.locator(`[data-testid="workflow-state"][data-state="${state}"]`).waitFor({ timeout: 30000 });

test('editor submits, approver requests changes, editor fixes and resubmits, approver approves and publishes', async () => {
  const editor = await session('editor');
  const approver = await session('approver');

  await openEntry(editor);
  await stateIs(editor, 'draft');
  await editor.getByTestId('workflow-submit').click();
  await stateIs(editor, 'submitted');

  await openEntry(approver);
  await stateIs(approver, 'submitted');
  await approver.fill('textarea[name="workflow-comment"]', 'กรุณาระบุวันปิดรับสมัคร');
  await approver.getByTestId('workflow-request_changes').click();
  await stateIs(approver, 'changes_requested');

  await openEntry(editor);
  await stateIs(editor, 'changes_requested');
  await editor.getByTestId('workflow-history').getByText('กรุณาระบุวันปิดรับสมัคร').waitFor();
  await editor.fill('input[name="title"]', 'ประกาศรับสมัครงาน ปิดรับ 31 ธันวาคม');
  // Wait for the save itself before submitting: what is submitted is what was saved.
  await Promise.all([
    editor.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes(documentId) && r.ok(),
    ),
    editor.getByRole('button', { name: /^(บันทึก|Save)$/ }).click(),
  ]);
  await editor.getByTestId('workflow-submit').click();
  await stateIs(editor, 'submitted');

  await openEntry(approver);
  await approver.getByTestId('workflow-approve').click();
  await stateIs(approver, 'approved');
  await approver.getByTestId('workflow-publish').click();
  await stateIs(approver, 'published');
  await approver.screenshot({ path: path.join(SHOTS, 'workflow-published.png') });

  const token = await createApiToken(strapi, 'read-only');
  const res = await request(strapi.server.httpServer)
    .get('/api/news-items')
    .set('Authorization', `Bearer ${token}`);
  expect(res.body.data.map((d) => d.title)).toContain('ประกาศรับสมัครงาน ปิดรับ 31 ธันวาคม');
  const events = await strapi.db
    .query('api::workflow-event.workflow-event')
    .findMany({ where: { entryDocumentId: documentId }, orderBy: { id: 'asc' } });
  expect(events.map((e) => e.action)).toEqual(
    ['submit', 'request_changes', 'edit', 'submit', 'approve', 'publish'].filter(
      (a) => a !== 'edit' || events.some((e) => e.action === 'edit'),
    ),
  );
  expect(events.find((e) => e.action === 'request_changes').comment).toBe(
    'กรุณาระบุวันปิดรับสมัคร',
  );
});
