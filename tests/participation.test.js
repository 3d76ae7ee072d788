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
const from = (req, ip) =>
  req.set('X-Forwarded-For', ip ?? `10.1.${(ipSeq >> 8) & 255}.${ipSeq++ & 255}`);
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
  const b64 = [
    ...decoded.matchAll(/Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/gi),
  ]
    .map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64').toString('utf8'))
    .join('\n');
  const body = decoded
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n');
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
    users[label] = {
      email,
      token: await adminToken(request, strapi, { email, password: PASSWORD }),
    };
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

describe('what a form shows (GET /api/participation/settings)', () => {
  test('the PDPA consent text and version recorded with personal data, the limits, the categories', async () => {
    const res = await from(http().get('/api/participation/settings'));
    expect(res.status).toBe(200);
    const { consent, limits, complaintCategories } = res.body.data;
    expect(consent.text).toMatch(/คุ้มครองข้อมูลส่วนบุคคล/);
    expect(consent.version).toEqual(expect.any(String));
    expect(limits).toMatchObject({ message: 5000, question: 5000, comment: 2000, name: 200 });
    expect(limits.maxFiles).toBeGreaterThanOrEqual(0);
    expect(limits.maxFileBytes).toBeGreaterThan(0);
    expect(complaintCategories).toContain('bribery');
    // The text shown is the text recorded: a question with an e-mail stores the same text.
    const q = await post('PA', 'questions', {
      question: 'ขอทราบเวลาทำการ',
      email: 'settings@example.com',
      publishConsent: false,
    });
    expect(q.status).toBe(201);
    const row = await strapi.db
      .query(REQUEST_UID)
      .findOne({ where: { trackingCode: q.body.data.trackingCode } });
    expect(row.consentText).toBe(consent.text);
    expect(row.consentVersion).toBe(consent.version);
    expect((await from(http().get('/api/participation/settings?x=1'))).status).toBe(400);
  });
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
    refusals.push(
      await post('PA', 'corrections', { ...body, altcha: 'bm90IGpzb24' }, { challenge: false }),
    );
    refusals.push(
      await post('PA', 'corrections', { ...body, altcha: { a: 1 } }, { challenge: false }),
    );
    // Unsolved: the challenge with a wrong counter.
    const ch = (await from(http().get('/api/participation/challenge'))).body;
    const wrong = { counter: 1, derivedKey: '00'.repeat(32) };
    refusals.push(
      await post(
        'PA',
        'corrections',
        { ...body, altcha: { challenge: ch, solution: wrong } },
        { challenge: false },
      ),
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
      await post(
        'PA',
        'corrections',
        { ...body, altcha: { challenge: old, solution: oldSolution } },
        { challenge: false },
      ),
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
    const g = await strapi.db
      .query(REQUEST_UID)
      .findOne({ where: { trackingCode: general.body.data.trackingCode } });
    expect(g.consentText).toBeNull();
    expect(g.emailEnc).toBeNull();
  });

  test("a correction may not name another unit's entry (400) nor an unknown one", async () => {
    const other = await post('PA', 'corrections', { entry: entryB.documentId, message: 'x' });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/ไม่พบรายการ.*\/ No published entry/);
    const unknown = await post('PA', 'corrections', {
      entry: 'abcdefghijklmnopqrstuvwx',
      message: 'x',
    });
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
      .field(
        'data',
        JSON.stringify({ message: 'หลักฐานตามไฟล์แนบ', anonymous: true, category: 'misconduct' }),
      )
      .field('altcha', altchaField)
      .attach('files', PDF, { filename: 'evidence.pdf', contentType: 'application/pdf' });
    expect(withFile.status).toBe(201);
    const stored = await strapi.db
      .query(COMPLAINT_UID)
      .findOne({ where: { trackingCode: withFile.body.data.trackingCode } });
    expect(stored.attachments).toHaveLength(1);
    expect(stored.attachments[0]).toMatchObject({
      name: 'evidence.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });
    const onDisk = path.join(FILES_DIR, stored.attachments[0].stored);
    expect(fs.readFileSync(onDisk).equals(PDF)).toBe(true);
    expect(
      await strapi.db.query('plugin::upload.file').count({ where: { name: 'evidence.pdf' } }),
    ).toBe(0);
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
    expect(res.body.data.byStatus).toEqual({
      received: total,
      investigating: 0,
      resolved: 0,
      rejected: 0,
    });
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
      [
        'survey',
        {
          ratings: { findability: 5, currency: 5, ease: 5, overall: 5 },
          comment: 'c'.repeat(2001),
        },
      ],
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
    const res = await post('PA', 'corrections', {
      message: 'spam',
      website: 'http://spam.example',
    });
    expect(res.status).toBe(201);
    expect(res.body.data.trackingCode).toMatch(CODE);
    expect(await strapi.db.query(REQUEST_UID).count()).toBe(before);
    const track = await from(
      http().get(`/api/participation/requests/${res.body.data.trackingCode}`),
    );
    expect(track.status).toBe(404);
  });
});

