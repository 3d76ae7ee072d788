#!/usr/bin/env node
/**
 * Public delivery benchmark: how fast the public API answers unit websites, on the dataset of
 * bench/dataset.js (30 units × 3 fiscal years, 50,000 published entries), with the response
 * cache on and off. One database per run; Strapi boots in this process (production mode,
 * listening on 127.0.0.1) and the load comes from autocannon in a child process
 * (bench/delivery-load.js), 10 connections, a warm-up then a measured run per target:
 *
 *   (a) ceiling: a bare Node http server (bench/delivery-ceiling.js) sending the bytes and
 *       headers Strapi sent for (b);
 *   (b) GET /api/ita/{unit}/2569, cache hit (the same URL over and over);
 *   (c) the same, cache off: one URL, then every unit × year in turn;
 *   (d) GET /api/news-items filtered by unit and year (25 a page) — with Strapi's filters and with
 *       the ?unit=&fiscalYear= shortcut — and unfiltered; cache on, off.
 *
 * Goals: (b) ≥ ½ (a) req/s; (c) p95 ≤ 50 ms; (d) p95 ≤ 30 ms — at 10 concurrent clients.
 * The cache is switched with setCacheEnabled() of src/delivery/cache.ts, in this process.
 * Before the load, each Strapi target is requested a few times with database queries traced
 * (count, time, slowest statements): the evidence when a target misses its goal.
 *
 *   node bench/delivery.js                         # SQLite (a temporary file)
 *   node bench/delivery.js --db postgres           # PostgreSQL: a new database, dropped after
 *   options: --duration 10 --warmup 3 --connections 10 --entries 50000 --units 30
 *            --quiet-wait 60 (s to wait, per target, for other processes to leave the CPUs)
 *            --retries 2 (runs again a target during which other processes were busy)
 *            --only a,b,c,d  --rev REV (benchmark a commit, e.g. HEAD; default: the working tree)
 *            --dist DIR (an existing build as it is)
 *            --sqlite-file F / --pg-database NAME (keep and reuse a dataset) --keep
 *   PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) must be able to CREATE
 *   DATABASE. Prints a Markdown table and writes bench/results/delivery-<db>-<date>.{json,md}.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn, fork } = require('child_process');
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
const DURATION = Number(args.duration || 10);
const WARMUP = Number(args.warmup || 3);
const CONNECTIONS = Number(args.connections || 10);
const QUIET_WAIT = Number(args['quiet-wait'] ?? 60);
const RETRIES = Number(args.retries ?? 2);
/** Other processes using this share of a CPU or more make a run noisy (idle machine: 1–2 %). */
const QUIET_PERCENT = 10;
const ONLY = args.only ? new Set(String(args.only).split(',')) : null;
const YEAR = 2569;
const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** One GET; resolves with status, headers (raw pairs), body and time. */
const get = (origin, urlPath, headers = {}) =>
  new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(`${origin}${urlPath}`, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const pairs = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({
          status: res.statusCode,
          headers: pairs,
          header: (name) => res.headers[name.toLowerCase()],
          body: Buffer.concat(chunks),
          ms: Number(process.hrtime.bigint() - t0) / 1e6,
        });
      });
    });
    req.on('error', reject);
  });

/** The public role may read every disclosure type, units and checklists (what the app grants). */
const ensurePublicRead = async (strapi, uids) => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  const granted = [];
  for (const uid of uids) {
    for (const action of [`${uid}.find`, `${uid}.findOne`]) {
      const n = await strapi.db
        .query(PERMISSION_UID)
        .count({ where: { action, role: { id: role.id } } });
      if (!n) {
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
        granted.push(action);
      }
    }
  }
  return granted;
};

/** setCacheEnabled of the compiled cache module Strapi loaded (null when there is none yet). */
const cacheSwitch = (distDir) => {
  const file = path.join(distDir, 'src', 'delivery', 'cache.js');
  if (!fs.existsSync(file)) return null;
  const mod = require(file);
  return typeof mod.setCacheEnabled === 'function' ? mod.setCacheEnabled : null;
};

