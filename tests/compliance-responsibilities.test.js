/**
 * Item responsibilities (seed 004 §1): validation on every write (API and Content Manager),
 * all-or-nothing upserts, unit scoping, "my items" in due order, and daily e-mail reminders
 * through a real local SMTP server — one e-mail per person, never twice for the same due date.
 */
const request = require('supertest');
const { SMTPServer } = require('smtp-server');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { createEntry, itemIds } = require('./helpers/delivery');

const RESP = 'api::item-responsibility.item-responsibility';
const PASSWORD = 'Test1234!';
const SMTP_PORT = 23000 + (process.pid % 20000);
const mails = [];
let smtp;
let strapi;
const tokens = {};
const units = {};
const people = {
  alice: 'alice@resp.example.org',
  bob: 'bob@resp.example.org',
  carol: 'carol@resp.example.org',
  dave: 'dave@resp.example.org',
};

const api = () => request(strapi.server.httpServer);
const get = (path, who = 'admin') => api().get(path).set('Authorization', `Bearer ${tokens[who]}`);
const put = (path, body, who = 'admin') =>
  api().put(path).set('Authorization', `Bearer ${tokens[who]}`).send(body);
const assign = (unit, assignments, who = 'admin') =>
  put('/compliance/responsibilities', { fiscalYear: 2569, unit, assignments }, who);
const rowsOf = async (unit) =>
  (await get(`/compliance/responsibilities?fiscalYear=2569&unit=${unit}`)).body.data;

