/**
 * What each role sees in the admin panel (issue 12): only the actions the person may take, one
 * status that changes the moment a transition succeeds, a history with names and Thai step
 * names, the approver's request for changes at the top of the panel, and a home page with the
 * person's own work and no organisation-wide figures.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, adminToken } = require('../helpers/factories');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 21000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const UID = 'api::news.news';
const PASSWORD = 'Prongsai123';
const PEOPLE = {
  editor: { firstname: 'สมชาย', lastname: 'ใจดี' },
  approver: { firstname: 'สมหญิง', lastname: 'รักงาน' },
};
const email = (role) => `${role}@roles.example.org`;
const COMMENT =
  'กรุณาแนบประกาศฉบับลงนามที่ https://www.example-university.ac.th/files/very/long/path/announcement-2569-signed-by-the-president.pdf';
let strapi;
let browser;
let documentId;
let unit;
const pages = [];

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  unit = await createUnit(strapi, { code: 'ROLE', nameTh: 'หน่วยงานทดสอบบทบาท' });
  for (const role of Object.keys(PEOPLE)) {
    await provisioning.upsertUserMembership(strapi, {
      email: email(role),
      password: PASSWORD,
      ...PEOPLE[role],
      unit: 'ROLE',
      role,
    });
  }
  const doc = await strapi.documents(UID).create({
    data: { title: 'ประกาศผลการคัดเลือก', unit: unit.documentId, kind: 'announcement' },
  });
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
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await adminLogin(page, BASE, email(role), PASSWORD);
  page.requests = requests;
  pages.push(page);
  return page;
};

const openEntry = async (page) => {
  await page.goto(`${BASE}/admin/content-manager/collection-types/${UID}/${documentId}`);
  await dismissOverlays(page);
  await page.getByTestId('workflow-panel').waitFor({ timeout: 60000 });
};

/** The one status on the page: the workflow state in the header, Strapi's own badge hidden. */
const expectOneStatus = async (page, state) => {
  await page
    .locator(`[data-testid="workflow-state"][data-state="${state}"]`)
    .waitFor({ timeout: 30000 });
  expect(await page.locator('[data-testid="workflow-state"]').count()).toBe(1);
  const strapiBadges = page.locator(
    '[role="status"][aria-label="draft"], [role="status"][aria-label="published"], [role="status"][aria-label="modified"]',
  );
  for (const badge of await strapiBadges.all()) expect(await badge.isVisible()).toBe(false);
};

/** The visible buttons (the draft / published tabs are tabs, not actions). */
const visibleButtons = (page) =>
  page.$$eval('button:not([role="tab"])', (els) =>
    els
      .filter((b) => b.offsetParent !== null)
      .map((b) => `${b.getAttribute('data-testid') || ''}|${b.innerText.trim()}`),
  );

const noButton = async (page, testIds, labels) => {
  const buttons = await visibleButtons(page);
  for (const id of testIds)
    expect(buttons.filter((b) => b.startsWith(`workflow-${id}|`))).toEqual([]);
  for (const label of labels)
    expect(buttons.filter((b) => label.test(b.split('|')[1]))).toEqual([]);
};

/** The edit view makes a transition; the page is never reloaded. */
const click = async (page, action) => {
  let reloaded = false;
  page.once('load', () => (reloaded = true));
  await page.getByTestId(`workflow-${action}`).click();
  return () => reloaded;
};

