/**
 * Integrity measures plan and progress (docs/integrity-measures.md, "Plan and progress"): the plan
 * with its measures and steps, progress at two periods, latest/overdue/missing figures on a given
 * day, the roll-up of two units, its XLSX and CSV exports, every refusal (4xx and nothing
 * written), the overdue steps on the compliance dashboard and the reminders to step owners.
 */
const request = require('supertest');
const ExcelJS = require('exceljs');
const { parse } = require('csv-parse/sync');
const { SMTPServer } = require('smtp-server');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');

const PLAN = 'api::plan.plan';
const PROGRESS = 'api::integrity-progress.integrity-progress';
const WG = 'api::work-group.work-group';
const PASSWORD = 'Test1234!';
const SMTP_PORT = 24000 + (process.pid % 20000);
const mails = [];
let smtp;
let strapi;
const tokens = {};
const units = {};
const plans = {};
let planMod;

const api = () => request(strapi.server.httpServer);
const get = (path, who = 'admin') => api().get(path).set('Authorization', `Bearer ${tokens[who]}`);
const post = (path, body, who = 'admin') =>
  api().post(path).set('Authorization', `Bearer ${tokens[who]}`).send(body);
const progressRows = async () =>
  (
    await strapi.db.query(PROGRESS).findMany({
      select: [
        'planDocumentId',
        'stepKey',
        'period',
        'progressStatus',
        'percent',
        'fiscalYear',
        'unitRef',
      ],
      orderBy: { id: 'asc' },
    })
  ).map((r) => JSON.stringify(r));

