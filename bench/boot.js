/**
 * Shared by the delivery benchmark and its dataset: compiles the app into a private dist, makes a
 * fresh database (a SQLite file or a PostgreSQL database) and boots Strapi in production mode on
 * it, listening on 127.0.0.1. Nothing here touches `dist/` or the development database.
 */
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const { spawnSync } = require('child_process');
const { randomBytes } = require('crypto');

const appDir = path.resolve(__dirname, '..');

/** `--name value` / `--name=value` / `--flag` → { name: value | true }. */
const parseArgs = (argv = process.argv.slice(2)) => {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    if (m[2] !== undefined) args[m[1]] = m[2];
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[m[1]] = argv[++i];
    else args[m[1]] = true;
  }
  return args;
};

const git = (...args) => {
  const r = spawnSync('git', args, { cwd: appDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
};

const tsc = (project, outDir) => {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      require.resolve('typescript/bin/tsc'),
      '-p',
      project,
      '--outDir',
      outDir,
      '--tsBuildInfoFile',
      path.join(outDir, 'tsconfig.tsbuildinfo'),
    ],
    { cwd: path.dirname(project), encoding: 'utf8' },
  );
  if (r.status !== 0) {
    throw new Error(
      `tsc failed (--rev HEAD benchmarks the last commit, --dist DIR an existing build):\n${(r.stdout + r.stderr).slice(-2000)}`,
    );
  }
  console.error(
    `[bench] compiled into ${path.relative(appDir, outDir)} in ${Date.now() - started} ms`,
  );
};

/**
 * The compiled app Strapi boots from, and what it was compiled from.
 *   --dist DIR (or BENCH_DIST): an existing build, as it is;
 *   --rev REV: that commit's tree (git archive into .tmp/bench-src-<sha>), compiled;
 *   neither: the working tree, compiled with tsc into .tmp/bench-dist (incremental).
 * Never `dist/`, so that a benchmark does not race a test run. Builds live inside the app
 * because Strapi resolves node_modules from the compiled config files.
 */
