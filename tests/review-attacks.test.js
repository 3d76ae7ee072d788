/**
 * Review attacks (issue 10, second pass): paths the other suites do not try. Units A (publishes
 * itself), B (another unit) and C (published centrally); an editor, an approver and a monitor of
 * A, the approver of C, and API tokens mapped to A and to C. Each attack asserts an exact 4xx
 * (never a 5xx) and that the data did not change; the figure "N of M review attacks succeeded"
 * is printed at the end.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, adminToken, systemSteps } = require('./helpers/factories');
const { publishAsSystem, transition } = require('../dist/src/workflow/service');

const PASSWORD = 'Prongsai123';
const NEWS = 'api::news.news';
const UNIT = 'api::unit.unit';
const UNIT_SITE = 'https://review-a.example.org';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

let strapi;
let A;
let B;
let C;
let CT; // central unit of the registry attacks (its token tries to switch it to self)
const users = {};
const tokens = {};
const tally = { total: 0, succeeded: [] };

const http = () => request(strapi.server.httpServer);
const as = (who) => (req) => req.set('Authorization', `Bearer ${users[who].token}`);
const withToken = (key) => (req) => req.set('Authorization', `Bearer ${tokens[key]}`);

/** Counts one attack: it got through unless refused with a 4xx and the data unchanged. */
const attack = async (label, run) => {
  tally.total += 1;
  try {
    await run();
  } catch (error) {
    tally.succeeded.push(label);
    throw error;
  }
};

const news = async (unit, title = 'ข่าวทดสอบการโจมตี') =>
  strapi.documents(NEWS).create({
    data: { title, kind: 'public_relations', date: '2026-03-01', unit: unit.documentId },
  });

const draftRow = (documentId) =>
  strapi.db.query(NEWS).findOne({
    where: { documentId, publishedAt: null },
    populate: { unit: { select: ['id'] }, attachments: { select: ['id'] } },
  });

const tmpPdf = (name) => {
  const file = path.join(os.tmpdir(), `${process.pid}-${name}`);
  fs.writeFileSync(file, PDF);
  return file;
};

