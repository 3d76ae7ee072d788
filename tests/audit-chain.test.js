/**
 * The keyed audit chain and its witnesses: every event's hash is an HMAC under a key from the
 * environment; each committed head is appended to a witness file; the monthly report records the
 * head. Attacks made straight in the database (raw SQL, no lifecycles) — a cut end, all events
 * deleted, a forged append, an edit re-sealed with a guessed key, a chain rewritten as legacy —
 * are each reported at their first bad point, by verifyChain and by `npm run audit:verify`.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pdfText } = require('./helpers/pdf-text');
const ExcelJS = require('exceljs');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, systemSteps } = require('./helpers/factories');

const UID = 'api::news.news';
const K1 = `k1:${require('crypto').randomBytes(24).toString('hex')}`;
const K2 = `k2:${require('crypto').randomBytes(24).toString('hex')}`;
const secretOf = (k) => k.slice(3);
let strapi;
let audit;
let unit;
let knex;
let witness;

const system = (documentId, action, comment) =>
  systemSteps(strapi, UID, documentId, [action], comment);

const newsThrough = async (actions) => {
  const doc = await strapi
    .documents(UID)
    .create({ data: { title: `ข่าว ${Math.random()}`, unit: unit.documentId } });
  for (const a of actions) await system(doc.documentId, a);
  return doc.documentId;
};

const rows = () => knex('workflow_events').select('*').orderBy('id', 'asc');
const witnessLines = () =>
  fs
    .readFileSync(witness, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
/** Verification against the configured witness only (no report heads) unless told otherwise. */
const verify = (options = {}) => audit.verifyChain(strapi, { reports: false, ...options });

/** The database's events and the witness file, to put back after an attack. */
const save = async () => ({ rows: await rows(), witness: fs.readFileSync(witness, 'utf8') });
const restore = async (saved) => {
  await knex('workflow_events').delete();
  for (const r of saved.rows) await knex('workflow_events').insert(r);
  fs.writeFileSync(witness, saved.witness);
  expect(await verify()).toMatchObject({ ok: true });
};

/** The event fields as the hash functions take them, from a raw row. */
const fields = (r) => ({
  contentType: r.content_type,
  entryDocumentId: r.entry_document_id,
  locale: r.locale ?? null,
  action: r.action,
  fromState: r.from_state ?? null,
  toState: r.to_state,
  actorId: r.actor_id == null ? null : Number(r.actor_id),
  actorEmail: r.actor_email ?? null,
  actorRole: r.actor_role ?? null,
  unitId: r.unit_id == null ? null : Number(r.unit_id),
  comment: r.comment ?? null,
  contentHash: r.content_hash ?? null,
  at: typeof r.at === 'number' ? new Date(r.at) : r.at,
});

/** A raw row like `r` but a new event (no id, new document id). */
const forgedFrom = (r, changes) => {
  const rest = { ...r };
  delete rest.id;
  return { ...rest, document_id: `forged${Math.random().toString(36).slice(2, 12)}`, ...changes };
};

beforeAll(async () => {
  strapi = await setupStrapi({ AUDIT_HMAC_KEYS: K1, COMPLIANCE_SCHEDULER: 'false' });
  audit = require(`${appDir}/dist/src/workflow/audit`);
  knex = strapi.db.connection;
  witness = process.env.AUDIT_WITNESS_FILE;
  unit = await createUnit(strapi, { code: 'AUD', nameTh: 'หน่วยตรวจสอบ' });
  await newsThrough(['submit', 'approve', 'publish']);
  await newsThrough(['submit', 'request_changes']);
  await newsThrough(['submit', 'approve']);
});

afterAll(async () => {
  await teardownStrapi();
});

