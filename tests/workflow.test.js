/**
 * The editorial workflow: draft → submitted → approved → published, changes requested with a
 * comment, unpublish with a reason, four-eyes, two-tier units — and no path around it.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createApiToken, createSuperAdmin, adminToken } = require('./helpers/factories');

const UID = 'api::news.news';
const PASSWORD = 'Prongsai123';
let strapi;
let wf;
let A;
let C;
let token;
const tokens = {};
const users = {};

const http = () => request(strapi.server.httpServer);
const as = (who) => (req) => req.set('Authorization', `Bearer ${tokens[who]}`);
const events = () => strapi.db.query('api::workflow-event.workflow-event').count();
const draftRow = (documentId) =>
  strapi.db.query(UID).findOne({ where: { documentId, publishedAt: null } });
const publishedRow = (documentId) =>
  strapi.db.query(UID).findOne({ where: { documentId, publishedAt: { $notNull: true } } });
const move = (who, documentId, action, comment = 'เหตุผลประกอบ') =>
  as(who)(http().post('/workflow/transition')).send({ uid: UID, documentId, action, comment });

const system = (documentId, action, comment) =>
  wf.transition(strapi, {
    uid: UID,
    documentId,
    action,
    comment,
    actor: { kind: 'system', name: 'test' },
  });

/** A news entry of unit A brought to `state` by the system. */
const entryIn = async (state, unit = A) => {
  const doc = await strapi
    .documents(UID)
    .create({ data: { title: `ข่าว ${state} ${Math.random()}`, unit: unit.documentId } });
  const id = doc.documentId;
  const path = {
    draft: [],
    submitted: ['submit'],
    changes_requested: ['submit', 'request_changes'],
    approved: ['submit', 'approve'],
    published: ['submit', 'approve', 'publish'],
  }[state];
  for (const action of path) await system(id, action, 'ระบบ');
  return id;
};

