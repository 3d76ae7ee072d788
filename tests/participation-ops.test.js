/**
 * Issue 13, the units' side of the public's requests (docs/participation.md): figures per unit on
 * the compliance dashboard and in the monthly report, reminders to assignees, the retention purge,
 * answered questions becoming draft Q&A entries. A real Strapi on a real database, a real SMTP
 * server.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { pdfText } = require('./helpers/pdf-text');
const ExcelJS = require('exceljs');
const { SMTPServer } = require('smtp-server');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, adminToken, createSuperAdmin } = require('./helpers/factories');

const REQUEST_UID = 'api::participation-request.participation-request';
const COMPLAINT_UID = 'api::participation-complaint.participation-complaint';
const QA_UID = 'api::qa.qa';
const PASSWORD = 'Prongsai123';
const SMTP_PORT = 24000 + (process.pid % 20000);
const FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-participation-ops-'));
const DAY = 24 * 60 * 60 * 1000;

let strapi;
let smtp;
const mails = [];
let A;
let B;
const users = {};

const http = () => request(strapi.server.httpServer);
const as = (label) => (req) => req.set('Authorization', `Bearer ${users[label].token}`);
const dist = (p) => require(`${appDir}/dist/src/${p}`);
const unitRow = (u) => ({ id: u.id, code: u.code, nameTh: u.nameTh, nameEn: u.nameEn ?? null });

const waitForMail = async (n) => {
  for (let i = 0; i < 100 && mails.length < n; i += 1) await new Promise((r) => setTimeout(r, 50));
  return mails;
};
const decode = (raw) =>
  raw
    .replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8'))
    .concat(
      [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/gi)]
        .map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'))
        .join('\n'),
    )
    .concat(
      /quoted-printable/i.test(raw)
        ? Buffer.from(
            raw
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : '',
    );

/** A request row by the service, then its dates and status set as a test needs. */
const makeRequest = async (unit, kind, data = {}) => {
  const service = dist('participation/service');
  const code =
    kind === 'question'
      ? await service.createQuestion(strapi, unitRow(unit), {
          question: data.question ?? 'ขอทราบเวลาทำการ',
          name: 'นายสมชาย ใจดี',
          email: 'somchai@public.example.org',
          publishConsent: data.publishConsent ?? false,
        })
      : await service.createCorrection(strapi, unitRow(unit), {
          message: 'ข้อมูลไม่เป็นปัจจุบัน',
          email: 'reporter@public.example.org',
        });
  const { question, publishConsent, ...rest } = data;
  void question;
  void publishConsent;
  if (Object.keys(rest).length)
    await strapi.db.query(REQUEST_UID).update({ where: { trackingCode: code }, data: rest });
  return code;
};

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
    PARTICIPATION_FILES_DIR: FILES_DIR,
  });
  A = await createUnit(strapi, { code: 'OPA', nameTh: 'หน่วยงานโอพีเอ' });
  B = await createUnit(strapi, { code: 'OPB', nameTh: 'หน่วยงานโอพีบี' });
  const provisioning = dist('units/provisioning');
  const people = [
    ['editorA', 'editor', 'OPA'],
    ['approverA', 'approver', 'OPA'],
    ['publisherA', 'publisher', 'OPA'],
    ['editorB', 'editor', 'OPB'],
    ['monitor', 'monitor', undefined],
  ];
  for (const [label, role, unit] of people) {
    const email = `${label.toLowerCase()}@ops.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: label,
      ...(unit ? { unit } : {}),
      role,
    });
    users[label] = {
      email,
      token: await adminToken(request, strapi, { email, password: PASSWORD }),
    };
  }
  const admin = await createSuperAdmin(strapi, 'root@ops.example.org');
  users.superAdmin = { email: admin.email, token: await adminToken(request, strapi, admin) };
});

afterAll(async () => {
  await teardownStrapi();
  delete process.env.SMTP_HOST;
  await new Promise((resolve) => smtp.close(resolve));
  fs.rmSync(FILES_DIR, { recursive: true, force: true });
});

describe('figures per unit: dashboard and monthly report', () => {
  const at = (iso) => new Date(iso).toISOString();
  beforeAll(async () => {
    // Fiscal year 2570 (Oct 2026 – Sep 2027). Unit A: two questions answered after 2 and 4
    // days, a correction still open past its due date, a rejected correction; unit B: one
    // question answered after 1 day.
    await makeRequest(A, 'question', {
      receivedAt: at('2026-10-01T03:00:00Z'),
      dueAt: at('2026-10-16T03:00:00Z'),
      answeredAt: at('2026-10-03T03:00:00Z'),
      closedAt: at('2026-10-03T03:00:00Z'),
      status: 'resolved',
      fiscalYear: 2570,
    });
    await makeRequest(A, 'question', {
      receivedAt: at('2026-10-10T03:00:00Z'),
      dueAt: at('2026-10-25T03:00:00Z'),
      answeredAt: at('2026-10-14T03:00:00Z'),
      status: 'answered',
      fiscalYear: 2570,
    });
    await makeRequest(A, 'correction', {
      receivedAt: at('2026-10-20T03:00:00Z'),
      dueAt: at('2026-11-04T03:00:00Z'),
      status: 'received',
      fiscalYear: 2570,
    });
    await makeRequest(A, 'correction', {
      receivedAt: at('2026-10-25T03:00:00Z'),
      dueAt: at('2026-11-09T03:00:00Z'),
      closedAt: at('2026-10-26T03:00:00Z'),
      status: 'rejected',
      fiscalYear: 2570,
    });
    await makeRequest(B, 'question', {
      receivedAt: at('2026-10-05T03:00:00Z'),
      dueAt: at('2026-10-20T03:00:00Z'),
      answeredAt: at('2026-10-06T03:00:00Z'),
      status: 'answered',
      fiscalYear: 2570,
    });
  });

  test('GET /compliance/participation: received, answered, rejected, open, overdue, median per unit, scoped like the matrix', async () => {
    const mine = await as('editorA')(http().get('/compliance/participation?fiscalYear=2570'));
    expect(mine.status).toBe(200);
    expect(mine.body.data.units.map((u) => u.unit)).toEqual(['OPA']);
    const a = mine.body.data.units[0];
    expect(a).toMatchObject({
      received: 4,
      answered: 2,
      rejected: 1,
      open: 1,
      overdue: 1,
      medianDaysToAnswer: 3,
      correction: { received: 2, answered: 0, overdue: 1 },
      question: { received: 2, answered: 2, overdue: 0, medianDaysToAnswer: 3 },
    });
    expect(JSON.stringify(mine.body)).not.toMatch(/somchai|สมชาย|reporter@/);
    // The monitor sees every unit; unit A's staff never see B's figures.
    const all = await as('monitor')(http().get('/compliance/participation?fiscalYear=2570'));
    const codes = all.body.data.units.map((u) => u.unit);
    expect(codes).toEqual(expect.arrayContaining(['OPA', 'OPB']));
    expect(all.body.data.units.find((u) => u.unit === 'OPB')).toMatchObject({
      received: 1,
      answered: 1,
      medianDaysToAnswer: 1,
    });
    let leaked = 0;
    const attempts = [
      ['editorA', '/compliance/participation?fiscalYear=2570&unit=OPB'],
      ['approverA', '/compliance/participation?fiscalYear=2570&unit=OPB'],
      ['editorB', '/compliance/participation?fiscalYear=2570&unit=OPA'],
      ['editorA', '/compliance/participation?fiscalYear=2570&unit=OPA,OPB'],
    ];
    for (const [who, url] of attempts) {
      const res = await as(who)(http().get(url));
      expect([403, 404]).toContain(res.status);
      if (JSON.stringify(res.body).includes('received')) leaked += 1;
    }
    expect(leaked).toBe(0);
    const b = await as('editorB')(http().get('/compliance/participation?fiscalYear=2570'));
    expect(b.body.data.units.map((u) => u.unit)).toEqual(['OPB']);
    // Wrong-type parameters: 400, never 500.
    for (const q of [
      'fiscalYear=abc',
      'fiscalYear[]=2570',
      'fiscalYear=99999',
      'unit[]=OPA',
      'unit=%3Cscript%3E',
      'fiscalYear[$gt]=1',
    ]) {
      const res = await as('monitor')(http().get(`/compliance/participation?${q}`));
      expect(res.status).toBe(400);
    }
    expect((await http().get('/compliance/participation?fiscalYear=2570')).status).toBe(401);
  });

  test('two queries whatever the number of units', async () => {
    const { participationFigures } = dist('participation/stats');
    const count = async () => {
      let n = 0;
      const on = () => (n += 1);
      strapi.db.connection.on('query', on);
      await participationFigures(strapi, {
        from: new Date('2026-09-30T17:00:00Z'),
        to: new Date('2027-09-30T17:00:00Z'),
        unitIds: null,
      });
      strapi.db.connection.off('query', on);
      return n;
    };
    const before = await count();
    for (let i = 0; i < 6; i += 1) {
      const u = await createUnit(strapi, { code: `OPX${i}` });
      await makeRequest(u, 'question', { fiscalYear: 2570 });
    }
    expect(await count()).toBe(before);
    expect(before).toBeLessThanOrEqual(3);
  });

  test('the monthly report: a section per unit in the data, the XLSX and the PDF; an old open request is overdue in later months', async () => {
    const { buildReport } = dist('compliance/report/data');
    const { parsePeriod } = dist('compliance/report/period');
    const { reportXlsx } = dist('compliance/report/tables');
    const { renderReportPdf } = dist('compliance/report/pdf');
    const oct = await buildReport(strapi, parsePeriod('2026-10'), { unitIds: [A.id, B.id] });
    const a = oct.participation.units.find((u) => u.unit === 'OPA');
    // At the end of October the open correction (due 4 Nov) is not yet overdue.
    expect(a).toMatchObject({ received: 4, answered: 2, rejected: 1, open: 1, overdue: 0 });
    expect(a.medianDaysToAnswer).toBe(3);
    const nov = await buildReport(strapi, parsePeriod('2026-11'), { unitIds: [A.id, B.id] });
    expect(nov.participation.units.find((u) => u.unit === 'OPA')).toMatchObject({
      received: 0,
      answered: 0,
      open: 1,
      overdue: 1,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await reportXlsx(oct));
    const sheet = wb.getWorksheet('เรื่องจากประชาชน');
    expect(sheet).toBeTruthy();
    const rows = [];
    sheet.eachRow((r) => rows.push(r.values.slice(1)));
    expect(rows[0][0]).toBe('รหัสหน่วยงาน');
    expect(rows.find((r) => r[0] === 'OPA').slice(2, 8)).toEqual([4, 2, 1, 1, 0, 3]);
    expect(rows[rows.length - 1][0]).toBe('รวม');
    const pdf = await renderReportPdf(oct);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await pdfText(pdf);
    expect(text).toMatch(/OPA/);
    expect(text).toContain('เรื่องจากประชาชน');
  });
});

test('requests answered before answeredAt was recorded get it from their closing or last change', async () => {
  const closed = await makeRequest(B, 'question', {
    status: 'resolved',
    closedAt: '2026-10-08T03:00:00.000Z',
    receivedAt: '2026-10-07T03:00:00.000Z',
  });
  const answered = await makeRequest(B, 'question', { status: 'answered' });
  const open = await makeRequest(B, 'question', {});
  await dist('participation/stats').backfillAnsweredAt(strapi);
  const row = (code) => strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: code } });
  expect(new Date((await row(closed)).answeredAt).toISOString()).toBe('2026-10-08T03:00:00.000Z');
  expect((await row(answered)).answeredAt).toBeTruthy();
  expect((await row(open)).answeredAt).toBeNull();
  // Back out of the figures the other tests count.
  await strapi.db
    .query(REQUEST_UID)
    .deleteMany({ where: { trackingCode: { $in: [closed, answered, open] } } });
});

describe('reminders to assignees', () => {
  test('due soon and overdue requests: one e-mail per assignee, once per stage, no reporter data', async () => {
    const { sendParticipationReminders } = dist('participation/reminders');
    const now = new Date();
    const iso = (ms) => new Date(now.getTime() + ms).toISOString();
    const editorA = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: users.editorA.email } });
    const assigned = { status: 'assigned', assigneeId: editorA.id, assigneeEmail: editorA.email };
    // Clear the dashboard's rows so only this test's requests are candidates.
    await strapi.db
      .query(REQUEST_UID)
      .updateMany({ where: {}, data: { lastReminderFor: 'overdue' } });
    const soon = await makeRequest(A, 'question', { ...assigned, dueAt: iso(2 * DAY) });
    const late = await makeRequest(A, 'correction', { ...assigned, dueAt: iso(-DAY) });
    const later = await makeRequest(A, 'question', { ...assigned, dueAt: iso(10 * DAY) });
    const nobody = await makeRequest(A, 'question', { dueAt: iso(-DAY) });
    // Assigned to someone who is not (or no longer) a member of A: no reminder for them.
    const editorB = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: users.editorB.email } });
    const formerMember = await makeRequest(A, 'question', {
      status: 'assigned',
      assigneeId: editorB.id,
      assigneeEmail: editorB.email,
      dueAt: iso(-DAY),
    });
    mails.length = 0;
    const first = await sendParticipationReminders(strapi, now);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0].to).toBe(editorA.email);
    expect(first.sent[0].requests.map((r) => [r.trackingCode, r.stage]).sort()).toEqual(
      [
        [soon, 'due'],
        [late, 'overdue'],
      ].sort(),
    );
    await waitForMail(1);
    expect(mails).toHaveLength(1);
    const body = decode(mails[0].raw);
    expect(body).toContain(soon);
    expect(body).toContain(late);
    expect(body).not.toContain(later);
    expect(body).not.toContain(nobody);
    expect(body).not.toContain(formerMember);
    expect(first.sent.map((m) => m.to)).not.toContain(editorB.email);
    expect(body).not.toMatch(/somchai|สมชาย|reporter@public|ขอทราบเวลาทำการ|ข้อมูลไม่เป็นปัจจุบัน/);
    // The same day again: nothing. Three days later: the "soon" one is overdue, once.
    expect((await sendParticipationReminders(strapi, now)).sent).toHaveLength(0);
    const again = await sendParticipationReminders(strapi, new Date(now.getTime() + 3 * DAY));
    expect(again.sent.flatMap((s) => s.requests.map((r) => [r.trackingCode, r.stage]))).toEqual([
      [soon, 'overdue'],
    ]);
    expect(
      (await sendParticipationReminders(strapi, new Date(now.getTime() + 4 * DAY))).sent,
    ).toHaveLength(0);
  });
});

describe('retention purge', () => {
  test('personal data of expired requests and complaints erased, files deleted, statistics unchanged, younger ones untouched', async () => {
    const service = dist('participation/service');
    const now = Date.now();
    const ago = (days) => new Date(now - days * DAY).toISOString();
    const oldQ = await makeRequest(A, 'question', {
      status: 'resolved',
      receivedAt: ago(420),
      answeredAt: ago(410),
      closedAt: ago(400),
      fiscalYear: 2569,
    });
    const youngQ = await makeRequest(A, 'question', {
      status: 'resolved',
      receivedAt: ago(20),
      answeredAt: ago(10),
      closedAt: ago(10),
    });
    const oldOpen = await makeRequest(A, 'correction', { receivedAt: ago(420), fiscalYear: 2569 });
    // Answered long ago and never closed: an answer is the usual end of a question.
    const oldAnswered = await makeRequest(A, 'question', {
      status: 'answered',
      receivedAt: ago(430),
      answeredAt: ago(420),
      fiscalYear: 2569,
    });
    const complaint = async (daysAgo) => {
      const tmp = path.join(os.tmpdir(), `ops-${Math.random().toString(36).slice(2)}.pdf`);
      fs.writeFileSync(tmp, '%PDF-1.4\n%%EOF\n');
      const code = await service.createComplaint(
        strapi,
        unitRow(A),
        {
          message: 'มีการเรียกรับเงิน',
          category: 'bribery',
          anonymous: false,
          contact: { name: 'ผู้ร้อง', email: 'complainant@public.example.org' },
        },
        [{ filepath: tmp, name: 'evidence.pdf', mime: 'application/pdf', size: 15 }],
      );
      fs.rmSync(tmp);
      await strapi.db.query(COMPLAINT_UID).update({
        where: { trackingCode: code },
        data: { status: 'resolved', closedAt: ago(daysAgo) },
      });
      return code;
    };
    const oldC = await complaint(2000);
    const youngC = await complaint(30);
    const rowC = (code) =>
      strapi.db.query(COMPLAINT_UID).findOne({ where: { trackingCode: code } });
    const rowR = (code) => strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: code } });
    const fileOf = async (code) => path.join(FILES_DIR, (await rowC(code)).attachments[0].stored);
    const oldFile = await fileOf(oldC);
    const youngFile = await fileOf(youngC);
    expect(fs.existsSync(oldFile)).toBe(true);

    const stats = async () => ({
      dashboard: (
        await as('monitor')(http().get('/compliance/participation?fiscalYear=2569&unit=OPA'))
      ).body.data.units,
      complaints: (
        await http().get(
          `/api/participation/OPA/${dist('ita/fiscal-year').fiscalYearOf(new Date())}/complaint-statistics`,
        )
      ).body,
      complaintsOld: (
        await http().get(
          `/api/participation/OPA/${dist('ita/fiscal-year').fiscalYearOf(new Date(now - 2000 * DAY))}/complaint-statistics`,
        )
      ).body,
    });
    const before = await stats();
    expect(before.dashboard[0].received).toBeGreaterThanOrEqual(2);

    // The CLI's dry run counts and changes nothing.
    const { run } = dist('cli/index');
    const logs = [];
    const log = jest.spyOn(console, 'log').mockImplementation((m) => logs.push(String(m)));
    expect(await run(['participation:purge', '--dry-run'], { boot: async () => strapi })).toBe(0);
    expect(logs.join('\n')).toMatch(
      /would erase personal data of 2 request\(s\).*365 days.* and 1 complaint\(s\).*1825 days.*would delete 1 attachment/,
    );
    expect((await rowR(oldQ)).emailEnc).toBeTruthy();
    expect(fs.existsSync(oldFile)).toBe(true);
    const err = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(await run(['participation:purge', '--bogus'], { boot: async () => strapi })).toBe(2);
    expect(await run(['participation:purge', '--dry-run=yes'], { boot: async () => strapi })).toBe(
      2,
    );
    err.mockRestore();

    logs.length = 0;
    expect(await run(['participation:purge'], { boot: async () => strapi })).toBe(0);
    log.mockRestore();
    expect(logs.join('\n')).toMatch(
      /erased personal data of 2 request.*1 complaint.*deleted 1 attachment/,
    );

    const q = await rowR(oldQ);
    expect(q).toMatchObject({
      nameEnc: null,
      emailEnc: null,
      status: 'resolved',
      kind: 'question',
    });
    expect(q.purgedAt).toBeTruthy();
    expect(q.unitRef).toBe(A.id);
    expect(await rowR(oldAnswered)).toMatchObject({
      nameEnc: null,
      emailEnc: null,
      status: 'answered',
    });
    const c = await rowC(oldC);
    expect(c).toMatchObject({
      contactEnc: null,
      attachments: [],
      category: 'bribery',
      status: 'resolved',
    });
    expect(fs.existsSync(oldFile)).toBe(false);
    // Younger ones, and an old request still open, keep everything.
    expect((await rowR(youngQ)).emailEnc).toBeTruthy();
    expect((await rowR(youngQ)).nameEnc).toBeTruthy();
    expect((await rowR(oldOpen)).emailEnc).toBeTruthy();
    expect((await rowC(youngC)).contactEnc).toBeTruthy();
    expect(fs.existsSync(youngFile)).toBe(true);
    // The statistics are the same figures.
    expect(await stats()).toEqual(before);
    // Again: nothing left to do.
    expect((await dist('participation/purge').purgeExpired(strapi)).requests).toBe(0);
  });
});

describe('answered questions become draft Q&A entries', () => {
  test('answer with consent → one draft qa of the unit, no personal data, published only through the workflow, then the Q&A cell is complete', async () => {
    const code = await makeRequest(A, 'question', {
      question: 'ห้องสมุดเปิดวันเสาร์หรือไม่',
      publishConsent: true,
    });
    const noConsent = await makeRequest(A, 'question', { question: 'ไม่ยินยอมเผยแพร่' });
    // Unit B's staff cannot answer it (and learn nothing).
    const foreign = await as('editorB')(http().post(`/participation/requests/${code}/reply`)).send({
      reply: 'x',
    });
    expect(foreign.status).toBe(404);
    const res = await as('editorA')(http().post(`/participation/requests/${code}/reply`)).send({
      reply: 'เปิดวันเสาร์ 9.00–16.00 น.',
    });
    expect(res.status).toBe(200);
    const qaId = res.body.data.qa.documentId;
    expect(qaId).toBeTruthy();
    const draft = await strapi.db.query(QA_UID).findOne({
      where: { documentId: qaId },
      populate: { unit: true, checklistItems: { populate: { checklist: true } } },
    });
    expect(draft).toMatchObject({
      kind: 'faq',
      question: 'ห้องสมุดเปิดวันเสาร์หรือไม่',
      answer: 'เปิดวันเสาร์ 9.00–16.00 น.',
      publishedAt: null,
      unitRef: A.id,
    });
    expect(draft.unit.id).toBe(A.id);
    expect(draft.workflowState ?? 'draft').toBe('draft');
    expect(JSON.stringify(draft)).not.toMatch(/somchai|สมชาย/);
    expect(draft.checklistItems.length).toBeGreaterThan(0);
    // Resolving it afterwards makes no second entry; the question without consent makes none.
    await as('editorA')(http().post(`/participation/requests/${code}/resolve`)).send({});
    await as('editorA')(http().post(`/participation/requests/${noConsent}/resolve`)).send({
      reply: 'ตอบแล้ว',
    });
    expect(await strapi.db.query(QA_UID).count({ where: { unitRef: A.id } })).toBe(1);
    // Not public before the workflow publishes it.
    expect((await http().get(`/api/qas/${qaId}`)).status).toBe(404);
    const item = draft.checklistItems[0];
    const fy = item.checklist.fiscalYear;
    const cell = async () =>
      (
        await as('editorA')(
          http().get(`/compliance/cell?fiscalYear=${fy}&unit=OPA&item=${item.code}`),
        )
      ).body.data.cell;
    expect((await cell()).status).not.toBe('complete');
    const { publishAsSystem } = dist('workflow/service');
    await publishAsSystem(strapi, QA_UID, qaId, 'test', 'all');
    const pub = await http().get(`/api/qas/${qaId}`);
    expect(pub.status).toBe(200);
    expect(JSON.stringify(pub.body)).not.toMatch(/somchai|สมชาย/);
    expect((await cell()).status).toBe('complete');
  });

  test("a central publisher answering on the unit's behalf makes the unit's draft too", async () => {
    const code = await makeRequest(A, 'question', {
      question: 'ศูนย์ราชการสะดวกเปิดกี่โมง',
      publishConsent: true,
    });
    const res = await as('publisherA')(http().post(`/participation/requests/${code}/reply`)).send({
      reply: 'เปิด 8.30 น.',
    });
    expect(res.status).toBe(200);
    const qaId = res.body.data.qa?.documentId;
    expect(qaId).toBeTruthy();
    const draft = await strapi.db.query(QA_UID).findOne({
      where: { documentId: qaId },
      populate: { unit: true },
    });
    expect(draft).toMatchObject({
      kind: 'faq',
      question: 'ศูนย์ราชการสะดวกเปิดกี่โมง',
      answer: 'เปิด 8.30 น.',
      publishedAt: null,
      unitRef: A.id,
    });
    expect(draft.workflowState ?? 'draft').toBe('draft');
    // Still not public: the unit's people submit and approve it; the publisher publishes it.
    expect((await http().get(`/api/qas/${qaId}`)).status).toBe(404);
  });
});
