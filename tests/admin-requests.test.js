/**
 * Requests the admin panel makes on every page for features this CMS does not have (Strapi AI,
 * AI localizations, Preview) and the Media Library's settings read: none fails, for an editor
 * either; changing the upload settings still needs the permission (src/admin-features).
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');

let strapi;
const tokens = {};
const http = () => request(strapi.server.httpServer);
const as = (who) => (req) => req.set('Authorization', `Bearer ${tokens[who]}`);
let newsId;

beforeAll(async () => {
  strapi = await setupStrapi();
  const unit = await createUnit(strapi, { code: 'ARQ', nameTh: 'หน่วยงานทดสอบคำขอ' });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  await provisioning.upsertUserMembership(strapi, {
    email: 'editor@arq.example.org',
    password: 'Prongsai123',
    firstname: 'บรรณาธิการ',
    unit: 'ARQ',
    role: 'editor',
  });
  tokens.editor = await adminToken(request, strapi, {
    email: 'editor@arq.example.org',
    password: 'Prongsai123',
  });
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  newsId = (
    await strapi
      .documents('api::news.news')
      .create({ data: { title: 'ข่าวทดสอบ', unit: unit.documentId } })
  ).documentId;
});
afterAll(teardownStrapi);

test.each(['editor', 'admin'])(
  'every per-page request answers without an error (%s)',
  async (who) => {
    const ai = await as(who)(http().get('/admin/ai-feature-config'));
    expect(ai.status).toBe(200);
    expect(ai.body.data).toEqual({ isAiI18nConfigured: false, isAiMediaLibraryConfigured: false });

    const jobs = await as(who)(
      http().get(`/i18n/ai-localization-jobs/collection-types/api::news.news/${newsId}`),
    );
    expect(jobs.status).toBe(200);
    expect(jobs.body.data).toBeNull();
    const single = await as(who)(http().get('/i18n/ai-localization-jobs/single-types/api::x.x'));
    expect(single.status).toBe(200);

    const preview = await as(who)(
      http().get(`/content-manager/preview/url/api::news.news?documentId=${newsId}&status=draft`),
    );
    expect(preview.status).toBe(204);

    const settings = await as(who)(http().get('/upload/settings'));
    expect(settings.status).toBe(200);
    expect(settings.body.data).toMatchObject({ sizeOptimization: expect.any(Boolean) });
  },
);

test('signed-out requests stay 401; an editor still cannot change the upload settings', async () => {
  for (const path of ['/admin/ai-feature-config', '/upload/settings'])
    expect((await http().get(path)).status).toBe(401);
  const put = await as('editor')(http().put('/upload/settings')).send({
    sizeOptimization: false,
    responsiveDimensions: false,
    autoOrientation: false,
  });
  expect(put.status).toBe(403);
  const ok = await as('admin')(http().put('/upload/settings')).send({
    sizeOptimization: true,
    responsiveDimensions: true,
    autoOrientation: false,
  });
  expect(ok.status).toBe(200);
});
