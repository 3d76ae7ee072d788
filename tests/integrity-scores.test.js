/**
 * ITA scores (issue 14): the import CLI (CSV and XLSX, Thai intact; a malformed file names row
 * and column and writes nothing), the rules on every write, GET /integrity/scores with previous
 * years and proposals, POST /integrity/plan/from-scores (and its 409), and unit scoping through
 * the admin API, the Content Manager and the Document Service.
 */
const fs = require('fs');
const path = require('path');
const request = require('supertest');
const { spawnSync } = require('child_process');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');

const SCORE = 'api::ita-score.ita-score';
const PLAN = 'api::plan.plan';
const PASSWORD = 'Test1234!';
const FIXTURES = path.join(__dirname, 'fixtures');
let strapi;
const tokens = {};
const users = {};
const units = {};

const api = () => request(strapi.server.httpServer);
const as = (who) => ({
  get: (p) => api().get(p).set('Authorization', `Bearer ${tokens[who]}`),
  post: (p, body) => api().post(p).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  put: (p, body) => api().put(p).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  del: (p) => api().delete(p).set('Authorization', `Bearer ${tokens[who]}`),
});

/** The CLI against the same database as this test's Strapi (SQLite file or PostgreSQL schema). */
const cli = (...args) =>
  spawnSync(process.execPath, [path.join(appDir, 'src', 'cli', 'bin.js'), ...args], {
    cwd: FIXTURES,
    env: {
      ...process.env,
      INIT_CWD: FIXTURES,
      PRONGSAI_SKIP_COMPILE: '1',
      LOG_LEVEL: 'error',
    },
    encoding: 'utf8',
  });

const allScores = async () =>
  (
    await strapi.db.query(SCORE).findMany({
      select: ['fiscalYear', 'indicatorCode', 'indicatorName', 'score', 'unitRef'],
      orderBy: [{ unitRef: 'asc' }, { fiscalYear: 'asc' }, { indicatorCode: 'asc' }],
    })
  ).map((r) => ({ ...r, score: Number(r.score) }));

/** Runs `fn` as if inside an admin request of `who` (the unit guard reads the request context). */
const asAdminUser = (who, fn) =>
  strapi.requestContext.run(
    { state: { user: users[who], auth: { strategy: { name: 'admin' } } } },
    fn,
  );

