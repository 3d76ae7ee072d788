/**
 * First run: the first super admin from ADMIN_EMAIL/ADMIN_PASSWORD (idempotent) and demo data
 * shaped like the seeds — a university's 30 units in 3 groups, a province with its agencies,
 * entries of every disclosure type — seeded once, and never in production.
 */
const path = require('path');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { DISCLOSURE_TYPES } = require('../dist/src/disclosures/types');

const seed = () => require(path.join(appDir, 'dist', 'src', 'seed'));

let strapi;
beforeAll(async () => {
  strapi = await setupStrapi({ ADMIN_EMAIL: 'Head@Example.org', ADMIN_PASSWORD: 'Prongsai123' });
});
afterAll(async () => {
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  await teardownStrapi();
});

test('the first super admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, once', async () => {
  const users = await strapi.db.query('admin::user').findMany({ populate: ['roles'] });
  expect(users).toHaveLength(1);
  expect(users[0]).toMatchObject({
    email: 'head@example.org',
    isActive: true,
    preferedLanguage: 'th',
  });
  expect(users[0].roles.map((r) => r.code)).toEqual(['strapi-super-admin']);
  await seed().ensureFirstAdmin(strapi);
  expect(await strapi.db.query('admin::user').count()).toBe(1);
  // Its address changed (or another super admin exists): the variables create no second one.
  await strapi.db
    .query('admin::user')
    .update({ where: { id: users[0].id }, data: { email: 'new-head@example.org' } });
  await seed().ensureFirstAdmin(strapi);
  expect((await strapi.db.query('admin::user').findMany()).map((u) => u.email)).toEqual([
    'new-head@example.org',
  ]);
  await strapi.db
    .query('admin::user')
    .update({ where: { id: users[0].id }, data: { email: 'head@example.org' } });
});

test('demo data never seeds in production, even when asked', () => {
  const env = { ...process.env };
  try {
    process.env.NODE_ENV = 'production';
    process.env.SEED_DEMO = 'true';
    expect(seed().shouldSeedDemo(strapi)).toBe(false);
    process.env.NODE_ENV = 'development';
    process.env.SEED_DEMO = 'false';
    expect(seed().shouldSeedDemo(strapi)).toBe(false);
    delete process.env.SEED_DEMO;
    expect(seed().shouldSeedDemo(strapi)).toBe(false); // tests and `strapi start`: no autoReload
  } finally {
    Object.assign(process.env, env);
  }
});

test('demo data: the university in three groups, the province, every disclosure type; seeded once', async () => {
  const result = await seed().seedDemo(strapi);
  expect(result.units).toBe(38);
  const units = await strapi.db.query('api::unit.unit').findMany({ populate: ['parent'] });
  const uni = units.filter(
    (u) => u.code !== 'DEMO-UNI' && u.code !== 'DEMO-PROV' && !u.code.startsWith('PV'),
  );
  const byGroup = (g) => uni.filter((u) => u.group === g).length;
  expect([byGroup('faculty'), byGroup('office'), byGroup('division_centre')]).toEqual([9, 8, 13]);
  expect(units.filter((u) => u.parent && u.parent.code === 'DEMO-PROV').length).toBe(6);
  expect(units.find((u) => u.code === 'PV-VOC').scheme).toBe('vocational-college');

  for (const type of DISCLOSURE_TYPES) {
    const published = await strapi.db
      .query(type.uid)
      .count({ where: { publishedAt: { $notNull: true } } });
    expect([type.name, published > 0]).toEqual([type.name, true]);
  }
  const summary = await strapi.db.query('api::procurement-summary.procurement-summary').findOne({
    where: { month: 10, publishedAt: { $notNull: true } },
    populate: { rows: { populate: ['bids'] } },
  });
  expect(summary.title).toMatch(/^สรุปผลการจัดซื้อจัดจ้างประจำเดือน ตุลาคม/);
  expect(summary.rows[0].bids[0].bidder).toBe('ร้านตัวอย่างพาณิชย์');

  const demoUser = await strapi.db
    .query('admin::user')
    .findOne({ where: { email: 'editor.sci@demo.prongsai.local' }, populate: ['roles'] });
  expect(demoUser.roles.map((r) => r.code)).toEqual(['prongsai-unit-editor']);
  const memberships = await strapi.db
    .query('api::unit-membership.unit-membership')
    .findMany({ populate: ['unit'] });
  expect(
    memberships.map((m) => `${m.userEmail}:${m.role}:${m.unit ? m.unit.code : '-'}`),
  ).toContain('publisher.pvo@demo.prongsai.local:publisher:PV-AGRI');

  // Responsibilities for the demo units' items, so "my items" has something to show.
  const responsibilities = await strapi.db
    .query('api::item-responsibility.item-responsibility')
    .findMany({ populate: ['unit'] });
  expect(responsibilities.length).toBeGreaterThan(20);
  expect(
    responsibilities.filter(
      (r) => r.unit.code === 'OQA' && r.primaryEmail === 'editor.oqa@demo.prongsai.local',
    ).length,
  ).toBeGreaterThan(10);

  const counts = await Promise.all(DISCLOSURE_TYPES.map((t) => strapi.db.query(t.uid).count()));
  expect(await seed().seedDemo(strapi)).toEqual({ units: 0, entries: 0 });
  expect(await Promise.all(DISCLOSURE_TYPES.map((t) => strapi.db.query(t.uid).count()))).toEqual(
    counts,
  );
});
