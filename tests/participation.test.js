/**
 * The public's side (issue 13, docs/participation.md): the forms with their ALTCHA challenge,
 * honeypot, size and rate limits; what the public may read back; the unit inbox; confidential
 * complaints seen by complaint officers only, every read audited; e-mail to the reporter.
 * A real Strapi on a real database, a real local SMTP server.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { SMTPServer } = require('smtp-server');
const altcha = require('altcha-lib');
const { deriveKey } = require('altcha-lib/algorithms/pbkdf2');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, adminToken, createSuperAdmin } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');

const REQUEST_UID = 'api::participation-request.participation-request';
const SURVEY_UID = 'api::participation-survey.participation-survey';
const COMPLAINT_UID = 'api::participation-complaint.participation-complaint';
const EVENT_UID = 'api::workflow-event.workflow-event';
const PASSWORD = 'Prongsai123';
const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const SMTP_PORT = 23000 + (process.pid % 20000);
const FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-participation-'));

let strapi;
let smtp;
const mails = [];
let A;
let B;
let entryA;
let entryB;
const users = {}; // label -> { email, token }
let ipSeq = 0;

const http = () => request(strapi.server.httpServer);
/** Each request from its own address unless told otherwise (the per-address limit has its own test). */
const from = (req, ip) => req.set('X-Forwarded-For', ip ?? `10.1.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`);
const as = (label) => (req) => req.set('Authorization', `Bearer ${users[label].token}`);
const limits = () => require(`${appDir}/dist/src/participation/limits`);

/** Fetches a challenge and solves it as the widget (or an integrator's script) does. */
const solved = async () => {
  const res = await from(http().get('/api/participation/challenge'));
  expect(res.status).toBe(200);
  const solution = await altcha.solveChallenge({ challenge: res.body, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: res.body, solution })).toString('base64');
};

const post = async (unitCode, form, body, { ip, challenge = true } = {}) =>
  from(http().post(`/api/participation/${unitCode}/${form}`), ip).send({
    ...(challenge ? { altcha: await solved() } : {}),
    ...body,
  });

const waitForMail = async (n) => {
  for (let i = 0; i < 100 && mails.length < n; i += 1) await new Promise((r) => setTimeout(r, 50));
  return mails;
};
const decode = (raw) => {
  const decoded = raw.replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b) =>
    Buffer.from(b, 'base64').toString('utf8'),
  );
  const body = decoded.split(/\r?\n\r?\n/).slice(1).join('\n');
  const b64 = /Content-Transfer-Encoding: base64/i.test(decoded)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : '';
  const qp = /quoted-printable/i.test(decoded)
    ? Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8')
    : '';
  return `${decoded}\n${b64}\n${qp}`;
};

