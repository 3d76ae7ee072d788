/**
 * Issue 14 in the admin panel: a unit editor opens "มาตรการส่งเสริมคุณธรรม", sees the unit's ITA
 * scores and its measures plan as the seed's table (issues, measures, steps, Thai month names
 * with Buddhist-Era years, overdue steps), reports a step's progress through the dialog (a
 * refused per cent shows the server's Thai message in the dialog and writes nothing; the saved
 * one lands in the database and in the refreshed table), generates the 6-month report, and
 * sees the organisation's roll-up. The page passes axe, shows no Latin-only line and logs no
 * console error.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('../helpers/strapi');
const { createUnit } = require('../helpers/factories');
const { launch, adminLogin, dismissOverlays } = require('./browser');
const { axeViolations, formatViolations } = require('./axe');
const { measurePage, latinLines, watchPage } = require('./ui-walk');

const PORT = 21000 + (process.pid % 20000);
const BASE = `http://127.0.0.1:${PORT}`;
const SHOTS = process.env.E2E_SCREENSHOTS || path.join(os.tmpdir(), 'prongsai-e2e');
const PASSWORD = 'Prongsai123';
const EDITOR = 'editor@integrity.example.org';
const MONITOR = 'monitor@integrity.example.org';
const PROGRESS_UID = 'api::integrity-progress.integrity-progress';
const EVIDENCE = 'หลักฐานการประชุม.pdf';

/** The current Thai fiscal year (BE), as the panel computes it (Bangkok time). */
const bangkok = new Date(Date.now() + 7 * 3600 * 1000);
const FY =
  (bangkok.getUTCMonth() + 1 >= 10 ? bangkok.getUTCFullYear() + 1 : bangkok.getUTCFullYear()) + 543;

const ISSUE = 'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ';
const MEASURE = 'การวิเคราะห์ผลคะแนนการประเมินคุณธรรมและความโปร่งใสไปปรับปรุงกระบวนการทำงาน';
const STEP1 = 'แจ้งผลการประเมินฯ ITA แก่ผู้บริหาร พร้อมทั้งวิเคราะห์ประเด็นที่ต้องปรับปรุง';
const STEP2 = 'เผยแพร่ประชาสัมพันธ์ผลการดำเนินการให้บุคลากรภายในสังกัดได้ทราบ';
const STEP2_NEW = 'เผยแพร่ผลการดำเนินการทางเว็บไซต์และที่ประชุมบุคลากร';
const STEP3 = 'สรุปผลการดำเนินงานเสนอผู้บริหาร';
const MEASURE2 = 'ส่งเสริมความรู้ความเข้าใจเรื่องผลประโยชน์ทับซ้อน';
const KEY1 = 'stepone0001';
const KEY2 = 'steptwo0002';
const DONE = 'นำเสนอผลการวิเคราะห์ต่อผู้บริหารในการประชุมประจำเดือนแล้ว';
const PROBLEMS = 'บุคลากรบางกลุ่มงานไม่ได้เข้าร่วมประชุม';

let strapi;
let browser;
let plan;
const contexts = [];

const http = () => request(strapi.server.httpServer);

