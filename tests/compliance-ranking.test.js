/**
 * The website contest ranking (seed 000): units scored within their group by completeness,
 * timeliness and freshness with configurable weights; ties share a rank; CSV and XLSX exports;
 * central monitors and administrators only.
 *
 * A small checklist of its own ("contest" scheme, fiscal 2569: C1 standing due 31 Oct 2025,
 * C2 annual due 31 Dec 2025, C3 previous year's report due 31 Mar 2026) keeps the expected
 * scores easy to work out. Fiscal 2569 is over by the time the tests run, so everything is due
 * and all 12 months count for freshness.
 */
const request = require('supertest');
const ExcelJS = require('exceljs');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { itemIds } = require('./helpers/delivery');

const PASSWORD = 'Test1234!';
const PROFILE = 'api::unit-profile.unit-profile';
let strapi;
const tokens = {};

const api = () => request(strapi.server.httpServer);
const get = (path, who = 'admin') => api().get(path).set('Authorization', `Bearer ${tokens[who]}`);
const putCriteria = (body, who = 'admin') =>
  api()
    .put('/compliance/ranking/criteria')
    .set('Authorization', `Bearer ${tokens[who]}`)
    .send(body);
const ranks = (body) => body.data.map((r) => `${r.group}:${r.rank}:${r.unit}`);

const CHECKLIST = {
  fiscal_year_be: 2569,
  scheme: 'contest',
  status: 'official',
  indicators: [
    {
      code: '1',
      title_th: 'การเปิดเผยข้อมูล',
      subindicators: [
        {
          code: null,
          title_th: 'ข้อมูลพื้นฐาน',
          items: [
            { code: 'C1', title_th: 'โครงสร้าง', cadence: 'standing' },
            { code: 'C2', title_th: 'แผนประจำปี', cadence: 'annual_current_fy' },
            { code: 'C3', title_th: 'รายงานประจำปี', cadence: 'annual_previous_fy' },
          ],
        },
      ],
    },
  ],
};

/** A published entry of the unit for one item, published at the given instant. */
const publishedAt = async (unit, item, at) => {
  const { publishAsSystem } = require(`${appDir}/dist/src/workflow/service`);
  const [itemId] = await itemIds(strapi, 2569, [item], 'contest');
  const doc = await strapi.documents(PROFILE).create({
    data: { title: `${item} ${at}`, unit: unit.documentId, checklistItems: [itemId] },
  });
  await publishAsSystem(strapi, PROFILE, doc.documentId, 'test');
  await strapi.db.query(PROFILE).updateMany({
    where: { documentId: doc.documentId, publishedAt: { $notNull: true } },
    data: { publishedAt: new Date(`${at}T03:00:00.000Z`) },
  });
};

