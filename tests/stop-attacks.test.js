/**
 * An attacker's pass over what changed last: the unit's Media Library folder given to the plan
 * page (meta.mediaFolder) and progress evidence; the measures plan edited with the Content
 * Manager's own update; the per-unit serialisation of generated reports (src/common/exclusive.ts);
 * the draft Q&A made outside the answering person's request; the ITA scores import. Every attempt
 * asserts its refusal (4xx, never 5xx) AND that the data did not change, and each group logs
 * "0 of N attempts succeeded".
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const request = require('supertest');
const { spawnSync } = require('child_process');
const ExcelJS = require('exceljs');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken, systemSteps } = require('./helpers/factories');

const PLAN = 'api::plan.plan';
const PROGRESS = 'api::integrity-progress.integrity-progress';
const WG = 'api::work-group.work-group';
const FILE = 'plugin::upload.file';
const FOLDER = 'plugin::upload.folder';
const REPORT = 'api::report.report';
const REQUEST = 'api::participation-request.participation-request';
const QA = 'api::qa.qa';
const SCORE = 'api::ita-score.ita-score';
const PASSWORD = 'Test1234!';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-stop-attacks-'));

let strapi;
const tokens = {};
const users = {};
const units = {};
const folders = {};
const files = {};
const plans = {};
const groups = {};

const api = () => request(strapi.server.httpServer);
const as = (who) => (req) => req.set('Authorization', `Bearer ${tokens[who]}`);
const CM = (uid) => `/content-manager/collection-types/${uid}`;
const dist = (p) => require(`${appDir}/dist/src/${p}`);

/** Collects the attempts of a group; an attempt succeeded when it was not a 4xx or changed data. */
const tally = (group) => {
  const won = [];
  let n = 0;
  return {
    record(label, ok, detail = '') {
      n += 1;
      if (ok) won.push(`${label}${detail ? `: ${detail}` : ''}`);
    },
    /** A refusal: 4xx with a message, and `same` true (data unchanged). */
    refused(label, res, same) {
      const bad = res.status < 400 || res.status >= 500 || !same;
      this.record(label, bad, `${res.status}${same ? '' : ' (data changed)'}`);
      if (!bad && res.body?.error) expect(typeof res.body.error.message).toBe('string');
    },
    done() {
      console.log(`${group}: ${won.length} of ${n} attempts succeeded`);
      expect(won).toEqual([]);
      expect(`${won.length} of ${n} attempts succeeded`).toBe(`0 of ${n} attempts succeeded`);
    },
  };
};

const fileState = async () =>
  JSON.stringify(
    await strapi.db.query(FILE).findMany({
      select: ['id', 'name', 'folderPath'],
      orderBy: { id: 'asc' },
    }),
  );
const progressState = async () =>
  JSON.stringify(
    await strapi.db.query(PROGRESS).findMany({
      select: ['documentId', 'planDocumentId', 'stepKey', 'period', 'unitRef', 'percent', 'done'],
      populate: { evidence: { select: ['id'] } },
      orderBy: { id: 'asc' },
    }),
  );
// Populated relations come back in the order their queries finish (on PostgreSQL a measure's
// `workGroup` sometimes before its `steps`, sometimes after): states are compared with their keys
// sorted, so only a change of the data counts.
const sortedKeys = (v) =>
  Array.isArray(v)
    ? v.map(sortedKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortedKeys(v[k])]),
        )
      : v;

const planState = async (documentId) =>
  JSON.stringify(
    sortedKeys(
      await strapi.db.query(PLAN).findMany({
        where: { documentId },
        orderBy: { id: 'asc' },
        select: ['publishedAt', 'kind', 'fiscalYear', 'workflowState', 'title'],
        populate: {
          unit: { select: ['id'] },
          measures: {
            select: ['issue', 'measure', 'startMonth', 'endMonth', 'issueNo'],
            populate: {
              workGroup: { select: ['id'] },
              steps: {
                select: ['key', 'text', 'startMonth', 'endMonth'],
                populate: { workGroup: { select: ['id'] } },
              },
            },
          },
        },
      }),
    ),
  );

const makeFile = async (unit, name) => {
  const folderId = unit ? await dist('units/media').unitFolderOf(strapi, unit.id) : null;
  const folder = folderId
    ? await strapi.db.query(FOLDER).findOne({ where: { id: folderId } })
    : { path: '/' };
  return strapi.db.query(FILE).create({
    data: {
      name,
      hash: `${name.replace(/\W/g, '_')}_${Date.now()}`,
      ext: '.pdf',
      mime: 'application/pdf',
      size: 4,
      url: `/uploads/${name}`,
      provider: 'local',
      ...(folderId ? { folder: folderId } : {}),
      folderPath: folder.path,
    },
  });
};

const MEASURES = (wg) => [
  {
    issue: 'การเปิดเผยข้อมูล',
    measure: 'เผยแพร่ข้อมูลบนเว็บไซต์',
    startMonth: 'oct',
    endMonth: 'sep',
    ...(wg ? { workGroup: wg.documentId } : {}),
    steps: [{ text: 'แต่งตั้งคณะทำงาน' }, { text: 'รายงานผล', startMonth: 'mar' }],
  },
];

const createPlan = (unit, fiscalYear, measures, extra = {}) =>
  strapi.documents(PLAN).create({
    data: {
      title: `แผนมาตรการ ${unit.code} ${fiscalYear}`,
      kind: 'integrity_measures',
      fiscalYear,
      unit: unit.documentId,
      progressCadence: 'half_year',
      measures,
      ...extra,
    },
    populate: { measures: { populate: { steps: true } } },
  });

const storedMeasures = async (documentId) =>
  (
    await strapi.documents(PLAN).findOne({
      documentId,
      populate: { measures: { populate: { steps: true, workGroup: true } } },
    })
  ).measures;

