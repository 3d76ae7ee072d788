/**
 * The ITA dashboard in a real browser: a super admin opens "ITA · ติดตามการเปิดเผยข้อมูล",
 * picks fiscal year 2569 and sees the units × items matrix with statuses in colour and words,
 * the legend, per-unit progress, the entries behind a cell, the group filter, the scheme selector
 * and the month-by-month chart; an editor of one unit sees only that unit; a user of no unit a
 * Thai message.
 */
const fs = require('fs');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('../helpers/factories');
const { createEntry } = require('../helpers/delivery');
const { launch, adminLogin, dismissOverlays } = require('./browser');

const PORT = 22000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(appDir, '.tmp');
const PASSWORD = 'Prongsai123';
const ADMIN = { email: 'admin@dashboard.example.org', password: 'Dashboard123!' };
const COLOURS = {
  complete: 'rgb(46, 125, 50)',
  declared_none: 'rgb(0, 121, 107)',
  in_review: 'rgb(255, 179, 0)',
  overdue: 'rgb(198, 40, 40)',
  missing: 'rgb(189, 189, 189)',
};
let strapi;
let browser;
let planDocumentId;
let profiles;
let apiMatrix;
let assigned = false;
let noChecklistYet = false;
const answers = {};

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const wf = require(`${appDir}/dist/src/workflow/service`);
  const eng = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    group: 'faculty',
  });
  const sci = await createUnit(strapi, {
    code: 'SCI',
    nameTh: 'คณะวิทยาศาสตร์',
    group: 'faculty',
  });
  await createUnit(strapi, { code: 'OFF', nameTh: 'สำนักงานอธิการบดี', group: 'office' });
  await createUnit(strapi, {
    code: 'VOC',
    nameTh: 'วิทยาลัยเทคนิค',
    group: 'school',
    scheme: 'vocational-college',
  });
  const unit = eng.documentId;
  // complete: O1 (standing), published in October 2025 (so the chart has something to show)
  profiles = [];
  profiles.push(
    await createEntry(
      strapi,
      'api::unit-profile.unit-profile',
      { title: 'โครงสร้างคณะวิศวกรรมศาสตร์', unit },
      { items: ['O1'] },
    ),
  );
  profiles.push(
    await createEntry(
      strapi,
      'api::unit-profile.unit-profile',
      { title: 'โครงสร้างคณะวิทยาศาสตร์', unit: sci.documentId },
      { items: ['O1'] },
    ),
  );
  for (const { documentId } of profiles)
    await strapi.db.query('api::unit-profile.unit-profile').updateMany({
      where: { documentId, publishedAt: { $notNull: true } },
      data: { publishedAt: '2025-10-15T03:00:00.000Z' },
    });
  // declared_none: O18 (the previous year's complaints: none)
  await createEntry(
    strapi,
    'api::report.report',
    {
      title: 'สถิติเรื่องร้องเรียน 2568',
      kind: 'complaint_statistics',
      fiscalYear: 2568,
      unit,
      isNone: true,
      noneText: 'ไม่มีเรื่องร้องเรียน',
    },
    { items: ['O18'] },
  );
  // in_review: O23 submitted, not published
  const plan = await createEntry(
    strapi,
    'api::plan.plan',
    { title: 'แผนป้องกันการทุจริต 2569', kind: 'anti_corruption', fiscalYear: 2569, unit },
    { items: ['O23'], publish: false },
  );
  planDocumentId = plan.documentId;
  await wf.transition(strapi, {
    uid: 'api::plan.plan',
    documentId: plan.documentId,
    action: 'submit',
    actor: { kind: 'system', name: 'test' },
  });
  // overdue with missing months: O11 (monthly), October only
  await createEntry(
    strapi,
    'api::procurement-summary.procurement-summary',
    {
      title: 'สขร. ตุลาคม 2568',
      fiscalYear: 2569,
      month: 10,
      unit,
      rows: [{ sequence: 1, workItem: 'จัดซื้อกระดาษ', method: 'specific', budget: 5000 }],
    },
    { items: ['O11'] },
  );

  await provisioning.upsertUserMembership(strapi, {
    email: 'editor@sci.example.org',
    password: PASSWORD,
    firstname: 'บรรณาธิการ',
    unit: 'SCI',
    role: 'editor',
  });
  const editorRole = await strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'prongsai-unit-editor' } });
  await strapi.admin.services.user.create({
    email: 'nobody@dashboard.example.org',
    password: PASSWORD,
    firstname: 'ไม่มีหน่วยงาน',
    isActive: true,
    roles: [editorRole.id],
  });
  await createSuperAdmin(strapi, ADMIN.email, ADMIN.password);
  for (const email of [ADMIN.email, 'editor@sci.example.org', 'nobody@dashboard.example.org'])
    await strapi.db
      .query('admin::user')
      .update({ where: { email }, data: { preferedLanguage: 'th' } });

  // What the API says, to compare the page with.
  const token = await adminToken(request, strapi, ADMIN);
  const res = await request(strapi.server.httpServer)
    .get('/compliance/matrix?fiscalYear=2569')
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  apiMatrix = res.body;
  const next = await request(strapi.server.httpServer)
    .get('/compliance/matrix?fiscalYear=2570')
    .set('Authorization', `Bearer ${token}`);
  noChecklistYet = next.status === 200 && next.body.data.items.length === 0;
  // Parts other engineers are building: the test checks them when their routes answer.
  const api = (method, url, body) => {
    const r = request(strapi.server.httpServer)
      [method](url)
      .set('Authorization', `Bearer ${token}`);
    return body ? r.send(body) : r;
  };
  assigned =
    (
      await api('put', '/compliance/responsibilities', {
        fiscalYear: 2569,
        unit: 'SCI',
        assignments: [
          { item: 'O1', primaryEmail: 'editor@sci.example.org' },
          { item: 'O2', primaryEmail: 'editor@sci.example.org' },
        ],
      })
    ).status === 200;
  answers.ranking = (await api('get', '/compliance/ranking?fiscalYear=2569')).status === 200;
  answers.reports = (await api('get', '/compliance/reports?fiscalYear=2569')).status === 200;
  answers.submission = (await api('get', '/compliance/submission/ENG/2569/csv')).status === 200;

  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  if (browser) await browser.close();
  await teardownStrapi();
});

