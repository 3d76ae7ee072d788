/**
 * One unit through fiscal years 2568 → 2569 → 2570 with the clock fixed at the boundaries
 * (30 Sep / 1 Oct, the standing due date, the end of a review-by period, 31 Mar / 1 Apr, the
 * start of 2570). At each date every item of the unit has the same status on the dashboard
 * matrix, the public ITA page, the assessor-links export and the monthly report — the one
 * compliance rule — and the statuses the rule should give are asserted item by item.
 *
 * Only `Date` is faked (timers, I/O and the database run for real): entries are published, and
 * confirmed, "on" the dates of the timeline.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');

const PASSWORD = 'Test1234!';
const ITEM = 'api::ita-item.ita-item';
const PROFILE = 'api::unit-profile.unit-profile';
const REPORT = 'api::report.report';
const PLAN = 'api::plan.plan';

let strapi;
let admin;
let editor;
let creds;
let editorCreds;
const api = () => request(strapi.server.httpServer);
const log = [];

/** Noon in Bangkok on a calendar date. */
const at = (date) => new Date(`${date}T05:00:00.000Z`);
const setClock = (date) => jest.setSystemTime(at(date));

/** Items of a fiscal year's general checklist: code, cadence and topics. */
const itemsOf = async (fiscalYear) =>
  strapi.db.query(ITEM).findMany({
    where: { checklist: { fiscalYear, scheme: 'general' } },
    select: ['documentId', 'code', 'cadence', 'topics'],
  });
/** The item of a year that asks for a topic, with a given cadence. */
const itemFor = async (fiscalYear, topic, cadence) => {
  const found = (await itemsOf(fiscalYear)).find(
    (i) =>
      Array.isArray(i.topics) && i.topics.includes(topic) && (!cadence || i.cadence === cadence),
  );
  if (!found) throw new Error(`no ${topic} (${cadence}) item in ${fiscalYear}`);
  return found;
};

const login = async () => {
  admin = await adminToken(request, strapi, creds);
  editor = await adminToken(request, strapi, editorCreds);
};

/**
 * Every view of the unit's items on the current (faked) date. Returns the matrix cells by item
 * code after asserting that the page, the export and the report agree with them.
 */
const views = async (fiscalYear) => {
  const { parseCsv } = require(`${appDir}/dist/src/cli/csv`);
  const { buildReport } = require(`${appDir}/dist/src/compliance/report/data`);
  const { periodOf } = require(`${appDir}/dist/src/compliance/report/period`);
  const { todayInBangkok } = require(`${appDir}/dist/src/ita/fiscal-year`);

  const m = await api()
    .get(`/compliance/matrix?fiscalYear=${fiscalYear}&unit=TL`)
    .set('Authorization', `Bearer ${admin}`);
  expect(m.status).toBe(200);
  const cells = new Map(m.body.data.cells.map((c) => [c.item, c]));
  expect(cells.size).toBeGreaterThan(10);

  const page = await api().get(`/api/ita/TL/${fiscalYear}`);
  expect(page.status).toBe(200);
  const pageStatus = new Map(page.body.data.items.map((i) => [i.code, i]));

  const csv = await api().get(`/api/ita-links/${fiscalYear}?unit=TL`);
  expect(csv.status).toBe(200);
  const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
  const col = (name) => header.indexOf(name);
  const exportStatus = new Map(rows.map((r) => [r[col('item_code')], r[col('status')]]));

  const today = todayInBangkok();
  const [y, mo] = today.split('-').map(Number);
  const report = await buildReport(strapi, periodOf(y, mo, today));
  const reportStatus = new Map(
    report.rows.filter((r) => r.unit === 'TL').map((r) => [r.item, r.status]),
  );

  let agreed = 0;
  for (const [code, cell] of cells) {
    expect({ code, page: pageStatus.get(code)?.status }).toEqual({
      code,
      page: cell.publicStatus,
    });
    expect({ code, export: exportStatus.get(code) }).toEqual({ code, export: cell.publicStatus });
    // The report covers the fiscal year of its month; other years are checked on the others.
    if (report.fiscalYear === fiscalYear)
      expect({ code, report: reportStatus.get(code) }).toEqual({ code, report: cell.status });
    // The page never shows an entry the rule does not count.
    const shown = (pageStatus.get(code)?.entries ?? []).map((e) => e.documentId).sort();
    const counted = cell.entries
      .filter((e) => e.published)
      .map((e) => e.documentId)
      .sort();
    expect({ code, shown }).toEqual({ code, shown: counted.filter((d) => shown.includes(d)) });
    agreed += 1;
  }
  log.push(`${today} FY${fiscalYear}: ${agreed} of ${cells.size} items agree on 4 views`);
  return cells;
};