beforeAll(async () => {
  strapi = await setupStrapi(
    { PORT: String(PORT), HOST: '127.0.0.1' },
    { serveAdminPanel: true, listen: true },
  );
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const unit = await createUnit(strapi, { code: 'ITG', nameTh: 'สำนักงานทดสอบมาตรการ' });
  await provisioning.upsertUserMembership(strapi, {
    email: EDITOR,
    password: PASSWORD,
    firstname: 'สมหญิง',
    lastname: 'ทดสอบ',
    unit: 'ITG',
    role: 'editor',
  });
  // A second unit of the same editor: scores, no plan yet.
  const second = await createUnit(strapi, { code: 'ITN', nameTh: 'สำนักงานที่ยังไม่มีแผน' });
  await provisioning.upsertUserMembership(strapi, {
    email: EDITOR,
    password: PASSWORD,
    firstname: 'สมหญิง',
    lastname: 'ทดสอบ',
    unit: 'ITN',
    role: 'editor',
  });
  await strapi.documents('api::ita-score.ita-score').create({
    data: {
      unit: second.documentId,
      fiscalYear: FY - 1,
      indicatorCode: '9',
      indicatorName: 'การเปิดเผยข้อมูล',
      score: 70,
    },
  });
  // A central monitor reads every unit and writes none.
  await provisioning.upsertUserMembership(strapi, {
    email: MONITOR,
    password: PASSWORD,
    firstname: 'สมปอง',
    lastname: 'ทดสอบ',
    role: 'monitor',
  });
  // Last year's assessment: one indicator below the target.
  for (const [code, name, score] of [
    ['9', 'การเปิดเผยข้อมูล', 72.5],
    ['1', 'การปฏิบัติหน้าที่', 93.1],
  ])
    await strapi.documents('api::ita-score.ita-score').create({
      data: {
        unit: unit.documentId,
        fiscalYear: FY - 1,
        indicatorCode: code,
        indicatorName: name,
        score,
      },
    });
  plan = await strapi.documents('api::plan.plan').create({
    data: {
      title: `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${FY}`,
      kind: 'integrity_measures',
      fiscalYear: FY,
      unit: unit.documentId,
      progressCadence: 'half_year',
      measures: [
        {
          issueNo: 1,
          issue: ISSUE,
          indicatorCode: '9',
          measure: MEASURE,
          target: 'ร้อยละ 100 ของกลุ่มงานได้รับทราบผลการวิเคราะห์',
          startMonth: 'oct',
          endMonth: 'sep',
          owner: 'ทุกกลุ่มงาน',
          steps: [
            { key: KEY1, text: STEP1, startMonth: 'oct', endMonth: 'nov', owner: 'กลุ่มอำนวยการ' },
            { key: KEY2, text: STEP2, startMonth: 'jan', endMonth: 'sep' },
          ],
        },
      ],
    },
  });
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  if (browser) await browser.close();
  await teardownStrapi();
});

