/**
 * Issue 14: the measures import (seed 001's table as CSV and XLSX, Thai intact), its refusals
 * (malformed rows named by row and column, a period outside the fiscal year, a plan under review)
 * writing nothing, step keys surviving a re-import, and the plan rules on every write path
 * (Document Service and Content Manager).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken, systemSteps } = require('./helpers/factories');

const PLAN = 'api::plan.plan';
const WG = 'api::work-group.work-group';
const FIXTURES = path.join(__dirname, 'fixtures');
const CSV = path.join(FIXTURES, 'measures-001.csv');
const XLSX = path.join(FIXTURES, 'measures-001.xlsx');
const MALFORMED = path.join(FIXTURES, 'measures-001-malformed.csv');
const UNIT_NAME = 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษามหาสารคาม เขต ๓';
const OWNER = 'ทุกกลุ่มงานใน สพป. มหาสารคาม เขต ๓';

let strapi;
let token;
let unit;
let otherUnit;
let ownGroup;
let otherGroup;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-measures-'));

/** Runs a CLI command in this process against the test's Strapi; captures its output. */
const cli = async (...args) => {
  const { run } = require('../dist/src/cli/index.js');
  const out = [];
  const err = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a) => err.push(a.join(' ')));
  try {
    const status = await run(args, { boot: async () => strapi, cwd: appDir });
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
};
const importFile = (file, year = '2567', code = 'MSK3') =>
  cli('measures:import', file, '--unit', code, '--year', year);

const counts = async () => ({
  plans: await strapi.db.query(PLAN).count(),
  measures: await strapi.db.query('integrity.measure').count(),
  steps: await strapi.db.query('integrity.step').count(),
});

const planOf = async (unitDoc = unit, fiscalYear = 2567) =>
  strapi.documents(PLAN).findFirst({
    filters: { unit: { documentId: unitDoc.documentId }, fiscalYear, kind: 'integrity_measures' },
    status: 'draft',
    populate: { measures: { populate: { steps: { populate: ['workGroup'] }, workGroup: true } } },
  });

const api = () => request(strapi.server.httpServer);

