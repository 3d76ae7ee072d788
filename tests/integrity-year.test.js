/**
 * Issue 14's proof: one unit walks through fiscal year 2566. Its 2565 ITA scores are imported
 * (CLI), the measures plan is created from the indicators below the target
 * (POST /integrity/plan/from-scores), completed with owners and steps, its documents generated
 * and published through the workflow; progress is entered at two periods (POST
 * /integrity/progress); the 6-month report is generated (POST /integrity/documents), approved and
 * published. The checklist items of the plan (O42) and of the action on it (O43) turn complete on
 * the compliance matrix and on the public ITA page; the PDFs read back with the issues, measures,
 * steps and owners in Thai.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { spawnSync } = require('child_process');
const { pdfText } = require('./helpers/pdf-text');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');

const PLAN_UID = 'api::plan.plan';
const REPORT_UID = 'api::report.report';
const PASSWORD = 'Prongsai123';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-year-'));

let strapi;
const tokens = {};
const http = () => request(strapi.server.httpServer);
const as = (who) => ({
  get: (p) => http().get(p).set('Authorization', `Bearer ${tokens[who]}`),
  post: (p, body) => http().post(p).set('Authorization', `Bearer ${tokens[who]}`).send(body),
});
const move = (who, uid, documentId, action) =>
  as(who).post('/workflow/transition', { uid, documentId, action, comment: 'ตามขั้นตอน' });
const cli = (...args) =>
  spawnSync(process.execPath, [path.join(appDir, 'src', 'cli', 'bin.js'), ...args], {
    cwd: TMP,
    env: { ...process.env, INIT_CWD: TMP, PRONGSAI_SKIP_COMPILE: '1', LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
const fileBytes = (file) =>
  fs.readFileSync(path.join(strapi.dirs.static.public, file.url.replace(/^\/+/, '')));
/** Text of a PDF without whitespace, cell by cell (pieces of one baseline split at gaps). */
const flatText = async (buffer) => {
  const { items } = await pdfText(buffer);
  const columns = [];
  for (const page of [...new Set(items.map((i) => i.page))]) {
    const lines = new Map();
    for (const p of items.filter((i) => i.page === page && i.str.trim() !== '')) {
      const key = [...lines.keys()].find((k) => Math.abs(k - p.baseline) < 1.5) ?? p.baseline;
      if (!lines.has(key)) lines.set(key, []);
      lines.get(key).push(p);
    }
    for (const [, ps] of [...lines.entries()].sort((a, b) => b[0] - a[0])) {
      ps.sort((a, b) => a.x0 - b.x0);
      let seg = null;
      const flush = () => {
        if (!seg) return;
        const col = columns.find((c) => Math.abs(c.x - seg.x) < 2) ?? { x: seg.x, text: '' };
        if (!columns.includes(col)) columns.push(col);
        col.text += seg.text;
      };
      for (const p of ps) {
        if (!seg || p.x0 - seg.end > 4) {
          flush();
          seg = { x: p.x0, end: p.x1, text: '' };
        }
        seg.text += p.str;
        seg.end = p.x1;
      }
      flush();
    }
  }
  return columns.map((c) => c.text.replace(/\s+/g, '')).join('|');
};
const expectAll = (flat, strings) => {
  for (const s of strings) expect([s, flat.includes(s.replace(/\s+/g, ''))]).toEqual([s, true]);
};
const matrixCell = async (item) => {
  const res = await as('admin').get('/compliance/matrix?fiscalYear=2566&unit=YRW');
  expect(res.status).toBe(200);
  return res.body.data.cells.find((c) => c.unit === 'YRW' && c.item === item);
};
const itaItem = async (code) => {
  const res = await http().get('/api/ita/YRW/2566');
  expect(res.status).toBe(200);
  return res.body.data.items.find((i) => i.code === code);
};