beforeAll(async () => {
  strapi = await setupStrapi({ COMPLIANCE_SCHEDULER: 'false', INTEGRITY_SCORE_TARGET: '' });
  const provisioning = dist('units/provisioning');
  units.IDA = await createUnit(strapi, { code: 'IDA', nameTh: 'หน่วยงานเอ' });
  units.IDB = await createUnit(strapi, { code: 'IDB', nameTh: 'หน่วยงานบี' });
  const people = [
    ['editorA', 'IDA', 'editor'],
    ['approverA', 'IDA', 'approver'],
    ['publisherA', 'IDA', 'publisher'],
    ['editorB', 'IDB', 'editor'],
    ['monitor', null, 'monitor'],
    // One person in both units (an editor of A, the publisher of B): still one unit per write.
    ['both', 'IDA', 'editor'],
    ['both', 'IDB', 'publisher'],
    // A central monitor who also edits A.
    ['monitorEditor', null, 'monitor'],
    ['monitorEditor', 'IDA', 'editor'],
  ];
  for (const [who, unit, role] of people) {
    const email = `${who.toLowerCase()}@stop.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      ...(unit ? { unit } : {}),
      role,
    });
    users[who] = await strapi.db.query('admin::user').findOne({ where: { email } });
  }
  for (const who of new Set(people.map((p) => p[0])))
    tokens[who] = await adminToken(request, strapi, {
      email: `${who.toLowerCase()}@stop.example.org`,
      password: PASSWORD,
    });
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  for (const code of ['IDA', 'IDB']) {
    folders[code] = await dist('units/media').unitFolderOf(strapi, units[code].id);
    groups[code] = await strapi.documents(WG).create({
      data: { name: `คณะทำงาน ${code}`, unit: units[code].documentId },
    });
  }
  folders.subB = (
    await strapi.plugin('upload').service('folder').create({ name: 'ย่อยบี', parent: folders.IDB })
  ).id;
  plans.A = await createPlan(units.IDA, 2569, MEASURES(groups.IDA));
  plans.B = await createPlan(units.IDB, 2569, MEASURES(groups.IDB));
  files.A = await makeFile(units.IDA, 'a-evidence.pdf');
  files.B = await makeFile(units.IDB, 'b-secret.pdf');
  files.root = await makeFile(null, 'root-private.pdf');
}, 300000);

afterAll(async () => {
  delete process.env.INTEGRITY_SCORE_TARGET;
  await teardownStrapi();
  fs.rmSync(TMP, { recursive: true, force: true });
});

// -------------------------------------------------------------------------------------------
// 1. mediaFolder, uploads, evidence
// -------------------------------------------------------------------------------------------

describe('1. the unit folder and progress evidence', () => {
  test('meta.mediaFolder: only those who write the unit files get it', async () => {
    const t = tally('1a mediaFolder');
    const url = '/integrity/plan?unit=IDA&fiscalYear=2569';
    const own = await as('editorA')(api().get(url));
    expect(own.status).toBe(200);
    expect(own.body.meta.mediaFolder).toBe(folders.IDA);
    expect((await as('approverA')(api().get(url))).body.meta.mediaFolder).toBe(folders.IDA);
    for (const who of ['monitor', 'publisherA', 'editorB']) {
      const res = await as(who)(api().get(url));
      t.record(
        who,
        res.status >= 500 || res.body.meta?.mediaFolder === folders.IDA,
        `${res.status} ${JSON.stringify(res.body.meta ?? res.body.error?.status)}`,
      );
      if (who === 'editorB') expect(res.status).toBe(403);
    }
    // B's folder through A's unit code spellings, or B's code, by A's editor.
    for (const q of ['unit=IDB', 'unit=idb', 'unit[]=IDB', 'unit=IDA,IDB']) {
      const res = await as('editorA')(api().get(`/integrity/plan?${q}&fiscalYear=2569`));
      t.record(
        q,
        res.status < 400 ||
          res.status >= 500 ||
          JSON.stringify(res.body).includes(`"mediaFolder":${folders.IDB}`),
        String(res.status),
      );
    }
    t.done();
  });

  test("uploads land in the uploader's unit folders only", async () => {
    const t = tally('1b uploads');
    const upload = (who, infos, count = 1) => {
      let req = as(who)(api().post('/upload'));
      for (let i = 0; i < count; i += 1)
        req = req.attach('files', PDF, { filename: `u${i}.pdf`, contentType: 'application/pdf' });
      if (infos !== undefined)
        req = req.field('fileInfo', typeof infos === 'string' ? infos : JSON.stringify(infos));
      return req;
    };
    const attempts = [
      ['A→B folder', 'editorA', { folder: folders.IDB }],
      ['A→B folder as text', 'editorA', { folder: String(folders.IDB) }],
      ['A→B subfolder', 'editorA', { folder: folders.subB }],
      ['A→B folder, array', 'editorA', [{ folder: folders.IDB }], 1],
      [
        'A→B folder, second of two',
        'editorA',
        [{ folder: folders.IDA }, { folder: folders.IDB }],
        2,
      ],
      ['A→negative folder', 'editorA', { folder: -1 }],
      ['A→folder object', 'editorA', { folder: { id: folders.IDB } }],
      ['A→folder 1e30', 'editorA', { folder: 1e30 }],
      ['B→A folder', 'editorB', { folder: folders.IDA }],
      ['publisher→A folder', 'publisherA', { folder: folders.IDA }],
      ['monitor→A folder', 'monitor', { folder: folders.IDA }],
      ['monitor, no folder', 'monitor', {}],
      ['broken fileInfo', 'editorA', '{"folder":'],
    ];
    for (const [label, who, infos, count] of attempts) {
      const before = await fileState();
      const res = await upload(who, infos, count);
      t.refused(label, res, (await fileState()) === before);
    }
    // Two files with one fileInfo (or none): the second must not land outside A's folders.
    for (const [label, infos] of [
      ['two files, one fileInfo in a list', [{ folder: folders.IDA }]],
      ['two files, no fileInfo', undefined],
    ]) {
      const res = await upload('editorA', infos, 2);
      const made = await strapi.db.query(FILE).findMany({
        where: { name: { $in: ['u0.pdf', 'u1.pdf'] } },
        select: ['id', 'folderPath'],
      });
      const root = await strapi.db.query(FOLDER).findOne({ where: { id: folders.IDA } });
      const outside = made.filter(
        (f) => f.folderPath !== root.path && !f.folderPath.startsWith(`${root.path}/`),
      );
      t.record(
        label,
        res.status >= 500 || outside.length > 0,
        `${res.status} ${JSON.stringify(made)}`,
      );
      // Clean up whatever it made (the own folder is fine).
      for (const f of made) await strapi.db.query(FILE).delete({ where: { id: f.id } });
    }
    // Control: A's own folder works.
    const ok = await upload('editorA', { folder: folders.IDA });
    expect(ok.status).toBe(201);
    await strapi.db.query(FILE).delete({ where: { id: ok.body[0].id } });
    t.done();
  });

  test('evidence: malformed, foreign or outside any unit is refused; nothing changes', async () => {
    const t = tally('1c evidence');
    const step = plans.A.measures[0].steps[0].key;
    const body = (evidence, extra = {}) => ({
      plan: plans.A.documentId,
      step,
      period: 'mar',
      status: 'in_progress',
      percent: 10,
      evidence,
      ...extra,
    });
    const attempts = [
      ['B file', 'editorA', [files.B.id]],
      ['root file', 'editorA', [files.root.id]],
      ['own + B file', 'editorA', [files.A.id, files.B.id]],
      ['id as text', 'editorA', [String(files.A.id)]],
      ['id as object', 'editorA', [{ id: files.A.id }]],
      ['negative id', 'editorA', [-files.A.id]],
      ['zero', 'editorA', [0]],
      ['fraction', 'editorA', [1.5]],
      ['huge id', 'editorA', [2 ** 53 + 10]],
      ['1e300', 'editorA', [1e300]],
      ['unknown id', 'editorA', [999999]],
      ['a string', 'editorA', 'x'],
      ['an object', 'editorA', { connect: [files.A.id] }],
      ['true', 'editorA', true],
      ['51 ids', 'editorA', Array.from({ length: 51 }, () => files.A.id)],
      ['10 000 ids', 'editorA', Array.from({ length: 10000 }, (_, i) => i + 1)],
      ['nested list', 'editorA', [[files.A.id]]],
      // Someone in both units, or a monitor who also edits A, takes B's (or nobody's) file into A.
      ['both: B file into A', 'both', [files.B.id]],
      ['monitorEditor: B file into A', 'monitorEditor', [files.B.id]],
      ['monitorEditor: root file into A', 'monitorEditor', [files.root.id]],
      // Those who may not record A's progress.
      ['monitor', 'monitor', [files.A.id]],
      ['editorB', 'editorB', [files.A.id]],
    ];
    for (const [label, who, evidence] of attempts) {
      const before = await progressState();
      const res = await as(who)(api().post('/integrity/progress')).send(body(evidence));
      t.refused(label, res, (await progressState()) === before);
    }
    // A row with A's own file; then the same foreign files through the Content Manager update.
    const own = await as('editorA')(api().post('/integrity/progress')).send(body([files.A.id]));
    expect(own.status).toBeLessThan(300);
    const row = own.body.data.documentId;
    for (const [label, who, evidence] of [
      ['CM: both, B file', 'both', [files.A.id, files.B.id]],
      ['CM: both, B file connect', 'both', { connect: [{ id: files.B.id }] }],
      ['CM: both, B file set', 'both', { set: [{ id: files.B.id }] }],
      ['CM: monitorEditor, root file', 'monitorEditor', [files.A.id, files.root.id]],
      ['CM: monitorEditor, root connect', 'monitorEditor', { connect: [files.root.id] }],
      ['CM: editorA, B file', 'editorA', [files.B.id]],
      ['CM: editorA, evidence text', 'editorA', 'x'],
    ]) {
      const before = await progressState();
      const res = await as(who)(api().put(`${CM(PROGRESS)}/${row}`)).send({ evidence });
      t.refused(label, res, (await progressState()) === before);
    }
    // Creating a row through the Content Manager with someone else's file.
    for (const [label, who, file] of [
      ['CM create: both, B file', 'both', files.B.id],
      ['CM create: monitorEditor, root file', 'monitorEditor', files.root.id],
    ]) {
      const before = await progressState();
      const res = await as(who)(api().post(CM(PROGRESS))).send({
        unit: units.IDA.documentId,
        planDocumentId: plans.A.documentId,
        stepKey: step,
        period: 'sep',
        progressStatus: 'in_progress',
        percent: 5,
        evidence: [file],
      });
      t.refused(label, res, (await progressState()) === before);
    }
    // Another step/period of B's plan with A's row id, or A's row read by B.
    const readB = await as('editorB')(api().get(`${CM(PROGRESS)}/${row}`));
    t.record(
      'B reads A row',
      readB.status >= 500 || readB.text.includes(row) || readB.text.includes('a-evidence'),
      `${readB.status} ${readB.text.slice(0, 300)}`,
    );
    t.done();
  });

  test('evidence removal: left out keeps the files, [] removes them, the files stay in the library', async () => {
    const step = plans.A.measures[0].steps[1].key;
    const base = { plan: plans.A.documentId, step, period: 'sep', status: 'in_progress' };
    const ev = async () =>
      (
        await strapi.db.query(PROGRESS).findOne({
          where: { planDocumentId: plans.A.documentId, stepKey: step, period: 'sep' },
          populate: { evidence: { select: ['id'] } },
        })
      ).evidence.map((f) => f.id);
    const first = await as('editorA')(api().post('/integrity/progress')).send({
      ...base,
      percent: 10,
      evidence: [files.A.id],
    });
    expect(first.status).toBe(201);
    expect(await ev()).toEqual([files.A.id]);
    const kept = await as('editorA')(api().post('/integrity/progress')).send({
      ...base,
      percent: 20,
    });
    expect(kept.status).toBe(200);
    expect(await ev()).toEqual([files.A.id]);
    const keptNull = await as('editorA')(api().post('/integrity/progress')).send({
      ...base,
      percent: 25,
      evidence: null,
    });
    expect(keptNull.status).toBe(200);
    expect(await ev()).toEqual([files.A.id]);
    const removed = await as('editorA')(api().post('/integrity/progress')).send({
      ...base,
      percent: 30,
      evidence: [],
    });
    expect(removed.status).toBe(200);
    expect(await ev()).toEqual([]);
    expect(await strapi.db.query(FILE).count({ where: { id: files.A.id } })).toBe(1);
    // B cannot remove A's evidence either.
    await as('editorA')(api().post('/integrity/progress')).send({
      ...base,
      percent: 30,
      evidence: [files.A.id],
    });
    const before = await progressState();
    const foreign = await as('editorB')(api().post('/integrity/progress')).send({
      ...base,
      percent: 30,
      evidence: [],
    });
    expect(foreign.status).toBe(403);
    expect(await progressState()).toBe(before);
  });
});

// -------------------------------------------------------------------------------------------
// 2. the measures plan through the Content Manager's update
// -------------------------------------------------------------------------------------------

describe("2. the measures plan through the Content Manager's update", () => {
  const put = (who, documentId, data) => as(who)(api().put(`${CM(PLAN)}/${documentId}`)).send(data);
  const measure = (stored, patch = {}, stepPatch = {}) => ({
    issue: stored[0].issue,
    measure: stored[0].measure,
    startMonth: 'oct',
    endMonth: 'sep',
    steps: stored[0].steps.map((s) => ({ key: s.key, text: s.text, ...stepPatch })),
    ...patch,
  });

  test("another unit's plan, a monitor, a publisher: refused", async () => {
    const t = tally('2a whose plan');
    const stored = await storedMeasures(plans.A.documentId);
    for (const who of ['editorB', 'monitor']) {
      const before = await planState(plans.A.documentId);
      const res = await put(who, plans.A.documentId, {
        measures: [measure(stored, { issue: 'ประเด็นแทรก' })],
      });
      t.refused(who, res, (await planState(plans.A.documentId)) === before);
    }
    // A's editor on B's plan, by documentId in various shapes.
    for (const id of [plans.B.documentId, plans.B.documentId.toLowerCase(), String(plans.B.id)]) {
      const before = await planState(plans.B.documentId);
      const res = await put('editorA', id, { measures: [measure(stored, { issue: 'x' })] });
      t.refused(`editorA on B ${id}`, res, (await planState(plans.B.documentId)) === before);
    }
    t.done();
  });

  test('a plan in the workflow: an edit never reaches the public unapproved', async () => {
    const t = tally('2b workflow states');
    const results = {};
    for (const state of ['submitted', 'approved', 'published']) {
      const year = { submitted: 2566, approved: 2567, published: 2568 }[state];
      const plan = await createPlan(units.IDA, year, MEASURES(null));
      const actions = { submitted: ['submit'], approved: ['submit', 'approve'] }[state] ?? [
        'submit',
        'approve',
        'publish',
      ];
      await systemSteps(strapi, PLAN, plan.documentId, actions);
      const stored = await storedMeasures(plan.documentId);
      const publishedBefore = JSON.stringify(
        sortedKeys(
          await strapi.db.query(PLAN).findMany({
            where: { documentId: plan.documentId, publishedAt: { $notNull: true } },
            populate: { measures: { populate: { steps: true } } },
          }),
        ),
      );
      const publicBefore = JSON.stringify(
        sortedKeys((await api().get(`/api/plans/${plan.documentId}?populate=*`)).body),
      );
      const res = await put('editorA', plan.documentId, {
        measures: [measure(stored, { issue: 'ประเด็นที่ยังไม่อนุมัติ' })],
      });
      const draft = await strapi.db.query(PLAN).findOne({
        where: { documentId: plan.documentId, publishedAt: null },
        select: ['workflowState'],
      });
      const publishedAfter = JSON.stringify(
        sortedKeys(
          await strapi.db.query(PLAN).findMany({
            where: { documentId: plan.documentId, publishedAt: { $notNull: true } },
            populate: { measures: { populate: { steps: true } } },
          }),
        ),
      );
      const publicAfter = JSON.stringify(
        sortedKeys((await api().get(`/api/plans/${plan.documentId}?populate=*`)).body),
      );
      results[state] = { status: res.status, draftState: draft.workflowState };
      // Refused, or (docs/workflow.md "Editing") accepted as a draft that goes through the flow
      // again: the state is back to draft and the published version did not change.
      const safe =
        res.status < 500 &&
        publishedAfter === publishedBefore &&
        publicAfter === publicBefore &&
        !publicAfter.includes('ประเด็นที่ยังไม่อนุมัติ') &&
        (res.status >= 400 || draft.workflowState === 'draft');
      t.record(state, !safe, JSON.stringify(results[state]));
      // And the CM publish button on that edited draft is refused.
      const pub = await as('approverA')(
        api().post(`${CM(PLAN)}/${plan.documentId}/actions/publish`),
      ).send({});
      const publicFinal = (await api().get(`/api/plans/${plan.documentId}?populate=*`)).text;
      t.record(
        `${state}: publish the edit`,
        (pub.status < 400 && publicFinal.includes('ประเด็นที่ยังไม่อนุมัติ')) || pub.status >= 500,
        String(pub.status),
      );
    }
    console.log(`2b edits of plans in the workflow: ${JSON.stringify(results)}`);
    t.done();
  });

  test('work groups, keys, types, months, lengths, unit/kind/year: 4xx and unchanged', async () => {
    const t = tally('2c payloads');
    const doc = plans.A.documentId;
    const stored = await storedMeasures(doc);
    const g = groups.IDB;
    const bodies = [
      [
        'B group documentId (measure)',
        { measures: [measure(stored, { workGroup: g.documentId })] },
      ],
      [
        'B group connect (measure)',
        { measures: [measure(stored, { workGroup: { connect: [{ documentId: g.documentId }] } })] },
      ],
      [
        'B group set (measure)',
        { measures: [measure(stored, { workGroup: { set: [{ id: g.id }] } })] },
      ],
      [
        'B group documentId (step)',
        { measures: [measure(stored, {}, { workGroup: g.documentId })] },
      ],
      [
        'B group connect (step)',
        { measures: [measure(stored, {}, { workGroup: { connect: [{ id: g.id }] } })] },
      ],
      [
        'B group set (step)',
        { measures: [measure(stored, {}, { workGroup: { set: [g.documentId] } })] },
      ],
      [
        'own then B group connect',
        {
          measures: [
            measure(stored, {
              workGroup: { connect: [{ id: groups.IDA.id }, { id: g.id }] },
            }),
          ],
        },
      ],
      ['measures a string', { measures: 'x' }],
      ['measures an object', { measures: { issue: 'x' } }],
      ['measures a number', { measures: 5 }],
      ['measures [null]', { measures: [null] }],
      ['measures [1]', { measures: [1] }],
      [
        '10 000 measures',
        {
          measures: Array.from({ length: 10000 }, () => ({ issue: 'x', measure: 'y' })),
        },
      ],
      [
        '101 measures',
        { measures: Array.from({ length: 101 }, () => ({ issue: 'x', measure: 'y' })) },
      ],
      ['steps a string', { measures: [measure(stored, { steps: 'x' })] }],
      [
        '51 steps',
        {
          measures: [measure(stored, { steps: Array.from({ length: 51 }, () => ({ text: 's' })) })],
        },
      ],
      ['step null', { measures: [measure(stored, { steps: [null] })] }],
      ['month "foo"', { measures: [measure(stored, { startMonth: 'foo' })] }],
      ['month "OCT"', { measures: [measure(stored, { startMonth: 'OCT' })] }],
      ['month 13', { measures: [measure(stored, { endMonth: 13 })] }],
      ['month object', { measures: [measure(stored, { endMonth: { $ne: 1 } })] }],
      ['step month "13"', { measures: [measure(stored, {}, { startMonth: '13' })] }],
      ['start after end', { measures: [measure(stored, { startMonth: 'sep', endMonth: 'oct' })] }],
      ['issueNo -1', { measures: [measure(stored, { issueNo: -1 })] }],
      ['issueNo text', { measures: [measure(stored, { issueNo: 'abc' })] }],
      ['empty issue', { measures: [measure(stored, { issue: '   ' })] }],
      ['issue an array', { measures: [measure(stored, { issue: ['x'] })] }],
      ['issue 100 000 chars', { measures: [measure(stored, { issue: 'ก'.repeat(100000) })] }],
      ['measure 1 MB', { measures: [measure(stored, { measure: 'x'.repeat(1000000) })] }],
      [
        'step text 100 000 chars',
        { measures: [measure(stored, {}, { text: 'ข'.repeat(100000) })] },
      ],
      ['step key 10 000 chars', { measures: [measure(stored, {}, { key: 'a'.repeat(10000) })] }],
      ['owner 10 000 chars', { measures: [measure(stored, { owner: 'o'.repeat(10000) })] }],
      [
        'unit → B with measures',
        { unit: units.IDB.documentId, measures: [measure(stored, { issue: 'ย้าย' })] },
      ],
      [
        'unit connect B with measures',
        {
          unit: { connect: [{ documentId: units.IDB.documentId }] },
          measures: [measure(stored, { issue: 'ย้าย' })],
        },
      ],
      ['kind → strategic with measures', { kind: 'strategic', measures: [measure(stored)] }],
      ['kind → strategic alone', { kind: 'strategic' }],
      ['kind unknown', { kind: 'nonsense', measures: [measure(stored)] }],
      ['fiscalYear 1', { fiscalYear: 1, measures: [measure(stored)] }],
      ['fiscalYear text', { fiscalYear: 'สองพัน', measures: [measure(stored)] }],
      ['fiscalYear object', { fiscalYear: { $gt: 1 }, measures: [measure(stored)] }],
      [
        'workflowState approved',
        { workflowState: 'approved', measures: [measure(stored, { issue: 'อนุมัติเอง' })] },
      ],
      [
        'publishedAt',
        {
          publishedAt: new Date().toISOString(),
          measures: [measure(stored, { issue: 'เผยแพร่เอง' })],
        },
      ],
      [
        "B plan's measure component id",
        {
          measures: [
            {
              id: plans.B.measures[0].id,
              issue: 'ขโมย',
              measure: 'ขโมย',
              startMonth: 'oct',
              endMonth: 'sep',
            },
          ],
        },
      ],
      [
        "B plan's step component id",
        {
          measures: [
            measure(stored, {
              id: stored[0].id,
              steps: [{ id: plans.B.measures[0].steps[0].id, text: 'ขโมยขั้นตอน' }],
            }),
          ],
        },
      ],
    ];
    for (const [label, data] of bodies) {
      const before = await planState(doc);
      if (label === 'step key 10 000 chars') {
        // A malformed key is replaced by a fresh one (a new step), not refused; never stored.
        const res = await put('editorA', doc, data);
        const keys = (await storedMeasures(doc))[0].steps.map((s) => s.key);
        t.record(
          label,
          res.status >= 500 || keys.some((k) => !/^[a-z0-9]{6,40}$/.test(k)),
          String(res.status),
        );
        const back = await put('editorA', doc, { measures: [measure(stored)] });
        expect(back.status).toBe(200);
        continue;
      }
      const res = await put('editorA', doc, data);
      const after = await planState(doc);
      const bState = await planState(plans.B.documentId);
      const same = after === before && !bState.includes('ขโมย');
      // "workflowState"/"publishedAt" are dropped (a plain save) rather than refused: what counts
      // is that the state is still draft and nothing is published.
      if (label === 'workflowState approved' || label === 'publishedAt') {
        const rows = await strapi.db.query(PLAN).findMany({
          where: { documentId: doc },
          select: ['workflowState', 'publishedAt'],
        });
        const ok =
          res.status < 500 &&
          rows.every((r) => !r.publishedAt && (r.workflowState ?? 'draft') === 'draft');
        t.record(label, !ok, `${res.status} ${JSON.stringify(rows)}`);
        continue;
      }
      t.refused(label, res, same);
    }
    t.done();
  });

  test("step keys: repeated, malformed and B's keys; B's progress untouched and unseen", async () => {
    const t = tally('2d step keys');
    const doc = plans.A.documentId;
    // B has a progress row on its first step.
    const bKey = plans.B.measures[0].steps[0].key;
    const bRow = await strapi.documents(PROGRESS).create({
      data: {
        unit: units.IDB.documentId,
        planDocumentId: plans.B.documentId,
        stepKey: bKey,
        period: 'mar',
        progressStatus: 'in_progress',
        percent: 42,
        done: 'ความลับของหน่วยงานบี',
      },
    });
    const bBefore = await progressState();
    const stored = await storedMeasures(doc);
    const own = stored[0].steps[0].key;
    const variants = [
      ['repeated own key', [own, own]],
      ['malformed key', ['../../x', 'ABC DEF']],
      ["B's key", [bKey, own]],
      ['key object', [{ $ne: null }, own]],
      ['key number', [123456789, own]],
    ];
    for (const [label, keys] of variants) {
      const res = await put('editorA', doc, {
        measures: [
          measure(stored, {
            steps: keys.map((key, i) => ({ key, text: `ขั้นตอน ${i + 1}` })),
          }),
        ],
      });
      const after = await storedMeasures(doc);
      const saved = after[0].steps.map((s) => s.key);
      const distinct = new Set(saved).size === saved.length;
      const valid = saved.every((k) => /^[a-z0-9]{6,40}$/.test(k));
      // Accepted (fresh keys) or refused — never a 500, never repeated or malformed keys stored.
      t.record(label, res.status >= 500 || !distinct || !valid, `${res.status} ${saved}`);
      // B's rows never change, and A's plan page shows nothing of B's progress.
      expect(await progressState()).toBe(bBefore);
      const page = await as('editorA')(api().get('/integrity/plan?unit=IDA&fiscalYear=2569'));
      expect(page.status).toBe(200);
      t.record(
        `${label}: B progress seen`,
        page.text.includes('ความลับของหน่วยงานบี') || page.text.includes(bRow.documentId),
      );
      const roll = await as('editorA')(api().get('/integrity/progress?fiscalYear=2569'));
      t.record(
        `${label}: roll-up`,
        roll.text.includes('ความลับของหน่วยงานบี') || roll.status >= 500,
      );
    }
    // Restore A's plan with its original steps (keys) for what follows.
    const restore = await put('editorA', doc, { measures: [measure(stored)] });
    expect(restore.status).toBe(200);
    // A progress row of A naming B's key (on A's plan) cannot be made when A's plan lacks it.
    const before = await progressState();
    const res = await as('editorA')(api().post('/integrity/progress')).send({
      plan: doc,
      step: bKey,
      period: 'mar',
      status: 'done',
    });
    t.refused("A progress on B's key", res, (await progressState()) === before);
    t.done();
  });
});

// -------------------------------------------------------------------------------------------
// 3. generated reports, one at a time per unit, year and kind
// -------------------------------------------------------------------------------------------

describe('3. exclusive generation', () => {
  const post = (who, body) => as(who)(api().post('/integrity/documents')).send(body);
  const within = (p, ms, label) =>
    Promise.race([
      p,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${label}: hung`)), ms)),
    ]);

  test('concurrent requests with any casing and any writer make one draft; a failure releases the lock', async () => {
    const t = tally('3 exclusive');
    await createPlan(units.IDA, 2565, MEASURES(null));
    const reports = () =>
      strapi.db.query(REPORT).count({
        where: { kind: 'integrity_measures_6m', fiscalYear: 2565, unitRef: units.IDA.id },
      });
    const answers = await within(
      Promise.all([
        post('editorA', { unit: 'ida', fiscalYear: 2565, document: 'half' }),
        post('approverA', { unit: 'IDA', fiscalYear: 2565, document: 'half' }),
        post('editorA', { unit: 'Ida', fiscalYear: 2565, document: 'half' }),
        post('admin', { unit: 'iDA', fiscalYear: 2565, document: 'half' }),
      ]),
      120000,
      'four at once',
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    t.record('four at once: one draft', (await reports()) !== 1, String(await reports()));

    // Refused callers in the same burst change nothing and do not block the others.
    const burst = await within(
      Promise.all([
        post('editorB', { unit: 'ida', fiscalYear: 2565, document: 'half' }),
        post('monitor', { unit: 'IDA', fiscalYear: 2565, document: 'half' }),
        post('publisherA', { unit: 'IDA', fiscalYear: 2565, document: 'half' }),
        post('editorA', { unit: 'IDA', fiscalYear: 2565, document: 'half' }),
      ]),
      120000,
      'mixed burst',
    );
    t.record('editorB', burst[0].status !== 404, String(burst[0].status));
    t.record('monitor', burst[1].status !== 403, String(burst[1].status));
    t.record('publisher', burst[2].status !== 403, String(burst[2].status));
    expect(burst[3].status).toBe(200);
    expect(await reports()).toBe(1);

    // Failing generations inside the lock: no plan for the year (404), a plan with no measures.
    const noPlan = await within(
      Promise.all(
        [1, 2, 3].map(() => post('editorA', { unit: 'ida', fiscalYear: 2564, document: 'half' })),
      ),
      60000,
      'no plan',
    );
    for (const r of noPlan) t.record('no plan', r.status !== 404, String(r.status));
    await createPlan(units.IDA, 2564, []);
    const empty = await within(
      Promise.all([
        post('editorA', { unit: 'IDA', fiscalYear: 2564, document: 'plan' }),
        post('approverA', { unit: 'ida', fiscalYear: 2564, document: 'year' }),
      ]),
      60000,
      'empty plan',
    );
    for (const r of empty)
      t.record('empty plan', r.status >= 500, `${r.status} ${r.body?.error?.message}`);
    // A plan whose update fails in the middle (moved into the workflow): 409, then unlock.
    const locked = await createPlan(units.IDA, 2563, MEASURES(null));
    await systemSteps(strapi, PLAN, locked.documentId, ['submit']);
    const conflict = await within(
      post('editorA', { unit: 'IDA', fiscalYear: 2563, document: 'plan' }),
      60000,
      'conflict',
    );
    t.record('plan in workflow', conflict.status !== 409, String(conflict.status));
    // The following requests for the same keys answer (no hang).
    const after = await within(
      Promise.all([
        post('editorA', { unit: 'IDA', fiscalYear: 2565, document: 'half' }),
        post('editorA', { unit: 'IDA', fiscalYear: 2563, document: 'half' }),
        post('editorA', { unit: 'IDA', fiscalYear: 2564, document: 'half' }),
      ]),
      120000,
      'after failures',
    );
    expect(after[0].status).toBe(200);
    expect(after[1].status).toBeLessThan(300);
    expect(after[2].status).toBeLessThan(500);
    t.done();
  });

  test('statistics report: casing, other writers, refused callers; one draft', async () => {
    const t = tally('3b statistics report');
    const post2 = (who, unit) =>
      as(who)(api().post('/participation/statistics-report')).send({
        unit,
        fiscalYear: 2569,
        period: 'half',
      });
    const count = () =>
      strapi.db.query(REPORT).count({
        where: {
          unitRef: units.IDA.id,
          kind: { $notIn: ['integrity_measures_6m', 'integrity_measures_result'] },
        },
      });
    const before = await count();
    const answers = await within(
      Promise.all([
        post2('editorA', 'ida'),
        post2('approverA', 'IDA'),
        post2('admin', 'Ida'),
        post2('editorB', 'IDA'),
        post2('monitor', 'ida'),
      ]),
      120000,
      'statistics',
    );
    expect(
      answers
        .slice(0, 3)
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 200, 201]);
    t.record('editorB', answers[3].status !== 404, String(answers[3].status));
    t.record('monitor', answers[4].status !== 403, String(answers[4].status));
    t.record('one draft', (await count()) !== before + 1, String((await count()) - before));
    // A malformed one in between, then a good one answers.
    const bad = await post2('editorA', 'I D A');
    t.record('bad code', bad.status !== 400, String(bad.status));
    const ok = await within(post2('editorA', 'IDA'), 60000, 'after bad');
    expect(ok.status).toBe(200);
    t.done();
  });
});

