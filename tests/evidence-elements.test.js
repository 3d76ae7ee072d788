/**
 * Evidence elements: each checklist item's elements (what the page must show) are listed beside
 * the entry and ticked by the approver when approving; the ticks are stored bound to the
 * approval and become those of the published version when it is published; the compliance
 * matrix shows "incomplete evidence" for an item whose published entry was approved without all
 * of them. Bad tick payloads are refused with nothing stored; another unit's approver cannot
 * tick; administrators alone edit the lists, which export and import keep.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken, systemSteps } = require('./helpers/factories');
const { createEntry, itemIds } = require('./helpers/delivery');

const UID = 'api::unit-profile.unit-profile';
const CHECKS = 'api::element-check.element-check';
const EVENTS = 'api::workflow-event.workflow-event';
const ITEM = 'api::ita-item.ita-item';
const PASSWORD = 'Prongsai123';
let strapi;
let unit;
let O1;
let O2;
let o1Elements;
const tokens = {};

const http = () => request(strapi.server.httpServer);
const as = (who, req) => req.set('Authorization', `Bearer ${tokens[who]}`);
const move = (who, documentId, action, extra = {}) =>
  as(who, http().post('/workflow/transition')).send({
    uid: UID,
    documentId,
    action,
    comment: 'ตรวจแล้ว',
    ...extra,
  });
const elementsOfEntry = (who, documentId) =>
  as(who, http().get(`/workflow/elements?uid=${encodeURIComponent(UID)}&documentId=${documentId}`));
const rows = (documentId) =>
  strapi.db
    .query(CHECKS)
    .findMany({ where: { contentType: UID, entryDocumentId: documentId }, orderBy: { id: 'asc' } });
const state = async (documentId) =>
  (await strapi.db.query(UID).findOne({ where: { documentId, publishedAt: null } })).workflowState;
const o1Cell = async () => {
  const res = await as('admin', http().get('/compliance/matrix?fiscalYear=2569&unit=EE1'));
  expect(res.status).toBe(200);
  return res.body.data.cells.find((c) => c.unit === 'EE1' && c.item === 'O1');
};
const all = () => ({ [O1]: o1Elements.map((_, i) => i) });

/** A unit profile of EE1 linked to O1 (and O2 when asked), submitted by the unit's editor. */
const submitted = async (items = ['O1']) => {
  const doc = await strapi.documents(UID).create({
    data: {
      title: `โครงสร้างหน่วยงาน ${Math.random()}`,
      unit: unit.documentId,
      checklistItems: await itemIds(strapi, 2569, items),
    },
  });
  expect((await move('editor', doc.documentId, 'submit')).status).toBe(200);
  return doc.documentId;
};

/** Sends an existing entry round again: an edit, a submission by the editor. */
const editAndSubmit = async (documentId) => {
  await strapi
    .documents(UID)
    .update({ documentId, data: { title: `แก้ไข ${Math.random()}` }, status: 'draft' });
  expect(await state(documentId)).toBe('draft');
  expect((await move('editor', documentId, 'submit')).status).toBe(200);
};