beforeAll(async () => {
  strapi = await setupStrapi({ INTEGRITY_SCORE_TARGET: '85' });
  await createUnit(strapi, {
    code: 'YRW',
    nameTh: 'สำนักงานเขตทดสอบปีงบประมาณ',
    websiteUrl: 'https://yrw.example.go.th',
  });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  for (const [who, role] of [
    ['editor', 'editor'],
    ['approver', 'approver'],
  ]) {
    const email = `${who}@year.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      unit: 'YRW',
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
});

afterAll(async () => {
  await teardownStrapi();
  fs.rmSync(TMP, { recursive: true, force: true });
});

test('a year of integrity measures: scores → plan → progress → 6-month report → complete', async () => {
  // 1. The 2565 scores, imported from a CSV: two indicators below 85.
  fs.writeFileSync(
    path.join(TMP, 'scores.csv'),
    [
      'รหัสหน่วยงาน,ปีงบประมาณ,ตัวชี้วัด,ชื่อตัวชี้วัด,คะแนน',
      'YRW,2565,1,การปฏิบัติหน้าที่,92',
      'YRW,2565,2,การใช้งบประมาณ,ร้อยละ 61.5',
      'YRW,๒๕๖๕,9,การเปิดเผยข้อมูล,53.62',
    ].join('\n'),
  );
  const imported = cli('ita-scores:import', 'scores.csv');
  expect([imported.status, imported.stderr]).toEqual([0, '']);
  const scores = await as('editor').get('/integrity/scores?unit=YRW&fiscalYear=2565');
  expect(scores.status).toBe(200);
  expect(scores.body.data.proposals.map((p) => p.code).sort()).toEqual(['2', '9']);

  // 2. The 2566 plan from the low indicators, completed with owners and a second step each.
  const created = await as('editor').post('/integrity/plan/from-scores', {
    unit: 'YRW',
    fiscalYear: 2566,
  });
  expect(created.status).toBe(201);
  const planId = created.body.data.documentId;
  const draft = await strapi.documents(PLAN_UID).findOne({
    documentId: planId,
    populate: { measures: { populate: { steps: true } } },
  });
  expect(draft.measures.map((m) => m.indicatorCode).sort()).toEqual(['2', '9']);
  const owners = ['กลุ่มนโยบายและแผน', 'กลุ่มส่งเสริมการศึกษาทางไกลและเทคโนโลยีสารสนเทศ'];
  const strip = (row) => {
    const { id, ...rest } = row;
    expect(id).toEqual(expect.any(Number));
    return rest;
  };
  await strapi.documents(PLAN_UID).update({
    documentId: planId,
    data: {
      measures: draft.measures.map((m, i) => ({
        ...strip(m),
        owner: owners[i],
        steps: [
          ...m.steps.map(strip),
          {
            text: `เผยแพร่ผลการปรับปรุงตัวชี้วัด ${m.indicatorCode} บนเว็บไซต์`,
            startMonth: 'dec',
            endMonth: 'mar',
          },
        ],
      })),
    },
  });
  const plan = await strapi.documents(PLAN_UID).findOne({
    documentId: planId,
    populate: { measures: { populate: { steps: true } } },
  });
  // The keys of the original steps survive the edit.
  expect(plan.measures.map((m) => m.steps[0].key)).toEqual(
    draft.measures.map((m) => m.steps[0].key),
  );

  // 3. Its documents, then through the workflow to the public.
  const planDocs = await as('editor').post('/integrity/documents', {
    unit: 'YRW',
    fiscalYear: 2566,
    document: 'plan',
  });
  expect(planDocs.status).toBe(200);
  const planEntry = await strapi.db.query(PLAN_UID).findOne({
    where: { documentId: planId, publishedAt: { $null: true } },
    populate: { attachments: true, checklistItems: true },
  });
  expect(planEntry.checklistItems.map((i) => i.code)).toEqual(['O42']);
  const planFlat = await flatText(
    fileBytes(planEntry.attachments.find((f) => f.mime === 'application/pdf')),
  );
  expectAll(planFlat, [
    'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสำนักงานเขตทดสอบปีงบประมาณ ประจำปีงบประมาณ พ.ศ. 2566',
    ...plan.measures.flatMap((m) => [m.issue, m.measure, ...m.steps.map((s) => s.text)]),
    ...owners,
    'ตุลาคม 2565 ถึง กันยายน 2566',
  ]);
  for (const action of ['submit', 'approve'])
    expect(
      (await move(action === 'submit' ? 'editor' : 'approver', PLAN_UID, planId, action)).status,
    ).toBe(200);
  expect((await move('approver', PLAN_UID, planId, 'publish')).status).toBe(200);
  expect(
    await strapi.db
      .query(PLAN_UID)
      .count({ where: { documentId: planId, publishedAt: { $notNull: true } } }),
  ).toBe(1);
  expect((await matrixCell('O42')).status).toBe('complete');
  expect((await matrixCell('O43')).status).not.toBe('complete');

  // 4. Progress at two periods (the plan reports half-yearly: March and September).
  const [m1, m2] = plan.measures;
  const progress = async (measure, step, period, status, percent, done, problems) => {
    const res = await as('editor').post('/integrity/progress', {
      plan: planId,
      step: measure.steps[step].key,
      period,
      status,
      percent,
      done,
      ...(problems ? { problems } : {}),
    });
    if (![200, 201].includes(res.status)) throw new Error(JSON.stringify(res.body));
  };
  await progress(m1, 0, 'mar', 'done', 100, 'วิเคราะห์ผลและเสนอผู้บริหารแล้ว');
  await progress(m1, 1, 'mar', 'in_progress', 40, 'เผยแพร่แล้วบางส่วน', 'ขาดบุคลากรด้านเว็บไซต์');
  await progress(m2, 0, 'mar', 'in_progress', 70, 'ประชุมคณะทำงานแล้ว');
  await progress(m1, 1, 'sep', 'done', 100, 'เผยแพร่ครบถ้วน');
  await progress(m2, 0, 'sep', 'done', 100, 'ปรับปรุงครบทุกขั้นตอน');

  // 5. The 6-month report: generated, approved, published.
  const half = await as('editor').post('/integrity/documents', {
    unit: 'YRW',
    fiscalYear: 2566,
    document: 'half',
  });
  expect(half.status).toBe(201);
  expect(half.body.data.figures).toMatchObject({
    steps: 4,
    byStatus: { done: 1, in_progress: 2 },
    notReported: 1,
    percent: 52.5,
    overdue: 3,
  });
  const reportId = half.body.data.documentId;
  const report = await strapi.db.query(REPORT_UID).findOne({
    where: { documentId: reportId, publishedAt: { $null: true } },
    populate: { attachments: true, checklistItems: true },
  });
  expect(report.kind).toBe('integrity_measures_6m');
  expect(report.checklistItems.map((i) => i.code)).toEqual(['O43']);
  const reportFlat = await flatText(
    fileBytes(report.attachments.find((f) => f.mime === 'application/pdf')),
  );
  expectAll(reportFlat, [
    'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2566',
    ...plan.measures.flatMap((m) => [m.issue, m.measure, ...m.steps.map((s) => s.text)]),
    ...owners,
    'วิเคราะห์ผลและเสนอผู้บริหารแล้ว',
    'ขาดบุคลากรด้านเว็บไซต์',
    'ความก้าวหน้าโดยรวม ร้อยละ 52.50',
  ]);
  expect(reportFlat).not.toContain('เผยแพร่ครบถ้วน');
  expect((await move('editor', REPORT_UID, reportId, 'submit')).status).toBe(200);
  expect((await move('approver', REPORT_UID, reportId, 'approve')).status).toBe(200);
  expect((await move('approver', REPORT_UID, reportId, 'publish')).status).toBe(200);

  // 6. Both items complete, on the dashboard's matrix and on the public ITA page.
  expect((await matrixCell('O42')).status).toBe('complete');
  expect((await matrixCell('O43')).status).toBe('complete');
  const o42 = await itaItem('O42');
  const o43 = await itaItem('O43');
  expect([o42.status, o43.status]).toEqual(['complete', 'complete']);
  expect(o43.entries.map((e) => e.documentId)).toContain(reportId);
  expect(o42.entries.map((e) => e.documentId)).toContain(planId);
});