/** Runs `fn` with every database query timed; returns { queries: [{ sql, ms }] }. */
const traceQueries = async (strapi, fn) => {
  const knex = strapi.db.connection;
  const open = new Map();
  const queries = [];
  const onQuery = (q) => open.set(q.__knexQueryUid, { sql: q.sql, t: process.hrtime.bigint() });
  const onDone = (_res, q) => {
    const s = open.get(q.__knexQueryUid);
    if (!s) return;
    open.delete(q.__knexQueryUid);
    const end = process.hrtime.bigint();
    queries.push({ sql: s.sql, start: s.t, end, ms: Number(end - s.t) / 1e6 });
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

/** Per target, cache off: a warm request, then 3 traced ones; the median one is kept. */
const diagnose = async (strapi, origin, urlPath) => {
  await get(origin, urlPath);
  const samples = [];
  for (let i = 0; i < 3; i += 1) {
    let res;
    const queries = await traceQueries(strapi, async () => {
      res = await get(origin, urlPath);
    });
    samples.push({ ms: res.ms, status: res.status, queries });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const s = samples[1];
  const dbMs = s.queries.reduce((a, q) => a + q.ms, 0);
  // Queries may overlap (Promise.all over a connection pool): also the time any was running.
  let wall = 0n;
  let until = 0n;
  for (const q of [...s.queries].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    const from = q.start > until ? q.start : until;
    if (q.end > from) wall += q.end - from;
    if (q.end > until) until = q.end;
  }
  return {
    path: urlPath,
    status: s.status,
    responseMs: round(s.ms),
    queryCount: s.queries.length,
    queryMs: round(dbMs),
    queryWallMs: round(Number(wall) / 1e6),
    slowest: [...s.queries]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((q) => ({ ms: round(q.ms), sql: q.sql.replace(/\s+/g, ' ').slice(0, 400) })),
  };
};

const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

const runLoad = (origin, paths, onStart) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(__dirname, 'delivery-load.js'),
        JSON.stringify({
          origin,
          paths,
          connections: CONNECTIONS,
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
      if (code !== 0) return reject(new Error(`load generator exited ${code}: ${err.slice(-800)}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch {
        reject(
          new Error(`load generator printed no result: ${out.slice(-300)} ${err.slice(-300)}`),
        );
      }
    });
  });

/**
 * Per category, the share of one CPU used during the run (100 = one core busy all the time).
 * `pids.postgres`: the server processes of this run's database (other PostgreSQL work, e.g. a
 * test suite's, counts as other).
 */
const cpuShares = (before, after, seconds, pids) => {
  if (!after.size) return null;
  const ticksPerSecond = 100; // USER_HZ on Linux
  const shares = { strapi: 0, load: 0, ceiling: 0, postgres: 0, other: 0 };
  const others = new Map();
  for (const [pid, now] of after) {
    const used = now.ticks - (before.get(pid) ? before.get(pid).ticks : 0);
    if (used <= 0) continue;
    const name =
      pid === pids.strapi
        ? 'strapi'
        : pid === pids.load
          ? 'load'
          : pid === pids.ceiling
            ? 'ceiling'
            : now.comm === 'postgres' && (!pids.postgres || pids.postgres.has(pid))
              ? 'postgres'
              : 'other';
    shares[name] += used;
    if (name === 'other') others.set(now.comm, (others.get(now.comm) || 0) + used);
  }
  const pct = (ticks) => Math.round((ticks / ticksPerSecond / seconds) * 100);
  for (const k of Object.keys(shares)) shares[k] = pct(shares[k]);
  shares.otherTop = [...others]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([comm, ticks]) => `${comm} ${pct(ticks)}`);
  return shares;
};

/**
 * Waits (up to `maxSeconds`) until processes other than this one use under 10 % of a CPU
 * over 2 s: on a shared machine, a test run next door skews every number.
 */
const waitForQuiet = async (maxSeconds) => {
  const started = Date.now();
  let other = 0;
  for (;;) {
    const before = cpuSnapshot();
    if (!before.size) return { quiet: true, waited: 0, other: null };
    await new Promise((r) => setTimeout(r, 2000));
    // Between runs this process's own database sessions are idle: PostgreSQL counts as other.
    const shares = cpuShares(before, cpuSnapshot(), 2, { strapi: process.pid });
    other = shares.other + shares.postgres;
    const waited = Math.round((Date.now() - started) / 1000);
    if (other < QUIET_PERCENT) return { quiet: true, waited, other };
    if (waited >= maxSeconds) return { quiet: false, waited, other };
  }
};

/** Starts the ceiling server with the recorded response; resolves { origin, stop }. */
const startCeiling = (recorded) =>
  new Promise((resolve, reject) => {
    const file = path.join(os.tmpdir(), `prongsai-bench-ceiling-${process.pid}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        status: recorded.status,
        headers: recorded.headers,
        body: recorded.body.toString('base64'),
      }),
    );
    const child = fork(path.join(__dirname, 'delivery-ceiling.js'), [file], { stdio: 'inherit' });
    child.once('message', ({ port }) =>
      resolve({
        pid: child.pid,
        origin: `http://127.0.0.1:${port}`,
        stop: () => {
          child.kill();
          fs.rmSync(file, { force: true });
        },
      }),
    );
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`ceiling server exited ${code}`)));
  });