/** Body text of an e-mail, decoded. */
const decode = (raw) => {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return (parts.length > 1 ? parts.slice(1) : parts)
    .map((part) => {
      const [head, ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (/Content-Transfer-Encoding: base64/i.test(head))
        return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/Content-Transfer-Encoding: quoted-printable/i.test(head))
        return Buffer.from(
          body
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8');
      return body;
    })
    .join('\n');
};

const createPlan = async (unit, measures, extra = {}) =>
  strapi.documents(PLAN).create({
    data: {
      title: `แผนมาตรการส่งเสริมคุณธรรมและความโปร่งใส ${unit.code}`,
      kind: 'integrity_measures',
      fiscalYear: 2569,
      unit: unit.documentId,
      progressCadence: 'half_year',
      measures,
      ...extra,
    },
    populate: { measures: { populate: { steps: true } } },
  });

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).sort(), raw });
        callback();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));
  strapi = await setupStrapi({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(SMTP_PORT),
    EMAIL_FROM: 'ita@example.org',
    PUBLIC_URL: 'https://ita.example.org',
    COMPLIANCE_SCHEDULER: 'false',
  });
  planMod = require(`${appDir}/dist/src/integrity/plan`);
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  units.ENG = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  units.SCI = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  const members = [
    ['editorEng', 'ENG', 'editor'],
    ['approverEng', 'ENG', 'approver'],
    ['editorSci', 'SCI', 'editor'],
    ['monitor', null, 'monitor'],
  ];
  for (const [who, unit, role] of members) {
    const email = `${who.toLowerCase()}@integrity.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unit ? { unit } : {}),
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));

  const group = await strapi.documents(WG).create({
    data: {
      name: 'คณะทำงานส่งเสริมคุณธรรม',
      unit: units.ENG.documentId,
      members: [
        { name: 'สมชาย ใจดี', role: 'chair', email: 'somchai@integrity.example.org' },
        { name: 'สมหญิง รักดี', role: 'member', email: 'somying@integrity.example.org' },
        { name: 'ไม่มีอีเมล', role: 'secretary' },
      ],
    },
  });
  plans.ENG = await createPlan(units.ENG, [
    {
      issueNo: 1,
      issue: 'การเปิดเผยข้อมูล',
      indicatorCode: '9',
      measure: 'เผยแพร่ข้อมูลสาธารณะครบถ้วน',
      target: 'ร้อยละ 100',
      startMonth: 'oct',
      endMonth: 'sep',
      owner: 'งานประชาสัมพันธ์',
      workGroup: group.documentId,
      steps: [
        { text: 'แต่งตั้งคณะทำงาน', startMonth: 'oct', endMonth: 'nov' },
        { text: 'ปรับปรุงเว็บไซต์', startMonth: 'nov', endMonth: 'mar' },
        { text: 'ประเมินผล', startMonth: 'apr', endMonth: 'sep', owner: 'หัวหน้าสำนักงาน' },
      ],
    },
    {
      issueNo: 2,
      issue: 'การป้องกันการทุจริต',
      indicatorCode: '10',
      measure: 'จัดอบรมคุณธรรม',
      startMonth: 'jan',
      endMonth: 'jun',
      steps: [{ text: 'จัดอบรม' }],
    },
  ]);
  plans.SCI = await createPlan(units.SCI, [
    {
      issue: 'การใช้ทรัพย์สินของราชการ',
      measure: 'ออกแนวปฏิบัติ',
      steps: [{ text: 'ร่างแนวปฏิบัติ', startMonth: 'oct', endMonth: 'dec' }],
    },
  ]);
  // Another kind of plan: progress against it is refused.
  plans.other = await strapi.documents(PLAN).create({
    data: {
      title: 'แผนปฏิบัติการ',
      kind: 'annual_action',
      fiscalYear: 2569,
      unit: units.ENG.documentId,
    },
  });
});

afterAll(async () => {
  await teardownStrapi();
  for (const k of ['SMTP_HOST', 'PUBLIC_URL', 'COMPLIANCE_SCHEDULER']) delete process.env[k];
  await new Promise((resolve) => smtp.close(resolve));
});

const keys = () => {
  const m = plans.ENG.measures;
  return {
    appoint: m[0].steps[0].key,
    web: m[0].steps[1].key,
    assess: m[0].steps[2].key,
    train: m[1].steps[0].key,
  };
};

test('pure rules: closed months, latest, overdue, missing periods', () => {
  const { monthClosed, latestOf, isOverdue, missingPeriods, monthLastDay } = planMod;
  expect(monthClosed(2569, 'oct', '2025-10-31')).toBe(false);
  expect(monthClosed(2569, 'oct', '2025-11-01')).toBe(true);
  expect(monthLastDay(2569, 'feb')).toBe('2026-02-28');
  expect(monthLastDay(2569, 'mar')).toBe('2026-03-31');
  const rows = [
    { period: 'mar', status: 'in_progress', percent: 50 },
    { period: 'sep', status: 'done', percent: 100 },
  ];
  expect(latestOf(rows).period).toBe('sep');
  expect(isOverdue(2569, 'mar', [], '2026-04-01')).toBe(true);
  expect(isOverdue(2569, 'mar', [], '2026-03-31')).toBe(false);
  expect(isOverdue(2569, 'mar', [{ period: 'mar', status: 'done' }], '2026-04-01')).toBe(false);
  expect(missingPeriods(2569, 'half_year', 'oct', [], '2026-10-01')).toEqual(['mar', 'sep']);
  expect(missingPeriods(2569, 'half_year', 'apr', [], '2026-10-01')).toEqual(['sep']);
  expect(
    missingPeriods(2569, 'half_year', 'oct', [{ period: 'mar', status: 'done' }], '2026-10-01'),
  ).toEqual([]);
  expect(missingPeriods(2569, 'quarterly', 'oct', [], '2026-01-05')).toEqual(['dec']);
});

test('an editor records progress at two periods; the plan shows latest, overdue and missing', async () => {
  const k = keys();
  let res = await post(
    '/integrity/progress',
    {
      plan: plans.ENG.documentId,
      step: k.appoint,
      period: 'mar',
      status: 'done',
      done: 'แต่งตั้งแล้ว',
    },
    'editorEng',
  );
  expect(res.status).toBe(201);
  expect(res.body.data).toMatchObject({
    step: k.appoint,
    period: 'mar',
    status: 'done',
    percent: 100,
    fiscalYear: 2569,
  });
  res = await post(
    '/integrity/progress',
    {
      plan: plans.ENG.documentId,
      step: k.web,
      period: 'mar',
      status: 'in_progress',
      percent: 40,
      problems: 'งบประมาณล่าช้า',
    },
    'editorEng',
  );
  expect(res.status).toBe(201);
  // The same (plan, step, period) again updates the row.
  res = await post(
    '/integrity/progress',
    {
      plan: plans.ENG.documentId,
      step: k.web,
      period: 'mar',
      status: 'in_progress',
      percent: 60,
      problems: 'งบประมาณล่าช้า',
    },
    'approverEng',
  );
  expect(res.status).toBe(200);
  expect(res.body.data.percent).toBe(60);
  res = await post(
    '/integrity/progress',
    { plan: plans.ENG.documentId, step: k.web, period: 'sep', status: 'in_progress', percent: 80 },
    'editorEng',
  );
  expect(res.status).toBe(201);
  const rows = await strapi.db.query(PROGRESS).findMany({ populate: { unit: true } });
  expect(rows).toHaveLength(3);
  expect(rows.every((r) => r.unit.id === units.ENG.id && r.unitRef === units.ENG.id)).toBe(true);

  // As of 1 October 2569 (CE 2026): the year has closed.
  res = await get(`/integrity/plan?unit=ENG&fiscalYear=2569&asOf=2026-10-01`, 'editorEng');
  expect(res.status).toBe(200);
  const d = res.body.data;
  expect(d.unit).toEqual({ code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  // Where the panel uploads evidence: the unit's own Media Library folder, for its editor only.
  const eng = await strapi.db.query('api::unit.unit').findOne({ where: { id: units.ENG.id } });
  expect(eng.mediaFolderId).toEqual(expect.any(Number));
  expect(res.body.meta.mediaFolder).toBe(eng.mediaFolderId);
  const asMonitor = await get(`/integrity/plan?unit=ENG&fiscalYear=2569`, 'monitor');
  expect(asMonitor.status).toBe(200);
  expect(asMonitor.body.data.plan.documentId).toBe(plans.ENG.documentId);
  expect(asMonitor.body.meta.mediaFolder).toBeNull();
  expect(d.plan).toMatchObject({
    documentId: plans.ENG.documentId,
    workflowState: 'draft',
    progressCadence: 'half_year',
    periods: ['mar', 'sep'],
  });
  expect(d.measures).toHaveLength(2);
  const [m1, m2] = d.measures;
  expect(m1).toMatchObject({
    index: 0,
    issueNo: 1,
    issue: 'การเปิดเผยข้อมูล',
    indicatorCode: '9',
    target: 'ร้อยละ 100',
  });
  expect(m1.workGroup.name).toBe('คณะทำงานส่งเสริมคุณธรรม');
  expect(m1.steps.map((s) => [s.no, s.text])).toEqual([
    [1, 'แต่งตั้งคณะทำงาน'],
    [2, 'ปรับปรุงเว็บไซต์'],
    [3, 'ประเมินผล'],
  ]);
  const [s1, s2, s3] = m1.steps;
  expect(s1.latest).toMatchObject({
    period: 'mar',
    status: 'done',
    percent: 100,
    done: 'แต่งตั้งแล้ว',
  });
  expect(s1.overdue).toBe(false);
  expect(s1.missingPeriods).toEqual([]);
  expect(s2.latest).toMatchObject({ period: 'sep', status: 'in_progress', percent: 80 });
  expect(s2.overdue).toBe(true);
  expect(s2.missingPeriods).toEqual([]);
  expect(s3).toMatchObject({
    latest: null,
    overdue: true,
    missingPeriods: ['sep'],
    owner: 'หัวหน้าสำนักงาน',
  });
  // A step without months takes its measure's.
  expect(m2.steps[0]).toMatchObject({
    startMonth: 'jan',
    endMonth: 'jun',
    overdue: true,
    missingPeriods: ['mar', 'sep'],
  });

  // As of 15 March: only step 1's end (November) has closed, and it is done; March is open.
  res = await get(`/integrity/plan?unit=ENG&fiscalYear=2569&asOf=2026-03-15`, 'editorEng');
  const early = res.body.data.measures[0].steps;
  expect(early.map((s) => s.overdue)).toEqual([false, false, false]);
  expect(early.map((s) => s.missingPeriods)).toEqual([[], [], []]);

  // Same through loadPlan directly.
  const direct = await planMod.loadPlan(strapi, units.ENG, 2569, { asOf: '2026-10-01' });
  expect(direct.measures[1].steps[0].missingPeriods).toEqual(['mar', 'sep']);
});

test('the roll-up of two units, and its XLSX and CSV exports', async () => {
  let res = await get('/integrity/progress?fiscalYear=2569&asOf=2026-10-01', 'monitor');
  expect(res.status).toBe(200);
  expect(res.body.meta).toEqual({ fiscalYear: 2569, asOf: '2026-10-01' });
  const byCode = Object.fromEntries(res.body.data.map((u) => [u.unit.code, u]));
  expect(byCode.ENG.totals).toEqual({
    measures: 2,
    steps: 4,
    byStatus: { not_started: 2, in_progress: 1, done: 1, cancelled: 0 },
    percent: Math.round((100 + 80 + 0 + 0) / 4),
    overdue: 3,
    missing: 3,
    // Per cent done over time: as reported by the end of March, then of September.
    overTime: [
      { period: 'mar', percent: Math.round((100 + 60 + 0 + 0) / 4) },
      { period: 'sep', percent: Math.round((100 + 80 + 0 + 0) / 4) },
    ],
  });
  // Mid-March: only the March period has begun.
  const march = await get(
    '/integrity/progress?fiscalYear=2569&unit=ENG&asOf=2026-03-15',
    'monitor',
  );
  expect(march.body.data[0].totals.overTime).toEqual([
    { period: 'mar', percent: Math.round((100 + 60 + 0 + 0) / 4) },
  ]);
  expect(byCode.ENG.measures[0]).toMatchObject({
    index: 0,
    issue: 'การเปิดเผยข้อมูล',
    steps: 3,
    byStatus: { not_started: 1, in_progress: 1, done: 1, cancelled: 0 },
    percent: 60,
    overdue: 2,
  });
  expect(byCode.SCI.totals).toMatchObject({ measures: 1, steps: 1, overdue: 1, missing: 2 });
  expect(byCode.SCI.plan.documentId).toBe(plans.SCI.documentId);

  // The editor of ENG sees ENG only.
  res = await get('/integrity/progress?fiscalYear=2569&asOf=2026-10-01', 'editorEng');
  expect(res.body.data.map((u) => u.unit.code)).toEqual(['ENG']);

  res = await get(
    '/integrity/progress?fiscalYear=2569&unit=ENG,SCI&asOf=2026-10-01&format=xlsx',
    'monitor',
  )
    .buffer(true)
    .parse((r, cb) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.body);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['ENG', 'SCI']);
  const eng = wb.getWorksheet('ENG');
  expect(eng.getRow(1).getCell(1).value).toContain('คณะวิศวกรรมศาสตร์');
  // The date in the Buddhist era, as everything a monitor reads.
  expect(eng.getRow(2).getCell(1).value).toBe('ปีงบประมาณ พ.ศ. 2569 ข้อมูล ณ วันที่ 1 ต.ค. 2569');
  expect(eng.getRow(3).values.slice(1)).toEqual([
    'ลำดับ',
    'ประเด็น',
    'มาตรการ/แนวทาง',
    'จำนวนขั้นตอน',
    'ยังไม่เริ่ม',
    'กำลังดำเนินการ',
    'ดำเนินการแล้วเสร็จ',
    'ยกเลิก',
    'ร้อยละความสำเร็จ',
    'ขั้นตอนที่เลยกำหนด',
    'รายงานที่ยังไม่ส่ง',
  ]);
  expect(eng.getRow(4).values.slice(1, 10)).toEqual([
    1,
    'การเปิดเผยข้อมูล',
    'เผยแพร่ข้อมูลสาธารณะครบถ้วน',
    3,
    1,
    1,
    1,
    0,
    60,
  ]);
  expect(eng.getRow(6).getCell(1).value).toBe('รวม');
  expect(eng.getRow(6).getCell(11).value).toBe(3);
  // Per cent done over time, under the table.
  expect(eng.getRow(8).getCell(1).value).toBe('ความสำเร็จตามรอบรายงาน');
  expect(eng.getRow(9).values.slice(1)).toEqual(['รอบรายงาน', 'ร้อยละความสำเร็จ']);
  expect(eng.getRow(10).values.slice(1)).toEqual([
    'สิ้นเดือนมีนาคม 2569',
    Math.round((100 + 60 + 0 + 0) / 4),
  ]);
  expect(eng.getRow(11).values.slice(1)).toEqual([
    'สิ้นเดือนกันยายน 2569',
    Math.round((100 + 80 + 0 + 0) / 4),
  ]);

  res = await get('/integrity/progress?fiscalYear=2569&asOf=2026-10-01&format=csv', 'admin');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  const records = parse(res.text.replace(/^\uFEFF/, ''), { relax_column_count: true });
  expect(records[0].slice(0, 5)).toEqual([
    'รหัสหน่วยงาน',
    'หน่วยงาน',
    'สถานะแผน',
    'ลำดับ',
    'ประเด็น',
  ]);
  const engTotal = records.find((r) => r[0] === 'ENG' && r[3] === 'รวม');
  expect(engTotal.slice(6)).toEqual(['4', '2', '1', '1', '0', '45', '3', '3']);
  expect(records.some((r) => r[0] === 'SCI' && r[4] === 'การใช้ทรัพย์สินของราชการ')).toBe(true);

  // One query per table: as many queries for two units as for one.
  let queries = 0;
  const count = () => (queries += 1);
  strapi.db.connection.on('query', count);
  const one = await planMod.progressSummary(strapi, [units.ENG.id], 2569, '2026-10-01');
  const forOne = queries;
  queries = 0;
  const two = await planMod.progressSummary(
    strapi,
    [units.ENG.id, units.SCI.id],
    2569,
    '2026-10-01',
  );
  strapi.db.connection.removeListener('query', count);
  expect(queries).toBe(forOne);
  expect(one.map((u) => u.totals.overdue)).toEqual([3]);
  expect(two.map((u) => u.totals.overdue)).toEqual([3, 1]);
});

test('the compliance dashboard lists overdue steps and missing reports per unit', async () => {
  let res = await get('/compliance/integrity?fiscalYear=2569&asOf=2026-10-01', 'monitor');
  expect(res.status).toBe(200);
  const units = Object.fromEntries(res.body.data.units.map((u) => [u.unit, u]));
  expect(units.ENG).toMatchObject({ plan: plans.ENG.documentId, overdue: 3, missing: 3 });
  expect(units.SCI).toMatchObject({ plan: plans.SCI.documentId, overdue: 1, missing: 2 });
  const eng = res.body.data.steps.filter((s) => s.unit === 'ENG');
  expect(eng.map((s) => [s.stepText, s.owner, s.endMonth, s.overdue, s.missingPeriods])).toEqual([
    ['ปรับปรุงเว็บไซต์', 'งานประชาสัมพันธ์', 'mar', true, []],
    ['ประเมินผล', 'หัวหน้าสำนักงาน', 'sep', true, ['sep']],
    ['จัดอบรม', null, 'jun', true, ['mar', 'sep']],
  ]);
  expect(eng[0].measure).toBe('เผยแพร่ข้อมูลสาธารณะครบถ้วน');
  // A unit's editor sees their unit only; another unit's code is not theirs.
  res = await get('/compliance/integrity?fiscalYear=2569&asOf=2026-10-01', 'editorSci');
  expect(res.body.data.units.map((u) => u.unit)).toEqual(['SCI']);
  expect(res.body.data.steps.every((s) => s.unit === 'SCI')).toBe(true);
  res = await get('/compliance/integrity?fiscalYear=2569&unit=ENG', 'editorSci');
  expect(res.body.data.units).toEqual([]);
  // Nothing overdue early in the year.
  res = await get('/compliance/integrity?fiscalYear=2569&asOf=2025-10-15', 'admin');
  expect(res.body.data.steps).toEqual([]);
  expect(res.body.data.units.every((u) => u.overdue === 0 && u.missing === 0)).toBe(true);
});

test('refusals: 4xx with a Thai/English message, nothing written', async () => {
  const k = keys();
  const before = await progressRows();
  const P = plans.ENG.documentId;
  const cases = [
    [
      'editorEng',
      { plan: P, step: 'nosuchstep', period: 'mar', status: 'in_progress', percent: 1 },
      400,
    ],
    ['editorEng', { plan: P, step: k.web, period: 'jan', status: 'in_progress', percent: 1 }, 400],
    [
      'editorEng',
      { plan: P, step: k.assess, period: 'mar', status: 'in_progress', percent: 1 },
      400,
    ],
    [
      'editorEng',
      { plan: P, step: k.web, period: 'sep', status: 'in_progress', percent: 101 },
      400,
    ],
    [
      'editorEng',
      { plan: P, step: k.web, period: 'sep', status: 'in_progress', percent: 5.5 },
      400,
    ],
    ['editorEng', { plan: P, step: k.web, period: 'sep', status: 'in_progress', percent: -1 }, 400],
    ['editorEng', { plan: P, step: k.web, period: 'sep', status: 'finished', percent: 1 }, 400],
    ['editorEng', { plan: [P], step: k.web, period: 'sep', status: 'done' }, 400],
    ['editorEng', { plan: { $ne: 'x' }, step: k.web, period: 'sep', status: 'done' }, 400],
    ['editorEng', { plan: P, step: k.web, period: ['sep'], status: 'done' }, 400],
    [
      'editorEng',
      { plan: P, step: k.web, period: 'sep', status: 'done', done: 'ก'.repeat(5000) },
      400,
    ],
    ['editorEng', { plan: P, step: k.web, period: 'sep', status: 'done', evidence: 'x' }, 400],
    ['editorEng', { plan: P, step: k.web, period: 'sep', status: 'done', evidence: [999999] }, 400],
    ['editorEng', { plan: P, step: k.web, period: 'sep', status: 'done', unit: 'SCI' }, 400],
    ['editorEng', { plan: 'x'.repeat(100000), step: k.web, period: 'sep', status: 'done' }, 400],
    ['editorEng', [1, 2], 400],
    ['editorEng', { plan: 'nosuchplan', step: k.web, period: 'sep', status: 'done' }, 404],
    [
      'editorEng',
      { plan: plans.other.documentId, step: k.web, period: 'sep', status: 'done' },
      404,
    ],
    ['editorSci', { plan: P, step: k.web, period: 'sep', status: 'done' }, 403],
    ['monitor', { plan: P, step: k.web, period: 'sep', status: 'done' }, 403],
  ];
  for (const [who, body, status] of cases) {
    const res = await post('/integrity/progress', body, who);
    expect([JSON.stringify(body).slice(0, 80), res.status]).toEqual([
      JSON.stringify(body).slice(0, 80),
      status,
    ]);
    expect(res.body.error.message).toMatch(/[\u0E00-\u0E7F].* \/ [A-Za-z]/);
  }
  const reads = [
    ['editorSci', '/integrity/plan?unit=ENG&fiscalYear=2569', 403],
    ['editorSci', '/integrity/progress?unit=ENG&fiscalYear=2569', 403],
    ['editorSci', '/integrity/progress?unit=ENG&fiscalYear=2569&format=xlsx', 403],
    ['editorEng', '/integrity/plan?unit=NOPE&fiscalYear=2569', 404],
    ['editorEng', '/integrity/plan?unit=ENG&fiscalYear=2026', 400],
    ['editorEng', '/integrity/plan?unit=ENG&fiscalYear=2569&asOf=tomorrow', 400],
    ['monitor', '/integrity/plan?fiscalYear=2569', 400],
    ['editorEng', '/integrity/progress?fiscalYear=2569&format=pdf', 400],
    ['editorEng', '/integrity/plan?unit[]=ENG&fiscalYear=2569', 400],
  ];
  for (const [who, path, status] of reads) {
    const res = await get(path, who);
    expect([path, res.status]).toEqual([path, status]);
  }
  // The editor's only unit is the default.
  expect((await get('/integrity/plan?fiscalYear=2569', 'editorSci')).body.data.unit.code).toBe(
    'SCI',
  );
  expect((await api().get('/integrity/plan?unit=ENG&fiscalYear=2569')).status).toBe(401);

  // The Document Service path (as scripts and the Content Manager): the same rules.
  const docs = strapi.documents(PROGRESS);
  const base = {
    unit: units.ENG.documentId,
    planDocumentId: P,
    stepKey: k.web,
    period: 'sep',
    progressStatus: 'in_progress',
    percent: 10,
  };
  const bad = [
    { ...base }, // a second row for (plan, step, period)
    { ...base, period: 'jun' },
    { ...base, stepKey: 'zzzzzz' },
    { ...base, planDocumentId: plans.other.documentId },
    { ...base, planDocumentId: 'nope' },
    { ...base, unit: units.SCI.documentId, period: 'mar', stepKey: k.train },
    { ...base, stepKey: k.train, period: 'mar', percent: 150 },
  ];
  for (const data of bad) await expect(docs.create({ data })).rejects.toThrow(/ \/ /);
  const row = await strapi.db.query(PROGRESS).findOne({ where: { stepKey: k.web, period: 'mar' } });
  await expect(
    docs.update({ documentId: row.documentId, data: { period: 'sep' } }),
  ).rejects.toThrow(/already exists/);
  await expect(
    docs.update({ documentId: row.documentId, data: { unit: units.SCI.documentId } }),
  ).rejects.toThrow(/ \/ /);
  await expect(docs.clone({ documentId: row.documentId, data: {} })).rejects.toThrow(/ \/ /);
  expect(await progressRows()).toEqual(before);

  // The Content Manager (as an administrator): the same rules, the same messages. The field is
  // stored as `progressStatus` (a body's `status` is Strapi's draft/published dimension).
  const cm = '/content-manager/collection-types/api::integrity-progress.integrity-progress';
  const cmBase = { ...base };
  const cmBad = await api()
    .post(cm)
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send({ ...cmBase, period: 'jun', unit: { connect: [{ id: units.ENG.id }] } });
  expect(cmBad.status).toBe(400);
  expect(cmBad.body.error.message).toContain("period must be one of the plan's reporting periods");
  const cmTwin = await api()
    .put(`${cm}/${row.documentId}`)
    .set('Authorization', `Bearer ${tokens.admin}`)
    .send({ period: 'sep' });
  expect(cmTwin.status).toBe(400);
  expect(await progressRows()).toEqual(before);

  // The fiscal year is the plan's whatever the caller says; done means 100.
  const made = await docs.create({
    data: {
      ...base,
      stepKey: k.train,
      period: 'mar',
      fiscalYear: 2570,
      progressStatus: 'done',
      percent: 20,
    },
  });
  const stored = await strapi.db
    .query(PROGRESS)
    .findOne({ where: { documentId: made.documentId } });
  expect(stored).toMatchObject({ fiscalYear: 2569, percent: 100, progressStatus: 'done' });
  await docs.delete({ documentId: made.documentId });
  expect(await progressRows()).toEqual(before);
});

test('reminders: owners of steps without a report, once per step and period', async () => {
  mails.length = 0;
  const { sendIntegrityReminders } = require(`${appDir}/dist/src/integrity/reminders`);
  // 25 March 2569: the March period closes within 7 days.
  let r = await sendIntegrityReminders(strapi, { asOf: '2026-03-25' });
  const byTo = Object.fromEntries(r.sent.map((s) => [s.to, s.steps.map((x) => x.stepText).sort()]));
  // ENG measure 1 has a work group: its members; "จัดอบรม" (no group) goes to ENG's editors.
  // Steps with a March row (appoint, web) and the step starting in April are not reminded of.
  expect(byTo).toEqual({
    'editoreng@integrity.example.org': ['จัดอบรม'],
    'editorsci@integrity.example.org': ['ร่างแนวปฏิบัติ'],
  });
  expect(r.failed).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const eng = mails.find((m) => m.to.includes('editoreng@integrity.example.org'));
  expect(decode(eng.raw)).toContain('จัดอบรม');
  expect(decode(eng.raw)).toContain('31 มีนาคม 2569');
  // Again: nothing (once per step and period).
  r = await sendIntegrityReminders(strapi, { asOf: '2026-03-26' });
  expect(r.sent).toEqual([]);
  // Too early for September.
  r = await sendIntegrityReminders(strapi, { asOf: '2026-09-01' });
  expect(r.sent).toEqual([]);
  // 25 September: the assessment step (work group of measure 1) and the others without a row.
  r = await sendIntegrityReminders(strapi, { asOf: '2026-09-25' });
  const sep = Object.fromEntries(r.sent.map((s) => [s.to, s.steps.map((x) => x.stepText).sort()]));
  expect(sep['somchai@integrity.example.org']).toEqual(['ประเมินผล']);
  expect(sep['somying@integrity.example.org']).toEqual(['ประเมินผล']);
  expect(sep['editoreng@integrity.example.org']).toEqual(['จัดอบรม']);
});
