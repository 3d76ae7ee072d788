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
  PRONGSAI_SKIP_COMPILE: '1',
  AUDIT_WITNESS_FILE: path.join(tmp, 'audit-witness.log'),
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

test('unit:create, user:create and the CSV imports provision units and users idempotently', () => {
  const units = path.join(tmp, 'units.csv');
  fs.writeFileSync(
    units,
    '\uFEFFcode,name_th,name_en,group,parent,website,scheme\n' +
      'UNI,มหาวิทยาลัยทดสอบ,Test University,other,,https://uni.example.org,general\n' +
      'SCI,"คณะวิทยาศาสตร์, เทคโนโลยี",Faculty of Science,faculty,UNI,,\n' +
      'OQA,สำนักมาตรฐานและประกันคุณภาพ,,office,UNI,,\n',
  );
  const first = cli('import:units', units);
  expect(first.status).toBe(0);
  expect(first.stdout).toContain('3 row(s): 3 created');
  expect(cli('import:units', units).stdout).toContain('3 row(s): 3 unchanged');

  const bad = path.join(tmp, 'bad-units.csv');
  fs.writeFileSync(bad, 'code,name_th,group\nok1,ชื่อ,faculty\nX,,nowhere\n');
  const refused = cli('import:units', bad);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('row 2: code "ok1"');
  expect(refused.stderr).toContain('row 3: code "X"');
  expect(refused.stderr).toContain('row 3: Thai name is required');
  expect(refused.stderr).toContain('row 3: group "nowhere"');
  expect(refused.stderr).toContain('nothing was imported');

  const created = cli(
    'unit:create',
    '--code',
    'LAW',
    '--name-th',
    'คณะนิติศาสตร์',
    '--group',
    'faculty',
    '--parent',
    'UNI',
  );
  expect(created.stdout).toContain('unit LAW: created');
  expect(
    cli(
      'unit:create',
      '--code',
      'LAW',
      '--name-th',
      'คณะนิติศาสตร์',
      '--group',
      'faculty',
      '--parent',
      'UNI',
    ).stdout,
  ).toContain('unit LAW: unchanged');
  expect(cli('unit:create', '--code', 'law!', '--name-th', 'x', '--group', 'faculty').status).toBe(
    2,
  );
  expect(
    cli(
      'unit:create',
      '--code',
      'ENG',
      '--name-th',
      'วิศวะ',
      '--group',
      'faculty',
      '--parent',
      'NOPE',
    ).stderr,
  ).toContain('parent unit NOPE does not exist');

  const user = cli(
    'user:create',
    '--email',
    'Editor@Example.org',
    '--password',
    'Prongsai123',
    '--firstname',
    'สมชาย',
    '--unit',
    'SCI',
    '--role',
    'editor',
  );
  expect(user.stdout).toContain('user Editor@Example.org: created; editor of SCI: created');
  expect(
    cli(
      'user:create',
      '--email',
      'editor@example.org',
      '--password',
      'Prongsai123',
      '--firstname',
      'สมชาย',
      '--unit',
      'SCI',
      '--role',
      'editor',
    ).stdout,
  ).toContain('existing; editor of SCI: existing');
  expect(
    cli(
      'user:create',
      '--email',
      'x@example.org',
      '--password',
      'weak',
      '--firstname',
      'X',
      '--unit',
      'SCI',
      '--role',
      'editor',
    ).stderr,
  ).toContain('password needs');
  expect(
    cli(
      'user:create',
      '--email',
      'x@example.org',
      '--password',
      'Prongsai123',
      '--firstname',
      'X',
      '--role',
      'editor',
    ).stderr,
  ).toContain('needs --unit');

  const users = path.join(tmp, 'users.csv');
  fs.writeFileSync(
    users,
    'email,password,firstname,lastname,unit,role\n' +
      'head.sci@example.org,Prongsai123,หัวหน้า,วิทย์,SCI,approver\n' +
      'editor@example.org,Prongsai123,สมชาย,,OQA,editor\n' +
      'monitor@example.org,Prongsai123,ผู้ติดตาม,,,monitor\n',
  );
  const imported = cli('import:users', users);
  expect(imported.status).toBe(0);
  expect(imported.stdout).toContain('3 row(s): 3 membership(s) added');
  expect(cli('import:users', users).stdout).toContain('3 row(s): 3 unchanged');

  // The database holds what the commands said.
  const Database = require('better-sqlite3');
  const db = new Database(path.join(tmp, 'cli.db'), { readonly: true });
  try {
    const rows = db.prepare('select code, name_th, "group" from units order by code').all();
    expect(rows.map((r) => r.code)).toEqual(['LAW', 'OQA', 'SCI', 'UNI']);
    expect(rows.find((r) => r.code === 'SCI').name_th).toBe('คณะวิทยาศาสตร์, เทคโนโลยี');
    const members = db
      .prepare('select user_email, role from unit_memberships order by user_email, role')
      .all();
    expect(members.map((m) => `${m.user_email}:${m.role}`)).toEqual([
      'editor@example.org:editor',
      'editor@example.org:editor',
      'head.sci@example.org:approver',
      'monitor@example.org:monitor',
    ]);
    const roles = db
      .prepare(
        "select r.code from admin_users u join admin_users_roles_lnk l on l.user_id = u.id join admin_roles r on r.id = l.role_id where u.email = 'editor@example.org'",
      )
      .all();
    expect(roles.map((r) => r.code)).toEqual(['prongsai-unit-editor']);
  } finally {
    db.close();
  }
});