test('editor and approver: allowed actions only, one status updated at once, history with names', async () => {
  const editor = await session('editor');
  const approver = await session('approver');

  // The editor on a draft: submit only; no Publish (not even disabled) and no Approve.
  await openEntry(editor);
  await expectOneStatus(editor, 'draft');
  await noButton(
    editor,
    ['approve', 'request_changes', 'publish', 'unpublish'],
    [/^(เผยแพร่|Publish)$/],
  );
  expect(await editor.getByText(/Publish after approval|เผยแพร่ได้เมื่ออนุมัติแล้ว/).count()).toBe(
    0,
  );

  // Relation picker: the editor may not create units — no "Create a relation" in the unit list.
  const unitInput = editor.locator('input[name="unit"]');
  await unitInput.click();
  await editor.locator('[role="listbox"]').first().waitFor({ timeout: 10000 });
  // The entries are listed; the only option directly in the list box (create) is not shown.
  const create = editor.locator('[role="listbox"] > [role="option"]');
  expect(await create.count()).toBe(1);
  expect(await create.isVisible()).toBe(false);
  await editor.keyboard.press('Escape');

  let reloaded = await click(editor, 'submit');
  await expectOneStatus(editor, 'submitted');
  expect(reloaded()).toBe(false);
  // After submitting: nothing left for the editor but to wait.
  await editor.getByTestId('workflow-waiting').waitFor();
  await noButton(
    editor,
    ['approve', 'request_changes', 'publish', 'unpublish', 'submit'],
    [/^(เผยแพร่|Publish|ยกเลิกการเผยแพร่|Unpublish)$/],
  );
  await editor.screenshot({ path: path.join(SHOTS, 'roles-editor-submitted.png') });

  // The approver requests changes with a long comment.
  await openEntry(approver);
  await expectOneStatus(approver, 'submitted');
  await approver.getByTestId('workflow-approve').waitFor();
  await approver.fill('textarea[name="workflow-comment"]', COMMENT);
  reloaded = await click(approver, 'request_changes');
  await expectOneStatus(approver, 'changes_requested');
  expect(reloaded()).toBe(false);

  // The editor: the request at the top of the panel, names and Thai step names in the history.
  await openEntry(editor);
  await expectOneStatus(editor, 'changes_requested');
  const box = editor.getByTestId('workflow-change-request');
  await box.getByText('สมหญิง รักงาน').waitFor();
  expect(await box.innerText()).toContain(COMMENT);
  const history = editor.getByTestId('workflow-history');
  const text = await history.innerText();
  expect(text).toContain('สมชาย ใจดี');
  expect(text).toContain('สมหญิง รักงาน');
  expect(text).toContain('ส่งตรวจ');
  expect(text).toContain('ขอให้แก้ไข');
  expect(text).not.toMatch(/@|request_changes|\bsubmit\b/);
  // Long text wraps inside the panel.
  const overflow = await editor
    .getByTestId('workflow-panel')
    .evaluate(
      (panel) =>
        [panel, ...panel.querySelectorAll('*')].filter((el) => el.scrollWidth > el.clientWidth + 1)
          .length,
    );
  expect(overflow).toBe(0);
  await editor.screenshot({ path: path.join(SHOTS, 'roles-editor-changes-requested.png') });

  await click(editor, 'submit');
  await expectOneStatus(editor, 'submitted');

  // The approver approves, then publishes with Strapi's own Publish (allowed now) — the header
  // and the panel follow without a reload.
  await openEntry(approver);
  await click(approver, 'approve');
  await expectOneStatus(approver, 'approved');
  const strapiPublish = approver.getByRole('button', { name: /^(เผยแพร่|Publish)$/ }).first();
  await strapiPublish.waitFor({ timeout: 30000 });
  expect(await strapiPublish.isEnabled()).toBe(true);
  reloaded = await click(approver, 'publish');
  await expectOneStatus(approver, 'published');
  expect(reloaded()).toBe(false);
  await approver.getByTestId('workflow-unpublish').waitFor();
  await approver.screenshot({ path: path.join(SHOTS, 'roles-approver-published.png') });

  // The editor on the published entry: no Unpublish anywhere, no Publish.
  await openEntry(editor);
  await expectOneStatus(editor, 'published');
  await noButton(
    editor,
    ['approve', 'request_changes', 'publish', 'unpublish'],
    [/^(เผยแพร่|Publish|ยกเลิกการเผยแพร่|Unpublish)$/],
  );
});

test("the editor's home page: their own work, no organisation-wide figures", async () => {
  const editor = pages[0];
  await strapi.documents(UID).create({
    data: { title: 'ร่างข่าวรับสมัครนักศึกษา', unit: unit.documentId, kind: 'announcement' },
  });
  await editor.goto(`${BASE}/admin`);
  await dismissOverlays(editor);
  const myWork = editor.getByTestId('home-my-work');
  await myWork.waitFor({ timeout: 60000 });
  await myWork.getByTestId('my-work-drafts').getByText('ร่างข่าวรับสมัครนักศึกษา').waitFor();
  await editor.waitForLoadState('networkidle');
  await editor.screenshot({ path: path.join(SHOTS, 'roles-editor-home.png'), fullPage: true });
  // Strapi's "Project statistics" and "Entries" widgets are not shown; the figures Strapi's home
  // page prefetches come back empty for the editor (and the request does not fail).
  const headings = await editor.locator('h2, h3, [role="heading"]').allInnerTexts();
  expect(headings.join(' ')).not.toMatch(/Project statistics|สถิติ/i);
  const token = await adminToken(request, strapi, { email: email('editor'), password: PASSWORD });
  const http = () => request(strapi.server.httpServer);
  const stats = await http()
    .get('/admin/homepage/key-statistics')
    .set('Authorization', `Bearer ${token}`);
  expect(stats.status).toBe(200);
  expect(Object.values(stats.body.data).every((v) => v === null)).toBe(true);
  const counts = await http()
    .get('/content-manager/homepage/count-documents')
    .set('Authorization', `Bearer ${token}`);
  expect(counts.body.data).toEqual({ draft: null, published: null, modified: null });
  expect(await editor.getByText(/^(admins|API tokens|ผู้ดูแลระบบ|โทเคน API)$/i).count()).toBe(0);
  // No second status on the home page either: Strapi's entry widgets (draft / published badges)
  // are for administrators; the editor's entries are in "งานของฉัน".
  expect(await editor.locator('[role="status"][aria-label]').count()).toBe(0);

  // The Content Manager's menu: the types the editor writes, the reference types apart.
  await editor.goto(`${BASE}/admin/content-manager`);
  await editor.getByText('ข้อมูลอ้างอิงและการจัดการระบบ').first().waitFor({ timeout: 60000 });
  await editor.screenshot({ path: path.join(SHOTS, 'roles-editor-menu.png') });
});