describe('the unit inbox (admin API)', () => {
  let correction;
  let question;
  let questionB;

  beforeAll(async () => {
    correction = (
      await post('PA', 'corrections', {
        entry: entryA.documentId,
        message: 'ชื่อกฎหมาย <script>alert(1)</script> ผิด',
        email: 'tracker@example.org',
      })
    ).body.data.trackingCode;
    question = (
      await post('PA', 'questions', {
        question: 'ขอเอกสาร <img src=x onerror=alert(1)>',
        name: '<b>ผู้ถาม</b>',
        email: 'asker@example.org',
        publishConsent: true,
      })
    ).body.data.trackingCode;
    questionB = (await post('PB', 'questions', { question: 'คำถามถึงบี', publishConsent: false }))
      .body.data.trackingCode;
  });

  test("unit staff see their unit's requests only; the monitor and administrators see every unit; nobody sees the e-mail", async () => {
    const a = await as('editorA')(http().get('/participation/inbox'));
    expect(a.status).toBe(200);
    const codes = a.body.data.map((r) => r.trackingCode);
    expect(codes).toEqual(expect.arrayContaining([correction, question]));
    expect(codes).not.toContain(questionB);
    expect(a.body.data.every((r) => r.unit.code === 'PA')).toBe(true);
    const q = a.body.data.find((r) => r.trackingCode === question);
    expect(q).toMatchObject({
      kind: 'question',
      status: 'received',
      hasEmail: true,
      name: '<b>ผู้ถาม</b>',
      publishConsent: true,
      overdue: false,
    });
    const c = a.body.data.find((r) => r.trackingCode === correction);
    expect(c.entry).toEqual({ uid: 'api::law.law', documentId: entryA.documentId });
    expect(JSON.stringify(a.body)).not.toMatch(/asker@|tracker@|_enc|Enc"/);
    expect(a.body.meta.total).toBe(a.body.data.length);
    const onlyB = await as('editorA')(http().get('/participation/inbox?unit=PB'));
    expect(onlyB.status).toBe(403);
    const bOwn = await as('approverB')(http().get('/participation/inbox?unit=pb'));
    expect(bOwn.body.data.map((r) => r.trackingCode)).toContain(questionB);
    expect(bOwn.body.data.every((r) => r.unit.code === 'PB')).toBe(true);
    const monitor = await as('monitor')(http().get('/participation/inbox'));
    expect(monitor.body.data.map((r) => r.trackingCode)).toEqual(
      expect.arrayContaining([correction, question, questionB]),
    );
    const filtered = await as('superAdmin')(
      http().get('/participation/inbox?unit=PA&kind=question&status=received'),
    );
    expect(filtered.body.data.every((r) => r.kind === 'question' && r.status === 'received')).toBe(
      true,
    );
    for (const bad of ['?unit=<x>', '?status=lost', '?kind=x', '?sort=id', '?unit=NOPE'])
      expect([400, 404]).toContain(
        (await as('editorA')(http().get(`/participation/inbox${bad}`))).status,
      );
    expect((await http().get('/participation/inbox')).status).toBe(401);
    // A complaint officer who is nobody's editor has no inbox.
    expect((await as('officerA')(http().get('/participation/inbox'))).status).toBe(403);
  });

  test("assign, reply, resolve, reject: only the unit's staff; each step audited and mailed to the reporter; the public sees status and the reply, escaped", async () => {
    const mailsBefore = mails.length;
    const eventsBefore = await strapi.db.query(EVENT_UID).count();
    // Not theirs: another unit's editor (404), the monitor (403), an officer (404).
    expect(
      (
        await as('editorB')(http().post(`/participation/requests/${correction}/reply`)).send({
          reply: 'x',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await as('monitor')(http().post(`/participation/requests/${correction}/reply`)).send({
          reply: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (await as('officerA')(http().post(`/participation/requests/${correction}/assign`)).send({}))
        .status,
    ).toBe(404);
    // Assign to a member of another unit: refused.
    const wrong = await as('editorA')(
      http().post(`/participation/requests/${correction}/assign`),
    ).send({ assignee: users.editorB.email });
    expect(wrong.status).toBe(400);
    const assigned = await as('editorA')(
      http().post(`/participation/requests/${correction}/assign`),
    ).send({ assignee: users.approverA.email });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data).toMatchObject({
      status: 'assigned',
      assignee: users.approverA.email,
    });
    const replied = await as('approverA')(
      http().post(`/participation/requests/${correction}/reply`),
    ).send({
      reply: 'แก้ไขแล้ว <script>alert("x")</script> ขอบคุณครับ',
    });
    expect(replied.status).toBe(200);
    expect(replied.body.data.status).toBe('answered');
    const track = await from(http().get(`/api/participation/requests/${correction.toLowerCase()}`));
    expect(track.status).toBe(200);
    expect(track.headers['cache-control']).toBe('no-store');
    expect(track.body.data).toMatchObject({
      trackingCode: correction,
      kind: 'correction',
      status: 'answered',
      unit: { code: 'PA', nameTh: 'หน่วยงานเอ' },
      reply: 'แก้ไขแล้ว &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; ขอบคุณครับ',
    });
    const resolved = await as('publisherA')(
      http().post(`/participation/requests/${correction}/resolve`),
    ).send({});
    expect(resolved.body.data.status).toBe('resolved');
    expect(resolved.body.data.closedAt).toEqual(expect.any(String));
    // Closed: no more changes.
    expect(
      (
        await as('editorA')(http().post(`/participation/requests/${correction}/reject`)).send({
          reason: 'x',
        })
      ).status,
    ).toBe(400);
    // Reject needs a reason.
    expect(
      (await as('editorA')(http().post(`/participation/requests/${question}/reject`)).send({}))
        .status,
    ).toBe(400);
    const rejected = await as('editorA')(
      http().post(`/participation/requests/${question}/reject`),
    ).send({ reason: 'ซ้ำกับเรื่อง <i>เดิม</i>' });
    expect(rejected.body.data.status).toBe('rejected');
    const qTrack = await from(http().get(`/api/participation/requests/${question}`));
    expect(qTrack.body.data).toMatchObject({
      status: 'rejected',
      rejectionReason: 'ซ้ำกับเรื่อง &lt;i&gt;เดิม&lt;/i&gt;',
      reply: null,
    });
    // Audit: assign, reply, resolve, reject — four events, by who did them.
    const events = await strapi.db.query(EVENT_UID).findMany({
      where: { contentType: REQUEST_UID },
      orderBy: { id: 'asc' },
    });
    expect(events.slice(-4).map((e) => [e.action, e.toState, e.actorEmail])).toEqual([
      ['participation_assign', 'assigned', users.editorA.email],
      ['participation_reply', 'answered', users.approverA.email],
      ['participation_resolve', 'resolved', users.publisherA.email],
      ['participation_reject', 'rejected', users.editorA.email],
    ]);
    expect(await strapi.db.query(EVENT_UID).count()).toBe(eventsBefore + 4);
    // E-mail: to the reporter on each status change (assigned, answered, resolved) and to the asker (rejected).
    await waitForMail(mailsBefore + 4);
    await new Promise((r) => setTimeout(r, 200));
    const got = mails.slice(mailsBefore).filter((m) => /^(asker|tracker)@/.test(m.to[0]));
    expect(got.map((m) => m.to[0]).sort()).toEqual([
      'asker@example.org',
      'tracker@example.org',
      'tracker@example.org',
      'tracker@example.org',
    ]);
    const body = decode(got.find((m) => m.to[0] === 'asker@example.org').raw);
    expect(body).toMatch(new RegExp(question));
    expect(body).toMatch(/ไม่รับดำเนินการ/);
  });

  test('the public status never carries personal data, and unknown or malformed codes are a 404', async () => {
    for (const code of [correction, question, questionB]) {
      const res = await from(http().get(`/api/participation/requests/${code}`));
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/@example\.org|ผู้ถาม|10\.1\.|127\.0\.0\.1|<script|<img|<i>/);
      expect(Object.keys(res.body.data).sort()).toEqual(
        [
          'trackingCode',
          'kind',
          'status',
          'unit',
          'receivedAt',
          'dueAt',
          'closedAt',
          'updatedAt',
          'reply',
          'rejectionReason',
        ].sort(),
      );
    }
    for (const code of ['00000-00000', 'nope', '<script>', 'AAAAA-AAAAA-AAAAA'])
      expect(
        (await from(http().get(`/api/participation/requests/${encodeURIComponent(code)}`))).status,
      ).toBe(404);
    expect((await from(http().get(`/api/participation/requests/${question}?x=1`))).status).toBe(
      400,
    );
  });

  test('HTML and script in every text field never reach a public response unescaped', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const codes = [];
    codes.push(
      (await post('PA', 'corrections', { message: evil, email: 'e@example.org' })).body.data
        .trackingCode,
    );
    codes.push(
      (await post('PA', 'questions', { question: evil, name: evil, publishConsent: true })).body
        .data.trackingCode,
    );
    codes.push(
      (
        await post('PA', 'survey', {
          ratings: { findability: 1, currency: 1, ease: 1, overall: 1 },
          comment: evil,
        })
      ).body.data.trackingCode,
    );
    codes.push(
      (await post('PA', 'complaints', { message: evil, anonymous: false, contact: { name: evil } }))
        .body.data.trackingCode,
    );
    expect(codes.every((c) => CODE.test(c))).toBe(true);
    await as('editorA')(http().post(`/participation/requests/${codes[0]}/reply`)).send({
      reply: evil,
    });
    await as('editorA')(http().post(`/participation/requests/${codes[1]}/reject`)).send({
      reason: evil,
    });
    const { fiscalYearOf } = require(`${appDir}/dist/src/ita/fiscal-year`);
    const year = fiscalYearOf(new Date());
    const publicResponses = [
      ...(await Promise.all(
        codes.map((c) => from(http().get(`/api/participation/requests/${c}`))),
      )),
      await from(http().get(`/api/participation/PA/${year}/survey`)),
      await from(http().get(`/api/participation/PA/${year}/complaint-statistics`)),
    ];
    for (const res of publicResponses) {
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
      expect(res.text).not.toMatch(/e@example\.org/);
    }
    expect(publicResponses[0].body.data.reply).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;',
    );
  });
});

describe('confidential complaints', () => {
  let complaintA;
  let complaintB;

  beforeAll(async () => {
    complaintA = (
      await from(http().post('/api/participation/PA/complaints'))
        .field('message', 'ผู้บริหารใช้รถราชการส่วนตัว')
        .field('category', 'abuse_of_power')
        .field('anonymous', 'false')
        .field('contact', JSON.stringify({ email: 'complainant@example.org' }))
        .field('altcha', await solved())
        .attach('files', PDF, { filename: 'photo-evidence.pdf', contentType: 'application/pdf' })
    ).body.data.trackingCode;
    complaintB = (
      await post('PB', 'complaints', {
        message: 'เรื่องลับของบี',
        anonymous: true,
        category: 'other',
      })
    ).body.data.trackingCode;
  });

  test("an officer of unit A reads A's complaints (decrypted) and not B's; an organisation-wide officer reads all; every read is an audit event", async () => {
    const eventsBefore = await strapi.db
      .query(EVENT_UID)
      .count({ where: { contentType: COMPLAINT_UID } });
    const list = await as('officerA')(http().get('/participation/complaints'));
    expect(list.status).toBe(200);
    const mine = list.body.data.find((c) => c.trackingCode === complaintA);
    expect(mine).toMatchObject({
      unit: { code: 'PA' },
      category: 'abuse_of_power',
      anonymous: false,
      status: 'received',
      message: 'ผู้บริหารใช้รถราชการส่วนตัว',
      contact: { name: null, email: 'complainant@example.org', phone: null },
      attachments: [
        expect.objectContaining({ name: 'photo-evidence.pdf', mime: 'application/pdf' }),
      ],
    });
    expect(list.body.data.every((c) => c.unit.code === 'PA')).toBe(true);
    expect(list.body.data.map((c) => c.trackingCode)).not.toContain(complaintB);
    const readEvents = await strapi.db.query(EVENT_UID).findMany({
      where: { contentType: COMPLAINT_UID, action: 'complaint_read' },
    });
    expect(readEvents.length).toBe(eventsBefore + list.body.data.length);
    expect(
      readEvents.every((e) => e.actorEmail === users.officerA.email && e.comment === null),
    ).toBe(true);
    expect(JSON.stringify(readEvents)).not.toMatch(/รถราชการ|complainant/);
    expect(
      (await as('officerA')(http().get(`/participation/complaints/${complaintB}`))).status,
    ).toBe(404);
    expect((await as('officerA')(http().get('/participation/complaints?unit=PB'))).status).toBe(
      403,
    );
    const all = await as('officerAll')(http().get('/participation/complaints'));
    expect(all.body.data.map((c) => c.trackingCode)).toEqual(
      expect.arrayContaining([complaintA, complaintB]),
    );
    // One complaint, its attachment: both audited.
    const before = await strapi.db.query(EVENT_UID).count();
    const one = await as('officerAll')(http().get(`/participation/complaints/${complaintB}`));
    expect(one.body.data.message).toBe('เรื่องลับของบี');
    const file = await as('officerA')(
      http().get(`/participation/complaints/${complaintA}/attachments/${mine.attachments[0].id}`),
    ).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/attachment/);
    expect(Buffer.from(file.body).equals(PDF)).toBe(true);
    const after = await strapi.db
      .query(EVENT_UID)
      .findMany({ where: { id: { $gt: 0 } }, orderBy: { id: 'desc' }, limit: 2 });
    expect(after.map((e) => e.action)).toEqual(['complaint_attachment', 'complaint_read']);
    expect(await strapi.db.query(EVENT_UID).count()).toBe(before + 2);
    // The chain still verifies with these events in it.
    const { verifyChain } = require(`${appDir}/dist/src/workflow/audit`);
    const result = await verifyChain(strapi, { reports: false });
    expect(result.ok).toBe(true);
  });

  test('status changes by an officer: audited, mailed to a complainant who left an address, counted publicly', async () => {
    const mailsBefore = mails.length;
    const res = await as('officerA')(
      http().post(`/participation/complaints/${complaintA}/status`),
    ).send({
      status: 'investigating',
      note: 'ตั้งกรรมการสอบข้อเท็จจริง',
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      status: 'investigating',
      statusNote: 'ตั้งกรรมการสอบข้อเท็จจริง',
    });
    const raw = await rawRow('participation_complaints', complaintA);
    expect(raw.status_note_enc).not.toMatch(/กรรมการ/);
    expect(
      (
        await as('officerA')(http().post(`/participation/complaints/${complaintA}/status`)).send({
          status: 'rejected',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await as('officerA')(http().post(`/participation/complaints/${complaintA}/status`)).send({
          status: 'lost',
        })
      ).status,
    ).toBe(400);
    await waitForMail(mailsBefore + 1);
    await new Promise((r) => setTimeout(r, 200));
    // Mails about this complaint (a confirmation of an earlier test may arrive late).
    const got = mails
      .slice(mailsBefore)
      .filter((m) => decode(m.raw).includes(complaintA))
      .filter((m) => !m.to.some((t) => t.startsWith('officer')));
    expect(got.map((m) => m.to)).toEqual([['complainant@example.org']]);
    // The officers were told of the new complaints: the code, never the content.
    const told = mails.filter((m) => decode(m.raw).includes(complaintA));
    expect(told.map((m) => m.to).filter((to) => to.some((t) => t.startsWith('officer')))).toEqual([
      [users.officerA.email, users.officerAll.email].sort(),
    ]);
    for (const m of told) expect(decode(m.raw)).not.toMatch(/รถราชการ/);
    const body = decode(got[0].raw);
    expect(body).toMatch(/อยู่ระหว่างตรวจสอบ/);
    expect(body).not.toMatch(/รถราชการ|กรรมการ/);
    const track = await from(http().get(`/api/participation/requests/${complaintA}`));
    expect(track.body.data).toMatchObject({ kind: 'complaint', status: 'investigating' });
    expect(track.text).not.toMatch(/รถราชการ|complainant|กรรมการ|photo-evidence/);
  });

  test('every non-officer role of every unit, through every route, reads or lists no complaint: 0 of N attempts succeeded', async () => {
    const attempts = { total: 0, succeeded: [], errors: [] };
    const secrets =
      /ผู้บริหารใช้รถราชการ|เรื่องลับของบี|complainant@|photo-evidence|messageEnc|contactEnc|message_enc/;
    const record = (label, res) => {
      attempts.total += 1;
      if (res.status >= 500) attempts.errors.push(`${label}: ${res.status}`);
      else if (
        secrets.test(res.text ?? '') ||
        (res.status < 300 && /participation\/complaints/.test(label))
      )
        attempts.succeeded.push(`${label}: ${res.status}`);
    };
    const stored = await strapi.db
      .query(COMPLAINT_UID)
      .findOne({ where: { trackingCode: complaintA } });
    const fileId = stored.attachments[0].id;
    const CM = `/content-manager/collection-types/${COMPLAINT_UID}`;
    const routes = [
      ['GET', '/participation/complaints'],
      ['GET', '/participation/complaints?unit=PA'],
      ['GET', '/participation/complaints?unit=PB'],
      ['GET', `/participation/complaints/${complaintA}`],
      ['GET', `/participation/complaints/${complaintB}`],
      ['GET', `/participation/complaints/${complaintA}/attachments/${fileId}`],
      ['POST', `/participation/complaints/${complaintA}/status`, { status: 'resolved' }],
      ['GET', '/participation/inbox'],
      ['GET', '/participation/inbox?unit=PA'],
      ['GET', CM],
      ['GET', `${CM}/${stored.documentId}`],
      ['GET', `${CM}?filters[trackingCode][$eq]=${complaintA}`],
      ['POST', CM, { messageEnc: 'x' }],
      ['GET', `/content-manager/relations/${COMPLAINT_UID}/unit`],
      ['GET', '/api/participation-complaints'],
      ['GET', `/api/participation-complaints/${stored.documentId}`],
      ['GET', '/api/participation-requests'],
      ['GET', '/upload/files?pageSize=100'],
      ['GET', '/api/upload/files'],
      ['GET', `/api/participation/requests/${complaintA}`],
      ['GET', `/api/exports/PA/procurement.csv`],
      ['GET', `/api/ita/PA/2569`],
    ];
    const roles = [
      'editorA',
      'approverA',
      'publisherA',
      'editorB',
      'approverB',
      'publisherB',
      'monitor',
      'superAdmin',
      null,
    ];
    for (const label of roles) {
      for (const [method, url, body] of routes) {
        let req =
          method === 'GET'
            ? http().get(url)
            : http()
                .post(url)
                .send(body ?? {});
        if (label) req = as(label)(req);
        const res = await req;
        record(`${label ?? 'anonymous'} ${method} ${url}`, res);
      }
    }
    // Officer of A on B's complaint, through every complaint route.
    for (const [method, url, body] of [
      ['GET', `/participation/complaints/${complaintB}`],
      ['GET', '/participation/complaints?unit=PB'],
      ['POST', `/participation/complaints/${complaintB}/status`, { status: 'resolved' }],
    ]) {
      const req = method === 'GET' ? http().get(url) : http().post(url).send(body);
      record(`officerA ${method} ${url}`, await as('officerA')(req));
    }
    // The attachment's storage path over HTTP (static server, upload URLs), from anyone.
    for (const url of [
      `/uploads/${fileId}`,
      `/uploads/${stored.attachments[0].stored}`,
      `/${stored.attachments[0].stored}`,
      `/private/participation/${stored.attachments[0].stored}`,
      `/participation/${stored.attachments[0].stored}`,
      `/uploads/../private/participation/${stored.attachments[0].stored}`,
    ]) {
      const res = await http().get(url);
      attempts.total += 1;
      if (res.status >= 500) attempts.errors.push(`${url}: ${res.status}`);
      else if (
        res.status < 400 ||
        (res.body && Buffer.isBuffer(res.body) && res.body.includes('%PDF'))
      )
        attempts.succeeded.push(`${url}: ${res.status}`);
    }
    const unchanged = await strapi.db
      .query(COMPLAINT_UID)
      .findOne({ where: { trackingCode: complaintA } });
    expect(unchanged.status).toBe('investigating');
    expect(attempts.errors).toEqual([]);
    expect(attempts.succeeded).toEqual([]);
    expect(attempts.total).toBeGreaterThan(200);
    // The figure for docs/participation.md.
    console.log(`complaints: 0 of ${attempts.total} attempts succeeded`);
  });

  test('deleting a unit ends its memberships: its officer does not become an organisation-wide one', async () => {
    await createUnit(strapi, { code: 'PZ', nameTh: 'หน่วยงานที่จะถูกลบ' });
    const provisioning = require(`${appDir}/dist/src/units/provisioning`);
    const email = 'officerz@participation.example.org';
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: 'officerZ',
      unit: 'PZ',
      role: 'complaint-officer',
    });
    const token = await adminToken(request, strapi, { email, password: PASSWORD });
    const get = () =>
      http().get('/participation/complaints').set('Authorization', `Bearer ${token}`);
    const before = await get();
    expect(before.status).toBe(200);
    expect(before.body.data).toEqual([]);
    await strapi.db.query('api::unit.unit').delete({ where: { code: 'PZ' } });
    expect(
      await strapi.db
        .query('api::unit-membership.unit-membership')
        .count({ where: { userEmail: email } }),
    ).toBe(0);
    const after = await get();
    expect(after.status).toBe(403);
    expect(JSON.stringify(after.body)).not.toContain(complaintA);
  });
});

describe('rate limits', () => {
  afterAll(async () => {
    await limits().initParticipationLimits();
  });

  test('1,000 submissions from one address: accepted up to the configured limit, then 429 with Retry-After; nothing more stored', async () => {
    await limits().initParticipationLimits({ ...process.env, PARTICIPATION_IP_MAX: '5' });
    const before = await strapi.db.query(SURVEY_UID).count();
    const ip = '203.0.113.7';
    const ratings = { findability: 4, currency: 4, ease: 4, overall: 4 };
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await post('PA', 'survey', { ratings }, { ip })).status);
    const altchaField = await solved();
    let retryAfter = null;
    for (let i = 5; i < 1000; i++) {
      const res = await from(http().post('/api/participation/PA/survey'), ip).send({
        ratings,
        altcha: altchaField,
      });
      statuses.push(res.status);
      if (res.status === 429 && retryAfter === null) {
        retryAfter = res.headers['retry-after'];
        expect(res.body.error.message).toMatch(/มากเกินไป.*\/ Too many submissions/);
      }
    }
    const count = (s) => statuses.filter((x) => x === s).length;
    expect(count(201)).toBe(5);
    expect(count(429)).toBe(995);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await strapi.db.query(SURVEY_UID).count()).toBe(before + 5);
    // Another address is not held back.
    expect((await post('PA', 'survey', { ratings }, { ip: '203.0.113.8' })).status).toBe(201);
  });

  test('per unit and form: all addresses together are limited for one unit, other units and the complaint channel are not', async () => {
    await limits().initParticipationLimits({ ...process.env, PARTICIPATION_UNIT_MAX: '3' });
    const ratings = { findability: 3, currency: 3, ease: 3, overall: 3 };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('PA', 'survey', { ratings })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
    expect((await post('PB', 'survey', { ratings })).status).toBe(201);
    // The flood of surveys leaves the confidential channel of the same unit open.
    const complaints = await strapi.db.query(COMPLAINT_UID).count();
    expect(
      (await post('PA', 'complaints', { message: 'แจ้งเบาะแส', anonymous: true })).status,
    ).toBe(201);
    expect(await strapi.db.query(COMPLAINT_UID).count()).toBe(complaints + 1);
  });

  test('challenges per address per minute are limited too', async () => {
    await limits().initParticipationLimits({
      ...process.env,
      PARTICIPATION_CHALLENGES_PER_MINUTE: '3',
    });
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await from(http().get('/api/participation/challenge'), '198.51.100.1')).status,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('keys', () => {
  test('encryption: key rotation keeps old values readable; production refuses to start without a key', () => {
    const crypto = require(`${appDir}/dist/src/participation/crypto`);
    const saved = { ...process.env };
    try {
      process.env.PARTICIPATION_KEYS = 'k1:first-secret-of-sixteen';
      const old = crypto.seal('ลับ');
      expect(old).toMatch(/^v1\.k1\./);
      process.env.PARTICIPATION_KEYS = 'k2:second-secret-of-sixteen,k1:first-secret-of-sixteen';
      expect(crypto.seal('x')).toMatch(/^v1\.k2\./);
      expect(crypto.open(old)).toBe('ลับ');
      process.env.PARTICIPATION_KEYS = 'k2:second-secret-of-sixteen';
      expect(() => crypto.open(old)).toThrow(/k1/);
      const tampered = crypto.seal('ลับ').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect(() => crypto.open(tampered)).toThrow();
      expect(() => crypto.participationKeys({ PARTICIPATION_KEYS: 'k1:short' })).toThrow(/16/);
      expect(() => crypto.participationKeys({ NODE_ENV: 'production' })).toThrow(
        /PARTICIPATION_KEYS/,
      );
      expect(crypto.participationKeys({ NODE_ENV: 'development' }).development).toBe(true);
    } finally {
      for (const k of ['PARTICIPATION_KEYS']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