const session = async (email = EDITOR) => {
  const context = await browser.newContext({
    locale: 'th-TH',
    viewport: { width: 1440, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  const watch = watchPage(page);
  await adminLogin(page, BASE, email, PASSWORD);
  return { page, watch };
};

const choose = async (scope, page, label, option) => {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** Is a route there (helpers build them in parallel)? A missing one answers a bare 404. */
const routeExists = async (method, url, token) => {
  const res = await http()[method](url).set('Authorization', `Bearer ${token}`).send({});
  return !(res.status === 404 && !/[\u0E00-\u0E7F]/.test(res.body?.error?.message ?? ''));
};

test('the editor sees the plan in Thai, reports progress and generates the 6-month report', async () => {
  const { page, watch } = await session();
  const login = await http().post('/admin/login').send({ email: EDITOR, password: PASSWORD });
  const token = login.body.data.token;

  // The menu link, then the page.
  const link = page.locator('a[href$="/integrity-measures"]');
  await link.waitFor({ timeout: 60000 });
  await link.click();
  await page.getByRole('heading', { name: 'มาตรการส่งเสริมคุณธรรม', exact: true }).waitFor();
  await dismissOverlays(page);

  // The scores: last year's indicator below the target is marked in words.
  const scores = page.getByTestId('integrity-scores');
  await scores.waitFor({ timeout: 60000 });
  const low = scores.locator('[data-testid="integrity-score-row"][data-below="true"]');
  await low.first().waitFor();
  expect(await low.first().innerText()).toContain('การเปิดเผยข้อมูล');
  expect(await low.first().innerText()).toContain('ต่ำกว่าเป้าหมาย');
  // The unit has a plan: no button to create one.
  expect(await page.getByTestId('integrity-from-scores').count()).toBe(0);

  // The plan as the seed's table.
  const table = page.getByTestId('integrity-plan-table');
  await table.waitFor({ timeout: 60000 });
  const text = await table.innerText();
  for (const s of [
    'ประเด็น',
    'มาตรการ/แนวทาง',
    'ขั้นตอนหรือวิธีการปฏิบัติ',
    'ระยะเวลา',
    'ผู้รับผิดชอบ',
    'ความก้าวหน้าล่าสุด',
    ISSUE,
    MEASURE,
    STEP1,
    STEP2,
    'กลุ่มอำนวยการ',
    'ทุกกลุ่มงาน',
    `ตุลาคม ${FY - 1} ถึง พฤศจิกายน ${FY - 1}`,
    `มกราคม ${FY} ถึง กันยายน ${FY}`,
  ])
    expect([s, text.includes(s)]).toEqual([s, true]);
  expect(text).not.toMatch(/\d,\d{3}/); // years without separators
  await page.getByText('สถานะ: ฉบับร่าง').waitFor();
  expect(
    await page.getByRole('link', { name: 'แก้ไขแผนใน Content Manager' }).getAttribute('href'),
  ).toBe(`/admin/content-manager/collection-types/api::plan.plan/${plan.documentId}`);
  const row1 = page.locator(`[data-step-key="${KEY1}"]`);
  const row2 = page.locator(`[data-step-key="${KEY2}"]`);
  // Step 1 ended in November: once November is over it is overdue.
  const novemberOver = bangkok.getUTCMonth() + 1 >= 12 || bangkok.getUTCMonth() + 1 <= 9;
  if (novemberOver) await row1.getByText('เลยกำหนด').waitFor();
  expect(await row2.getByText('เลยกำหนด').count()).toBe(0);

  // Accessibility and Thai before any dialog.
  expect(
    formatViolations(await axeViolations(page, { include: '[data-testid="integrity-page"]' })),
  ).toEqual([]);
  expect(latinLines((await page.evaluate(measurePage)).lines)).toEqual([]);

  // Report step 1: a per cent out of range is refused with the server's Thai message.
  await row1.getByRole('button', { name: /รายงานความก้าวหน้า/ }).click();
  const dialog = page.getByTestId('integrity-progress-dialog');
  await dialog.waitFor();
  // Only the plan's periods (half-yearly: March and September) are offered.
  await dialog.getByRole('combobox', { name: 'รอบรายงาน' }).click();
  const options = await page.getByRole('option').allInnerTexts();
  expect(options).toEqual([`สิ้นเดือนมีนาคม ${FY}`, `สิ้นเดือนกันยายน ${FY}`]);
  await page.getByRole('option', { name: `สิ้นเดือนมีนาคม ${FY}` }).click();
  await choose(dialog, page, 'สถานะ', 'กำลังดำเนินการ');
  await dialog.getByLabel('ร้อยละความก้าวหน้า').fill('150');
  await dialog.getByLabel('ผลการดำเนินงาน (สิ่งที่ได้ดำเนินการ)').fill(DONE);
  await dialog.getByRole('button', { name: 'บันทึกความก้าวหน้า' }).click();
  const alert = dialog.getByRole('alert');
  await alert.waitFor({ timeout: 20000 });
  expect(await alert.innerText()).toMatch(/[\u0E00-\u0E7F]/);
  expect(await alert.innerText()).not.toContain(' / ');
  expect(
    await strapi.db.query(PROGRESS_UID).count({ where: { planDocumentId: plan.documentId } }),
  ).toBe(0);
  // The browser logs the refused request (400) itself: that line is the point here.
  watch.errors.splice(
    0,
    watch.errors.length,
    ...watch.errors.filter((e) => !/status of 400/.test(e)),
  );

  // Then done, 100 %, with what was done and the problems.
  await choose(dialog, page, 'สถานะ', 'ดำเนินการแล้วเสร็จ');
  expect(await dialog.getByLabel('ร้อยละความก้าวหน้า').inputValue()).toBe('100');
  await dialog.getByLabel('ปัญหา/อุปสรรค/ข้อจำกัด').fill(PROBLEMS);
  expect(
    formatViolations(
      await axeViolations(page, { include: '[data-testid="integrity-progress-dialog"]' }),
    ),
  ).toEqual([]);
  // An evidence file, attached in the dialog: uploaded into the unit's Media Library folder.
  await dialog.getByTestId('integrity-evidence-input').setInputFiles({
    name: EVIDENCE,
    mimeType: 'application/pdf',
    buffer: Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    ),
  });
  expect(await dialog.getByTestId('integrity-evidence-file').innerText()).toContain(EVIDENCE);
  await page.screenshot({ path: path.join(SHOTS, 'integrity-progress-dialog.png') });
  await dialog.getByRole('button', { name: 'บันทึกความก้าวหน้า' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 20000 });

  const rows = await strapi.db.query(PROGRESS_UID).findMany({
    where: { planDocumentId: plan.documentId },
    populate: { evidence: true },
  });
  expect(rows).toHaveLength(1);
  expect(rows[0].evidence.map((f) => f.name)).toEqual([EVIDENCE]);
  const unitRow = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'ITG' } });
  expect(rows[0].evidence[0].folderPath).toBe(
    (
      await strapi.db
        .query('plugin::upload.folder')
        .findOne({ where: { id: unitRow.mediaFolderId } })
    ).path,
  );
  expect(rows[0]).toMatchObject({
    stepKey: KEY1,
    period: 'mar',
    progressStatus: 'done',
    percent: 100,
    done: DONE,
    problems: PROBLEMS,
    fiscalYear: FY,
  });

  // The table refreshed: the latest progress, no longer overdue.
  await row1.getByText('ดำเนินการแล้วเสร็จ · 100%').waitFor({ timeout: 20000 });
  expect(await row1.innerText()).toContain(DONE);
  expect(await row1.innerText()).toContain(`หลักฐาน: ${EVIDENCE}`);
  expect(await row1.innerText()).toContain(`รอบ มี.ค. ${FY}`);
  expect(await row1.getByText('เลยกำหนด').count()).toBe(0);
  expect(await row2.innerText()).toContain('ยังไม่รายงาน');
  await page.screenshot({ path: path.join(SHOTS, 'integrity-plan.png'), fullPage: true });

  // The 6-month report, when the documents route is there.
  if (await routeExists('post', '/integrity/documents', token)) {
    await page.getByTestId('integrity-document-half').click();
    const result = page.getByTestId('integrity-document-result');
    await result.getByRole('status').waitFor({ timeout: 120000 });
    expect(await result.innerText()).toContain('รายงานรอบ 6 เดือน');
    const href = await result.getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/admin\/content-manager\/collection-types\/api::report\.report\//);
    const documentId = href.split('/').pop();
    const report = await strapi.db
      .query('api::report.report')
      .findOne({ where: { documentId }, populate: { unit: true } });
    expect(report.kind).toBe('integrity_measures_6m');
    expect(report.unit.code).toBe('ITG');
    await result.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'integrity-documents.png') });
  }

  // The organisation at a glance.
  await page.getByRole('tab', { name: 'ภาพรวมทั้งองค์กร' }).click();
  const unitTable = page.locator('[data-testid="integrity-rollup-unit"][data-unit="ITG"]');
  await unitTable.waitFor({ timeout: 60000 });
  const rollup = await unitTable.innerText();
  expect(rollup).toContain('สำนักงานทดสอบมาตรการ');
  expect(rollup).toContain(ISSUE);
  expect(
    formatViolations(await axeViolations(page, { include: '[data-testid="integrity-page"]' })),
  ).toEqual([]);
  expect(latinLines((await page.evaluate(measurePage)).lines)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'integrity-overview.png'), fullPage: true });

  expect(watch.errors).toEqual([]);
}, 300000);

