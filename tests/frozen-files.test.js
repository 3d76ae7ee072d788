/**
 * Frozen files (issue 10, hole 3) and private draft files (hole 10): a file that a submitted,
 * approved or published entry uses cannot be replaced, renamed or deleted by anyone, through any
 * route; the approval hash covers the files' bytes; a draft's attachment is not served at
 * /uploads until the entry is published.
 */
const fs = require('fs');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const {
  createUnit,
  createApiToken,
  createSuperAdmin,
  adminToken,
  systemSteps,
} = require('./helpers/factories');

const UID = 'api::news.news';
const FILE = 'plugin::upload.file';
const PASSWORD = 'Prongsai123';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const OTHER_PDF = Buffer.from('%PDF-1.4\n% swapped content\ntrailer << >>\n%%EOF\n');

let strapi;
let A;
let apiToken;
const tokens = {};

const http = () => request(strapi.server.httpServer);
const as = (who) => (req) => req.set('Authorization', `Bearer ${tokens[who]}`);
const fileRow = (id) => strapi.db.query(FILE).findOne({ where: { id } });
const bytesOf = (row) => fs.readFileSync(path.join(strapi.dirs.static.public, row.url));
const system = (documentId, action, comment) =>
  systemSteps(strapi, UID, documentId, [action], comment);

const uploadAsEditor = async (name = 'evidence.pdf', buffer = PDF) => {
  const res = await as('editor')(http().post('/upload')).attach('files', buffer, {
    filename: name,
    contentType: 'application/pdf',
  });
  expect(res.status).toBe(201);
  return res.body[0];
};

const PATHS = {
  draft: [],
  submitted: ['submit'],
  approved: ['submit', 'approve'],
  published: ['submit', 'approve', 'publish'],
};
const entryWith = async (state, fileId) => {
  const doc = await strapi.documents(UID).create({
    data: { title: `ข่าว ${state} ${Math.random()}`, unit: A.documentId, attachments: [fileId] },
  });
  for (const action of PATHS[state]) await system(doc.documentId, action);
  return doc.documentId;
};