const resolveDist = ({ dist, rev } = {}) => {
  const given = dist || process.env.BENCH_DIST;
  if (given) {
    const dir = path.resolve(appDir, given);
    if (!fs.existsSync(path.join(dir, 'src', 'index.js')))
      throw new Error(`${dir} holds no compiled app (src/index.js missing)`);
    return { appDir, distDir: dir, source: { build: path.relative(appDir, dir) } };
  }
  if (rev) {
    const sha = git('rev-parse', '--short', `${rev}^{commit}`);
    const srcDir = path.join(appDir, '.tmp', `bench-src-${sha}`);
    const distDir = path.join(appDir, '.tmp', `bench-dist-${sha}`);
    if (!fs.existsSync(path.join(srcDir, 'tsconfig.json'))) {
      fs.mkdirSync(srcDir, { recursive: true });
      const r = spawnSync('sh', ['-c', `git archive ${sha} | tar -x -C "${srcDir}"`], {
        cwd: appDir,
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`git archive ${sha}: ${r.stderr}`);
    }
    if (!fs.existsSync(path.join(distDir, 'src', 'index.js')))
      tsc(path.join(srcDir, 'tsconfig.json'), distDir);
    // The commit's tree is the app (its checklists, migrations); node_modules are found above.
    return { appDir: srcDir, distDir, source: { commit: sha, uncommittedFiles: 0 } };
  }
  const distDir = path.join(appDir, '.tmp', 'bench-dist');
  tsc(path.join(appDir, 'tsconfig.json'), distDir);
  const dirty = spawnSync('git', ['status', '--porcelain', '--', 'src', 'config'], {
    cwd: appDir,
    encoding: 'utf8',
  })
    .stdout.split('\n')
    .filter(Boolean).length;
  return {
    appDir,
    distDir,
    source: { commit: git('rev-parse', '--short', 'HEAD'), uncommittedFiles: dirty },
  };
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

const pgAdminUrl = () => process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const withPg = async (url, fn) => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

/**
 * A fresh, empty database. SQLite: a new file (`--sqlite-file` keeps and reuses a named one).
 * PostgreSQL: CREATE DATABASE through PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/
 * postgres); `--pg-database NAME` reuses a named database instead. Returns the env to boot with
 * and a `drop()` that removes what was created (unless `keep`).
 */
const prepareDatabase = async ({ db = 'sqlite', keep = false, sqliteFile, pgDatabase } = {}) => {
  const tag = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  if (db === 'sqlite') {
    const file = sqliteFile
      ? path.resolve(appDir, sqliteFile)
      : path.join(os.tmpdir(), `prongsai-bench-${tag}.db`);
    const reuse = Boolean(sqliteFile) && fs.existsSync(file);
    const files = [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
    return {
      client: 'sqlite',
      label: file,
      reuse,
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: file },
      drop: async () => {
        if (!keep && !sqliteFile) for (const f of files) fs.rmSync(f, { force: true });
      },
    };
  }
  if (db !== 'postgres') throw new Error(`--db must be sqlite or postgres, not ${db}`);
  const admin = pgAdminUrl();
  const name = pgDatabase || `prongsai_bench_${tag}`;
  const exists = await withPg(admin, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE "${name}"`);
    return r.rowCount > 0;
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    client: 'postgres',
    label: `${url.host}/${name}`,
    reuse: exists,
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: url.toString(),
      DATABASE_SCHEMA: 'public',
    },
    drop: async () => {
      if (keep || pgDatabase) return;
      await withPg(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
};

/**
 * Boots Strapi from `distDir` on the prepared database, as `strapi start` would (production mode,
 * no admin panel served), and listens on `port` when given. Secrets are random per run.
 */
const bootStrapi = async ({ appDir: app = appDir, distDir, database, port, env = {} }) => {
  const secret = () => randomBytes(24).toString('base64');
  Object.assign(process.env, {
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_EE: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
    HOST: '127.0.0.1',
    PORT: String(port || 0),
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: randomBytes(16).toString('hex'),
    AUDIT_HMAC_KEYS: `bench:${secret()}`,
    // The audit witness of a run goes to a temp dir, never the app's .tmp/audit-witness.log.
    AUDIT_WITNESS_FILE: path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-witness-')),
      'audit-witness.log',
    ),
    ...database.env,
    ...env,
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({
    appDir: app,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  });
  // Files a run might upload go to a temp dir, never public/uploads.
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-bench-uploads-'));
  fs.mkdirSync(path.join(uploads, 'uploads'));
  strapi.dirs.static.public = uploads;
  await strapi.load();
  const stop = async () => {
    await strapi.destroy();
    fs.rmSync(uploads, { recursive: true, force: true });
  };
  return { strapi, stop };
};

const machineInfo = () => {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0] ? cpus[0].model.trim() : 'unknown'}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
};

/** "SQLite 3.x (better-sqlite3 12.x)" or "PostgreSQL 15.x". */
const databaseVersion = async (strapi) => {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'sqlite') {
    const [row] = await knex.raw('select sqlite_version() as v');
    return `SQLite ${row.v} (better-sqlite3 ${require('better-sqlite3/package.json').version})`;
  }
  const r = await knex.raw('show server_version');
  return `PostgreSQL ${r.rows[0].server_version}`;
};

/**
 * CPU time per process from /proc (Linux; empty elsewhere): pid → { comm, ticks }. Two snapshots
 * around a run tell how busy the machine was and with what — Strapi, the load generator,
 * PostgreSQL, or something else (another job on a shared machine makes numbers noisy).
 */
const cpuSnapshot = () => {
  const snap = new Map();
  let pids = [];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return snap;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      snap.set(Number(pid), { comm, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended meanwhile.
    }
  }
  return snap;
};

module.exports = {
  cpuSnapshot,
  appDir,
  parseArgs,
  resolveDist,
  freePort,
  prepareDatabase,
  bootStrapi,
  machineInfo,
  databaseVersion,
};
