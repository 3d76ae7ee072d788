/**
 * The compliance matrix: every unit × item of its scheme with a status computed from published
 * entries, cadences and today's date in Bangkok; statuses follow publication and withdrawal;
 * unit staff see their own units, central monitors and administrators all; the number of
 * queries does not grow with the number of units.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');

const PASSWORD = 'Test1234!';
let strapi;
let tokens = {};
let wf;
const api = () => request(strapi.server.httpServer);
const get = (path, who = 'admin') => api().get(path).set('Authorization', `Bearer ${tokens[who]}`);
const cellOf = (body, unit, item) =>
  body.data.cells.find((c) => c.unit === unit && c.item === item);

beforeAll(async () => {
  strapi = await setupStrapi();
  wf = require(`${appDir}/dist/src/workflow/service`);
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const eng = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    group: 'faculty',
  });
  await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์', group: 'faculty' });
  await createUnit(strapi, { code: 'OFF', nameTh: 'สำนักงานอธิการบดี', group: 'office' });
  await createUnit(strapi, {
    code: 'VOC',
    nameTh: 'วิทยาลัยเทคนิค',
    group: 'school',
    scheme: 'vocational-college',
  });
  const unit = eng.documentId;
  // Standing: the unit profile (O1).
  await createEntry(
    strapi,
    'api::unit-profile.unit-profile',
    { title: 'โครงสร้าง', unit },
    { items: ['O1'] },
  );
  // Previous year's report (O12) of 2568.
  await createEntry(
    strapi,
    'api::report.report',
    { title: 'รายงานสรุปผลจัดซื้อ 2568', kind: 'annual_procurement', fiscalYear: 2568, unit },
    { items: ['O12'] },
  );
  // A report of the wrong year for O14 (annual_previous_fy): does not count.
  await createEntry(
    strapi,
    'api::report.report',
    { title: 'รายงานบุคคล 2569', kind: 'annual_performance', fiscalYear: 2569, unit },
    { items: ['O14'] },
  );
  // "None" for O18.
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
  // In review: a plan for O23 submitted, not published.
  const plan = await createEntry(
    strapi,
    'api::plan.plan',
    { title: 'แผนป้องกันการทุจริต 2569', kind: 'anti_corruption', fiscalYear: 2569, unit },
    { items: ['O23'], publish: false },
  );
  await wf.transition(strapi, {
    uid: 'api::plan.plan',
    documentId: plan.documentId,
    action: 'submit',
    actor: { kind: 'system', name: 'test' },
  });
  // Monthly (O11): October and November 2568 → fiscal 2569, the rest missing.
  await createEntry(
    strapi,
    'api::procurement-summary.procurement-summary',
    {
      title: 'สขร. ตุลาคม',
      fiscalYear: 2569,
      month: 10,
      unit,
      rows: [{ sequence: 1, workItem: 'จัดซื้อกระดาษ', method: 'specific', budget: 5000 }],
    },
    { items: ['O11'] },
  );
  await createEntry(
    strapi,
    'api::procurement-summary.procurement-summary',
    {
      title: 'สขร. พฤศจิกายน',
      fiscalYear: 2569,
      month: 11,
      unit,
      isNone: true,
      noneText: 'ไม่มีการจัดซื้อจัดจ้าง',
    },
    { items: ['O11'] },
  );

  for (const [who, unitCode, role] of [
    ['editorEng', 'ENG', 'editor'],
    ['monitor', null, 'monitor'],
  ]) {
    const email = `${who.toLowerCase()}@compliance.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unitCode ? { unit: unitCode } : {}),
      ...(role ? { role } : {}),
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  // A user with the editor role but no unit.
  const editorRole = await strapi.db
    .query('admin::role')
    .findOne({ where: { code: 'prongsai-unit-editor' } });
  await strapi.admin.services.user.create({
    email: 'nobody@compliance.example.org',
    password: PASSWORD,
    firstname: 'Nobody',
    isActive: true,
    roles: [editorRole.id],
  });
  tokens.nobody = await adminToken(request, strapi, {
    email: 'nobody@compliance.example.org',
    password: PASSWORD,
  });
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(teardownStrapi);

test('GET /compliance/matrix: statuses from entries, cadences and the date', async () => {
  const res = await get('/compliance/matrix?fiscalYear=2569');
  expect(res.status).toBe(200);
  const { units, items, cells } = res.body.data;
  expect(units.map((u) => u.code)).toEqual(['ENG', 'OFF', 'SCI', 'VOC']);
  const general = items.filter((i) => i.scheme === 'general');
  expect(general.length).toBeGreaterThan(20);
  expect(items.some((i) => i.scheme === 'vocational-college')).toBe(true);
  // Each unit has exactly the items of its own scheme.
  const vocItems = items.filter((i) => i.scheme === 'vocational-college').length;
  expect(cells.filter((c) => c.unit === 'VOC')).toHaveLength(vocItems);
  expect(cells.filter((c) => c.unit === 'ENG')).toHaveLength(general.length);

  // Today (2026-11-24 or later) is past the end of fiscal 2569: whatever is missing is overdue.
  const expectCell = (item, status) =>
    expect([item, cellOf(res.body, 'ENG', item).status]).toEqual([item, status]);
  expectCell('O1', 'complete');
  expectCell('O12', 'complete');
  expectCell('O14', 'overdue');
  expectCell('O18', 'declared_none');
  expectCell('O23', 'in_review');
  expectCell('O2', 'overdue');
  const o11 = cellOf(res.body, 'ENG', 'O11');
  expect(o11.status).toBe('overdue');
  expect(o11.missingMonths).toEqual([12, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(o11.dueDate).toBe('2026-01-31');
  expect(cellOf(res.body, 'ENG', 'O1')).toMatchObject({
    dueDate: '2025-10-31',
    entries: [{ type: 'unit-profile', title: 'โครงสร้าง', published: true, isNone: false }],
  });
  expect(cellOf(res.body, 'ENG', 'O23').entries[0]).toMatchObject({
    published: false,
    workflowState: 'submitted',
  });
  expect(cellOf(res.body, 'SCI', 'O1').status).toBe('overdue');
  const eng = res.body.meta.progress.find((p) => p.unit === 'ENG');
  expect(eng.counts).toMatchObject({ complete: 2, declared_none: 1, in_review: 1 });
  expect(eng.progress).toBeCloseTo(3 / general.length);
});

test('filters by group and unit; Thai digits for the year', async () => {
  const faculties = await get(
    `/compliance/matrix?fiscalYear=${encodeURIComponent('๒๕๖๙')}&group=faculty`,
  );
  expect(faculties.body.data.units.map((u) => u.code)).toEqual(['ENG', 'SCI']);
  expect(new Set(faculties.body.data.cells.map((c) => c.unit))).toEqual(new Set(['ENG', 'SCI']));
  const voc = await get('/compliance/matrix?fiscalYear=2569&scheme=vocational-college');
  expect(voc.body.data.units.map((u) => u.code)).toEqual(['VOC']);
  expect(voc.body.data.items.every((i) => i.scheme === 'vocational-college')).toBe(true);
  const vocHistory = await get('/compliance/history?fiscalYear=2569&scheme=vocational-college');
  expect(vocHistory.body.data[0].total).toBe(voc.body.data.cells.length);
  expect((await get('/compliance/matrix?fiscalYear=2569&scheme=Bad%20Scheme')).status).toBe(400);
  const one = await get('/compliance/matrix?fiscalYear=2569&unit=sci');
  expect(one.body.data.units.map((u) => u.code)).toEqual(['SCI']);
  for (const bad of ['fiscalYear=2026', 'fiscalYear=x', 'group=nope', 'unit=%27%3B'])
    expect((await get(`/compliance/matrix?${bad}`)).status).toBe(400);
});

test('statuses follow publication and withdrawal', async () => {
  const plan = cellOf(
    (await get('/compliance/matrix?fiscalYear=2569&unit=ENG')).body,
    'ENG',
    'O23',
  );
  const documentId = plan.entries[0].documentId;
  for (const action of ['approve', 'publish'])
    await wf.transition(strapi, {
      uid: 'api::plan.plan',
      documentId,
      action,
      actor: { kind: 'system', name: 'test' },
    });
  let cell = cellOf((await get('/compliance/matrix?fiscalYear=2569&unit=ENG')).body, 'ENG', 'O23');
  expect(cell.status).toBe('complete');
  await wf.transition(strapi, {
    uid: 'api::plan.plan',
    documentId,
    action: 'unpublish',
    comment: 'ต้องแก้ไข',
    actor: { kind: 'system', name: 'test' },
  });
  cell = cellOf((await get('/compliance/matrix?fiscalYear=2569&unit=ENG')).body, 'ENG', 'O23');
  expect(cell.status).toBe('in_review');
  expect(cell.entries[0]).toMatchObject({ published: false, workflowState: 'draft' });
});

test('unit staff see their own units; monitors and administrators every unit; others nothing', async () => {
  const editor = await get('/compliance/matrix?fiscalYear=2569', 'editorEng');
  expect(editor.status).toBe(200);
  expect(editor.body.data.units.map((u) => u.code)).toEqual(['ENG']);
  expect(new Set(editor.body.data.cells.map((c) => c.unit))).toEqual(new Set(['ENG']));
  // Asking for another unit gives nothing of it.
  const sneaky = await get('/compliance/matrix?fiscalYear=2569&unit=SCI', 'editorEng');
  expect(sneaky.body.data.cells).toEqual([]);
  const monitor = await get('/compliance/matrix?fiscalYear=2569', 'monitor');
  expect(monitor.body.data.units).toHaveLength(4);
  expect((await get('/compliance/matrix?fiscalYear=2569', 'nobody')).status).toBe(403);
  expect((await api().get('/compliance/matrix?fiscalYear=2569')).status).toBe(401);
});

test('completion month by month', async () => {
  const res = await get('/compliance/history?fiscalYear=2569&unit=ENG');
  expect(res.status).toBe(200);
  expect(res.body.data).toHaveLength(12);
  expect(res.body.data[0]).toMatchObject({ month: '2025-10', asOf: '2025-10-31' });
  expect(res.body.data[11].month).toBe('2026-09');
  // Entries published today count only from this month's point on: earlier months had less.
  const last = res.body.data[11];
  expect(last.total).toBeGreaterThan(20);
});

test('the number of queries does not grow with the number of units', async () => {
  const count = async () => {
    await get('/compliance/matrix?fiscalYear=2569');
    let n = 0;
    const onQuery = () => (n += 1);
    strapi.db.connection.on('query', onQuery);
    const res = await get('/compliance/matrix?fiscalYear=2569');
    strapi.db.connection.off('query', onQuery);
    expect(res.status).toBe(200);
    return { n, units: res.body.data.units.length };
  };
  const before = await count();
  for (let i = 0; i < 12; i += 1)
    await createUnit(strapi, { code: `X${i}`, nameTh: `หน่วย ${i}`, group: 'office' });
  const after = await count();
  console.log(
    `compliance matrix queries: ${before.units} units → ${before.n}, ${after.units} units → ${after.n}`,
  );
  expect(after.units).toBe(before.units + 12);
  expect(after.n).toBe(before.n);
  // The engine itself: units, checklists, items, the links, the periods, the carried links (year
  // rollover), the review dates and the evidence elements ticked at approval — eight queries for
  // any number of units.
  const { loadMatrixData } = require(`${appDir}/dist/src/compliance/engine`);
  let engine = 0;
  const onQuery = () => (engine += 1);
  strapi.db.connection.on('query', onQuery);
  const data = await loadMatrixData(strapi, { fiscalYear: 2569 });
  strapi.db.connection.off('query', onQuery);
  expect(data.units.length).toBe(after.units);
  expect(engine).toBe(8);
});

test('GET /compliance/cell: every entry behind one cell; the matrix keeps the newest twelve', async () => {
  const eng = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'ENG' } });
  for (let i = 1; i <= 14; i += 1)
    await createEntry(
      strapi,
      'api::news.news',
      {
        title: `ข่าว ${i}`,
        kind: 'public_relations',
        date: `2026-0${1 + (i % 8)}-1${i % 9}`,
        unit: eng.documentId,
      },
      { items: ['O4'] },
    );
  const matrix = await get('/compliance/matrix?fiscalYear=2569&unit=ENG');
  const o4 = cellOf(matrix.body, 'ENG', 'O4');
  expect(o4.status).toBe('complete');
  expect(o4.entryCount).toBe(14);
  expect(o4.entries).toHaveLength(12);
  const res = await get('/compliance/cell?fiscalYear=2569&unit=ENG&item=o4');
  expect(res.status).toBe(200);
  expect(res.body.data.unit.code).toBe('ENG');
  expect(res.body.data.item.code).toBe('O4');
  expect(res.body.data.cell.entries).toHaveLength(14);
  expect((await get('/compliance/cell?fiscalYear=2569&unit=ENG&item=O99')).status).toBe(404);
  expect((await get('/compliance/cell?fiscalYear=2569&unit=ENG,SCI&item=O4')).status).toBe(400);
  // Another unit's cell is not visible to an editor of ENG.
  expect((await get('/compliance/cell?fiscalYear=2569&unit=SCI&item=O4', 'editorEng')).status).toBe(
    404,
  );
});
