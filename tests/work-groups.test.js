/**
 * Work groups (คณะทำงาน, issue 14): the rules on every write, use by the same unit only
 * (assertWorkGroupsOfUnit, item responsibilities), a checklist item owned by a work group, the
 * reminder e-mail to its members (through a real local SMTP server), and unit scoping through
 * the Content Manager and the Document Service.
 */
const request = require('supertest');
const { SMTPServer } = require('smtp-server');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { itemIds } = require('./helpers/delivery');

const WG = 'api::work-group.work-group';
const RESP = 'api::item-responsibility.item-responsibility';
const PASSWORD = 'Test1234!';
const SMTP_PORT = 24000 + (process.pid % 20000);
const mails = [];
let smtp;
let strapi;
const tokens = {};
const users = {};
const units = {};
const groups = {};

const api = () => request(strapi.server.httpServer);
const as = (who) => ({
  get: (p) => api().get(p).set('Authorization', `Bearer ${tokens[who]}`),
  post: (p, body) => api().post(p).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  put: (p, body) => api().put(p).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  del: (p) => api().delete(p).set('Authorization', `Bearer ${tokens[who]}`),
});
const asAdminUser = (who, fn) =>
  strapi.requestContext.run(
    { state: { user: users[who], auth: { strategy: { name: 'admin' } } } },
    fn,
  );
const snapshot = async () =>
  (
    await strapi.db.query(WG).findMany({
      select: ['documentId', 'name', 'description', 'unitRef'],
      populate: { members: true },
      orderBy: { id: 'asc' },
    })
  ).map((g) => ({
    ...g,
    members: g.members.map((m) => ({
      name: m.name,
      position: m.position,
      role: m.role,
      email: m.email,
    })),
  }));

