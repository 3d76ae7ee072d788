/**
 * One unit must never see, change or publish another's content — in the admin panel, through
 * the API, or in the media library. Units A and B; a user of each role in A; every content type
 * and every admin and content-API route that lists, reads, creates, updates, moves, deletes,
 * publishes, unpublishes, bulk-acts, uploads or deletes media. Every attempt on B is counted;
 * none may succeed, and B's rows and files are byte-for-byte unchanged afterwards.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, adminToken, createSuperAdmin } = require('./helpers/factories');
const { SAMPLES } = require('./helpers/samples');
const { publishAsSystem } = require('../dist/src/workflow/service');

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const ROLES = ['editor', 'approver', 'publisher', 'monitor'];
const PASSWORD = 'Prongsai123';

let strapi;
let A;
let B;
const users = {};
const docs = {}; // uid -> { A: documentId, B: documentId }
const files = {}; // A / B -> file id
const folders = {};
let unitTokenA;
// Issue 14: unit-owned records (no draft) and a measures plan with one step, in A and B.
const OWNED = [
  'api::ita-score.ita-score',
  'api::work-group.work-group',
  'api::integrity-progress.integrity-progress',
];
const owned = { A: {}, B: {} }; // A / B -> uid -> documentId
const measurePlans = {}; // A / B -> { documentId, step }
const attempts = { total: 0, succeeded: [], errors: [] };
let current = null; // the attempts of the running test

const http = () => request(strapi.server.httpServer);
const asUser = (role) => (req) => req.set('Authorization', `Bearer ${users[role].token}`);

const is2xx = (res) => res.status >= 200 && res.status < 300;
/**
 * Records one attempt on unit B. `ok` says whether it got through (by default: a 2xx); a 5xx
 * is never a refusal but a defect, counted apart.
 */
const attempt = (label, res, ok = is2xx(res)) => {
  for (const t of [attempts, current].filter(Boolean)) {
    t.total += 1;
    if (res.status >= 500) t.errors.push(`${label}: ${res.status}`);
    else if (ok) t.succeeded.push(`${label}: ${res.status}`);
  }
};
/** Starts counting the attempts of one test. */
const track = () => (current = { total: 0, succeeded: [], errors: [] });
/** Each test asserts on its own: something was tried, nothing got through, no 5xx, B unchanged. */
const expectAllRefused = async (t, before) => {
  expect(t.total).toBeGreaterThan(0);
  expect(t.errors).toEqual([]);
  expect(t.succeeded).toEqual([]);
  if (before) expect(await snapshotB()).toEqual(before);
};

const snapshotB = async () => {
  const out = {};
  for (const [, uid] of SAMPLES) {
    out[uid] = await strapi.db.query(uid).findMany({
      where: { unit: { id: B.id } },
      orderBy: { id: 'asc' },
      populate: { unit: { select: ['id'] }, checklistItems: { select: ['id'] } },
    });
  }
  out.files = await strapi.db
    .connection('files')
    .where('folder_path', 'like', `${folders.B.path}%`)
    .orderBy('id');
  out.folders = await strapi.db
    .connection('upload_folders')
    .where('path', 'like', `${folders.B.path}%`)
    .orderBy('id');
  out.unitFolderLinks = await strapi.db.connection('files_folder_lnk').orderBy('id');
  for (const uid of OWNED)
    out[uid] = await strapi.db.query(uid).findMany({
      where: { unit: { id: B.id } },
      orderBy: { id: 'asc' },
      populate: { unit: { select: ['id'] } },
    });
  return JSON.parse(JSON.stringify(out));
};

