#!/usr/bin/env node
/**
 * The load generator of bench/delivery.js, run as a child process so that it never shares the
 * event loop of the server it measures. autocannon 8 through its API (the same engine as its
 * CLI) for two things the CLI's --json lacks: a rotating list of URLs, and exact percentiles —
 * the CLI reports whole milliseconds at p50/p97.5/p99 only, no p95. Every response time is kept
 * (process.hrtime, fractional ms) and the percentiles are computed from them (nearest rank).
 *
 *   node bench/delivery-load.js '{"origin":"http://127.0.0.1:1337","paths":["/api/news-items"],
 *                                 "connections":10,"duration":10,"warmup":3}'
 *
 * Prints one JSON object on stdout.
 */
const autocannon = require('autocannon');

const cfg = JSON.parse(process.argv[2] || '{}');
const connections = Number(cfg.connections || 10);

const options = (duration) => {
  const base = { connections, duration, timeout: 30 };
  if (cfg.paths.length === 1) return { ...base, url: `${cfg.origin}${cfg.paths[0]}` };
  // Each connection walks the list in order and starts over: every URL gets the same share.
  return {
    ...base,
    url: cfg.origin,
    requests: cfg.paths.map((path) => ({ method: 'GET', path })),
  };
};

const run = (duration, onResponse) =>
  new Promise((resolve, reject) => {
    const instance = autocannon(options(duration), (err, result) =>
      err ? reject(err) : resolve(result),
    );
    if (onResponse) instance.on('response', onResponse);
  });

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const round = (n, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

(async () => {
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
  const mean = ok ? sorted.reduce((a, b) => a + b, 0) / ok : 0;
  process.stdout.write(
    `${JSON.stringify({
      connections,
      seconds: round(seconds, 3),
      requests: ok,
      rps: round(ok / seconds, 1),
      statuses,
      // Share of one CPU this load generator used while measuring (100 = a whole core).
      cpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      bytesPerRequest: result.requests.total
        ? Math.round(result.throughput.total / result.requests.total)
        : 0,
      latency: {
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(ok ? sorted[ok - 1] : 0),
        mean: round(mean),
      },
      // What autocannon itself reports (whole milliseconds; no p95 in its output).
      autocannon: {
        rps: result.requests.average,
        p50: result.latency.p50,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
      },
    })}\n`,
  );
})().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