const confirm = async (uid, documentId) => {
  const res = await api()
    .post('/workflow/confirm')
    .set('Authorization', `Bearer ${editor}`)
    .send({ uid, documentId });
  expect(res.status).toBe(200);
  return res.body;
};

let o = {};
const e = {};

beforeAll(async () => {
  strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const unit = await createUnit(strapi, { code: 'TL', nameTh: 'กองแผนงาน' });
  creds = await createSuperAdmin(strapi);
  editorCreds = { email: 'editor@timeline.example.org', password: PASSWORD };
  await provisioning.upsertUserMembership(strapi, {
    ...editorCreds,
    firstname: 'บรรณาธิการ',
    unit: 'TL',
    role: 'editor',
  });
  e.unit = unit.documentId;

  o = {
    structure68: await itemFor(2568, 'structure', 'standing'),
    structure69: await itemFor(2569, 'structure', 'standing'),
    perf69: await itemFor(2569, 'procurement_annual_report', 'annual_previous_fy'),
    action68: await itemFor(2568, 'anti_corruption_plan'),
    action69: await itemFor(2569, 'anti_corruption_plan'),
  };

  // Only Date is faked; timers and I/O stay real.
  jest.useFakeTimers({
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
    now: at('2024-11-15'),
  });
  await login();

  // 15 Nov 2567 (FY 2568): the unit's profile and its 2568 action plan are published.
  e.profile = await createEntry(
    strapi,
    PROFILE,
    { title: 'โครงสร้างและอำนาจหน้าที่ กองแผนงาน', unit: e.unit },
    { items: [o.structure68.code], fiscalYear: 2568 },
  );
  e.plan68 = await createEntry(
    strapi,
    PLAN,
    {
      title: 'แผนปฏิบัติการป้องกันการทุจริต 2568',
      kind: 'anti_corruption',
      fiscalYear: 2568,
      unit: e.unit,
    },
    { items: [o.action68.code], fiscalYear: 2568 },
  );
});

afterAll(async () => {
  jest.useRealTimers();
  console.log(log.join('\n'));
  await teardownStrapi();
});

test('30 Sep 2568 → 1 Oct 2569: the year turns; standing evidence counts in the new year', async () => {
  setClock('2025-09-30');
  await login();
  let c = await views(2568);
  expect(c.get(o.structure68.code)).toMatchObject({ status: 'complete', publicStatus: 'complete' });
  expect(c.get(o.action68.code).status).toBe('complete');

  setClock('2025-10-01');
  await login();
  c = await views(2569);
  // The profile published while 2569's list already existed counts for 2569 too.
  expect(c.get(o.structure69.code)).toMatchObject({ status: 'complete', publicStatus: 'complete' });
  // The 2568 plan is not evidence for 2569's plan item: not yet due (31 Dec).
  expect(c.get(o.action69.code)).toMatchObject({ status: 'missing', publicStatus: 'not_yet_due' });
  expect(c.get(o.perf69.code)).toMatchObject({ status: 'missing', publicStatus: 'not_yet_due' });
  const page = await api().get(`/api/ita/TL/2569/${o.action69.code}`);
  expect(page.body.data.item.entries).toEqual([]);
});

test('after the standing due date (31 Oct) an empty standing item is missing to the public', async () => {
  setClock('2025-11-01');
  await login();
  const c = await views(2569);
  const standingEmpty = [...c.values()].filter(
    (cell) => cell.item !== o.structure69.code && cell.status === 'overdue',
  );
  expect(standingEmpty.length).toBeGreaterThan(0);
  for (const cell of standingEmpty) expect(cell.publicStatus).toBe('missing');
  expect(c.get(o.structure69.code).status).toBe('complete');
});