describe('keyed events and the witness', () => {
  test('each committed event is signed under the current key and witnessed once, in order', async () => {
    const events = await rows();
    expect(events.length).toBe(7);
    events.forEach((r, i) => {
      expect(r.key_id).toBe('k1');
      expect(Number(r.seq)).toBe(i + 1);
      expect(r.hash).toBe(
        audit.eventHmac(secretOf(K1), {
          ...fields(r),
          prevHash: r.prev_hash,
          seq: i + 1,
          keyId: 'k1',
        }),
      );
    });
    const lines = witnessLines();
    expect(lines.map((l) => [l.seq, l.id, l.hash, l.keyId])).toEqual(
      events.map((r, i) => [i + 1, Number(r.id), r.hash, 'k1']),
    );
    for (const l of lines) expect(typeof l.at).toBe('string');
    expect(await verify()).toMatchObject({
      ok: true,
      events: 7,
      keyed: 7,
      legacy: 0,
      witnessed: 7,
      head: { seq: 7, id: Number(events[6].id), hash: events[6].hash },
    });
  });

  test('a transition that fails writes no event and no witness line', async () => {
    const id = await newsThrough([]);
    const before = witnessLines().length;
    await expect(system(id, 'publish')).rejects.toThrow();
    expect(witnessLines()).toHaveLength(before);
    // An error after the event was written (in the same transaction) rolls both back.
    const count = (await rows()).length;
    await expect(
      strapi.db.transaction(async () => {
        await system(id, 'submit');
        throw new Error('later failure');
      }),
    ).rejects.toThrow(/later failure/);
    expect((await rows()).length).toBe(count);
    expect(witnessLines()).toHaveLength(before);
    expect(await verify()).toMatchObject({ ok: true });
  });
});

