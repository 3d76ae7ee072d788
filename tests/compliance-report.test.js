/**
 * The monthly monitoring report: generated for a past month as it stood at the month's end,
 * stored, downloaded as PDF (Thai text extracted back with pdf.js, tests/helpers/pdf-text.js), XLSX and CSV; the head's
 * acknowledgement on the row and in the audit chain (once); the cron task for the previous
 * month with e-mail to approvers and central monitors through a local SMTP server; the ITA
 * submission export scoped to the caller's units.
 */
const { pdfText } = require('./helpers/pdf-text');
const request = require('supertest');
const ExcelJS = require('exceljs');
const { SMTPServer } = require('smtp-server');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { createEntry, itemIds } = require('./helpers/delivery');

const PASSWORD = 'Test1234!';
const SMTP_PORT = 23000 + (process.pid % 20000);
const PERIOD = '2026-03';
const LONG_TITLE =
  'การขับเคลื่อนนโยบาย No Gift Policy จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ';
const mails = [];
let smtp;
let strapi;
const tokens = {};
const api = () => request(strapi.server.httpServer);
const get = (p, who = 'admin') => api().get(p).set('Authorization', `Bearer ${tokens[who]}`);
const post = (p, body = {}, who = 'admin') =>
  api().post(p).set('Authorization', `Bearer ${tokens[who]}`).send(body);
