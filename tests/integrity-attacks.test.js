/**
 * Attacks on the integrity-measures data (issue 14): the public API probing work groups and
 * measures, another unit's files as progress evidence, another unit's work groups in a plan's
 * measures through every relation syntax, malformed bodies on the admin routes. Every refusal
 * asserts a 4xx AND the data unchanged, and counts "0 of N attempts succeeded".
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken, systemSteps } = require('./helpers/factories');

const PLAN = 'api::plan.plan';
const PROGRESS = 'api::integrity-progress.integrity-progress';
const WG = 'api::work-group.work-group';
const FILE = 'plugin::upload.file';
const PASSWORD = 'Test1234!';
const SECRET_EMAIL = 'secret-chair@attack.example.org';
const SECRET_NAME = 'ประธานลับเฉพาะ';

let strapi;
const tokens = {};
const units = {};
const groups = {};
const plans = {};
const files = {};

const api = () => request(strapi.server.httpServer);
const as = (who) => (req) => req.set('Authorization', `Bearer ${tokens[who]}`);
const CM = (uid) => `/content-manager/collection-types/${uid}`;

const planState = async (documentId) =>
  JSON.stringify(
    (
      await strapi.db.query(PLAN).findMany({
        where: { documentId },
        orderBy: { id: 'asc' },
        select: ['publishedAt', 'kind'],
        populate: {
          unit: { select: ['id'] },
          measures: {
            select: ['issue', 'measure'],
            populate: {
              workGroup: { select: ['id'] },
              steps: { select: ['key', 'text'], populate: { workGroup: { select: ['id'] } } },
            },
          },
        },
      })
    ).map((r) => ({
      publishedAt: r.publishedAt,
      kind: r.kind,
      unit: r.unit?.id ?? null,
      measures: (r.measures ?? []).map((m) => ({
        issue: m.issue,
        measure: m.measure,
        workGroup: m.workGroup?.id ?? null,
        steps: (m.steps ?? []).map((x) => ({
          key: x.key,
          text: x.text,
          workGroup: x.workGroup?.id ?? null,
        })),
      })),
    })),
  );
const progressState = async () =>
  JSON.stringify(
    await strapi.db.query(PROGRESS).findMany({
      select: ['documentId', 'planDocumentId', 'stepKey', 'period', 'unitRef', 'percent'],
      populate: { evidence: { select: ['id'] } },
      orderBy: { id: 'asc' },
    }),
  );

const makeFile = async (unit, name) => {
  const { unitFolderOf } = require(`${appDir}/dist/src/units/media`);
  const folderId = await unitFolderOf(strapi, unit.id);
  const folder = await strapi.db
    .query('plugin::upload.folder')
    .findOne({ where: { id: folderId } });
  return strapi.db.query(FILE).create({
    data: {
      name,
      hash: `${name.replace(/\W/g, '_')}_${Date.now()}`,
      ext: '.pdf',
      mime: 'application/pdf',
      size: 4,
      url: `/uploads/${name}`,
      provider: 'local',
      folder: folderId,
      folderPath: folder.path,
    },
  });
};

const createPlan = (unit, workGroup, extra = {}) =>
  strapi.documents(PLAN).create({
    data: {
      title: `แผนมาตรการ ${unit.code}`,
      kind: 'integrity_measures',
      fiscalYear: 2569,
      unit: unit.documentId,
      progressCadence: 'half_year',
      measures: [
        {
          issue: 'การเปิดเผยข้อมูล',
          measure: 'เผยแพร่ข้อมูล',
          startMonth: 'oct',
          endMonth: 'sep',
          workGroup: workGroup.documentId,
          steps: [{ text: 'แต่งตั้งคณะทำงาน', workGroup: workGroup.documentId }],
        },
      ],
      ...extra,
    },
    populate: { measures: { populate: { steps: true } } },
  });

beforeAll(async () => {
  strapi = await setupStrapi({ COMPLIANCE_SCHEDULER: 'false' });
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  units.ENG = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  units.SCI = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  for (const [who, unit] of [
    ['editorEng', 'ENG'],
    ['editorSci', 'SCI'],
  ]) {
    const email = `${who.toLowerCase()}@attack.example.org`;
    await provisioning.upsertUserMembership(strapi, {
      email,
      password: PASSWORD,
      firstname: who,
      unit,
      role: 'editor',
    });
    tokens[who] = await adminToken(request, strapi, { email, password: PASSWORD });
  }
  tokens.admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  for (const code of ['ENG', 'SCI'])
    groups[code] = await strapi.documents(WG).create({
      data: {
        name: `คณะทำงาน ${code}`,
        unit: units[code].documentId,
        members: [{ name: SECRET_NAME, role: 'chair', email: SECRET_EMAIL }],
      },
    });
  plans.ENG = await createPlan(units.ENG, groups.ENG);
  plans.SCI = await createPlan(units.SCI, groups.SCI);
  await systemSteps(strapi, PLAN, plans.ENG.documentId, ['submit', 'approve', 'publish']);
  files.ENG = await makeFile(units.ENG, 'eng-evidence.pdf');
  files.SCI = await makeFile(units.SCI, 'sci-secret.pdf');
}, 300000);

afterAll(async () => {
  await teardownStrapi(strapi);
});

describe('the public API', () => {
  test('reads no work group, member e-mail or name and never answers 500', async () => {
    const published = await api().get('/api/plans?populate=*');
    expect(published.status).toBe(200);
    expect(published.body.data.some((p) => p.documentId === plans.ENG.documentId)).toBe(true);
    const probes = [
      '/api/plans?populate=*',
      '/api/plans?populate[measures][populate]=*',
      '/api/plans?populate[measures][populate][workGroup][populate]=*',
      '/api/plans?populate[measures][populate][steps][populate]=*',
      '/api/plans?populate[measures][populate][steps][populate][workGroup][populate][members]=*',
      '/api/plans?populate=measures.workGroup.members',
      '/api/plans?status=draft&populate=*',
      `/api/plans/${plans.SCI.documentId}?populate=*`,
      `/api/plans?filters[measures][workGroup][members][email][$contains]=secret`,
      `/api/plans?filters[measures][steps][workGroup][name][$contains]=ENG`,
      `/api/plans?filters[measures][workGroup][id][$eq]=${groups.ENG.id}`,
      `/api/plans?filters[measures][issue][$contains]=เปิดเผย`,
      '/api/work-groups',
      '/api/integrity-progresses',
      '/api/ita-scores',
    ];
    const leaks = [];
    for (const path of probes) {
      const res = await api().get(path);
      const body = JSON.stringify(res.body);
      if (res.status >= 500) leaks.push(`${path}: ${res.status}`);
      if (body.includes(SECRET_EMAIL) || body.includes(SECRET_NAME)) leaks.push(`${path}: member`);
      if (body.includes('คณะทำงาน ENG') || body.includes('คณะทำงาน SCI'))
        leaks.push(`${path}: work group`);
      if (body.includes(plans.SCI.documentId)) leaks.push(`${path}: draft plan`);
    }
    // A filter on the work group must not be an oracle: matching and non-matching answer alike.
    const count = async (q) => {
      const res = await api().get(`/api/plans?${q}`);
      return `${res.status}:${res.status === 200 ? res.body.data.length : ''}`;
    };
    const yes = await count('filters[measures][workGroup][members][email][$startsWith]=secret');
    const no = await count('filters[measures][workGroup][members][email][$startsWith]=zzz');
    if (yes !== no) leaks.push(`member e-mail oracle: ${yes} vs ${no}`);
    const yes2 = await count('filters[measures][steps][workGroup][name][$startsWith]=คณะ');
    const no2 = await count('filters[measures][steps][workGroup][name][$startsWith]=zzz');
    if (yes2 !== no2) leaks.push(`work-group name oracle: ${yes2} vs ${no2}`);
    expect(leaks).toEqual([]);
  });
});

describe("reads by another unit's editor", () => {
  test("ENG's editor reads nothing of SCI's (admin routes, pickers, Content Manager), never a 500", async () => {
    const sciSecrets = [
      'คณะทำงาน SCI',
      'คณะวิทยาศาสตร์',
      plans.SCI.documentId,
      groups.SCI.documentId,
      'sci-secret.pdf',
    ];
    const paths = [
      '/integrity/plan?unit=SCI&fiscalYear=2569',
      '/integrity/plan?unit[]=SCI&fiscalYear=2569',
      '/integrity/plan?unit[]=ENG&unit[]=SCI&fiscalYear=2569',
      '/integrity/plan?unit[$ne]=x&fiscalYear=2569',
      `/integrity/plan?unit=${units.SCI.documentId}&fiscalYear=2569`,
      '/integrity/progress?fiscalYear=2569',
      '/integrity/progress?fiscalYear=2569&unit=ENG,SCI',
      '/integrity/progress?fiscalYear=2569&unit[]=SCI',
      '/integrity/progress?fiscalYear=2569&unit=SCI&format=csv',
      '/integrity/scores?unit=SCI&fiscalYear=2568',
      '/integrity/scores?unit[$in][]=SCI&fiscalYear=2568',
      '/compliance/integrity?fiscalYear=2569',
      '/compliance/integrity?fiscalYear=2569&unit=SCI',
      `${CM(WG)}?pageSize=100`,
      `${CM(WG)}/${groups.SCI.documentId}`,
      `${CM(PLAN)}/${plans.SCI.documentId}`,
      `${CM(PROGRESS)}?pageSize=100`,
      '/content-manager/relations/integrity.measure/workGroup',
      '/content-manager/relations/integrity.step/workGroup',
      `/content-manager/relations/${PLAN}/measures`,
      `${CM(WG)}?filters[unit][code][$eq]=SCI`,
      `${CM(PLAN)}?filters[measures][workGroup][name][$contains]=SCI`,
    ];
    const leaks = [];
    for (const path of paths) {
      const res = await as('editorEng')(api().get(path));
      const body = typeof res.text === 'string' ? res.text : JSON.stringify(res.body);
      if (res.status >= 500) leaks.push(`${path}: ${res.status}`);
      for (const secret of sciSecrets)
        if (body.includes(secret)) leaks.push(`${path}: ${secret} (${res.status})`);
    }
    expect(leaks).toEqual([]);
    // Controls: the same probes see SCI's data when the caller may read it.
    const control = await as('admin')(api().get('/integrity/plan?unit=SCI&fiscalYear=2569'));
    expect(control.status).toBe(200);
    expect(JSON.stringify(control.body)).toContain(plans.SCI.documentId);
    const picker = await as('admin')(
      api().get('/content-manager/relations/integrity.measure/workGroup'),
    );
    expect(picker.status).toBeLessThan(500);
    const own = await as('editorEng')(api().get(`${CM(WG)}?pageSize=100`));
    expect(own.status).toBe(200);
    expect(own.text).toContain('คณะทำงาน ENG');
  });
});

describe("another unit's file as progress evidence", () => {
  test("0 of N attempts attach SCI's file to an ENG progress row", async () => {
    const step = plans.ENG.measures[0].steps[0].key;
    const before = await progressState();
    const attempts = [
      () =>
        as('editorEng')(api().post('/integrity/progress')).send({
          plan: plans.ENG.documentId,
          step,
          period: 'mar',
          status: 'in_progress',
          percent: 10,
          evidence: [files.SCI.id],
        }),
      () =>
        as('editorEng')(api().post(CM(PROGRESS))).send({
          unit: units.ENG.documentId,
          planDocumentId: plans.ENG.documentId,
          stepKey: step,
          period: 'mar',
          progressStatus: 'in_progress',
          percent: 10,
          evidence: [files.SCI.id],
        }),
    ];
    const succeeded = [];
    for (const [i, attempt] of attempts.entries()) {
      const res = await attempt();
      if (res.status < 400 || res.status >= 500) succeeded.push(`${i}: ${res.status}`);
      else expect(res.body.error.message).toMatch(/ไฟล์|upload.file/);
    }
    expect(`${succeeded.length} of ${attempts.length} attempts succeeded`).toBe(
      `0 of ${attempts.length} attempts succeeded`,
    );
    expect(await progressState()).toBe(before);

    // On an existing row too (update), and the unit's own file still works.
    const own = await as('editorEng')(api().post('/integrity/progress')).send({
      plan: plans.ENG.documentId,
      step,
      period: 'mar',
      status: 'in_progress',
      percent: 10,
      evidence: [files.ENG.id],
    });
    expect(own.status).toBeLessThan(300);
    const row = await strapi.db.query(PROGRESS).findOne({
      where: { planDocumentId: plans.ENG.documentId, stepKey: step, period: 'mar' },
    });
    const mid = await progressState();
    const updates = [
      () =>
        as('editorEng')(api().post('/integrity/progress')).send({
          plan: plans.ENG.documentId,
          step,
          period: 'mar',
          status: 'in_progress',
          percent: 20,
          evidence: [files.ENG.id, files.SCI.id],
        }),
      () =>
        as('editorEng')(api().put(`${CM(PROGRESS)}/${row.documentId}`)).send({
          evidence: [files.ENG.id, files.SCI.id],
        }),
      () =>
        as('editorEng')(api().put(`${CM(PROGRESS)}/${row.documentId}`)).send({
          evidence: [{ id: files.SCI.id }],
        }),
    ];
    const ok = [];
    for (const [i, attempt] of updates.entries()) {
      const res = await attempt();
      if (res.status < 400 || res.status >= 500) ok.push(`${i}: ${res.status}`);
    }
    expect(`${ok.length} of ${updates.length} attempts succeeded`).toBe(
      `0 of ${updates.length} attempts succeeded`,
    );
    expect(await progressState()).toBe(mid);
  });

  test("a progress row of SCI's plan cannot be made in ENG (nor ENG's with SCI's plan)", async () => {
    const before = await progressState();
    const sciStep = plans.SCI.measures[0].steps[0].key;
    const attempts = [
      as('editorEng')(api().post(CM(PROGRESS))).send({
        unit: units.ENG.documentId,
        planDocumentId: plans.SCI.documentId,
        stepKey: sciStep,
        period: 'mar',
        progressStatus: 'done',
      }),
      as('editorEng')(api().post('/integrity/progress')).send({
        plan: plans.SCI.documentId,
        step: sciStep,
        period: 'mar',
        status: 'done',
      }),
    ];
    const statuses = [];
    for (const a of attempts) statuses.push((await a).status);
    expect(statuses.filter((s) => s < 400 || s >= 500)).toEqual([]);
    expect(await progressState()).toBe(before);
  });
});

describe("another unit's work group in a plan's measures (Content Manager)", () => {
  test("0 of N relation syntaxes connect SCI's group to ENG's plan", async () => {
    const g = groups.SCI;
    const variants = [
      g.documentId,
      g.id,
      String(g.id),
      `${g.id}abc`,
      { id: g.id },
      { documentId: g.documentId },
      [{ documentId: g.documentId }],
      [g.id],
      { connect: [{ documentId: g.documentId }] },
      { connect: [{ id: g.id }] },
      { connect: [g.documentId] },
      { connect: [g.id] },
      { connect: { documentId: g.documentId } },
      { set: [{ documentId: g.documentId }] },
      { set: [{ id: g.id }] },
      { set: g.documentId },
      { connect: [{ documentId: groups.ENG.documentId }, { documentId: g.documentId }] },
      { disconnect: [], connect: [{ documentId: g.documentId, position: { end: true } }] },
    ];
    const before = await planState(plans.ENG.documentId);
    const stored = await strapi.documents(PLAN).findOne({
      documentId: plans.ENG.documentId,
      populate: { measures: { populate: { steps: true } } },
    });
    const succeeded = [];
    for (const [i, v] of variants.entries()) {
      for (const where of ['measure', 'step']) {
        const measure = {
          issue: stored.measures[0].issue,
          measure: stored.measures[0].measure,
          startMonth: 'oct',
          endMonth: 'sep',
          ...(where === 'measure' ? { workGroup: v } : {}),
          steps: [
            {
              key: stored.measures[0].steps[0].key,
              text: 'แต่งตั้งคณะทำงาน',
              ...(where === 'step' ? { workGroup: v } : {}),
            },
          ],
        };
        const res = await as('editorEng')(api().put(`${CM(PLAN)}/${plans.ENG.documentId}`)).send({
          measures: [measure],
        });
        const after = await planState(plans.ENG.documentId);
        if (res.status < 400 || res.status >= 500 || after.includes(`"workGroup":${g.id}`))
          succeeded.push(`${i} ${where} ${JSON.stringify(v)}: ${res.status}`);
      }
    }
    expect(succeeded).toEqual([]);
    expect(`${succeeded.length} of ${variants.length * 2} attempts succeeded`).toBe(
      `0 of ${variants.length * 2} attempts succeeded`,
    );
    expect(await planState(plans.ENG.documentId)).toBe(before);
  });
});

describe('a work group in use', () => {
  test("0 of N moves take ENG's group (named by ENG's plan) to SCI; an unused group moves", async () => {
    const unitOf = async (documentId) =>
      JSON.stringify(
        await strapi.db.query(WG).findMany({
          where: { documentId },
          select: ['id', 'unitRef'],
          populate: { unit: { select: ['id'] } },
        }),
      );
    const before = await unitOf(groups.ENG.documentId);
    const plan = await planState(plans.ENG.documentId);
    const sci = units.SCI;
    const attempts = [
      () =>
        as('admin')(api().put(`${CM(WG)}/${groups.ENG.documentId}`)).send({ unit: sci.documentId }),
      () =>
        as('admin')(api().put(`${CM(WG)}/${groups.ENG.documentId}`)).send({
          unit: { connect: [{ documentId: sci.documentId }] },
        }),
      () =>
        as('admin')(api().put(`${CM(WG)}/${groups.ENG.documentId}`)).send({
          unit: { set: [{ id: sci.id }] },
        }),
      () =>
        strapi
          .documents(WG)
          .update({ documentId: groups.ENG.documentId, data: { unit: sci.id } })
          .then(
            () => ({ status: 200 }),
            (e) => ({ status: e.status ?? 400 }),
          ),
    ];
    const moved = [];
    for (const [i, attempt] of attempts.entries()) {
      const res = await attempt();
      if (res.status < 400 || res.status >= 500 || (await unitOf(groups.ENG.documentId)) !== before)
        moved.push(`${i}: ${res.status}`);
    }
    expect(`${moved.length} of ${attempts.length} attempts succeeded`).toBe(
      `0 of ${attempts.length} attempts succeeded`,
    );
    expect(await unitOf(groups.ENG.documentId)).toBe(before);
    expect(await planState(plans.ENG.documentId)).toBe(plan);

    const spare = await strapi.documents(WG).create({
      data: { name: 'คณะทำงานสำรอง', unit: units.ENG.documentId },
    });
    const ok = await as('admin')(api().put(`${CM(WG)}/${spare.documentId}`)).send({
      unit: sci.documentId,
    });
    expect(ok.status).toBe(200);
    const row = await strapi.db
      .query(WG)
      .findOne({ where: { documentId: spare.documentId }, populate: { unit: true } });
    expect(row.unit.id).toBe(sci.id);
    // Renaming a group in use (no move) still works.
    const rename = await as('admin')(api().put(`${CM(WG)}/${groups.ENG.documentId}`)).send({
      name: 'คณะทำงาน ENG',
      unit: units.ENG.documentId,
    });
    expect(rename.status).toBe(200);
  });
});

describe('an approved, published plan', () => {
  test("an editor's change of its measures is a draft: 0 of N paths publish it unapproved", async () => {
    const publicIssues = async () => {
      const res = await api().get(
        `/api/plans/${plans.ENG.documentId}?populate[measures][populate][steps]=true`,
      );
      expect(res.status).toBe(200);
      return JSON.stringify(
        res.body.data.measures.map((m) => [m.issue, m.steps.map((x) => x.text)]),
      );
    };
    const before = await publicIssues();
    expect(before).toContain('การเปิดเผยข้อมูล');
    const stored = await strapi.documents(PLAN).findOne({
      documentId: plans.ENG.documentId,
      populate: { measures: { populate: { steps: true } } },
    });
    const changed = {
      measures: [
        {
          issue: 'ประเด็นที่ยังไม่อนุมัติ',
          measure: stored.measures[0].measure,
          startMonth: 'oct',
          endMonth: 'sep',
          steps: [{ key: stored.measures[0].steps[0].key, text: 'ขั้นตอนที่ยังไม่อนุมัติ' }],
        },
      ],
    };
    const edit = await as('editorEng')(api().put(`${CM(PLAN)}/${plans.ENG.documentId}`)).send(
      changed,
    );
    expect(edit.status).toBe(200);
    const attempts = [
      () =>
        as('editorEng')(api().post(`${CM(PLAN)}/${plans.ENG.documentId}/actions/publish`)).send({}),
      () =>
        as('editorEng')(api().post(`${CM(PLAN)}/${plans.ENG.documentId}/actions/publish`)).send(
          changed,
        ),
      () =>
        as('editorEng')(api().post(`${CM(PLAN)}/actions/bulkPublish`)).send({
          documentIds: [plans.ENG.documentId],
        }),
      () =>
        strapi
          .documents(PLAN)
          .update({ documentId: plans.ENG.documentId, data: changed, status: 'published' })
          .then(
            () => ({ status: 200 }),
            (e) => ({ status: e.status ?? 400 }),
          ),
      () =>
        strapi
          .documents(PLAN)
          .publish({ documentId: plans.ENG.documentId })
          .then(
            () => ({ status: 200 }),
            (e) => ({ status: e.status ?? 400 }),
          ),
    ];
    const through = [];
    for (const [i, attempt] of attempts.entries()) {
      const res = await attempt();
      if ((await publicIssues()) !== before) through.push(`${i}: ${res.status}`);
    }
    expect(`${through.length} of ${attempts.length} attempts succeeded`).toBe(
      `0 of ${attempts.length} attempts succeeded`,
    );
    expect(await publicIssues()).toBe(before);
  });
});

describe('step keys', () => {
  test('a step sent with its id but without its key keeps its key, and its progress', async () => {
    const plan = await createPlan(units.ENG, groups.ENG, { fiscalYear: 2570 });
    const step = plan.measures[0].steps[0];
    const made = await as('editorEng')(api().post('/integrity/progress')).send({
      plan: plan.documentId,
      step: step.key,
      period: 'mar',
      status: 'in_progress',
      percent: 40,
    });
    expect(made.status).toBeLessThan(300);
    const m = plan.measures[0];
    const writes = [
      // Document Service (scripts, the CLI) and the Content Manager, each omitting the key.
      () =>
        strapi.documents(PLAN).update({
          documentId: plan.documentId,
          data: {
            measures: [
              {
                id: m.id,
                issue: m.issue,
                measure: m.measure,
                steps: [{ id: step.id, text: 'แต่งตั้งคณะทำงาน (แก้ไข)' }],
              },
            ],
          },
        }),
      async () => {
        const current = await strapi.documents(PLAN).findOne({
          documentId: plan.documentId,
          populate: { measures: { populate: { steps: true } } },
        });
        const cm = current.measures[0];
        return as('editorEng')(api().put(`${CM(PLAN)}/${plan.documentId}`)).send({
          measures: [
            {
              id: cm.id,
              issue: cm.issue,
              measure: cm.measure,
              steps: [{ id: cm.steps[0].id, text: 'แต่งตั้งคณะทำงาน (แก้ไขอีกครั้ง)' }],
            },
          ],
        });
      },
    ];
    const lost = [];
    for (const [i, write] of writes.entries()) {
      await write();
      const now = await strapi.documents(PLAN).findOne({
        documentId: plan.documentId,
        populate: { measures: { populate: { steps: true } } },
      });
      const keys = now.measures.flatMap((x) => x.steps.map((y) => y.key));
      if (!keys.includes(step.key)) lost.push(`${i}: ${JSON.stringify(keys)}`);
    }
    expect(lost).toEqual([]);
    const shown = await as('editorEng')(api().get(`/integrity/plan?unit=ENG&fiscalYear=2570`));
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).toContain('"percent":40');
  });
});

describe('step keys on a clone', () => {
  test('a clone with repeated or malformed step keys gets distinct, valid keys', async () => {
    const source = await createPlan(units.ENG, groups.ENG, { fiscalYear: 2572 });
    const result = await strapi.documents(PLAN).clone({
      documentId: source.documentId,
      data: {
        title: 'สำเนาแผน',
        fiscalYear: 2573,
        measures: [
          {
            issue: 'ประเด็น',
            measure: 'มาตรการ',
            startMonth: 'oct',
            endMonth: 'sep',
            steps: [
              { text: 'หนึ่ง', key: 'dupkey01' },
              { text: 'สอง', key: 'dupkey01' },
              { text: 'สาม', key: 'NOT A KEY!' },
            ],
          },
        ],
      },
    });
    const documentId = result.documentId ?? result.entries?.[0]?.documentId;
    const clone = await strapi.documents(PLAN).findOne({
      documentId,
      populate: { measures: { populate: { steps: true } } },
    });
    const keys = clone.measures[0].steps.map((x) => x.key);
    expect(new Set(keys).size).toBe(3);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]{6,40}$/);
  });
});

describe('step keys across plans', () => {
  test("a step key copied from SCI's plan gives ENG nothing of SCI's progress", async () => {
    const sciKey = plans.SCI.measures[0].steps[0].key;
    const sciRow = await as('admin')(api().post('/integrity/progress')).send({
      plan: plans.SCI.documentId,
      step: sciKey,
      period: 'sep',
      status: 'in_progress',
      percent: 77,
      problems: 'ปัญหาลับของ SCI',
    });
    expect(sciRow.status).toBeLessThan(300);
    const before = await progressState();
    const plan = await createPlan(units.ENG, groups.ENG, { fiscalYear: 2571 });
    const m = plan.measures[0];
    const res = await as('editorEng')(api().put(`${CM(PLAN)}/${plan.documentId}`)).send({
      measures: [
        {
          id: m.id,
          issue: m.issue,
          measure: m.measure,
          steps: [{ id: m.steps[0].id, key: sciKey, text: 'ขั้นตอนเดียวกับ SCI' }],
        },
      ],
    });
    expect(res.status).toBe(200);
    const shown = await as('editorEng')(api().get('/integrity/plan?unit=ENG&fiscalYear=2571'));
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).not.toContain('ปัญหาลับของ SCI');
    expect(JSON.stringify(shown.body)).not.toContain('"percent":77');
    // Reporting on the copied key writes ENG's own row; SCI's row is untouched.
    const mine = await as('editorEng')(api().post('/integrity/progress')).send({
      plan: plan.documentId,
      step: sciKey,
      period: 'sep',
      status: 'done',
    });
    expect(mine.status).toBeLessThan(300);
    const sci = await strapi.db.query(PROGRESS).findOne({
      where: { planDocumentId: plans.SCI.documentId, stepKey: sciKey, period: 'sep' },
    });
    expect([sci.percent, sci.progressStatus, sci.problems]).toEqual([
      77,
      'in_progress',
      'ปัญหาลับของ SCI',
    ]);
    expect(JSON.parse(await progressState()).length).toBe(JSON.parse(before).length + 1);
  });
});

describe('malformed bodies on the admin routes', () => {
  test('POST /integrity/documents and /integrity/plan/from-scores: 4xx, never 500, nothing made', async () => {
    const count = async () =>
      `${await strapi.db.query(PLAN).count()}:${await strapi.db.query(FILE).count()}`;
    const before = await count();
    const bodies = [
      [],
      [{ unit: 'ENG' }],
      'x',
      { unit: ['ENG'], fiscalYear: 2569, document: 'plan' },
      { unit: { code: 'ENG' }, fiscalYear: 2569, document: 'plan' },
      { unit: 'ENG', fiscalYear: '2569abc', document: 'plan' },
      { unit: 'ENG', fiscalYear: [2569], document: 'plan' },
      { unit: 'ENG', fiscalYear: { $gt: 1 }, document: 'plan' },
      { unit: 'ENG', fiscalYear: 2569, document: ['plan'] },
      { unit: 'ENG', fiscalYear: 2569, document: { x: 1 } },
      { unit: 'x'.repeat(100000), fiscalYear: 2569, document: 'plan' },
      { unit: 'ENG', fiscalYear: 1e308, document: 'plan' },
      { unit: 'ENG', fiscalYear: -1, document: 'half' },
      { unit: null, fiscalYear: null, document: null },
      { unit: 'SCI', fiscalYear: 2569, document: 'plan' },
      { unit: units.SCI.documentId, fiscalYear: 2569, document: 'year' },
      { unit: units.SCI.id, fiscalYear: 2569, document: 'half' },
    ];
    const bad = [];
    for (const route of ['/integrity/documents', '/integrity/plan/from-scores'])
      for (const body of bodies) {
        const res = await as('editorEng')(api().post(route)).send(body);
        if (res.status < 400 || res.status >= 500)
          bad.push(`${route} ${JSON.stringify(body).slice(0, 60)}: ${res.status}`);
      }
    expect(bad).toEqual([]);
    expect(await count()).toBe(before);
  });
});