beforeAll(async () => {
  strapi = await setupStrapi({ COMPLIANCE_SCHEDULER: 'false' });
  const { importChecklist } = require(`${appDir}/dist/src/ita/checklists`);
  await importChecklist(strapi, CHECKLIST, { source: 'import' });
  const unit = (code, group, scheme = 'contest') =>
    createUnit(strapi, { code, nameTh: `หน่วยงาน ${code}`, group, scheme });
  const u = {};
  for (const code of ['FA', 'FB', 'FC', 'FD']) u[code] = await unit(code, 'faculty');
  for (const code of ['OA', 'OB']) u[code] = await unit(code, 'office');
  u.DA = await unit('DA', 'division_centre');
  // A unit whose scheme has no checklist for the year is not ranked.
  await unit('XA', 'faculty', 'no-list');

  // FA and FB: everything, on time, in three different months.
  for (const code of ['FA', 'FB']) {
    await publishedAt(u[code], 'C1', '2025-10-15');
    await publishedAt(u[code], 'C2', '2025-12-15');
    await publishedAt(u[code], 'C3', '2026-03-15');
  }
  // FC: C1 only, on time. FD, DA: nothing.
  await publishedAt(u.FC, 'C1', '2025-10-15');
  // OA: two of three, both late. OB: one of three, on time.
  await publishedAt(u.OA, 'C1', '2025-11-20');
  await publishedAt(u.OA, 'C2', '2026-01-20');
  await publishedAt(u.OB, 'C1', '2025-10-10');

  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  for (const [who, unitCode, role] of [
    ['monitor', null, 'monitor'],
    ['editor', 'FA', 'editor'],
    ['approver', 'FA', 'approver'],
  ]) {
    const email = `${who}@ranking.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unitCode ? { unit: unitCode } : {}),
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(async () => {
  await teardownStrapi();
  delete process.env.COMPLIANCE_SCHEDULER;
});

test('units are ranked within their group; complete and on time beats gaps; ties share a rank', async () => {
  const res = await get('/compliance/ranking?fiscalYear=2569');
  expect(res.status).toBe(200);
  expect(ranks(res.body)).toEqual([
    'faculty:1:FA',
    'faculty:1:FB',
    'faculty:3:FC',
    'faculty:4:FD',
    'office:1:OA',
    'office:2:OB',
    // Alone in its group: first, whatever its score.
    'division_centre:1:DA',
  ]);
  const row = (unit) => res.body.data.find((r) => r.unit === unit);
  expect(row('FA')).toEqual({
    group: 'faculty',
    rank: 1,
    unit: 'FA',
    nameTh: 'หน่วยงาน FA',
    score: 0.925,
    completeness: 1,
    timeliness: 1,
    freshness: 0.25,
  });
  // One of three: complete 1/3, on time 1/3, one month of twelve.
  expect(row('FC')).toMatchObject({
    completeness: 0.3333,
    timeliness: 0.3333,
    freshness: 0.0833,
    score: 0.3083,
  });
  // Two of three, both published after their due dates.
  expect(row('OA')).toMatchObject({ completeness: 0.6667, timeliness: 0, freshness: 0.1667 });
  expect(row('DA')).toMatchObject({ score: 0, completeness: 0, timeliness: 0, freshness: 0 });
  expect(res.body.meta).toMatchObject({
    fiscalYear: 2569,
    unranked: ['XA'],
    criteria: {
      weights: { completeness: 0.6, timeliness: 0.3, freshness: 0.1 },
      freshness: { mode: 'active_months', days: 90 },
    },
  });

  const office = await get('/compliance/ranking?fiscalYear=2569&group=office', 'monitor');
  expect(ranks(office.body)).toEqual(['office:1:OA', 'office:2:OB']);
  for (const bad of ['fiscalYear=x', 'group=nope'])
    expect((await get(`/compliance/ranking?${bad}`)).status).toBe(400);
});

test('weights are validated, normalised, stored and reorder the ranking', async () => {
  for (const bad of [
    {},
    { weights: [1, 2, 3] },
    { weights: { completeness: -1, timeliness: 1 } },
    { weights: { completeness: 0, timeliness: 0, freshness: 0 } },
    { weights: { completeness: 1, speed: 1 } },
    { weights: { completeness: '1' } },
    { weights: { completeness: 1 }, freshness: { mode: 'daily' } },
    { weights: { completeness: 1 }, freshness: { mode: 'recency', days: 0 } },
  ]) {
    const res = await putCriteria(bad);
    expect([bad, res.status]).toEqual([bad, 400]);
  }
  const set = await putCriteria(
    { weights: { completeness: 2, timeliness: 6, freshness: 2 } },
    'monitor',
  );
  expect(set.status).toBe(200);
  expect(set.body.data).toMatchObject({
    weights: { completeness: 0.2, timeliness: 0.6, freshness: 0.2 },
    freshness: { mode: 'active_months', days: 90 },
    updatedBy: 'monitor@ranking.example.org',
  });
  expect((await get('/compliance/ranking/criteria')).body.data.weights).toEqual({
    completeness: 0.2,
    timeliness: 0.6,
    freshness: 0.2,
  });
  // Timeliness now weighs most: OB (on time) passes OA (late).
  const res = await get('/compliance/ranking?fiscalYear=2569&group=office');
  expect(ranks(res.body)).toEqual(['office:1:OB', 'office:2:OA']);
  expect(res.body.data.map((r) => r.score)).toEqual([0.2833, 0.1667]);

  // Freshness by recency only: nothing was published in the last 90 days, so every unit
  // scores 0 and all tie for first place in their group.
  const recency = await putCriteria({
    weights: { freshness: 1 },
    freshness: { mode: 'recency', days: 90 },
  });
  expect(recency.body.data.weights).toEqual({ completeness: 0, timeliness: 0, freshness: 1 });
  const flat = await get('/compliance/ranking?fiscalYear=2569');
  expect(flat.body.data.every((r) => r.rank === 1 && r.score === 0)).toBe(true);
  expect(flat.body.data).toHaveLength(7);

  // Back to the defaults for the exports.
  await putCriteria({
    weights: { completeness: 0.6, timeliness: 0.3, freshness: 0.1 },
    freshness: { mode: 'active_months' },
  });
});

test('CSV and XLSX exports hold the rows, one sheet per group, Thai headers', async () => {
  const csv = await get('/compliance/ranking/csv?fiscalYear=2569');
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  expect(csv.headers['content-disposition']).toContain('ranking-2569.csv');
  const lines = csv.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe(
    'กลุ่มหน่วยงาน,อันดับ,รหัสหน่วยงาน,ชื่อหน่วยงาน,คะแนนรวม,ความครบถ้วน,ความตรงเวลา,ความสม่ำเสมอ',
  );
  expect(lines).toHaveLength(8);
  expect(lines[1]).toBe('คณะ,1,FA,หน่วยงาน FA,0.9250,1.0000,1.0000,0.2500');
  expect(lines[5]).toBe('สำนัก,1,OA,หน่วยงาน OA,0.4167,0.6667,0.0000,0.1667');
  expect(lines[7]).toMatch(/^กองและศูนย์,1,DA,/);

  const xlsx = await get('/compliance/ranking/xlsx?fiscalYear=2569')
    .buffer(true)
    .parse((res, cb) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.body);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['คณะ', 'สำนัก', 'กองและศูนย์', 'เกณฑ์']);
  const faculty = wb.getWorksheet('คณะ');
  expect(faculty.getRow(1).values.slice(1)).toEqual([
    'อันดับ',
    'รหัสหน่วยงาน',
    'ชื่อหน่วยงาน',
    'คะแนนรวม',
    'ความครบถ้วน',
    'ความตรงเวลา',
    'ความสม่ำเสมอ',
  ]);
  const rows = [2, 3, 4, 5].map((n) => faculty.getRow(n).values.slice(1, 4));
  expect(rows).toEqual([
    [1, 'FA', 'หน่วยงาน FA'],
    [1, 'FB', 'หน่วยงาน FB'],
    [3, 'FC', 'หน่วยงาน FC'],
    [4, 'FD', 'หน่วยงาน FD'],
  ]);
  expect(faculty.getRow(2).getCell(4).value).toBe(0.925);
  expect(wb.getWorksheet('สำนัก').rowCount).toBe(3);

  const officeOnly = await get('/compliance/ranking/csv?fiscalYear=2569&group=office');
  expect(officeOnly.headers['content-disposition']).toContain('ranking-2569-office.csv');
  expect(officeOnly.text.trim().split('\r\n')).toHaveLength(3);
});

test('central monitors and administrators only', async () => {
  for (const who of ['editor', 'approver']) {
    for (const path of [
      '/compliance/ranking?fiscalYear=2569',
      '/compliance/ranking/csv?fiscalYear=2569',
      '/compliance/ranking/xlsx?fiscalYear=2569',
      '/compliance/ranking/criteria',
    ])
      expect([who, path, (await get(path, who)).status]).toEqual([who, path, 403]);
    expect((await putCriteria({ weights: { completeness: 1 } }, who)).status).toBe(403);
  }
  expect((await get('/compliance/ranking/criteria', 'monitor')).status).toBe(200);
  expect((await api().get('/compliance/ranking?fiscalYear=2569')).status).toBe(401);
  // Nothing changed by the refused PUTs.
  expect((await get('/compliance/ranking/criteria')).body.data.weights).toEqual({
    completeness: 0.6,
    timeliness: 0.3,
    freshness: 0.1,
  });
});
