/**
 * Issue 14: documents generated from a unit's measures plan (POST /integrity/documents).
 * - `plan`: the seed-001 table as a landscape PDF (Thai text reads back, long rows continue on
 *   the next page) and an XLSX with the same rows, attached to the plan entry itself, which is
 *   linked to the plan's checklist items; 409 once the plan is in the workflow.
 * - `half` / `year`: the progress report as of March / September as a draft report entry (kinds
 *   integrity_measures_6m / integrity_measures_result) with the summary in its body, PDF + XLSX
 *   attached, the matching checklist items linked (2566 general O43; 2569 general O26 for the
 *   2568 annual report; the 2569 plan also satisfies O25); regenerating updates the draft; after
 *   submission through the workflow 409 and nothing changed.
 * - Refusals: another unit's editor (404, nothing created), the unit's publisher (403), bad
 *   documents, years and types (400), no plan (404), no token (401).
 */
const fs = require('fs');
const path = require('path');
const request = require('supertest');
const ExcelJS = require('exceljs');
const { pdfText } = require('./helpers/pdf-text');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, adminToken } = require('./helpers/factories');

const PLAN_UID = 'api::plan.plan';
const REPORT_UID = 'api::report.report';
const PROGRESS_UID = 'api::integrity-progress.integrity-progress';
const WG_UID = 'api::work-group.work-group';
const PASSWORD = 'Prongsai123';

let strapi;
let A;
let B;
let plan;
const users = {};
const http = () => request(strapi.server.httpServer);
const dist = (p) => require(`${appDir}/dist/src/${p}`);
const post = (label, body) =>
  http().post('/integrity/documents').set('Authorization', `Bearer ${users[label]}`).send(body);

const LONG = (n) =>
  Array.from(
    { length: n },
    (_, i) => `ประชุมชี้แจงแนวทางการป้องกันการทุจริตครั้งที่ ${i + 1} แก่บุคลากรทุกกลุ่มงาน`,
  ).join(' ');

const MEASURES = (wg) => [
  {
    issueNo: 1,
    issue: 'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
    indicatorCode: '1',
    measure: 'นำผลการวิเคราะห์คะแนน ITA ไปปรับปรุงกระบวนการทำงาน',
    target: 'ร้อยละ 100 ของกลุ่มงาน',
    startMonth: 'oct',
    endMonth: 'sep',
    owner: 'ทุกกลุ่มงานในสำนักงาน',
    steps: [
      { text: 'แจ้งผลการประเมิน ITA แก่ผู้บริหาร', startMonth: 'oct', endMonth: 'nov' },
      { text: 'เผยแพร่ผลการดำเนินการให้บุคลากรทราบ', startMonth: 'dec', endMonth: 'mar' },
      {
        text: 'จัดกิจกรรมปลูกจิตสำนึกด้านการป้องกันการทุจริต',
        startMonth: 'apr',
        endMonth: 'sep',
        owner: 'กลุ่มอำนวยการ',
      },
    ],
  },
  {
    issueNo: 2,
    issue: 'การให้บริการและระบบ E-Service',
    indicatorCode: '9',
    measure: 'ขับเคลื่อนการให้บริการ E-Service ตามภารกิจ',
    startMonth: 'oct',
    endMonth: 'sep',
    workGroup: wg,
    steps: [
      { text: 'สำรวจการให้บริการ E-Service ของกลุ่มงาน', startMonth: 'oct', endMonth: 'jan' },
      { text: 'ประชาสัมพันธ์ช่องทาง E-Service', startMonth: 'feb', endMonth: 'sep' },
    ],
  },
  {
    issueNo: 3,
    issue: 'กลไกและมาตรการในการป้องกันการทุจริต',
    measure: 'ยกระดับกลไกการป้องกันการทุจริต',
    owner: 'กลุ่มกฎหมายและคดี',
    steps: [1, 2, 3].map((i) => ({
      text: `ขั้นตอนยาวที่ ${i} ${LONG(9)}`,
      startMonth: 'apr',
      endMonth: 'sep',
    })),
  },
];

const draftOf = (uid, documentId) =>
  strapi.db.query(uid).findOne({
    where: { documentId, publishedAt: { $null: true } },
    populate: { attachments: true, checklistItems: true, unit: true, period: true },
  });
const fileBytes = (file) =>
  fs.readFileSync(path.join(strapi.dirs.static.public, file.url.replace(/^\/+/, '')));