const binary = (res, cb) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Publishes an entry and moves its publication to `at` (as if published then). */
const publishedAt = async (uid, documentId, at) =>
  strapi.db.query(uid).updateMany({
    where: { documentId, publishedAt: { $notNull: true } },
    data: { publishedAt: at },
  });

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).sort(), raw });
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));
  strapi = await setupStrapi({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(SMTP_PORT),
    EMAIL_FROM: 'ita@example.org',
    COMPLIANCE_SCHEDULER: 'false',
  });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const eng = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    group: 'faculty',
    websiteUrl: 'https://eng.example.ac.th/',
  });
  await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์', group: 'faculty' });
  const unit = eng.documentId;
  const profile = 'api::unit-profile.unit-profile';
  // O1 published in February (complete in March, not "published this month").
  const o1 = await createEntry(
    strapi,
    profile,
    { title: 'โครงสร้างองค์กร', unit },
    { items: ['O1'] },
  );
  await publishedAt(profile, o1.documentId, '2026-02-10T03:00:00.000Z');
  // O2 published in March, Bangkok time (31 March 23:30 Bangkok = 16:30 UTC).
  const o2 = await createEntry(strapi, profile, { title: 'ผู้บริหารคณะ', unit }, { items: ['O2'] });
  await publishedAt(profile, o2.documentId, '2026-03-31T16:30:00.000Z');
  // O3 published in April: as of the end of March it was not there (overdue).
  const o3 = await createEntry(
    strapi,
    profile,
    { title: 'ช่องทางติดต่อ', unit },
    { items: ['O3'] },
  );
  await publishedAt(profile, o3.documentId, '2026-04-02T03:00:00.000Z');
  // O20 ("None") published in March: declared none.
  const o20 = await createEntry(
    strapi,
    'api::report.report',
    {
      title: 'ไม่มีการรับของขวัญ',
      kind: 'complaint_statistics',
      fiscalYear: 2569,
      unit,
      isNone: true,
      noneText: 'ไม่มี',
    },
    { items: ['O20'] },
  );
  await publishedAt('api::report.report', o20.documentId, '2026-03-05T03:00:00.000Z');

  // Who is responsible for O3 in ENG.
  const [o3Item] = await itemIds(strapi, 2569, ['O3']);
  const item = await strapi.db
    .query('api::ita-item.ita-item')
    .findOne({ where: { documentId: o3Item } });
  await strapi.db.query('api::item-responsibility.item-responsibility').create({
    data: {
      unit: eng.id,
      item: item.id,
      primaryEmail: 'web@eng.example.ac.th',
      secondaryEmail: 'it@eng.example.ac.th',
    },
  });

  for (const [who, unitCode, role] of [
    ['editorEng', 'ENG', 'editor'],
    ['approverEng', 'ENG', 'approver'],
    ['approverSci', 'SCI', 'approver'],
    ['monitor', null, 'monitor'],
  ]) {
    const email = `${who.toLowerCase()}@report.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unitCode ? { unit: unitCode } : {}),
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(
    request,
    strapi,
    await createSuperAdmin(strapi, 'head@report.example.org'),
  );
});
afterAll(async () => {
  await teardownStrapi();
  delete process.env.SMTP_HOST;
  delete process.env.COMPLIANCE_SCHEDULER;
  await new Promise((resolve) => smtp.close(resolve));
});

let report;

test('POST /compliance/reports/:period/generate stores the report as of the end of the month', async () => {
  const res = await post(`/compliance/reports/${PERIOD}/generate`);
  expect(res.status).toBe(201);
  report = res.body.data;
  expect(report).toMatchObject({ period: PERIOD, fiscalYear: 2569 });
  expect(report.summary).toMatchObject({ asOf: '2026-03-31', partial: false, fiscalYear: 2569 });
  const row = (unitCode, item) => report.rows.find((r) => r.unit === unitCode && r.item === item);
  expect(row('ENG', 'O1')).toMatchObject({
    status: 'complete',
    statusTh: 'ครบถ้วน',
    publishedThisMonth: [],
  });
  expect(row('ENG', 'O2')).toMatchObject({ status: 'complete', title: 'ข้อมูลผู้บริหาร' });
  expect(row('ENG', 'O2').publishedThisMonth.map((e) => e.title)).toEqual(['ผู้บริหารคณะ']);
  expect(row('ENG', 'O3')).toMatchObject({
    status: 'overdue',
    statusTh: 'เกินกำหนด',
    dueDate: '2025-10-31',
    dueDateTh: '31 ต.ค. 2568',
    primaryEmail: 'web@eng.example.ac.th',
    secondaryEmail: 'it@eng.example.ac.th',
  });
  expect(row('ENG', 'O20')).toMatchObject({ status: 'declared_none', statusTh: 'ประกาศว่าไม่มี' });
  // O12 (previous year's report) is due on 31 March: not yet overdue that day.
  expect(row('ENG', 'O12')).toMatchObject({ status: 'missing', dueDateTh: '31 มี.ค. 2569' });
  const eng = report.summary.units.find((u) => u.unit === 'ENG');
  expect(eng).toMatchObject({ nameTh: 'คณะวิศวกรรมศาสตร์', publishedThisMonth: 2 });
  expect(eng.counts).toMatchObject({ complete: 2, declared_none: 1 });
  expect(report.summary.overall).toMatchObject({ units: 2, publishedThisMonth: 2 });

  const stored = await strapi.db
    .query('api::compliance-report.compliance-report')
    .findOne({ where: { period: PERIOD } });
  expect(stored.summary.overall.total).toBe(report.summary.overall.total);
  expect((await get(`/compliance/reports/${PERIOD}`)).body.data.rows).toHaveLength(
    report.rows.length,
  );
  const list = await get('/compliance/reports?fiscalYear=2569');
  expect(list.body.data.map((r) => r.period)).toEqual([PERIOD]);
  expect(list.body.data[0].overall.units).toBe(2);
});

test('periods: malformed or future → 400, not generated → 404', async () => {
  for (const bad of ['2026-13', '26-03', 'march', '2099-01'])
    expect((await post(`/compliance/reports/${bad}/generate`)).status).toBe(400);
  expect((await get('/compliance/reports/2026-02/pdf')).status).toBe(404);
  expect((await get('/compliance/reports/2026-02')).status).toBe(404);
  expect((await get('/compliance/reports?fiscalYear=2026')).status).toBe(400);
});

test('the PDF has the Thai names, titles, statuses and dates as text, nothing beyond the margins', async () => {
  const res = await get(`/compliance/reports/${PERIOD}/pdf`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe('attachment; filename="ita-report-2026-03.pdf"');
  const { text, items } = await pdfText(res.body);
  for (const s of [
    'รายงานผลการติดตามการเปิดเผยข้อมูลสาธารณะ (ITA)',
    'มีนาคม 2569',
    'คณะวิศวกรรมศาสตร์',
    'คณะวิทยาศาสตร์',
    'ข้อมูลผู้บริหาร',
    'โครงสร้างและอำนาจหน้าที่',
    'ข้อมูลการติดต่อและช่องทางการสอบถาม',
    'ครบถ้วน',
    'เกินกำหนด',
    'ยังไม่ถึงกำหนด',
    'ประกาศว่าไม่มี',
    '31 ต.ค. 2568',
    '31 มี.ค. 2569',
    'web@eng.example.ac.th',
    'ผู้บริหารคณะ',
  ])
    expect([s, text.includes(s)]).toEqual([s, true]);
  // The long O20 title wraps inside its cell: its lines, joined, give the title back.
  const joined = text.replace(/\s+/g, '');
  expect(joined).toContain(LONG_TITLE.replace(/\s+/g, '').slice(0, 40));
  // Every word lies within the page's margins (A4 landscape 842 × 595, 36 pt margins).
  // Thai shaping comes back readable: tone marks over upper vowels, SARA AM after a tone mark.
  for (const s of ['ผู้รับผิดชอบ', 'ที่', 'อำนาจ', 'ประจำเดือน'])
    expect([s, text.includes(s)]).toEqual([s, true]);
  expect(items.length).toBeGreaterThan(100);
  for (const { str, x0, x1 } of items) {
    expect([str, x0 >= 35.9]).toEqual([str, true]);
    expect([str, x1 <= 842 - 35.9]).toEqual([str, true]);
  }
});

test('?digits=thai sets figures in Thai digits; codes and addresses keep theirs; a bad value is a 400', async () => {
  const res = await get(`/compliance/reports/${PERIOD}/pdf?digits=thai`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  const { text } = await pdfText(res.body);
  for (const s of ['มีนาคม ๒๕๖๙', '๓๑ ต.ค. ๒๕๖๘', 'web@eng.example.ac.th', 'คณะวิศวกรรมศาสตร์'])
    expect([s, text.includes(s)]).toEqual([s, true]);
  expect(text).not.toContain('มีนาคม 2569');
  expect((await get(`/compliance/reports/${PERIOD}/pdf?digits=roman`)).status).toBe(400);
});

test('XLSX: a summary sheet and every cell; CSV: the same rows', async () => {
  const res = await get(`/compliance/reports/${PERIOD}/xlsx`).buffer(true).parse(binary);
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toContain('ita-report-2026-03.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['สรุป', 'รายการทั้งหมด', 'เรื่องจากประชาชน']);
  const values = (ws) => {
    const out = [];
    ws.eachRow((r) => out.push(r.values.slice(1)));
    return out;
  };
  const summary = values(wb.getWorksheet('สรุป'));
  expect(summary.find((r) => r[0] === 'ENG')).toEqual(
    expect.arrayContaining(['ENG', 'คณะวิศวกรรมศาสตร์']),
  );
  const cells = values(wb.getWorksheet('รายการทั้งหมด'));
  expect(cells).toHaveLength(report.rows.length + 1);
  const o3 = cells.find((r) => r[0] === 'ENG' && r[2] === 'O3');
  expect(o3.slice(0, 11)).toEqual(
    [
      'ENG',
      'คณะวิศวกรรมศาสตร์',
      'O3',
      'ข้อมูลการติดต่อและช่องทางการสอบถาม',
      'เกินกำหนด',
      'overdue',
      '2025-10-31',
      '31 ต.ค. 2568',
      undefined,
      'web@eng.example.ac.th',
      'it@eng.example.ac.th',
    ].map((v) => (v === undefined ? o3[8] : v)),
  );
  const o2 = cells.find((r) => r[0] === 'ENG' && r[2] === 'O2');
  expect(o2[11]).toBe('ผู้บริหารคณะ (31 มี.ค. 2569)');

  const csv = await get(`/compliance/reports/${PERIOD}/csv`);
  expect(csv.status).toBe(200);
  expect(csv.headers['content-disposition']).toContain('ita-report-2026-03.csv');
  expect(csv.text.startsWith('\uFEFFรหัสหน่วยงาน,หน่วยงาน,ข้อ,')).toBe(true);
  const lines = csv.text.trimEnd().split('\r\n');
  // The header, every cell, and last the audit chain's head when the report was generated.
  expect(lines).toHaveLength(report.rows.length + 2);
  expect(lines[lines.length - 1]).toMatch(/^audit chain head: #\d+ [0-9a-f]{64} /);
  expect(lines).toContain(
    'ENG,คณะวิศวกรรมศาสตร์,O3,ข้อมูลการติดต่อและช่องทางการสอบถาม,เกินกำหนด,overdue,2025-10-31,31 ต.ค. 2568,,web@eng.example.ac.th,it@eng.example.ac.th,',
  );
  expect(lines.some((l) => l.startsWith('SCI,คณะวิทยาศาสตร์,O1,') && l.includes(',—,—,'))).toBe(
    true,
  );
});

test('acknowledgement: on the row and as the last audit event; the chain verifies; twice → 409', async () => {
  const { verifyChain } = require(`${appDir}/dist/src/workflow/audit`);
  const res = await post(`/compliance/reports/${PERIOD}/acknowledge`, {
    note: 'รับทราบ ให้เร่งรัด O3',
  });
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    period: PERIOD,
    acknowledgedBy: 'head@report.example.org',
    acknowledgementNote: 'รับทราบ ให้เร่งรัด O3',
  });
  const row = await strapi.db
    .query('api::compliance-report.compliance-report')
    .findOne({ where: { period: PERIOD } });
  expect(row.acknowledgedAt).toBeTruthy();
  expect(row.acknowledgementNote).toBe('รับทราบ ให้เร่งรัด O3');
  const last = await strapi.db
    .query('api::workflow-event.workflow-event')
    .findOne({ orderBy: { id: 'desc' } });
  expect(last).toMatchObject({
    contentType: 'api::compliance-report.compliance-report',
    entryDocumentId: row.documentId,
    action: 'acknowledge',
    fromState: 'generated',
    toState: 'acknowledged',
    actorEmail: 'head@report.example.org',
    comment: 'รับทราบ ให้เร่งรัด O3',
  });
  expect(last.contentHash).toMatch(/^[0-9a-f]{64}$/);
  expect(await verifyChain(strapi)).toMatchObject({ ok: true });

  const again = await post(`/compliance/reports/${PERIOD}/acknowledge`, {}, 'monitor');
  expect(again.status).toBe(409);
  // An acknowledged report is final.
  expect((await post(`/compliance/reports/${PERIOD}/generate`)).status).toBe(409);
  const list = await get('/compliance/reports', 'monitor');
  expect(list.body.data[0]).toMatchObject({
    period: PERIOD,
    acknowledgedBy: 'head@report.example.org',
  });
});

test('unit staff: 403 on organisation-wide reports', async () => {
  for (const [method, p] of [
    ['get', '/compliance/reports'],
    ['get', `/compliance/reports/${PERIOD}`],
    ['get', `/compliance/reports/${PERIOD}/pdf`],
    ['get', `/compliance/reports/${PERIOD}/xlsx`],
    ['get', `/compliance/reports/${PERIOD}/csv`],
    ['post', '/compliance/reports/2026-04/generate'],
    ['post', '/compliance/reports/2026-04/acknowledge'],
  ]) {
    const res = await api()[method](p).set('Authorization', `Bearer ${tokens.editorEng}`);
    expect([p, res.status]).toEqual([p, 403]);
  }
  expect((await api().get('/compliance/reports')).status).toBe(401);
});

test('ITA submission export: own unit 200 (CSV and XLSX), another unit 403, unknown 404', async () => {
  const csv = await get('/compliance/submission/ENG/2569/csv', 'editorEng');
  expect(csv.status).toBe(200);
  expect(csv.headers['content-disposition']).toBe(
    'attachment; filename="ita-submission-ENG-2569.csv"',
  );
  const lines = csv.text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('\uFEFFข้อ,รายการข้อมูล,URL,คำอธิบาย');
  expect(lines).toContain(
    'O2,ข้อมูลผู้บริหาร,https://eng.example.ac.th/ita/2569#O2,ครบถ้วน: ผู้บริหารคณะ',
  );
  expect(lines).toContain(
    'O3,ข้อมูลการติดต่อและช่องทางการสอบถาม,https://eng.example.ac.th/ita/2569#O3,ครบถ้วน: ช่องทางติดต่อ',
  );
  expect(lines.find((l) => l.startsWith('O4,'))).toMatch(/,เกินกำหนด$/);
  const xlsx = await get('/compliance/submission/eng/2569/xlsx', 'editorEng')
    .buffer(true)
    .parse(binary);
  expect(xlsx.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body);
  const ws = wb.worksheets[0];
  expect(ws.getRow(1).values.slice(1)).toEqual(['ข้อ', 'รายการข้อมูล', 'URL', 'คำอธิบาย']);
  expect(ws.rowCount).toBe(lines.length);
  const o2 = [];
  ws.eachRow((r) => {
    if (r.getCell(1).value === 'O2') o2.push(r);
  });
  expect(o2[0].getCell(3).text).toBe('https://eng.example.ac.th/ita/2569#O2');
  // SCI has no website: no URL.
  const sci = await get('/compliance/submission/SCI/2569/csv', 'monitor');
  expect(sci.status).toBe(200);
  expect(sci.text).toContain('\r\nO1,โครงสร้างและอำนาจหน้าที่,,เกินกำหนด\r\n');

  expect((await get('/compliance/submission/SCI/2569/csv', 'editorEng')).status).toBe(403);
  expect((await get('/compliance/submission/NOPE/2569/csv')).status).toBe(404);
  expect((await get('/compliance/submission/ENG/2026/csv')).status).toBe(400);
  expect((await get('/compliance/submission/ENG/2569/pdf')).status).toBe(404);
});

test('the 1st-of-month task reports on the previous month and e-mails approvers and monitors', async () => {
  const { monthlyReportTask, REPORT_CRON_RULE, REPORT_CRON_TZ } = require(
    `${appDir}/dist/src/compliance/reports`,
  );
  expect([REPORT_CRON_RULE, REPORT_CRON_TZ]).toEqual(['0 0 7 1 * *', 'Asia/Bangkok']);
  // 1 May 2026, 07:00 in Bangkok.
  const result = await monthlyReportTask(strapi, new Date('2026-05-01T00:00:00.000Z'));
  expect(result).toMatchObject({ period: '2026-04', generated: true });
  const row = await strapi.db
    .query('api::compliance-report.compliance-report')
    .findOne({ where: { period: '2026-04' } });
  expect(row).toMatchObject({ fiscalYear: 2569 });
  expect(row.summary).toMatchObject({ asOf: '2026-04-30', partial: false });
  const o3 = row.summary.rows.find((r) => r.unit === 'ENG' && r.item === 'O3');
  expect(o3).toMatchObject({ status: 'complete' });
  expect(o3.publishedThisMonth.map((e) => e.title)).toEqual(['ช่องทางติดต่อ']);

  const expected = [
    'approvereng@report.example.org',
    'approversci@report.example.org',
    'monitor@report.example.org',
  ];
  expect(result.mailed).toEqual(expected);
  for (let i = 0; i < 100 && mails.length < expected.length; i += 1)
    await new Promise((r) => setTimeout(r, 50));
  expect(mails.map((m) => m.to[0]).sort()).toEqual(expected);
  const raw = mails[0].raw;
  expect(raw).toMatch(/filename="?ita-report-2026-04\.pdf"?/);
  expect(raw).toContain('Content-Type: application/pdf');

  // The month of an acknowledged report is left as it is.
  const skipped = await monthlyReportTask(strapi, new Date('2026-04-01T00:00:00.000Z'));
  expect(skipped).toEqual({ period: PERIOD, generated: false, reason: 'acknowledged' });
});