/** Written as Prettier would (the repository's `prettier --check` covers bench/). */
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

const sourceText = (src) =>
  src.commit
    ? `${src.commit}${src.uncommittedFiles ? ` + ${src.uncommittedFiles} uncommitted files under src/ and config/` : ''}`
    : `the build in ${src.build}`;

const cpuCell = (r) => {
  const c = r.load && r.load.cpu;
  if (!c) return '';
  return `${r.id === 'a' ? c.ceiling : c.strapi} / ${r.load.cpuPercent ?? c.load} / ${c.postgres} / ${c.other}`;
};

const fmt = (n, d = 1) => (typeof n === 'number' ? n.toFixed(d) : '–');
const kb = (bytes) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${bytes} B`);

const markdown = (report) => {
  const lines = [];
  const { machine } = report;
  lines.push(`### Public delivery — ${report.database}, ${report.date}`, '');
  lines.push(
    `**Machine:** ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; load average before the run ${machine.loadavg.join(' / ')}.`,
  );
  const d = report.dataset;
  lines.push(
    `**Dataset:** ${d.units} units × fiscal years 2567–2569, ${d.documents} published entries${d.rows ? ` (${d.rows} rows with drafts, ${d.itemLinks} checklist links, ${d.files} files)` : ''}; ${d.reused ? 'reused' : `built in ${fmt(d.ms / 1000)} s`}.`,
  );
  lines.push(
    `**Method:** autocannon 8 in a child process, ${report.connections} connections (closed loop: each sends its next request when the last is answered), ${report.warmup} s warm-up then ${report.duration} s per target; Strapi ${report.strapi} in production mode, one process; p50/p95/p99 from every response time (nearest rank). Source: ${sourceText(report.source)}.${report.grantedByBench.length ? ` The bench granted the Public role ${report.grantedByBench.length} read permissions it lacked.` : ''}`,
    '',
  );
  lines.push(
    '| target | request | cache | body | req/s | p50 ms | p95 ms | p99 ms | goal | met | CPU % server / load gen / postgres / other |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of report.results) {
    if (r.skipped) {
      lines.push(
        `| ${r.id} | \`${r.label}\` | ${r.cache} | – | – | – | – | – | ${r.goal || ''} | skipped: ${r.skipped} | |`,
      );
      continue;
    }
    const l = r.load.latency;
    lines.push(
      `| ${r.id} | \`${r.label}\` | ${r.cache} | ${kb(r.bytes)} | ${fmt(r.load.rps, 0)} | ${fmt(l.p50, 2)} | ${fmt(l.p95, 2)} | ${fmt(l.p99, 2)} | ${r.goal || ''} | ${r.met === undefined ? '' : r.met ? '**yes**' : '**no**'} | ${cpuCell(r)} |`,
    );
  }
  const errs = report.results.filter((r) => r.load && (r.load.non2xx || r.load.errors));
  if (errs.length) {
    lines.push('');
    for (const r of errs)
      lines.push(
        `Errors in ${r.id}: ${r.load.non2xx} non-2xx, ${r.load.errors} errors (${JSON.stringify(r.load.statuses)}).`,
      );
  }
  if (report.diagnostics.length) {
    lines.push('', 'Uncached, one request at a time (median of 3), database queries traced:', '');
    lines.push(
      '| request | status | response ms | queries | Σ query ms | ms with a query running | slowest query ms |',
    );
    lines.push('|---|---|---|---|---|---|---|');
    for (const g of report.diagnostics)
      lines.push(
        `| \`${g.path}\` | ${g.status} | ${fmt(g.responseMs, 2)} | ${g.queryCount} | ${fmt(g.queryMs, 2)} | ${fmt(g.queryWallMs, 2)} | ${g.slowest[0] ? fmt(g.slowest[0].ms, 2) : '–'} |`,
      );
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
  const ceilingStops = [];
  let stop = null;
  try {
    const port = await freePort();
    const booted = await bootStrapi({ appDir, distDir, database, port });
    stop = booted.stop;
    const { strapi } = booted;
    const client = strapi.db.dialect.client;
    const dataset = await buildDataset(strapi, { entries: args.entries, units: args.units });
    printStats(dataset, `${client}, ${database.label}`);

    const { DISCLOSURE_TYPES } = require(path.join(distDir, 'src', 'disclosures', 'types'));
    const notes = [];
    const grantedByBench = await ensurePublicRead(strapi, [
      ...DISCLOSURE_TYPES.map((t) => t.uid),
      'api::unit.unit',
      'api::ita-checklist.ita-checklist',
      'api::ita-item.ita-item',
    ]);
    if (grantedByBench.length)
      notes.push(
        `the Public role lacked ${grantedByBench.length} read permissions (e.g. ${grantedByBench[0]}); the bench granted them.`,
      );
    await strapi.listen();
    const origin = `http://127.0.0.1:${port}`;
    const setCache = cacheSwitch(distDir);
    if (!setCache) notes.push('no setCacheEnabled in src/delivery/cache: cached targets skipped.');
    const cacheLabel = (on) => (setCache ? (on ? 'on' : 'off') : 'none');

    const units = dataset.unitList.map((u) => u.code);
    const unit = units[0];
    const itaPath = `/api/ita/${unit}/${YEAR}`;
    const itaProbe = await get(origin, itaPath);
    const itaOk = itaProbe.status === 200;
    if (!itaOk)
      notes.push(
        `GET ${itaPath} answered ${itaProbe.status} (${itaProbe.body.toString('utf8').slice(0, 160)}): (b) and (c) skipped.`,
      );
    // Every unit × year whose ITA page exists (a year without a checklist answers 404).
    const itaRotation = [];
    if (itaOk) {
      for (const year of dataset.years || [2567, 2568, 2569]) {
        const res = await get(origin, `/api/ita/${unit}/${year}`);
        if (res.status === 200) for (const u of units) itaRotation.push(`/api/ita/${u}/${year}`);
        else
          notes.push(`GET /api/ita/${unit}/${year} answered ${res.status}: not in the rotation.`);
      }
    }
    const listFiltered = `/api/news-items?filters[unit][code][$eq]=${unit}&filters[fiscalYear][$eq]=${YEAR}&pagination[pageSize]=25`;
    // The public-query shortcut for the same page (?unit= is resolved to the unit's id).
    const listShort = `/api/news-items?unit=${unit}&fiscalYear=${YEAR}&pagination[pageSize]=25`;
    const listPlain = '/api/news-items';

    const targets = [
      { id: 'b', group: 'b', label: itaPath, paths: [itaPath], cache: true, needs: itaOk },
      { id: 'c', group: 'c', label: itaPath, paths: [itaPath], cache: false, needs: itaOk },
      {
        id: 'c*',
        group: 'c',
        label: `/api/ita/{${units.length} units}/{${[...new Set(itaRotation.map((p) => p.split('/').pop()))].join(',')}} in turn`,
        paths: itaRotation,
        cache: false,
        needs: itaOk && itaRotation.length > 1,
      },
      { id: 'd', group: 'd', label: listFiltered, paths: [listFiltered], cache: true },
      { id: 'd', group: 'd', label: listFiltered, paths: [listFiltered], cache: false },
      { id: 'd', group: 'd', label: listShort, paths: [listShort], cache: true },
      { id: 'd', group: 'd', label: listShort, paths: [listShort], cache: false },
      { id: 'd', group: 'd', label: listPlain, paths: [listPlain], cache: true },
      { id: 'd', group: 'd', label: listPlain, paths: [listPlain], cache: false },
    ];

    // Evidence first: what each Strapi target costs alone, uncached.
    if (setCache) setCache(false);
    const diagnostics = [];
    for (const p of [...new Set(targets.filter((t) => t.needs !== false).map((t) => t.paths[0]))])
      diagnostics.push(await diagnose(strapi, origin, p));
    for (const g of diagnostics)
      console.error(
        `[bench] ${g.path}: ${g.status}, ${g.responseMs} ms, ${g.queryCount} queries (${g.queryMs} ms); slowest ${g.slowest[0] ? `${g.slowest[0].ms} ms: ${g.slowest[0].sql.slice(0, 160)}` : '–'}`,
      );

    // PostgreSQL server processes of this run's database (the rest of PostgreSQL is "other").
    const ownBackends = async () => {
      if (client !== 'postgres') return new Set();
      const r = await strapi.db.connection.raw(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
      );
      return new Set(r.rows.map((row) => Number(row.pid)));
    };

    const results = [];
    const measure = async (t) => {
      const base = {
        id: t.id,
        group: t.group,
        label: t.label,
        cache: t.id === 'a' ? '–' : cacheLabel(t.cache),
        goal: t.goal,
      };
      if (ONLY && !ONLY.has(t.group)) return null;
      if (t.needs === false) return { ...base, skipped: 'endpoint not available' };
      if (t.cache && !setCache) return { ...base, skipped: 'no cache module' };
      if (setCache && t.cache !== null) setCache(t.cache);
      const probe = await get(t.origin || origin, t.paths[0]);
      if (probe.status !== 200)
        return {
          ...base,
          skipped: `answered ${probe.status}: ${probe.body.toString().slice(0, 120)}`,
        };
      console.error(`[bench] ${t.id} ${t.label} (cache ${base.cache}) …`);
      // A run during which other processes took 10 % of a CPU or more is run again.
      let quiet;
      let load;
      for (let attempt = 1; ; attempt += 1) {
        quiet = await waitForQuiet(QUIET_WAIT);
        const before = cpuSnapshot();
        const t0 = process.hrtime.bigint();
        let loadPid = null;
        load = await runLoad(t.origin || origin, t.paths, (pid) => (loadPid = pid));
        // The load generator has exited by now: it reports its own CPU time.
        const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
        load.cpu = cpuShares(before, cpuSnapshot(), seconds, {
          strapi: process.pid,
          load: loadPid,
          ceiling: t.ceilingPid || null,
          postgres: await ownBackends(),
        });
        load.attempt = attempt;
        const busy = load.cpu ? load.cpu.other : 0;
        if (busy < QUIET_PERCENT) break;
        if (attempt > RETRIES) {
          notes.push(
            `${t.id} ${t.label.slice(0, 60)} (cache ${base.cache}): other processes used ${busy} % of a CPU during the run (${load.cpu.otherTop.join(', ')}); numbers skewed.`,
          );
          break;
        }
        console.error(`[bench]   other processes used ${busy} % of a CPU: running it again`);
      }
      const after = await get(t.origin || origin, t.paths[0]);
      return {
        ...base,
        bytes: probe.body.length,
        xCache: after.header('x-cache') || null,
        waitedForQuiet: quiet.waited,
        load,
      };
    };

    // (a) mirrors the cached ITA page (before it exists: the filtered list, cached if possible).
    const mirrored = targets.find((t) => t.needs !== false && (t.cache || !setCache));
    if (!ONLY || ONLY.has('a')) {
      if (setCache) setCache(true);
      await get(origin, mirrored.paths[0]);
      const recorded = await get(origin, mirrored.paths[0]);
      const ceiling = await startCeiling(recorded);
      ceilingStops.push(ceiling.stop);
      results.push(
        await measure({
          id: 'a',
          group: 'a',
          label: `ceiling: bare node http, the bytes of ${mirrored.paths[0]}`,
          paths: [mirrored.paths[0]],
          origin: ceiling.origin,
          ceilingPid: ceiling.pid,
          cache: null,
        }),
      );
      ceilingStops.pop()();
    }
    for (const t of targets) {
      const r = await measure(t);
      if (r) results.push(r);
    }

    // Goals.
    const ceilingRps = results.find((r) => r.id === 'a' && r.load);
    for (const r of results) {
      if (!r.load) {
        if (r.group === 'b') r.goal = '≥ ½ (a) req/s';
        if (r.group === 'c') r.goal = 'p95 ≤ 50 ms';
        if (r.group === 'd') r.goal = 'p95 ≤ 30 ms';
        continue;
      }
      if (r.group === 'b' && ceilingRps) {
        r.goal = `≥ ${fmt(ceilingRps.load.rps / 2, 0)} req/s (½ a)`;
        r.met = r.load.rps >= ceilingRps.load.rps / 2;
      } else if (r.group === 'c') {
        r.goal = 'p95 ≤ 50 ms';
        r.met = r.load.latency.p95 <= 50;
      } else if (r.group === 'd') {
        r.goal = 'p95 ≤ 30 ms';
        r.met = r.load.latency.p95 <= 30;
      }
      if (r.load.non2xx || r.load.errors) r.met = false;
      if (r.cache === 'on' && r.xCache && r.xCache !== 'HIT')
        notes.push(`${r.id} ${r.label}: X-Cache ${r.xCache} after the run, not HIT.`);
    }

    const report = {
      date: date.toISOString().slice(0, 10),
      startedAt: date.toISOString(),
      database: await databaseVersion(strapi),
      client,
      strapi: require('@strapi/strapi/package.json').version,
      source,
      autocannon: require('autocannon/package.json').version,
      machine,
      dataset: {
        reused: dataset.reused,
        units: dataset.units,
        documents: dataset.documents,
        rows: dataset.rows,
        itemLinks: dataset.itemLinks,
        files: dataset.files,
        byType: dataset.byType,
        ms: dataset.ms,
      },
      connections: CONNECTIONS,
      duration: DURATION,
      warmup: WARMUP,
      grantedByBench,
      diagnostics,
      results,
      notes,
    };
    const md = markdown(report);
    console.log(`\n${md}\n`);
    const dir = path.join(__dirname, 'results');
    fs.mkdirSync(dir, { recursive: true });
    const stamp = date.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const base = path.join(dir, `delivery-${client}-${stamp}`);
    await writeJson(`${base}.json`, report);
    fs.writeFileSync(`${base}.md`, `${md}\n`);
    console.error(`[bench] wrote ${path.relative(process.cwd(), base)}.{json,md}`);
  } finally {
    for (const s of ceilingStops) s();
    if (stop) await stop();
    await database.drop();
  }
  process.exit(0);
})().catch((error) => {
  console.error(shortError(error));
  process.exit(1);
});