const MEMBERS = [
  { name: 'นางสาวสมหญิง ใจดี', position: 'ครู', role: 'member', email: 'Somying@WG.example.org' },
  {
    name: 'นายสมชาย รักเรียน',
    position: 'รองผู้อำนวยการ',
    role: 'chair',
    email: 'somchai@wg.example.org',
  },
  { name: 'นายไม่มี อีเมล', role: 'member' },
  { name: 'นางมานี มีสุข', role: 'secretary', email: 'manee@wg.example.org' },
];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
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
  units.WGA = await createUnit(strapi, { code: 'WGA', nameTh: 'คณะทดสอบคณะทำงาน ก' });
  units.WGB = await createUnit(strapi, { code: 'WGB', nameTh: 'คณะทดสอบคณะทำงาน ข' });
  for (const [who, unit, role] of [
    ['editorA', 'WGA', 'editor'],
    ['editorB', 'WGB', 'editor'],
    ['monitor', null, 'monitor'],
  ]) {
    const email = `${who.toLowerCase()}@wg.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unit ? { unit } : {}),
      role,
    });
    users[who] = await strapi.db.query('admin::user').findOne({ where: { email } });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(async () => {
  await teardownStrapi();
  for (const k of ['SMTP_HOST', 'PUBLIC_URL', 'COMPLIANCE_SCHEDULER']) delete process.env[k];
  await new Promise((resolve) => smtp.close(resolve));
});

test('a unit editor creates a work group in the Content Manager; names and e-mails are normalised', async () => {
  const res = await as('editorA').post(`/content-manager/collection-types/${WG}`, {
    name: '  คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส  ',
    description: 'ตามคำสั่งที่ 12/2568',
    unit: { connect: [{ documentId: units.WGA.documentId }] },
    members: MEMBERS,
  });
  expect(res.status).toBe(201);
  groups.A = res.body.data.documentId;
  const [stored] = await snapshot();
  expect(stored).toMatchObject({
    documentId: groups.A,
    name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส',
    unitRef: units.WGA.id,
  });
  expect(stored.members.map((m) => m.email)).toEqual([
    'somying@wg.example.org',
    'somchai@wg.example.org',
    null,
    'manee@wg.example.org',
  ]);
  // The same name in another unit is fine.
  const b = await strapi.documents(WG).create({
    data: { name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส', unit: units.WGB.documentId },
  });
  groups.B = b.documentId;
});

test('every write is checked: name required and unique per unit, valid e-mails, at most 100 members', async () => {
  const before = await snapshot();
  const create = (data) =>
    strapi.documents(WG).create({ data: { unit: units.WGA.documentId, ...data } });
  const refused = [
    [{ name: '   ' }, /name is required/],
    [{ description: 'ไม่มีชื่อ' }, /name is required|กรุณาระบุชื่อ/],
    [{ name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส ' }, /already has a work group named/],
    [{ name: 'x', members: [{ name: 'ก', email: 'not-an-email' }] }, /not a valid e-mail/],
    [{ name: 'x', members: [{ name: '  ', email: 'a@b.org' }] }, /member 1: name is required/],
    [
      { name: 'x', members: Array.from({ length: 101 }, (_, i) => ({ name: `m${i}` })) },
      /at most 100 members/,
    ],
  ];
  let succeeded = 0;
  for (const [data, message] of refused)
    await expect(create(data).then(() => (succeeded += 1))).rejects.toThrow(message);
  // Renaming onto an existing name (case-insensitively) is rolled back.
  const other = await create({ name: 'คณะทำงาน Web' });
  await expect(
    strapi.documents(WG).update({
      documentId: other.documentId,
      data: { name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส' },
    }),
  ).rejects.toThrow(/มีคณะทำงานชื่อ/);
  await strapi.documents(WG).delete({ documentId: other.documentId });
  // The Content Manager answers 400 with the message.
  const cm = await as('editorA').post(`/content-manager/collection-types/${WG}`, {
    name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส',
    unit: { connect: [{ documentId: units.WGA.documentId }] },
  });
  expect(cm.status).toBe(400);
  expect(cm.body.error.message).toMatch(/already has a work group named/);
  expect(succeeded).toBe(0);
  expect(await snapshot()).toEqual(before);
});

test('assertWorkGroupsOfUnit: a work group is used by its own unit only', async () => {
  const { assertWorkGroupsOfUnit } = require(`${appDir}/dist/src/integrity/work-groups`);
  const a = units.WGA.id;
  const rowA = await strapi.db.query(WG).findOne({ where: { documentId: groups.A } });
  await expect(
    assertWorkGroupsOfUnit(strapi, a, [
      groups.A,
      { documentId: groups.A },
      rowA.id,
      { connect: [{ id: rowA.id }] },
      null,
      undefined,
    ]),
  ).resolves.toBeUndefined();
  await expect(assertWorkGroupsOfUnit(strapi, a, [groups.A, groups.B])).rejects.toThrow(
    /เป็นของหน่วยงานอื่น.*belongs to another unit/,
  );
  await expect(assertWorkGroupsOfUnit(strapi, a, ['nosuchdocumentid'])).rejects.toThrow(
    /does not exist/,
  );
  await expect(assertWorkGroupsOfUnit(strapi, units.WGB.id, [{ set: [groups.A] }])).rejects.toThrow(
    /belongs to another unit/,
  );
});

test('a checklist item owned by a work group of the same unit (API and Document Service)', async () => {
  const assign = (unit, assignments) =>
    as('admin').put('/compliance/responsibilities', { fiscalYear: 2569, unit, assignments });
  const count = await strapi.db.query(RESP).count();
  // A group of another unit, an unknown group, neither a person nor a group: 400, nothing saved.
  for (const [bad, message] of [
    [{ item: 'O12', workGroup: groups.B }, 'ไม่พบคณะทำงาน'],
    [{ item: 'O12', workGroup: 'ไม่มีคณะนี้' }, 'No work group'],
    [{ item: 'O12' }, 'primaryEmail (the primary person) or workGroup is required'],
  ]) {
    const res = await assign('WGA', [{ item: 'O1', workGroup: groups.A }, bad]);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details.problems)).toContain(message);
  }
  expect(await strapi.db.query(RESP).count()).toBe(count);

  // By name (any case) or documentId; no person needed.
  const ok = await assign('WGA', [
    { item: 'O12', workGroup: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส' },
    { item: 'O1', workGroup: groups.A, primaryEmail: 'editora@wg.example.org' },
  ]);
  expect(ok.status).toBe(200);
  expect(ok.body.data).toEqual([
    {
      unit: 'WGA',
      item: 'O1',
      titleTh: 'โครงสร้างและอำนาจหน้าที่',
      primaryEmail: 'editora@wg.example.org',
      secondaryEmail: null,
      remindDaysBefore: null,
      workGroup: { documentId: groups.A, name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส' },
    },
    expect.objectContaining({
      item: 'O12',
      primaryEmail: null,
      workGroup: { documentId: groups.A, name: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส' },
    }),
  ]);
  expect(await strapi.db.query(RESP).count()).toBe(count + 2);

  // The Document Service refuses another unit's group, and a row with neither.
  const [o2] = await itemIds(strapi, 2569, ['O2']);
  const after = await strapi.db.query(RESP).count();
  await expect(
    strapi
      .documents(RESP)
      .create({ data: { unit: units.WGA.documentId, item: o2, workGroup: groups.B } }),
  ).rejects.toThrow(/belongs to another unit/);
  await expect(
    strapi.documents(RESP).create({ data: { unit: units.WGA.documentId, item: o2 } }),
  ).rejects.toThrow(/A primaryEmail or a work group is required/);
  const row = await strapi.db
    .query(RESP)
    .findOne({ where: { unit: { id: units.WGA.id }, item: { code: 'O12' } } });
  await expect(
    strapi.documents(RESP).update({ documentId: row.documentId, data: { workGroup: groups.B } }),
  ).rejects.toThrow(/belongs to another unit/);
  expect(await strapi.db.query(RESP).count()).toBe(after);
  const still = await strapi.db
    .query(RESP)
    .findOne({ where: { id: row.id }, populate: { workGroup: true } });
  expect(still.workGroup.documentId).toBe(groups.A);

  // A member of the group (by e-mail) finds the group's items among "my items".
  await require(`${appDir}/dist/src/units/provisioning`).upsertUserMembership(strapi, {
    email: 'manee@wg.example.org',
    password: PASSWORD,
    firstname: 'มานี',
    unit: 'WGA',
    role: 'editor',
  });
  const manee = await adminToken(request, strapi, {
    email: 'manee@wg.example.org',
    password: PASSWORD,
  });
  const mine = await api()
    .get('/compliance/my-items?fiscalYear=2569')
    .set('Authorization', `Bearer ${manee}`);
  expect(mine.status).toBe(200);
  expect(
    mine.body.data
      .map((m) => [m.unit, m.item, m.role, m.workGroup])
      .sort((a, b) => a[1].localeCompare(b[1])),
  ).toEqual([
    ['WGA', 'O1', 'work_group', 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส'],
    ['WGA', 'O12', 'work_group', 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส'],
  ]);
  // Not a member: nothing of the group's.
  const other = await as('editorB').get('/compliance/my-items?fiscalYear=2569');
  expect(other.status).toBe(200);
  expect(other.body.data).toEqual([]);

  // A group that owns checklist items is not deleted from under them (Document Service and the
  // Content Manager): 400, the group and its responsibilities unchanged.
  const groupsBefore = await strapi.db.query('api::work-group.work-group').count();
  await expect(
    strapi.documents('api::work-group.work-group').delete({ documentId: groups.A }),
  ).rejects.toThrow(/change those owners before deleting it/);
  const cmDelete = await api()
    .delete(`/content-manager/collection-types/api::work-group.work-group/${groups.A}`)
    .set('Authorization', `Bearer ${tokens.admin}`);
  expect(cmDelete.status).toBe(400);
  expect(cmDelete.body.error.message).toMatch(/^คณะทำงานนี้ถูกใช้/);
  expect(await strapi.db.query('api::work-group.work-group').count()).toBe(groupsBefore);
  const kept = await strapi.db
    .query(RESP)
    .findOne({ where: { id: row.id }, populate: { workGroup: true } });
  expect(kept.workGroup.documentId).toBe(groups.A);
});

test("reminders reach the work group's members with an e-mail, the chair first", async () => {
  const { sendReminders } = require(`${appDir}/dist/src/compliance/reminders`);
  mails.length = 0;
  // 25 March 2026: O12 (the previous year's procurement report) falls due on 31 March.
  const result = await sendReminders(strapi, { now: new Date('2026-03-25T01:00:00Z') });
  const o12 = result.sent.filter((s) => s.items.some((i) => i.item === 'O12'));
  expect(o12.map((s) => s.to)).toEqual([
    'manee@wg.example.org',
    'somchai@wg.example.org',
    'somying@wg.example.org',
  ]);
  expect(o12[0].items[0]).toMatchObject({
    unit: 'WGA',
    item: 'O12',
    dueDate: '2026-03-31',
    workGroup: 'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส',
  });
  for (let i = 0; i < 100 && mails.length < result.sent.length; i += 1)
    await new Promise((r) => setTimeout(r, 50));
  const recipients = mails.map((m) => m.to[0]);
  expect(recipients).toEqual(
    expect.arrayContaining([
      'manee@wg.example.org',
      'somchai@wg.example.org',
      'somying@wg.example.org',
    ]),
  );
  // Never twice for the same due date.
  const again = await sendReminders(strapi, { now: new Date('2026-03-25T05:00:00Z') });
  expect(again.sent.filter((s) => s.items.some((i) => i.item === 'O12'))).toEqual([]);

  // The chair first among the recipients (the order in which they are addressed).
  const { memberEmails } = require(`${appDir}/dist/src/integrity/work-groups`);
  expect(memberEmails(MEMBERS)).toEqual([
    'somchai@wg.example.org',
    'manee@wg.example.org',
    'somying@wg.example.org',
  ]);
});

test('unit scoping: an editor of unit B cannot read, create, update or delete unit A work groups', async () => {
  const before = await snapshot();
  const CM = `/content-manager/collection-types/${WG}`;
  let attempts = 0;
  let succeeded = 0;
  const http = async (fn) => {
    attempts += 1;
    const r = await fn();
    if (r.status < 300 && JSON.stringify(r.body.data ?? {}) !== '{}') succeeded += 1;
    expect(r.status).toBeLessThan(500);
  };
  const B = as('editorB');
  await http(() => B.get(`${CM}/${groups.A}`));
  await http(() => B.put(`${CM}/${groups.A}`, { name: 'ยึด' }));
  await http(() => B.del(`${CM}/${groups.A}`));
  await http(() =>
    B.post(CM, { name: 'แทรก', unit: { connect: [{ documentId: units.WGA.documentId }] } }),
  );
  await http(() =>
    B.put(`${CM}/${groups.B}`, { unit: { connect: [{ documentId: units.WGA.documentId }] } }),
  );
  const list = await B.get(`${CM}?page=1&pageSize=100`);
  expect(list.body.results.map((g) => g.documentId)).toEqual([groups.B]);

  const ds = async (fn) => {
    attempts += 1;
    try {
      if (await asAdminUser('editorB', fn)) succeeded += 1;
    } catch {
      /* refused */
    }
  };
  const docs = () => strapi.documents(WG);
  await ds(() => docs().findOne({ documentId: groups.A }));
  await ds(() => docs().update({ documentId: groups.A, data: { name: 'ยึด' } }));
  await ds(() =>
    docs()
      .delete({ documentId: groups.A })
      .then((r) => r?.entries?.length),
  );
  await ds(() => docs().create({ data: { name: 'แทรก', unit: units.WGA.documentId } }));
  expect(attempts).toBe(9);
  expect(succeeded).toBe(0);
  expect(await snapshot()).toEqual(before);
  // The monitor reads every unit's groups and changes none.
  expect((await as('monitor').get(`${CM}/${groups.A}`)).body.data.name).toBe(
    'คณะทำงานขับเคลื่อนคุณธรรมและความโปร่งใส',
  );
  expect((await as('monitor').put(`${CM}/${groups.A}`, { name: 'x' })).status).toBe(403);
  expect(await snapshot()).toEqual(before);
});