beforeAll(async () => {
  strapi = await setupStrapi();
  wf = require(`${appDir}/dist/src/workflow/service`);
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  A = await createUnit(strapi, { code: 'WFA', nameTh: 'หน่วยงานเอ' });
  await createUnit(strapi, { code: 'WFB', nameTh: 'หน่วยงานบี' });
  C = await createUnit(strapi, {
    code: 'WFC',
    nameTh: 'สำนักงานเกษตรจังหวัด',
    group: 'provincial_agency',
    publishingMode: 'central',
  });
  const people = [
    ['editor', 'WFA', 'editor'],
    ['approver', 'WFA', 'approver'],
    ['approver2', 'WFA', 'approver'],
    ['publisher', 'WFA', 'publisher'],
    ['monitor', undefined, 'monitor'],
    ['outsider', 'WFB', 'approver'],
    ['editorC', 'WFC', 'editor'],
    ['approverC', 'WFC', 'approver'],
    ['publisherC', 'WFC', 'publisher'],
  ];
  for (const [who, unit, role] of people) {
    users[who] = `${who.toLowerCase()}@wf.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email: users[who],
      password: PASSWORD,
      firstname: who,
      unit,
      role,
    });
    tokens[who] = await adminToken(request, strapi, { email: users[who], password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  token = await createApiToken(strapi);
});
afterAll(teardownStrapi);

describe('every state × action × role', () => {
  const STATES = ['draft', 'submitted', 'changes_requested', 'approved', 'published'];
  const ACTIONS = ['submit', 'approve', 'request_changes', 'publish', 'unpublish', 'schedule'];
  const ROLES = ['editor', 'approver', 'publisher', 'monitor', 'outsider'];
  const legal = (state, action, role) => {
    const rule = {
      submit: [
        ['draft', 'changes_requested'],
        ['editor', 'approver'],
      ],
      approve: [['submitted'], ['approver']],
      request_changes: [
        ['submitted', 'approved'],
        ['approver', 'publisher'],
      ],
      publish: [['approved'], ['approver', 'publisher']],
      unpublish: [['published'], ['approver', 'publisher']],
      schedule: [['approved'], ['approver', 'publisher']],
    }[action];
    return rule[0].includes(state) && rule[1].includes(role);
  };
  /** The exact refusal: another unit's entry is unknown (404), then the state (400), then the role (403). */
  const refusal = (state, action, role) => {
    if (role === 'outsider') return 404;
    const from = {
      submit: ['draft', 'changes_requested'],
      approve: ['submitted'],
      request_changes: ['submitted', 'approved'],
      publish: ['approved'],
      unpublish: ['published'],
      schedule: ['approved'],
    }[action];
    return from.includes(state) ? 403 : 400;
  };
  const TO = {
    submit: 'submitted',
    approve: 'approved',
    request_changes: 'changes_requested',
    publish: 'published',
    unpublish: 'draft',
    schedule: 'approved',
  };

  test('legal moves succeed; illegal ones are refused and change nothing', async () => {
    const tally = { legal: 0, refused: 0, wrong: [] };
    let expectedStatus;
    for (const state of STATES) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          const id = await entryIn(state);
          const before = {
            events: await events(),
            draft: await draftRow(id),
            published: await publishedRow(id),
          };
          // What the edit view offers (GET /workflow/allowed) is exactly what the server accepts.
          const offer = await as(role)(http().get(`/workflow/allowed?uid=${UID}&documentId=${id}`));
          const res = await move(role, id, action);
          const ok = legal(state, action, role);
          if (
            role === 'outsider'
              ? offer.status !== 404
              : offer.body.data?.actions.includes(action) !== ok
          )
            tally.wrong.push(`${state} ${action} ${role}: offered ${JSON.stringify(offer.body)}`);
          if (!ok) expectedStatus = refusal(state, action, role);
          const after = await draftRow(id);
          if (ok) {
            tally.legal += 1;
            if (
              res.status !== 200 ||
              after.workflowState !== TO[action] ||
              (await events()) !== before.events + 1
            ) {
              tally.wrong.push(`${state} ${action} ${role}: ${res.status} ${after.workflowState}`);
            }
            if (action === 'publish' && !(await publishedRow(id)))
              tally.wrong.push(`${state} publish ${role}: not online`);
            if (action === 'unpublish' && (await publishedRow(id)))
              tally.wrong.push(`${state} unpublish ${role}: still online`);
          } else {
            tally.refused += 1;
            const unchanged =
              res.status === expectedStatus &&
              (await events()) === before.events &&
              after.workflowState === before.draft.workflowState &&
              JSON.stringify(await publishedRow(id)) === JSON.stringify(before.published);
            if (!unchanged)
              tally.wrong.push(
                `${state} ${action} ${role}: ${res.status} (expected ${expectedStatus}) ${after.workflowState}`,
              );
            // Another unit's user learns nothing about the entry, not even its state.
            if (role === 'outsider' && /published|approved|submitted|draft/.test(res.text))
              tally.wrong.push(`${state} ${action} outsider: the answer tells the state`);
          }
        }
      }
    }
    console.log(
      `workflow matrix: ${tally.legal} legal moves, ${tally.refused} refused, ${tally.wrong.length} wrong`,
    );
    expect(tally.wrong).toEqual([]);
    expect(tally.legal + tally.refused).toBe(150);
  });

  test('request changes and unpublish need a comment; the comment is kept in the history', async () => {
    const id = await entryIn('submitted');
    const res = await move('approver', id, 'request_changes', '   ');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/needs a comment/);
    expect((await draftRow(id)).workflowState).toBe('submitted');
    expect((await move('approver', id, 'request_changes', 'แนบไฟล์ PDF ด้วย')).status).toBe(200);
    const history = await as('editor')(http().get(`/workflow/history?uid=${UID}&documentId=${id}`));
    expect(history.body.data.map((e) => [e.action, e.from, e.to])).toEqual([
      ['submit', 'draft', 'submitted'],
      ['request_changes', 'submitted', 'changes_requested'],
    ]);
    // People by name (first and last name), not by e-mail address.
    expect(history.body.data[1]).toMatchObject({ comment: 'แนบไฟล์ PDF ด้วย', actor: 'approver' });
    expect(history.text).not.toContain('@wf.example.org');
    expect(history.body.data[1].prevHash).toBe(history.body.data[0].hash);
    // Another unit's user does not learn the entry exists; a central monitor reads it.
    const path = `/workflow/history?uid=${UID}&documentId=${id}`;
    expect((await as('outsider')(http().get(path))).status).toBe(404);
    expect((await as('monitor')(http().get(path))).body.data).toHaveLength(2);
  });

  test('four-eyes: nobody approves their own submission', async () => {
    const doc = await strapi
      .documents(UID)
      .create({ data: { title: 'ข่าวของหัวหน้า', unit: A.documentId } });
    expect((await move('approver', doc.documentId, 'submit')).status).toBe(200);
    const offered = async (who) =>
      (await as(who)(http().get(`/workflow/allowed?uid=${UID}&documentId=${doc.documentId}`))).body
        .data.actions;
    expect(await offered('approver')).toEqual(['request_changes']);
    expect(await offered('approver2')).toEqual(['approve', 'request_changes']);
    expect(await offered('editor')).toEqual([]);
    const own = await move('approver', doc.documentId, 'approve');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/Nobody approves their own submission/);
    expect((await move('approver2', doc.documentId, 'approve')).status).toBe(200);
  });

  test('a two-tier unit: the unit head approves, only the central publisher publishes', async () => {
    const doc = await strapi
      .documents(UID)
      .create({ data: { title: 'ข่าวเกษตรจังหวัด', unit: C.documentId } });
    const id = doc.documentId;
    expect((await move('editorC', id, 'submit')).status).toBe(200);
    expect((await move('approverC', id, 'approve')).status).toBe(200);
    const offered = async (who) =>
      (await as(who)(http().get(`/workflow/allowed?uid=${UID}&documentId=${id}`))).body.data
        .actions;
    expect(await offered('approverC')).toEqual(['request_changes']);
    expect(await offered('publisherC')).toEqual(['request_changes', 'publish', 'schedule']);
    expect((await move('approverC', id, 'publish')).status).toBe(403);
    expect(await publishedRow(id)).toBeNull();
    expect((await move('publisherC', id, 'publish')).status).toBe(200);
    expect(await publishedRow(id)).not.toBeNull();
  });
});

describe('no path around the workflow', () => {
  const publicList = async () =>
    (
      await http()
        .get('/api/news-items?pagination[pageSize]=100')
        .set('Authorization', `Bearer ${token}`)
    ).body.data.map((d) => d.title);

  test('REST POST and PUT write drafts: nothing new reaches the public API', async () => {
    const created = await http()
      .post('/api/news-items')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: 'ข่าวที่ยังไม่อนุมัติ',
          unit: A.documentId,
          publishedAt: '2026-01-01T00:00:00.000Z',
          workflowState: 'approved',
        },
      });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect(await publishedRow(id)).toBeNull();
    expect((await draftRow(id)).workflowState).toBe('draft');
    expect(await publicList()).not.toContain('ข่าวที่ยังไม่อนุมัติ');

    const online = await entryIn('published');
    const title = (await publishedRow(online)).title;
    const put = await http()
      .put(`/api/news-items/${online}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'แก้ไขโดยไม่ผ่านการอนุมัติ' } });
    expect(put.status).toBe(200);
    expect((await publishedRow(online)).title).toBe(title);
    expect(await publicList()).not.toContain('แก้ไขโดยไม่ผ่านการอนุมัติ');
    // The edit is a new draft that goes through the flow again; the published version stays online.
    expect(await draftRow(online)).toMatchObject({
      title: 'แก้ไขโดยไม่ผ่านการอนุมัติ',
      workflowState: 'draft',
    });
  });

  test.each(['editor', 'approver', 'admin'])(
    'the Content Manager publish button, bulk publish, unpublish and clone, as %s',
    async (who) => {
      const id = await entryIn('submitted');
      const base = `/content-manager/collection-types/${UID}`;
      const before = await events();
      const pub = await as(who)(http().post(`${base}/${id}/actions/publish`)).send({});
      // The editor has no publish permission (403); the others reach the workflow, which
      // refuses to publish what is not approved (400).
      expect(pub.status).toBe(who === 'editor' ? 403 : 400);
      const bulk = await as(who)(http().post(`${base}/actions/bulkPublish`)).send({
        documentIds: [id],
      });
      expect(bulk.status).toBe(who === 'editor' ? 403 : 400);
      expect(await publishedRow(id)).toBeNull();
      expect(await events()).toBe(before);

      const online = await entryIn('published');
      const unpub = await as(who)(http().post(`${base}/${online}/actions/unpublish`)).send({});
      expect(unpub.status).toBe(who === 'editor' ? 403 : 400);
      expect(await publishedRow(online)).not.toBeNull();

      const stateField = await as(who)(http().put(`${base}/${id}`)).send({
        workflowState: 'approved',
        title: 'ลองเปลี่ยนสถานะเอง',
      });
      expect(stateField.status).toBe(200);
      expect(await draftRow(id)).toMatchObject({
        title: 'ลองเปลี่ยนสถานะเอง',
        workflowState: 'draft',
      });
      const clone = await as(who)(http().post(`${base}/clone/${online}`)).send({ title: 'สำเนา' });
      expect(clone.status).toBe(200);
      const copy = clone.body.data.documentId;
      expect(await publishedRow(copy)).toBeNull();
      expect(await draftRow(copy)).toMatchObject({ workflowState: 'draft', publishAt: null });
    },
  );

  test('scripts: the Document Service refuses to publish what is not approved', async () => {
    const id = await entryIn('submitted');
    await expect(strapi.documents(UID).publish({ documentId: id })).rejects.toThrow(
      /not allowed from "submitted"/,
    );
    expect(await publishedRow(id)).toBeNull();
    const created = await strapi
      .documents(UID)
      .create({ data: { title: 'สคริปต์', unit: A.documentId }, status: 'published' });
    expect(await publishedRow(created.documentId)).toBeNull();
    const approved = await entryIn('approved');
    await strapi.documents(UID).publish({ documentId: approved });
    expect((await publishedRow(approved)).workflowState).toBe('published');
  });

  test('what is published is exactly what was approved: an edit after approval goes back to draft', async () => {
    const id = await entryIn('approved');
    await strapi.documents(UID).update({ documentId: id, data: { title: 'แก้หลังอนุมัติ' } });
    expect((await draftRow(id)).workflowState).toBe('draft');
    const res = await move('approver', id, 'publish');
    expect(res.status).toBe(400);
    expect(await publishedRow(id)).toBeNull();
    // A save that changes nothing (the Content Manager saves before it publishes) keeps the approval.
    const again = await entryIn('approved');
    const row = await draftRow(again);
    await strapi.documents(UID).update({ documentId: again, data: { title: row.title } });
    expect((await draftRow(again)).workflowState).toBe('approved');
  });
});