describe('attacks in the database are reported at their first bad point', () => {
  test('the last events deleted (raw SQL): a cut end, reported at the first missing event', async () => {
    const saved = await save();
    const all = saved.rows;
    await knex('workflow_events')
      .whereIn(
        'id',
        all.slice(-2).map((r) => r.id),
      )
      .delete();
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      events: all.length - 2,
      firstBadSeq: all.length - 1,
      firstBad: Number(all[all.length - 2].id),
      problem: expect.stringMatching(/events after #\d+ were deleted/),
    });
    expect(result.problem).toContain(`#${all.length - 1}`);
    // Without a witness, a cut end cannot be seen: this is what the witness is for.
    expect(await verify({ configuredWitness: false })).toMatchObject({ ok: true });
    await restore(saved);
  });

  test('a removed or emptied witness file is reported, not passed over', async () => {
    const kept = fs.readFileSync(witness);
    try {
      fs.rmSync(witness);
      expect(await verify({ reports: false })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/does not exist although the chain holds keyed events/),
      });
      fs.writeFileSync(witness, '');
      expect(await verify({ reports: false })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/holds no heads although the chain holds keyed events/),
      });
    } finally {
      fs.writeFileSync(witness, kept);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  test('all events deleted', async () => {
    const saved = await save();
    await knex('workflow_events').delete();
    expect(await verify()).toMatchObject({
      ok: false,
      events: 0,
      firstBadSeq: 1,
      firstBad: Number(saved.rows[0].id),
      problem: expect.stringMatching(/no events .*all events were deleted/),
    });
    await restore(saved);
  });

  test('a cut end followed by new events: the witness sees the rewritten position', async () => {
    const saved = await save();
    const all = saved.rows;
    await knex('workflow_events')
      .where('id', all[all.length - 1].id)
      .delete();
    await newsThrough(['submit']);
    const result = await verify();
    expect(result).toMatchObject({
      ok: false,
      firstBadSeq: all.length,
      problem: expect.stringMatching(/cut and rewritten/),
    });
    expect(result.firstBad).not.toBe(Number(all[all.length - 1].id));
    await restore(saved);
  });

  test('a forged append: a plain SHA-256 hash, an HMAC under a wrong key, an unknown key id', async () => {
    const saved = await save();
    const last = saved.rows[saved.rows.length - 1];
    const n = saved.rows.length;
    const base = { ...fields(last), prevHash: last.hash, comment: 'อนุมัติย้อนหลัง' };
    const attempts = [
      [
        // Unkeyed, like a legacy event, with a correct plain hash.
        { key_id: null, seq: null, hash: audit.eventHash(base) },
        /unkeyed .*forged/,
      ],
      [
        { key_id: 'k1', seq: n + 1, hash: audit.eventHash(base) },
        /does not match its HMAC under key "k1"/,
      ],
      [
        {
          key_id: 'k1',
          seq: n + 1,
          hash: audit.eventHmac('guessed-secret', { ...base, seq: n + 1, keyId: 'k1' }),
        },
        /does not match its HMAC under key "k1"/,
      ],
      [
        {
          key_id: 'k9',
          seq: n + 1,
          hash: audit.eventHmac('guessed-secret', { ...base, seq: n + 1, keyId: 'k9' }),
        },
        /key id "k9", which is not among the configured keys/,
      ],
    ];
    for (const [changes, problem] of attempts) {
      await knex('workflow_events').insert(
        forgedFrom(last, { prev_hash: last.hash, comment: base.comment, ...changes }),
      );
      const forged = (await rows()).pop();
      expect(await verify()).toMatchObject({
        ok: false,
        firstBad: Number(forged.id),
        firstBadSeq: n + 1,
        problem: expect.stringMatching(problem),
      });
      await knex('workflow_events').where('id', forged.id).delete();
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  test('an edit re-sealed with a guessed key (the development key): reported at the edited event', async () => {
    const saved = await save();
    const { DEV_AUDIT_KEY } = require(`${appDir}/dist/src/workflow/audit-keys`);
    const all = saved.rows;
    const at = 2;
    // The attacker edits event #3 and recomputes every hash from there on.
    const reseal = async (hashOf) => {
      let prev = all[at - 1].hash;
      for (let i = at; i < all.length; i += 1) {
        const r = all[i];
        const e = {
          ...fields(r),
          comment: i === at ? 'แก้ย้อนหลัง' : (r.comment ?? null),
          prevHash: prev,
        };
        const changes = hashOf(e, i + 1);
        await knex('workflow_events')
          .where('id', r.id)
          .update({ comment: e.comment, prev_hash: prev, ...changes });
        prev = changes.hash;
      }
    };
    await reseal((e, seq) => ({
      key_id: 'k1',
      seq,
      hash: audit.eventHmac(DEV_AUDIT_KEY.secret, { ...e, seq, keyId: 'k1' }),
    }));
    expect(await verify()).toMatchObject({
      ok: false,
      firstBad: Number(all[at].id),
      firstBadSeq: at + 1,
      problem: expect.stringMatching(/does not match its HMAC under key "k1"/),
    });
    await restore(saved);

    // Re-sealed under the development key's own id: that key is not configured here.
    await reseal((e, seq) => ({
      key_id: DEV_AUDIT_KEY.id,
      seq,
      hash: audit.eventHmac(DEV_AUDIT_KEY.secret, { ...e, seq, keyId: DEV_AUDIT_KEY.id }),
    }));
    expect(await verify()).toMatchObject({
      ok: false,
      firstBad: Number(all[at].id),
      problem: expect.stringMatching(/key id "dev", which is not among the configured keys/),
    });
    await restore(saved);
  });

  test('the whole chain rewritten as legacy (plain SHA-256) events: the chain walks, the witness does not', async () => {
    const saved = await save();
    let prev = null;
    for (const r of saved.rows) {
      const e = { ...fields(r), comment: 'เขียนใหม่ทั้งสาย', prevHash: prev };
      const hash = audit.eventHash(e);
      await knex('workflow_events')
        .where('id', r.id)
        .update({ comment: e.comment, prev_hash: prev, key_id: null, seq: null, hash });
      prev = hash;
    }
    // Without a witness it would pass as a legacy chain, and says so.
    const alone = await verify({ configuredWitness: false });
    expect(alone).toMatchObject({ ok: true, legacy: saved.rows.length, keyed: 0 });
    expect(alone.notes.join(' ')).toMatch(/legacy, unkeyed/);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBad: Number(saved.rows[0].id),
      firstBadSeq: 1,
      problem: expect.stringMatching(/witness .* saw event #1 .*cut and rewritten/),
    });
    await restore(saved);
  });
});

describe('legacy events (written before the chain was keyed)', () => {
  test('accepted only as a prefix, sealed by the first keyed event; an unkeyed event after it is forged', async () => {
    const saved = await save();
    const all = saved.rows;
    // A database from before this change: three plain-SHA-256 events, no key id, no sequence.
    await knex('workflow_events').delete();
    fs.writeFileSync(witness, '');
    let prev = null;
    for (const r of all.slice(0, 3)) {
      const hash = audit.eventHash({ ...fields(r), prevHash: prev });
      await knex('workflow_events').insert({
        ...r,
        prev_hash: prev,
        key_id: null,
        seq: null,
        hash,
      });
      prev = hash;
    }
    expect(await verify()).toMatchObject({ ok: true, legacy: 3, keyed: 0 });
    await newsThrough(['submit']);
    const now = await rows();
    expect(now[3]).toMatchObject({ key_id: 'k1', prev_hash: prev });
    expect(Number(now[3].seq)).toBe(4);
    const ok = await verify();
    expect(ok).toMatchObject({ ok: true, legacy: 3, keyed: 1, witnessed: 1 });
    expect(ok.notes.join(' ')).toMatch(/first 3 event\(s\) are legacy, unkeyed .*seals them/);

    // Re-writing a legacy event, even with its plain hashes recomputed, breaks the keyed seal.
    let p = null;
    for (const r of now.slice(0, 3)) {
      const hash = audit.eventHash({ ...fields(r), comment: 'แก้', prevHash: p });
      await knex('workflow_events')
        .where('id', r.id)
        .update({ comment: 'แก้', prev_hash: p, hash });
      p = hash;
    }
    expect(await verify()).toMatchObject({
      ok: false,
      firstBad: Number(now[3].id),
      problem: expect.stringMatching(/previous-hash/),
    });
    for (const r of now.slice(0, 3))
      await knex('workflow_events')
        .where('id', r.id)
        .update({ comment: r.comment, prev_hash: r.prev_hash, hash: r.hash });
    expect(await verify()).toMatchObject({ ok: true });
    await restore(saved);
  });
});

describe('the monthly report records the head', () => {
  test('snapshot row, CSV, XLSX and PDF show "audit chain head: #N hash"; verify checks against it', async () => {
    const store = require(`${appDir}/dist/src/compliance/report/store`);
    const tables = require(`${appDir}/dist/src/compliance/report/tables`);
    const { renderReportPdf } = require(`${appDir}/dist/src/compliance/report/pdf`);
    const all = await rows();
    const last = all[all.length - 1];
    const stored = await store.generateMonthlyReport(strapi, '2026-03', {
      now: new Date('2026-04-02T03:00:00Z'),
    });
    const head = { seq: all.length, id: Number(last.id), hash: last.hash, keyId: 'k1' };
    expect(stored.summary.auditHead).toMatchObject(head);
    const row = await strapi.db
      .query('api::compliance-report.compliance-report')
      .findOne({ where: { period: '2026-03' } });
    expect(row.summary.auditHead).toMatchObject(head);
    const text = `audit chain head: #${all.length} ${last.hash}`;

    const csv = tables.reportCsv(row.summary).trimEnd().split('\r\n');
    expect(csv[csv.length - 1]).toContain(text);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await tables.reportXlsx(row.summary));
    const cells = [];
    wb.getWorksheet('สรุป').eachRow((r) => cells.push(...r.values.slice(1).map(String)));
    expect(cells.some((c) => c.includes(text))).toBe(true);
    const { text: pdf } = await pdfText(await renderReportPdf(row.summary));
    expect(pdf.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
    // Figures in Thai digits leave the audit hash as it is.
    const thai = await pdfText(await renderReportPdf(row.summary, { digits: 'thai' }));
    expect(thai.text.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));

    // The witness file is lost and the end is cut: the report's head still shows it.
    const saved = await save();
    await knex('workflow_events').where('id', last.id).delete();
    expect(
      await audit.verifyChain(strapi, { configuredWitness: false, reports: true }),
    ).toMatchObject({
      ok: false,
      firstBadSeq: all.length,
      firstBad: Number(last.id),
      problem: expect.stringMatching(/monthly report 2026-03 saw event #\d+/),
    });
    // A head copied from the printed report (position:hash) works the same way.
    expect(
      await audit.verifyChain(strapi, {
        configuredWitness: false,
        reports: false,
        heads: [{ seq: all.length, id: null, hash: last.hash.slice(0, 20), source: 'paper' }],
      }),
    ).toMatchObject({ ok: false, firstBadSeq: all.length });
    await restore(saved);
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: true });
  });
});