/** A MIME part's body, decoded (nodemailer encodes Thai as base64 or quoted-printable). */
const partBody = (part) => {
  const [head, ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
    return Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
};

/** Subject and text of an e-mail (every part of a multipart message, decoded). */
const decode = (raw) => {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = (/^Subject: (.*)$/im.exec(head) || [])[1] || '';
  const words = [...subjectLine.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, enc, data]) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ),
  );
  const subject = words.length ? Buffer.concat(words).toString('utf8') : subjectLine;
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return { subject, body: (parts.length > 1 ? parts.slice(1) : parts).map(partBody).join('\n') };
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
    PUBLIC_URL: 'https://ita.example.org',
    COMPLIANCE_SCHEDULER: 'false',
  });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  units.ENG = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  units.SCI = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  units.VOC = await createUnit(strapi, {
    code: 'VOC',
    nameTh: 'วิทยาลัยเทคนิค',
    group: 'school',
    scheme: 'vocational-college',
  });
  const unit = units.ENG.documentId;
  // O1 complete; O18 declared none; O11 (monthly) October and November published.
  await createEntry(
    strapi,
    'api::unit-profile.unit-profile',
    { title: 'โครงสร้าง', unit },
    { items: ['O1'] },
  );
  await createEntry(
    strapi,
    'api::report.report',
    {
      title: 'สถิติเรื่องร้องเรียน',
      kind: 'complaint_statistics',
      fiscalYear: 2568,
      unit,
      isNone: true,
      noneText: 'ไม่มีเรื่องร้องเรียน',
    },
    { items: ['O18'] },
  );
  for (const month of [10, 11])
    await createEntry(
      strapi,
      'api::procurement-summary.procurement-summary',
      {
        title: `สขร. ${month}`,
        fiscalYear: 2569,
        month,
        unit,
        isNone: true,
        noneText: 'ไม่มีการจัดซื้อจัดจ้าง',
      },
      { items: ['O11'] },
    );

  const members = [
    ['approverEng', 'ENG', 'approver'],
    ['editorEng', 'ENG', 'editor'],
    ['monitor', null, 'monitor'],
    ['alice', 'ENG', 'editor'],
    ['bob', 'ENG', 'editor'],
    ['carol', 'ENG', 'editor'],
    ['dave', 'SCI', 'editor'],
  ];
  for (const [who, unitCode, role] of members) {
    const email = people[who] || `${who.toLowerCase()}@resp.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unitCode ? { unit: unitCode } : {}),
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  const editorRole = await strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'prongsai-unit-editor' } });
  await strapi.admin.services.user.create({
    email: 'nobody@resp.example.org',
    password: PASSWORD,
    firstname: 'Nobody',
    isActive: true,
    roles: [editorRole.id],
  });
  await strapi.admin.services.user.create({
    email: 'blocked@resp.example.org',
    password: PASSWORD,
    firstname: 'Blocked',
    isActive: true,
    blocked: true,
    roles: [editorRole.id],
  });
  tokens.nobody = await adminToken(request, strapi, {
    email: 'nobody@resp.example.org',
    password: PASSWORD,
  });
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(async () => {
  await teardownStrapi();
  for (const k of ['SMTP_HOST', 'PUBLIC_URL', 'COMPLIANCE_SCHEDULER']) delete process.env[k];
  await new Promise((resolve) => smtp.close(resolve));
});

test("a unit's approver assigns; rows come back with the item's title", async () => {
  const res = await assign(
    'ENG',
    [
      { item: 'O1', primaryEmail: people.alice, secondaryEmail: people.bob },
      { item: 'O11', primaryEmail: people.carol, secondaryEmail: 'ALICE@resp.example.org' },
      { item: 'O12', primaryEmail: people.alice, secondaryEmail: people.bob },
      { item: 'O18', primaryEmail: people.alice },
      { item: 'O23', primaryEmail: people.bob },
      { item: 'O26', primaryEmail: people.carol, remindDaysBefore: 3 },
    ],
    'approverEng',
  );
  expect(res.status).toBe(200);
  expect(res.body.meta).toMatchObject({ fiscalYear: 2569, created: 6, updated: 0 });
  expect(res.body.data.map((r) => r.item)).toEqual(['O1', 'O11', 'O12', 'O18', 'O23', 'O26']);
  expect(res.body.data[0]).toEqual({
    unit: 'ENG',
    item: 'O1',
    titleTh: 'โครงสร้างและอำนาจหน้าที่',
    primaryEmail: people.alice,
    secondaryEmail: people.bob,
    remindDaysBefore: null,
  });
  // E-mails are stored lower-cased.
  expect(res.body.data[1].secondaryEmail).toBe(people.alice);
  expect(res.body.data[5].remindDaysBefore).toBe(3);

  // An administrator assigns in any unit; a second PUT updates in place.
  const sci = await assign('SCI', [
    { item: 'O2', primaryEmail: people.alice },
    { item: 'O12', primaryEmail: people.bob },
  ]);
  expect(sci.status).toBe(200);
  const again = await assign('SCI', [{ item: 'O12', primaryEmail: people.dave }]);
  expect(again.body.meta).toMatchObject({ created: 0, updated: 1 });
  expect(await rowsOf('SCI')).toEqual([
    expect.objectContaining({ item: 'O2', primaryEmail: people.alice }),
    expect.objectContaining({ item: 'O12', primaryEmail: people.dave, secondaryEmail: null }),
  ]);
  expect(await strapi.db.query(RESP).count()).toBe(8);
});

test('every row is checked first: one bad row and nothing is written (400, Thai and English)', async () => {
  const before = await rowsOf('ENG');
  const cases = [
    [{ item: 'O2', primaryEmail: 'ghost@resp.example.org' }, 'ghost@resp.example.org'],
    [{ item: 'O2', primaryEmail: 'not-an-email' }, 'ไม่ใช่อีเมลที่ถูกต้อง'],
    [
      { item: 'O2', primaryEmail: people.alice, secondaryEmail: 'blocked@resp.example.org' },
      'blocked@resp.example.org',
    ],
    [{ item: 'O99', primaryEmail: people.alice }, 'ไม่มีข้อ O99'],
    [{ item: 'O2' }, 'primaryEmail'],
    [{ item: 'O2', primaryEmail: people.alice, secondaryEmail: people.alice }, 'must differ'],
    [{ item: 'O2', primaryEmail: people.alice, remindDaysBefore: 500 }, 'remindDaysBefore'],
    [{ item: 'O1', primaryEmail: people.carol }, 'listed twice'],
  ];
  for (const [bad, message] of cases) {
    const res = await assign(
      'ENG',
      [
        // A valid update and a valid new row before the bad one.
        { item: 'O1', primaryEmail: people.bob, secondaryEmail: people.carol },
        { item: 'O3', primaryEmail: people.alice },
        bad,
      ],
      'approverEng',
    );
    expect([bad, res.status]).toEqual([bad, 400]);
    expect(res.body.error.message).toMatch(/ไม่มีการบันทึก.*nothing saved/);
    expect(JSON.stringify(res.body.error.details.problems)).toContain(message);
  }
  const problems = (
    await assign('ENG', [{ item: 'O2', primaryEmail: 'ghost@resp.example.org' }], 'approverEng')
  ).body.error.details.problems;
  expect(problems).toEqual([
    {
      index: 0,
      item: 'O2',
      message: expect.stringMatching(/ไม่ใช่อีเมลของผู้ใช้ระบบหลังบ้าน.*not the e-mail/),
    },
  ]);
  for (const body of [
    { fiscalYear: 2569, unit: 'ENG', assignments: [] },
    { fiscalYear: 2569, unit: 'ENG' },
    { fiscalYear: 'x', unit: 'ENG', assignments: [{ item: 'O2', primaryEmail: people.alice }] },
    { fiscalYear: 2569, assignments: [{ item: 'O2', primaryEmail: people.alice }] },
  ])
    expect((await put('/compliance/responsibilities', body)).status).toBe(400);
  expect(
    (
      await put('/compliance/responsibilities', {
        fiscalYear: 2569,
        unit: 'NOPE',
        assignments: [{ item: 'O2', primaryEmail: people.alice }],
      })
    ).status,
  ).toBe(404);
  // An item of another scheme: VOC's checklist has no O26.
  const voc = await assign('VOC', [{ item: 'O26', primaryEmail: people.alice }]);
  expect(voc.status).toBe(400);
  expect(voc.body.error.message).toContain('vocational-college');
  expect(await rowsOf('ENG')).toEqual(before);
});

test('the same rules hold for writes through the Document Service and the Content Manager', async () => {
  const count = await strapi.db.query(RESP).count();
  const [o1, o26] = await itemIds(strapi, 2569, ['O1', 'O26']);
  const create = (data) => strapi.documents(RESP).create({ data });
  // Duplicate (unit, item).
  await expect(
    create({ unit: units.ENG.documentId, item: o1, primaryEmail: people.carol }),
  ).rejects.toThrow(/มีผู้รับผิดชอบข้อ O1 อยู่แล้ว.*already has a row/);
  // An item of another scheme.
  await expect(
    create({ unit: units.VOC.documentId, item: o26, primaryEmail: people.alice }),
  ).rejects.toThrow(/ไม่อยู่ในชุดตัวชี้วัด.*vocational-college/);
  // Not an admin user.
  await expect(
    create({ unit: units.SCI.documentId, item: o1, primaryEmail: 'ghost@resp.example.org' }),
  ).rejects.toThrow(/not the e-mail of an admin user/);
  // No unit.
  await expect(create({ item: o1, primaryEmail: people.alice })).rejects.toThrow(
    /A unit and a checklist item are required/,
  );
  expect(await strapi.db.query(RESP).count()).toBe(count);

  // An update that would make a duplicate is rolled back.
  const sciO2 = await strapi.db
    .query(RESP)
    .findOne({ where: { unit: { code: 'SCI' }, item: { code: 'O2' } } });
  const [sciO12Item] = await itemIds(strapi, 2569, ['O12']);
  await expect(
    strapi.documents(RESP).update({ documentId: sciO2.documentId, data: { item: sciO12Item } }),
  ).rejects.toThrow(/already has a row for item O12/);
  expect((await rowsOf('SCI')).map((r) => r.item)).toEqual(['O2', 'O12']);

  // The Content Manager answers 400 with the message.
  const cm = await api()
    .post(`/content-manager/collection-types/${RESP}`)
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send({
      unit: { connect: [{ documentId: units.ENG.documentId }] },
      item: { connect: [{ documentId: o1 }] },
      primaryEmail: people.carol,
    });
  expect(cm.status).toBe(400);
  expect(cm.body.error.message).toMatch(/already has a row for item O1/);
  expect(await strapi.db.query(RESP).count()).toBe(count);
});

test('scoping: editors read their units only and assign nothing; monitors read all', async () => {
  const editor = await get('/compliance/responsibilities?fiscalYear=2569', 'editorEng');
  expect(editor.status).toBe(200);
  expect(new Set(editor.body.data.map((r) => r.unit))).toEqual(new Set(['ENG']));
  const sneaky = await get('/compliance/responsibilities?fiscalYear=2569&unit=SCI', 'editorEng');
  expect(sneaky.body.data).toEqual([]);
  const ok = [{ item: 'O2', primaryEmail: people.alice }];
  expect((await assign('ENG', ok, 'editorEng')).status).toBe(403);
  expect((await assign('SCI', ok, 'editorEng')).status).toBe(403);
  expect((await assign('SCI', ok, 'approverEng')).status).toBe(403);
  expect((await assign('ENG', ok, 'monitor')).status).toBe(403);
  const monitor = await get('/compliance/responsibilities?fiscalYear=2569', 'monitor');
  expect(new Set(monitor.body.data.map((r) => r.unit))).toEqual(new Set(['ENG', 'SCI']));
  expect((await get('/compliance/responsibilities?fiscalYear=2569', 'nobody')).status).toBe(403);
  expect((await api().get('/compliance/responsibilities?fiscalYear=2569')).status).toBe(401);
  expect((await api().get('/compliance/my-items?fiscalYear=2569')).status).toBe(401);
  // Another year has no rows.
  expect((await get('/compliance/responsibilities?fiscalYear=2568')).body.data).toEqual([]);
});

test('my items: every (unit, item) of the caller, overdue first, then by due date, done last', async () => {
  // Today (2026-11-24 or later) is past the end of fiscal 2569.
  const res = await get('/compliance/my-items?fiscalYear=2569', 'alice');
  expect(res.status).toBe(200);
  expect(res.body.data.map((i) => [i.unit, i.item, i.role, i.status, i.dueDate])).toEqual([
    ['SCI', 'O2', 'primary', 'overdue', '2025-10-31'],
    ['ENG', 'O11', 'secondary', 'overdue', '2026-01-31'],
    ['ENG', 'O12', 'primary', 'overdue', '2026-03-31'],
    ['ENG', 'O1', 'primary', 'complete', '2025-10-31'],
    ['ENG', 'O18', 'primary', 'declared_none', '2026-03-31'],
  ]);
  expect(res.body.data[1]).toMatchObject({
    unitNameTh: 'คณะวิศวกรรมศาสตร์',
    titleTh: expect.stringContaining('สรุปผลการจัดซื้อจัดจ้าง'),
    missingMonths: [12, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  });
  const bob = await get('/compliance/my-items?fiscalYear=2569', 'bob');
  expect(bob.body.data.map((i) => `${i.unit}:${i.item}:${i.role}`)).toEqual([
    'ENG:O23:primary',
    'ENG:O12:secondary',
    'ENG:O1:secondary',
  ]);
  expect((await get('/compliance/my-items?fiscalYear=2569', 'editorEng')).body.data).toEqual([]);
  expect((await get('/compliance/my-items?fiscalYear=2568', 'alice')).body.data).toEqual([]);
});

test('reminders: one e-mail per person with their items due soon, never twice for a due date', async () => {
  const { sendReminders } = require(`${appDir}/dist/src/compliance/reminders`);
  mails.length = 0;
  // 25 March 2026, 08:00 in Bangkok: O12 (previous year's report) and O11's February summary
  // fall due on 31 March; O26 too, but its row asks for 3 days' notice only.
  const first = await sendReminders(strapi, { now: new Date('2026-03-25T01:00:00Z') });
  expect(first.today).toBe('2026-03-25');
  const summary = (r) =>
    Object.fromEntries(
      r.sent.map((s) => [s.to, s.items.map((i) => `${i.unit}:${i.item}:${i.dueDate}`)]),
    );
  expect(summary(first)).toEqual({
    [people.alice]: ['ENG:O11:2026-03-31', 'ENG:O12:2026-03-31'],
    [people.bob]: ['ENG:O12:2026-03-31'],
    [people.carol]: ['ENG:O11:2026-03-31'],
    [people.dave]: ['SCI:O12:2026-03-31'],
  });
  for (let i = 0; i < 100 && mails.length < 4; i += 1) await new Promise((r) => setTimeout(r, 50));
  expect(mails.map((m) => m.to.join(',')).sort()).toEqual([
    people.alice,
    people.bob,
    people.carol,
    people.dave,
  ]);
  const alice = decode(mails.find((m) => m.to[0] === people.alice).raw);
  expect(alice.subject).toContain('[Prongsai] แจ้งเตือน: 2 ข้อ ITA ใกล้ครบกำหนดเผยแพร่');
  expect(alice.body).toContain('[ENG] O12 รายงานสรุปผลการจัดซื้อจัดจ้าง');
  expect(alice.body).toContain('(เดือนกุมภาพันธ์)');
  expect(alice.body).toContain('ครบกำหนด 31 มีนาคม 2569');
  expect(alice.body).toContain('https://ita.example.org/admin');
  expect(alice.body).not.toContain('O1 ');
  expect(alice.body).not.toContain('O18');

  // The same day again (another instance, a restart): nothing.
  const second = await sendReminders(strapi, { now: new Date('2026-03-25T05:00:00Z') });
  expect(second.sent).toEqual([]);
  // 29 March: O26 comes within its 3 days; the rest was already reminded of.
  const third = await sendReminders(strapi, { now: new Date('2026-03-29T01:00:00Z') });
  expect(summary(third)).toEqual({ [people.carol]: ['ENG:O26:2026-03-31'] });
  // 25 April: O11's March summary falls due on 30 April — a new due date, a new reminder;
  // O12 is overdue by now and is not a "due soon" reminder any more.
  const fourth = await sendReminders(strapi, { now: new Date('2026-04-25T01:00:00Z') });
  expect(summary(fourth)).toEqual({
    [people.alice]: ['ENG:O11:2026-04-30'],
    [people.carol]: ['ENG:O11:2026-04-30'],
  });
  expect((await sendReminders(strapi, { now: new Date('2026-04-26T01:00:00Z') })).sent).toEqual([]);
  const row = await strapi.db
    .query(RESP)
    .findOne({ where: { unit: { code: 'ENG' }, item: { code: 'O11' } } });
  expect(row.lastReminderFor).toBe('2026-04-30');
  // REMINDER_DAYS_BEFORE widens the window: on 1 March, 30 days' notice reaches 31 March.
  await strapi.db.query(RESP).updateMany({ where: {}, data: { lastReminderFor: null } });
  const wide = await sendReminders(strapi, {
    now: new Date('2026-03-01T01:00:00Z'),
    defaultDays: 30,
  });
  expect(summary(wide)[people.bob]).toEqual(['ENG:O12:2026-03-31']);
});
