/** The admin panel speaks Thai: content-type names, field labels and help texts of the Content Manager. */
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createSuperAdmin, adminToken } = require('./helpers/factories');
const { DISCLOSURE_TYPES } = require('../dist/src/disclosures/types');

let strapi;
let token;
beforeAll(async () => {
  strapi = await setupStrapi();
  token = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(teardownStrapi);

const config = async (uid) => {
  const res = await request(strapi.server.httpServer)
    .get(`/content-manager/content-types/${uid}/configuration`)
    .set('Authorization', `Bearer ${token}`);
  expect(res.status).toBe(200);
  return res.body.data.contentType;
};

test('every disclosure type has a Thai name', () => {
  for (const type of DISCLOSURE_TYPES) {
    expect([
      type.name,
      /[\u0E00-\u0E7F]/.test(strapi.contentType(type.uid).info.displayName),
    ]).toEqual([type.name, true]);
  }
});

test.each(DISCLOSURE_TYPES.map((t) => [t.name, t.uid]))(
  '%s: fields are labelled in Thai in the edit view',
  async (_name, uid) => {
    const ct = await config(uid);
    const english = Object.entries(ct.metadatas)
      .filter(
        ([field]) =>
          !['id', 'documentId', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(
            field,
          ),
      )
      .filter(
        ([, meta]) =>
          meta.edit && meta.edit.visible !== false && !/[\u0E00-\u0E7F]/.test(meta.edit.label),
      )
      .map(([field, meta]) => `${field}=${meta.edit.label}`);
    expect(english).toEqual([]);
    expect(ct.metadatas.unit.edit.label).toBe('หน่วยงาน');
    // The internal unit mirror is neither shown nor editable.
    expect(ct.metadatas.unitRef.edit).toMatchObject({ visible: false, editable: false });
    expect(JSON.stringify(ct.layouts.edit)).not.toContain('unitRef');
    expect(ct.settings.mainField).toBe('title');
  },
);

test("an administrator's own label is kept across restarts", async () => {
  const uid = 'api::news.news';
  const ct = await config(uid);
  ct.metadatas.title.edit.label = 'หัวข้อข่าว';
  const service = strapi.plugin('content-manager').service('content-types');
  await service.updateConfiguration(
    { uid },
    { settings: ct.settings, metadatas: ct.metadatas, layouts: ct.layouts },
  );
  await require('../dist/src/content-manager').default.bootstrap(strapi);
  expect((await config(uid)).metadatas.title.edit.label).toBe('หัวข้อข่าว');
});

test('relation pickers name what they point to: the unit in Thai, the item with code, title and year', async () => {
  const ct = await config('api::news.news');
  expect(ct.metadatas.unit.edit.mainField).toBe('nameTh');
  expect(ct.metadatas.checklistItems.edit.mainField).toBe('label');
  const item = await strapi.db.query('api::ita-item.ita-item').findOne({
    where: { code: 'O1', checklist: { fiscalYear: 2569, scheme: 'general' } },
    select: ['code', 'titleTh', 'label'],
  });
  expect(item.label).toBe(`O1 ${item.titleTh} (2569)`);
  // Derived, so shown but not editable.
  const itemConfig = await config('api::ita-item.ita-item');
  expect(itemConfig.metadatas.label.edit.editable).toBe(false);
});

test('the monthly procurement summary lists its workflow state like news and laws', async () => {
  for (const uid of [
    'api::procurement-summary.procurement-summary',
    'api::news.news',
    'api::law.law',
  ]) {
    expect([uid, (await config(uid)).layouts.list]).toEqual([
      uid,
      expect.arrayContaining(['workflowState']),
    ]);
  }
});

test('hints agree with the required markers; corrected hints replace the shipped ones on start', async () => {
  const uid = 'api::procurement-summary.procurement-summary';
  let ct = await config(uid);
  // The unit is required (the star) and its hint no longer says so in words; the title is
  // required and its hint no longer says it may be left empty.
  expect(strapi.contentType(uid).attributes.unit.required).toBe(true);
  expect(ct.metadatas.unit.edit.description).toBe('หน่วยงานเจ้าของข้อมูล');
  expect(ct.metadatas.title.edit.description).not.toMatch(/เว้นว่าง/);
  // An install configured by an earlier version carries the old texts: replaced on start.
  ct.metadatas.unit.edit.description = 'หน่วยงานเจ้าของข้อมูล (จำเป็น)';
  ct.metadatas.title.edit.description = 'เว้นว่างได้ ระบบตั้งชื่อตามเดือนให้';
  ct.metadatas.month.edit.description = 'ข้อความของผู้ดูแลเอง';
  const service = strapi.plugin('content-manager').service('content-types');
  await service.updateConfiguration(
    { uid },
    { settings: ct.settings, metadatas: ct.metadatas, layouts: ct.layouts },
  );
  await require('../dist/src/content-manager').default.bootstrap(strapi);
  ct = await config(uid);
  expect(ct.metadatas.unit.edit.description).toBe('หน่วยงานเจ้าของข้อมูล');
  expect(ct.metadatas.title.edit.description).toMatch(/^เช่น /);
  expect(ct.metadatas.month.edit.description).toBe('ข้อความของผู้ดูแลเอง');
});
