/**
 * Checklists as data: shipped lists load at start, import validates (JSON paths, nothing written
 * on error), re-import is idempotent and keeps item identities, export writes the same format,
 * and a new fiscal year starts as a provisional copy until the official list replaces it.
 */
const fs = require('fs');
const path = require('path');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit } = require('./helpers/factories');

const CHECKLIST = 'api::ita-checklist.ita-checklist';
const ITEM = 'api::ita-item.ita-item';
const dataDir = path.join(appDir, 'src', 'ita', 'data');
const shipped = (name) => JSON.parse(fs.readFileSync(path.join(dataDir, name), 'utf8'));
const svc = () => require(path.join(appDir, 'dist', 'src', 'ita', 'checklists'));

let strapi;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

const countItems = () => strapi.db.query(ITEM).count();
const itemsOf = async (year, scheme) =>
  strapi.db
    .query(ITEM)
    .findMany({ where: { checklist: { fiscalYear: year, scheme } }, orderBy: { position: 'asc' } });

test('every shipped list is loaded at start, with its item counts', async () => {
  const lists = await strapi.db
    .query(CHECKLIST)
    .findMany({ orderBy: [{ fiscalYear: 'asc' }, { scheme: 'asc' }] });
  expect(lists.map((l) => `${l.fiscalYear}/${l.scheme}/${l.status}`)).toEqual([
    '2564/general/official',
    '2566/general/official',
    '2568/general/official',
    '2568/vocational-college/official',
    '2569/general/official',
    '2569/vocational-college/official',
  ]);
  expect((await itemsOf(2564, 'general')).length).toBe(43);
  expect((await itemsOf(2569, 'vocational-college')).length).toBe(23);
  expect(await countItems()).toBe(195);
  const o1 = (await itemsOf(2569, 'general'))[0];
  expect(o1).toMatchObject({
    code: 'O1',
    titleTh: 'โครงสร้างและอำนาจหน้าที่',
    cadence: 'standing',
    cadenceUncertain: true,
  });
  expect(o1.topics).toEqual(['structure', 'powers_duties']);
  expect(o1.elements).toHaveLength(5);
});

test('loading the shipped lists again (a restart) adds nothing', async () => {
  const before = await countItems();
  const loaded = await svc().loadShippedChecklists(strapi);
  expect(loaded).toEqual([]);
  expect(await countItems()).toBe(before);
});

test('export writes the import format: the shipped 2569 general list round-trips', async () => {
  const exported = await svc().exportChecklist(strapi, 2569, 'general');
  const original = shipped('oit-2569-general.json');
  expect(exported.fiscal_year_be).toBe(2569);
  expect(exported.indicators).toHaveLength(original.indicators.length);
  const flat = (f) =>
    f.indicators.flatMap((i) =>
      i.subindicators.flatMap((s) =>
        s.items.map((it) => [
          i.code,
          s.title_th,
          it.code,
          it.title_th,
          it.cadence,
          it.uncertain || [],
        ]),
      ),
    );
  expect(flat(exported)).toEqual(flat(original));
});

test('an invalid file is refused with the JSON path of each problem, and nothing is written', async () => {
  const before = await countItems();
  const bad = shipped('oit-2569-general.json');
  bad.fiscal_year_be = 2571;
  bad.indicators[0].subindicators[0].items[2].cadence = 'weekly';
  bad.indicators[0].subindicators[0].items[3].code = 'O1';
  await expect(svc().importChecklist(strapi, bad)).rejects.toMatchObject({
    name: 'ValidationError',
    details: {
      errors: expect.arrayContaining([
        {
          path: '$.indicators[0].subindicators[0].items[2].cadence',
          message: expect.stringContaining('unknown cadence "weekly"'),
        },
        {
          path: '$.indicators[0].subindicators[0].items[3].code',
          message: expect.stringContaining('duplicate item code "O1"'),
        },
      ]),
    },
  });
  expect(await countItems()).toBe(before);
  expect(await svc().findChecklist(strapi, 2571, 'general')).toBeNull();
});

test('a fiscal year in Thai digits is accepted; re-import of the same file is idempotent', async () => {
  const file = shipped('oit-2568-general.json');
  file.fiscal_year_be = '๒๕๖๗';
  const first = await svc().importChecklist(strapi, file);
  expect(first).toMatchObject({
    fiscalYear: 2567,
    created: 25,
    updated: 0,
    removed: 0,
    replaced: false,
  });
  const ids = (await itemsOf(2567, 'general')).map((i) => i.id);
  const total = await countItems();
  const second = await svc().importChecklist(strapi, file);
  expect(second).toMatchObject({
    fiscalYear: 2567,
    created: 0,
    updated: 25,
    removed: 0,
    replaced: true,
  });
  expect((await itemsOf(2567, 'general')).map((i) => i.id)).toEqual(ids);
  expect(await countItems()).toBe(total);
  expect(
    await strapi.db.query(CHECKLIST).count({ where: { fiscalYear: 2567, scheme: 'general' } }),
  ).toBe(1);
});