// -------------------------------------------------------------------------------------------
// 4. answered questions → draft Q&A
// -------------------------------------------------------------------------------------------

describe('4. the draft Q&A of an answered question', () => {
  const unitRow = (u) => ({ id: u.id, code: u.code, nameTh: u.nameTh, nameEn: u.nameEn ?? null });
  const question = (unit, text) =>
    dist('participation/service').createQuestion(strapi, unitRow(unit), {
      question: text,
      name: 'นางสาวผู้ถาม ลับมาก',
      email: 'asker-secret@public.example.org',
      publishConsent: true,
    });
  const qaState = async () =>
    JSON.stringify(
      await strapi.db.query(QA).findMany({
        select: ['documentId', 'unitRef', 'publishedAt', 'workflowState', 'question', 'answer'],
        orderBy: { id: 'asc' },
      }),
    );
  const reqState = async (code) =>
    JSON.stringify(
      await strapi.db.query(REQUEST).findOne({
        where: { trackingCode: code },
        select: ['status', 'reply', 'qaDocumentId'],
      }),
    );

  test('0 of N put a Q&A in a unit the caller does not belong to, publish it, or name the asker', async () => {
    const t = tally('4 Q&A');
    const codeA = await question(units.IDA, 'หน่วยงานเอเปิดกี่โมง');
    const codeB = await question(units.IDB, 'หน่วยงานบีเปิดกี่โมง');
    const tries = [
      ['editorB answers A', 'editorB', codeA, 'reply'],
      ['editorB resolves A', 'editorB', codeA, 'resolve'],
      ['monitor answers A', 'monitor', codeA, 'reply'],
      ['monitor resolves B', 'monitor', codeB, 'resolve'],
      ['editorA answers B', 'editorA', codeB, 'reply'],
      ['editorA answers b (lower case)', 'editorA', codeB.toLowerCase(), 'reply'],
      ['editorA answers B with spaces', 'editorA', ` ${codeB} `, 'reply'],
      ['editorA answers B url-encoded', 'editorA', encodeURIComponent(`${codeB}\n`), 'reply'],
      ['publisherA answers B', 'publisherA', codeB, 'reply'],
      ['monitorEditor answers B', 'monitorEditor', codeB, 'reply'],
    ];
    for (const [label, who, code, action] of tries) {
      const qa = await qaState();
      const a = await reqState(codeA);
      const b = await reqState(codeB);
      const res = await as(who)(api().post(`/participation/requests/${code}/${action}`)).send({
        reply: 'คำตอบแทรก',
      });
      const same =
        (await qaState()) === qa && (await reqState(codeA)) === a && (await reqState(codeB)) === b;
      t.refused(label, res, same);
    }
    // Malformed bodies on the unit's own question: 4xx, nothing made.
    for (const [label, body] of [
      ['reply an object', { reply: { $ne: 1 } }],
      ['reply a list', { reply: ['x'] }],
      ['reply 20 000 chars', { reply: 'ก'.repeat(20000) }],
      ['reply + unit', { reply: 'x', unit: units.IDB.documentId }],
      ['reply + qaDocumentId', { reply: 'x', qaDocumentId: 'abc' }],
      ['reply empty', { reply: '   ' }],
    ]) {
      const qa = await qaState();
      const a = await reqState(codeA);
      const res = await as('editorA')(api().post(`/participation/requests/${codeA}/reply`)).send(
        body,
      );
      t.refused(label, res, (await qaState()) === qa && (await reqState(codeA)) === a);
    }
    // The real answer by A's central publisher: one draft in A, nothing of the asker.
    const ok = await as('publisherA')(api().post(`/participation/requests/${codeA}/reply`)).send({
      reply: 'เปิด 8.30 น. ติดต่อ asker?',
    });
    expect(ok.status).toBe(200);
    const qaId = ok.body.data.qa.documentId;
    const draft = await strapi.db
      .query(QA)
      .findOne({ where: { documentId: qaId }, populate: { unit: true } });
    t.record('draft in A', draft.unit.id !== units.IDA.id || draft.unitRef !== units.IDA.id);
    t.record(
      'draft unpublished',
      Boolean(draft.publishedAt) || (draft.workflowState ?? 'draft') !== 'draft',
    );
    t.record('no asker name/e-mail', /ผู้ถาม|asker-secret/.test(JSON.stringify(draft)));
    // Nobody but the workflow publishes it: the publisher's CM publish, B's editor, the monitor.
    for (const who of ['publisherA', 'approverA', 'editorA', 'editorB', 'monitor']) {
      const before = await qaState();
      const res = await as(who)(api().post(`${CM(QA)}/${qaId}/actions/publish`)).send({});
      t.refused(`${who} publishes the draft`, res, (await qaState()) === before);
    }
    for (const who of ['editorB', 'monitor']) {
      const before = await qaState();
      const res = await as(who)(api().put(`${CM(QA)}/${qaId}`)).send({ answer: 'แก้โดยคนนอก' });
      t.refused(`${who} edits the draft`, res, (await qaState()) === before);
      const moved = await as('editorA')(api().put(`${CM(QA)}/${qaId}`)).send({
        unit: units.IDB.documentId,
      });
      t.refused('editorA moves it to B', moved, (await qaState()) === before);
    }
    expect((await api().get(`/api/qas/${qaId}`)).status).toBe(404);
    // Answering again, resolving: still one draft.
    await as('editorA')(api().post(`/participation/requests/${codeA}/resolve`)).send({
      reply: 'อีกครั้ง',
    });
    t.record(
      'one draft per question',
      (await strapi.db.query(QA).count({ where: { unitRef: units.IDA.id } })) !== 1,
    );
    t.record(
      'none in B',
      (await strapi.db.query(QA).count({ where: { unitRef: units.IDB.id } })) !== 0,
    );
    t.done();
  });
});

