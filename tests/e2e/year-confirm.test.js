/**
 * The year rollover in a real browser: 2570 is started, the unit's profile and executive are
 * carried "to be confirmed"; the unit's editor confirms the profile with the workflow panel's
 * button in the edit view, and the executive from the dashboard's list with the bulk confirm.
 * Each click is checked in the database (carried rows confirmed, audit events written) and on
 * the dashboard matrix (complete).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('../helpers/factories');
const { createEntry } = require('../helpers/delivery');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 24000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const PROFILE = 'api::unit-profile.unit-profile';
const EXEC = 'api::executive.executive';
const CARRIED = 'api::carried-evidence.carried-evidence';
const EVENT = 'api::workflow-event.workflow-event';
const EDITOR = { email: 'editor@confirm.example.org', password: 'Prongsai123' };
let strapi;
let browser;
let admin;
const e = {};

const carried = (documentId) =>
  strapi.db.query(CARRIED).findMany({ where: { entryDocumentId: documentId, fiscalYear: 2570 } });
const confirms = (documentId) =>
  strapi.db.query(EVENT).count({ where: { action: 'confirm', entryDocumentId: documentId } });

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const unit = await createUnit(strapi, { code: 'CONF', nameTh: 'หน่วยงานทดสอบการยืนยัน' });
  await provisioning.upsertUserMembership(strapi, {
    ...EDITOR,
    firstname: 'บรรณาธิการ',
    unit: 'CONF',
    role: 'editor',
  });
  e.profile = await createEntry(
    strapi,
    PROFILE,
    { title: 'โครงสร้างและอำนาจหน้าที่ (ยกมา)', unit: unit.documentId },
    { items: ['O1'] },
  );
  e.exec = await createEntry(
    strapi,
    EXEC,
    { title: 'ผู้อำนวยการ (ยกมา)', position: 'ผู้อำนวยการ', unit: unit.documentId },
    { items: ['O2'] },
  );
  const creds = await createSuperAdmin(strapi, 'admin@confirm.example.org', 'Prongsai123');
  admin = await adminToken(request, strapi, creds);
  const start = await request(strapi.server.httpServer)
    .post('/ita/checklists/start-year')
    .set('Authorization', `Bearer ${admin}`)
    .send({ fiscalYear: 2570, scheme: 'general' });
  if (start.status !== 200) throw new Error(`start-year: ${start.status} ${start.text}`);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  await teardownStrapi();
});

const cellStatus = async (item) => {
  const res = await request(strapi.server.httpServer)
    .get('/compliance/matrix?fiscalYear=2570&unit=CONF')
    .set('Authorization', `Bearer ${admin}`);
  return res.body.data.cells.find((c) => c.item === item).status;
};

test('the editor confirms carried evidence: one entry in the edit view, another from the dashboard list', async () => {
  expect((await carried(e.profile.documentId)).map((r) => r.state)).toEqual(['to_confirm']);
  expect((await carried(e.exec.documentId)).map((r) => r.state)).toEqual(['to_confirm']);
  expect(await cellStatus('O1')).toBe('in_review');

  const context = await browser.newContext({
    locale: 'th-TH',
    viewport: { width: 1400, height: 1000 },
  });
  const page = await context.newPage();
  await adminLogin(page, BASE, EDITOR.email, EDITOR.password);

  // The edit view: the panel says the entry was carried and offers the confirmation.
  await page.goto(
    `${BASE}/admin/content-manager/collection-types/${PROFILE}/${e.profile.documentId}`,
  );
  await dismissOverlays(page);
  const currency = page.getByTestId('workflow-currency');
  await currency.waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(SHOTS, 'confirm-panel.png') });
  await page.getByTestId('workflow-confirm').click();
  await page.getByText('ยืนยันแล้วว่าข้อมูลยังเป็นปัจจุบัน').first().waitFor({ timeout: 30000 });
  expect((await carried(e.profile.documentId)).map((r) => r.state)).toEqual(['confirmed']);
  expect(await confirms(e.profile.documentId)).toBe(1);
  expect(await cellStatus('O1')).toBe('complete');

  // The dashboard: the executive waits in the list; select it and confirm in bulk.
  await page.goto(`${BASE}/admin/ita-compliance?fiscalYear=2570`);
  await dismissOverlays(page);
  const rows = page.getByTestId('to-confirm-row');
  await rows.first().waitFor({ timeout: 60000 });
  expect(await rows.count()).toBe(1);
  await expect(rows.first().textContent()).resolves.toContain('ผู้อำนวยการ (ยกมา)');
  await rows.first().getByRole('checkbox').click();
  await page.getByTestId('to-confirm-submit').click();
  await page.getByTestId('to-confirm-empty').waitFor({ timeout: 30000 });
  await page.screenshot({ path: path.join(SHOTS, 'confirm-dashboard.png') });
  expect((await carried(e.exec.documentId)).map((r) => r.state)).toEqual(['confirmed']);
  expect(await confirms(e.exec.documentId)).toBe(1);
  expect(await cellStatus('O2')).toBe('complete');
  await context.close();
});