describe('key rotation', () => {
  test('k2 signs after a rotation while k1 still verifies; without k1 its events are reported', async () => {
    const before = (await rows()).length;
    process.env.AUDIT_HMAC_KEYS = `${K2},${K1}`;
    await newsThrough(['submit', 'approve']);
    const all = await rows();
    expect(all.slice(before).map((r) => r.key_id)).toEqual(['k2', 'k2']);
    expect(all[0].key_id).toBe('k1');
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: true, keyed: all.length });
    expect(
      witnessLines()
        .slice(-2)
        .map((l) => l.keyId),
    ).toEqual(['k2', 'k2']);

    process.env.AUDIT_HMAC_KEYS = K2;
    expect(await audit.verifyChain(strapi)).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      firstBad: Number(all[0].id),
      problem: expect.stringMatching(/key id "k1", which is not among the configured keys/),
    });
    // The same secret under another id does not help: the key id is inside the HMAC.
    process.env.AUDIT_HMAC_KEYS = `${K2},k3:${secretOf(K1)}`;
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: false, firstBadSeq: 1 });
    process.env.AUDIT_HMAC_KEYS = `${K2},${K1}`;
    expect(await audit.verifyChain(strapi)).toMatchObject({ ok: true });
  });

  test('malformed key settings are refused with a message', () => {
    const { auditKeys } = require(`${appDir}/dist/src/workflow/audit-keys`);
    expect(() => auditKeys({ AUDIT_HMAC_KEYS: 'no-colon' })).toThrow(/id:secret/);
    expect(() => auditKeys({ AUDIT_HMAC_KEYS: 'a:x,a:y' })).toThrow(/twice/);
    expect(() => auditKeys({ NODE_ENV: 'production' })).toThrow(/AUDIT_HMAC_KEYS/);
    expect(auditKeys({ AUDIT_HMAC_KEY: 's', AUDIT_HMAC_KEY_ID: 'k7' }).current.id).toBe('k7');
    expect(auditKeys({ NODE_ENV: 'test' })).toMatchObject({ development: true });
  });
});