const session = async (email, password = PASSWORD) => {
  const context = await browser.newContext({
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 1500, height: 1000 },
  });
  const page = await context.newPage();
  await adminLogin(page, BASE, email, password);
  return page;
};

const rowsOf = (page) =>
  page.locator('[data-testid="matrix-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.unit));
const cell = (page, unit, item) =>
  page.locator(`[data-testid="matrix-cell"][data-unit="${unit}"][data-item="${item}"]`);
const background = (locator) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
/** Waits for the running CSS animations (the dialog's fade-in) to end. */
const settle = (locator) =>
  locator.evaluate((el) =>
    Promise.all(el.ownerDocument.getAnimations().map((a) => a.finished.catch(() => null))),
  );
const choose = async (page, label, option) => {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

test('a super admin follows every unit: matrix, legend, progress, entries, filters, chart', async () => {
  const page = await session(ADMIN.email, ADMIN.password);
  // The menu entry opens the dashboard (the current fiscal year first).
  const link = page.locator('nav a[href$="/ita-compliance"]').first();
  await link.waitFor({ timeout: 60000 });
  await link.click();
  await dismissOverlays(page);
  await page.getByTestId('compliance-dashboard').waitFor({ timeout: 60000 });
  await page.getByText('ITA · ติดตามการเปิดเผยข้อมูล').first().waitFor();

  // Today (24 Nov 2026 or later) is in fiscal 2570; its checklist may not exist yet.
  if (noChecklistYet) {
    const box = page.getByTestId('compliance-no-checklist');
    await box.waitFor({ timeout: 60000 });
    expect(await box.innerText()).toContain('ยังไม่มีชุดตัวชี้วัด ITA ของปีงบประมาณ 2570');
  }
  await choose(page, 'ปีงบประมาณ', '2569');
  await page.waitForURL(/fiscalYear=2569/);
  await page.locator('[data-testid="matrix-row"]').first().waitFor({ timeout: 60000 });

  // Rows: the general-scheme units (the most common scheme), faculties first.
  expect(await rowsOf(page)).toEqual(['ENG', 'SCI', 'OFF']);
  const groups = await page
    .locator('[data-testid="matrix-group"]')
    .evaluateAll((rows) => rows.map((r) => r.dataset.group));
  expect(groups).toEqual(['faculty', 'office']);
  const matrixText = await page.getByTestId('compliance-matrix').innerText();
  expect(matrixText).toContain('คณะวิศวกรรมศาสตร์');
  expect(matrixText).toContain('สำนักงานอธิการบดี');
  // Columns: the general items, each with its Thai title as the abbreviation's title.
  const general = apiMatrix.data.items.filter((i) => i.scheme === 'general');
  const headers = await page
    .locator('[data-testid="compliance-matrix"] thead th[data-item]')
    .evaluateAll((ths) => ths.map((th) => th.dataset.item));
  expect(headers).toHaveLength(general.length);
  expect(headers).toEqual(expect.arrayContaining(['O1', 'O11', 'O18', 'O23']));
  const o1 = general.find((i) => i.code === 'O1');
  expect(await page.locator('thead th[data-item="O1"] abbr').getAttribute('title')).toBe(
    o1.titleTh,
  );

  // Statuses: data-status, colour, and words.
  const expected = [
    ['ENG', 'O1', 'complete'],
    ['ENG', 'O18', 'declared_none'],
    ['ENG', 'O23', 'in_review'],
    ['ENG', 'O11', 'overdue'],
    ['ENG', 'O2', 'overdue'],
    ['SCI', 'O1', 'complete'],
    ['OFF', 'O1', 'overdue'],
  ];
  for (const [unit, item, status] of expected) {
    const c = cell(page, unit, item);
    expect([unit, item, await c.getAttribute('data-status')]).toEqual([unit, item, status]);
    expect([unit, item, await background(c)]).toEqual([unit, item, COLOURS[status]]);
  }
  expect(await cell(page, 'ENG', 'O1').getAttribute('aria-label')).toBe(
    'O1 คณะวิศวกรรมศาสตร์: ครบถ้วน (ครบกำหนด 31 ต.ค. 2568)',
  );
  const o12 = apiMatrix.data.cells.find((c) => c.unit === 'ENG' && c.item === 'O12');
  expect(o12.dueDate).toBe('2026-03-31');
  expect(await cell(page, 'ENG', 'O12').getAttribute('aria-label')).toBe(
    'O12 คณะวิศวกรรมศาสตร์: เกินกำหนด (ครบกำหนด 31 มี.ค. 2569)',
  );
  expect(await cell(page, 'ENG', 'O11').getAttribute('aria-label')).toContain('ยังขาด 11 เดือน');

  // The legend: five statuses, each with its colour.
  const legend = page.getByTestId('status-legend');
  const legendText = await legend.innerText();
  for (const label of [
    'ครบถ้วน',
    'ประกาศว่าไม่มี',
    'อยู่ระหว่างพิจารณา',
    'เกินกำหนด',
    'ยังไม่ถึงกำหนด',
  ])
    expect(legendText).toContain(label);
  for (const [status, colour] of Object.entries(COLOURS))
    expect(await background(legend.locator(`li[data-status="${status}"] span[data-status]`))).toBe(
      colour,
    );

  // Per-unit progress: complete + declared_none over the unit's items, as the API counts.
  for (const code of ['ENG', 'SCI', 'OFF']) {
    const p = apiMatrix.meta.progress.find((x) => x.unit === code);
    const bar = page.locator(
      `[data-testid="unit-progress"][data-unit="${code}"] [role=progressbar]`,
    );
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeCloseTo(p.progress * 100, 1);
    const done = p.counts.complete + p.counts.declared_none;
    expect(
      await page
        .locator(
          `[data-testid="unit-progress"][data-unit="${code}"] [data-testid="unit-progress-value"]`,
        )
        .innerText(),
    ).toContain(`${done}/${p.total}`);
  }
  const eng = apiMatrix.meta.progress.find((x) => x.unit === 'ENG');
  expect(eng.counts).toMatchObject({ complete: 1, declared_none: 1, in_review: 1 });

  // The month-by-month chart: the twelve months of 2569, all begun, with a table alternative.
  const bars = page.locator('[data-testid="history-bar"]');
  await expect(bars.count()).resolves.toBe(12);
  const months = await bars.evaluateAll((gs) =>
    gs.map((g) => [g.dataset.month, g.dataset.progress]),
  );
  expect(months[0][0]).toBe('2025-10');
  expect(months[11][0]).toBe('2026-09');
  expect(months.every(([, p]) => p !== '')).toBe(true);
  // The two unit profiles count from October 2025 on.
  expect(Number(months[0][1])).toBeGreaterThan(0);
  expect(await page.getByTestId('history-chart').innerHTML()).toContain('ต.ค. 68');
  expect(await page.getByTestId('history-table').locator('tbody tr').count()).toBe(12);

  await page.screenshot({ path: path.join(SHOTS, 'dashboard-admin.png') });
  await page
    .getByTestId('compliance-history-section')
    .screenshot({ path: path.join(SHOTS, 'dashboard-history.png') });

  // Central users: the monthly report and the ranking, when their routes answer.
  if (answers.ranking) {
    const ranking = page.getByTestId('compliance-ranking');
    await ranking.waitFor();
    const ranked = await ranking
      .locator('[data-testid="ranking-group"]')
      .evaluateAll((gs) => gs.map((g) => g.dataset.group));
    expect(ranked).toEqual(expect.arrayContaining(['faculty', 'office']));
    expect(await ranking.locator('[data-testid="ranking-row"]').count()).toBeGreaterThanOrEqual(3);
    await ranking.screenshot({ path: path.join(SHOTS, 'dashboard-ranking.png') });
  } else expect(await page.getByTestId('compliance-ranking').count()).toBe(0);
  if (answers.reports) {
    const reports = page.getByTestId('report-downloads');
    await reports.waitFor();
    // No report stored for the month yet: the page says so and offers to make it.
    await reports.getByRole('button', { name: 'CSV' }).click();
    const make = reports.getByRole('button', { name: /^สร้างรายงานเดือน/ });
    await make.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), make.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
  }
  if (answers.submission) {
    const submission = page.getByTestId('submission-downloads');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      submission.getByRole('button', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('ita-submission-ENG-2569.csv');
    await page
      .getByTestId('compliance-downloads')
      .screenshot({ path: path.join(SHOTS, 'dashboard-downloads.png') });
  }

  // A click on a cell lists its entries, linked to the Content Manager.
  await cell(page, 'ENG', 'O23').click();
  const dialog = page.getByTestId('cell-dialog');
  await dialog.waitFor();
  await dialog.getByText('แผนป้องกันการทุจริต 2569').waitFor();
  expect(
    await dialog.getByRole('link', { name: 'แผนป้องกันการทุจริต 2569' }).getAttribute('href'),
  ).toBe(`/admin/content-manager/collection-types/api::plan.plan/${planDocumentId}`);
  const dialogText = await dialog.innerText();
  expect(dialogText).toContain('อยู่ระหว่างพิจารณา');
  expect(dialogText).toContain('รออนุมัติ');
  await settle(dialog);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-cell.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  await cell(page, 'ENG', 'O1').click();
  await dialog.getByText('เผยแพร่แล้ว เมื่อ 15 ต.ค. 2568').waitFor();
  expect(
    await dialog.getByRole('link', { name: 'โครงสร้างคณะวิศวกรรมศาสตร์' }).getAttribute('href'),
  ).toBe(
    `/admin/content-manager/collection-types/api::unit-profile.unit-profile/${profiles[0].documentId}`,
  );
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  await cell(page, 'ENG', 'O11').click();
  await dialog.waitFor();
  const monthly = await dialog.innerText();
  expect(monthly).toContain('สขร. ตุลาคม 2568');
  expect(monthly).toContain('เผยแพร่แล้ว เมื่อ');
  expect(await dialog.getByTestId('cell-dialog-missing').innerText()).toContain('พ.ย. 2568');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // The group filter narrows the rows.
  await choose(page, 'กลุ่มหน่วยงาน', 'คณะ');
  await page.waitForURL(/group=faculty/);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="matrix-row"]').length === 2,
  );
  expect(await rowsOf(page)).toEqual(['ENG', 'SCI']);
  await choose(page, 'กลุ่มหน่วยงาน', 'ทั้งหมด');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="matrix-row"]').length === 3,
  );

  // Units of another scheme have their own items: the scheme selector switches the matrix.
  await choose(page, 'ชุดตัวชี้วัด', /vocational-college/);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="matrix-row"]').length === 1,
  );
  expect(await rowsOf(page)).toEqual(['VOC']);
  const vocItems = apiMatrix.data.items.filter((i) => i.scheme === 'vocational-college');
  expect(await page.locator('[data-testid="compliance-matrix"] thead th[data-item]').count()).toBe(
    vocItems.length,
  );
  await page.context().close();
});