test('a monitor reads the plan and the roll-up but is offered no action', async () => {
  const { page, watch } = await session(MONITOR);
  await page.goto(`${BASE}/admin/integrity-measures?unit=ITG`);
  await dismissOverlays(page);
  const row1 = page.locator(`[data-step-key="${KEY1}"]`);
  await row1.waitFor({ timeout: 60000 });
  expect(await page.getByTestId('integrity-plan-table').innerText()).toContain(STEP1);
  await page.getByTestId('integrity-scores').waitFor();
  expect(await page.getByRole('button', { name: /รายงานความก้าวหน้า/ }).count()).toBe(0);
  expect(await page.getByTestId('integrity-from-scores').count()).toBe(0);
  expect(await page.getByTestId('integrity-documents-section').count()).toBe(0);
  expect(await page.getByRole('button', { name: 'แก้ไขในตาราง' }).count()).toBe(0);
  await page.getByRole('tab', { name: 'ภาพรวมทั้งองค์กร' }).click();
  await page.locator('[data-testid="integrity-rollup-unit"][data-unit="ITG"]').waitFor();
  expect(latinLines((await page.evaluate(measurePage)).lines)).toEqual([]);
  expect(watch.errors).toEqual([]);
}, 180000);

test('the editor edits the plan in the table: steps keep their keys and progress, the rules hold', async () => {
  const { page, watch } = await session();
  const draftOf = () =>
    strapi.db.query('api::plan.plan').findOne({
      where: { documentId: plan.documentId, publishedAt: { $null: true } },
      populate: { measures: { populate: { steps: true } } },
    });
  const before = await draftOf();
  await page.goto(`${BASE}/admin/integrity-measures?unit=ITG`);
  await dismissOverlays(page);
  await page.locator(`[data-step-key="${KEY1}"]`).waitFor({ timeout: 60000 });
  await page.getByRole('button', { name: 'แก้ไขในตาราง' }).click();
  const editor = page.getByTestId('integrity-plan-editor');
  await editor.waitFor();
  expect(await editor.getByLabel('ประเด็น แถวที่ 1', { exact: true }).inputValue()).toBe(ISSUE);
  expect(await editor.getByLabel('ขั้นตอนที่ 1.1', { exact: true }).inputValue()).toBe(STEP1);
  expect(await editor.getByLabel('ผู้รับผิดชอบ ขั้นตอนที่ 1.1', { exact: true }).inputValue()).toBe(
    'กลุ่มอำนวยการ',
  );
  // Step 1.1 has a progress report: neither it nor its measure can be deleted here.
  const steps = editor.getByTestId('integrity-editor-step');
  expect(await steps.nth(0).getByRole('button', { name: 'ลบขั้นตอน' }).isDisabled()).toBe(true);
  expect(await steps.nth(0).innerText()).toContain('จึงลบไม่ได้');
  expect(await steps.nth(1).getByRole('button', { name: 'ลบขั้นตอน' }).isDisabled()).toBe(false);
  const firstRow = editor.getByTestId('integrity-editor-row').nth(0);
  expect(await firstRow.getByRole('button', { name: 'ลบ', exact: true }).isDisabled()).toBe(true);

  // Step 1.2 reworded, a step 1.3 added with its months the wrong way round: the plan rules
  // refuse it on the server, the Thai message shows, nothing is written.
  await editor.getByLabel('ขั้นตอนที่ 1.2', { exact: true }).fill(STEP2_NEW);
  await editor.getByRole('button', { name: 'เพิ่มขั้นตอน' }).click();
  await editor.getByLabel('ขั้นตอนที่ 1.3', { exact: true }).fill(STEP3);
  await choose(editor, page, 'เดือนเริ่ม ขั้นตอนที่ 1.3', `ก.ย. ${FY}`);
  await choose(editor, page, 'เดือนสิ้นสุด ขั้นตอนที่ 1.3', `ก.ค. ${FY}`);
  // A second measure, its step still empty: refused in the page, naming the row.
  await editor.getByRole('button', { name: 'เพิ่มมาตรการ' }).click();
  await editor.getByLabel('ประเด็น แถวที่ 2', { exact: true }).fill('การป้องกันการทุจริต');
  await editor.getByLabel('มาตรการ แถวที่ 2', { exact: true }).fill(MEASURE2);
  expect(
    formatViolations(
      await axeViolations(page, { include: '[data-testid="integrity-plan-editor"]' }),
    ),
  ).toEqual([]);
  expect(latinLines((await page.evaluate(measurePage)).lines)).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'integrity-plan-editor.png'), fullPage: true });
  await editor.getByRole('button', { name: 'บันทึกแผน' }).click();
  const alert = editor.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toContain('แถวที่ 2');
  await editor.getByLabel('ขั้นตอนที่ 2.1', { exact: true }).fill('จัดอบรมบุคลากร');
  await editor.getByRole('button', { name: 'บันทึกแผน' }).click();
  await alert.getByText('อยู่หลังเดือนสิ้นสุด').waitFor({ timeout: 20000 });
  expect(await alert.innerText()).toMatch(/^[^/]*$/); // the Thai half only
  expect(await draftOf()).toEqual(before);
  watch.errors.splice(
    0,
    watch.errors.length,
    ...watch.errors.filter((e) => !/status of 400/.test(e)),
  );

  // Months put right: saved, the table is back with the new rows.
  await choose(editor, page, 'เดือนเริ่ม ขั้นตอนที่ 1.3', `ก.ค. ${FY}`);
  await choose(editor, page, 'เดือนสิ้นสุด ขั้นตอนที่ 1.3', `ก.ย. ${FY}`);
  await editor.getByRole('button', { name: 'บันทึกแผน' }).click();
  await editor.waitFor({ state: 'detached', timeout: 20000 });
  await page.getByText('บันทึกแผนมาตรการแล้ว (2 มาตรการ)').waitFor();
  const table = await page.getByTestId('integrity-plan-table').innerText();
  for (const t of [STEP1, STEP2_NEW, STEP3, MEASURE2, 'จัดอบรมบุคลากร'])
    expect([t, table.includes(t)]).toEqual([t, true]);
  expect(table).not.toContain(STEP2);

  const after = await draftOf();
  expect(after.measures).toHaveLength(2);
  const [m1, m2] = after.measures;
  expect(m1).toMatchObject({ issue: ISSUE, measure: MEASURE, owner: 'ทุกกลุ่มงาน', issueNo: 1 });
  expect(m1.steps.map((x) => x.key).slice(0, 2)).toEqual([KEY1, KEY2]);
  expect(m1.steps.map((x) => x.text)).toEqual([STEP1, STEP2_NEW, STEP3]);
  expect(m1.steps[0]).toMatchObject({ startMonth: 'oct', endMonth: 'nov', owner: 'กลุ่มอำนวยการ' });
  expect(m1.steps[2]).toMatchObject({ startMonth: 'jul', endMonth: 'sep' });
  expect(m1.steps[2].key).toMatch(/^[a-z0-9]{6,40}$/);
  expect([KEY1, KEY2]).not.toContain(m1.steps[2].key);
  expect(m2).toMatchObject({ issueNo: 2, issue: 'การป้องกันการทุจริต', measure: MEASURE2 });
  expect(m2.steps.map((x) => x.text)).toEqual(['จัดอบรมบุคลากร']);
  // Step 1 kept its key, so it kept its progress report.
  await page
    .locator(`[data-step-key="${KEY1}"]`)
    .getByText('ดำเนินการแล้วเสร็จ · 100%')
    .waitFor({ timeout: 20000 });
  expect(watch.errors).toEqual([]);
}, 240000);