const codesOf = (entry) => entry.checklistItems.map((i) => i.code).sort();
const xlsxRows = async (buffer, sheet) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  const ws = wb.getWorksheet(sheet);
  const rows = [];
  ws.eachRow((row) => rows.push(row.values.slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
};
/**
 * The PDF's text column by column, whitespace removed: a table cell's wrapped lines join up (the
 * plain text interleaves the cells of one baseline). Pieces of one line closer than 4pt belong to
 * one segment; a segment belongs to the column where it starts (the cell's left edge).
 */
const columnText = (items) => {
  const columns = [];
  const pages = [...new Set(items.map((i) => i.page))].sort((a, b) => a - b);
  for (const page of pages) {
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
const counts = async () => ({
  reports: await strapi.db.query(REPORT_UID).count(),
  files: await strapi.db.query('plugin::upload.file').count(),
});

const createPlan = async (unit, fiscalYear, measures) => {
  const doc = await strapi.documents(PLAN_UID).create({
    data: {
      title: `มาตรการส่งเสริมคุณธรรม ${unit.code} ${fiscalYear}`,
      unit: unit.documentId,
      fiscalYear,
      kind: 'integrity_measures',
      progressCadence: 'quarterly',
      measures,
    },
  });
  return strapi.documents(PLAN_UID).findOne({
    documentId: doc.documentId,
    populate: { measures: { populate: { steps: true } } },
  });
};

const progress = (unit, fiscalYear, planDoc, step, period, status, percent, done, problems) =>
  strapi.documents(PROGRESS_UID).create({
    data: {
      unit: unit.documentId,
      fiscalYear,
      planDocumentId: planDoc.documentId,
      stepKey: step.key,
      period,
      progressStatus: status,
      percent,
      done,
      problems,
    },
  });

beforeAll(async () => {
  strapi = await setupStrapi();
  A = await createUnit(strapi, { code: 'IDA', nameTh: 'สำนักงานทดสอบเอกสารเอ' });
  B = await createUnit(strapi, { code: 'IDB', nameTh: 'สำนักงานทดสอบเอกสารบี' });
  const provisioning = dist('units/provisioning');
  for (const [label, role, unit] of [
    ['editorA', 'editor', 'IDA'],
    ['approverA', 'approver', 'IDA'],
    ['publisherA', 'publisher', 'IDA'],
    ['editorB', 'editor', 'IDB'],
  ]) {
    const email = `${label.toLowerCase()}@docs.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: label,
      unit,
      role,
    });
    users[label] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  const wg = await strapi
    .documents(WG_UID)
    .create({ data: { name: 'คณะทำงานขับเคลื่อน ITA', unit: A.documentId } });
  plan = await createPlan(A, 2566, MEASURES(wg.documentId));
  const [m1, m2] = plan.measures;
  const p = (...args) => progress(A, 2566, plan, ...args);
  await p(m1.steps[0], 'dec', 'done', 100, 'แจ้งผลในที่ประชุมผู้บริหารแล้ว', null);
  await p(
    m1.steps[1],
    'mar',
    'in_progress',
    50,
    'เผยแพร่ทางเว็บไซต์แล้วบางส่วน',
    'บุคลากรไม่เพียงพอ',
  );
  await p(m2.steps[0], 'mar', 'in_progress', 60, 'สำรวจแล้ว 3 กลุ่มงาน', 'ระบบเครือข่ายขัดข้อง');
  await p(m1.steps[1], 'sep', 'done', 100, 'เผยแพร่ครบทุกช่องทาง', null);
  await p(m1.steps[2], 'sep', 'done', 100, 'จัดกิจกรรมแล้ว 2 ครั้ง', null);
  await p(m2.steps[0], 'sep', 'done', 100, 'สำรวจครบทุกกลุ่มงาน', null);
  await p(m2.steps[1], 'jun', 'cancelled', 0, null, 'งบประมาณไม่เพียงพอ');
});

afterAll(async () => {
  await teardownStrapi();
});

describe('POST /integrity/documents', () => {
  let half;

  test('plan: PDF and XLSX of the seed-001 table attached to the plan entry, O42 linked', async () => {
    const res = await post('editorA', { unit: 'IDA', fiscalYear: 2566, document: 'plan' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: plan.documentId,
      kind: 'integrity_measures',
      created: false,
    });
    expect(res.body.data.files.map((f) => f.name).sort()).toEqual([
      'integrity-measures-plan-IDA-2566.pdf',
      'integrity-measures-plan-IDA-2566.xlsx',
    ]);
    const entry = await draftOf(PLAN_UID, plan.documentId);
    expect(entry.workflowState).toBe('draft');
    expect(codesOf(entry)).toEqual(['O42']);
    expect(res.body.data.checklistItems).toEqual(entry.checklistItems.map((i) => i.documentId));
    expect(entry.attachments.map((f) => f.mime).sort()).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    // The measures are untouched by the update (same step keys).
    const after = await strapi.documents(PLAN_UID).findOne({
      documentId: plan.documentId,
      populate: { measures: { populate: { steps: true } } },
    });
    expect(after.measures.flatMap((m) => m.steps.map((s) => s.key))).toEqual(
      plan.measures.flatMap((m) => m.steps.map((s) => s.key)),
    );

    const pdf = entry.attachments.find((f) => f.mime === 'application/pdf');
    const { pages, items } = await pdfText(fileBytes(pdf));
    const flat = columnText(items);
    for (const s of [
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสำนักงานทดสอบเอกสารเอ ประจำปีงบประมาณ พ.ศ. 2566',
      'ได้วิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส',
      'ในปี พ.ศ. 2565',
      'ขั้นตอนหรือวิธีการปฏิบัติ',
      'ผู้รับผิดชอบ',
      '1. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
      'นำผลการวิเคราะห์คะแนน ITA ไปปรับปรุงกระบวนการทำงาน',
      '1. แจ้งผลการประเมิน ITA แก่ผู้บริหาร',
      '3. จัดกิจกรรมปลูกจิตสำนึกด้านการป้องกันการทุจริต',
      'ผู้รับผิดชอบ: กลุ่มอำนวยการ',
      'ตุลาคม 2565 ถึง กันยายน 2566',
      'ทุกกลุ่มงานในสำนักงาน',
      'การให้บริการและระบบ E-Service',
      'คณะทำงานขับเคลื่อน ITA',
      'กลุ่มกฎหมายและคดี',
      // Measure 3 has no months of its own: its steps' (April to September).
      'เมษายน 2566 ถึง กันยายน 2566',
    ])
      expect([s, flat.includes(s.replace(/\s+/g, ''))]).toEqual([s, true]);
    // The long row of measure 3 continues on a second page: every step's last words are there.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const i of [1, 2, 3]) expect(flat).toContain(`ขั้นตอนยาวที่${i}`);
    expect(flat.match(/ครั้งที่9แก่บุคลากรทุกกลุ่มงาน/g)).toHaveLength(3);

    const xlsx = entry.attachments.find((f) => f.name.endsWith('.xlsx'));
    const rows = await xlsxRows(fileBytes(xlsx), 'มาตรการ');
    expect(rows[0][0]).toBe(
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสำนักงานทดสอบเอกสารเอ ประจำปีงบประมาณ พ.ศ. 2566',
    );
    expect(rows[2]).toEqual([
      'ประเด็น',
      'มาตรการ/แนวทาง',
      'ขั้นตอนหรือวิธีการปฏิบัติ',
      'ระยะเวลา',
      'ผู้รับผิดชอบ',
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[3]).toEqual([
      '1. กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ (ตัวชี้วัดที่ 1)',
      'นำผลการวิเคราะห์คะแนน ITA ไปปรับปรุงกระบวนการทำงาน\nเป้าหมาย: ร้อยละ 100 ของกลุ่มงาน',
      [
        '1. แจ้งผลการประเมิน ITA แก่ผู้บริหาร (ตุลาคม 2565 ถึง พฤศจิกายน 2565)',
        '2. เผยแพร่ผลการดำเนินการให้บุคลากรทราบ (ธันวาคม 2565 ถึง มีนาคม 2566)',
        '3. จัดกิจกรรมปลูกจิตสำนึกด้านการป้องกันการทุจริต (เมษายน 2566 ถึง กันยายน 2566; ผู้รับผิดชอบ: กลุ่มอำนวยการ)',
      ].join('\n'),
      'ตุลาคม 2565 ถึง กันยายน 2566',
      'ทุกกลุ่มงานในสำนักงาน',
    ]);
    expect(rows[4][4]).toBe('คณะทำงานขับเคลื่อน ITA');
    expect(rows[5][2].split('\n')).toHaveLength(3);

    // Again: the generated files are replaced, not added to.
    const again = await post('editorA', { unit: 'IDA', fiscalYear: 2566, document: 'plan' });
    expect(again.status).toBe(200);
    const regenerated = await draftOf(PLAN_UID, plan.documentId);
    expect(regenerated.attachments.map((f) => f.name).sort()).toEqual([
      'integrity-measures-plan-IDA-2566.pdf',
      'integrity-measures-plan-IDA-2566.xlsx',
    ]);
    expect(regenerated.attachments.map((f) => f.id)).not.toEqual(
      entry.attachments.map((f) => f.id),
    );
    expect(
      await strapi.db
        .query('plugin::upload.file')
        .count({ where: { name: 'integrity-measures-plan-IDA-2566.pdf' } }),
    ).toBe(1);
  });

  test('half: a draft 6-month report as of March, O43 linked, figures, PDF and XLSX', async () => {
    const before = await counts();
    const res = await post('editorA', { unit: 'IDA', fiscalYear: 2566, document: 'half' });
    expect(res.status).toBe(201);
    half = res.body.data.documentId;
    expect(res.body.data).toMatchObject({ kind: 'integrity_measures_6m', created: true });
    expect(res.body.data.title).toBe(
      'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2566 (IDA)',
    );
    // As of March: 1.1 done, 1.2 in progress (ended in March: overdue), 2.1 in progress (ended in
    // January: overdue), the five others not reported; per cent over the 8 steps.
    expect(res.body.data.figures).toEqual({
      steps: 8,
      byStatus: { not_started: 0, in_progress: 2, done: 1, cancelled: 0 },
      notReported: 5,
      percent: 26.25,
      overdue: 2,
    });
    const entry = await draftOf(REPORT_UID, half);
    expect(entry.kind).toBe('integrity_measures_6m');
    expect(entry.workflowState).toBe('draft');
    expect(entry.fiscalYear).toBe(2566);
    expect(entry.unit.code).toBe('IDA');
    expect(entry.period).toMatchObject({ startDate: '2022-10-01', endDate: '2023-03-31' });
    expect(codesOf(entry)).toEqual(['O43']);
    const body = JSON.stringify(entry.body);
    expect(body).toContain('ความก้าวหน้าโดยรวม ร้อยละ 26.25');
    expect(body).toContain('ขั้นตอนที่เกินกำหนด 2 ขั้นตอน');
    expect(body).toContain('กำลังดำเนินการ: 2');
    expect(entry.attachments.map((f) => f.name).sort()).toEqual([
      'integrity-measures-progress-IDA-2566-half.pdf',
      'integrity-measures-progress-IDA-2566-half.xlsx',
    ]);
    expect((await counts()).reports).toBe(before.reports + 1);

    const { items } = await pdfText(
      fileBytes(entry.attachments.find((f) => f.mime === 'application/pdf')),
    );
    const flat = columnText(items);
    for (const s of [
      'รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2566',
      'ข้อมูล ณ สิ้นเดือนมีนาคม 2566',
      'กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ',
      'นำผลการวิเคราะห์คะแนน ITA ไปปรับปรุงกระบวนการทำงาน',
      '2. เผยแพร่ผลการดำเนินการให้บุคลากรทราบ',
      'ดำเนินการแล้วเสร็จ',
      'กำลังดำเนินการ (เกินกำหนด)',
      'เผยแพร่ทางเว็บไซต์แล้วบางส่วน',
      'บุคลากรไม่เพียงพอ',
      'ระบบเครือข่ายขัดข้อง',
      'คณะทำงานขับเคลื่อน ITA',
      'ปัญหา/อุปสรรค',
      'ขั้นตอนที่เกินกำหนด',
    ])
      expect([s, flat.includes(s.replace(/\s+/g, ''))]).toEqual([s, true]);
    // September's rows are not in the half-year report.
    expect(flat).not.toContain('เผยแพร่ครบทุกช่องทาง');

    const rows = await xlsxRows(
      fileBytes(entry.attachments.find((f) => f.name.endsWith('.xlsx'))),
      'ผลการดำเนินการ',
    );
    expect(rows[2][0]).toBe('ประเด็น/มาตรการ');
    expect(rows.slice(3)).toHaveLength(8);
    expect(rows[4]).toEqual([
      '',
      '2. เผยแพร่ผลการดำเนินการให้บุคลากรทราบ',
      'ธันวาคม 2565 ถึง มีนาคม 2566',
      'ทุกกลุ่มงานในสำนักงาน',
      'กำลังดำเนินการ (เกินกำหนด)',
      '50',
      'เผยแพร่ทางเว็บไซต์แล้วบางส่วน',
      'บุคลากรไม่เพียงพอ',
    ]);
    const summary = await xlsxRows(
      fileBytes(entry.attachments.find((f) => f.name.endsWith('.xlsx'))),
      'สรุป',
    );
    expect(summary).toContainEqual(['ยังไม่รายงาน', '5']);
  });

  test('year: the annual report as of September; again → the same draft updated', async () => {
    const res = await post('editorA', { unit: 'IDA', fiscalYear: 2566, document: 'year' });
    expect(res.status).toBe(201);
    expect(res.body.data.kind).toBe('integrity_measures_result');
    expect(res.body.data.figures).toEqual({
      steps: 8,
      byStatus: { not_started: 0, in_progress: 0, done: 4, cancelled: 1 },
      notReported: 3,
      percent: 57.14,
      overdue: 3,
    });
    const entry = await draftOf(REPORT_UID, res.body.data.documentId);
    expect(entry.period).toMatchObject({ startDate: '2022-10-01', endDate: '2023-09-30' });
    // The 2566 general list has no results item; 2567 has no list.
    expect(codesOf(entry)).toEqual([]);
    const { items } = await pdfText(
      fileBytes(entry.attachments.find((f) => f.mime === 'application/pdf')),
    );
    const flat = columnText(items);
    for (const s of [
      'ประจำปี ปีงบประมาณ พ.ศ. 2566',
      'เผยแพร่ครบทุกช่องทาง',
      'ยกเลิก',
      'งบประมาณไม่เพียงพอ',
    ])
      expect([s, flat.includes(s.replace(/\s+/g, ''))]).toEqual([s, true]);

    // New progress, then again: same entry, new figures, one pair of files.
    await progress(
      A,
      2566,
      plan,
      plan.measures[2].steps[0],
      'sep',
      'done',
      100,
      'ประชุมครบแล้ว',
      null,
    );
    const again = await post('editorA', { unit: 'ida', fiscalYear: 2566, document: 'year' });
    expect(again.status).toBe(200);
    expect(again.body.data.documentId).toBe(res.body.data.documentId);
    expect(again.body.data.created).toBe(false);
    expect(again.body.data.figures.overdue).toBe(2);
    const updated = await draftOf(REPORT_UID, res.body.data.documentId);
    expect(updated.attachments).toHaveLength(2);
    expect(JSON.stringify(updated.body)).toContain('ขั้นตอนที่เกินกำหนด 2 ขั้นตอน');
    expect(
      await strapi.db.query(REPORT_UID).count({
        where: { unitRef: A.id, kind: 'integrity_measures_result', publishedAt: { $null: true } },
      }),
    ).toBe(1);
  });

  test('submitted through the workflow: 409, nothing changed (report and plan)', async () => {
    const submit = (uid, documentId) =>
      http()
        .post('/workflow/transition')
        .set('Authorization', `Bearer ${users.editorA}`)
        .send({ uid, documentId, action: 'submit', comment: 'ส่งตรวจ' });
    expect((await submit(REPORT_UID, half)).status).toBe(200);
    const before = await draftOf(REPORT_UID, half);
    expect(before.workflowState).toBe('submitted');
    const n = await counts();
    const res = await post('editorA', { unit: 'IDA', fiscalYear: 2566, document: 'half' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/สร้างใหม่ไม่ได้ \/ The report/);
    const after = await draftOf(REPORT_UID, half);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(after.attachments.map((f) => f.id)).toEqual(before.attachments.map((f) => f.id));
    expect(await counts()).toEqual(n);

    expect((await submit(PLAN_UID, plan.documentId)).status).toBe(200);
    const planBefore = await draftOf(PLAN_UID, plan.documentId);
    const refused = await post('editorA', { unit: 'IDA', fiscalYear: 2566, document: 'plan' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/แผนมาตรการอยู่ระหว่างขั้นตอนอนุมัติ/);
    const planAfter = await draftOf(PLAN_UID, plan.documentId);
    expect(planAfter.attachments.map((f) => f.id)).toEqual(planBefore.attachments.map((f) => f.id));
    expect(planAfter.updatedAt).toEqual(planBefore.updatedAt);
    expect(await counts()).toEqual(n);
  });

  test('refusals: other unit (404), publisher (403), bad bodies (400), no plan (404), no token (401)', async () => {
    const n = await counts();
    const other = await post('editorB', { unit: 'IDA', fiscalYear: 2566, document: 'year' });
    expect(other.status).toBe(404);
    const publisher = await post('publisherA', { unit: 'IDA', fiscalYear: 2566, document: 'year' });
    expect(publisher.status).toBe(403);
    expect(publisher.body.error.message).toMatch(/บรรณาธิการ.* \/ Only/);
    const cases = [
      { unit: 'IDB', fiscalYear: 2566, document: 'quarter' },
      { unit: 'IDB', fiscalYear: 2566, document: ['plan'] },
      { unit: 'IDB', fiscalYear: 2566 },
      { unit: 'IDB', fiscalYear: '2566', document: 'plan' },
      { unit: 'IDB', fiscalYear: 2566.5, document: 'plan' },
      { unit: 'IDB', fiscalYear: 1999, document: 'plan' },
      { unit: 'IDB', fiscalYear: 2566, document: 'plan', extra: 1 },
      { unit: 42, fiscalYear: 2566, document: 'plan' },
      { unit: null, fiscalYear: 2566, document: 'plan' },
      [],
      'text',
    ];
    for (const body of cases) {
      const res = await post('editorB', body);
      expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
      expect(res.body.error.message).toMatch(/ \/ /);
    }
    const none = await post('editorB', { unit: 'IDB', fiscalYear: 2566, document: 'half' });
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/ยังไม่มีแผนมาตรการ.* \/ Unit IDB has no/);
    expect(
      (await post('editorB', { unit: 'NOPE', fiscalYear: 2566, document: 'plan' })).status,
    ).toBe(404);
    const unauth = await http()
      .post('/integrity/documents')
      .send({ unit: 'IDB', fiscalYear: 2566, document: 'plan' });
    expect(unauth.status).toBe(401);
    expect(await counts()).toEqual(n);
  });

  test('2569 list: the 2568 annual report is O26, the 2569 plan satisfies O25 (ITA improvement)', async () => {
    const plan68 = await createPlan(B, 2568, [MEASURES(null)[0]]);
    const year = await post('editorB', { unit: 'IDB', fiscalYear: 2568, document: 'year' });
    expect(year.status).toBe(201);
    const entry = await draftOf(REPORT_UID, year.body.data.documentId);
    expect(entry.checklistItems.map((i) => [i.code, i.topics])).toContainEqual([
      'O26',
      ['integrity_measures_report'],
    ]);
    expect(plan68.documentId).toBeTruthy();
    const plan69 = await createPlan(B, 2569, [MEASURES(null)[0]]);
    const res = await post('editorB', { unit: 'IDB', fiscalYear: 2569, document: 'plan' });
    expect(res.status).toBe(200);
    const p = await draftOf(PLAN_UID, plan69.documentId);
    expect(p.checklistItems.flatMap((i) => i.topics)).toEqual(
      expect.arrayContaining(['ita_improvement']),
    );
  });

  test('four requests at once for the same report make one draft, not four', async () => {
    await createPlan(B, 2567, [MEASURES(null)[0]]);
    const body = { unit: 'IDB', fiscalYear: 2567, document: 'half' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => post('editorB', body)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.data.documentId)).size).toBe(1);
    const drafts = await strapi.db.query(REPORT_UID).findMany({
      where: { kind: 'integrity_measures_6m', fiscalYear: 2567, publishedAt: { $null: true } },
      populate: { attachments: true },
    });
    expect(drafts).toHaveLength(1);
    // Each regeneration replaced the files: one PDF and one XLSX, none left behind.
    expect(drafts[0].attachments.map((f) => f.name).sort()).toEqual([
      'integrity-measures-progress-IDB-2567-half.pdf',
      'integrity-measures-progress-IDB-2567-half.xlsx',
    ]);
    expect(
      await strapi.db
        .query('plugin::upload.file')
        .count({ where: { name: { $startsWith: 'integrity-measures-progress-IDB-2567-half' } } }),
    ).toBe(2);
  });
});
