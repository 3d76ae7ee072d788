/**
 * Year rollover and review-by (issue 11): starting fiscal year 2570 carries the published
 * evidence of 2569 to the matching items (by topic and cadence, not item number), idempotently,
 * with a summary per unit; standing evidence waits "to be confirmed current" (in review on the
 * matrix, still on the public page); the unit confirms it (audited) and it is complete; past its
 * review-by date it is "to be reviewed" until confirmed again; standing evidence published after
 * the year started counts for the open years; another unit cannot confirm.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken, systemSteps } = require('./helpers/factories');
const { createEntry, itemIds } = require('./helpers/delivery');

const PASSWORD = 'Test1234!';
const CARRIED = 'api::carried-evidence.carried-evidence';
const REVIEW = 'api::entry-review.entry-review';
const EVENT = 'api::workflow-event.workflow-event';
const PROFILE = 'api::unit-profile.unit-profile';
const EXEC = 'api::executive.executive';
const REPORT = 'api::report.report';
const PLAN = 'api::plan.plan';

let strapi;
const tokens = {};
const e = {};
const api = () => request(strapi.server.httpServer);
const as = (who) => ({
  get: (path) => api().get(path).set('Authorization', `Bearer ${tokens[who]}`),
  post: (path, body) =>
    api()
      .post(path)
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send(body ?? {}),
});
const matrix = async (unit, year = 2570) => {
  const res = await as('admin').get(`/compliance/matrix?fiscalYear=${year}&unit=${unit}`);
  expect(res.status).toBe(200);
  return (code) => res.body.data.cells.find((c) => c.item === code);
};
const carriedRows = (where = {}) => strapi.db.query(CARRIED).findMany({ where });

beforeAll(async () => {
  strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const eng = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  const sci = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  const at = (unit) => ({ unit: unit.documentId });

  e.profile = await createEntry(
    strapi,
    PROFILE,
    { title: 'โครงสร้างและอำนาจหน้าที่ คณะวิศวกรรมศาสตร์', ...at(eng) },
    { items: ['O1'] },
  );
  e.exec = await createEntry(
    strapi,
    EXEC,
    { title: 'ผศ. สมชาย ใจดี', position: 'คณบดี', ...at(eng) },
    { items: ['O2'] },
  );
  // The 2569 procurement report, judged in 2570 (O12 is annual_previous_fy).
  e.report = await createEntry(
    strapi,
    REPORT,
    {
      title: 'รายงานผลจัดซื้อจัดจ้าง 2569',
      kind: 'annual_procurement',
      fiscalYear: 2569,
      ...at(eng),
    },
    { items: ['O12'] },
  );
  // The 2568 one satisfied 2569's O12 and is not evidence for 2570.
  e.report68 = await createEntry(
    strapi,
    REPORT,
    {
      title: 'รายงานผลจัดซื้อจัดจ้าง 2568',
      kind: 'annual_procurement',
      fiscalYear: 2568,
      ...at(eng),
    },
    { items: ['O12'] },
  );
  // A strategic plan 2568–2571 covers 2570 (O5, multi_year_covering_current_fy).
  e.plan = await createEntry(
    strapi,
    PLAN,
    {
      title: 'แผนพัฒนาคณะ 2568–2571',
      kind: 'development',
      fiscalYear: 2568,
      period: { startDate: '2024-10-01', endDate: '2028-09-30' },
      ...at(eng),
    },
    { items: ['O5'] },
  );
  // A monthly summary of 2569 does not count for 2570's monthly item.
  e.summary = await createEntry(
    strapi,
    'api::procurement-summary.procurement-summary',
    {
      title: 'สขร. ตุลาคม 2568',
      fiscalYear: 2569,
      month: 10,
      isNone: true,
      noneText: 'ไม่มีการจัดซื้อจัดจ้าง',
      ...at(eng),
    },
    { items: ['O11'] },
  );
  // A draft is not carried.
  e.draft = await createEntry(
    strapi,
    PROFILE,
    { title: 'ร่างโครงสร้างใหม่', ...at(eng) },
    { items: ['O1'], publish: false },
  );
  e.sciProfile = await createEntry(
    strapi,
    PROFILE,
    { title: 'โครงสร้าง คณะวิทยาศาสตร์', ...at(sci) },
    { items: ['O1'] },
  );

  for (const [who, unit, role] of [
    ['editorEng', 'ENG', 'editor'],
    ['editorSci', 'SCI', 'editor'],
    ['approverEng', 'ENG', 'approver'],
  ]) {
    const email = `${who.toLowerCase()}@rollover.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      unit,
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});
afterAll(teardownStrapi);

test('starting 2570 carries 2569 evidence by topic and cadence, with a summary per unit', async () => {
  const res = await as('admin').post('/ita/checklists/start-year', {
    fiscalYear: 2570,
    scheme: 'general',
  });
  expect(res.status).toBe(200);
  const summary = res.body.meta.carryOver;
  expect(summary).toMatchObject({ fiscalYear: 2570, fromYear: 2569, schemes: ['general'] });
  expect(summary.units).toEqual([
    { unit: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์', carried: 4, toConfirm: 2 },
    { unit: 'SCI', nameTh: 'คณะวิทยาศาสตร์', carried: 1, toConfirm: 1 },
  ]);
  expect(summary.total).toEqual({ carried: 5, toConfirm: 3 });

  const rows = await carriedRows({ fiscalYear: 2570 });
  const byEntry = Object.fromEntries(
    rows.map((r) => [`${r.entryDocumentId}:${r.itemCode}`, r.state]),
  );
  expect(byEntry).toEqual({
    [`${e.profile.documentId}:O1`]: 'to_confirm',
    [`${e.exec.documentId}:O2`]: 'to_confirm',
    [`${e.report.documentId}:O12`]: 'confirmed',
    [`${e.plan.documentId}:O5`]: 'confirmed',
    [`${e.sciProfile.documentId}:O1`]: 'to_confirm',
  });
  expect(rows.every((r) => r.origin === 'carry_over')).toBe(true);
  // The entries themselves were not edited: their own links are still 2569's only.
  const profile = await strapi.documents(PROFILE).findOne({
    documentId: e.profile.documentId,
    status: 'published',
    populate: { checklistItems: { populate: ['checklist'] } },
  });
  expect(profile.checklistItems.map((i) => i.checklist.fiscalYear)).toEqual([2569]);
});

test('carry-over is idempotent: the API and the CLI run again link nothing twice', async () => {
  const again = await as('admin').post('/ita/carry-over', { fiscalYear: '๒๕๗๐' });
  expect(again.status).toBe(200);
  expect(again.body.data.total).toEqual({ carried: 0, toConfirm: 0 });
  expect(again.body.data.units).toEqual([]);

  const { run } = require(`${appDir}/dist/src/cli/index`);
  const lines = [];
  const log = jest.spyOn(console, 'log').mockImplementation((l) => lines.push(String(l)));
  const code = await run(['ita:carry-over', '2570', '--scheme', 'general'], {
    boot: async () => strapi,
    cwd: appDir,
  });
  log.mockRestore();
  expect(code).toBe(0);
  expect(lines[0]).toMatch(/carry-over 2569 → 2570 \(general\): 0 link\(s\) carried, 0 to confirm/);
  expect(await strapi.db.query(CARRIED).count({ where: { fiscalYear: 2570 } })).toBe(5);

  // Refusals: a CE year, a bad scheme, a year without a previous list; not for unit staff.
  expect((await as('admin').post('/ita/carry-over', { fiscalYear: 2026 })).status).toBe(400);
  const bad = await as('admin').post('/ita/carry-over', { fiscalYear: 2570, scheme: 'Bad!' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toMatch(/ชุดตัวชี้วัดไม่ถูกต้อง \/ Invalid scheme/);
  const none = await as('admin').post('/ita/carry-over', { fiscalYear: 2580 });
  expect(none.status).toBe(404);
  expect(none.body.error.message).toMatch(/ไม่มีชุดตัวชี้วัด/);
  expect((await as('editorEng').post('/ita/carry-over', { fiscalYear: 2570 })).status).toBe(403);
});

test('unconfirmed carried evidence is in review on the matrix and stays on the public page', async () => {
  const cell = await matrix('ENG');
  expect(cell('O1')).toMatchObject({
    status: 'in_review',
    publicStatus: 'complete',
    entries: [{ documentId: e.profile.documentId, published: true, carried: 'to_confirm' }],
  });
  expect(cell('O2').status).toBe('in_review');
  expect(cell('O12')).toMatchObject({
    status: 'complete',
    entries: [{ documentId: e.report.documentId, carried: 'confirmed' }],
  });
  expect(cell('O5').status).toBe('complete');
  expect(cell('O11').entries).toEqual([]);

  const page = await api().get('/api/ita/ENG/2570');
  expect(page.status).toBe(200);
  const item = (code) => page.body.data.items.find((i) => i.code === code);
  expect(item('O1').status).toBe('complete');
  expect(item('O1').entries.map((x) => x.documentId)).toEqual([e.profile.documentId]);
  expect(item('O12').entries.map((x) => x.documentId)).toEqual([e.report.documentId]);
  expect(item('O11').entries).toEqual([]);

  const list = await as('editorEng').get('/compliance/to-confirm?fiscalYear=2570');
  expect(list.status).toBe(200);
  expect(list.body.data.map((x) => [x.documentId, x.items, x.reasons])).toEqual(
    expect.arrayContaining([
      [e.profile.documentId, ['O1'], ['to_confirm']],
      [e.exec.documentId, ['O2'], ['to_confirm']],
    ]),
  );
  expect(list.body.data.every((x) => x.unit === 'ENG')).toBe(true);
  const currency = await as('editorEng').get(
    `/workflow/currency?uid=${PROFILE}&documentId=${e.profile.documentId}`,
  );
  expect(currency.body.data).toMatchObject({
    toConfirm: [{ fiscalYear: 2570, item: 'O1' }],
    needsConfirm: true,
  });
});

test('another unit, an unpublished entry or a wrong type cannot be confirmed; nothing changes', async () => {
  const before = await carriedRows({ entryDocumentId: e.profile.documentId });
  const events = await strapi.db.query(EVENT).count();
  const other = await as('editorSci').post('/workflow/transition', {
    uid: PROFILE,
    documentId: e.profile.documentId,
    action: 'confirm',
  });
  expect(other.status).toBe(404);
  expect(other.body.error.message).toMatch(/ไม่พบข้อมูลนี้ \/ No entry/);
  const bulk = await as('editorSci').post('/workflow/confirm', {
    entries: [{ uid: PROFILE, documentId: e.profile.documentId }],
  });
  expect(bulk.body.meta).toEqual({ succeeded: 0, failed: 1 });
  const currency = await as('editorSci').get(
    `/workflow/currency?uid=${PROFILE}&documentId=${e.profile.documentId}`,
  );
  expect(currency.status).toBe(404);
  const draft = await as('editorEng').post('/workflow/confirm', {
    uid: PROFILE,
    documentId: e.draft.documentId,
  });
  expect(draft.status).toBe(400);
  expect(draft.body.error.message).toMatch(/เฉพาะข้อมูลที่เผยแพร่อยู่ \/ Only a published entry/);
  const wrongType = await as('editorEng').post('/workflow/confirm', {
    uid: 'api::unit.unit',
    documentId: e.profile.documentId,
  });
  expect(wrongType.status).toBe(400);
  expect((await as('editorEng').post('/workflow/confirm', { uid: PROFILE })).status).toBe(400);
  expect((await as('editorEng').post('/workflow/confirm', { entries: [] })).status).toBe(400);

  expect(await carriedRows({ entryDocumentId: e.profile.documentId })).toEqual(before);
  expect(await strapi.db.query(REVIEW).count()).toBe(0);
  expect(await strapi.db.query(EVENT).count()).toBe(events);
});

test('confirming is an audited workflow action: carried evidence becomes complete', async () => {
  const res = await as('editorEng').post('/workflow/transition', {
    uid: PROFILE,
    documentId: e.profile.documentId,
    action: 'confirm',
  });
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ state: 'published', confirmed: 1 });
  const bulk = await as('approverEng').post('/workflow/confirm', {
    entries: [{ uid: EXEC, documentId: e.exec.documentId }],
  });
  expect(bulk.status).toBe(200);
  expect(bulk.body.meta).toEqual({ succeeded: 1, failed: 0 });

  const rows = await carriedRows({ unitRef: { $notNull: true }, fiscalYear: 2570 });
  const eng = rows.filter((r) => r.entryDocumentId !== e.sciProfile.documentId);
  expect(eng.every((r) => r.state === 'confirmed')).toBe(true);
  expect(eng.find((r) => r.entryDocumentId === e.profile.documentId).confirmedBy).toBe(
    'editoreng@rollover.example.org',
  );
  expect(rows.find((r) => r.entryDocumentId === e.sciProfile.documentId).state).toBe('to_confirm');

  const event = await strapi.db.query(EVENT).findOne({
    where: { action: 'confirm', entryDocumentId: e.profile.documentId },
  });
  expect(event).toMatchObject({
    contentType: PROFILE,
    fromState: 'published',
    toState: 'published',
    actorEmail: 'editoreng@rollover.example.org',
  });
  const history = await as('editorEng').get(
    `/workflow/history?uid=${PROFILE}&documentId=${e.profile.documentId}`,
  );
  expect(history.body.data.map((h) => h.action)).toContain('confirm');
  const audit = require(`${appDir}/dist/src/workflow/audit`);
  expect(await audit.verifyChain(strapi, { reports: false })).toMatchObject({ ok: true });

  const cell = await matrix('ENG');
  expect(cell('O1').status).toBe('complete');
  expect(cell('O2').status).toBe('complete');
  expect((await matrix('SCI'))('O1').status).toBe('in_review');
});

test('past its review-by date standing evidence is to be reviewed; confirming resets it', async () => {
  const knex = strapi.db.connection;
  const { metaOf, columnOf } = require(`${appDir}/dist/src/disclosures/metadata`);
  const pm = metaOf(strapi, PROFILE);
  const rm = metaOf(strapi, REVIEW);
  // Published and last confirmed more than 12 months ago.
  await knex(pm.tableName)
    .where(columnOf(pm, 'documentId'), e.profile.documentId)
    .whereNotNull(columnOf(pm, 'publishedAt'))
    .update({ [columnOf(pm, 'publishedAt')]: new Date('2025-06-01T03:00:00Z') });
  await knex(rm.tableName)
    .where(columnOf(rm, 'entryDocumentId'), e.profile.documentId)
    .update({ [columnOf(rm, 'reviewedAt')]: new Date('2025-07-01T03:00:00Z') });

  let cell = await matrix('ENG');
  expect(cell('O1')).toMatchObject({ status: 'to_review', publicStatus: 'complete' });
  const list = await as('editorEng').get('/compliance/to-confirm?fiscalYear=2570');
  expect(list.body.data.find((x) => x.documentId === e.profile.documentId)).toMatchObject({
    reasons: ['to_review'],
    reviewBy: '2026-07-01',
  });
  expect(
    (
      await as('editorEng').get(
        `/workflow/currency?uid=${PROFILE}&documentId=${e.profile.documentId}`,
      )
    ).body.data,
  ).toMatchObject({ toConfirm: [], reviewBy: '2026-07-01', needsConfirm: true });

  // A per-item override: 2570's O1 is reviewed every 24 months.
  const [o1] = await itemIds(strapi, 2570, ['O1']);
  await strapi.documents('api::ita-item.ita-item').update({
    documentId: o1,
    data: { reviewMonths: 24 },
  });
  expect((await matrix('ENG'))('O1').status).toBe('complete');
  await strapi.documents('api::ita-item.ita-item').update({
    documentId: o1,
    data: { reviewMonths: null },
  });
  expect((await matrix('ENG'))('O1').status).toBe('to_review');

  const res = await as('editorEng').post('/workflow/confirm', {
    uid: PROFILE,
    documentId: e.profile.documentId,
  });
  expect(res.status).toBe(200);
  expect(res.body.data.confirmed).toBe(0);
  cell = await matrix('ENG');
  expect(cell('O1').status).toBe('complete');
  const review = await strapi.db
    .query(REVIEW)
    .findOne({ where: { entryDocumentId: e.profile.documentId } });
  expect(new Date(review.reviewedAt).getTime()).toBeGreaterThan(Date.now() - 60000);
  expect(
    (await as('editorEng').get('/compliance/to-confirm?fiscalYear=2570')).body.data.map(
      (x) => x.documentId,
    ),
  ).not.toContain(e.profile.documentId);

  // Twelve months after the last confirmation it is due again (the engine on later days); a
  // fiscal year that has ended is judged as it stood on its last day.
  const engine = require(`${appDir}/dist/src/compliance/engine`);
  const o1On = async (today) =>
    (await engine.buildMatrix(strapi, { fiscalYear: 2570, unitCodes: ['ENG'], today })).cells.find(
      (c) => c.item === 'O1',
    ).status;
  const confirmedOn = (date) =>
    knex(rm.tableName)
      .where(columnOf(rm, 'entryDocumentId'), e.profile.documentId)
      .update({ [columnOf(rm, 'reviewedAt')]: new Date(`${date}T03:00:00Z`) });
  await confirmedOn('2026-08-01');
  expect(await o1On('2027-07-31')).toBe('complete');
  expect(await o1On('2027-08-02')).toBe('to_review');
  await confirmedOn('2026-11-01');
  // Review-by 2027-11-01 falls after 2570 ended (2027-09-30): 2570 stays complete.
  expect(await o1On('2028-01-15')).toBe('complete');
});

test('standing evidence published after 2570 started counts for 2570; withdrawn, it stops', async () => {
  const eng = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'ENG' } });
  const exec2 = await createEntry(
    strapi,
    EXEC,
    { title: 'รศ. สมหญิง ใจงาม', position: 'รองคณบดี', unit: eng.documentId },
    { items: ['O2'], fiscalYear: 2569 },
  );
  const rows = await carriedRows({ entryDocumentId: exec2.documentId });
  expect(rows.map((r) => [r.fiscalYear, r.itemCode, r.origin, r.state])).toEqual([
    [2570, 'O2', 'publish', 'confirmed'],
  ]);
  let cell = await matrix('ENG');
  expect(cell('O2').entries.map((x) => x.documentId)).toContain(exec2.documentId);

  await systemSteps(strapi, EXEC, exec2.documentId, ['unpublish'], 'ผู้บริหารพ้นวาระ');
  cell = await matrix('ENG');
  expect(cell('O2').entries.map((x) => x.documentId)).not.toContain(exec2.documentId);
  expect(cell('O2').status).toBe('complete');
  const page = await api().get('/api/ita/ENG/2570/O2');
  expect(JSON.stringify(page.body)).not.toContain(exec2.documentId);
  // The carried row stays (the engine joins published rows only).
  expect(await carriedRows({ entryDocumentId: exec2.documentId })).toHaveLength(1);
});

test('an official 2570 list with renumbered items: evidence follows the topic, not the number', async () => {
  const { exportChecklist } = require(`${appDir}/dist/src/ita/checklists`);
  const file = await exportChecklist(strapi, 2570, 'general');
  const renumber = (code) => `O${Number(code.slice(1)) + 100}`;
  const official = {
    ...file,
    status: 'official',
    indicators: file.indicators.map((ind) => ({
      ...ind,
      subindicators: ind.subindicators.map((sub) => ({
        ...sub,
        items: [...sub.items].reverse().map((it) => ({ ...it, code: renumber(it.code) })),
      })),
    })),
  };
  const res = await as('admin').post('/ita/checklists/import', official);
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({ fiscalYear: 2570, replaced: true, removed: 24 });
  // ENG confirmed its profile and executive during 2570: they arrive confirmed.
  expect(res.body.meta.carryOver.units).toEqual([
    { unit: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์', carried: 4, toConfirm: 0 },
    { unit: 'SCI', nameTh: 'คณะวิทยาศาสตร์', carried: 1, toConfirm: 1 },
  ]);
  const rows = await carriedRows({ fiscalYear: 2570 });
  expect(rows.map((r) => r.itemCode).sort()).toEqual(['O101', 'O101', 'O102', 'O105', 'O112']);

  const eng = await matrix('ENG');
  expect(eng('O1')).toBeUndefined();
  expect(eng('O101').status).toBe('complete');
  expect(eng('O112').entries.map((x) => x.documentId)).toEqual([e.report.documentId]);
  expect(eng('O105').status).toBe('complete');
  expect((await matrix('SCI'))('O101').status).toBe('in_review');
});

test('suggestions by cadence: a 2569 report for 2570 O112, a plan for every year it covers', async () => {
  const eng = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'ENG' } });
  const codesOf = async (uid, documentId) => {
    const row = await strapi.documents(uid).findOne({
      documentId,
      populate: { checklistItems: { populate: ['checklist'] } },
    });
    return row.checklistItems.map((i) => `${i.checklist.fiscalYear}:${i.code}`).sort();
  };
  const report = await strapi.documents(REPORT).create({
    data: {
      title: 'รายงานผลจัดซื้อจัดจ้าง 2569 (ฉบับปรับปรุง)',
      kind: 'annual_procurement',
      fiscalYear: 2569,
      unit: eng.documentId,
    },
  });
  expect(await codesOf(REPORT, report.documentId)).toEqual(['2569:O12', '2570:O112']);

  const plan = await strapi.documents(PLAN).create({
    data: {
      title: 'แผนยุทธศาสตร์ 2569–2572',
      kind: 'strategic',
      fiscalYear: 2569,
      period: { startDate: '2025-10-01', endDate: '2029-09-30' },
      unit: eng.documentId,
    },
  });
  expect(await codesOf(PLAN, plan.documentId)).toEqual(['2569:O5', '2570:O105']);

  const summary = await strapi.documents('api::procurement-summary.procurement-summary').create({
    data: {
      title: 'สขร. ตุลาคม 2569',
      fiscalYear: 2570,
      month: 10,
      isNone: true,
      noneText: 'ไม่มีการจัดซื้อจัดจ้าง',
      unit: eng.documentId,
    },
  });
  expect(await codesOf('api::procurement-summary.procurement-summary', summary.documentId)).toEqual(
    ['2570:O111'],
  );

  // Standing information: the current fiscal year (2570) and later open years.
  const profile = await strapi.documents(PROFILE).create({
    data: { title: 'โครงสร้างใหม่', unit: eng.documentId },
  });
  expect(await codesOf(PROFILE, profile.documentId)).toEqual(['2570:O101', '2570:O103']);
});

test('reminders include standing items to be reviewed, once per review-by date', async () => {
  const knex = strapi.db.connection;
  const { metaOf, columnOf } = require(`${appDir}/dist/src/disclosures/metadata`);
  const rm = metaOf(strapi, REVIEW);
  await knex(rm.tableName)
    .where(columnOf(rm, 'entryDocumentId'), e.profile.documentId)
    .update({ [columnOf(rm, 'reviewedAt')]: new Date('2025-07-01T03:00:00Z') });
  expect((await matrix('ENG'))('O101').status).toBe('to_review');
  const put = await api()
    .put('/compliance/responsibilities')
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send({
      fiscalYear: 2570,
      unit: 'ENG',
      assignments: [{ item: 'O101', primaryEmail: 'editoreng@rollover.example.org' }],
    });
  expect(put.status).toBe(200);

  const { sendReminders } = require(`${appDir}/dist/src/compliance/reminders`);
  const email = strapi.plugin('email').service('email');
  const send = jest.spyOn(email, 'send').mockResolvedValue(undefined);
  try {
    const first = await sendReminders(strapi, { now: new Date() });
    expect(first.sent).toEqual([
      {
        to: 'editoreng@rollover.example.org',
        items: [
          expect.objectContaining({
            unit: 'ENG',
            item: 'O101',
            status: 'to_review',
            review: true,
            dueDate: '2026-07-01',
          }),
        ],
      },
    ]);
    expect(send.mock.calls[0][0].text).toContain(
      'ยืนยันว่าข้อมูลยังเป็นปัจจุบัน (หรือปรับปรุง) ภายใน 1 กรกฎาคม 2569',
    );
    expect((await sendReminders(strapi, { now: new Date() })).sent).toEqual([]);
  } finally {
    send.mockRestore();
  }
});
