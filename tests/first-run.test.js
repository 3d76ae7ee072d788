/**
 * First run as README describes it: `npm run develop` seeds the demo data, the admin panel's
 * registration form creates the first administrator (Strapi opens it only while no admin user
 * exists, so the demo accounts wait for it), then every demo account logs in — and in every unit
 * where the demo accounts work, an entry goes draft → submitted → approved → published with
 * those accounts alone (centrally published units: their approver approves, the provincial
 * office's publisher publishes).
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');

const UID = 'api::news.news';
let strapi;
let seed;
const http = () => request(strapi.server.httpServer);
const tokens = {};

const login = async (email, password) => {
  const res = await http().post('/admin/login').send({ email, password });
  return res.status === 200 ? res.body.data.token : null;
};
const as = (email) => (req) => req.set('Authorization', `Bearer ${tokens[email]}`);

beforeAll(async () => {
  // SEED_DEMO=true is what `strapi develop` does (autoReload); no ADMIN_EMAIL.
  strapi = await setupStrapi({ SEED_DEMO: 'true' });
  seed = require(`${appDir}/dist/src/seed`);
});
afterAll(async () => {
  process.env.SEED_DEMO = 'false';
  await teardownStrapi();
});

test('demo data is seeded but no account yet: /admin/init says registration is open', async () => {
  expect(await strapi.db.query('api::unit.unit').count({ where: { code: 'DEMO-UNI' } })).toBe(1);
  expect(await strapi.db.query('admin::user').count()).toBe(0);
  const init = await http().get('/admin/init');
  expect(init.status).toBe(200);
  expect(init.body.data.hasAdmin).toBe(false);
});

test('the first administrator registers through the form; then the demo accounts exist and log in', async () => {
  const res = await http().post('/admin/register-admin').send({
    email: 'head@example.org',
    password: 'Prongsai123',
    firstname: 'ผู้ดูแล',
    lastname: 'ระบบ',
  });
  expect(res.status).toBe(200);
  expect(res.body.data.token).toEqual(expect.any(String));
  expect((await http().get('/admin/init')).body.data.hasAdmin).toBe(true);

  // Strapi emits user.create without awaiting its listeners: the accounts follow at once.
  const emails = [...new Set(seed.DEMO_USERS.map((u) => u.email))];
  // Up to 60 s: on a loaded machine the responsibilities (one per item) take a while.
  for (let i = 0; i < 600; i += 1) {
    const n = await strapi.db.query('admin::user').count({ where: { email: { $in: emails } } });
    const memberships = await strapi.db
      .query('api::unit-membership.unit-membership')
      .count({ where: { userEmail: { $in: emails } } });
    const responsibilities = await strapi.db
      .query('api::item-responsibility.item-responsibility')
      .count();
    if (n === emails.length && memberships === seed.DEMO_USERS.length && responsibilities > 20)
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const email of emails) {
    tokens[email] = await login(email, seed.DEMO_PASSWORD);
    expect([email, typeof tokens[email]]).toEqual([email, 'string']);
  }
  // The responsibilities that name them (they must be admin users) follow too.
  expect(
    await strapi.db.query('api::item-responsibility.item-responsibility').count(),
  ).toBeGreaterThan(20);
  // A second registration stays closed.
  const again = await http().post('/admin/register-admin').send({
    email: 'other@example.org',
    password: 'Prongsai123',
    firstname: 'อื่น',
  });
  expect(again.status).toBe(400);
  // A restart (the next bootstrap) keeps the accounts as they are.
  expect(await seed.ensureDemoUsers(strapi)).toBe(emails.length);
  expect(await strapi.db.query('admin::user').count()).toBe(emails.length + 1);
});

test('every demo unit with accounts: draft → submitted → approved → published with demo accounts only', async () => {
  const { DEMO_UNITS } = require(`${appDir}/dist/src/seed/demo-data`);
  const byUnit = new Map();
  for (const u of seed.DEMO_USERS) {
    if (!u.unit) continue;
    if (!byUnit.has(u.unit)) byUnit.set(u.unit, {});
    byUnit.get(u.unit)[u.role] = u.email;
  }
  // Every unit that has demo entries has demo accounts, and the other way round.
  const { DEMO_ENTRY_UNITS } = require(`${appDir}/dist/src/seed/demo-data`);
  expect([...byUnit.keys()].sort()).toEqual([...DEMO_ENTRY_UNITS].sort());

  const move = (email, documentId, action) =>
    as(email)(http().post('/workflow/transition')).send({
      uid: UID,
      documentId,
      action,
      comment: 'ตรวจแล้ว',
    });
  const tasksOf = async (email) =>
    JSON.stringify((await as(email)(http().get('/workflow/tasks'))).body);

  for (const [code, people] of byUnit) {
    const unit = DEMO_UNITS.find((u) => u.code === code);
    const central = unit.group === 'provincial_agency';
    expect([code, Boolean(people.editor), Boolean(people.approver)]).toEqual([code, true, true]);
    if (central) expect([code, Boolean(people.publisher)]).toEqual([code, true]);

    const created = await as(people.editor)(
      http().post(`/content-manager/collection-types/${UID}`),
    ).send({ title: `ข่าวทดสอบการเริ่มใช้งาน ${code}`, kind: 'public_relations' });
    expect([code, created.status]).toEqual([code, 201]);
    const id = created.body.data.documentId;
    const row = await strapi.db
      .query(UID)
      .findOne({ where: { documentId: id }, populate: ['unit'] });
    expect([code, row.unit.code]).toEqual([code, code]);

    expect([code, 'submit', (await move(people.editor, id, 'submit')).status]).toEqual([
      code,
      'submit',
      200,
    ]);
    expect(await tasksOf(people.approver)).toContain(id);
    expect([code, 'approve', (await move(people.approver, id, 'approve')).status]).toEqual([
      code,
      'approve',
      200,
    ]);
    const publisher = central ? people.publisher : people.approver;
    expect(await tasksOf(publisher)).toContain(id);
    if (central) {
      // The unit head approves; the provincial office publishes on the unit's behalf.
      expect((await move(people.approver, id, 'publish')).status).toBe(403);
    }
    expect([code, 'publish', (await move(publisher, id, 'publish')).status]).toEqual([
      code,
      'publish',
      200,
    ]);
    const live = await strapi.db
      .query(UID)
      .count({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect([code, live]).toEqual([code, 1]);
  }
});
