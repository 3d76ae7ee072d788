/** Fixture factories for the integration tests: units, API tokens, admin users. */
let seq = 0;

async function createUnit(strapi, overrides = {}) {
  seq += 1;
  return strapi.documents('api::unit.unit').create({
    data: {
      code: `U${seq}${Date.now() % 100000}`.slice(0, 20),
      nameTh: `หน่วยงานทดสอบ ${seq}`,
      nameEn: `Test unit ${seq}`,
      group: 'faculty',
      scheme: 'general',
      ...overrides,
    },
  });
}

async function createApiToken(strapi, type = 'full-access') {
  seq += 1;
  const token = await strapi.service('admin::api-token').create({
    name: `test-token-${seq}-${Date.now()}`,
    type,
    kind: 'content-api',
    lifespan: null,
  });
  return token.accessKey;
}

async function createSuperAdmin(
  strapi,
  email = `admin${++seq}@example.org`,
  password = 'Test1234!',
) {
  const superAdmin = await strapi.admin.services.role.getSuperAdmin();
  await strapi.admin.services.user.create({
    email,
    firstname: 'Admin',
    lastname: 'Test',
    password,
    isActive: true,
    roles: [superAdmin.id],
  });
  return { email, password };
}

async function adminToken(request, strapi, creds) {
  const res = await request(strapi.server.httpServer).post('/admin/login').send(creds);
  if (!res.body.data)
    throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

/** A users-permissions account in the Authenticated role (a member of the public with a login). */
async function createMember(strapi, email = 'member@example.org', password = 'Test1234!') {
  const role = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'authenticated' } });
  return strapi
    .plugin('users-permissions')
    .service('user')
    .add({
      username: email.split('@')[0],
      email,
      password,
      provider: 'local',
      confirmed: true,
      role: role.id,
    });
}

/**
 * Takes an entry through workflow actions as the system (no role checks, same audit events).
 * `approve` ticks every evidence element of the linked items unless `elements` says otherwise:
 * `{ [itemDocumentId]: [indices] }` (`{}` ticks nothing), or `null` records no ticks (unknown,
 * like an approval from before elements were checked).
 */
async function systemSteps(strapi, uid, documentId, actions, comment = 'ระบบ', options = {}) {
  const { transition } = require('../../dist/src/workflow/service');
  const elements = 'elements' in options ? options.elements : 'all';
  let last;
  for (const action of actions)
    last = await transition(strapi, {
      uid,
      documentId,
      action,
      comment,
      actor: { kind: 'system', name: 'test' },
      ...(action === 'approve' ? { elements } : {}),
    });
  return last;
}

module.exports = {
  createUnit,
  createApiToken,
  createSuperAdmin,
  adminToken,
  createMember,
  systemSteps,
};