beforeAll(async () => {
  strapi = await setupStrapi();
  token = await adminToken(request, strapi, await createSuperAdmin(strapi));
  unit = await createUnit(strapi, { code: 'MSK3', nameTh: UNIT_NAME, group: 'office' });
  otherUnit = await createUnit(strapi, { code: 'OTHER', nameTh: 'หน่วยงานอื่น' });
  ownGroup = await strapi.documents(WG).create({
    data: { name: OWNER, unit: unit.documentId },
  });
  otherGroup = await strapi.documents(WG).create({
    data: { name: 'คณะทำงานของหน่วยงานอื่น', unit: otherUnit.documentId },
  });
});
afterAll(async () => {
  await teardownStrapi();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const SEED_STEP_COUNTS = [5, 4, 3, 2, 5, 4, 5];

test('seed 001 as CSV: 7 measures with the seed’s steps, Thai intact, months October–September', async () => {
  const before = await counts();
  const r = await importFile(CSV);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('สร้างแผนมาตรการใหม่');
  expect(r.stdout).toContain('7 มาตรการ 28 ขั้นตอน');
  expect(r.stdout).toContain('7 measure(s), 28 step(s)');

  const plan = await planOf();
  expect(plan.title).toBe(
    `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567 (${UNIT_NAME})`,
  );
  expect(plan.kind).toBe('integrity_measures');
  expect(plan.fiscalYear).toBe(2567);
  const stored = await strapi.db
    .query(PLAN)
    .findOne({ where: { documentId: plan.documentId, publishedAt: null } });
  expect(stored.workflowState).toBe('draft');
  expect(stored.publishedAt).toBeNull();
  expect(await counts()).toEqual({
    plans: before.plans + 1,
    measures: before.measures + 7,
    steps: before.steps + 28,
  });

  const m = plan.measures;
  expect(m.map((x) => x.issueNo)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(m.map((x) => x.steps.length)).toEqual(SEED_STEP_COUNTS);
  expect(m[0].issue).toBe('กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ');
  expect(m[0].measure).toBe(
    'การวิเคราะห์ผลคะแนนการประเมินคุณธรรมและความโปร่งใสในหน่วยงานภาครัฐของ สพป. มหาสารคาม เขต ๓ ประจำปีงบประมาณ พ.ศ.๒๕๖๖ ไปปรับปรุงกระบวนการทำงานให้สอดคล้องกับภารกิจของแต่ละกลุ่มงาน',
  );
  // "ในข้อ ๑" inside a step is not a step boundary.
  expect(m[0].steps[1].text).toBe(
    'กลุ่มงานที่ได้รับมอบหมายเป็นเจ้าภาพหลัก นำผลการวิเคราะห์ดังกล่าวในข้อ ๑ ไปปรับปรุง',
  );
  expect(m[1].issue).toBe('การให้บริการและระบบ E-Service');
  // Issue 3: numbered steps in one line, no paragraphs.
  expect(m[2].steps[0].text).toBe(
    'เผยแพร่ข้อมูลข่าวสารที่เป็นปัจจุบันบนเว็บไซต์ของสำนักงาน เพื่อเปิดเผยข้อมูลต่างๆของหน่วยงานให้สาธารณชนได้รับทราบ',
  );
  // Issue 5: step ๕ is on the next row of the seed; issue 6: steps ๓–๔ likewise.
  expect(m[4].issue).toBe('กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง');
  expect(m[4].steps[4].text).toBe(
    'ประชาสัมพันธ์แผนบริหารความเสี่ยงของ สพป. มหาสารคาม เขต ๓ บนเว็บไซต์ของหน่วยงาน เพื่อเป็นการขยายการรับรู้และให้บุคลากรทั้งภายในและบุคคลภายนอกเข้าถึงข้อมูลดังกล่าวได้มากที่สุด เป็นการสร้างความโปร่งใสขององค์กรต่อสาธารณชน',
  );
  expect(m[5].steps[2].text).toMatch(
    /^หน่วยงานควรดำเนินการจัดทำและเผยแพร่การดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล/,
  );
  expect(m[5].steps[3].text).toMatch(/^ประชาสัมพันธ์เปิดเผยข้อมูลเกี่ยวกับการบริหารงานบุคคล/);
  expect(m[6].issue).toBe(
    'กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในสำนักงานเขตพื้นที่การศึกษา',
  );
  expect(m[6].steps[1].text).toBe(
    'แต่งตั้งคณะกรรมการ/คณะทำงาน เพื่อขับเคลื่อนป้องกันการทุจริตและประพฤติมิชอบภายในหน่วยงาน',
  );
  // No step keeps its number or HTML.
  for (const s of m.flatMap((x) => x.steps)) {
    expect(s.text).not.toMatch(/^[0-9๐-๙]+\./);
    expect(s.text).not.toMatch(/<\/?p>/);
    expect(s.key).toMatch(/^[a-z0-9]{6,40}$/);
    expect([s.startMonth, s.endMonth]).toEqual(['oct', 'sep']);
  }
  expect(new Set(m.flatMap((x) => x.steps.map((s) => s.key))).size).toBe(28);
  for (const x of m) expect([x.startMonth, x.endMonth]).toEqual(['oct', 'sep']);
  // The responsible cell is the owner text; it names the unit's work group on measure 1.
  expect(m[0].owner).toBe(OWNER);
  expect(m[0].workGroup?.documentId).toBe(ownGroup.documentId);
  expect(m[1].owner).toBe('ทุกกลุ่มงานในสพ.มหาสารคาม เขต ๓');
  expect(m[1].workGroup).toBeNull();
});

test('the same table as XLSX replaces the draft’s measures, and step keys survive a re-import', async () => {
  const first = await planOf();
  const keys = first.measures.map((x) => x.steps.map((s) => s.key));
  const before = await counts();

  const r = await importFile(XLSX);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('แทนที่มาตรการของแผนฉบับร่าง');
  expect(r.stdout).toContain(`${first.documentId}: 7 มาตรการ 28 ขั้นตอน (คงรหัสขั้นตอนเดิม 28`);
  const again = await planOf();
  expect(again.documentId).toBe(first.documentId);
  expect(await counts()).toEqual(before);
  expect(again.measures.map((x) => x.steps.length)).toEqual(SEED_STEP_COUNTS);
  expect(again.measures.map((x) => x.steps.map((s) => s.key))).toEqual(keys);
  // The same texts from the spreadsheet (lines in a cell instead of <p> paragraphs).
  const texts = (p) => p.measures.map((x) => [x.issue, x.measure, x.steps.map((s) => s.text)]);
  expect(texts(again)).toEqual(texts(first));

  // One step reworded: that step gets a new key, every other step keeps its own.
  const csv = fs
    .readFileSync(CSV, 'utf8')
    .replace(
      'เผยแพร่แนวทาง/ขั้นตอนในการยืม/ใช้ทรัพย์สินของราชการให้บุคลากรได้รับทราบ',
      'เผยแพร่แนวทางการยืมทรัพย์สินของราชการให้บุคลากรได้รับทราบ',
    );
  const edited = path.join(tmp, 'edited.csv');
  fs.writeFileSync(edited, csv);
  const r2 = await importFile(edited);
  expect(r2.status).toBe(0);
  expect(r2.stdout).toContain('คงรหัสขั้นตอนเดิม 27');
  const third = await planOf();
  const now = third.measures.map((x) => x.steps.map((s) => s.key));
  expect(now[3][1]).not.toBe(keys[3][1]);
  expect(third.measures[3].steps[1].text).toMatch(/^เผยแพร่แนวทางการยืมทรัพย์สิน/);
  now[3][1] = keys[3][1];
  expect(now).toEqual(keys);
});

test('a malformed sheet: every problem named by row and column, non-zero exit, nothing written', async () => {
  const before = await counts();
  const plan = await planOf();
  const r = await importFile(MALFORMED);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(
    'แถว 5 คอลัมน์ D (ระยะเวลา): ระยะเวลา "ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘" ไม่อยู่ในปีงบประมาณ 2567',
  );
  expect(r.stderr).toContain('row 5 column D (period)');
  expect(r.stderr).toContain(
    'แถว 8 คอลัมน์ B (มาตรการ/แนวทาง): กรุณาระบุมาตรการ/แนวทาง / row 8 column B (measure): the measure is empty',
  );
  expect(r.stderr).toContain('row 9 column C (steps): steps start at number 3 (expected 1)');
  expect(r.stderr).toContain('3 problem(s)');
  expect(r.stderr).toContain('nothing was imported');
  // Rows 6–7 repeat the two-row header: skipped, not reported.
  expect(r.stderr).not.toMatch(/row [67]\b/);
  expect(await counts()).toEqual(before);
  expect((await planOf()).measures.map((x) => x.steps.map((s) => s.key))).toEqual(
    plan.measures.map((x) => x.steps.map((s) => s.key)),
  );

  // The real command: refused before the database is even opened.
  const dbFile = path.join(tmp, 'cli.db');
  const bin = spawnSync(
    process.execPath,
    [
      path.join(appDir, 'src', 'cli', 'bin.js'),
      'measures:import',
      MALFORMED,
      '--unit',
      'MSK3',
      '--year',
      '๒๕๖๗',
    ],
    {
      cwd: tmp,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: dbFile,
        DATABASE_URL: '',
        PRONGSAI_SKIP_COMPILE: '1',
        INIT_CWD: tmp,
      },
    },
  );
  expect(bin.status).toBe(1);
  expect(bin.stderr).toContain('row 5 column D (period)');
  expect(bin.stderr).toContain('row 8 column B (measure)');
  expect(fs.existsSync(dbFile)).toBe(false);
});

test('a period outside the fiscal year, an unknown unit, a wrong file: refused, nothing written', async () => {
  const before = await counts();
  const wrongYear = await importFile(CSV, '2568');
  expect(wrongYear.status).toBe(1);
  expect(wrongYear.stderr).toContain(
    'แถว 3 คอลัมน์ D (ระยะเวลา): ระยะเวลา "ตุลาคม ๒๕๖๖ ถึง กันยายน ๒๕๖๗" ไม่อยู่ในปีงบประมาณ 2568 (ตุลาคม 2567 – กันยายน 2568)',
  );
  expect(wrongYear.stderr).toContain('row 32 column D (period)');
  expect(wrongYear.stderr).toContain('7 problem(s)');
  expect(await strapi.db.query(PLAN).count({ where: { fiscalYear: 2568 } })).toBe(0);

  const noUnit = await importFile(CSV, '2567', 'NOPE');
  expect(noUnit.status).toBe(1);
  expect(noUnit.stderr).toContain('no unit with code "NOPE"');

  const txt = path.join(tmp, 'measures.txt');
  fs.writeFileSync(txt, 'x');
  expect((await importFile(txt)).status).toBe(2);
  expect((await cli('measures:import', CSV, '--year', '2567')).status).toBe(2);
  expect((await cli('measures:import', CSV, '--unit', 'MSK3')).status).toBe(2);

  const noHeader = path.join(tmp, 'no-header.csv');
  fs.writeFileSync(noHeader, 'a,b,c\n1,2,3\n');
  const nh = await importFile(noHeader);
  expect(nh.status).toBe(1);
  expect(nh.stderr).toContain('row 1: no header row found');
  expect(await counts()).toEqual(before);
});

test('a plan submitted for approval is not replaced; once changes are requested it is', async () => {
  const plan = await planOf();
  const before = await counts();
  await systemSteps(strapi, PLAN, plan.documentId, ['submit']);
  const refused = await importFile(XLSX);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('อยู่ในสถานะ "รออนุมัติ"');
  expect(refused.stderr).toContain('is submitted: it can only be replaced while a draft');
  expect(await counts()).toEqual(before);
  const stored = await strapi.db
    .query(PLAN)
    .findOne({ where: { documentId: plan.documentId, publishedAt: null } });
  expect(stored.workflowState).toBe('submitted');

  await systemSteps(strapi, PLAN, plan.documentId, ['request_changes'], 'แก้ขั้นตอน');
  const ok = await importFile(XLSX);
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('แทนที่มาตรการของแผนฉบับร่าง');
});

describe('plan rules on every write path', () => {
  const measure = (over = {}) => ({
    issue: 'ประเด็นทดสอบ',
    measure: 'มาตรการทดสอบ',
    startMonth: 'nov',
    endMonth: 'jun',
    steps: [{ text: 'ขั้นตอนแรก' }, { text: 'ขั้นตอนที่สอง', startMonth: 'jan', endMonth: 'mar' }],
    ...over,
  });
  const create = (data) =>
    strapi.documents(PLAN).create({
      data: {
        title: 'แผนทดสอบ',
        unit: otherUnit.documentId,
        fiscalYear: 2569,
        kind: 'integrity_measures',
        ...data,
      },
    });
  const refusal = async (promise) => {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('not refused');
  };

  test('accepted: issueNo is the position, steps without months run over the measure’s, texts trimmed', async () => {
    const plan = await create({
      measures: [
        measure({ issue: '  ประเด็นแรก  ' }),
        measure({ issueNo: 5, steps: [{ text: ' ทำ ', startMonth: 'dec' }] }),
      ],
    });
    const stored = await strapi.documents(PLAN).findOne({
      documentId: plan.documentId,
      populate: { measures: { populate: ['steps'] } },
    });
    expect(stored.measures.map((m) => [m.issueNo, m.issue])).toEqual([
      [1, 'ประเด็นแรก'],
      [5, 'ประเด็นทดสอบ'],
    ]);
    expect(stored.measures[0].steps.map((s) => [s.text, s.startMonth, s.endMonth])).toEqual([
      ['ขั้นตอนแรก', 'nov', 'jun'],
      ['ขั้นตอนที่สอง', 'jan', 'mar'],
    ]);
    expect(stored.measures[1].steps.map((s) => [s.text, s.startMonth, s.endMonth])).toEqual([
      ['ทำ', 'dec', 'jun'],
    ]);
  });

  test('refused with the measure and step named, nothing written', async () => {
    const before = await counts();
    const cases = [
      [
        { kind: 'strategic', measures: [measure()] },
        'measures are only allowed on a plan of kind integrity_measures',
      ],
      [
        { measures: [measure({ issue: '   ' })] },
        'มาตรการที่ 1: กรุณาระบุประเด็น / measure 1: issue is required',
      ],
      [{ measures: [measure(), measure({ measure: '' })] }, 'measure 2: measure is required'],
      [
        { measures: [measure({ startMonth: 'sep', endMonth: 'oct' })] },
        'มาตรการที่ 1: เดือนเริ่มต้น (กันยายน) อยู่หลังเดือนสิ้นสุด (ตุลาคม) / measure 1: startMonth is after endMonth (sep > oct)',
      ],
      [
        {
          measures: [
            measure(),
            measure({
              steps: [
                { text: 'ก' },
                { text: 'ข' },
                { text: 'ค', startMonth: 'may', endMonth: 'jan' },
              ],
            }),
          ],
        },
        'มาตรการที่ 2 ขั้นตอนที่ 3: เดือนเริ่มต้น (พฤษภาคม) อยู่หลังเดือนสิ้นสุด (มกราคม) / measure 2 step 3: startMonth is after endMonth (may > jan)',
      ],
      [{ measures: [measure({ steps: [{ text: '' }] })] }, 'measure 1 step 1: text is required'],
      [{ measures: [measure({ endMonth: 'sept' })] }, 'measure 1: endMonth "sept" is not a month'],
      [
        { measures: Array.from({ length: 101 }, () => measure({ steps: [] })) },
        'a plan has at most 100 measures (got 101)',
      ],
      [
        {
          measures: [
            measure({ steps: Array.from({ length: 51 }, (_, i) => ({ text: `ข้อ ${i}` })) }),
          ],
        },
        'measure 1: a measure has at most 50 steps (got 51)',
      ],
      [
        { measures: [measure({ workGroup: ownGroup.documentId })] },
        `measure 1: work group "${OWNER}" belongs to another unit`,
      ],
      [
        {
          measures: [
            measure({
              steps: [{ text: 'ก', workGroup: { connect: [{ documentId: ownGroup.documentId }] } }],
            }),
          ],
        },
        'measure 1 step 1: work group',
      ],
    ];
    for (const [data, message] of cases) {
      const error = await refusal(create(data));
      expect([message, error.name, error.message]).toEqual([
        message,
        'ValidationError',
        expect.stringContaining(message),
      ]);
    }
    expect(await counts()).toEqual(before);
    // The unit's own work group is accepted.
    const ok = await create({ measures: [measure({ workGroup: otherGroup.documentId })] });
    expect(ok.documentId).toBeTruthy();
  });

  test('updates and the Content Manager: 400 with the message, the plan unchanged', async () => {
    const plan = await create({ measures: [measure()] });
    const read = () =>
      strapi.documents(PLAN).findOne({
        documentId: plan.documentId,
        populate: { measures: { populate: ['steps'] } },
      });
    const before = await read();
    const strip = (p) =>
      p.measures.map((m) => [
        m.issue,
        m.startMonth,
        m.endMonth,
        m.steps.map((s) => [s.key, s.text]),
      ]);

    // Changing the kind of a plan that has measures.
    const kind = await refusal(
      strapi.documents(PLAN).update({ documentId: plan.documentId, data: { kind: 'hr' } }),
    );
    expect(kind.message).toContain('remove them before changing its kind');

    const cm = await api()
      .put(`/content-manager/collection-types/${PLAN}/${plan.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        measures: [
          measure(),
          measure({ steps: [{ text: 'ก' }, { text: 'ข', startMonth: 'aug', endMonth: 'feb' }] }),
        ],
      });
    expect(cm.status).toBe(400);
    expect(cm.body.error.message).toContain(
      'มาตรการที่ 2 ขั้นตอนที่ 2: เดือนเริ่มต้น (สิงหาคม) อยู่หลังเดือนสิ้นสุด (กุมภาพันธ์)',
    );
    expect(cm.body.error.message).toContain('measure 2 step 2: startMonth is after endMonth');
    const after = await read();
    expect(strip(after)).toEqual(strip(before));
    expect(after.kind).toBe('integrity_measures');

    // Measures on a plan of another kind, through the Content Manager.
    const other = await strapi.documents(PLAN).create({
      data: {
        title: 'แผนยุทธศาสตร์',
        unit: otherUnit.documentId,
        fiscalYear: 2569,
        kind: 'strategic',
      },
    });
    const cm2 = await api()
      .put(`/content-manager/collection-types/${PLAN}/${other.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ measures: [measure()] });
    expect(cm2.status).toBe(400);
    expect(cm2.body.error.message).toContain('integrity_measures');
    const otherAfter = await strapi.documents(PLAN).findOne({
      documentId: other.documentId,
      populate: ['measures'],
    });
    expect(otherAfter.measures).toEqual([]);

    // A valid CM update goes through, with the rules' normalisation.
    const ok = await api()
      .put(`/content-manager/collection-types/${PLAN}/${plan.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ measures: [measure({ steps: [{ text: 'ขั้นตอนเดียว' }] })] });
    expect(ok.status).toBe(200);
    const updated = await read();
    expect(updated.measures[0].steps.map((s) => [s.text, s.startMonth, s.endMonth])).toEqual([
      ['ขั้นตอนเดียว', 'nov', 'jun'],
    ]);
  });
});

test('permissions: editors and approvers keep their units’ progress, the monitor reads it', async () => {
  const PROGRESS = 'api::integrity-progress.integrity-progress';
  const CMP = `/content-manager/collection-types/${PROGRESS}`;
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const tokens = {};
  for (const role of ['editor', 'approver', 'monitor']) {
    const email = `${role}@msk3.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: 'Prongsai123',
      firstname: role,
      unit: 'MSK3',
      role,
    });
    tokens[role] = await adminToken(request, strapi, { email, password: 'Prongsai123' });
  }
  const as = (role, req) => req.set('Authorization', `Bearer ${tokens[role]}`);
  const plan = await planOf();
  const stepKey = plan.measures[0].steps[0].key;
  const row = (u) => ({
    unit: { connect: [{ documentId: u.documentId }] },
    fiscalYear: 2567,
    planDocumentId: plan.documentId,
    stepKey,
    period: 'mar',
    // No `status`: the Content Manager reads a body's `status` as the draft/published dimension
    // and answers 400 "Invalid status" for not_started … cancelled (reported; the field keeps
    // its default here).
    percent: 40,
    done: 'แจ้งผลการประเมินแก่ผู้บริหารแล้ว',
  });

  const created = await as('editor', api().post(CMP)).send(row(unit));
  expect(created.status).toBe(201);
  const documentId = created.body.data.documentId;
  const updated = await as('editor', api().put(`${CMP}/${documentId}`)).send({ percent: 60 });
  expect(updated.status).toBe(200);
  const stored = await strapi.db.query(PROGRESS).findOne({ where: { documentId } });
  expect([stored.percent, stored.status, stored.done]).toEqual([
    60,
    'not_started',
    'แจ้งผลการประเมินแก่ผู้บริหารแล้ว',
  ]);

  // Another unit's progress: refused, nothing written.
  const count = await strapi.db.query(PROGRESS).count();
  const foreign = await as('editor', api().post(CMP)).send(row(otherUnit));
  expect(foreign.status).toBe(403);
  expect(await strapi.db.query(PROGRESS).count()).toBe(count);

  // The monitor reads every unit's progress and changes none.
  const list = await as('monitor', api().get(CMP));
  expect(list.status).toBe(200);
  expect(list.body.results.map((r) => r.documentId)).toContain(documentId);
  expect((await as('monitor', api().put(`${CMP}/${documentId}`)).send({ percent: 0 })).status).toBe(
    403,
  );
  expect((await as('monitor', api().post(CMP)).send(row(unit))).status).toBe(403);
  expect((await strapi.db.query(PROGRESS).findOne({ where: { documentId } })).percent).toBe(60);

  // The approver of the unit may delete it.
  expect((await as('approver', api().delete(`${CMP}/${documentId}`))).status).toBe(200);
  expect(await strapi.db.query(PROGRESS).count({ where: { documentId } })).toBe(0);
});

test('the edit views speak Thai: new types and the integrity components; a step’s key is hidden', async () => {
  const get = async (path) => {
    const res = await api().get(path).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body.data;
  };
  const english = (metadatas) =>
    Object.entries(metadatas)
      .filter(
        ([f]) =>
          !['id', 'documentId', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(f),
      )
      .filter(
        ([, m]) => m.edit && m.edit.visible !== false && !/[\u0E00-\u0E7F]/.test(m.edit.label),
      )
      .map(([f, m]) => `${f}=${m.edit.label}`);
  for (const uid of [
    PLAN,
    'api::ita-score.ita-score',
    'api::work-group.work-group',
    'api::integrity-progress.integrity-progress',
  ]) {
    const { contentType, components } = await get(
      `/content-manager/content-types/${uid}/configuration`,
    );
    expect([uid, english(contentType.metadatas)]).toEqual([uid, []]);
    for (const [cuid, c] of Object.entries(components))
      expect([cuid, english(c.metadatas)]).toEqual([cuid, []]);
  }
  const plan = (await get(`/content-manager/content-types/${PLAN}/configuration`)).contentType;
  expect(plan.metadatas.progressCadence.edit.label).toBe('รอบการรายงานความก้าวหน้า');
  expect(plan.metadatas.measures.edit.label).toBe('มาตรการ/แนวทาง');
  const step = (await get('/content-manager/components/integrity.step/configuration')).component;
  expect(step.metadatas.key.edit).toMatchObject({ visible: false, editable: false });
  expect(JSON.stringify(step.layouts.edit)).not.toContain('"key"');
  expect(step.metadatas.text.edit.label).toBe('ขั้นตอนหรือวิธีการปฏิบัติ');
  const measure = (await get('/content-manager/components/integrity.measure/configuration'))
    .component;
  expect(measure.metadatas.issue.edit.label).toBe('ประเด็น');
  expect(measure.metadatas.workGroup.edit.mainField).toBe('name');
  const member = (await get('/content-manager/components/integrity.member/configuration'))
    .component;
  expect(member.metadatas.role.edit.label).toBe('บทบาทในคณะทำงาน');

  const { enumLabel } = require('../dist/src/common/enum-labels');
  expect(['oct', 'mar', 'sep'].map((m) => enumLabel('startMonth', m))).toEqual([
    'ตุลาคม',
    'มีนาคม',
    'กันยายน',
  ]);
  expect(enumLabel('period', 'jun')).toBe('มิถุนายน');
  expect(
    ['monthly', 'quarterly', 'half_year', 'annual'].map((c) => enumLabel('progressCadence', c)),
  ).toEqual(['รายเดือน', 'รายไตรมาส', 'ราย 6 เดือน', 'รายปี']);
  expect(
    ['not_started', 'in_progress', 'done', 'cancelled'].map((s) => enumLabel('status', s)),
  ).toEqual(['ยังไม่เริ่ม', 'กำลังดำเนินการ', 'ดำเนินการแล้วเสร็จ', 'ยกเลิก']);
  expect(['chair', 'member', 'secretary'].map((r) => enumLabel('role', r))).toEqual([
    'ประธาน',
    'กรรมการ',
    'เลขานุการ',
  ]);
  expect(enumLabel('role', 'editor')).toBe('บรรณาธิการ');
});

test('the real command (bin.js) imports into the running database and keeps every step key', async () => {
  const before = await planOf();
  const keys = before.measures.map((x) => x.steps.map((s) => s.key));
  const counted = await counts();
  const bin = spawnSync(
    process.execPath,
    [
      path.join(appDir, 'src', 'cli', 'bin.js'),
      'measures:import',
      CSV,
      '--unit',
      'MSK3',
      '--year',
      '2567',
    ],
    {
      cwd: tmp,
      encoding: 'utf8',
      // The same database as this test's Strapi (SQLite file or PostgreSQL schema).
      env: { ...process.env, PRONGSAI_SKIP_COMPILE: '1', INIT_CWD: tmp, LOG_LEVEL: 'error' },
    },
  );
  // (On PostgreSQL the pg driver may print a deprecation warning from Strapi's own queries.)
  expect([bin.status, bin.stderr.split('\n').filter((l) => /error/i.test(l))]).toEqual([0, []]);
  expect(bin.stdout).toContain(
    `แทนที่มาตรการของแผนฉบับร่าง ${before.documentId}: 7 มาตรการ 28 ขั้นตอน (คงรหัสขั้นตอนเดิม 28`,
  );
  const after = await planOf();
  expect(after.measures.map((x) => x.steps.map((s) => s.key))).toEqual(keys);
  expect(after.measures.map((x) => x.steps.length)).toEqual(SEED_STEP_COUNTS);
  expect(await counts()).toEqual(counted);
});