test('a malformed CSV (unclosed quote, stray quote, wrong cell count) is refused whole, naming the row', () => {
  const Database = require('better-sqlite3');
  const snapshot = () => {
    const db = new Database(path.join(tmp, 'cli.db'), { readonly: true });
    try {
      return {
        units: db.prepare('select code, name_th from units order by code').all(),
        users: db
          .prepare('select email, firstname, lastname from admin_users order by email')
          .all(),
        members: db.prepare('select user_email, role from unit_memberships order by 1, 2').all(),
      };
    } finally {
      db.close();
    }
  };
  const before = snapshot();
  expect(before.units.length).toBeGreaterThan(0);

  // Row 3 opens a quote that is never closed: the old reader imported "1 row(s)" with rows 3-4
  // inside a name.
  const units = path.join(tmp, 'unclosed-units.csv');
  fs.writeFileSync(
    units,
    'code,name_th,group\n' +
      'ARC,คณะสถาปัตยกรรมศาสตร์,faculty\n' +
      'EDU,"คณะครุศาสตร์,faculty\n' +
      'NUR,คณะพยาบาลศาสตร์,faculty\n',
  );
  const u = cli('import:units', units);
  expect(u.status).toBe(1);
  expect(u.stderr).toContain('row 3 (line 3): malformed CSV');
  expect(u.stderr).toContain('แถวที่ 3 (บรรทัด 3)');
  expect(u.stderr).toContain('Quote Not Closed');
  expect(u.stderr).toContain('nothing was imported');
  expect(u.stdout).not.toContain('row(s)');

  // The second user (an administrator, with a password) must never end up in the first one's
  // last name.
  const users = path.join(tmp, 'unclosed-users.csv');
  fs.writeFileSync(
    users,
    '\uFEFFemail,password,firstname,lastname,unit,role\r\n' +
      'new.editor@example.org,Prongsai123,สมศรี,"ใจดี,SCI,editor\r\n' +
      'new.admin@example.org,Adm1nSecret99,ผู้ดูแล,,,admin\r\n',
  );
  const r = cli('import:users', users);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('row 2 (line 2): malformed CSV');
  expect(r.stderr).toContain('nothing was imported');

  // A quote inside an unquoted cell, and a row with one cell too many.
  const stray = path.join(tmp, 'stray-quote.csv');
  fs.writeFileSync(stray, 'code,name_th,group\nARC,คณะ"สถาปัตย์,faculty\n');
  const s = cli('import:units', stray);
  expect(s.status).toBe(1);
  expect(s.stderr).toContain('row 2 (line 2): malformed CSV');
  const extra = path.join(tmp, 'extra-cell.csv');
  fs.writeFileSync(
    extra,
    'code,name_th,group\n\nARC,คณะสถาปัตยกรรมศาสตร์,faculty\n"EDU","คณะ\nครุศาสตร์",faculty\nNUR,คณะพยาบาล,faculty,x\n',
  );
  const e = cli('import:units', extra);
  expect(e.status).toBe(1);
  // The header is row 1, a blank line is not a row, a quoted line break stays in its row.
  expect(e.stderr).toContain('row 4 (line 6): malformed CSV');
  expect(e.stderr).toContain('Invalid Record Length');

  // Nothing was written by any of them.
  expect(snapshot()).toEqual(before);
});

test('audit:verify reports an intact chain (exit 0) and a tampered one (exit 1)', () => {
  const ok = cli('audit:verify');
  expect(ok.status).toBe(0);
  expect(ok.stdout).toMatch(/audit chain intact: \d+ event\(s\)/);
  const Database = require('better-sqlite3');
  const db = new Database(path.join(tmp, 'cli.db'));
  try {
    db.prepare(
      "insert into workflow_events (document_id, content_type, entry_document_id, action, to_state, hash, prev_hash, at) values ('x', 'api::news.news', 'doc', 'approve', 'approved', 'forged', 'forged', 0)",
    ).run();
  } finally {
    db.close();
  }
  const bad = cli('audit:verify');
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/audit chain broken at event \d+/);
});
