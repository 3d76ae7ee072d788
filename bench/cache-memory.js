#!/usr/bin/env node
/**
 * Memory of the in-process response cache: N distinct public URLs of ~300 KB each go through the
 * cache middleware (no database: the handler returns a fresh random body). Prints the cache's
 * computed size and the process RSS / heap after a GC.
 *
 *   npm run build   (or any test run: the middleware is read from dist/)
 *   node --expose-gc bench/cache-memory.js [--urls 6000] [--kb 300] [--max-mb 64]
 *   node --expose-gc bench/cache-memory.js --max-mb 100000   # no byte bound: the old behaviour
 */
const path = require('path');
const { randomBytes } = require('crypto');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const urls = arg('urls', 6000);
const kb = arg('kb', 300);
const maxMb = arg('max-mb', 64);

const cache = require(path.join(__dirname, '..', 'dist', 'src', 'delivery', 'cache.js'));
const fakeStrapi = {
  config: { get: (k) => (k === 'server.url' ? 'https://cms.example.ac.th' : undefined) },
  contentTypes: {},
  db: { inTransaction: () => false },
  log: { warn() {}, error() {} },
};

const ctxFor = (url) => {
  const headers = {};
  return {
    method: 'GET',
    path: url.split('?')[0],
    url,
    origin: 'https://cms.example.ac.th',
    status: 404,
    body: undefined,
    type: 'application/json',
    get: () => '',
    set: (k, v) => {
      headers[k.toLowerCase()] = v;
    },
    response: { get: (k) => headers[k.toLowerCase()] ?? '' },
  };
};

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const gc = () => global.gc && global.gc();

(async () => {
  await cache.initCache({
    ...process.env,
    REDIS_URL: '',
    PUBLIC_CACHE: 'true',
    PUBLIC_CACHE_MAX_MB: String(maxMb),
    PUBLIC_CACHE_MAX_ENTRIES: '5000',
    PUBLIC_CACHE_MAX_ENTRY_KB: String(Math.max(kb * 4, 1024)),
  });
  const mw = cache.responseCacheMiddleware(fakeStrapi);
  gc();
  const start = process.memoryUsage();
  const t0 = Date.now();
  for (let i = 0; i < urls; i += 1) {
    const ctx = ctxFor(`/api/news-items?page=${i}`);
    await mw(ctx, async () => {
      ctx.status = 200;
      // A distinct, flat ~kb KB string, as a serialized response is.
      ctx.body = `{"data":"${randomBytes((kb * 1024) / 2).toString('hex')}"}`;
    });
  }
  gc();
  const end = process.memoryUsage();
  const s = cache.cacheStats();
  console.log(
    JSON.stringify(
      {
        urls,
        responseKB: kb,
        maxMB: maxMb,
        cachedEntries: s.entries,
        cachedBytes: mb(s.bytes),
        rssBefore: mb(start.rss),
        rssAfter: mb(end.rss),
        heapUsedAfter: mb(end.heapUsed),
        seconds: (Date.now() - t0) / 1000,
      },
      null,
      1,
    ),
  );
  await cache.closeCache();
})();
