#!/usr/bin/env node
/**
 * Compliance matrix benchmark: how fast GET /compliance/matrix answers an administrator on the
 * dataset of bench/dataset.js (30 units × 3 fiscal years, 50,000 published entries). One
 * database per run; Strapi boots in this process (production mode, listening on 127.0.0.1), a
 * super admin is created and logs in (POST /admin/login), and the load comes from autocannon in
 * a child process (this file again, with --load-child), a warm-up then a measured run per target:
 *
 *   GET /compliance/matrix?fiscalYear=Y            all units (30 × the year's items)
 *   GET /compliance/matrix?fiscalYear=Y&group=faculty
 *   for Y = the dataset year whose matrix has 43 items (2566: the dataset is built with fiscal
 *   years 2566, 2568, 2569 so that 2566's entries are linked to its own 43-item list), and 2569;
 *   with 1 and 10 concurrent clients.
 *
 * Goal (issue): 30 units × 43 items on 50,000 entries, p95 ≤ 300 ms on PostgreSQL.
 * Before the load, each request is made once at a time with database queries traced (count, Σ
 * ms, slowest statement, rows), the matrix is built in this process step by step (the engine's
 * loadMatrixData, evaluateMatrix, summarize, then JSON.stringify of the body) and the slowest
 * statements are explained (PostgreSQL: EXPLAIN (ANALYZE, BUFFERS); SQLite: EXPLAIN QUERY PLAN
 * and a timed run): the evidence when the goal is missed.
 *
 *   node bench/compliance.js --rev HEAD                 # SQLite (a temporary file)
 *   node bench/compliance.js --rev HEAD --db postgres   # PostgreSQL: a new database, dropped after
 *   options: --duration 15 --warmup 3 --connections 1,10 --entries 50000 --units 30
 *            --years 2566,2568,2569 (dataset years) --fiscal-years 2566,2569 (matrices measured;
 *            default: the 43-item year and the last dataset year) --group faculty
 *            --quiet-wait 60 --retries 2 (as bench/delivery.js) --goal 300 (p95 ms)
 *            --rev REV | --dist DIR, --sqlite-file F / --pg-database NAME (keep, reuse) --keep
 *   PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be able to CREATE
 *   DATABASE. Prints Markdown tables and writes bench/results/compliance-<db>-<stamp>.{json,md}.
 */
const fs = require('fs');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const { randomBytes } = require('crypto');