const rawRow = async (table, trackingCode) =>
  strapi.db.connection(table).where({ tracking_code: trackingCode }).first();

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
    IS_PROXIED: 'true',
    PARTICIPATION_FILES_DIR: FILES_DIR,
    PARTICIPATION_ALTCHA_COST: '2',
    PARTICIPATION_ALTCHA_COUNTER_MIN: '5',
    PARTICIPATION_ALTCHA_COUNTER_MAX: '40',
    PARTICIPATION_IP_MAX: '1000',
    PARTICIPATION_UNIT_MAX: '100000',
    PARTICIPATION_CHALLENGES_PER_MINUTE: '100000',
  });
  A = await createUnit(strapi, { code: 'PA', nameTh: 'หน่วยงานเอ' });
  B = await createUnit(strapi, { code: 'PB', nameTh: 'หน่วยงานบี' });
  entryA = await createEntry(strapi, 'api::law.law', {
    title: 'กฎหมายของหน่วยงานเอ',
    kind: 'act',
    unit: A.documentId,
  });
  entryB = await createEntry(strapi, 'api::law.law', {
    title: 'กฎหมายของหน่วยงานบี',
    kind: 'act',
    unit: B.documentId,
  });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const people = [];
  for (const [key, unit] of [
    ['A', 'PA'],
    ['B', 'PB'],
  ])
    for (const role of ['editor', 'approver', 'publisher'])
      people.push([`${role}${key}`, role, unit]);
  people.push(['monitor', 'monitor', undefined]);
  people.push(['officerA', 'complaint-officer', 'PA']);
  people.push(['officerAll', 'complaint-officer', undefined]);
  for (const [label, role, unit] of people) {
    const email = `${label.toLowerCase()}@participation.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: label,
      ...(unit ? { unit } : {}),
      role,
    });
    users[label] = { email, token: await adminToken(request, strapi, { email, password: PASSWORD }) };
  }
  const admin = await createSuperAdmin(strapi, 'root@participation.example.org');
  users.superAdmin = { email: admin.email, token: await adminToken(request, strapi, admin) };
});

afterAll(async () => {
  await teardownStrapi();
  delete process.env.SMTP_HOST;
  delete process.env.IS_PROXIED;
  await new Promise((resolve) => smtp.close(resolve));
  fs.rmSync(FILES_DIR, { recursive: true, force: true });
});

describe('the challenge (ALTCHA)', () => {
  test('GET /api/participation/challenge: a fresh signed PBKDF2 challenge each time, never cached', async () => {
    const one = await from(http().get('/api/participation/challenge'));
    const two = await from(http().get('/api/participation/challenge'));
    expect(one.status).toBe(200);
    expect(one.headers['cache-control']).toBe('no-store');
    expect(one.body.parameters.algorithm).toBe('PBKDF2/SHA-256');
    expect(typeof one.body.signature).toBe('string');
    expect(one.body.parameters.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(two.body.signature).not.toBe(one.body.signature);
    expect((await from(http().get('/api/participation/challenge?x=1'))).status).toBe(400);
  });

  test('a submission without a solved challenge, or with a forged, reused or expired one, is refused and stores nothing', async () => {
    const before = await strapi.db.query(REQUEST_UID).count();
    const body = { message: 'ข้อมูลผิด' };
    const refusals = [];
    refusals.push(await post('PA', 'corrections', body, { challenge: false }));
    refusals.push(await post('PA', 'corrections', { ...body, altcha: 'bm90IGpzb24' }, { challenge: false }));
    refusals.push(await post('PA', 'corrections', { ...body, altcha: { a: 1 } }, { challenge: false }));
    // Unsolved: the challenge with a wrong counter.
    const ch = (await from(http().get('/api/participation/challenge'))).body;
    const wrong = { counter: 1, derivedKey: '00'.repeat(32) };
    refusals.push(
      await post('PA', 'corrections', { ...body, altcha: { challenge: ch, solution: wrong } }, { challenge: false }),
    );
    // Tampered: made easier after signing.
    const good = await solved();
    const parsed = JSON.parse(Buffer.from(good, 'base64').toString());
    parsed.challenge.parameters.cost = 1;
    refusals.push(
      await post('PA', 'corrections', { ...body, altcha: parsed }, { challenge: false }),
    );
    // Reused: the first use passes, the second is refused.
    const once = await solved();
    const first = await post('PA', 'corrections', { ...body, altcha: once }, { challenge: false });
    expect(first.status).toBe(201);
    refusals.push(await post('PA', 'corrections', { ...body, altcha: once }, { challenge: false }));
    // Expired: signed with the server's secret, but its time is over.
    const { derivedSecret } = require(`${appDir}/dist/src/participation/crypto`);
    const old = await altcha.createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 2,
      counter: 7,
      deriveKey,
      expiresAt: Math.floor(Date.now() / 1000) - 5,
      hmacSignatureSecret: derivedSecret('altcha-signature'),
      hmacKeySignatureSecret: derivedSecret('altcha-key-signature'),
    });
    const oldSolution = await altcha.solveChallenge({ challenge: old, deriveKey });
    refusals.push(
      await post('PA', 'corrections', { ...body, altcha: { challenge: old, solution: oldSolution } }, { challenge: false }),
    );
    expect(refusals.map((r) => r.status)).toEqual(refusals.map(() => 400));
    for (const r of refusals) {
      expect(r.body.error.message).toMatch(/altcha/);
      expect(r.body.error.message).toMatch(/[ก-๙]/);
    }
    expect(refusals.map((r) => r.body.error.message.split(' / ')[1])).toEqual([
      expect.stringMatching(/required/),
      expect.stringMatching(/not a solved challenge/),
      expect.stringMatching(/not a solved challenge/),
      expect.stringMatching(/does not verify/),
      expect.stringMatching(/does not verify/),
      expect.stringMatching(/already used/),
      expect.stringMatching(/expired/),
    ]);
    expect(await strapi.db.query(REQUEST_UID).count()).toBe(before + 1);
  });
});

describe('submissions', () => {
  test('a correction about an entry: tracking code, stored with its entry, e-mail encrypted, PDPA consent recorded, due in 15 days', async () => {
    const res = await post('pa', 'corrections', {
      entry: entryA.documentId,
      message: 'ปีที่ประกาศไม่ถูกต้อง',
      email: 'Reporter@Example.org',
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body)).toEqual(['data']);
    expect(Object.keys(res.body.data)).toEqual(['trackingCode']);
    expect(res.body.data.trackingCode).toMatch(CODE);
    const row = await strapi.db.query(REQUEST_UID).findOne({
      where: { trackingCode: res.body.data.trackingCode },
      populate: { unit: true },
    });
    expect(row).toMatchObject({
      kind: 'correction',
      status: 'received',
      entryUid: 'api::law.law',
      entryDocumentId: entryA.documentId,
      message: 'ปีที่ประกาศไม่ถูกต้อง',
      consentVersion: expect.any(String),
    });
    expect(row.unit.id).toBe(A.id);
    expect(row.consentText).toMatch(/คุ้มครองข้อมูลส่วนบุคคล/);
    const raw = await rawRow('participation_requests', res.body.data.trackingCode);
    expect(JSON.stringify(raw)).not.toMatch(/reporter@example\.org/i);
    const { open } = require(`${appDir}/dist/src/participation/crypto`);
    expect(open(raw.email_enc)).toBe('reporter@example.org');
    const due = new Date(row.dueAt).getTime() - new Date(row.receivedAt).getTime();
    expect(due).toBe(15 * 24 * 3600 * 1000);
    // A general correction without an entry, and without personal data: no consent needed.
    const general = await post('PA', 'corrections', { message: 'เบอร์โทรของหน่วยงานเปลี่ยนแล้ว' });
    expect(general.status).toBe(201);
    const g = await strapi.db.query(REQUEST_UID).findOne({ where: { trackingCode: general.body.data.trackingCode } });
    expect(g.consentText).toBeNull();
    expect(g.emailEnc).toBeNull();
  });

  test("a correction may not name another unit's entry (400) nor an unknown one", async () => {
    const other = await post('PA', 'corrections', { entry: entryB.documentId, message: 'x' });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/ไม่พบรายการ.*\/ No published entry/);
    const unknown = await post('PA', 'corrections', { entry: 'abcdefghijklmnopqrstuvwx', message: 'x' });
    expect(unknown.status).toBe(400);
  });

  test('a question: publishConsent is required; name and e-mail are encrypted at rest', async () => {
    const missing = await post('PA', 'questions', { question: 'เปิดกี่โมง' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/publishConsent/);
    const res = await post('PA', 'questions', {
      question: 'สำนักงานเปิดวันเสาร์หรือไม่',
      name: 'สมหญิง ใจดี',
      email: 'somying@example.org',
      publishConsent: true,
    });
    expect(res.status).toBe(201);
    const raw = await rawRow('participation_requests', res.body.data.trackingCode);
    expect(raw.kind).toBe('question');
    expect(JSON.stringify(raw)).not.toMatch(/somying|สมหญิง/);
    expect(raw.consent_text).toMatch(/PDPA/);
  });

  test('the survey: ratings 1–5 each, and the public aggregate of the fiscal year counts them', async () => {
    const { fiscalYearOf } = require(`${appDir}/dist/src/ita/fiscal-year`);
    const year = fiscalYearOf(new Date());
    const answers = [
      { findability: 5, currency: 4, ease: 3, overall: 4 },
      { findability: 3, currency: 2, ease: 5, overall: 4 },
      { findability: 4, currency: 3, ease: 4, overall: 5 },
    ];
    for (const ratings of answers) {
      const res = await post('PA', 'survey', { ratings, comment: 'ดีมาก <b>ขอบคุณ</b>' });
      expect(res.status).toBe(201);
    }
    expect((await post('PB', 'survey', { ratings: answers[0] })).status).toBe(201);
    const res = await from(http().get(`/api/participation/PA/${year}/survey`));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      unit: { code: 'PA', nameTh: 'หน่วยงานเอ' },
      fiscalYear: year,
      responses: 3,
      averages: { findability: 4, currency: 3, ease: 4, overall: 4.33 },
      distribution: {
        findability: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
        currency: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 0 },
        ease: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 },
        overall: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 },
      },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/ขอบคุณ/);
    const empty = await from(http().get(`/api/participation/PA/${year - 1}/survey`));
    expect(empty.body.data).toMatchObject({ responses: 0, averages: { overall: null } });
    expect((await from(http().get('/api/participation/PA/2026/survey'))).status).toBe(400);
  });

  test('complaints: anonymous, or with a contact kept encrypted; attachments checked like uploads and stored outside public/', async () => {
    const anon = await post('PA', 'complaints', {
      message: 'เจ้าหน้าที่เรียกรับเงินเพื่อเร่งอนุมัติ',
      category: 'bribery',
      anonymous: true,
    });
    expect(anon.status).toBe(201);
    const named = await post('PA', 'complaints', {
      message: 'การจัดซื้อจัดจ้างโครงการ ก ไม่โปร่งใส',
      category: 'procurement',
      anonymous: false,
      contact: { name: 'นายร้องเรียน', email: 'whistle@example.org', phone: '081-000-0000' },
    });
    expect(named.status).toBe(201);
    const raw = await rawRow('participation_complaints', named.body.data.trackingCode);
    expect(JSON.stringify(raw)).not.toMatch(/whistle|นายร้องเรียน|081-000|จัดซื้อ/);
    expect(raw.contact_enc).toMatch(/^v1\.dev\./);
    expect(raw.consent_text).toMatch(/PDPA/);
    // Anonymous with a contact is a contradiction: refused.
    const both = await post('PA', 'complaints', {
      message: 'x',
      anonymous: true,
      contact: { email: 'a@example.org' },
    });
    expect(both.status).toBe(400);
    // Multipart with a PDF.
    const altchaField = await solved();
    const withFile = await from(http().post('/api/participation/PA/complaints'))
      .field('data', JSON.stringify({ message: 'หลักฐานตามไฟล์แนบ', anonymous: true, category: 'misconduct' }))
      .field('altcha', altchaField)
      .attach('files', PDF, { filename: 'evidence.pdf', contentType: 'application/pdf' });
    expect(withFile.status).toBe(201);
    const stored = await strapi.db
      .query(COMPLAINT_UID)
      .findOne({ where: { trackingCode: withFile.body.data.trackingCode } });
    expect(stored.attachments).toHaveLength(1);
    expect(stored.attachments[0]).toMatchObject({ name: 'evidence.pdf', mime: 'application/pdf', size: PDF.length });
    const onDisk = path.join(FILES_DIR, stored.attachments[0].stored);
    expect(fs.readFileSync(onDisk).equals(PDF)).toBe(true);
    expect(await strapi.db.query('plugin::upload.file').count({ where: { name: 'evidence.pdf' } })).toBe(0);
    // An HTML file pretending to be a PDF: refused, nothing stored.
    const filesBefore = fs.readdirSync(FILES_DIR).length;
    const countBefore = await strapi.db.query(COMPLAINT_UID).count();
    const html = await from(http().post('/api/participation/PA/complaints'))
      .field('message', 'ไฟล์แปลก')
      .field('anonymous', 'true')
      .field('altcha', await solved())
      .attach('files', Buffer.from('<html><script>alert(1)</script></html>'), {
        filename: 'evil.pdf',
        contentType: 'application/pdf',
      });
    expect(html.status).toBe(400);
    expect(html.body.error.message).toMatch(/ไม่รับไฟล์/);
    expect(fs.readdirSync(FILES_DIR).length).toBe(filesBefore);
    expect(await strapi.db.query(COMPLAINT_UID).count()).toBe(countBefore);
    // Other forms take JSON only.
    const multipartQuestion = await from(http().post('/api/participation/PA/questions'))
      .field('question', 'x')
      .field('publishConsent', 'true');
    expect(multipartQuestion.status).toBe(400);
  });

  test('complaint statistics: counts by month, category and status of the fiscal year; never content', async () => {
    const { fiscalYearOf } = require(`${appDir}/dist/src/ita/fiscal-year`);
    const year = fiscalYearOf(new Date());
    const res = await from(http().get(`/api/participation/PA/${year}/complaint-statistics`));
    expect(res.status).toBe(200);
    const total = await strapi.db.query(COMPLAINT_UID).count({ where: { unitRef: A.id } });
    expect(res.body.data.total).toBe(total);
    expect(res.body.data.byMonth).toHaveLength(12);
    expect(res.body.data.byMonth.reduce((n, m) => n + m.count, 0)).toBe(total);
    expect(res.body.data.byCategory).toMatchObject({ bribery: 1, procurement: 1, misconduct: 1 });
    expect(res.body.data.byStatus).toEqual({ received: total, investigating: 0, resolved: 0, rejected: 0 });
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/เรียกรับเงิน|whistle|evidence|ร้องเรียน/);
    const b = await from(http().get(`/api/participation/PB/${year}/complaint-statistics`));
    expect(b.body.data.total).toBe(0);
  });

  test('an unknown unit is a 404 on every route; bad bodies are a 400 with Thai and English, never a 500', async () => {
    const unknown = [];
    for (const form of ['corrections', 'questions', 'survey', 'complaints'])
      unknown.push(await post('NOPE', form, { message: 'x' }));
    unknown.push(await from(http().get('/api/participation/NOPE/2569/survey')));
    unknown.push(await from(http().get('/api/participation/NOPE/2569/complaint-statistics')));
    unknown.push(await from(http().get('/api/participation/%3Cscript%3E/2569/survey')));
    expect(unknown.map((r) => r.status)).toEqual(unknown.map(() => 404));
    const bad = [
      ['corrections', {}],
      ['corrections', { message: '' }],
      ['corrections', { message: 42 }],
      ['corrections', { message: 'x'.repeat(5001) }],
      ['corrections', { message: 'x', email: 'not-an-email' }],
      ['corrections', { message: 'x', extra: 1 }],
      ['corrections', { message: 'x', entry: '../../etc' }],
      ['corrections', { message: ['x'] }],
      ['questions', { question: 'x', publishConsent: 'maybe' }],
      ['questions', { question: 'x', publishConsent: true, name: 'n'.repeat(201) }],
      ['questions', { question: { $gt: '' }, publishConsent: true }],
      ['survey', {}],
      ['survey', { ratings: [] }],
      ['survey', { ratings: { findability: 5, currency: 5, ease: 5 } }],
      ['survey', { ratings: { findability: 6, currency: 5, ease: 5, overall: 5 } }],
      ['survey', { ratings: { findability: 0, currency: 5, ease: 5, overall: 5 } }],
      ['survey', { ratings: { findability: 2.5, currency: 5, ease: 5, overall: 5 } }],
      ['survey', { ratings: { findability: 5, currency: 5, ease: 5, overall: 5, speed: 5 } }],
      ['survey', { ratings: { findability: 5, currency: 5, ease: 5, overall: 5 }, comment: 'c'.repeat(2001) }],
      ['complaints', { message: 'x' }],
      ['complaints', { message: 'x', anonymous: 'yes' }],
      ['complaints', { message: 'x', anonymous: false, category: 'gossip' }],
      ['complaints', { message: 'x', anonymous: false, contact: 'call me' }],
      ['complaints', { message: 'x', anonymous: false, contact: { fax: '1' } }],
      ['complaints', { message: 'x', anonymous: false, contact: { phone: 'abc' } }],
    ];
    const answers = [];
    for (const [form, body] of bad) answers.push([form, body, await post('PA', form, body)]);
    for (const [form, body, res] of answers) {
      if (res.status !== 400) throw new Error(`${form} ${JSON.stringify(body)}: ${res.status}`);
      expect(res.body.error.message).toMatch(/[ก-๙].* \/ [A-Za-z]/);
    }
    // Not JSON at all, and a body that is an array.
    const notJson = await from(http().post('/api/participation/PA/corrections'))
      .set('Content-Type', 'application/json')
      .send('{"message":');
    expect(notJson.status).toBe(400);
    const array = await from(http().post('/api/participation/PA/corrections')).send([1, 2]);
    expect(array.status).toBe(400);
  });

  test('the honeypot: a filled hidden field answers like a success and keeps nothing', async () => {
    const before = await strapi.db.query(REQUEST_UID).count();
    const res = await post('PA', 'corrections', { message: 'spam', website: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body.data.trackingCode).toMatch(CODE);
    expect(await strapi.db.query(REQUEST_UID).count()).toBe(before);
    const track = await from(http().get(`/api/participation/requests/${res.body.data.trackingCode}`));
    expect(track.status).toBe(404);
  });
});
