#!/usr/bin/env node
/**
 * `npm run cli -- <command> [args]` (and the ita:* scripts): compiles the app, then runs one
 * command of src/cli against the configured database. Commands that write boot Strapi; bad
 * input exits non-zero with a message before anything is written.
 */
const fs = require('fs');
const path = require('path');

process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
process.env.STRAPI_STARTUP_BANNER = 'false';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

(async () => {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..', '..');
  const distDir = path.join(appDir, 'dist');
  // The test suite compiles once for the whole run and sets PRONGSAI_SKIP_COMPILE.
  const ctx =
    process.env.PRONGSAI_SKIP_COMPILE === '1' &&
    fs.existsSync(path.join(distDir, 'src', 'index.js'))
      ? { appDir, distDir }
      : await compileStrapi({ appDir });
  const { run } = require(path.join(ctx.distDir, 'src', 'cli', 'index.js'));
  let strapi = null;
  const boot = async () => {
    strapi = await createStrapi({ ...ctx, autoReload: false, serveAdminPanel: false }).load();
    return strapi;
  };
  let code = 1;
  try {
    code = await run(process.argv.slice(2), { boot, cwd: process.env.INIT_CWD || process.cwd() });
  } catch (error) {
    console.error(`error: ${error && error.message ? error.message : String(error)}`);
    code = 1;
  } finally {
    if (strapi) {
      // Work scheduled by a write after it returns (the public cache's invalidations, audit
      // and event listeners) still holds database connections; shutting down under it aborts
      // its queries (PostgreSQL: "aborted", a crash at exit). Wait until the pool is idle for a
      // moment (at most 10 s). tarn's counters are the only signal Strapi exposes for this.
      const cache = require(path.join(ctx.distDir, 'src', 'delivery', 'cache.js'));
      await cache.flushInvalidations().catch(() => undefined);
      const pool = strapi.db && strapi.db.connection && strapi.db.connection.client.pool;
      const busy = () =>
        pool ? pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() : 0;
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
      for (let idle = 0, waited = 0; idle < 3 && waited < 10000; waited += 50) {
        await sleep(50);
        idle = busy() === 0 ? idle + 1 : 0;
      }
      await strapi.destroy();
    }
  }
  process.exit(code);
})();