beforeAll(async () => {
  strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  A = await createUnit(strapi, { code: 'UNITA', nameTh: 'หน่วยงานเอ' });
  B = await createUnit(strapi, { code: 'UNITB', nameTh: 'หน่วยงานบี' });
  for (const role of ROLES) {
    const email = `${role}@a.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: role,
      unit: 'UNITA',
      role,
    });
    users[role] = {
      email,
      token: await adminToken(request, strapi, { email, password: PASSWORD }),
    };
  }
  // Content of both units, created outside any request (as a script would).
  for (const [, uid, payload] of SAMPLES) {
    docs[uid] = {};
    for (const [key, unit] of [
      ['A', A],
      ['B', B],
    ]) {
      const created = await strapi
        .documents(uid)
        .create({ data: { ...payload, unit: unit.documentId } });
      await publishAsSystem(strapi, uid, created.documentId, 'test');
      docs[uid][key] = created.documentId;
    }
  }
  for (const [key, unit] of [
    ['A', A],
    ['B', B],
  ]) {
    const row = await strapi.db.query('api::unit.unit').findOne({ where: { id: unit.id } });
    folders[key] = await strapi.db
      .query('plugin::upload.folder')
      .findOne({ where: { id: row.mediaFolderId } });
    const fs = require('fs');
    const os = require('os');
    const path = require('path');
    const tmp = path.join(os.tmpdir(), `scoping-${key}-${process.pid}.pdf`);
    fs.writeFileSync(tmp, PDF);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { folder: folders[key].id, name: `file-${key}.pdf` } },
        files: {
          filepath: tmp,
          originalFilename: `file-${key}.pdf`,
          mimetype: 'application/pdf',
          size: PDF.length,
        },
      });
    files[key] = file.id;
  }
  const token = await strapi
    .service('admin::api-token')
    .create({ name: 'unit-a-website', type: 'full-access', kind: 'content-api', lifespan: null });
  await strapi
    .documents('api::unit-api-token.unit-api-token')
    .create({ data: { tokenName: 'unit-a-website', unit: A.documentId } });
  unitTokenA = token.accessKey;
  for (const [key, unit] of [
    ['A', A],
    ['B', B],
  ]) {
    const plan = await strapi.documents('api::plan.plan').create({
      data: {
        title: `แผนมาตรการ ${key}`,
        kind: 'integrity_measures',
        fiscalYear: 2569,
        unit: unit.documentId,
        progressCadence: 'half_year',
        measures: [
          {
            issue: 'การเปิดเผยข้อมูล',
            measure: 'เผยแพร่ข้อมูล',
            steps: [{ text: 'ปรับปรุงเว็บไซต์', startMonth: 'oct', endMonth: 'mar' }],
          },
        ],
      },
      populate: { measures: { populate: { steps: true } } },
    });
    measurePlans[key] = { documentId: plan.documentId, step: plan.measures[0].steps[0].key };
    const make = (uid, data) =>
      strapi
        .documents(uid)
        .create({ data: { ...data, unit: unit.documentId } })
        .then((d) => (owned[key][uid] = d.documentId));
    await make('api::ita-score.ita-score', {
      fiscalYear: 2568,
      indicatorCode: '9',
      indicatorName: 'การเปิดเผยข้อมูล',
      score: 80,
    });
    await make('api::work-group.work-group', {
      name: `คณะทำงาน ${key}`,
      members: [{ name: 'สมชาย', email: `wg@${key.toLowerCase()}.example.org` }],
    });
    await make('api::integrity-progress.integrity-progress', {
      planDocumentId: plan.documentId,
      stepKey: plan.measures[0].steps[0].key,
      period: 'mar',
      status: 'in_progress',
      percent: 30,
    });
  }
});

afterAll(teardownStrapi);

describe('roles and memberships', () => {
  test('the four roles exist with Strapi roles that follow memberships', async () => {
    const roles = await strapi.db
      .query('admin::role')
      .findMany({ where: { code: { $startsWith: 'prongsai-' } } });
    expect(roles.map((r) => r.code).sort()).toEqual([
      'prongsai-central-monitor',
      'prongsai-central-publisher',
      // Confidential complaints only (src/participation): no Content Manager or media permission.
      'prongsai-complaint-officer',
      'prongsai-unit-approver',
      'prongsai-unit-editor',
    ]);
    const officerPerms = await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { code: 'prongsai-complaint-officer' } } });
    expect(officerPerms).toEqual([]);
    const editor = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: users.editor.email }, populate: ['roles'] });
    expect(editor.roles.map((r) => r.code)).toEqual(['prongsai-unit-editor']);
    const editorPerms = await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { code: 'prongsai-unit-editor' } } });
    expect(editorPerms.some((p) => p.action === 'plugin::content-manager.explorer.publish')).toBe(
      false,
    );
    const approverPerms = await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { code: 'prongsai-unit-approver' } } });
    expect(
      approverPerms.filter((p) => p.action === 'plugin::content-manager.explorer.publish'),
    ).toHaveLength(SAMPLES.length);
  });

  test('a membership for an unknown user or without a unit is refused', async () => {
    await expect(
      strapi
        .documents('api::unit-membership.unit-membership')
        .create({ data: { userEmail: 'nobody@x.org', role: 'editor', unit: A.documentId } }),
    ).rejects.toThrow(/No admin user/);
    await expect(
      strapi
        .documents('api::unit-membership.unit-membership')
        .create({ data: { userEmail: users.editor.email, role: 'approver' } }),
    ).rejects.toThrow(/needs a unit/);
  });
});

describe('what a unit A user may do in unit A (the guard is not simply closed)', () => {
  test("the editor lists A's entries, creates one with the unit filled in, edits it, but cannot publish", async () => {
    const uid = 'api::news.news';
    const list = await asUser('editor')(
      http().get(`/content-manager/collection-types/${uid}?pageSize=100`),
    );
    expect(list.status).toBe(200);
    expect(list.body.results.map((r) => r.documentId)).toContain(docs[uid].A);
    const created = await asUser('editor')(
      http().post(`/content-manager/collection-types/${uid}`),
    ).send({ title: 'ข่าวของหน่วยงานเอ', kind: 'public_relations' });
    expect(created.status).toBe(201);
    const stored = await strapi.db
      .query(uid)
      .findOne({ where: { documentId: created.body.data.documentId }, populate: ['unit'] });
    expect(stored.unit.code).toBe('UNITA');
    const updated = await asUser('editor')(
      http().put(`/content-manager/collection-types/${uid}/${created.body.data.documentId}`),
    ).send({ title: 'แก้ไขแล้ว' });
    expect(updated.status).toBe(200);
    // The editor's field permissions cover the content fields: the change is stored.
    expect(
      (await strapi.db.query(uid).findOne({ where: { documentId: created.body.data.documentId } }))
        .title,
    ).toBe('แก้ไขแล้ว');
    const publish = await asUser('editor')(
      http().post(
        `/content-manager/collection-types/${uid}/${created.body.data.documentId}/actions/publish`,
      ),
    ).send({});
    expect(publish.status).toBe(403);
  });

  test('the approver publishes in A; the monitor reads B but changes nothing; files land in the unit folder', async () => {
    const uid = 'api::news.news';
    const draft = await asUser('editor')(
      http().post(`/content-manager/collection-types/${uid}`),
    ).send({
      title: 'ข่าวรออนุมัติ',
    });
    const id = draft.body.data.documentId;
    for (const [role, action] of [
      ['editor', 'submit'],
      ['approver', 'approve'],
    ]) {
      const res = await asUser(role)(http().post('/workflow/transition')).send({
        uid,
        documentId: id,
        action,
      });
      expect([role, res.status]).toEqual([role, 200]);
    }
    // Strapi's own Publish button works once the entry is approved.
    const pub = await asUser('approver')(
      http().post(`/content-manager/collection-types/${uid}/${id}/actions/publish`),
    ).send({});
    expect([pub.status, pub.body.error?.message]).toEqual([200, undefined]);
    const row = await strapi.db
      .query(uid)
      .findOne({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect(row.workflowState).toBe('published');
    const read = await asUser('monitor')(
      http().get(`/content-manager/collection-types/${uid}/${docs[uid].B}`),
    );
    expect(read.status).toBe(200);
    const up = await asUser('editor')(http().post('/upload')).attach('files', PDF, {
      filename: 'a.pdf',
      contentType: 'application/pdf',
    });
    expect(up.status).toBe(201);
    expect(up.body[0].folderPath).toBe(folders.A.path);
  });

  test('file URLs: served to anyone once a published entry uses them, whatever the unit; never before', async () => {
    for (const key of ['A', 'B']) {
      const file = await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id: files[key] } });
      // Attached to nothing: not public.
      expect([key, (await http().get(file.url)).status]).toEqual([key, 404]);
    }
    // A file attached to a published entry of A is public, for everyone.
    const fs = require('fs');
    const os = require('os');
    const path = require('path');
    const tmp = path.join(os.tmpdir(), `scoping-public-${process.pid}.pdf`);
    fs.writeFileSync(tmp, PDF);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { folder: folders.A.id, name: 'public-a.pdf' } },
        files: {
          filepath: tmp,
          originalFilename: 'public-a.pdf',
          mimetype: 'application/pdf',
          size: PDF.length,
        },
      });
    const entry = await strapi.documents('api::manual.manual').create({
      data: { title: 'คู่มือสาธารณะ', kind: 'service', unit: A.documentId, attachments: [file.id] },
    });
    expect((await http().get(file.url)).status).toBe(404);
    await publishAsSystem(strapi, 'api::manual.manual', entry.documentId, 'test');
    files.publishedA = file.id;
    const res = await http().get(file.url);
    expect(res.status).toBe(200);
    expect(res.body.toString('latin1').startsWith('%PDF-')).toBe(true);
  });

  test("the unit A API token lists A's entries over REST", async () => {
    const res = await http()
      .get('/api/news-items?pagination[pageSize]=100')
      .set('Authorization', `Bearer ${unitTokenA}`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((d) => d.documentId)).toContain(docs['api::news.news'].A);
  });
});

describe('every attempt on unit B is refused and B is unchanged', () => {
  let before;
  beforeAll(async () => {
    before = await snapshotB();
    // The snapshot must hold something to protect: B's entries of every type, its file and folder.
    for (const [, uid] of SAMPLES) expect([uid, before[uid].length > 0]).toEqual([uid, true]);
    expect(before.files.map((f) => f.id)).toContain(files.B);
    expect(before.folders.map((f) => f.id)).toContain(folders.B.id);
  });

  test.each(ROLES)('admin panel, as the %s of A', async (role) => {
    const t = track();
    const as = asUser(role);
    const canReadAll = role === 'monitor';
    for (const [, uid, payload] of SAMPLES) {
      const base = `/content-manager/collection-types/${uid}`;
      const b = docs[uid].B;
      const a = docs[uid].A;
      if (!canReadAll) {
        const list = await as(http().get(`${base}?pageSize=100`));
        attempt(
          `${role} list ${uid}`,
          list,
          list.body.results?.some((r) => r.documentId === b),
        );
        const search = await as(
          http().get(`${base}?_q=${encodeURIComponent('หน่วยงานบี')}&pageSize=100`),
        );
        attempt(
          `${role} search ${uid}`,
          search,
          search.body.results?.some((r) => r.documentId === b),
        );
        const filtered = await as(http().get(`${base}?filters[unit][id][$eq]=${B.id}`));
        attempt(`${role} filter ${uid}`, filtered, (filtered.body.results ?? []).length > 0);
        const one = await as(http().get(`${base}/${b}`));
        // The Content Manager answers an unknown document with 200 and empty data.
        attempt(`${role} read ${uid}`, one, one.body.data?.documentId === b);
        const picker = await as(http().get(`/content-manager/relations/${uid}/unit`));
        attempt(
          `${role} unit picker ${uid}`,
          picker,
          (picker.body.results ?? []).some((u) => u.id === B.id),
        );
      }
      const create = await as(http().post(base)).send({
        ...payload,
        title: payload.title ?? 'x',
        unit: { connect: [{ id: B.id, documentId: B.documentId }] },
      });
      attempt(`${role} create-in-B ${uid}`, create);
      attempt(
        `${role} update ${uid}`,
        await as(http().put(`${base}/${b}`)).send({ title: 'เจาะระบบ' }),
      );
      const move = await as(http().put(`${base}/${a}`)).send({
        unit: { connect: [{ id: B.id, documentId: B.documentId }], disconnect: [] },
      });
      attempt(`${role} move-to-B ${uid}`, move);
      attempt(`${role} delete ${uid}`, await as(http().delete(`${base}/${b}`)));
      attempt(
        `${role} publish ${uid}`,
        await as(http().post(`${base}/${b}/actions/publish`)).send({}),
      );
      attempt(
        `${role} unpublish ${uid}`,
        await as(http().post(`${base}/${b}/actions/unpublish`)).send({}),
      );
      attempt(
        `${role} discard ${uid}`,
        await as(http().post(`${base}/${b}/actions/discard`)).send({}),
      );
      attempt(
        `${role} clone ${uid}`,
        await as(http().post(`${base}/clone/${b}`)).send({ title: 'สำเนา' }),
      );
      for (const bulk of ['bulkDelete', 'bulkPublish', 'bulkUnpublish']) {
        const res = await as(http().post(`${base}/actions/${bulk}`)).send({ documentIds: [b] });
        attempt(`${role} ${bulk} ${uid}`, res, (res.body.count ?? res.body.data?.count ?? 0) > 0);
      }
    }
    if (!canReadAll) {
      for (const action of ['update', 'publish']) {
        const recent = await as(
          http().get(`/content-manager/homepage/recent-documents?action=${action}`),
        );
        attempt(
          `${role} home widget ${action}`,
          recent,
          (recent.body.data ?? []).some((d) =>
            Object.values(docs).some((x) => x.B === d.documentId),
          ),
        );
      }
      // Media library reads.
      const list = await as(http().get('/upload/files?pageSize=100'));
      attempt(
        `${role} media list`,
        list,
        (list.body.results ?? []).some((f) => f.id === files.B),
      );
      attempt(`${role} media metadata`, await as(http().get(`/upload/files/${files.B}`)));
      const fl = await as(http().get('/upload/folders'));
      attempt(
        `${role} folder list`,
        fl,
        (fl.body.data ?? []).some((f) => f.id === folders.B.id),
      );
      attempt(`${role} folder read`, await as(http().get(`/upload/folders/${folders.B.id}`)));
      const structure = await as(http().get('/upload/folder-structure'));
      attempt(
        `${role} folder structure`,
        structure,
        JSON.stringify(structure.body.data ?? []).includes(`"id":${folders.B.id},`),
      );
    }
    // Media library writes.
    attempt(
      `${role} media update`,
      await as(http().post(`/upload?id=${files.B}`)).field(
        'fileInfo',
        JSON.stringify({ name: 'x.pdf' }),
      ),
    );
    attempt(
      `${role} media put`,
      await as(http().put(`/upload/files/${files.B}`)).send({ fileInfo: { name: 'x.pdf' } }),
    );
    attempt(
      `${role} media replace`,
      await as(http().post(`/upload/files/${files.B}/replace`)).attach('files', PDF, {
        filename: 'r.pdf',
        contentType: 'application/pdf',
      }),
    );
    attempt(
      `${role} media replace (legacy)`,
      await as(http().post(`/upload?id=${files.B}`)).attach('files', PDF, {
        filename: 'r.pdf',
        contentType: 'application/pdf',
      }),
    );
    attempt(
      `${role} media move`,
      await as(http().post('/upload/actions/bulk-move')).send({
        fileIds: [files.B],
        destinationFolderId: folders.A.id,
      }),
    );
    attempt(
      `${role} media move-in`,
      await as(http().post('/upload/actions/bulk-move')).send({
        fileIds: [files.A],
        destinationFolderId: folders.B.id,
      }),
    );
    attempt(`${role} media delete`, await as(http().delete(`/upload/files/${files.B}`)));
    const bulkDel = await as(http().post('/upload/actions/bulk-delete')).send({
      fileIds: [files.B],
      folderIds: [folders.B.id],
    });
    attempt(
      `${role} media bulk-delete`,
      bulkDel,
      JSON.stringify(bulkDel.body).includes(`"id":${files.B}`),
    );
    attempt(
      `${role} folder rename`,
      await as(http().put(`/upload/folders/${folders.B.id}`)).send({
        name: 'เปลี่ยนชื่อ',
        parent: null,
      }),
    );
    attempt(
      `${role} folder create in B`,
      await as(http().post('/upload/folders')).send({ name: 'แทรก', parent: folders.B.id }),
    );
    const upload = await as(http().post('/upload'))
      .field('fileInfo', JSON.stringify({ folder: folders.B.id, name: 'in-b.pdf' }))
      .attach('files', PDF, { filename: 'in-b.pdf', contentType: 'application/pdf' });
    attempt(`${role} upload into B`, upload);
    await expectAllRefused(t, before);
  });

  test("content API, with unit A's API token", async () => {
    const t = track();
    const auth = (req) => req.set('Authorization', `Bearer ${unitTokenA}`);
    for (const [path, uid, payload] of SAMPLES) {
      const b = docs[uid].B;
      const list = await auth(http().get(`/api/${path}?pagination[pageSize]=100`));
      attempt(
        `token list ${path}`,
        list,
        (list.body.data ?? []).some((d) => d.documentId === b),
      );
      const filtered = await auth(http().get(`/api/${path}?filters[unit][code][$eq]=UNITB`));
      attempt(`token filter ${path}`, filtered, (filtered.body.data ?? []).length > 0);
      attempt(`token read ${path}`, await auth(http().get(`/api/${path}/${b}`)));
      attempt(
        `token create-in-B ${path}`,
        await auth(http().post(`/api/${path}`)).send({
          data: { ...payload, month: payload.month ? 12 : undefined, unit: B.documentId },
        }),
      );
      attempt(
        `token update ${path}`,
        await auth(http().put(`/api/${path}/${b}`)).send({ data: { title: 'เจาะ' } }),
      );
      attempt(
        `token move-to-B ${path}`,
        await auth(http().put(`/api/${path}/${docs[uid].A}`)).send({
          data: { unit: B.documentId },
        }),
      );
      attempt(`token delete ${path}`, await auth(http().delete(`/api/${path}/${b}`)));
    }
    const files = await auth(http().get('/api/upload/files'));
    attempt('token media list', files, JSON.stringify(files.body).includes('file-B.pdf'));
    const up = await auth(http().post('/api/upload'))
      .field('fileInfo', JSON.stringify({ folder: folders.B.id }))
      .attach('files', PDF, { filename: 't.pdf', contentType: 'application/pdf' });
    attempt('token upload into B', up);
    await expectAllRefused(t, before);
  });

  test('an e-mail change, a deleted or deactivated user: memberships belong to the user record', async () => {
    const t = track();
    const admin = await createSuperAdmin(strapi);
    const adminJwt = await adminToken(request, strapi, admin);
    const provisioning = require(`${appDir}/dist/src/units/provisioning`);
    const MEMBERSHIP = 'api::unit-membership.unit-membership';
    // An approver of B, later deleted by an administrator (Settings → Users).
    const gone = 'approver.gone@b.example.org';
    await provisioning.upsertUserMembership(strapi, {
      email: gone,
      password: PASSWORD,
      firstname: 'gone',
      unit: 'UNITB',
      role: 'approver',
    });
    const goneUser = await strapi.db.query('admin::user').findOne({ where: { email: gone } });
    expect(await strapi.db.query(MEMBERSHIP).count({ where: { userId: goneUser.id } })).toBe(1);
    const del = await http()
      .delete(`/admin/users/${goneUser.id}`)
      .set('Authorization', `Bearer ${adminJwt}`);
    expect(del.status).toBe(200);
    expect(await strapi.db.query(MEMBERSHIP).count({ where: { userEmail: gone } })).toBe(0);
    // Batch delete ends memberships too.
    const gone2 = 'editor.gone2@b.example.org';
    await provisioning.upsertUserMembership(strapi, {
      email: gone2,
      password: PASSWORD,
      firstname: 'gone2',
      unit: 'UNITB',
      role: 'editor',
    });
    const gone2User = await strapi.db.query('admin::user').findOne({ where: { email: gone2 } });
    const batch = await http()
      .post('/admin/users/batch-delete')
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ ids: [gone2User.id] });
    expect(batch.status).toBe(200);
    expect(await strapi.db.query(MEMBERSHIP).count({ where: { userEmail: gone2 } })).toBe(0);

    // A unit A editor takes the deleted approver's address (Profile) and tries B.
    const editor = asUser('editor');
    const me = await editor(http().put('/admin/users/me')).send({ email: gone });
    expect(me.status).toBe(200);
    const uid = 'api::news.news';
    const base = `/content-manager/collection-types/${uid}`;
    const b = docs[uid].B;
    const list = await editor(http().get(`${base}?pageSize=100`));
    attempt(
      'e-mail taker list B',
      list,
      (list.body.results ?? []).some((r) => r.documentId === b),
    );
    const one = await editor(http().get(`${base}/${b}`));
    attempt('e-mail taker read B', one, one.body.data?.documentId === b);
    attempt('e-mail taker edit B', await editor(http().put(`${base}/${b}`)).send({ title: 'ยึด' }));
    for (const action of ['approve', 'unpublish', 'request_changes']) {
      const res = await editor(http().post('/workflow/transition')).send({
        uid,
        documentId: b,
        action,
        comment: 'x',
      });
      attempt(`e-mail taker ${action} B`, res);
      expect([action, res.status]).toEqual([action, 404]);
    }
    // What the editor may do is unchanged by the new address: still an editor of A.
    const own = await editor(http().put(`${base}/${docs[uid].A}`)).send({ title: 'ยังแก้ได้' });
    expect(own.status).toBe(200);
    const memberships = await strapi.db
      .query(MEMBERSHIP)
      .findMany({ where: { userEmail: gone }, populate: ['unit'] });
    expect(memberships.map((m) => [m.role, m.unit.code])).toEqual([['editor', 'UNITA']]);
    await editor(http().put('/admin/users/me')).send({ email: users.editor.email });

    // A deactivated user's memberships end at once (no cache to wait for).
    const approverRow = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: users.approver.email } });
    const off = await http()
      .put(`/admin/users/${approverRow.id}`)
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ isActive: false });
    expect(off.status).toBe(200);
    expect(
      await strapi.db.query(MEMBERSHIP).count({ where: { userId: approverRow.id, active: true } }),
    ).toBe(0);
    const scope = require(`${appDir}/dist/src/units/scope`);
    expect(await scope.scopeOfAdmin(strapi, { id: approverRow.id })).toMatchObject({
      approver: [],
      editor: [],
    });
    await http()
      .put(`/admin/users/${approverRow.id}`)
      .set('Authorization', `Bearer ${adminJwt}`)
      .send({ isActive: true });
    await strapi.db
      .query(MEMBERSHIP)
      .updateMany({ where: { userId: approverRow.id }, data: { active: true } });
    users.approver.token = await adminToken(request, strapi, {
      email: users.approver.email,
      password: PASSWORD,
    });
    await expectAllRefused(t, before);
  });

  test('a unit token mapping belongs to the token record: renaming keeps it, a new token of the same name gets nothing', async () => {
    const t = track();
    const TOKENS = 'api::unit-api-token.unit-api-token';
    await expect(
      strapi.documents(TOKENS).create({ data: { tokenName: 'no-such-token', unit: A.documentId } }),
    ).rejects.toThrow(/No API token named/);
    // A second mapped token for unit A, renamed by an administrator: still limited to A.
    const service = strapi.service('admin::api-token');
    const second = await service.create({
      name: 'unit-a-second',
      type: 'full-access',
      kind: 'content-api',
      lifespan: null,
    });
    await strapi
      .documents(TOKENS)
      .create({ data: { tokenName: 'unit-a-second', unit: A.documentId } });
    await service.update(second.id, { name: 'unit-a-renamed' });
    const mapping = await strapi.db.query(TOKENS).findOne({ where: { tokenId: second.id } });
    expect(mapping.tokenName).toBe('unit-a-renamed');
    const b = docs['api::news.news'].B;
    const read = await http()
      .get(`/api/news-items/${b}`)
      .set('Authorization', `Bearer ${second.accessKey}`);
    attempt('renamed token reads B', read);
    expect(read.status).toBe(404);
    // Deleted: its mapping goes with it.
    await service.revoke(second.id);
    expect(await strapi.db.query(TOKENS).count({ where: { tokenId: second.id } })).toBe(0);
    await expectAllRefused(t, before);
  });

  test('unit A cannot remove or reschedule its own published entries around the workflow', async () => {
    const t = track();
    const uid = 'api::news.news';
    const base = `/content-manager/collection-types/${uid}`;
    const a = docs[uid].A;
    const online = () =>
      strapi.db.query(uid).count({ where: { documentId: a, publishedAt: { $notNull: true } } });
    expect(await online()).toBe(1);
    attempt(
      'editor deletes a published A entry',
      await asUser('editor')(http().delete(`${base}/${a}`)),
    );
    attempt(
      'approver bulk-deletes a published A entry',
      await asUser('approver')(http().post(`${base}/actions/bulkDelete`)).send({
        documentIds: [a],
      }),
    );
    attempt(
      'unit token deletes a published A entry',
      await http().delete(`/api/news-items/${a}`).set('Authorization', `Bearer ${unitTokenA}`),
    );
    attempt(
      'editor sets publishAt on an A entry',
      await asUser('editor')(http().put(`${base}/${a}`)).send({
        publishAt: '2020-01-01T00:00:00.000Z',
      }),
    );
    attempt(
      'unit token sets publishAt on an A entry',
      await http()
        .put(`/api/news-items/${a}`)
        .set('Authorization', `Bearer ${unitTokenA}`)
        .send({ data: { publishAt: '2020-01-01T00:00:00.000Z' } }),
    );
    const fileBefore = await strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { id: files.A } });
    const toRoot = await asUser('editor')(http().post(`/upload?id=${files.A}`)).field(
      'fileInfo',
      JSON.stringify({ folder: null }),
    );
    attempt('editor moves an A file out of the unit folders', toRoot);
    // The file behind A's published entry is frozen: no replace, rename or delete, for anyone.
    const frozen = files.publishedA;
    const frozenBefore = await strapi.db
      .query('plugin::upload.file')
      .findOne({ where: { id: frozen } });
    for (const role of ['editor', 'approver']) {
      const as = asUser(role);
      attempt(
        `${role} replaces a published A file`,
        await as(http().post(`/upload?id=${frozen}`)).attach('files', PDF, {
          filename: 'swap.pdf',
          contentType: 'application/pdf',
        }),
      );
      attempt(
        `${role} renames a published A file`,
        await as(http().post(`/upload?id=${frozen}`)).field(
          'fileInfo',
          JSON.stringify({ name: 'renamed.pdf' }),
        ),
      );
      attempt(
        `${role} deletes a published A file`,
        await as(http().delete(`/upload/files/${frozen}`)),
      );
      attempt(
        `${role} bulk-deletes a published A file`,
        await as(http().post('/upload/actions/bulk-delete')).send({ fileIds: [frozen] }),
      );
    }
    attempt(
      'unit token deletes a published A file',
      await http()
        .delete(`/api/upload/files/${frozen}`)
        .set('Authorization', `Bearer ${unitTokenA}`),
    );
    expect(await strapi.db.query('plugin::upload.file').findOne({ where: { id: frozen } })).toEqual(
      frozenBefore,
    );
    expect(toRoot.status).toBe(400);
    expect(
      (await strapi.db.query('plugin::upload.file').findOne({ where: { id: files.A } })).folderPath,
    ).toBe(fileBefore.folderPath);
    expect(await online()).toBe(1);
    expect(
      (await strapi.db.query(uid).findOne({ where: { documentId: a, publishedAt: null } }))
        .publishAt,
    ).toBeNull();
    await expectAllRefused(t, before);
  });

  test.each(ROLES)('integrity records and routes (issue 14), as the %s of A', async (role) => {
    const t = track();
    const as = asUser(role);
    const payloads = {
      'api::ita-score.ita-score': { fiscalYear: 2567, indicatorCode: '1', score: 50 },
      'api::work-group.work-group': { name: 'แทรก' },
      'api::integrity-progress.integrity-progress': {
        planDocumentId: measurePlans.B.documentId,
        stepKey: measurePlans.B.step,
        period: 'sep',
        percent: 100, // no `status`: the CM reads it as the draft/published dimension
      },
    };
    const changes = {
      'api::ita-score.ita-score': { score: 1 },
      'api::work-group.work-group': { name: 'เจาะระบบ' },
      'api::integrity-progress.integrity-progress': { percent: 99 },
    };
    for (const uid of OWNED) {
      const base = `/content-manager/collection-types/${uid}`;
      const b = owned.B[uid];
      const a = owned.A[uid];
      if (role !== 'monitor') {
        const list = await as(http().get(`${base}?pageSize=100`));
        attempt(
          `${role} list ${uid}`,
          list,
          list.body.results?.some((r) => r.documentId === b),
        );
        const filtered = await as(http().get(`${base}?filters[unit][id][$eq]=${B.id}`));
        attempt(`${role} filter ${uid}`, filtered, (filtered.body.results ?? []).length > 0);
        const one = await as(http().get(`${base}/${b}`));
        attempt(`${role} read ${uid}`, one, one.body.data?.documentId === b);
      }
      attempt(
        `${role} create-in-B ${uid}`,
        await as(http().post(base)).send({
          ...payloads[uid],
          unit: { connect: [{ id: B.id, documentId: B.documentId }] },
        }),
      );
      attempt(`${role} update ${uid}`, await as(http().put(`${base}/${b}`)).send(changes[uid]));
      attempt(
        `${role} move-to-B ${uid}`,
        await as(http().put(`${base}/${a}`)).send({
          unit: { connect: [{ id: B.id, documentId: B.documentId }], disconnect: [] },
        }),
      );
      attempt(`${role} delete ${uid}`, await as(http().delete(`${base}/${b}`)));
      attempt(`${role} clone ${uid}`, await as(http().post(`${base}/clone/${b}`)).send({}));
      const bulk = await as(http().post(`${base}/actions/bulkDelete`)).send({ documentIds: [b] });
      attempt(
        `${role} bulkDelete ${uid}`,
        bulk,
        (bulk.body.count ?? bulk.body.data?.count ?? 0) > 0,
      );
    }
    // Progress in A naming B's plan (the unit is the plan's: refused, not moved).
    attempt(
      `${role} create-in-A on B's plan`,
      await as(
        http().post('/content-manager/collection-types/api::integrity-progress.integrity-progress'),
      ).send({
        ...payloads['api::integrity-progress.integrity-progress'],
        unit: { connect: [{ id: A.id, documentId: A.documentId }] },
      }),
    );
    if (role !== 'monitor') {
      for (const path of [
        '/integrity/plan?unit=UNITB&fiscalYear=2569',
        '/integrity/progress?unit=UNITB&fiscalYear=2569',
        '/integrity/progress?unit=UNITB&fiscalYear=2569&format=csv',
        '/integrity/progress?unit=UNITA,UNITB&fiscalYear=2569&format=xlsx',
      ])
        attempt(`${role} GET ${path}`, await as(http().get(path)));
      const all = await as(http().get('/integrity/progress?fiscalYear=2569'));
      attempt(
        `${role} GET /integrity/progress (all)`,
        all,
        (all.body.data ?? []).some((u) => u.unit.code === 'UNITB'),
      );
      const dash = await as(http().get('/compliance/integrity?fiscalYear=2569'));
      attempt(
        `${role} GET /compliance/integrity`,
        dash,
        (dash.body.data?.units ?? []).some((u) => u.unit === 'UNITB'),
      );
    }
    for (const period of ['mar', 'sep'])
      attempt(
        `${role} POST /integrity/progress B ${period}`,
        await as(http().post('/integrity/progress')).send({
          plan: measurePlans.B.documentId,
          step: measurePlans.B.step,
          period,
          status: 'done',
        }),
      );
    await expectAllRefused(t, before);
  });

  test('the count: no attempt succeeded, and B is unchanged in the database', async () => {
    console.log(
      `unit scoping: ${attempts.succeeded.length} of ${attempts.total} attempts succeeded (cross-unit, e-mail takeover, deletion, frozen files, scheduling)` +
        ` (${attempts.errors.length} answered 5xx)`,
    );
    expect(attempts.total).toBeGreaterThan(700);
    expect(attempts.errors).toEqual([]);
    expect(attempts.succeeded).toEqual([]);
    expect(await snapshotB()).toEqual(before);
  });
});