describe('concurrency, failure and the audit chain', () => {
  test('scheduled publication: due entries are published exactly once, even by two schedulers at once', async () => {
    const { publishDue } = require(`${appDir}/dist/src/workflow/scheduler`);
    const due = await entryIn('approved');
    const later = await entryIn('approved');
    const notApproved = await entryIn('submitted');
    const schedule = (documentId, publishAt) =>
      wf.transition(strapi, {
        uid: UID,
        documentId,
        action: 'schedule',
        publishAt,
        actor: { kind: 'system', name: 'test' },
      });
    await schedule(due, new Date(Date.now() - 60000).toISOString());
    await schedule(later, new Date(Date.now() + 3600000).toISOString());
    // Written around the workflow (a raw query): not a schedule anybody decided.
    await strapi.db.query(UID).updateMany({
      where: { documentId: notApproved },
      data: { publishAt: new Date(Date.now() - 60000) },
    });
    const publishes = () =>
      strapi.db
        .query('api::workflow-event.workflow-event')
        .count({ where: { action: 'publish', entryDocumentId: due } });
    const [a, b] = await Promise.all([publishDue(strapi), publishDue(strapi)]);
    expect(a + b).toBe(1);
    expect(await publishes()).toBe(1);
    expect((await publishedRow(due)).workflowState).toBe('published');
    expect(await publishedRow(later)).toBeNull();
    expect(await publishedRow(notApproved)).toBeNull();
    expect(await publishDue(strapi)).toBe(0);
  });

  test('two approvers approve the same entry at once: one transition, one event', async () => {
    const id = await entryIn('submitted');
    const before = await events();
    const [a, b] = await Promise.all([
      move('approver', id, 'approve'),
      move('approver2', id, 'approve'),
    ]);
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    // The other lost the compare-and-set (409) or already saw the entry approved (400).
    expect([400, 409]).toContain(a.status === 200 ? b.status : a.status);
    expect(await events()).toBe(before + 1);
    expect((await draftRow(id)).workflowState).toBe('approved');
  });

  test('an edit racing an approval never leaves approved-but-changed content', async () => {
    const { contentHash } = require(`${appDir}/dist/src/workflow/hash`);
    for (let round = 0; round < 5; round += 1) {
      const id = await entryIn('submitted');
      await Promise.allSettled([
        strapi
          .documents(UID)
          .update({ documentId: id, data: { title: `แก้ระหว่างอนุมัติ ${round}` } }),
        move('approver', id, 'approve'),
      ]);
      const row = await draftRow(id);
      if (row.workflowState === 'approved') {
        const approved = await wf.lastEvent(strapi, UID, id, 'approve');
        expect(approved.contentHash).toBe(await contentHash(strapi, UID, id));
      } else {
        expect(['draft', 'submitted']).toContain(row.workflowState);
      }
      // Whatever happened, publishing can only put online what was approved.
      const pub = await move('approver', id, 'publish');
      if (row.workflowState === 'approved') {
        expect(pub.status).toBe(200);
        expect((await publishedRow(id)).title).toBe(row.title);
      } else {
        expect(pub.status).toBe(400);
        expect(await publishedRow(id)).toBeNull();
      }
    }
  });

  test('an error while writing the audit event rolls the transition back', async () => {
    const id = await entryIn('approved');
    const before = await events();
    let fail = true;
    strapi.db.lifecycles.subscribe({
      models: ['api::workflow-event.workflow-event'],
      beforeCreate() {
        if (fail) throw new Error('disk full');
      },
    });
    await expect(
      wf.transition(strapi, {
        uid: UID,
        documentId: id,
        action: 'publish',
        actor: { kind: 'system', name: 't' },
      }),
    ).rejects.toThrow(/disk full/);
    fail = false;
    expect(await events()).toBe(before);
    expect((await draftRow(id)).workflowState).toBe('approved');
    expect(await publishedRow(id)).toBeNull();
  });

  test('events cannot be edited or deleted; audit verification finds an edited, a deleted and a reordered event', async () => {
    const audit = require(`${appDir}/dist/src/workflow/audit`);
    const [first] = await strapi.db
      .query('api::workflow-event.workflow-event')
      .findMany({ orderBy: { id: 'asc' }, limit: 1 });
    await expect(
      strapi
        .documents('api::workflow-event.workflow-event')
        .delete({ documentId: first.documentId }),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      strapi.db
        .query('api::workflow-event.workflow-event')
        .update({ where: { id: first.id }, data: { comment: 'x' } }),
    ).rejects.toThrow(/cannot be changed/);
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: true });

    const knex = strapi.db.connection;
    const rows = await knex('workflow_events').orderBy('id').limit(6);
    await knex('workflow_events').where('id', rows[2].id).update({ comment: 'แก้ย้อนหลัง' });
    expect(await audit.verifyChain(strapi)).toMatchObject({
      ok: false,
      firstBad: rows[2].id,
      problem: expect.stringMatching(/edited/),
    });
    await knex('workflow_events').where('id', rows[2].id).update({ comment: rows[2].comment });
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: true });

    const swap = async (x, y) => {
      const cols = (row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id'));
      await knex('workflow_events').where('id', x.id).update(cols(y));
      await knex('workflow_events').where('id', y.id).update(cols(x));
    };
    await swap(rows[3], rows[4]);
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: false, firstBad: rows[3].id });
    // Put both back as they were.
    for (const row of [rows[3], rows[4]]) {
      await knex('workflow_events')
        .where('id', row.id)
        .update(Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id')));
    }
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: true });

    await knex('workflow_events').where('id', rows[1].id).delete();
    expect(await audit.verifyChain(strapi)).toMatchObject({
      ok: false,
      firstBad: rows[2].id,
      problem: expect.stringMatching(/removed/),
    });
  });
});