test('a server without the integrity routes: each section says so in Thai, nothing breaks', async () => {
  const { page, watch } = await session();
  // Strapi's answer to a route it does not have.
  await page.route(/\/integrity\//, (route) =>
    route.fulfill({
      status: 404,
      contentType: 'application/json',
      body: JSON.stringify({
        data: null,
        error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} },
      }),
    }),
  );
  await page.goto(`${BASE}/admin/integrity-measures`);
  await dismissOverlays(page);
  await page.getByTestId('integrity-scores-unavailable').waitFor({ timeout: 60000 });
  await page.getByTestId('integrity-plan-unavailable').waitFor();
  for (const id of ['integrity-scores-unavailable', 'integrity-plan-unavailable'])
    expect(await page.getByTestId(id).innerText()).toBe('ส่วนนี้ยังไม่พร้อมใช้งานในระบบ');
  expect(await page.getByRole('button', { name: /รายงานความก้าวหน้า/ }).count()).toBe(0);
  await page.getByRole('tab', { name: 'ภาพรวมทั้งองค์กร' }).click();
  await page.getByTestId('integrity-rollup-unavailable').waitFor();
  expect(latinLines((await page.evaluate(measurePage)).lines)).toEqual([]);
  // Only the browser's own lines about the refused requests; nothing from the page's code.
  expect(watch.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
}, 180000);