test('fiscal year 2570 starts as a provisional copy of 2569; the official list replaces it and keeps entry links', async () => {
  const started = await svc().startFiscalYear(strapi, 2570, 'general');
  expect(started.created).toBe(24);
  const list = await svc().findChecklist(strapi, 2570, 'general');
  expect(list).toMatchObject({ status: 'provisional', source: 'copy', copiedFromYear: 2569 });
  await expect(svc().startFiscalYear(strapi, 2570, 'general')).rejects.toThrow(/already exists/);

  // An editor ties a news entry to the provisional O4.
  const unit = await createUnit(strapi);
  const o4 = (await itemsOf(2570, 'general')).find((i) => i.code === 'O4');
  const news = await strapi.documents('api::news.news').create({
    data: {
      title: 'ข่าวทดสอบ',
      unit: unit.documentId,
      kind: 'public_relations',
      checklistItems: [o4.documentId],
    },
  });

  // NACC publishes the official 2570 list: O4 keeps its title, O25 is dropped, O27 is new.
  const official = shipped('oit-2569-general.json');
  official.fiscal_year_be = 2570;
  const items = official.indicators[0].subindicators[0].items;
  items.splice(
    items.findIndex((i) => i.code === 'O25'),
    1,
  );
  items.push({ code: 'O27', title_th: 'ข้อใหม่ทดสอบ', cadence: 'standing', topics: ['news'] });
  const replaced = await svc().importChecklist(strapi, official);
  expect(replaced).toMatchObject({ replaced: true, created: 1, updated: 23, removed: 1 });
  expect(await svc().findChecklist(strapi, 2570, 'general')).toMatchObject({
    status: 'official',
    source: 'import',
  });

  const linked = await strapi
    .documents('api::news.news')
    .findOne({ documentId: news.documentId, populate: ['checklistItems'] });
  expect(linked.checklistItems.map((i) => i.code)).toEqual(['O4']);
  expect(linked.checklistItems[0].documentId).toBe(o4.documentId);
});

test('an administrator corrects an uncertain item; a bad topic or a second list for the same year is refused', async () => {
  const o1 = (await itemsOf(2569, 'general'))[0];
  await strapi.documents(ITEM).update({
    documentId: o1.documentId,
    data: {
      cadence: 'standing',
      cadenceUncertain: false,
      titleEn: 'Structure, powers and duties',
    },
  });
  const fixed = await strapi.db.query(ITEM).findOne({ where: { id: o1.id } });
  expect(fixed).toMatchObject({ cadenceUncertain: false, titleEn: 'Structure, powers and duties' });

  await expect(
    strapi
      .documents(ITEM)
      .update({ documentId: o1.documentId, data: { topics: ['no-such-topic'] } }),
  ).rejects.toThrow(/topics/);
  expect((await strapi.db.query(ITEM).findOne({ where: { id: o1.id } })).topics).toEqual([
    'structure',
    'powers_duties',
  ]);

  await expect(
    strapi
      .documents(CHECKLIST)
      .create({ data: { fiscalYear: 2569, scheme: 'general', status: 'official' } }),
  ).rejects.toThrow(/already exists/);
  expect(
    await strapi.db.query(CHECKLIST).count({ where: { fiscalYear: 2569, scheme: 'general' } }),
  ).toBe(1);
});

describe('checklist administration over the admin API', () => {
  const request = require('supertest');
  const { createSuperAdmin, adminToken } = require('./helpers/factories');
  let admin;
  let editor;
  beforeAll(async () => {
    admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
    const provisioning = require(path.join(appDir, 'dist', 'src', 'units', 'provisioning'));
    await createUnit(strapi, { code: 'ITAED' });
    await provisioning.upsertUserMembership(strapi, {
      email: 'ita.editor@example.org',
      password: 'Prongsai123',
      firstname: 'E',
      unit: 'ITAED',
      role: 'editor',
    });
    editor = await adminToken(request, strapi, {
      email: 'ita.editor@example.org',
      password: 'Prongsai123',
    });
  });
  const http = () => request(strapi.server.httpServer);

  test('an administrator imports a file, exports it and starts a year; an editor may only export', async () => {
    const file = shipped('oit-2569-vocational-college.json');
    file.fiscal_year_be = 2572;
    const bad = { ...file, indicators: [{ code: '9', title_th: 'x', subindicators: [] }] };
    const refused = await http()
      .post('/ita/checklists/import')
      .set('Authorization', `Bearer ${admin}`)
      .send(bad);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0].path).toBe('$.indicators[0].subindicators');
    expect(await svc().findChecklist(strapi, 2572, 'vocational-college')).toBeNull();

    const denied = await http()
      .post('/ita/checklists/import')
      .set('Authorization', `Bearer ${editor}`)
      .send(file);
    expect(denied.status).toBe(403);
    expect(await svc().findChecklist(strapi, 2572, 'vocational-college')).toBeNull();

    const ok = await http()
      .post('/ita/checklists/import')
      .set('Authorization', `Bearer ${admin}`)
      .send(file);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      fiscalYear: 2572,
      scheme: 'vocational-college',
      created: 23,
    });

    const exported = await http()
      .get('/ita/checklists/export?fiscalYear=๒๕๗๒&scheme=vocational-college')
      .set('Authorization', `Bearer ${editor}`);
    expect(exported.status).toBe(200);
    expect(
      exported.body.indicators.flatMap((i) => i.subindicators.flatMap((s) => s.items)).length,
    ).toBe(23);

    expect(
      (
        await http()
          .post('/ita/checklists/start-year')
          .set('Authorization', `Bearer ${editor}`)
          .send({ fiscalYear: 2573, scheme: 'vocational-college' })
      ).status,
    ).toBe(403);
    const started = await http()
      .post('/ita/checklists/start-year')
      .set('Authorization', `Bearer ${admin}`)
      .send({ fiscalYear: 2573, scheme: 'vocational-college' });
    expect(started.status).toBe(200);
    expect(await svc().findChecklist(strapi, 2573, 'vocational-college')).toMatchObject({
      status: 'provisional',
      copiedFromYear: 2572,
    });
  });
});