test('"My tasks" lists what waits for each user; bulk approve judges each entry on its own', async () => {
  const submitted = await entryIn('submitted');
  const fix = await entryIn('changes_requested');
  const approverTasks = (await as('approver')(http().get('/workflow/tasks'))).body.data;
  expect(approverTasks.find((t) => t.documentId === submitted)).toMatchObject({
    state: 'submitted',
    next: 'approve',
  });
  expect(approverTasks.find((t) => t.documentId === fix)).toMatchObject({
    state: 'changes_requested',
    next: 'submit',
  });
  const outsider = (await as('outsider')(http().get('/workflow/tasks'))).body.data;
  expect(outsider.find((t) => t.documentId === submitted)).toBeUndefined();

  const other = await entryIn('draft');
  const bulk = await as('approver')(http().post('/workflow/bulk')).send({
    uid: UID,
    action: 'approve',
    documentIds: [submitted, other],
  });
  expect(bulk.status).toBe(200);
  expect(bulk.body.data).toEqual([
    { documentId: submitted, ok: true, state: 'approved' },
    { documentId: other, ok: false, error: expect.stringMatching(/not allowed from "draft"/) },
  ]);
  expect(bulk.body.meta).toEqual({ succeeded: 1, failed: 1 });
});

describe('leaving the public: only through unpublish; deleting is audited', () => {
  const base = `/content-manager/collection-types/${UID}`;
  const rowsOf = (documentId) => strapi.db.query(UID).count({ where: { documentId } });
  const deleteEvents = (documentId) =>
    strapi.db
      .query('api::workflow-event.workflow-event')
      .findMany({ where: { entryDocumentId: documentId, action: 'delete' } });

  test('no caller deletes a published or once-published entry around the workflow', async () => {
    const tries = [];
    const online = await entryIn('published');
    const onlineC = await entryIn('published', C);
    const wasOnline = await entryIn('published');
    await system(wasOnline, 'unpublish', 'ข้อมูลเก่า');
    expect(await publishedRow(wasOnline)).toBeNull();
    const attempts = [
      ['editor CM delete', online, () => as('editor')(http().delete(`${base}/${online}`))],
      ['approver CM delete', online, () => as('approver')(http().delete(`${base}/${online}`))],
      [
        'approver bulk delete',
        online,
        () =>
          as('approver')(http().post(`${base}/actions/bulkDelete`)).send({
            documentIds: [online],
          }),
      ],
      [
        'central unit editor CM delete',
        onlineC,
        () => as('editorC')(http().delete(`${base}/${onlineC}`)),
      ],
      [
        'central publisher CM delete',
        onlineC,
        () => as('publisherC')(http().delete(`${base}/${onlineC}`)),
      ],
      [
        'super admin CM delete without a reason',
        online,
        () => as('admin')(http().delete(`${base}/${online}`)),
      ],
      [
        'API token REST delete',
        online,
        () => http().delete(`/api/news-items/${online}`).set('Authorization', `Bearer ${token}`),
      ],
      [
        'editor deletes a once-published draft',
        wasOnline,
        () => as('editor')(http().delete(`${base}/${wasOnline}`)),
      ],
      [
        'approver deletes a once-published draft in bulk',
        wasOnline,
        () =>
          as('approver')(http().post(`${base}/actions/bulkDelete`)).send({
            documentIds: [wasOnline],
          }),
      ],
    ];
    for (const [label, id, send] of attempts) {
      const before = { rows: await rowsOf(id), events: await events() };
      const res = await send();
      const expected = ['central unit editor CM delete', 'central publisher CM delete'].includes(
        label,
      )
        ? // The central publisher has no delete permission; the unit editor reaches the rule.
          label.startsWith('central publisher')
          ? 403
          : 400
        : 400;
      const ok =
        res.status === expected &&
        (await rowsOf(id)) === before.rows &&
        (await events()) === before.events;
      tries.push([label, ok ? 'refused' : `${res.status} ${res.text.slice(0, 120)}`]);
    }
    console.log(
      `deletion around the workflow: ${tries.filter(([, r]) => r !== 'refused').length} of ${tries.length} attempts succeeded`,
    );
    expect(tries.filter(([, r]) => r !== 'refused')).toEqual([]);
    expect(await publishedRow(online)).not.toBeNull();
    expect(await publishedRow(onlineC)).not.toBeNull();
    // The refusal tells the editor what to do, in Thai first.
    const res = await as('editor')(http().delete(`${base}/${online}`));
    expect(res.body.error.message).toMatch(/^ข้อมูลที่เคยเผยแพร่แล้วลบไม่ได้.*unpublish it/);
    // Below the Document Service too: a raw query does not remove a published row.
    await expect(
      strapi.db.query(UID).deleteMany({ where: { documentId: online } }),
    ).rejects.toThrow(/ever published/);
    expect(await publishedRow(online)).not.toBeNull();
  });

  test("a unit's editor deletes a never-published draft, with an audit event", async () => {
    const id = await entryIn('draft');
    const res = await as('editor')(http().delete(`${base}/${id}`));
    expect(res.status).toBe(200);
    expect(await rowsOf(id)).toBe(0);
    const [event] = await deleteEvents(id);
    expect(event).toMatchObject({
      actorEmail: users.editor,
      fromState: 'draft',
      toState: 'deleted',
      action: 'delete',
    });
    const outsider = await entryIn('draft');
    expect((await as('outsider')(http().delete(`${base}/${outsider}`))).status).toBe(403);
    expect(await rowsOf(outsider)).toBe(1);
    // Bulk delete of drafts (the Content Manager deletes them concurrently in one
    // transaction): one event each, still one unbroken chain.
    const drafts = [await entryIn('draft'), await entryIn('draft'), await entryIn('draft')];
    const bulk = await as('editor')(http().post(`${base}/actions/bulkDelete`)).send({
      documentIds: drafts,
    });
    expect(bulk.status).toBe(200);
    for (const d of drafts) expect(await rowsOf(d)).toBe(0);
    const last = await strapi.db
      .query('api::workflow-event.workflow-event')
      .findMany({ orderBy: { id: 'desc' }, limit: 4 });
    expect(last.slice(0, 3).map((e) => e.action)).toEqual(['delete', 'delete', 'delete']);
    for (let i = 0; i < 3; i += 1) expect(last[i].prevHash).toBe(last[i + 1].hash);
  });

  test('an administrator deletes a published entry with a reason; nobody else may', async () => {
    const id = await entryIn('published');
    const call = (who, body) => as(who)(http().post('/workflow/delete')).send(body);
    const before = await events();
    const noReason = await call('admin', { uid: UID, documentId: id });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/needs a reason/);
    expect((await call('approver', { uid: UID, documentId: id, reason: 'ลบ' })).status).toBe(403);
    expect((await call('outsider', { uid: UID, documentId: id, reason: 'ลบ' })).status).toBe(404);
    expect((await call('admin', { uid: 'nope', documentId: id, reason: 'ลบ' })).status).toBe(400);
    expect((await call('admin', { uid: UID, documentId: 'x', reason: 'ลบ' })).status).toBe(404);
    expect(await events()).toBe(before);
    expect(await publishedRow(id)).not.toBeNull();

    const ok = await call('admin', { uid: UID, documentId: id, reason: 'ประกาศซ้ำ ลบตามคำสั่ง' });
    expect(ok.status).toBe(200);
    expect(await rowsOf(id)).toBe(0);
    const [event] = await deleteEvents(id);
    expect(event).toMatchObject({
      fromState: 'published',
      toState: 'deleted',
      comment: 'ประกาศซ้ำ ลบตามคำสั่ง',
    });
    const pub = await http().get(`/api/news-items/${id}`).set('Authorization', `Bearer ${token}`);
    expect(pub.status).toBe(404);
    // Chained like every event (an earlier test tampers with the start of the chain).
    const previous = await strapi.db
      .query('api::workflow-event.workflow-event')
      .findOne({ where: { id: { $lt: event.id } }, orderBy: { id: 'desc' } });
    expect(event.prevHash).toBe(previous.hash);
  });
});