describe('npm run audit:verify', () => {
  const cli = (...args) =>
    spawnSync(process.execPath, [path.join(appDir, 'src', 'cli', 'bin.js'), ...args], {
      cwd: appDir,
      env: { ...process.env, PRONGSAI_SKIP_COMPILE: '1', LOG_LEVEL: 'error' },
      encoding: 'utf8',
      timeout: 120000,
    });

  test('bad arguments: exit 2 before anything is booted', () => {
    const bad = cli('audit:verify', '--head', 'nonsense');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--head nonsense: expected <position>:<hash>/);
  });

  test('a cut end: exit 1 naming the first missing event; an extra witness file that does not exist is an error', async () => {
    const saved = await save();
    const all = saved.rows;
    const last = all[all.length - 1];
    await knex('workflow_events').where('id', last.id).delete();
    try {
      const res = cli('audit:verify', '--witness', witness);
      expect(res.status).toBe(1);
      expect(res.stderr).toMatch(
        new RegExp(
          `audit chain broken at event ${last.id} \\(#${all.length} in the chain of ${all.length - 1}\\): .*events after #${all.length - 1} were deleted`,
        ),
      );
    } finally {
      await restore(saved);
    }
    const missing = cli('audit:verify', '--witness', path.join(os.tmpdir(), 'no-such-witness.log'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no-such-witness.log does not exist/);
  });
});