test("an editor of one unit sees only that unit's row", async () => {
  const page = await session('editor@sci.example.org');
  await page.goto(`${BASE}/admin/ita-compliance?fiscalYear=2569`);
  await dismissOverlays(page);
  await page.locator('[data-testid="matrix-row"]').first().waitFor({ timeout: 60000 });
  expect(await rowsOf(page)).toEqual(['SCI']);
  expect(await cell(page, 'SCI', 'O1').getAttribute('data-status')).toBe('complete');
  expect(await page.getByTestId('compliance-matrix').innerText()).not.toContain(
    'คณะวิศวกรรมศาสตร์',
  );
  // Central-only parts stay hidden.
  expect(await page.getByTestId('compliance-ranking').count()).toBe(0);
  expect(await page.getByTestId('report-downloads').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-editor.png') });
  if (assigned) {
    // "My items": the items this editor answers for, each opening its cell.
    const mine = page.getByTestId('compliance-my-items');
    await mine.locator('[data-testid="my-item"]').first().waitFor({ timeout: 30000 });
    const rows = await mine
      .locator('[data-testid="my-item"]')
      .evaluateAll((trs) => trs.map((tr) => [tr.cells[1].innerText.trim(), tr.dataset.status]));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['O1', 'complete'],
        ['O2', 'overdue'],
      ]),
    );
    await mine.getByRole('button', { name: /ดูรายการของข้อ O1 / }).click();
    await page.getByTestId('cell-dialog').getByText('โครงสร้างคณะวิทยาศาสตร์').waitFor();
    await page.keyboard.press('Escape');
    await mine.screenshot({ path: path.join(SHOTS, 'dashboard-my-items.png') });
  }
  await page.context().close();
});

test('a user of no unit gets a Thai message, not an error page', async () => {
  const page = await session('nobody@dashboard.example.org');
  await page.goto(`${BASE}/admin/ita-compliance?fiscalYear=2569`);
  await dismissOverlays(page);
  const error = page.getByTestId('compliance-error');
  await error.waitFor({ timeout: 60000 });
  expect(await error.getAttribute('data-status-code')).toBe('403');
  expect(await error.innerText()).toContain('ยังไม่ได้สังกัดหน่วยงานใด');
  await page.context().close();
});