beforeAll(async () => {
  strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  unit = await createUnit(strapi, { code: 'EE1', nameTh: 'หน่วยงานทดสอบองค์ประกอบ' });
  await createUnit(strapi, { code: 'EE2', nameTh: 'หน่วยงานอื่น' });
  for (const [who, unitCode, role] of [
    ['editor', 'EE1', 'editor'],
    ['approver', 'EE1', 'approver'],
    ['outsider', 'EE2', 'approver'],
    ['monitor', undefined, 'monitor'],
  ]) {
    const email = `${who}@elements.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      unit: unitCode,
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  [O1, O2] = await itemIds(strapi, 2569, ['O1', 'O2']);
  o1Elements = (await strapi.db.query(ITEM).findOne({ where: { documentId: O1 } })).elements;
  expect(o1Elements.length).toBeGreaterThan(2);
});
afterAll(teardownStrapi);

test('the edit view lists the elements of every linked item, in Thai; only the approver may tick', async () => {
  const id = await submitted(['O1', 'O2']);
  const res = await elementsOfEntry('editor', id);
  expect(res.status).toBe(200);
  const [o1, o2] = res.body.data.items;
  expect(o1).toMatchObject({
    documentId: O1,
    code: 'O1',
    titleTh: 'โครงสร้างและอำนาจหน้าที่',
    fiscalYear: 2569,
    elements: o1Elements,
    approved: null,
    published: null,
  });
  expect(o1.elements[0]).toMatch(/[\u0E00-\u0E7F]/);
  expect(o2.code).toBe('O2');
  expect(res.body.data.canTick).toBe(false);
  expect((await elementsOfEntry('approver', id)).body.data.canTick).toBe(true);
  expect((await elementsOfEntry('monitor', id)).body.data.canTick).toBe(false);
  // Another unit's staff: an unknown entry.
  expect((await elementsOfEntry('outsider', id)).status).toBe(404);
  expect(
    (await as('editor', http().get(`/workflow/elements?uid=nope&documentId=${id}`))).status,
  ).toBe(400);
  expect((await http().get(`/workflow/elements?uid=${UID}&documentId=${id}`)).status).toBe(401);
});

test('bad element payloads are refused (4xx, Thai and English) and nothing is stored', async () => {
  const id = await submitted(['O1']);
  const eventsBefore = await strapi.db.query(EVENTS).count();
  const bad = [
    'all',
    [0, 1],
    { [O1]: 'x' },
    { [O1]: [-1] },
    { [O1]: [1.5] },
    { [O1]: ['0'] },
    { [O1]: [o1Elements.length] },
    { 'no-such-item': [0] },
    { [O2]: [0] }, // a real item, not linked to this entry
    { 'bad key!': [0] },
  ];
  for (const elements of bad) {
    const res = await move('approver', id, 'approve', { elements });
    expect([JSON.stringify(elements), res.status]).toEqual([JSON.stringify(elements), 400]);
    expect(res.body.error.message).toMatch(/[\u0E00-\u0E7F].* \/ [A-Za-z]/);
  }
  // Elements belong to an approval only.
  const res = await move('approver', id, 'request_changes', { elements: all() });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/approve/);
  expect(await state(id)).toBe('submitted');
  expect(await rows(id)).toEqual([]);
  expect(await strapi.db.query(EVENTS).count()).toBe(eventsBefore);
});

test("another unit's approver can neither tick nor approve", async () => {
  const id = await submitted(['O1']);
  const res = await move('outsider', id, 'approve', { elements: all() });
  expect(res.status).toBe(404);
  expect(await state(id)).toBe('submitted');
  expect(await rows(id)).toEqual([]);
});

test('approved with every element → complete; re-approved with some unticked → incomplete evidence once published; approved again → complete', async () => {
  const id = await submitted(['O1']);
  expect((await move('approver', id, 'approve', { elements: all() })).status).toBe(200);
  let stored = await rows(id);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ itemDocumentId: O1, stage: 'approved', confirmed: true });
  const approveEvent = await strapi.db
    .query(EVENTS)
    .findOne({ where: { entryDocumentId: id, action: 'approve' }, orderBy: { id: 'desc' } });
  expect(stored[0].approveEventId).toBe(approveEvent.id);
  expect(stored[0].contentHash).toBe(approveEvent.contentHash);
  expect((await move('approver', id, 'publish')).status).toBe(200);
  stored = await rows(id);
  expect(stored.map((r) => [r.stage, r.confirmed])).toEqual([['published', true]]);
  let cell = await o1Cell();
  expect(cell.status).toBe('complete');
  expect(cell.publicStatus).toBe('complete');

  // A new version, approved with two elements unticked: the published version keeps its ticks.
  await editAndSubmit(id);
  const some = o1Elements.map((_, i) => i).slice(2);
  expect((await move('approver', id, 'approve', { elements: { [O1]: some } })).status).toBe(200);
  stored = await rows(id);
  expect(stored.map((r) => [r.stage, r.confirmed]).sort()).toEqual([
    ['approved', false],
    ['published', true],
  ]);
  const panel = (await elementsOfEntry('editor', id)).body.data.items[0];
  expect(panel.approved).toMatchObject({ ticked: some, confirmed: false });
  expect(panel.published.confirmed).toBe(true);
  expect((await o1Cell()).status).toBe('complete');

  // Published: the new approval's ticks replace the old ones.
  expect((await move('approver', id, 'publish')).status).toBe(200);
  stored = await rows(id);
  expect(stored.map((r) => [r.stage, r.confirmed])).toEqual([['published', false]]);
  cell = await o1Cell();
  expect(cell.status).toBe('incomplete_evidence');
  // The public is told it is published; the dashboard says what is missing.
  expect(cell.publicStatus).toBe('complete');
  expect(cell.entries.find((e) => e.documentId === id).elementsConfirmed).toBe(false);
  const dash = await as('admin', http().get('/compliance/matrix?fiscalYear=2569&unit=EE1'));
  const eng = dash.body.meta.progress.find((p) => p.unit === 'EE1');
  expect(eng.counts.incomplete_evidence).toBe(1);

  // Approved again with every element ticked: complete again, one row.
  await editAndSubmit(id);
  expect((await move('approver', id, 'approve', { elements: all() })).status).toBe(200);
  expect((await move('approver', id, 'publish')).status).toBe(200);
  expect((await rows(id)).map((r) => [r.stage, r.confirmed])).toEqual([['published', true]]);
  expect((await o1Cell()).status).toBe('complete');

  // Unpublished: its ticks go with the published version.
  expect((await move('approver', id, 'unpublish', { comment: 'ถอนชั่วคราว' })).status).toBe(200);
  expect(await rows(id)).toEqual([]);
});

test('an edit after the approval voids its ticks', async () => {
  const id = await submitted(['O1']);
  expect((await move('approver', id, 'approve', { elements: all() })).status).toBe(200);
  expect((await rows(id)).map((r) => r.stage)).toEqual(['approved']);
  await editAndSubmit(id);
  expect(await rows(id)).toEqual([]);
  expect((await elementsOfEntry('editor', id)).body.data.items[0].approved).toBeNull();
  // Sent back without approval: nothing to show as approved.
  await move('approver', id, 'request_changes', { comment: 'ยังไม่ครบ' });
});

test('an approval that sends no elements ticks none: incomplete evidence', async () => {
  const id = await submitted(['O1']);
  expect((await move('approver', id, 'approve')).status).toBe(200);
  expect((await rows(id)).map((r) => [r.stage, r.confirmed, r.ticked])).toEqual([
    ['approved', false, []],
  ]);
  expect((await move('approver', id, 'publish')).status).toBe(200);
  expect((await o1Cell()).status).toBe('incomplete_evidence');
  // One complete entry among the published ones is enough for the item.
  const other = await submitted(['O1']);
  await move('approver', other, 'approve', { elements: all() });
  await move('approver', other, 'publish');
  expect((await o1Cell()).status).toBe('complete');
  for (const doc of [id, other])
    await move('approver', doc, 'unpublish', { comment: 'ล้างข้อมูลทดสอบ' });
});

test('a person cannot approve "without a record": elements null ticks none, like no elements', async () => {
  const id = await submitted(['O1']);
  expect((await move('approver', id, 'approve', { elements: null })).status).toBe(200);
  expect((await rows(id)).map((r) => [r.stage, r.confirmed, r.ticked])).toEqual([
    ['approved', false, []],
  ]);
  await move('approver', id, 'publish');
  expect((await o1Cell()).status).toBe('incomplete_evidence');
  await move('approver', id, 'unpublish', { comment: 'ล้างข้อมูลทดสอบ' });
});

test('approvals without a record (before elements were checked) are unknown, not incomplete', async () => {
  const legacy = await createEntry(
    strapi,
    UID,
    { title: 'โครงสร้างเดิม', unit: unit.documentId },
    { items: ['O1'], elements: null },
  );
  expect(await rows(legacy.documentId)).toEqual([]);
  expect((await o1Cell()).status).toBe('complete');
  // The same with the test helper's explicit "no ticks": incomplete.
  const none = await strapi.documents(UID).create({
    data: {
      title: 'ไม่ได้ติ๊ก',
      unit: unit.documentId,
      checklistItems: await itemIds(strapi, 2569, ['O2']),
    },
  });
  await systemSteps(strapi, UID, none.documentId, ['submit', 'approve', 'publish'], 'ระบบ', {
    elements: {},
  });
  const res = await as('admin', http().get('/compliance/matrix?fiscalYear=2569&unit=EE1'));
  expect(res.body.data.cells.find((c) => c.item === 'O2').status).toBe('incomplete_evidence');
  await systemSteps(strapi, UID, legacy.documentId, ['unpublish'], 'ล้าง');
  await systemSteps(strapi, UID, none.documentId, ['unpublish'], 'ล้าง');
});

test('element check rows have no write path but the workflow', async () => {
  await expect(
    strapi.documents(CHECKS).create({
      data: {
        contentType: UID,
        entryDocumentId: 'x',
        itemId: 1,
        stage: 'published',
        confirmed: true,
      },
    }),
  ).rejects.toThrow(/approval workflow/);
  // No REST API.
  expect((await http().get('/api/element-checks')).status).toBe(404);
});

describe('administrators edit the elements of an item', () => {
  const put = (who, documentId, body) =>
    as(who, http().put(`/ita/items/${documentId}/elements`)).send(body);

  test('unit staff and monitors may not (403); nothing changes', async () => {
    for (const who of ['editor', 'approver', 'monitor']) {
      const res = await put(who, O2, { elements: ['อื่น ๆ'] });
      expect([who, res.status]).toEqual([who, 403]);
    }
    const o2 = await strapi.db.query(ITEM).findOne({ where: { documentId: O2 } });
    expect(o2.elements.length).toBeGreaterThan(0);
    expect(o2.elements).not.toContain('อื่น ๆ');
  });

  test('bad lists are refused with a Thai and English message', async () => {
    for (const elements of [
      'ข้อความ',
      [1, 2],
      ['ก', ''],
      ['ก', 'ก'],
      ['x'.repeat(1001)],
      Array.from({ length: 101 }, (_, i) => `ข้อ ${i}`),
    ]) {
      const res = await put('admin', O2, { elements });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/[\u0E00-\u0E7F].* \/ [A-Za-z]/);
    }
    expect((await put('admin', 'no-such-item', { elements: ['ก'] })).status).toBe(404);
    // The Document Service holds the same rule for every other path (the Content Manager's JSON).
    await expect(
      strapi.documents(ITEM).update({ documentId: O2, data: { elements: ['ก', ' ก '] } }),
    ).rejects.toThrow(/repeats/);
    // And checklist files: the JSON path of the bad list, nothing written.
    const file = await as(
      'admin',
      http().get('/ita/checklists/export?fiscalYear=2569&scheme=general'),
    );
    const first = file.body.indicators[0].subindicators[0].items[0];
    first.elements = ['ก', ''];
    const refused = await as('admin', http().post('/ita/checklists/import')).send(file.body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors).toEqual([
      { path: '$.indicators[0].subindicators[0].items[0].elements', message: 'element 2 is empty' },
    ]);
  });

  test('an administrator adds, rewords and reorders; approvals ticked before miss the new element; export and import keep the list', async () => {
    const id = await submitted(['O1']);
    await move('approver', id, 'approve', { elements: all() });
    await move('approver', id, 'publish');
    expect((await o1Cell()).status).toBe('complete');

    // Reordered: the ticks follow the text.
    const reordered = [...o1Elements].reverse();
    let res = await put('admin', O1, { elements: reordered.map((e) => ` ${e} `) });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: O1, code: 'O1', elements: reordered });
    expect((await o1Cell()).status).toBe('complete');

    // A new element nobody has ticked yet: incomplete until approved again.
    const added = [...reordered, 'แสดงวันที่ปรับปรุงข้อมูลล่าสุด'];
    res = await put('admin', O1, { elements: added });
    expect(res.status).toBe(200);
    expect((await o1Cell()).status).toBe('incomplete_evidence');
    const panel = (await elementsOfEntry('editor', id)).body.data.items[0];
    expect(panel.elements).toEqual(added);
    expect(panel.published.confirmed).toBe(false);
    expect(panel.published.ticked).toEqual(reordered.map((_, i) => i));

    // The list is in the checklist file and survives a re-import.
    const exported = await as(
      'admin',
      http().get('/ita/checklists/export?fiscalYear=2569&scheme=general'),
    );
    expect(exported.status).toBe(200);
    const o1 = exported.body.indicators
      .flatMap((i) => i.subindicators)
      .flatMap((s) => s.items)
      .find((i) => i.code === 'O1');
    expect(o1.elements).toEqual(added);
    const imported = await as('admin', http().post('/ita/checklists/import')).send(exported.body);
    expect(imported.status).toBe(200);
    const stored = await strapi.db.query(ITEM).findOne({ where: { documentId: O1 } });
    expect(stored.elements).toEqual(added);

    // The editor's page lists the items with their elements.
    const items = await as(
      'admin',
      http().get('/ita/checklists/items?fiscalYear=2569&scheme=general'),
    );
    expect(items.status).toBe(200);
    expect(items.body.data.find((i) => i.code === 'O1').elements).toEqual(added);
    expect((await as('admin', http().get('/ita/checklists'))).body.data.length).toBeGreaterThan(3);
    expect((await as('admin', http().get('/ita/checklists/items?fiscalYear=x'))).status).toBe(400);

    // Restore the shipped list.
    expect((await put('admin', O1, { elements: o1Elements })).status).toBe(200);
    await move('approver', id, 'unpublish', { comment: 'ล้างข้อมูลทดสอบ' });
  });
});