beforeAll(async () => {
  strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  A = await createUnit(strapi, { code: 'REVA', nameTh: 'หน่วยงานเอ', websiteUrl: UNIT_SITE });
  B = await createUnit(strapi, { code: 'REVB', nameTh: 'หน่วยงานบี' });
  C = await createUnit(strapi, { code: 'REVC', nameTh: 'หน่วยงานซี', publishingMode: 'central' });
  CT = await createUnit(strapi, {
    code: 'REVCT',
    nameTh: 'หน่วยงานกลาง',
    publishingMode: 'central',
  });
  for (const [who, unit, role] of [
    ['editor', 'REVA', 'editor'],
    ['approver', 'REVA', 'approver'],
    ['monitor', 'REVA', 'monitor'],
    ['approverC', 'REVC', 'approver'],
  ]) {
    const email = `${who.toLowerCase()}@review.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      unit,
      role,
    });
    users[who] = { email, token: await adminToken(request, strapi, { email, password: PASSWORD }) };
  }
  for (const [key, unit] of [
    ['A', A],
    ['C', C],
    ['CT', CT],
  ]) {
    const name = `review-unit-${key}`;
    const token = await strapi
      .service('admin::api-token')
      .create({ name, type: 'full-access', kind: 'content-api', lifespan: null });
    await strapi
      .documents('api::unit-api-token.unit-api-token')
      .create({ data: { tokenName: name, unit: unit.documentId } });
    tokens[key] = token.accessKey;
  }
});

afterAll(async () => {
  console.log(
    `${tally.succeeded.length} of ${tally.total} review attacks succeeded` +
      (tally.succeeded.length ? `: ${tally.succeeded.join('; ')}` : ''),
  );
  await teardownStrapi();
});

describe('the unit relation in odd shapes (Strapi reads { documentId|id } before connect/set)', () => {
  test('editor of A: PUT own draft with unit { documentId: B, connect: [A] } is refused, unit stays A', async () => {
    await attack('unit {documentId:B, connect:[A]} on update', async () => {
      const doc = await news(A);
      const res = await as('editor')(
        http().put(`/content-manager/collection-types/${NEWS}/${doc.documentId}`),
      ).send({
        title: 'moved',
        unit: { documentId: B.documentId, connect: [{ documentId: A.documentId }] },
      });
      expect(res.status).toBe(403);
      const row = await draftRow(doc.documentId);
      expect([row.unit.id, row.unitRef, row.title]).toEqual([A.id, A.id, doc.title]);
    });
  });

  test('editor of A: creating with unit { id: B, connect: [A] } is refused, nothing lands in B', async () => {
    await attack('unit {id:B, connect:[A]} on create', async () => {
      const before = await strapi.db.query(NEWS).count({ where: { unit: { id: B.id } } });
      const res = await as('editor')(http().post(`/content-manager/collection-types/${NEWS}`)).send(
        {
          title: 'ข่าวในชื่อหน่วยงานบี',
          kind: 'public_relations',
          date: '2026-03-01',
          unit: { id: B.id, connect: [{ id: A.id }] },
        },
      );
      expect(res.status).toBe(403);
      expect(await strapi.db.query(NEWS).count({ where: { unit: { id: B.id } } })).toBe(before);
    });
  });

  test('editor of A: unit { set: { documentId: B } (not an array), connect: [A] } is refused', async () => {
    await attack('unit {set:{B}, connect:[A]} on update', async () => {
      const doc = await news(A);
      const res = await as('editor')(
        http().put(`/content-manager/collection-types/${NEWS}/${doc.documentId}`),
      ).send({
        unit: { set: { documentId: B.documentId }, connect: [{ documentId: A.documentId }] },
      });
      expect(res.status).toBe(403);
      const row = await draftRow(doc.documentId);
      expect([row.unit.id, row.unitRef]).toEqual([A.id, A.id]);
    });
  });

  test("unit A's token: REST PUT with unit { documentId: B, connect: [A] } is refused", async () => {
    await attack('unit token: unit {documentId:B, connect:[A]}', async () => {
      const doc = await news(A);
      const res = await withToken('A')(http().put(`/api/news-items/${doc.documentId}`)).send({
        data: { unit: { documentId: B.documentId, connect: [{ documentId: A.documentId }] } },
      });
      expect(res.status).toBe(403);
      const row = await draftRow(doc.documentId);
      expect([row.unit.id, row.unitRef]).toEqual([A.id, A.id]);
    });
  });
});

describe('the units registry through a unit API token (units have no draft: a write is public at once)', () => {
  test("C's token cannot switch its centrally published unit to publish itself", async () => {
    await attack('unit token: PUT /api/units/C publishingMode=self', async () => {
      const res = await withToken('CT')(http().put(`/api/units/${CT.documentId}`)).send({
        data: { publishingMode: 'self' },
      });
      expect(res.status).toBe(403);
      const row = await strapi.db.query(UNIT).findOne({ where: { id: CT.id } });
      expect(row.publishingMode).toBe('central');
    });
  });

  test("A's token cannot rename unit B or point its website elsewhere", async () => {
    await attack('unit token: PUT /api/units/<other unit>', async () => {
      const victim = await createUnit(strapi, { nameTh: 'หน่วยงานเหยื่อ' });
      const res = await withToken('A')(http().put(`/api/units/${victim.documentId}`)).send({
        data: { nameTh: 'ถูกแก้ชื่อ', websiteUrl: 'https://evil.example.org' },
      });
      expect(res.status).toBe(403);
      const row = await strapi.db.query(UNIT).findOne({ where: { id: victim.id } });
      expect([row.nameTh, row.websiteUrl]).toEqual(['หน่วยงานเหยื่อ', null]);
    });
  });

  test("A's token cannot create or delete units", async () => {
    await attack('unit token: POST/DELETE /api/units', async () => {
      const victim = await createUnit(strapi, { nameTh: 'หน่วยงานที่จะถูกลบ' });
      const before = await strapi.db.query(UNIT).count();
      const created = await withToken('A')(http().post('/api/units')).send({
        data: { code: 'EVIL', nameTh: 'หน่วยงานปลอม', group: 'other', scheme: 'general' },
      });
      expect(created.status).toBe(403);
      const deleted = await withToken('A')(http().delete(`/api/units/${victim.documentId}`));
      expect(deleted.status).toBe(403);
      expect(await strapi.db.query(UNIT).count()).toBe(before);
    });
  });
});

test("A's token cannot change an ITA checklist item (shared by every unit)", async () => {
  await attack('unit token: PUT /api/ita-items', async () => {
    const item = await strapi.db.query('api::ita-item.ita-item').findOne({ where: {} });
    expect(item).not.toBeNull();
    const res = await withToken('A')(http().put(`/api/ita-items/${item.documentId}`)).send({
      data: { titleTh: 'แก้โดยหน่วยงาน' },
    });
    expect(res.status).toBe(403);
    const after = await strapi.db
      .query('api::ita-item.ita-item')
      .findOne({ where: { id: item.id } });
    expect(after).toEqual(item);
  });
});

describe('uploads attached straight to an entry (ref/refId/field)', () => {
  test.each([
    ['unit token: POST /api/upload ref/refId on B draft', '/api/upload', withToken('A')],
    ['editor: POST /upload ref/refId on B draft', '/upload', as('editor')],
  ])("%s: A cannot attach a file to B's draft", async (label, route, auth) => {
    await attack(label, async () => {
      const doc = await news(B);
      const row = await draftRow(doc.documentId);
      const name = `ref-${route.length}.pdf`;
      const res = await auth(http().post(route))
        .field('ref', NEWS)
        .field('refId', String(row.id))
        .field('field', 'attachments')
        .attach('files', tmpPdf(name), { filename: name, contentType: 'application/pdf' });
      expect(res.status).toBe(403);
      expect((await draftRow(doc.documentId)).attachments).toEqual([]);
    });
  });
});

test("A's editor still attaches a file to A's own draft (the check is not simply closed)", async () => {
  const doc = await news(A);
  const row = await draftRow(doc.documentId);
  const res = await as('editor')(http().post('/upload'))
    .field('ref', NEWS)
    .field('refId', String(row.id))
    .field('field', 'attachments')
    .attach('files', tmpPdf('ref-a.pdf'), {
      filename: 'ref-a.pdf',
      contentType: 'application/pdf',
    });
  expect(res.status).toBe(201);
  expect((await draftRow(doc.documentId)).attachments).toHaveLength(1);
});

describe('publication time, clone, unpublish and the monitor (controls)', () => {
  test('publishAt as an operator object, a number or a past date in a CM save is refused', async () => {
    await attack('editor: publishAt in odd shapes', async () => {
      const doc = await news(A);
      for (const publishAt of [{ $gt: '2020-01-01' }, 0, '2020-01-01T00:00:00Z', ['2020-01-01']]) {
        const res = await as('editor')(
          http().put(`/content-manager/collection-types/${NEWS}/${doc.documentId}`),
        ).send({ publishAt });
        expect([publishAt, res.status]).toEqual([publishAt, 400]);
      }
      expect((await draftRow(doc.documentId)).publishAt).toBeNull();
    });
  });

  test("C's approver cannot schedule (central unit: the central publisher decides)", async () => {
    await attack('approver of central unit: schedule', async () => {
      const doc = await news(C);
      await systemSteps(strapi, NEWS, doc.documentId, ['submit', 'approve']);
      const res = await as('approverC')(http().post('/workflow/transition')).send({
        uid: NEWS,
        documentId: doc.documentId,
        action: 'schedule',
        publishAt: '2020-01-01T00:00:00Z',
      });
      expect(res.status).toBe(403);
      const row = await draftRow(doc.documentId);
      expect([row.publishAt, row.workflowState]).toEqual([null, 'approved']);
    });
  });

  test('a clone of a scheduled, approved entry is a draft with no publication time', async () => {
    await attack('approver: clone of scheduled entry', async () => {
      const doc = await news(A);
      await systemSteps(strapi, NEWS, doc.documentId, ['submit', 'approve']);
      await transition(strapi, {
        uid: NEWS,
        documentId: doc.documentId,
        action: 'schedule',
        publishAt: '2020-01-01T00:00:00Z',
        actor: { kind: 'system', name: 'test' },
      });
      const res = await as('approver')(
        http().post(`/content-manager/collection-types/${NEWS}/clone/${doc.documentId}`),
      ).send({ title: 'สำเนา', publishAt: '2020-01-01T00:00:00Z' });
      expect(res.status).toBe(200);
      const copy = await draftRow(res.body.data.documentId);
      expect([copy.publishAt, copy.workflowState, copy.publishedAt]).toEqual([null, 'draft', null]);
    });
  });

  test('unpublish?discardDraft=true by the approver is refused; the entry stays public', async () => {
    await attack('approver: CM unpublish with discardDraft', async () => {
      const doc = await news(A);
      await publishAsSystem(strapi, NEWS, doc.documentId, 'test');
      const res = await as('approver')(
        http().post(
          `/content-manager/collection-types/${NEWS}/${doc.documentId}/actions/unpublish`,
        ),
      ).send({ discardDraft: true });
      expect(res.status).toBe(400);
      expect(
        await strapi.db
          .query(NEWS)
          .count({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } }),
      ).toBe(1);
    });
  });

  test("discarding an approved draft's changes is a step with a trace (a discard event), not a silent state change", async () => {
    await attack('approver: CM discard of an approved draft leaves no event', async () => {
      const doc = await news(A);
      await publishAsSystem(strapi, NEWS, doc.documentId, 'test');
      await strapi.documents(NEWS).update({ documentId: doc.documentId, data: { title: 'v2' } });
      await systemSteps(strapi, NEWS, doc.documentId, ['submit', 'approve']);
      const res = await as('approver')(
        http().post(`/content-manager/collection-types/${NEWS}/${doc.documentId}/actions/discard`),
      ).send({});
      expect(res.status).toBe(200);
      const row = await draftRow(doc.documentId);
      expect([row.title, row.workflowState]).toEqual([doc.title, 'published']);
      const last = await strapi.db.query('api::workflow-event.workflow-event').findOne({
        where: { entryDocumentId: doc.documentId },
        orderBy: { id: 'desc' },
      });
      expect([last.action, last.fromState, last.toState, last.actorEmail]).toEqual([
        'discard',
        'approved',
        'published',
        users.approver.email,
      ]);
    });
  });

  test('a script cannot delete an unpublished, once-published entry by discarding its draft', async () => {
    await attack('script: discardDraft of an entry with no published version', async () => {
      const doc = await news(A);
      await publishAsSystem(strapi, NEWS, doc.documentId, 'test');
      await transition(strapi, {
        uid: NEWS,
        documentId: doc.documentId,
        action: 'unpublish',
        comment: 'ข้อมูลเก่า',
        actor: { kind: 'system', name: 'test' },
      });
      await expect(
        strapi.documents(NEWS).discardDraft({ documentId: doc.documentId }),
      ).rejects.toThrow(/no published version/);
      expect(await strapi.db.query(NEWS).count({ where: { documentId: doc.documentId } })).toBe(1);
    });
  });

  test('the monitor changes nothing (CM update, workflow transition)', async () => {
    await attack('monitor: writes', async () => {
      const doc = await news(A);
      const put = await as('monitor')(
        http().put(`/content-manager/collection-types/${NEWS}/${doc.documentId}`),
      ).send({ title: 'monitor edit' });
      expect(put.status).toBe(403);
      const tr = await as('monitor')(http().post('/workflow/transition')).send({
        uid: NEWS,
        documentId: doc.documentId,
        action: 'submit',
      });
      expect(tr.status).toBe(403);
      const row = await draftRow(doc.documentId);
      expect([row.title, row.workflowState]).toEqual([doc.title, 'draft']);
    });
  });

  test("the history of B's entry is 404 for A's editor; a CORS preflight to /workflow/delete gets no CORS", async () => {
    await attack('editor: history of B / CORS preflight', async () => {
      const doc = await news(B);
      const res = await as('editor')(
        http().get(`/workflow/history?uid=${NEWS}&documentId=${doc.documentId}`),
      );
      expect(res.status).toBe(404);
      const pre = await http()
        .options('/workflow/delete')
        .set('Origin', UNIT_SITE)
        .set('Access-Control-Request-Method', 'POST');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  test("REST PUT ?status=published with A's token writes the draft; the public version is unchanged", async () => {
    await attack('unit token: PUT ?status=published', async () => {
      const doc = await news(A);
      await publishAsSystem(strapi, NEWS, doc.documentId, 'test');
      const res = await withToken('A')(
        http().put(`/api/news-items/${doc.documentId}?status=published`),
      ).send({ data: { title: 'changed in public?' } });
      expect(res.status).toBe(200);
      const live = await strapi.db
        .query(NEWS)
        .findOne({ where: { documentId: doc.documentId, publishedAt: { $notNull: true } } });
      expect(live.title).toBe(doc.title);
    });
  });
});