beforeAll(async () => {
  strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  A = await createUnit(strapi, { code: 'FRZ', nameTh: 'หน่วยงานไฟล์' });
  for (const [who, role] of [
    ['editor', 'editor'],
    ['approver', 'approver'],
  ]) {
    const email = `${who}@frozen.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      unit: 'FRZ',
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  apiToken = await createApiToken(strapi);
});
afterAll(teardownStrapi);

const ATTACKS = {
  'editor replaces (admin, POST /upload?id=)': (id) =>
    as('editor')(http().post(`/upload?id=${id}`)).attach('files', OTHER_PDF, {
      filename: 'swap.pdf',
      contentType: 'application/pdf',
    }),
  'editor replaces (admin, /files/:id/replace)': (id) =>
    as('editor')(http().post(`/upload/files/${id}/replace`)).attach('files', OTHER_PDF, {
      filename: 'swap.pdf',
      contentType: 'application/pdf',
    }),
  'editor renames (POST /upload?id= fileInfo)': (id) =>
    as('editor')(http().post(`/upload?id=${id}`)).field(
      'fileInfo',
      JSON.stringify({ name: 'renamed.pdf' }),
    ),
  'editor renames (PUT /upload/files/:id)': (id) =>
    as('editor')(http().put(`/upload/files/${id}`)).send({ fileInfo: { name: 'renamed.pdf' } }),
  'editor edits the caption (bulk update)': (id) =>
    as('editor')(http().post('/upload/actions/bulk-update')).send({
      updates: [{ id, fileInfo: { caption: 'แก้คำบรรยาย' } }],
    }),
  'editor deletes (DELETE /upload/files/:id)': (id) =>
    as('editor')(http().delete(`/upload/files/${id}`)),
  'editor bulk-deletes': (id) =>
    as('editor')(http().post('/upload/actions/bulk-delete')).send({ fileIds: [id], folderIds: [] }),
  'super admin replaces': (id) =>
    as('admin')(http().post(`/upload?id=${id}`)).attach('files', OTHER_PDF, {
      filename: 'swap.pdf',
      contentType: 'application/pdf',
    }),
  'super admin deletes': (id) => as('admin')(http().delete(`/upload/files/${id}`)),
  'API token replaces (POST /api/upload?id=)': (id) =>
    http()
      .post(`/api/upload?id=${id}`)
      .set('Authorization', `Bearer ${apiToken}`)
      .attach('files', OTHER_PDF, { filename: 'swap.pdf', contentType: 'application/pdf' }),
  'API token renames (POST /api/upload?id=)': (id) =>
    http()
      .post(`/api/upload?id=${id}`)
      .set('Authorization', `Bearer ${apiToken}`)
      .field('fileInfo', JSON.stringify({ name: 'renamed.pdf' })),
  'API token deletes (DELETE /api/upload/files/:id)': (id) =>
    http().delete(`/api/upload/files/${id}`).set('Authorization', `Bearer ${apiToken}`),
  'script deletes through the upload service': async (id) => {
    try {
      await strapi
        .plugin('upload')
        .service('upload')
        .remove(await fileRow(id));
      return { status: 200 };
    } catch (e) {
      return {
        status: e.name === 'ApplicationError' ? 400 : 500,
        body: { error: { message: e.message } },
      };
    }
  },
};

describe('a file of a submitted, approved or published entry is frozen', () => {
  test.each(['submitted', 'approved', 'published'])(
    'every attack on a %s entry’s file is refused',
    async (state) => {
      const file = await uploadAsEditor(`${state}.pdf`);
      await entryWith(state, file.id);
      const before = await fileRow(file.id);
      const bytes = bytesOf(before);
      let attempts = 0;
      const succeeded = [];
      for (const [name, attack] of Object.entries(ATTACKS)) {
        attempts += 1;
        const res = await attack(file.id);
        const after = await fileRow(file.id);
        const ok =
          res.status === 400 &&
          /ไม่ได้ .* cannot be/s.test(res.body?.error?.message ?? '') &&
          after &&
          after.name === before.name &&
          after.caption === before.caption &&
          after.url === before.url &&
          after.hash === before.hash &&
          after.sha256 === before.sha256 &&
          bytesOf(after).equals(bytes);
        if (!ok)
          succeeded.push(`${name}: ${res.status} ${JSON.stringify(res.body?.error ?? null)}`);
      }
      console.log(`${state}: ${succeeded.length} of ${attempts} file attacks succeeded`);
      expect(attempts).toBeGreaterThan(0);
      expect(succeeded).toEqual([]);
    },
  );

  test('moving a frozen file between folders is allowed (URL, name and bytes unchanged)', async () => {
    const file = await uploadAsEditor('move.pdf');
    await entryWith('approved', file.id);
    const row = await strapi.db
      .query(FILE)
      .findOne({ where: { id: file.id }, populate: ['folder'] });
    const sub = await as('editor')(http().post('/upload/folders')).send({
      name: `ย่อย ${Date.now()}`,
      parent: row.folder.id,
    });
    expect(sub.status).toBe(201);
    const res = await as('editor')(http().put(`/upload/files/${file.id}`)).send({
      fileInfo: { folder: sub.body.data.id, name: row.name },
    });
    expect(res.status).toBe(200);
    const after = await fileRow(file.id);
    expect([after.url, after.name, bytesOf(after).equals(bytesOf(row))]).toEqual([
      row.url,
      row.name,
      true,
    ]);
  });

  test('a file of a draft stays editable: replace works and changes the content hash', async () => {
    const hash = require(`${appDir}/dist/src/workflow/hash`);
    const file = await uploadAsEditor('draft.pdf');
    const id = await entryWith('draft', file.id);
    const h1 = await hash.contentHash(strapi, UID, id);
    const res = await as('editor')(http().post(`/upload?id=${file.id}`)).attach(
      'files',
      OTHER_PDF,
      {
        filename: 'draft2.pdf',
        contentType: 'application/pdf',
      },
    );
    expect(res.status).toBe(200);
    const row = await fileRow(file.id);
    expect(bytesOf(row).equals(OTHER_PDF)).toBe(true);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash.contentHash(strapi, UID, id)).not.toBe(h1);
  });

  test('bytes changed behind Strapi’s back after approval: publish is refused', async () => {
    const file = await uploadAsEditor('tampered.pdf');
    const id = await entryWith('approved', file.id);
    const row = await fileRow(file.id);
    fs.writeFileSync(path.join(strapi.dirs.static.public, row.url), OTHER_PDF);
    await expect(system(id, 'publish')).rejects.toThrow(/changed after it was approved/);
    const draft = await strapi.db
      .query(UID)
      .findOne({ where: { documentId: id, publishedAt: null } });
    expect(draft.workflowState).toBe('approved');
  });

  test('an upload cannot attach a file straight to a published entry (ref/refId)', async () => {
    const file = await uploadAsEditor('pub.pdf');
    const id = await entryWith('published', file.id);
    const published = await strapi.db
      .query(UID)
      .findOne({ where: { documentId: id, publishedAt: { $notNull: true } } });
    const res = await http()
      .post('/api/upload')
      .set('Authorization', `Bearer ${apiToken}`)
      .field('ref', UID)
      .field('refId', String(published.id))
      .field('field', 'attachments')
      .attach('files', OTHER_PDF, { filename: 'extra.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(400);
  });
});

describe('a draft’s attachment is not public until the entry is published', () => {
  test('404 while draft; 200 with the bytes once published; 404 again after unpublish', async () => {
    const file = await uploadAsEditor('secret.pdf');
    const other = await uploadAsEditor('public.pdf');
    await entryWith('published', other.id);
    const url = (await fileRow(file.id)).url;
    expect((await http().get(url)).status).toBe(404);
    const id = await entryWith('approved', file.id);
    expect((await http().get(url)).status).toBe(404);
    expect((await http().get((await fileRow(other.id)).url)).status).toBe(200);

    await system(id, 'publish');
    const pub = await http().get(url);
    expect(pub.status).toBe(200);
    expect(Buffer.from(pub.body).equals(PDF)).toBe(true);

    await system(id, 'unpublish', 'ถอนชั่วคราว');
    expect((await http().get(url)).status).toBe(404);
    // The other entry's published file is unaffected.
    expect((await http().get((await fileRow(other.id)).url)).status).toBe(200);
  });

  test('staff get a signed URL that serves the draft file; a forged signature does not', async () => {
    const file = await uploadAsEditor('staff.pdf');
    await entryWith('draft', file.id);
    const res = await as('editor')(http().get(`/upload/files/${file.id}`));
    expect(res.status).toBe(200);
    expect(res.body.url).toMatch(/\?exp=\d+&sig=/);
    const ok = await http().get(res.body.url);
    expect(ok.status).toBe(200);
    expect(Buffer.from(ok.body).equals(PDF)).toBe(true);
    const forged = res.body.url.replace(/sig=.*/, 'sig=AAAA');
    expect((await http().get(forged)).status).toBe(404);
    expect((await http().get('/uploads/no-such-file_123.pdf')).status).toBe(404);
    expect((await http().get('/uploads/%E0%A4%A.pdf')).status).toBe(404);
  });
});