// ---------------------------------------------------------------------------------------------
// The load generator (child process): autocannon 8 through its API with the admin token as a
// header, every response time kept (fractional ms), percentiles by nearest rank — as
// bench/delivery-load.js, which sends no headers.
// ---------------------------------------------------------------------------------------------
const loadChild = async (cfg) => {
  const autocannon = require('autocannon');
  const connections = Number(cfg.connections || 1);
  const run = (duration, onResponse) =>
    new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${cfg.origin}${cfg.path}`,
          connections,
          duration,
          timeout: 60,
          headers: cfg.headers || {},
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      if (onResponse) instance.on('response', onResponse);
    });
  const percentile = (sorted, p) =>
    sorted.length
      ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
      : 0;
  const r2 = (n) => Math.round(n * 100) / 100;
  if (cfg.warmup > 0) await run(Number(cfg.warmup));
  const times = [];
  const statuses = {};
  const started = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const result = await run(Number(cfg.duration || 10), (_client, status, _bytes, ms) => {
    statuses[status] = (statuses[status] || 0) + 1;
    if (status >= 200 && status < 300) times.push(ms);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const sorted = Float64Array.from(times).sort();
  const ok = sorted.length;
  process.stdout.write(
    `${JSON.stringify({
      connections,
      seconds: r2(seconds),
      requests: ok,
      rps: Math.round((ok / seconds) * 10) / 10,
      statuses,
      cpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      bytesPerRequest: result.requests.total
        ? Math.round(result.throughput.total / result.requests.total)
        : 0,
      latency: {
        p50: r2(percentile(sorted, 50)),
        p95: r2(percentile(sorted, 95)),
        p99: r2(percentile(sorted, 99)),
        max: r2(ok ? sorted[ok - 1] : 0),
        mean: r2(ok ? sorted.reduce((a, b) => a + b, 0) / ok : 0),
      },
    })}\n`,
  );
};

if (process.argv[2] === '--load-child') {
  loadChild(JSON.parse(process.argv[3] || '{}')).catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
} else {
  main();
}

function main() {
  const {
    parseArgs,
    resolveDist,
    freePort,
    prepareDatabase,
    bootStrapi,
    machineInfo,
    databaseVersion,
    cpuSnapshot,
  } = require('./boot');
  const { buildDataset, printStats, shortError } = require('./dataset');

  const args = parseArgs();
  const DB = String(args.db || process.env.BENCH_DB || 'sqlite');
  const DURATION = Number(args.duration || 15);
  const WARMUP = Number(args.warmup ?? 3);
  const CONNECTIONS = String(args.connections || '1,10')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const DATASET_YEARS = String(args.years || '2566,2568,2569');
  const GROUP = String(args.group || 'faculty');
  const GOAL_MS = Number(args.goal || 300);
  const GOAL_ITEMS = 43;
  const QUIET_WAIT = Number(args['quiet-wait'] ?? 60);
  const RETRIES = Number(args.retries ?? 2);
  const QUIET_PERCENT = 10;
  const ADMIN_EMAIL = 'bench-compliance@example.org';

  const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
  };
  const msSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

  /** One request; resolves with status, parsed body (JSON when it is), raw size and time. */
  const request = (origin, method, urlPath, { headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const t0 = process.hrtime.bigint();
      const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
      const req = http.request(
        `${origin}${urlPath}`,
        {
          method,
          agent: false,
          headers: {
            ...headers,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': payload.length }
              : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            let json = null;
            try {
              json = JSON.parse(raw.toString('utf8'));
            } catch {
              // Not JSON.
            }
            resolve({ status: res.statusCode, raw, json, ms: msSince(t0) });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  /** A super admin of the bench (created, or its password reset on a kept database). */
  const ensureSuperAdmin = async (strapi) => {
    const password = `Bench-${randomBytes(6).toString('hex')}-A1!`;
    const existing = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: ADMIN_EMAIL } });
    if (existing) {
      await strapi.admin.services.user.updateById(existing.id, { password, isActive: true });
    } else {
      const superAdmin = await strapi.admin.services.role.getSuperAdmin();
      await strapi.admin.services.user.create({
        email: ADMIN_EMAIL,
        firstname: 'Bench',
        lastname: 'Compliance',
        password,
        isActive: true,
        roles: [superAdmin.id],
      });
    }
    return { email: ADMIN_EMAIL, password };
  };

  /** Runs `fn` with every database query timed: [{ sql, bindings, ms, rows, start, end }]. */
  const traceQueries = async (strapi, fn) => {
    const knex = strapi.db.connection;
    const open = new Map();
    const queries = [];
    const onQuery = (q) =>
      open.set(q.__knexQueryUid, { sql: q.sql, bindings: q.bindings, t: process.hrtime.bigint() });
    const onDone = (res, q) => {
      const s = open.get(q.__knexQueryUid);
      if (!s) return;
      open.delete(q.__knexQueryUid);
      const end = process.hrtime.bigint();
      const rows = Array.isArray(res)
        ? res.length
        : res && Array.isArray(res.rows)
          ? res.rows.length
          : null;
      queries.push({
        sql: s.sql,
        bindings: s.bindings,
        start: s.t,
        end,
        ms: Number(end - s.t) / 1e6,
        rows,
      });
    };
    const onError = (_err, q) => onDone(null, q);
    knex.on('query', onQuery);
    knex.on('query-response', onDone);
    knex.on('query-error', onError);
    try {
      await fn();
    } finally {
      knex.removeListener('query', onQuery);
      knex.removeListener('query-response', onDone);
      knex.removeListener('query-error', onError);
    }
    return queries;
  };

  /** Time during which at least one of the queries was running (they may overlap). */
  const wallOf = (queries) => {
    let wall = 0n;
    let until = 0n;
    for (const q of [...queries].sort((a, b) => (a.start < b.start ? -1 : 1))) {
      const from = q.start > until ? q.start : until;
      if (q.end > from) wall += q.end - from;
      if (q.end > until) until = q.end;
    }
    return Number(wall) / 1e6;
  };

  /** A short name for a statement: its first table, or "UNION ALL over N tables". */
  const describeSql = (sql) => {
    const unions = (sql.match(/union all/gi) || []).length;
    const from = /from\s+["`]?([\w]+)["`]?/i.exec(sql);
    if (unions) return `UNION ALL of ${unions + 1} selects (first from ${from ? from[1] : '?'})`;
    return `${sql.trim().split(/\s+/)[0].toLowerCase()} ${from ? from[1] : ''}`.trim();
  };

  /**
   * The request once at a time, traced (median of 3 after a warm one), and the same matrix built
   * in this process step by step with the engine Strapi loaded (median of 5).
   */
  const diagnose = async (strapi, distDir, origin, headers, target) => {
    await request(origin, 'GET', target.path, { headers });
    const samples = [];
    for (let i = 0; i < 3; i += 1) {
      let res;
      const queries = await traceQueries(strapi, async () => {
        res = await request(origin, 'GET', target.path, { headers });
      });
      samples.push({ res, queries });
    }
    samples.sort((a, b) => a.res.ms - b.res.ms);
    const { res, queries } = samples[1];
    const data = res.json && res.json.data;

    const engine = require(path.join(distDir, 'src', 'compliance', 'engine.js'));
    const rules = require(path.join(distDir, 'src', 'compliance', 'rules.js'));
    const steps = { load: [], evaluate: [], summarize: [], stringify: [] };
    let linkRows = null;
    for (let i = 0; i < 6; i += 1) {
      const input = { fiscalYear: target.fiscalYear, group: target.group, unitIds: null };
      let t = process.hrtime.bigint();
      const matrixData = await engine.loadMatrixData(strapi, input);
      const load = msSince(t);
      t = process.hrtime.bigint();
      const matrix = engine.evaluateMatrix(matrixData, rules.todayInBangkok());
      const evaluate = msSince(t);
      t = process.hrtime.bigint();
      const { units: progress, overall } = engine.summarize(matrix);
      const summarize = msSince(t);
      t = process.hrtime.bigint();
      const text = JSON.stringify({
        data: { units: matrix.units, items: matrix.items, cells: matrix.cells },
        meta: { fiscalYear: matrix.fiscalYear, today: matrix.today, progress, overall },
      });
      const stringify = msSince(t);
      if (i === 0) {
        // The first run warms the JIT; its link count is what the traced request saw.
        linkRows = [...matrixData.byCell.values()].reduce((a, m) => a + m.size, 0);
        if (!text.length) throw new Error('empty matrix');
        continue;
      }
      steps.load.push(load);
      steps.evaluate.push(evaluate);
      steps.summarize.push(summarize);
      steps.stringify.push(stringify);
    }
    const slow = [...queries].sort((a, b) => b.ms - a.ms);
    const entries = data ? data.cells.reduce((a, c) => a + c.entries.length, 0) : null;
    const statuses = {};
    if (data) for (const c of data.cells) statuses[c.status] = (statuses[c.status] || 0) + 1;
    return {
      id: target.id,
      path: target.path,
      status: res.status,
      bytes: res.raw.length,
      units: data ? data.units.length : null,
      items: data ? data.items.length : null,
      cells: data ? data.cells.length : null,
      cellEntries: entries,
      documentsInCells: linkRows,
      statuses,
      responseMs: round(res.ms),
      queryCount: queries.length,
      queryMs: round(queries.reduce((a, q) => a + q.ms, 0)),
      queryWallMs: round(wallOf(queries)),
      slowest: slow.slice(0, 3).map((q) => ({
        ms: round(q.ms),
        rows: q.rows,
        what: describeSql(q.sql),
        sql: q.sql.replace(/\s+/g, ' ').slice(0, 400),
      })),
      inProcess: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(median(v))])),
      // Kept out of the report; used for EXPLAIN.
      slowQueries: slow.slice(0, 2).map((q) => ({ sql: q.sql, bindings: q.bindings })),
    };
  };

  /**
   * PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) through a client of its own. SQLite: EXPLAIN QUERY
   * PLAN and the statement timed alone (median of 3).
   */
  const explain = async (strapi, database, q) => {
    if (strapi.db.dialect.client === 'postgres') {
      const { Client } = require('pg');
      const c = new Client({ connectionString: database.env.DATABASE_URL });
      await c.connect();
      try {
        await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.bindings); // warm
        const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.bindings);
        const plan = r.rows.map((row) => row['QUERY PLAN']);
        const num = (re) => {
          const m = plan.map((l) => re.exec(l)).find(Boolean);
          return m ? Number(m[1]) : null;
        };
        const nodes = {};
        for (const l of plan) {
          const m =
            /(?:->\s+)?((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan|Hash Join|Nested Loop|Merge Join|Hash|Sort|Append)) (?:on|using)?/.exec(
              l.trim(),
            );
          if (m) nodes[m[1]] = (nodes[m[1]] || 0) + 1;
        }
        const seqScans = plan
          .filter((l) => /Seq Scan on/.test(l))
          .map((l) => {
            const m = /Seq Scan on (\S+).*actual time=[\d.]+\.\.([\d.]+) rows=(\d+)/.exec(l);
            return m ? { table: m[1], ms: Number(m[2]), rows: Number(m[3]) } : null;
          })
          .filter(Boolean)
          .sort((a, b) => b.ms - a.ms);
        return {
          what: describeSql(q.sql),
          planningMs: num(/Planning Time: ([\d.]+)/),
          executionMs: num(/Execution Time: ([\d.]+)/),
          nodes,
          seqScans: seqScans.slice(0, 8),
          plan,
        };
      } finally {
        await c.end();
      }
    }
    const knex = strapi.db.connection;
    const plan = (await knex.raw(`EXPLAIN QUERY PLAN ${q.sql}`, q.bindings)).map(
      (r) => `${r.id}/${r.parent} ${r.detail}`,
    );
    const times = [];
    let rows = 0;
    for (let i = 0; i < 3; i += 1) {
      const t = process.hrtime.bigint();
      rows = (await knex.raw(q.sql, q.bindings)).length;
      times.push(msSince(t));
    }
    return {
      what: describeSql(q.sql),
      executionMs: round(median(times)),
      rows,
      scans: plan.filter((l) => /\bSCAN\b/.test(l) && !/USING/.test(l)).map((l) => l.slice(4)),
      plan,
    };
  };

  const runLoad = (origin, urlPath, headers, connections, onStart) =>
    new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          __filename,
          '--load-child',
          JSON.stringify({
            origin,
            path: urlPath,
            headers,
            connections,
            duration: DURATION,
            warmup: WARMUP,
          }),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      if (onStart) onStart(child.pid);
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code !== 0)
          return reject(new Error(`load generator exited ${code}: ${err.slice(-800)}`));
        try {
          resolve(JSON.parse(out.trim().split('\n').pop()));
        } catch {
          reject(
            new Error(`load generator printed no result: ${out.slice(-300)} ${err.slice(-300)}`),
          );
        }
      });
    });

  /** Per category, the share of one CPU used during the run (100 = one core busy). */
  const cpuShares = (before, after, seconds, pids) => {
    if (!after.size) return null;
    const shares = { strapi: 0, load: 0, postgres: 0, other: 0 };
    const others = new Map();
    for (const [pid, now] of after) {
      const used = now.ticks - (before.get(pid) ? before.get(pid).ticks : 0);
      if (used <= 0) continue;
      const name =
        pid === pids.strapi
          ? 'strapi'
          : pid === pids.load
            ? 'load'
            : now.comm === 'postgres' && (!pids.postgres || pids.postgres.has(pid))
              ? 'postgres'
              : 'other';
      shares[name] += used;
      if (name === 'other') others.set(now.comm, (others.get(now.comm) || 0) + used);
    }
    const pct = (ticks) => Math.round((ticks / 100 / seconds) * 100);
    for (const k of Object.keys(shares)) shares[k] = pct(shares[k]);
    shares.otherTop = [...others]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([comm, ticks]) => `${comm} ${pct(ticks)}`);
    return shares;
  };

  const waitForQuiet = async (maxSeconds) => {
    const started = Date.now();
    for (;;) {
      const before = cpuSnapshot();
      if (!before.size) return { quiet: true, waited: 0, other: null };
      await new Promise((r) => setTimeout(r, 2000));
      const shares = cpuShares(before, cpuSnapshot(), 2, { strapi: process.pid });
      const other = shares.other + shares.postgres;
      const waited = Math.round((Date.now() - started) / 1000);
      if (other < QUIET_PERCENT) return { quiet: true, waited, other };
      if (waited >= maxSeconds) return { quiet: false, waited, other };
    }
  };

  const writeJson = async (file, data) => {
    let text = `${JSON.stringify(data, null, 2)}\n`;
    try {
      const prettier = require('prettier');
      const config = (await prettier.resolveConfig(file)) || {};
      text = await prettier.format(text, { ...config, filepath: file });
    } catch {
      // Prettier is a devDependency: without it the file is still valid JSON.
    }
    fs.writeFileSync(file, text);
  };

  const fmt = (n, d = 1) => (typeof n === 'number' ? n.toFixed(d) : '–');
  const kb = (bytes) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`);
  const sourceText = (src) =>
    src.commit
      ? `${src.commit}${src.uncommittedFiles ? ` + ${src.uncommittedFiles} uncommitted files under src/ and config/` : ''}`
      : `the build in ${src.build}`;

  const markdown = (report) => {
    const lines = [];
    const { machine } = report;
    lines.push(`### Compliance matrix — ${report.database}, ${report.date}`, '');
    lines.push(
      `**Machine:** ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; load average before the run ${machine.loadavg.join(' / ')}.`,
    );
    const d = report.dataset;
    lines.push(
      `**Dataset:** ${d.units} units × fiscal years ${(d.years || []).join(', ')}, ${d.documents} published entries${d.rows ? ` (${d.rows} rows with drafts, ${d.itemLinks} checklist links)` : ''}${
        d.checklistYears
          ? `; checklists: ${Object.entries(d.checklistYears)
              .map(([y, l]) => (Number(y) === l ? `${y}` : `${y} → ${l}'s`))
              .join(', ')}`
          : ''
      }; ${d.reused ? 'reused' : `built in ${fmt(d.ms / 1000)} s`}.`,
    );
    lines.push(
      `**Method:** a super admin's JWT (POST /admin/login); autocannon 8 in a child process, closed loop with 1 and 10 connections, ${report.warmup} s warm-up then ${report.duration} s per target; Strapi ${report.strapi} in production mode, one process; p50/p95/p99 from every response time (nearest rank). Today (Bangkok) ${report.today}. Source: ${sourceText(report.source)}.`,
      '',
    );
    lines.push(
      '| fiscal year | request | units × items | cells | body | clients | req/s | p50 ms | p95 ms | p99 ms | goal | met | CPU % server / load gen / postgres / other |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of report.results) {
      const g = r.shape;
      const shape = g ? `${g.units} × ${g.items}` : '–';
      if (r.skipped) {
        lines.push(
          `| ${r.fiscalYear} | \`${r.path}\` | ${shape} | – | – | ${r.connections} | – | – | – | – | ${r.goal || ''} | skipped: ${r.skipped} | |`,
        );
        continue;
      }
      const l = r.load.latency;
      const c = r.load.cpu;
      lines.push(
        `| ${r.fiscalYear} | \`${r.path}\` | ${shape} | ${g.cells} | ${kb(r.bytes)} | ${r.connections} | ${fmt(r.load.rps, 1)} | ${fmt(l.p50, 1)} | ${fmt(l.p95, 1)} | ${fmt(l.p99, 1)} | ${r.goal || ''} | ${r.met === undefined ? '' : r.met ? '**yes**' : '**no**'} | ${c ? `${c.strapi} / ${r.load.cpuPercent ?? c.load} / ${c.postgres} / ${c.other}` : ''} |`,
      );
    }
    const errs = report.results.filter((r) => r.load && (r.load.non2xx || r.load.errors));
    for (const r of errs)
      lines.push(
        '',
        `Errors in ${r.path} (${r.connections} clients): ${r.load.non2xx} non-2xx, ${r.load.errors} errors (${JSON.stringify(r.load.statuses)}).`,
      );
    lines.push(
      '',
      'One request at a time (median of 3), database queries traced; then the same matrix built in the bench process step by step (median of 5):',
      '',
      '| request | response ms | queries | Σ query ms | ms with a query running | slowest query | documents in cells | load (queries + rows → facts) ms | evaluate ms | summarize ms | JSON.stringify ms |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const g of report.diagnostics) {
      const s = g.slowest[0];
      const p = g.inProcess;
      lines.push(
        `| \`${g.path}\` | ${fmt(g.responseMs, 1)} | ${g.queryCount} | ${fmt(g.queryMs, 1)} | ${fmt(g.queryWallMs, 1)} | ${s ? `${fmt(s.ms, 1)} ms, ${s.rows ?? '?'} rows: ${s.what}` : '–'} | ${g.documentsInCells} | ${fmt(p.load, 1)} | ${fmt(p.evaluate, 1)} | ${fmt(p.summarize, 1)} | ${fmt(p.stringify, 1)} |`,
      );
    }
    if (report.explains.length) {
      lines.push('', 'Slowest statements explained:', '');
      for (const e of report.explains) {
        if (e.planningMs !== undefined)
          lines.push(
            `- \`${e.path}\` — ${e.what}: EXPLAIN ANALYZE planning ${fmt(e.planningMs, 1)} ms, execution ${fmt(e.executionMs, 1)} ms; nodes ${Object.entries(
              e.nodes,
            )
              .map(([k, v]) => `${k} ×${v}`)
              .join(', ')}${
              e.seqScans.length
                ? `; slowest seq scans ${e.seqScans
                    .slice(0, 4)
                    .map((s) => `${s.table} ${fmt(s.ms, 1)} ms/${s.rows} rows`)
                    .join(', ')}`
                : ''
            }.`,
          );
        else
          lines.push(
            `- \`${e.path}\` — ${e.what}: ${fmt(e.executionMs, 1)} ms alone, ${e.rows} rows; full scans: ${e.scans.length ? e.scans.slice(0, 6).join('; ') : 'none'}.`,
          );
      }
    }
    for (const note of report.notes) lines.push('', `Note: ${note}`);
    return lines.join('\n');
  };

  (async () => {
    const date = new Date();
    const machine = machineInfo();
    const { appDir, distDir, source } = resolveDist({ dist: args.dist, rev: args.rev });
    const database = await prepareDatabase({
      db: DB,
      keep: Boolean(args.keep),
      sqliteFile: args['sqlite-file'],
      pgDatabase: args['pg-database'],
    });
    let stop = null;
    try {
      const port = await freePort();
      const booted = await bootStrapi({ appDir, distDir, database, port });
      stop = booted.stop;
      const { strapi } = booted;
      const client = strapi.db.dialect.client;
      const dataset = await buildDataset(strapi, {
        entries: args.entries,
        units: args.units,
        years: DATASET_YEARS,
      });
      printStats(dataset, `${client}, ${database.label}`);
      const notes = [];
      const creds = await ensureSuperAdmin(strapi);
      await strapi.listen();
      const origin = `http://127.0.0.1:${port}`;
      const login = await request(origin, 'POST', '/admin/login', { body: creds });
      const token =
        login.json && login.json.data && (login.json.data.token || login.json.data.accessToken);
      if (!token)
        throw new Error(
          `admin login failed: ${login.status} ${login.raw.toString().slice(0, 300)}`,
        );
      const headers = { authorization: `Bearer ${token}` };
      const matrixPath = (fy, group) =>
        `/compliance/matrix?fiscalYear=${fy}${group ? `&group=${group}` : ''}`;

      // Which matrices: the dataset year whose matrix has 43 items, and the last dataset year.
      const years = dataset.years || [];
      const engine = require(path.join(distDir, 'src', 'compliance', 'engine.js'));
      // The matrix of each dataset year: its shape from the database, its status over HTTP
      // (a 500 hides the error: the engine is then run in this process to find it).
      const shapes = new Map();
      const failures = new Map();
      for (const fy of years) {
        const items = await strapi.db
          .query('api::ita-item.ita-item')
          .count({ where: { checklist: { fiscalYear: fy, scheme: 'general' } } });
        shapes.set(fy, { units: dataset.units, items });
        const res = await request(origin, 'GET', matrixPath(fy), { headers });
        if (res.status !== 200) {
          let reason = res.raw.toString().slice(0, 200);
          try {
            await engine.buildMatrix(strapi, { fiscalYear: fy, unitIds: null });
          } catch (error) {
            // A database error quotes the statement first, then " - " and the reason.
            const m = String(error.message);
            reason = m.includes(' - ') ? m.slice(m.lastIndexOf(' - ') + 3) : m.slice(-300);
          }
          failures.set(fy, `${res.status}: ${reason}`);
          notes.push(
            `GET ${matrixPath(fy)} answered ${res.status}; the engine in process: ${reason}`,
          );
        }
        console.error(
          `[bench] ${matrixPath(fy)}: ${res.status}, ${dataset.units} units × ${items} items`,
        );
      }
      let fiscalYears;
      if (args['fiscal-years']) fiscalYears = String(args['fiscal-years']).split(',').map(Number);
      else {
        const full = years.find((fy) => shapes.get(fy).items === GOAL_ITEMS);
        if (!full)
          notes.push(
            `no dataset year has a ${GOAL_ITEMS}-item matrix (${years.map((fy) => `${fy}: ${shapes.get(fy).items}`).join(', ')}): build the dataset with --years 2566,2568,2569.`,
          );
        fiscalYears = [...new Set([full, years[years.length - 1]].filter(Boolean))];
      }

      const targets = [];
      for (const fy of fiscalYears)
        for (const group of [null, GROUP]) {
          const id = `${fy}${group ? `/${group}` : ''}`;
          targets.push({
            id,
            fiscalYear: fy,
            group,
            path: matrixPath(fy, group),
            shape: group ? null : shapes.get(fy) || null,
            failure: failures.get(fy) || null,
          });
        }

      // Evidence first: each request alone, traced, and built step by step in this process.
      const diagnostics = [];
      for (const t of targets) {
        if (t.failure) continue;
        const g = await diagnose(strapi, distDir, origin, headers, t);
        t.shape = { units: g.units, items: g.items, cells: g.cells };
        diagnostics.push(g);
        console.error(
          `[bench] ${g.path}: ${g.status}, ${g.units} × ${g.items}, ${kb(g.bytes)}, ${g.responseMs} ms, ${g.queryCount} queries (${g.queryMs} ms); slowest ${g.slowest[0] ? `${g.slowest[0].ms} ms ${g.slowest[0].what}` : '–'}; in process ${JSON.stringify(g.inProcess)}`,
        );
      }
      const explains = [];
      for (const g of diagnostics.filter((x) => !x.path.includes('group='))) {
        for (const q of g.slowQueries.slice(0, 2)) {
          try {
            explains.push({ path: g.path, ...(await explain(strapi, database, q)) });
          } catch (error) {
            notes.push(
              `EXPLAIN of ${describeSql(q.sql)} failed: ${String(error.message).slice(0, 200)}`,
            );
          }
        }
      }
      for (const g of diagnostics) delete g.slowQueries;

      const ownBackends = async () => {
        if (client !== 'postgres') return new Set();
        const r = await strapi.db.connection.raw(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
        );
        return new Set(r.rows.map((row) => Number(row.pid)));
      };

      const results = [];
      for (const t of targets) {
        for (const connections of CONNECTIONS) {
          const isGoal = !t.group && t.shape && t.shape.units >= 30 && t.shape.items === GOAL_ITEMS;
          const base = {
            id: t.id,
            fiscalYear: t.fiscalYear,
            group: t.group,
            path: t.path,
            connections,
            shape: t.shape,
            goal: isGoal ? `p95 ≤ ${GOAL_MS} ms` : undefined,
          };
          if (t.failure) {
            results.push({ ...base, skipped: `answered ${t.failure.slice(0, 160)}` });
            continue;
          }
          const probe = await request(origin, 'GET', t.path, { headers });
          if (probe.status !== 200) {
            results.push({ ...base, skipped: `answered ${probe.status}` });
            continue;
          }
          console.error(`[bench] ${t.path}, ${connections} clients …`);
          let quiet;
          let load;
          for (let attempt = 1; ; attempt += 1) {
            quiet = await waitForQuiet(QUIET_WAIT);
            const before = cpuSnapshot();
            const t0 = process.hrtime.bigint();
            let loadPid = null;
            load = await runLoad(origin, t.path, headers, connections, (pid) => (loadPid = pid));
            const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
            load.cpu = cpuShares(before, cpuSnapshot(), seconds, {
              strapi: process.pid,
              load: loadPid,
              postgres: await ownBackends(),
            });
            load.attempt = attempt;
            const busy = load.cpu ? load.cpu.other : 0;
            if (busy < QUIET_PERCENT) break;
            if (attempt > RETRIES) {
              notes.push(
                `${t.path} at ${connections} clients: other processes used ${busy} % of a CPU during the run (${load.cpu.otherTop.join(', ')}); numbers skewed.`,
              );
              break;
            }
            console.error(`[bench]   other processes used ${busy} % of a CPU: running it again`);
          }
          const r = { ...base, bytes: probe.raw.length, waitedForQuiet: quiet.waited, load };
          if (isGoal) r.met = load.latency.p95 <= GOAL_MS && !load.non2xx && !load.errors;
          console.error(
            `[bench]   ${load.rps} req/s, p50 ${load.latency.p50} p95 ${load.latency.p95} p99 ${load.latency.p99} ms`,
          );
          results.push(r);
        }
      }
      if (client !== 'postgres')
        notes.push(`the ${GOAL_MS} ms goal is stated for PostgreSQL; shown here for comparison.`);

      const report = {
        date: date.toISOString().slice(0, 10),
        startedAt: date.toISOString(),
        today: require(path.join(distDir, 'src', 'compliance', 'rules.js')).todayInBangkok(),
        database: await databaseVersion(strapi),
        client,
        strapi: require('@strapi/strapi/package.json').version,
        source,
        autocannon: require('autocannon/package.json').version,
        machine,
        dataset: {
          reused: dataset.reused,
          units: dataset.units,
          years: dataset.years,
          checklistYears: dataset.checklistYears,
          documents: dataset.documents,
          rows: dataset.rows,
          itemLinks: dataset.itemLinks,
          byType: dataset.byType,
          ms: dataset.ms,
        },
        matrixShapes: Object.fromEntries(shapes),
        duration: DURATION,
        warmup: WARMUP,
        goal: { p95Ms: GOAL_MS, units: 30, items: GOAL_ITEMS, database: 'postgres' },
        diagnostics,
        explains,
        results,
        notes,
      };
      const md = markdown(report);
      console.log(`\n${md}\n`);
      const dir = path.join(__dirname, 'results');
      fs.mkdirSync(dir, { recursive: true });
      const stamp = date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      const base = path.join(dir, `compliance-${client}-${stamp}`);
      await writeJson(`${base}.json`, report);
      fs.writeFileSync(`${base}.md`, `${md}\n`);
      console.error(`[bench] wrote ${path.relative(process.cwd(), base)}.{json,md}`);
    } finally {
      if (stop) await stop();
      await database.drop();
    }
    process.exit(0);
  })().catch((error) => {
    console.error(shortError(error));
    process.exit(1);
  });
}
