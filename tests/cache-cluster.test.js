/**
 * Several instances behind a proxy share PostgreSQL and Redis: content published through one
 * instance is read — new, at once — through another whose cache held the old page.
 * Runs with `npm run test:pg` (it needs PostgreSQL and Redis; REDIS_URL defaults to the local one).
 */
const { spawn } = require('child_process');
const path = require('path');
const { randomBytes } = require('crypto');
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit, createSuperAdmin, adminToken } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');
const { transition } = require('../dist/src/workflow/service');

const NEWS = 'api::news.news';
const onPostgres = Boolean(process.env.DATABASE_URL);
const maybe = onPostgres ? describe : describe.skip;
if (!onPostgres) console.log('cache-cluster: runs on PostgreSQL only (npm run test:pg)');

let strapi;
let other;
let otherUrl;
let jwt;
let unit;

const startSecondInstance = () =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'helpers', 'second-instance.js')], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      const m = /READY (\d+)/.exec(String(d));
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.on('exit', (code) => reject(new Error(`second instance exited ${code}: ${err}`)));
  });

const readB = async (path) => {
  const res = await fetch(`${otherUrl}${path}`);
  return { status: res.status, cache: res.headers.get('x-cache'), body: await res.json() };
};
const titles = (page) =>
  page.body.data.items.find((i) => i.code === 'O4').entries.map((e) => e.title);

maybe('two Strapi processes sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    strapi = await setupStrapi({
      PUBLIC_URL: 'https://cms.example.ac.th',
      REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `prongsai-test-${randomBytes(4).toString('hex')}:`,
      CRON_ENABLED: 'false',
    });
    unit = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
    await createEntry(
      strapi,
      NEWS,
      { title: 'ข่าวเดิม', kind: 'public_relations', date: '2026-04-01', unit: unit.documentId },
      { items: ['O4'] },
    );
    const admin = await createSuperAdmin(strapi);
    jwt = await adminToken(request, strapi, admin);
    other = await startSecondInstance();
    otherUrl = other.url;
  }, 180000);

  afterAll(async () => {
    if (other) {
      const exited = new Promise((r) => other.child.once('exit', r));
      other.child.kill('SIGTERM');
      await exited;
    }
    await teardownStrapi();
  });

  const publishThroughA = async (documentId, action, comment) => {
    const res = await request(strapi.server.httpServer)
      .post('/workflow/transition')
      .set('Authorization', `Bearer ${jwt}`)
      .send({ uid: NEWS, documentId, action, comment });
    expect([res.status, res.body.error]).toEqual([200, undefined]);
  };

  test('published through A, read through B at once', async () => {
    const page = '/api/ita/ENG/2569';
    await readB(page);
    const cached = await readB(page);
    expect(cached.cache).toBe('HIT');
    expect(titles(cached)).toEqual(['ข่าวเดิม']);

    // A new entry approved by the system, published by a person through instance A.
    const entry = await createEntry(
      strapi,
      NEWS,
      { title: 'ข่าวใหม่', kind: 'public_relations', date: '2026-04-02', unit: unit.documentId },
      { items: ['O4'], publish: false },
    );
    for (const action of ['submit', 'approve'])
      await transition(strapi, {
        uid: NEWS,
        documentId: entry.documentId,
        action,
        actor: { kind: 'system', name: 'test' },
      });
    await publishThroughA(entry.documentId, 'publish');
    const fresh = await readB(page);
    expect(fresh.cache).toBe('MISS');
    expect(titles(fresh)).toEqual(['ข่าวใหม่', 'ข่าวเดิม']);
    expect((await readB(page)).cache).toBe('HIT');

    const list = '/api/news-items?unit=ENG';
    await readB(list);
    await publishThroughA(entry.documentId, 'unpublish', 'ข้อมูลผิด ต้องแก้ไข');
    expect(titles(await readB(page))).toEqual(['ข่าวเดิม']);
    expect(JSON.stringify((await readB(list)).body)).not.toContain('ข่าวใหม่');
  });

  test('both instances answer the same ETag for the same content', async () => {
    const a = await request(strapi.server.httpServer).get('/api/ita/ENG/2569');
    const b = await fetch(`${otherUrl}/api/ita/ENG/2569`);
    expect(b.headers.get('etag')).toBe(a.headers.etag);
    const notModified = await fetch(`${otherUrl}/api/ita/ENG/2569`, {
      headers: { 'If-None-Match': a.headers.etag },
    });
    expect(notModified.status).toBe(304);
  });
});
