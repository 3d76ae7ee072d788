#!/usr/bin/env node
/**
 * Unit scoping must not make the admin panel slow. Lists the Content Manager's news list as a
 * unit editor (scoped by the RBAC condition + the Document Service guard) and as a super admin
 * (unscoped), interleaved in one run, on a dataset of 10,000 news entries in two units.
 *
 *   node bench/scoped-list.js                 # SQLite (temporary file)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench node bench/scoped-list.js
 *
 * Target: scoped p50 ≤ 1.5 × unscoped p50. Prints a Markdown table for docs/benchmarks.md.
 */
const os = require('os');
const { randomBytes } = require('crypto');
const request = require('supertest');
const { compileStrapi } = require('@strapi/strapi');
const { setupStrapi, teardownStrapi, appDir } = require('../tests/helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('../tests/helpers/factories');

const ENTRIES = Number(process.env.BENCH_ENTRIES || 10000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 300);
const WARMUP = 30;
/** Share of the entries in the editor's unit (1 = the editor sees all 10,000). */
const SHARE = Number(process.env.BENCH_SHARE || 0.5);

const docId = () => randomBytes(12).toString('hex').slice(0, 24);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

(async () => {
  await compileStrapi({ appDir });
  const strapi = await setupStrapi();
  const provisioning = require(`${appDir}/dist/src/units/provisioning`);
  const A = await createUnit(strapi, { code: 'BENCHA' });
  const B = await createUnit(strapi, { code: 'BENCHB' });

  // Bulk insert: 10,000 published news entries (draft + published rows), half in each unit.
  const started = Date.now();
  const knex = strapi.db.connection;
  const now = new Date();
  for (let offset = 0; offset < ENTRIES; offset += 100) {
    const batch = [];
    for (let i = offset; i < Math.min(ENTRIES, offset + 100); i += 1) {
      const documentId = docId();
      const row = {
        unit_ref: i < ENTRIES * SHARE ? A.id : B.id,
        document_id: documentId,
        title: `ข่าวทดสอบ ${i}`,
        slug: `bench-${i}`,
        kind: 'public_relations',
        fiscal_year: 2569,
        date: '2026-01-01',
        is_none: false,
        created_at: now,
        updated_at: now,
      };
      batch.push({ ...row, published_at: null }, { ...row, published_at: now });
    }
    const ids = await knex('news_items').insert(batch).returning('id');
    const links = ids.map((r, j) => ({
      news_id: typeof r === 'object' ? r.id : r,
      unit_id: batch[j].unit_ref,
    }));
    await knex('news_items_unit_lnk').insert(links);
  }
  const seeded = Date.now() - started;

  await provisioning.upsertUserMembership(strapi, {
    email: 'bench.editor@example.org',
    password: 'Prongsai123',
    firstname: 'Bench',
    unit: 'BENCHA',
    role: 'editor',
  });
  const editor = await adminToken(request, strapi, {
    email: 'bench.editor@example.org',
    password: 'Prongsai123',
  });
  const admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
  const http = request(strapi.server.httpServer);

  const scenarios = {
    'first page (10 rows, newest first)': '?page=1&pageSize=10&sort=updatedAt:DESC',
    'page 40 (10 rows)': '?page=40&pageSize=10&sort=updatedAt:DESC',
    'search "ทดสอบ 12"': `?page=1&pageSize=10&_q=${encodeURIComponent('ทดสอบ 12')}`,
  };
  const rows = [];
  for (const [name, query] of Object.entries(scenarios)) {
    const times = { editor: [], admin: [] };
    const totals = {};
    for (let i = 0; i < WARMUP + ROUNDS; i += 1) {
      for (const [who, token] of i % 2
        ? [
            ['editor', editor],
            ['admin', admin],
          ]
        : [
            ['admin', admin],
            ['editor', editor],
          ]) {
        const t0 = process.hrtime.bigint();
        const res = await http
          .get(`/content-manager/collection-types/api::news.news${query}`)
          .set('Authorization', `Bearer ${token}`);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (res.status !== 200) throw new Error(`${who} ${res.status} ${JSON.stringify(res.body)}`);
        totals[who] = res.body.pagination.total;
        if (i >= WARMUP) times[who].push(ms);
      }
    }
    const p50e = pct(times.editor, 50);
    const p50a = pct(times.admin, 50);
    rows.push(
      `| ${name} | ${totals.editor} | ${p50e.toFixed(2)} | ${pct(times.editor, 95).toFixed(2)} | ${totals.admin} | ${p50a.toFixed(2)} | ${pct(times.admin, 95).toFixed(2)} | **${(p50e / p50a).toFixed(2)}×** |`,
    );
  }
  const client = strapi.db.dialect.client;
  await teardownStrapi();
  console.log(
    `\n### Scoped vs unscoped Content Manager list — ${client}, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0].model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  );
  console.log(
    `Dataset: ${ENTRIES} published news entries (${ENTRIES * 2} rows with drafts), ${SHARE * 100}% in the editor's unit; seeded in ${seeded} ms.`,
  );
  console.log(
    `Method: ${ROUNDS} requests per caller after ${WARMUP} warm-up, editor and super admin interleaved in one process (supertest, no network).\n`,
  );
  console.log(
    '| list | editor rows | editor p50 ms | editor p95 ms | admin rows | admin p50 ms | admin p95 ms | scoped / unscoped (p50) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  process.exit(0);
})().catch((error) => {
  console.error(String(error && error.message ? error.message : error).slice(-600));
  process.exit(1);
});
