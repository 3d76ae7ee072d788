/**
 * Boots a real Strapi once per test file: a fresh SQLite file in the OS temp dir by default,
 * or — when DATABASE_URL is set (npm run test:pg) — a fresh PostgreSQL schema that is dropped
 * afterwards. No mocks: the same register/bootstrap, middlewares and database as production.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { randomBytes } = require('crypto');

const appDir = path.resolve(__dirname, '..', '..');

process.env.NODE_ENV = 'test';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';
process.env.STRAPI_DISABLE_EE = 'true';
process.env.SEED_DEMO = process.env.SEED_DEMO || 'false';
process.env.AUTH_RATE_LIMIT = 'false';
process.env.STRAPI_STARTUP_BANNER = 'false';
process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';

let instance = null;
let loading = null;
let cleanup = [];

const pgClient = async () => {
  const { Client } = require('pg');
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
};

async function setupStrapi(env = {}, options = {}) {
  if (loading) return loading;
  // A beforeAll that times out leaves its boot running; teardownStrapi waits for it (below) so
  // that it never queries a schema that has already been dropped.
  if (!loading) loading = boot(env, options);
  return loading;
}

async function boot(env, options) {
  Object.assign(process.env, env);
  const runId = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_URL) {
    const schema = `t_${runId}`;
    const client = await pgClient();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_SCHEMA = schema;
    cleanup.push(async () => {
      const c = await pgClient();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    });
  } else {
    const file = path.join(os.tmpdir(), `prongsai-test-${runId}.db`);
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = file;
    cleanup.push(async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`])
        fs.rmSync(f, { force: true });
    });
  }
  // The audit witness of this run (src/workflow/witness.ts), unless the test names its own.
  if (!env.AUDIT_WITNESS_FILE) {
    const witness = path.join(os.tmpdir(), `prongsai-witness-${runId}.log`);
    process.env.AUDIT_WITNESS_FILE = witness;
    cleanup.push(async () => fs.rmSync(witness, { force: true }));
  }
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-uploads-'));
  cleanup.push(async () => fs.rmSync(uploads, { recursive: true, force: true }));

  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({
    appDir,
    distDir: path.join(appDir, 'dist'),
    autoReload: false,
    serveAdminPanel: Boolean(options.serveAdminPanel),
  });
  // Uploaded files of a test run go to a temp dir, not public/uploads.
  strapi.dirs.static.public = uploads;
  fs.mkdirSync(path.join(uploads, 'uploads'), { recursive: true });
  instance = strapi;
  await strapi.load();
  if (options.listen) {
    await strapi.listen();
  } else {
    strapi.server.mount();
  }
  return strapi;
}

async function teardownStrapi() {
  if (loading) {
    await loading.catch(() => {});
    loading = null;
  }
  let failure = null;
  if (instance) {
    // A boot that failed half-way may not shut down cleanly; its database is dropped regardless.
    await instance.destroy().catch((error) => (failure = error));
    instance = null;
  }
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
  if (failure) throw failure;
}

module.exports = { setupStrapi, teardownStrapi, appDir };
