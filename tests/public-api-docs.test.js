/**
 * docs/public-api.md stays true: its @strapi/client example is run, as written, against a live
 * CMS and must print the unit's news and ITA progress.
 */
const fs = require('fs');
const path = require('path');
const { execFile } = require('child_process');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit } = require('./helpers/factories');
const { createEntry } = require('./helpers/delivery');

let strapi;
let baseUrl;

beforeAll(async () => {
  strapi = await setupStrapi({ PORT: '0' }, { listen: true });
  baseUrl = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  const unit = await createUnit(strapi, { code: 'ENG', nameTh: 'คณะวิศวกรรมศาสตร์' });
  for (const [title, date] of [
    ['ข่าวเก่า', '2025-11-01'],
    ['ข่าวใหม่', '2026-05-01'],
  ])
    await createEntry(
      strapi,
      'api::news.news',
      { title, kind: 'public_relations', date, unit: unit.documentId },
      { items: ['O4'] },
    );
  await createEntry(
    strapi,
    'api::news.news',
    { title: 'ข่าวปีก่อน', kind: 'public_relations', date: '2025-05-01', unit: unit.documentId },
    { items: [], fiscalYear: 2568 },
  );
});
afterAll(teardownStrapi);

test('the @strapi/client example of docs/public-api.md works as written', async () => {
  const doc = fs.readFileSync(path.join(appDir, 'docs', 'public-api.md'), 'utf8');
  const match = /<!-- example: strapi-client[^>]*-->\s*```js\n([\s\S]*?)```/.exec(doc);
  expect(match).not.toBeNull();
  const dir = path.join(appDir, '.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `strapi-client-example-${process.pid}.mjs`);
  fs.writeFileSync(file, match[1]);
  try {
    const stdout = await new Promise((resolve, reject) =>
      execFile(
        process.execPath,
        [file],
        { env: { ...process.env, CMS_URL: baseUrl }, timeout: 30000 },
        (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out)),
      ),
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toEqual([
      '2026-05-01 ข่าวใหม่ ENG',
      '2025-11-01 ข่าวเก่า ENG',
      expect.stringMatching(/^คณะวิศวกรรมศาสตร์: 1 of \d+ items published$/),
    ]);
  } finally {
    fs.rmSync(file, { force: true });
  }
});
