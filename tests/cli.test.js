/** The checklist CLI: a bad file exits non-zero naming the JSON path; a good one is imported and exported. */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { appDir } = require('./helpers/strapi');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-cli-'));
const env = {
  ...process.env,
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(tmp, 'cli.db'),
  DATABASE_URL: '',
  NODE_ENV: 'test',
  LOG_LEVEL: 'error',
  SEED_DEMO: 'false',
  INIT_CWD: tmp,
};
const cli = (...args) =>
  spawnSync(process.execPath, [path.join(appDir, 'src', 'cli', 'bin.js'), ...args], {
    cwd: tmp,
    env,
    encoding: 'utf8',
  });

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('ita:import refuses a malformed file with the JSON path and a non-zero exit, writing nothing', () => {
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(
    bad,
    JSON.stringify({
      fiscal_year_be: 2026,
      scheme: 'general',
      indicators: [
        {
          code: '9',
          title_th: 'x',
          subindicators: [
            { title_th: 'y', items: [{ code: 'X', title_th: 'a', cadence: 'weekly' }] },
          ],
        },
      ],
    }),
  );
  const r = cli('ita:import', bad);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('$.fiscal_year_be');
  expect(r.stderr).toContain('$.indicators[0].subindicators[0].items[0].code');
  expect(r.stderr).toContain(
    '$.indicators[0].subindicators[0].items[0].cadence: unknown cadence "weekly"',
  );
  expect(fs.existsSync(path.join(tmp, 'cli.db'))).toBe(false);

  fs.writeFileSync(bad, '{ not json');
  expect(cli('ita:import', bad).stderr).toContain('not valid JSON');
  expect(cli('ita:import').status).toBe(2);
});

test('ita:import adds a list, re-import replaces it in place, ita:export writes the same format', () => {
  const file = JSON.parse(
    fs.readFileSync(path.join(appDir, 'src', 'ita', 'data', 'oit-2569-general.json'), 'utf8'),
  );
  file.fiscal_year_be = 2571;
  const src = path.join(tmp, 'oit-2571.json');
  fs.writeFileSync(src, JSON.stringify(file));
  const first = cli('ita:import', src);
  expect(first.stdout).toContain(
    'added checklist 2571 (general): 24 item(s) added, 0 updated, 0 removed',
  );
  expect(first.status).toBe(0);
  const again = cli('ita:import', src);
  expect(again.stdout).toContain(
    'replaced checklist 2571 (general): 0 item(s) added, 24 updated, 0 removed',
  );

  const out = cli('ita:export', '๒๕๗๑', 'general', '--out', 'exported.json');
  expect(out.status).toBe(0);
  const exported = JSON.parse(fs.readFileSync(path.join(tmp, 'exported.json'), 'utf8'));
  expect(exported.fiscal_year_be).toBe(2571);
  const codes = (f) =>
    f.indicators.flatMap((i) =>
      i.subindicators.flatMap((s) => s.items.map((it) => `${it.code}:${it.cadence}`)),
    );
  expect(codes(exported)).toEqual(codes(file));
  expect(cli('ita:export', '2599', 'general').status).toBe(1);
});