test('the editor picks the unit without a plan and drafts it from the low indicators', async () => {
  const { page, watch } = await session();
  await page.goto(`${BASE}/admin/integrity-measures`);
  await dismissOverlays(page);
  await page.getByTestId('integrity-plan-table').waitFor({ timeout: 60000 });
  await choose(page, page, 'หน่วยงาน', 'ITN สำนักงานที่ยังไม่มีแผน');
  await page.getByTestId('integrity-no-plan').waitFor({ timeout: 60000 });
  const create = page.getByTestId('integrity-from-scores');
  await create.waitFor();
  expect(await page.getByTestId('integrity-documents-section').count()).toBe(0);
  await create.click();
  const table = page.getByTestId('integrity-plan-table');
  await table.waitFor({ timeout: 60000 });
  expect(await table.innerText()).toContain('การเปิดเผยข้อมูล');
  await page.getByText('สร้างร่างแผนมาตรการแล้ว (1 ประเด็น)').waitFor();
  // The button is gone once the unit has its plan.
  expect(await page.getByTestId('integrity-from-scores').count()).toBe(0);
  const plans = await strapi.db.query('api::plan.plan').findMany({
    where: { kind: 'integrity_measures', fiscalYear: FY, unit: { code: 'ITN' } },
    populate: { measures: true },
  });
  expect(plans.length).toBeGreaterThan(0);
  expect(plans[0].measures.map((m) => m.indicatorCode)).toEqual(['9']);
  expect(watch.errors).toEqual([]);
}, 180000);
