/**
 * Issue 13: the half-year and annual complaint statistics and survey results of a unit as a draft
 * report entry (POST /participation/statistics-report): figures in the body, a PDF whose Thai
 * text reads back, the complaint-statistics and survey checklist items linked, one entry per unit
 * and period (regenerated while a draft, 409 after), unit scoping (404), wrong bodies (400).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { pdfText } = require('./helpers/pdf-text');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, adminToken } = require('./helpers/factories');

const COMPLAINT_UID = 'api::participation-complaint.participation-complaint';
const SURVEY_UID = 'api::participation-survey.participation-survey';
const REPORT_UID = 'api::report.report';
const PASSWORD = 'Prongsai123';
const FILES_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-stats-report-'));

let strapi;
let A;
let B;
const users = {};
const http = () => request(strapi.server.httpServer);
const dist = (p) => require(`${appDir}/dist/src/${p}`);
const unitRow = (u) => ({ id: u.id, code: u.code, nameTh: u.nameTh, nameEn: u.nameEn ?? null });
const post = (label, body) =>
  http()
    .post('/participation/statistics-report')
    .set('Authorization', `Bearer ${users[label].token}`)
    .send(body);

beforeAll(async () => {
  strapi = await setupStrapi({ PARTICIPATION_FILES_DIR: FILES_DIR });
  A = await createUnit(strapi, { code: 'SRA', nameTh: 'หน่วยงานเอสอาร์เอ' });
  B = await createUnit(strapi, { code: 'SRB', nameTh: 'หน่วยงานเอสอาร์บี' });
  const provisioning = dist('units/provisioning');
  for (const [label, role, unit] of [
    ['editorA', 'editor', 'SRA'],
    ['editorB', 'editor', 'SRB'],
  ]) {
    const email = `${label.toLowerCase()}@stats.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: label,
      unit,
      role,
    });
    users[label] = { token: await adminToken(request, strapi, { email, password: PASSWORD }) };
  }
  // Fiscal year 2569 (Oct 2025 – Sep 2026) of unit A: three complaints in its first half, one
  // after; two survey answers in the first half. One complaint of unit B.
  const service = dist('participation/service');
  const complaint = async (unit, month, category, status) => {
    const code = await service.createComplaint(
      strapi,
      unitRow(unit),
      { message: 'ข้อความลับของผู้ร้องเรียน', category, anonymous: true },
      [],
    );
    await strapi.db.query(COMPLAINT_UID).update({
      where: { trackingCode: code },
      data: { month, fiscalYear: 2569, status, receivedAt: new Date(`${month}-10T03:00:00Z`) },
    });
  };
  await complaint(A, '2025-11', 'bribery', 'received');
  await complaint(A, '2025-11', 'bribery', 'investigating');
  await complaint(A, '2026-02', 'procurement', 'resolved');
  await complaint(A, '2026-05', 'misconduct', 'resolved');
  await complaint(B, '2025-11', 'bribery', 'received');
  for (const overall of [4, 5]) {
    const code = await service.createSurvey(strapi, unitRow(A), {
      ratings: { findability: 3, currency: 4, ease: 5, overall },
      comment: 'ความเห็นส่วนตัว',
    });
    await strapi.db.query(SURVEY_UID).update({
      where: { trackingCode: code },
      data: { fiscalYear: 2569, receivedAt: new Date('2025-12-05T03:00:00Z') },
    });
  }
});

afterAll(async () => {
  await teardownStrapi();
  fs.rmSync(FILES_DIR, { recursive: true, force: true });
});

const draftOf = (documentId) =>
  strapi.db.query(REPORT_UID).findOne({
    where: { documentId, publishedAt: { $null: true } },
    populate: { attachments: true, checklistItems: true, unit: true },
  });

describe('statistics report', () => {
  let documentId;

  test('a unit editor generates the half-year draft: figures, PDF, checklist items', async () => {
    const res = await post('editorA', { unit: 'SRA', fiscalYear: 2569, period: 'half' });
    expect(res.status).toBe(201);
    documentId = res.body.data.documentId;
    const f = res.body.data.figures;
    expect(f.complaints.total).toBe(3);
    expect(f.complaints.byMonth.find((m) => m.month === '2025-11').count).toBe(2);
    expect(f.complaints.byCategory.find((c) => c.category === 'procurement').count).toBe(1);
    expect(f.complaints.byStatus.find((s) => s.status === 'investigating').count).toBe(1);
    expect(f.survey.responses).toBe(2);
    expect(f.survey.averages.overall).toBe(4.5);
    // Never content.
    expect(JSON.stringify(res.body)).not.toContain('ข้อความลับ');
    expect(JSON.stringify(res.body)).not.toContain('ความเห็นส่วนตัว');

    const draft = await draftOf(documentId);
    expect(draft.kind).toBe('complaint_statistics');
    expect(draft.workflowState).toBe('draft');
    expect(draft.fiscalYear).toBe(2569);
    expect(draft.unit.code).toBe('SRA');
    const body = JSON.stringify(draft.body);
    expect(body).toContain('พฤศจิกายน 2568: 2');
    expect(body).toContain('การจัดซื้อจัดจ้าง: 1');
    expect(body).toContain('ความพึงพอใจโดยรวม: 4.50');
    expect(body).not.toContain('ข้อความลับ');

    const topics = draft.checklistItems.flatMap((i) => i.topics ?? []);
    expect(draft.checklistItems.length).toBeGreaterThan(0);
    // The general scheme of 2569 has a complaint-statistics item and no survey item.
    expect(topics).toEqual(expect.arrayContaining(['complaint_statistics']));
    expect(res.body.data.checklistItems.sort()).toEqual(
      draft.checklistItems.map((i) => i.documentId).sort(),
    );

    expect(draft.attachments).toHaveLength(1);
    const file = draft.attachments[0];
    expect(file.mime).toBe('application/pdf');
    const full = path.join(strapi.dirs.static.public, file.url.replace(/^\/+/, ''));
    const { text } = await pdfText(fs.readFileSync(full));
    expect(text).toContain('สถิติเรื่องร้องเรียนการทุจริต');
    expect(text).toContain('พฤศจิกายน 2568');
    expect(text).toContain('การเรียกรับสินบน');
    expect(text).toContain('4.50');
    expect(text).not.toContain('ข้อความลับ');
  });

  test('generating again updates the same draft; once submitted, 409 in Thai', async () => {
    const again = await post('editorA', { unit: 'sra', fiscalYear: 2569, period: 'half' });
    expect(again.status).toBe(200);
    expect(again.body.data.documentId).toBe(documentId);
    expect(again.body.data.created).toBe(false);
    const drafts = await strapi.db.query(REPORT_UID).count({
      where: { unitRef: A.id, kind: 'complaint_statistics', publishedAt: { $null: true } },
    });
    expect(drafts).toBe(1);
    // The previous generated PDF was replaced, not added to.
    const regenerated = await draftOf(documentId);
    expect(regenerated.attachments).toHaveLength(1);
    expect(
      await strapi.db
        .query('plugin::upload.file')
        .count({ where: { name: regenerated.attachments[0].name } }),
    ).toBe(1);

    // The annual report is another entry.
    const year = await post('editorA', { unit: 'SRA', fiscalYear: 2569, period: 'year' });
    expect(year.status).toBe(201);
    expect(year.body.data.documentId).not.toBe(documentId);
    expect(year.body.data.figures.complaints.total).toBe(4);

    await strapi.db
      .query(REPORT_UID)
      .updateMany({ where: { documentId }, data: { workflowState: 'submitted' } });
    const refused = await post('editorA', { unit: 'SRA', fiscalYear: 2569, period: 'half' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/สร้างใหม่ไม่ได้/);
  });

  test('four requests at once make one draft, not four', async () => {
    const body = { unit: 'SRA', fiscalYear: 2568, period: 'year' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => post('editorA', body)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.data.documentId)).size).toBe(1);
    const drafts = await strapi.db.query(REPORT_UID).findMany({
      where: { unitRef: A.id, fiscalYear: 2568, publishedAt: { $null: true } },
      populate: { attachments: true },
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0].attachments).toHaveLength(1);
    expect(
      await strapi.db
        .query('plugin::upload.file')
        .count({ where: { name: drafts[0].attachments[0].name } }),
    ).toBe(1);
  });

  test('unit B cannot generate for unit A (404); wrong bodies are 400, never 500', async () => {
    const other = await post('editorB', { unit: 'SRA', fiscalYear: 2569, period: 'half' });
    expect(other.status).toBe(404);
    const cases = [
      { unit: 'SRB', fiscalYear: '2569', period: 'half' },
      { unit: 'SRB', fiscalYear: 2569.5, period: 'half' },
      { unit: 'SRB', fiscalYear: 1999, period: 'half' },
      { unit: 'SRB', fiscalYear: 2569, period: 'month' },
      { unit: 'SRB', fiscalYear: 2569 },
      { unit: 42, fiscalYear: 2569, period: 'year' },
      { unit: ['SRB'], fiscalYear: 2569, period: 'year' },
      { unit: 'SRB', fiscalYear: 2569, period: 'year', extra: true },
      [],
      'text',
    ];
    for (const body of cases) {
      const res = await post('editorB', body);
      expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
    }
    expect((await post('editorB', { unit: 'NOPE', fiscalYear: 2569, period: 'year' })).status).toBe(
      404,
    );
    const unauth = await http()
      .post('/participation/statistics-report')
      .send({ unit: 'SRB', fiscalYear: 2569, period: 'year' });
    expect(unauth.status).toBe(401);
    const ok = await post('editorB', { unit: 'SRB', fiscalYear: 2569, period: 'half' });
    expect(ok.status).toBe(201);
    expect(ok.body.data.figures.complaints.total).toBe(1);
  });

  test('a vocational college: both the complaint-statistics and the survey items are linked', async () => {
    await createUnit(strapi, {
      code: 'SRV',
      nameTh: 'วิทยาลัยเอสอาร์วี',
      scheme: 'vocational-college',
    });
    const email = 'editorv@stats.example.org';
    await dist('units/provisioning').upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: 'editorV',
      unit: 'SRV',
      role: 'editor',
    });
    users.editorV = { token: await adminToken(request, strapi, { email, password: PASSWORD }) };
    const res = await post('editorV', { unit: 'SRV', fiscalYear: 2569, period: 'year' });
    expect(res.status).toBe(201);
    const draft = await draftOf(res.body.data.documentId);
    const topics = draft.checklistItems.flatMap((i) => i.topics ?? []);
    expect(topics).toEqual(expect.arrayContaining(['complaint_statistics', 'satisfaction_survey']));
  });
});

test("the PDF lands in the report's unit's folder, whatever units the author also belongs to", async () => {
  const provisioning = dist('units/provisioning');
  const email = 'two-units@stats.example.org';
  // Editor of B first, approver of A: the upload must not fall back to B's folder.
  for (const [unit, role] of [
    ['SRB', 'editor'],
    ['SRA', 'approver'],
  ]) {
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: 'สองหน่วย',
      unit,
      role,
    });
  }
  users.both = { token: await adminToken(request, strapi, { email, password: PASSWORD }) };
  const res = await post('both', { unit: 'SRA', fiscalYear: 2570, period: 'year' });
  expect(res.status).toBe(201);
  const draft = await draftOf(res.body.data.documentId);
  expect(draft.attachments).toHaveLength(1);
  const file = await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { id: draft.attachments[0].id }, populate: { folder: true } });
  const unitA = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'SRA' } });
  expect(file.folder.id).toBe(unitA.mediaFolderId);
  // B's editor may not replace or delete it through the Media Library.
  const pdfBefore = file.hash;
  const del = await http()
    .post('/upload/actions/bulk-delete')
    .set('Authorization', `Bearer ${users.editorB.token}`)
    .send({ fileIds: [file.id], folderIds: [] });
  expect([403, 404]).toContain(del.status);
  const after = await strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
  expect(after.hash).toBe(pdfBefore);
});