// -------------------------------------------------------------------------------------------
// 5. ita-scores:import
// -------------------------------------------------------------------------------------------

describe('5. ita-scores:import with malformed files', () => {
  const cli = (file) =>
    spawnSync(
      process.execPath,
      [path.join(appDir, 'src', 'cli', 'bin.js'), 'ita-scores:import', file],
      {
        cwd: TMP,
        env: { ...process.env, INIT_CWD: TMP, PRONGSAI_SKIP_COMPILE: '1', LOG_LEVEL: 'error' },
        encoding: 'utf8',
        timeout: 240000,
      },
    );
  const scores = async () =>
    JSON.stringify(
      await strapi.db.query(SCORE).findMany({ select: ['id', 'score'], orderBy: { id: 'asc' } }),
    );

  const xlsx = async (name, rows, patch) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (const r of rows) ws.addRow(r);
    if (patch) patch(ws);
    const file = path.join(TMP, name);
    await wb.xlsx.writeFile(file);
    return file;
  };

  test('every malformed file exits non-zero naming row and column, and writes nothing', async () => {
    const t = tally('5 scores import');
    const head = 'unit,fiscalYear,indicator,score\n';
    const csv = (name, text) => {
      const file = path.join(TMP, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const cases = [
      // One run with many row problems (each must be named).
      [
        'many.csv',
        csv(
          'many.csv',
          `${head}IDA,2568,1,90\nida,2568,2,1e2\nIDA,2568,3,Infinity\nIDA,2568.5,4,50\nIDA,2568,5,-0\nNOPE,2568,6,50\nIDA,2568,7,NaN\nIDA,2568,8,100.0001\n"IDA",2568,9,"5 0"\nIDA,2568,1,80\n`,
        ),
        [
          /row 3 column score/,
          /row 4 column score/,
          /row 5 column fiscalYear/,
          /row 6 column score/,
          /row 7 column unit: unit NOPE does not exist/,
          /row 8 column score/,
          /row 9 column score/,
          /row 11 column indicator: duplicates row 2/,
        ],
      ],
      ['header only', csv('header.csv', head), [/row 2 column/]],
      ['empty', csv('empty.csv', ''), [/row 1 column/]],
      [
        'no score column',
        csv('noscore.csv', 'unit,fiscalYear,indicator\nIDA,2568,1\n'),
        [/row 1 column คะแนน/],
      ],
      ['unbalanced quote', csv('quote.csv', `${head}IDA,2568,"1,90\n`), [/./]],
      [
        'xlsx: error, date and formula cells',
        null,
        [/row 2 column score/, /row 3 column fiscalYear/, /row 4 column score/],
      ],
      ['garbage xlsx', csv('garbage.xlsx', 'not a zip at all'), [/cannot read|อ่านไฟล์ไม่ได้/]],
    ];
    cases[5][1] = await xlsx(
      'cells.xlsx',
      [
        ['unit', 'fiscalYear', 'indicator', 'score'],
        ['IDA', 2568, '1', 1],
        ['IDA', 2568, '2', 50],
        ['IDA', 2568, '3', 1],
      ],
      (ws) => {
        ws.getCell('D2').value = { error: '#DIV/0!' };
        ws.getCell('B3').value = new Date('2025-01-01');
        ws.getCell('D4').value = { formula: 'A1*2' };
      },
    );
    for (const [label, file, expected] of cases) {
      const before = await scores();
      const r = cli(file);
      const named = expected.every((re) => re.test(r.stderr));
      const bad = r.status === 0 || r.status === null || !named || (await scores()) !== before;
      t.record(label, bad, `exit ${r.status}; ${r.stderr.slice(0, 400)}`);
      if (/TypeError|ReferenceError|at .*\.js:\d+/.test(r.stderr))
        t.record(`${label}: stack trace`, true, r.stderr.slice(0, 400));
    }
    t.done();
  });
});