describe('the publication time is a decision of whoever may publish', () => {
  const base = `/content-manager/collection-types/${UID}`;
  const schedule = (who, documentId, publishAt) =>
    as(who)(http().post('/workflow/transition')).send({
      uid: UID,
      documentId,
      action: 'schedule',
      publishAt,
    });

  test('in a centrally published unit, nobody but the publisher sets or moves publishAt', async () => {
    const { publishDue } = require(`${appDir}/dist/src/workflow/scheduler`);
    const id = await entryIn('approved', C);
    const past = '2020-01-01T00:00:00.000Z';
    const tries = [
      ['editor CM', as('editorC')(http().put(`${base}/${id}`)).send({ publishAt: past }), 400],
      ['approver CM', as('approverC')(http().put(`${base}/${id}`)).send({ publishAt: past }), 400],
      [
        'token REST',
        http()
          .put(`/api/news-items/${id}`)
          .set('Authorization', `Bearer ${token}`)
          .send({ data: { publishAt: past } }),
        400,
      ],
      ['editor schedule', schedule('editorC', id, past), 403],
      ['approver schedule', schedule('approverC', id, past), 403],
      ['outsider schedule', schedule('outsider', id, past), 404],
      ['bad date', schedule('publisherC', id, 'พรุ่งนี้'), 400],
    ];
    const wrong = [];
    for (const [label, pending, expected] of tries) {
      const res = await pending;
      const row = await draftRow(id);
      if (res.status !== expected || row.publishAt !== null || row.workflowState !== 'approved')
        wrong.push(`${label}: ${res.status} ${row.publishAt} ${row.workflowState}`);
    }
    console.log(`publishAt around the workflow: ${wrong.length} of ${tries.length} succeeded`);
    expect(wrong).toEqual([]);
    // A publishAt written by a raw query is no decision: the scheduler does not act on it.
    await strapi.db
      .query(UID)
      .updateMany({ where: { documentId: id }, data: { publishAt: new Date(past) } });
    expect(await publishDue(strapi)).toBe(0);
    expect(await publishedRow(id)).toBeNull();
    await strapi.db.query(UID).updateMany({ where: { documentId: id }, data: { publishAt: null } });

    // The central publisher schedules it; the scheduler publishes it.
    const ok = await schedule('publisherC', id, past);
    expect(ok.status).toBe(200);
    expect(new Date((await draftRow(id)).publishAt).toISOString()).toBe(past);
    // Saving the same time again (the Content Manager sends the whole form) is no change.
    const same = await as('editorC')(http().put(`${base}/${id}`)).send({ publishAt: past });
    expect(same.status).toBe(200);
    expect((await draftRow(id)).workflowState).toBe('approved');
    expect(await publishDue(strapi)).toBe(1);
    expect((await publishedRow(id)).workflowState).toBe('published');
  });

  test('an edit after scheduling sends the entry back to draft; the scheduler leaves it', async () => {
    const { publishDue } = require(`${appDir}/dist/src/workflow/scheduler`);
    const id = await entryIn('approved');
    expect((await schedule('approver', id, '2021-01-01T00:00:00.000Z')).status).toBe(200);
    const edit = await as('editor')(http().put(`${base}/${id}`)).send({ title: 'แก้หลังตั้งเวลา' });
    expect(edit.status).toBe(200);
    expect((await draftRow(id)).workflowState).toBe('draft');
    expect(await publishDue(strapi)).toBe(0);
    expect(await publishedRow(id)).toBeNull();
    // Approved again by the unit head: the old schedule is not a decision about this version.
    await system(id, 'submit');
    await as('approver2')(http().post('/workflow/transition')).send({
      uid: UID,
      documentId: id,
      action: 'approve',
    });
    expect((await draftRow(id)).workflowState).toBe('approved');
    expect(await publishDue(strapi)).toBe(0);
    expect(await publishedRow(id)).toBeNull();
  });
});