beforeAll(async () => {
  strapi = await setupStrapi({ INTEGRITY_SCORE_TARGET: '' });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  // A vocational college: its 2569 checklist has the integrity-measures item.
  units.SCA = await createUnit(strapi, {
    code: 'SCA',
    nameTh: 'วิทยาลัยเทคนิคทดสอบ',
    group: 'school',
    scheme: 'vocational-college',
  });
  units.SCB = await createUnit(strapi, { code: 'SCB', nameTh: 'โรงเรียนวัดทดสอบ' });
  for (const [who, unit, role] of [
    ['editorA', 'SCA', 'editor'],
    ['approverA', 'SCA', 'approver'],
    ['editorB', 'SCB', 'editor'],
    ['monitor', null, 'monitor'],
  ]) {
    const email = `${who.toLowerCase()}@scores.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unit ? { unit } : {}),
      role,
    });
    users[who] = await strapi.db.query('admin::user').findOne({ where: { email } });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(async () => {
  delete process.env.INTEGRITY_SCORE_TARGET;
  await teardownStrapi();
});

test('ita-scores:import refuses a malformed file naming row and column, writing nothing', () => {
  const before = strapi.db.query(SCORE).count();
  return before.then(async (count) => {
    const r = cli('ita-scores:import', 'ita-scores-bad.csv');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing written');
    expect(r.stderr).toContain('แถว 3 คอลัมน์ score: คะแนนต้องเป็นตัวเลข 0–100');
    expect(r.stderr).toContain('row 3 column score: score must be a number from 0 to 100');
    expect(r.stderr).toContain('แถว 4 คอลัมน์ fiscalYear:');
    expect(r.stderr).toContain('row 4 column fiscalYear: fiscal year must be');
    expect(r.stderr).toContain('row 5 column indicator: indicator code "9/10"');
    expect(r.stderr).toContain('row 6 column indicator: duplicates row 2');
    expect(r.stderr).toContain('row 7 column score:');
    expect(r.stderr).not.toContain('row 2 column');
    expect(await strapi.db.query(SCORE).count()).toBe(count);

    // An unknown unit is named in the same run as the other problems, in row order (a row with
    // another problem too); still nothing written.
    const tmp = path.join(FIXTURES, 'ita-scores-unknown-unit.tmp.csv');
    fs.writeFileSync(
      tmp,
      'unit,fiscalYear,indicator,score\nSCA,2568,1,90\nNOPE,2568,1,90\nSCA,2568,2,abc\nGONE,2568,3,x\n',
    );
    try {
      const unknown = cli('ita-scores:import', path.basename(tmp));
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('4 problem(s), nothing written');
      expect(unknown.stderr).toContain('row 3 column unit: unit NOPE does not exist');
      expect(unknown.stderr).toContain('แถว 3 คอลัมน์ unit: ไม่พบหน่วยงานรหัส NOPE');
      expect(unknown.stderr).toContain('row 4 column score: score must be a number');
      expect(unknown.stderr).toContain('row 5 column unit: unit GONE does not exist');
      expect(unknown.stderr).toContain('row 5 column score: score must be a number');
      expect(unknown.stderr.indexOf('row 3 column')).toBeLessThan(
        unknown.stderr.indexOf('row 4 column'),
      );
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    expect(await strapi.db.query(SCORE).count()).toBe(count);
    expect(cli('ita-scores:import').status).toBe(2);
    expect(cli('ita-scores:import', 'nothing-here.csv').status).toBe(1);
  });
});

test('ita-scores:import reads CSV (Thai headers) and XLSX, creates then updates, Thai intact', async () => {
  const csv = cli('ita-scores:import', 'ita-scores.csv');
  expect(csv.stderr).toBe('');
  expect(csv.status).toBe(0);
  expect(csv.stdout).toContain('SCA: created 7, updated 0');
  expect(csv.stdout).toContain('imported 7 score(s): 7 created, 0 updated');

  const xlsx = cli('ita-scores:import', 'ita-scores-2568.xlsx');
  expect(xlsx.status).toBe(0);
  expect(xlsx.stdout).toContain('SCA: created 5, updated 0');
  expect(xlsx.stdout).toContain('SCB: created 1, updated 0');

  // The same file again updates in place.
  const again = cli('ita-scores:import', 'ita-scores.csv');
  expect(again.stdout).toContain('SCA: created 0, updated 7');

  const rows = await allScores();
  expect(rows).toHaveLength(13);
  const a = units.SCA.id;
  expect(rows).toEqual(
    expect.arrayContaining([
      {
        unitRef: a,
        fiscalYear: 2566,
        indicatorCode: '9',
        indicatorName: 'การเปิดเผยข้อมูล',
        score: 70,
      },
      {
        unitRef: a,
        fiscalYear: 2567,
        indicatorCode: '9.1',
        indicatorName: 'ข้อมูลพื้นฐาน',
        score: 60,
      },
      {
        unitRef: a,
        fiscalYear: 2568,
        indicatorCode: '9',
        indicatorName: 'การเปิดเผยข้อมูล',
        score: 53.62,
      },
      {
        unitRef: a,
        fiscalYear: 2568,
        indicatorCode: '9.1',
        indicatorName: 'ข้อมูลพื้นฐาน',
        score: 70.5,
      },
      {
        unitRef: a,
        fiscalYear: 2568,
        indicatorCode: '10',
        indicatorName: 'การป้องกันการทุจริต',
        score: 100,
      },
      {
        unitRef: units.SCB.id,
        fiscalYear: 2568,
        indicatorCode: '1',
        indicatorName: 'การปฏิบัติหน้าที่',
        score: 50,
      },
    ]),
  );
});

test('every write is checked: year, code, score, one row per (unit, year, indicator)', async () => {
  const before = await allScores();
  const create = (data) =>
    strapi.documents(SCORE).create({ data: { unit: units.SCA.documentId, ...data } });
  const refused = [
    [{ fiscalYear: 2568, indicatorCode: '1', score: 10 }, /already has a score for indicator 1/],
    [{ fiscalYear: 2568, indicatorCode: ' 1 ', score: 10 }, /มีคะแนนตัวชี้วัด 1 ปีงบประมาณ 2568/],
    [{ fiscalYear: 2400, indicatorCode: 'X1', score: 10 }, /fiscalYear must be/],
    [{ fiscalYear: 'ปีนี้', indicatorCode: 'X1', score: 10 }, /ปีงบประมาณต้องเป็นปี พ.ศ./],
    [{ indicatorCode: 'X1', score: 10 }, /fiscalYear is required/],
    [{ fiscalYear: 2568, indicatorCode: '9/10', score: 10 }, /indicatorCode must be/],
    [{ fiscalYear: 2568, indicatorCode: '   ', score: 10 }, /indicatorCode must be/],
    [
      { fiscalYear: 2568, indicatorCode: 'X1', score: 100.5 },
      /score must be a number from 0 to 100/,
    ],
    [{ fiscalYear: 2568, indicatorCode: 'X1', score: 'ดีมาก' }, /คะแนนต้องเป็นตัวเลข/],
    [{ fiscalYear: 2568, indicatorCode: 'X1' }, /score must be/],
  ];
  let succeeded = 0;
  for (const [data, message] of refused) {
    await expect(create(data).then(() => (succeeded += 1))).rejects.toThrow(message);
  }
  // No unit.
  await expect(
    strapi.documents(SCORE).create({ data: { fiscalYear: 2568, indicatorCode: 'X1', score: 1 } }),
  ).rejects.toThrow(/unit is required/);
  // An update onto another row's key is rolled back.
  const row9 = await strapi.db
    .query(SCORE)
    .findOne({ where: { unitRef: units.SCA.id, fiscalYear: 2568, indicatorCode: '9' } });
  await expect(
    strapi.documents(SCORE).update({ documentId: row9.documentId, data: { indicatorCode: '10' } }),
  ).rejects.toThrow(/already has a score for indicator 10/);
  expect(succeeded).toBe(0);
  expect(await allScores()).toEqual(before);

  // Thai digits and "ร้อยละ" are read; a missing name comes from that year's checklist (O1).
  const ok = await strapi.documents(SCORE).create({
    data: {
      unit: units.SCB.documentId,
      fiscalYear: '๒๕๖๙',
      indicatorCode: ' O1 ',
      score: 'ร้อยละ ๕๓.๖๒',
    },
  });
  const stored = await strapi.db.query(SCORE).findOne({ where: { documentId: ok.documentId } });
  expect(stored).toMatchObject({
    fiscalYear: 2569,
    indicatorCode: 'O1',
    indicatorName: 'โครงสร้างและอำนาจหน้าที่',
  });
  expect(Number(stored.score)).toBe(53.62);
  await strapi.documents(SCORE).delete({ documentId: ok.documentId });
  expect(await allScores()).toEqual(before);
});

test('GET /integrity/scores: three years beside each other, below-target flags, proposals', async () => {
  const res = await as('editorA').get('/integrity/scores?unit=sca&fiscalYear=๒๕๖๘');
  expect(res.status).toBe(200);
  const d = res.body.data;
  expect(d).toMatchObject({
    unit: { code: 'SCA', nameTh: 'วิทยาลัยเทคนิคทดสอบ' },
    fiscalYear: 2568,
    target: 85,
    years: [2566, 2567, 2568],
  });
  expect(d.indicators).toEqual([
    {
      code: '1',
      name: 'การปฏิบัติหน้าที่',
      scores: { 2566: 88, 2567: 90, 2568: 91.25 },
      belowTarget: false,
    },
    {
      code: '2',
      name: 'การใช้งบประมาณ',
      scores: { 2566: 80, 2567: 82.5, 2568: 84.99 },
      belowTarget: true,
    },
    {
      code: '9',
      name: 'การเปิดเผยข้อมูล',
      scores: { 2566: 70, 2567: 75, 2568: 53.62 },
      belowTarget: true,
    },
    { code: '9.1', name: 'ข้อมูลพื้นฐาน', scores: { 2567: 60, 2568: 70.5 }, belowTarget: true },
    { code: '10', name: 'การป้องกันการทุจริต', scores: { 2568: 100 }, belowTarget: false },
  ]);
  expect(d.proposals).toEqual([
    { code: '9', name: 'การเปิดเผยข้อมูล', score: 53.62 },
    { code: '9.1', name: 'ข้อมูลพื้นฐาน', score: 70.5 },
    { code: '2', name: 'การใช้งบประมาณ', score: 84.99 },
  ]);

  // The target is read on every call.
  process.env.INTEGRITY_SCORE_TARGET = '95';
  const higher = (await as('monitor').get('/integrity/scores?unit=SCA&fiscalYear=2568')).body.data;
  expect(higher.target).toBe(95);
  expect(higher.proposals.map((p) => p.code)).toEqual(['9', '9.1', '2', '1']);
  process.env.INTEGRITY_SCORE_TARGET = '';

  // Another year: only what exists.
  const y2567 = (await as('admin').get('/integrity/scores?unit=SCA&fiscalYear=2567')).body.data;
  expect(y2567.years).toEqual([2565, 2566, 2567]);
  expect(y2567.proposals.map((p) => [p.code, p.score])).toEqual([
    ['9.1', 60],
    ['9', 75],
    ['2', 82.5],
  ]);

  // Bad input and scoping.
  for (const [q, status] of [
    ['unit=SCA&fiscalYear=abc', 400],
    ['unit=SCA&fiscalYear=1999', 400],
    ['unit=SCA', 400],
    ['unit=S%20A!&fiscalYear=2568', 400],
    ['fiscalYear=2568', 400],
    ['unit=NOPE&fiscalYear=2568', 404],
  ]) {
    const r = await as('editorA').get(`/integrity/scores?${q}`);
    expect([q, r.status]).toEqual([q, status]);
    expect(r.body.error.message).toMatch(/ \/ /);
  }
  const other = await as('editorB').get('/integrity/scores?unit=SCA&fiscalYear=2568');
  expect(other.status).toBe(404);
  expect(other.body.data).toBeNull();
  expect((await api().get('/integrity/scores?unit=SCA&fiscalYear=2568')).status).toBe(401);
});

test('POST /integrity/plan/from-scores: a draft measures plan from the low indicators; 409 again', async () => {
  const plans = () => strapi.db.query(PLAN).count({ where: { kind: 'integrity_measures' } });
  const before = await plans();
  // Who may not: a unit the caller cannot read (404), a reader who cannot create (403).
  const denied = [
    await as('editorB').post('/integrity/plan/from-scores', { unit: 'SCA', fiscalYear: 2569 }),
    await as('monitor').post('/integrity/plan/from-scores', { unit: 'SCA', fiscalYear: 2569 }),
  ];
  expect(denied.map((r) => r.status)).toEqual([404, 403]);
  // No scores for the year before; no indicator below the target.
  const none = await as('editorA').post('/integrity/plan/from-scores', {
    unit: 'SCA',
    fiscalYear: 2566,
  });
  expect(none.status).toBe(400);
  expect(none.body.error.message).toContain('ยังไม่มีผลคะแนน ITA ปีงบประมาณ 2565');
  process.env.INTEGRITY_SCORE_TARGET = '50';
  const nothingLow = await as('editorA').post('/integrity/plan/from-scores', {
    unit: 'SCA',
    fiscalYear: 2569,
  });
  process.env.INTEGRITY_SCORE_TARGET = '';
  expect(nothingLow.status).toBe(400);
  expect(nothingLow.body.error.message).toMatch(/ต่ำกว่าเป้าหมาย 50.*below the target 50/);
  for (const body of [
    { fiscalYear: 2569 },
    { unit: 'SCA' },
    { unit: 'SCA', fiscalYear: 2569, scoresYear: 'x' },
  ])
    expect((await as('editorA').post('/integrity/plan/from-scores', body)).status).toBe(400);
  expect(await plans()).toBe(before);

  const res = await as('editorA').post('/integrity/plan/from-scores', {
    unit: 'SCA',
    fiscalYear: '๒๕๖๙',
  });
  expect(res.status).toBe(201);
  const { documentId, measures } = res.body.data;
  expect(measures.map((m) => [m.issueNo, m.indicatorCode, m.issue])).toEqual([
    [1, '9', 'การเปิดเผยข้อมูล'],
    [2, '9.1', 'ข้อมูลพื้นฐาน'],
    [3, '2', 'การใช้งบประมาณ'],
  ]);
  expect(measures[0]).toMatchObject({
    measure:
      'ยกระดับผลการดำเนินงานตามตัวชี้วัด การเปิดเผยข้อมูล (ผลปี 2568: 53.62) ให้ถึงเป้าหมาย 85',
    target: 'คะแนนไม่ต่ำกว่า 85',
    startMonth: 'oct',
    endMonth: 'sep',
    steps: [
      {
        key: expect.any(String),
        text: 'วิเคราะห์ผลและกำหนดแนวทางปรับปรุง',
        startMonth: 'oct',
        endMonth: 'nov',
      },
    ],
  });

  const stored = await strapi.db.query(PLAN).findMany({
    where: { documentId },
    populate: { measures: { populate: { steps: true } }, checklistItems: true, unit: true },
  });
  expect(stored).toHaveLength(1); // a draft only
  const plan = stored[0];
  expect(plan).toMatchObject({
    publishedAt: null,
    workflowState: 'draft',
    kind: 'integrity_measures',
    fiscalYear: 2569,
    progressCadence: 'half_year',
    title:
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2569 (วิทยาลัยเทคนิคทดสอบ)',
  });
  expect(plan.unit.code).toBe('SCA');
  expect(plan.measures).toHaveLength(3);
  // Linked to the integrity-measures items of the year's checklist, by the disclosure rules.
  const checklist = await strapi.db
    .query('api::ita-checklist.ita-checklist')
    .findOne({ where: { fiscalYear: 2569, scheme: 'vocational-college' } });
  const items = await strapi.db
    .query('api::ita-item.ita-item')
    .findMany({ where: { checklist: { id: checklist.id } } });
  // (the vocational-college list of 2569 has the item "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสถานศึกษา")
  const expected = items
    .filter((i) => Array.isArray(i.topics) && i.topics.includes('integrity_measures'))
    .map((i) => i.code);
  expect(expected.length).toBeGreaterThan(0);
  expect(plan.checklistItems.map((i) => i.code).sort()).toEqual(expected.sort());

  // Again: 409, nothing new.
  const again = await as('approverA').post('/integrity/plan/from-scores', {
    unit: 'SCA',
    fiscalYear: 2569,
    scoresYear: 2567,
  });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toMatch(/มีแผนมาตรการ.*already has an integrity-measures plan/);
  expect(await plans()).toBe(before + 1);

  // Another unit with its own scores, scoresYear given explicitly.
  const b = await as('editorB').post('/integrity/plan/from-scores', {
    unit: 'SCB',
    fiscalYear: 2570,
    scoresYear: 2568,
  });
  expect(b.status).toBe(201);
  expect(b.body.data.measures.map((m) => m.indicatorCode)).toEqual(['1']);
  expect(await plans()).toBe(before + 2);
});

test('unit scoping: an editor of unit B cannot read, create, update or delete unit A scores', async () => {
  const before = await allScores();
  const aRow = await strapi.db
    .query(SCORE)
    .findOne({ where: { unitRef: units.SCA.id, fiscalYear: 2568, indicatorCode: '9' } });
  const CM = `/content-manager/collection-types/${SCORE}`;
  let succeeded = 0;
  let attempts = 0;
  const http = async (fn) => {
    attempts += 1;
    const r = await fn();
    // The Content Manager answers a document it cannot see with 200 and empty data.
    if (r.status < 300 && JSON.stringify(r.body.data ?? {}) !== '{}') succeeded += 1;
    expect(r.status).toBeLessThan(500);
  };
  const B = as('editorB');
  await http(() => B.get(`${CM}/${aRow.documentId}`));
  await http(() => B.put(`${CM}/${aRow.documentId}`, { score: 99 }));
  await http(() => B.del(`${CM}/${aRow.documentId}`));
  await http(() =>
    B.post(CM, {
      unit: { connect: [{ documentId: units.SCA.documentId }] },
      fiscalYear: 2569,
      indicatorCode: 'Z9',
      score: 1,
    }),
  );
  // Moving one's own row into unit A.
  const bRow = await strapi.db.query(SCORE).findOne({ where: { unitRef: units.SCB.id } });
  await http(() =>
    B.put(`${CM}/${bRow.documentId}`, {
      unit: { connect: [{ documentId: units.SCA.documentId }] },
    }),
  );
  // The list shows unit B's rows only.
  const list = await B.get(`${CM}?page=1&pageSize=100`);
  expect(list.status).toBe(200);
  expect(list.body.results.map((r) => r.indicatorCode)).toEqual(['1']);

  // The Document Service inside editor B's request.
  const ds = async (fn) => {
    attempts += 1;
    try {
      const r = await asAdminUser('editorB', fn);
      if (r) succeeded += 1;
    } catch {
      /* refused */
    }
  };
  const docs = () => strapi.documents(SCORE);
  await ds(() => docs().findOne({ documentId: aRow.documentId }));
  await ds(() => docs().update({ documentId: aRow.documentId, data: { score: 1 } }));
  await ds(() =>
    docs()
      .delete({ documentId: aRow.documentId })
      .then((r) => r?.entries?.length),
  );
  await ds(() =>
    docs().create({
      data: { unit: units.SCA.documentId, fiscalYear: 2569, indicatorCode: 'Z8', score: 1 },
    }),
  );
  const seen = await asAdminUser('editorB', () => docs().findMany({ filters: {} }));
  expect(seen.map((r) => r.indicatorCode)).toEqual(['1']);
  expect(attempts).toBe(9);
  expect(succeeded).toBe(0);
  expect(await allScores()).toEqual(before);

  // Editor A manages A's rows in the Content Manager; the monitor reads them.
  const own = await as('editorA').put(`${CM}/${aRow.documentId}`, { score: '54.5' });
  expect(own.status).toBe(200);
  expect(Number((await strapi.db.query(SCORE).findOne({ where: { id: aRow.id } })).score)).toBe(
    54.5,
  );
  expect((await as('monitor').get(`${CM}/${aRow.documentId}`)).status).toBe(200);
  expect((await as('monitor').put(`${CM}/${aRow.documentId}`, { score: 1 })).status).toBe(403);
});