test('past the review-by date the profile is to be reviewed; the editor confirms it', async () => {
  setClock('2025-11-16');
  await login();
  let c = await views(2569);
  expect(c.get(o.structure69.code)).toMatchObject({
    status: 'to_review',
    publicStatus: 'complete',
  });
  await confirm(PROFILE, e.profile.documentId);
  c = await views(2569);
  expect(c.get(o.structure69.code)).toMatchObject({ status: 'complete', publicStatus: 'complete' });
});

test('31 Mar / 1 Apr 2569: the previous year’s report lands on the item that judges it', async () => {
  setClock('2026-01-15');
  await login();
  const { suggestChecklistItems } = require(`${appDir}/dist/src/disclosures/suggest`);
  const suggested = await suggestChecklistItems(strapi, {
    type: 'report',
    kind: 'annual_procurement',
    unit: { documentId: e.unit },
    fiscalYear: 2568,
  });
  expect(suggested).toContain(o.perf69.documentId);
  e.perf68 = await strapi.documents(REPORT).create({
    data: {
      title: 'รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี 2568',
      kind: 'annual_procurement',
      fiscalYear: 2568,
      unit: e.unit,
      checklistItems: suggested,
    },
  });
  const { publishAsSystem } = require(`${appDir}/dist/src/workflow/service`);
  await publishAsSystem(strapi, REPORT, e.perf68.documentId, 'test');

  setClock('2026-03-31');
  await login();
  let c = await views(2569);
  expect(c.get(o.perf69.code)).toMatchObject({ status: 'complete', publicStatus: 'complete' });
  const due = [...c.values()].filter(
    (cell) => cell.dueDate === '2026-03-31' && cell.entryCount === 0,
  );
  expect(due.length).toBeGreaterThan(0);
  for (const cell of due)
    expect(cell).toMatchObject({ status: 'missing', publicStatus: 'not_yet_due' });

  setClock('2026-04-01');
  await login();
  c = await views(2569);
  for (const cell of due)
    expect(c.get(cell.item)).toMatchObject({ status: 'overdue', publicStatus: 'missing' });
  expect(c.get(o.perf69.code).status).toBe('complete');
});

test('1 Oct 2570: ita:start-year carries the standing evidence, to be confirmed; confirmed, complete', async () => {
  setClock('2026-10-01');
  await login();
  const start = await api()
    .post('/ita/checklists/start-year')
    .set('Authorization', `Bearer ${admin}`)
    .send({ fiscalYear: 2570, scheme: 'general' });
  expect(start.status).toBe(200);
  const tl = start.body.meta.carryOver.units.find((u) => u.unit === 'TL');
  expect(tl.toConfirm).toBeGreaterThanOrEqual(1);

  const structure70 = await itemFor(2570, 'structure', 'standing');
  const perf70 = await itemFor(2570, 'procurement_annual_report', 'annual_previous_fy');
  let c = await views(2570);
  // Carried and unconfirmed: in review on the dashboard, still published to the public.
  expect(c.get(structure70.code)).toMatchObject({ status: 'in_review', publicStatus: 'complete' });
  const page = await api().get(`/api/ita/TL/2570/${structure70.code}`);
  expect(page.body.data.item.entries.map((x) => x.documentId)).toEqual([e.profile.documentId]);
  // The 2568 report is not evidence for 2570 (it wants 2569's).
  expect(c.get(perf70.code)).toMatchObject({ status: 'missing', publicStatus: 'not_yet_due' });
  expect((await api().get(`/api/ita/TL/2570/${perf70.code}`)).body.data.item.entries).toEqual([]);
  // 2569 is still right as it stood.
  expect((await views(2569)).get(o.perf69.code).status).toBe('complete');

  await confirm(PROFILE, e.profile.documentId);
  c = await views(2570);
  expect(c.get(structure70.code)).toMatchObject({ status: 'complete', publicStatus: 'complete' });

  // Running the start again carries nothing twice.
  const again = await api()
    .post('/ita/checklists/start-year')
    .set('Authorization', `Bearer ${admin}`)
    .send({ fiscalYear: 2570, scheme: 'general' });
  expect(again.status).toBeLessThan(500);
  const rows = await strapi.db.query('api::carried-evidence.carried-evidence').findMany({
    where: { fiscalYear: 2570, entryDocumentId: e.profile.documentId },
  });
  const keys = rows.map(
    (r) => `${r.entryDocumentId}:${r.item?.id ?? r.itemId ?? r.itemDocumentId}`,
  );
  expect(new Set(keys).size).toBe(keys.length);
});