describe('the admin home page', () => {
  test('organisation-wide figures for administrators only; entry widgets list no audit records', async () => {
    // Strapi's home page asks everyone for both: anyone else gets every figure empty.
    for (const who of ['editor', 'approver', 'monitor']) {
      const keyStats = await as(who)(http().get('/admin/homepage/key-statistics'));
      expect(keyStats.status).toBe(200);
      expect(Object.values(keyStats.body.data).every((v) => v === null)).toBe(true);
      const counts = await as(who)(http().get('/content-manager/homepage/count-documents'));
      expect(counts.status).toBe(200);
      expect(counts.body.data).toEqual({ draft: null, published: null, modified: null });
    }
    const stats = await as('admin')(http().get('/admin/homepage/key-statistics'));
    expect(stats.status).toBe(200);
    expect(stats.body.data.admins).toBeGreaterThan(0);
    expect(
      (await as('admin')(http().get('/content-manager/homepage/count-documents'))).status,
    ).toBe(200);
    // Workflow events are the newest rows of all, yet never listed as "last edited entries".
    await entryIn('submitted');
    const recent = await as('admin')(
      http().get('/content-manager/homepage/recent-documents?action=update'),
    );
    expect(recent.status).toBe(200);
    expect(recent.body.data.length).toBeGreaterThan(0);
    expect(recent.body.data.map((d) => d.contentTypeUid)).not.toContain(
      'api::workflow-event.workflow-event',
    );
    // The editor's list: what they may read, no other unit's entries.
    const outside = await entryIn('draft', C);
    const mine = await as('editor')(
      http().get('/content-manager/homepage/recent-documents?action=update'),
    );
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((d) => d.documentId)).not.toContain(outside);
  });

  test("my work: the drafts and submissions of the editor's units", async () => {
    const draft = await entryIn('draft');
    const submitted = await entryIn('submitted');
    const other = await entryIn('draft', C);
    const res = await as('editor')(http().get('/workflow/my-work'));
    expect(res.status).toBe(200);
    const ids = (list) => list.map((e) => e.documentId);
    expect(ids(res.body.data.drafts)).toContain(draft);
    expect(ids(res.body.data.waiting)).toContain(submitted);
    expect([...ids(res.body.data.drafts), ...ids(res.body.data.waiting)]).not.toContain(other);
    expect(res.body.data.drafts.every((e) => e.state === 'draft')).toBe(true);
  });
});
