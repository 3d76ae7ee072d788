/**
 * Public delivery: what unit websites and assessors read. Published only for every non-admin
 * caller (public, users-permissions users, API tokens), whatever the query; internal fields
 * never leave; the server decides what is populated; the ITA page API, its 404s and 400s; the
 * number of queries of an ITA page does not grow with the data; feeds and CSV exports.
 */
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createUnit, createApiToken } = require('./helpers/factories');
const { createEntry, uploadPdf } = require('./helpers/delivery');
const { setCacheEnabled } = require('../dist/src/delivery/cache');
const { parseCsv: readCsv } = require('../dist/src/cli/csv');

const NEWS = 'api::news.news';
const PROFILE = 'api::unit-profile.unit-profile';
const SUMMARY = 'api::procurement-summary.procurement-summary';

let strapi;
let token; // full access, for uploads
let readToken; // a read-only API token, like a unit website's
let unitA;
let unitB;
let published;
let draftOnly;
let editedAfterPublish;
let noneEntry;
let file;

const api = () => request(strapi.server.httpServer);

beforeAll(async () => {
  strapi = await setupStrapi({ PUBLIC_URL: 'https://cms.example.ac.th' });
  token = await createApiToken(strapi);
  readToken = await createApiToken(strapi, 'read-only');
  unitA = await createUnit(strapi, {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    websiteUrl: 'https://eng.example.ac.th/',
  });
  unitB = await createUnit(strapi, { code: 'SCI', nameTh: 'คณะวิทยาศาสตร์' });
  file = await uploadPdf(strapi, token, 'แผนปฏิบัติการ.pdf');
  published = await createEntry(
    strapi,
    NEWS,
    {
      title: 'ข่าวที่เผยแพร่แล้ว',
      kind: 'public_relations',
      date: '2026-03-01',
      unit: unitA.documentId,
      attachments: [file.id],
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'เนื้อหาข่าว' }] }],
    },
    { items: ['O4'] },
  );
  draftOnly = await createEntry(
    strapi,
    NEWS,
    {
      title: 'ร่างลับยังไม่อนุมัติ',
      kind: 'public_relations',
      date: '2026-03-02',
      unit: unitA.documentId,
    },
    { items: ['O4'], publish: false },
  );
  editedAfterPublish = await createEntry(
    strapi,
    NEWS,
    {
      title: 'ข่าวฉบับอนุมัติ',
      kind: 'public_relations',
      date: '2026-03-03',
      unit: unitA.documentId,
    },
    { items: ['O4'] },
  );
  // A new draft of a published entry: the approved version stays online, the draft must not leak.
  await strapi.documents(NEWS).update({
    documentId: editedAfterPublish.documentId,
    data: { title: 'แก้ไขร่างที่ยังไม่อนุมัติ' },
  });
  noneEntry = await createEntry(
    strapi,
    PROFILE,
    {
      title: 'ข้อมูลผู้บริหาร',
      unit: unitA.documentId,
      isNone: true,
      noneText: 'อยู่ระหว่างสรรหาผู้บริหาร',
    },
    { items: ['O2'] },
  );
  await createEntry(
    strapi,
    NEWS,
    {
      title: 'ข่าวของหน่วยงานอื่น',
      kind: 'public_relations',
      date: '2026-03-04',
      unit: unitB.documentId,
    },
    { items: ['O4'] },
  );
});
afterAll(teardownStrapi);

const SECRET_TITLES = ['ร่างลับยังไม่อนุมัติ', 'แก้ไขร่างที่ยังไม่อนุมัติ'];

describe('published only, for every non-admin caller', () => {
  const callers = [
    ['the public', (r) => r],
    ['a read-only API token', (r) => r.set('Authorization', `Bearer ${readToken}`)],
  ];
  const paths = () => [
    '/api/news-items',
    '/api/news-items?status=draft',
    '/api/news-items?status=draft&pagination[pageSize]=100',
    `/api/news-items?filters[title][$eq]=${encodeURIComponent('ร่างลับยังไม่อนุมัติ')}&status=draft`,
    `/api/news-items/${draftOnly.documentId}`,
    `/api/news-items/${draftOnly.documentId}?status=draft`,
    `/api/news-items/${editedAfterPublish.documentId}?status=draft`,
    `/api/news-items?populate=*&status=draft`,
    `/api/ita/ENG/2569`,
    `/api/ita/ENG/2569/O4`,
    `/api/feeds/ENG/news.rss`,
  ];

  test.each(callers)('%s never receives a draft or an unapproved version', async (_name, auth) => {
    let leaks = 0;
    let requests = 0;
    for (const path of paths()) {
      const res = await auth(api().get(path));
      requests += 1;
      expect(res.status).toBeLessThan(500);
      if (SECRET_TITLES.some((t) => res.text.includes(t))) leaks += 1;
    }
    console.log(`${_name}: ${leaks} of ${requests} requests returned a draft`);
    expect(leaks).toBe(0);
    // The approved version of the edited entry is what is online.
    const res = await auth(api().get(`/api/news-items/${editedAfterPublish.documentId}`));
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('ข่าวฉบับอนุมัติ');
    const draft = await auth(api().get(`/api/news-items/${draftOnly.documentId}`));
    expect(draft.status).toBe(404);
  });

  test('a users-permissions user (JWT) also gets published content only', async () => {
    const role = await strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'authenticated' } });
    const user = await strapi.db.query('plugin::users-permissions.user').create({
      data: {
        username: 'reader',
        email: 'reader@example.org',
        provider: 'local',
        confirmed: true,
        role: role.id,
      },
    });
    const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
    const res = await api()
      .get('/api/news-items?status=draft')
      .set('Authorization', `Bearer ${jwt}`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(SECRET_TITLES.some((t) => res.text.includes(t))).toBe(false);
  });

  test('internal fields never appear: workflow state, schedule, unit mirror, authors', async () => {
    for (const path of [
      '/api/news-items',
      `/api/news-items/${published.documentId}`,
      '/api/news-items?populate=*',
      '/api/ita/ENG/2569',
      '/api/units?populate=*',
      '/api/ita-items?pagination[pageSize]=5',
    ]) {
      const res = await api().get(path);
      expect(res.status).toBe(200);
      for (const field of [
        'workflowState',
        'publishAt',
        'unitRef',
        'createdBy',
        'updatedBy',
        'mediaFolderId',
        'notes',
        'email":"admin',
      ])
        expect(res.text).not.toContain(`"${field}`);
    }
    // The audit trail (reviewer identities, comments) and memberships have no public route.
    for (const path of ['/api/workflow-events', '/api/unit-memberships', '/api/unit-api-tokens'])
      expect((await api().get(path)).status).toBe(404);
    // Asking to filter on an internal field is refused, not answered.
    const probe = await api().get('/api/news-items?filters[workflowState][$eq]=draft');
    expect(probe.status).toBe(400);
  });
});

describe('what unit websites call', () => {
  test('lists are populated by the server, not by the client', async () => {
    const res = await api().get('/api/news-items?unit=ENG');
    expect(res.status).toBe(200);
    const entry = res.body.data.find((e) => e.documentId === published.documentId);
    expect(entry.unit).toEqual({
      id: expect.any(Number),
      documentId: unitA.documentId,
      code: 'ENG',
      nameTh: 'คณะวิศวกรรมศาสตร์',
      nameEn: expect.any(String),
      websiteUrl: 'https://eng.example.ac.th',
    });
    expect(entry.attachments[0]).toMatchObject({
      name: 'แผนปฏิบัติการ.pdf',
      mime: 'application/pdf',
    });
    expect(entry.checklistItems.map((i) => i.code)).toEqual(['O4']);
    // Deeper populate is cut back to the default; unknown relations are refused.
    const deep = await api().get(
      '/api/news-items?populate[unit][populate][children][populate]=*&populate[checklistItems][populate][checklist][populate][items]=*',
    );
    expect(deep.status).toBe(200);
    expect(deep.body.data[0].unit.children).toBeUndefined();
    expect(deep.body.data[0].checklistItems[0]?.checklist).toBeUndefined();
    for (const bad of ['createdBy', 'updatedBy', 'localizations', 'nope']) {
      const res2 = await api().get(`/api/news-items?populate=${bad}`);
      expect(res2.status).toBe(400);
      expect(res2.body.error.message).toMatch(/populate/);
    }
    const subset = await api().get('/api/news-items?populate=unit');
    expect(subset.body.data[0].unit.code).toBeTruthy();
    expect(subset.body.data[0].attachments).toBeUndefined();
  });

  test('filters by unit code, fiscal year (Thai digits too) and checklist item', async () => {
    const titles = async (q) =>
      (await api().get(`/api/news-items?${q}`)).body.data.map((e) => e.title).sort();
    expect(await titles('unit=ENG')).toEqual(['ข่าวฉบับอนุมัติ', 'ข่าวที่เผยแพร่แล้ว']);
    expect(await titles('unit=SCI')).toEqual(['ข่าวของหน่วยงานอื่น']);
    expect(await titles(`unit=ENG&fiscalYear=${encodeURIComponent('๒๕๖๙')}&item=O4`)).toEqual([
      'ข่าวฉบับอนุมัติ',
      'ข่าวที่เผยแพร่แล้ว',
    ]);
    expect(await titles('unit=ENG&fiscalYear=2568')).toEqual([]);
    expect(await titles('unit=ENG&item=O1')).toEqual([]);
    // Combined with a client's own filters.
    expect(
      await titles(`unit=ENG&filters[title][$contains]=${encodeURIComponent('อนุมัติ')}`),
    ).toEqual(['ข่าวฉบับอนุมัติ']);
    for (const bad of [
      'unit=bad code',
      'fiscalYear=2026',
      'fiscalYear=abc',
      'item=O1;DROP',
      'unit[x]=1',
    ])
      expect((await api().get(`/api/news-items?${bad}`)).status).toBe(400);
  });

  test('page size is capped', async () => {
    const res = await api().get('/api/news-items?pagination[pageSize]=100000');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBeLessThanOrEqual(100);
    // "-1" (everything) is not a way round the cap.
    const limit = await api().get('/api/news-items?pagination[limit]=-1');
    expect(limit.status).toBeLessThan(500);
    if (limit.status === 200) expect(limit.body.meta.pagination.limit).toBeLessThanOrEqual(100);
  });

  test('GET /api/ita/{unit}/{year}: the unit checklist with entries, files and statuses', async () => {
    const res = await api().get('/api/ita/ENG/2569');
    expect(res.status).toBe(200);
    const { data } = res.body;
    expect(data.unit).toEqual({
      code: 'ENG',
      nameTh: 'คณะวิศวกรรมศาสตร์',
      nameEn: expect.any(String),
      websiteUrl: 'https://eng.example.ac.th',
    });
    expect(data.fiscalYear).toBe(2569);
    expect(data.scheme).toBe('general');
    const shipped = await strapi.db
      .query('api::ita-item.ita-item')
      .count({ where: { checklist: { fiscalYear: 2569, scheme: 'general' } } });
    expect(data.items).toHaveLength(shipped);
    const o4 = data.items.find((i) => i.code === 'O4');
    // Statuses are the public subset of the compliance status (fiscal 2569 is over: whatever
    // has nothing published is past its due date).
    expect(o4).toMatchObject({
      status: 'complete',
      statusTh: 'เผยแพร่แล้ว',
      dueDate: '2026-03-31',
    });
    expect(o4.url).toBe('https://eng.example.ac.th/ita/2569#O4');
    expect(o4.entries.map((e) => e.title)).toEqual(['ข่าวฉบับอนุมัติ', 'ข่าวที่เผยแพร่แล้ว']);
    const withFile = o4.entries.find((e) => e.documentId === published.documentId);
    expect(withFile).toMatchObject({
      type: 'news',
      slug: expect.any(String),
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      url: `https://cms.example.ac.th/api/news-items/${published.documentId}`,
    });
    expect(withFile.files).toEqual([
      {
        name: 'แผนปฏิบัติการ.pdf',
        url: expect.stringMatching(/^https:\/\/cms\.example\.ac\.th\/uploads\/.+\.pdf$/),
        mime: 'application/pdf',
        size: expect.any(Number),
      },
    ]);
    expect(withFile.files[0].size).toBeGreaterThan(50);
    const o2 = data.items.find((i) => i.code === 'O2');
    expect(o2).toMatchObject({ status: 'declared_none', statusTh: 'ประกาศว่าไม่มี' });
    expect(o2.entries[0]).toMatchObject({
      documentId: noneEntry.documentId,
      isNone: true,
      noneText: 'อยู่ระหว่างสรรหาผู้บริหาร',
    });
    expect(data.items.find((i) => i.code === 'O1')).toMatchObject({
      status: 'missing',
      statusTh: 'ยังไม่เผยแพร่',
      dueDate: '2025-10-31',
    });
    expect(data.items.find((i) => i.code === 'O1').entries).toEqual([]);
    // SCI's news is not on ENG's page.
    expect(JSON.stringify(data)).not.toContain('ข่าวของหน่วยงานอื่น');

    const one = await api().get('/api/ita/eng/๒๕๖๙/o4');
    expect(one.status).toBe(200);
    expect(one.body.data.item).toEqual(o4);
    expect(one.body.data.unit.code).toBe('ENG');
  });

  test('unknown unit, year or item → 404 with a message; malformed → 400', async () => {
    const cases = [
      ['/api/ita/NOPE/2569', 404, /NOPE/],
      ['/api/ita/ENG/2570', 404, /2570/],
      ['/api/ita/ENG/2569/O99', 404, /O99/],
      ['/api/ita/ENG/2026', 400, /fiscal year/i],
      ['/api/ita/ENG/abcd', 400, /fiscal year/i],
      ['/api/ita/EN%20G/2569', 400, /unit code/i],
      ['/api/ita/ENG/2569/%27OR1', 400, /item code/i],
      ['/api/ita/ENG/2569?populate=*', 400, /populate/],
      ['/api/feeds/ENG/news.json', 404, /news\.rss/],
      ['/api/exports/ENG/other.csv', 404, /procurement-summaries\.csv/],
      ['/api/ita-links/2026', 400, /fiscal year/i],
    ];
    for (const [path, status, message] of cases) {
      const res = await api().get(path);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.body.error.message).toMatch(message);
    }
  });

  test('the number of queries of an ITA page does not grow with items or entries', async () => {
    setCacheEnabled(false);
    const count = async (path) => {
      let n = 0;
      const onQuery = () => (n += 1);
      await api().get(path); // warm: first-request work (CORS origins, role caches) is not the page
      strapi.db.connection.on('query', onQuery);
      const res = await api().get(path);
      strapi.db.connection.off('query', onQuery);
      expect(res.status).toBe(200);
      return n;
    };
    const small = await createUnit(strapi, { code: 'SMALL', nameTh: 'หน่วยเล็ก' });
    const big = await createUnit(strapi, { code: 'BIG', nameTh: 'หน่วยใหญ่' });
    // The small unit: one news item and one report on one item; the big one: 30 entries of the
    // same two types on 8 items (the ORM skips relation queries for a type with no rows).
    await createEntry(
      strapi,
      NEWS,
      { title: 'ข่าวเดียว', kind: 'public_relations', date: '2026-01-05', unit: small.documentId },
      { items: ['O4'] },
    );
    await createEntry(
      strapi,
      'api::report.report',
      {
        title: 'รายงานเดียว',
        kind: 'annual_performance',
        fiscalYear: 2569,
        unit: small.documentId,
      },
      { items: ['O4'] },
    );
    const codes = ['O1', 'O2', 'O3', 'O4', 'O5', 'O8', 'O9', 'O10'];
    for (let i = 0; i < 30; i += 1) {
      await createEntry(
        strapi,
        i % 2 ? NEWS : 'api::report.report',
        i % 2
          ? {
              title: `ข่าว ${i}`,
              kind: 'public_relations',
              date: '2026-02-01',
              unit: big.documentId,
            }
          : {
              title: `รายงาน ${i}`,
              kind: 'annual_performance',
              fiscalYear: 2569,
              unit: big.documentId,
            },
        { items: [codes[i % codes.length], codes[(i + 3) % codes.length]] },
      );
    }
    const smallPage = await count('/api/ita/SMALL/2569?');
    const bigPage = await count('/api/ita/BIG/2569?');
    const oneItem = await count('/api/ita/BIG/2569/O1?');
    console.log(
      `ITA page queries: 1 entry → ${smallPage}, 30 entries on 8 items → ${bigPage}, one item → ${oneItem}`,
    );
    setCacheEnabled(true);
    expect(bigPage).toBe(smallPage);
    expect(oneItem).toBe(smallPage);
    // Whatever the data: the unit; the compliance engine's load (units, checklists, items, links
    // of every type in one UNION, periods, carried links, review dates, element ticks); the
    // items' headings; the published entries' display fields (one UNION); their files.
    expect(bigPage).toBeLessThanOrEqual(12);
  });
});

describe('feeds and exports', () => {
  beforeAll(async () => {
    const month = (m, extra) =>
      createEntry(
        strapi,
        SUMMARY,
        {
          title: `สรุปผลการจัดซื้อจัดจ้าง เดือน ${m}`,
          fiscalYear: 2569,
          month: m,
          unit: unitA.documentId,
          ...extra,
        },
        { items: [] },
      );
    await month(11, { isNone: true, noneText: 'ไม่มีการจัดซื้อจัดจ้างในเดือนนี้' });
    await month(10, {
      rows: [
        {
          sequence: 1,
          workItem: 'จัดซื้อกระดาษ A4, 50 รีม',
          budget: 5000,
          referencePrice: 5000,
          method: 'specific',
          bids: [
            { bidder: 'หจก. เครื่องเขียน', price: 4800 },
            { bidder: 'ร้าน "ดี"', price: 4900 },
          ],
          selectedSupplier: 'หจก. เครื่องเขียน',
          agreedPrice: 4800,
          selectionReason: 'ราคาต่ำสุด',
          contractNumber: 'PO-001/2569',
          contractDate: '2025-10-15',
        },
        { sequence: 2, workItem: '=HYPERLINK("x")', method: 'other' },
      ],
    });
  });

  const parseCsv = (text) => {
    expect(text.charCodeAt(0)).toBe(0xfeff); // Excel reads Thai correctly with a BOM
    return readCsv(text);
  };

  test('monthly procurement summaries as CSV, in fiscal order, "none" months explicit', async () => {
    const res = await api().get('/api/exports/ENG/procurement-summaries.csv?fiscalYear=2569');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('procurement-ENG-2569.csv');
    const [header, ...rows] = parseCsv(res.text);
    expect(header.slice(0, 6)).toEqual([
      'unit_code',
      'fiscal_year',
      'month',
      'month_th',
      'no',
      'work_item',
    ]);
    expect(rows).toHaveLength(3);
    const col = (r, name) => r[header.indexOf(name)];
    expect(rows.map((r) => col(r, 'month'))).toEqual(['10', '10', '11']);
    expect(col(rows[0], 'work_item')).toBe('จัดซื้อกระดาษ A4, 50 รีม');
    expect(col(rows[0], 'bidders')).toBe('หจก. เครื่องเขียน (4800); ร้าน "ดี" (4900)');
    expect(col(rows[0], 'method_th')).toBe('เฉพาะเจาะจง');
    expect(col(rows[0], 'contract_number')).toBe('PO-001/2569');
    // A formula is never handed to a spreadsheet as a formula.
    expect(col(rows[1], 'work_item')).toBe(`'=HYPERLINK("x")`);
    expect(col(rows[2], 'no_procurement')).toBe('ไม่มีการจัดซื้อจัดจ้างในเดือนนี้');
    expect(col(rows[2], 'month_th')).toMatch(/พฤศจิกายน/);
    const other = await api().get('/api/exports/SCI/procurement-summaries.csv');
    expect(parseCsv(other.text)).toHaveLength(1);
  });

  test('RSS and Atom of a unit news: published only, newest first', async () => {
    const rss = await api().get('/api/feeds/ENG/news.rss');
    expect(rss.status).toBe(200);
    expect(rss.headers['content-type']).toMatch(/^application\/rss\+xml/);
    expect(rss.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const titles = [...rss.text.matchAll(/<item><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(['ข่าวฉบับอนุมัติ', 'ข่าวที่เผยแพร่แล้ว']);
    expect(rss.text).toContain('<description>เนื้อหาข่าว</description>');
    expect(rss.text).toMatch(
      /<enclosure url="https:\/\/cms\.example\.ac\.th\/uploads\/[^"]+\.pdf" length="\d+" type="application\/pdf"\/>/,
    );
    expect(rss.text).not.toContain('ข่าวของหน่วยงานอื่น');
    const atom = await api().get('/api/feeds/ENG/news.atom');
    expect(atom.status).toBe(200);
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(atom.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">');
    expect((atom.text.match(/<entry>/g) || []).length).toBe(2);
    expect(atom.text).toContain(`<id>urn:prongsai:news:${published.documentId}</id>`);
    expect((await api().get('/api/feeds/NOPE/news.rss')).status).toBe(404);
  });

  test('assessor links: per item, the URL on the unit own website', async () => {
    await strapi.documents('api::unit.unit').update({
      documentId: unitB.documentId,
      data: {
        websiteUrl: 'https://sci.example.ac.th',
        itaPathTemplate: '/transparency?year={fiscalYear}&item={itemCode}',
      },
    });
    const res = await api().get('/api/ita-links/2569');
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual([
      'unit_code',
      'unit_name_th',
      'fiscal_year',
      'scheme',
      'indicator',
      'subindicator',
      'item_code',
      'item_title_th',
      'url',
      'api_url',
      'status',
      'status_th',
    ]);
    const row = (unit, item) => rows.find((r) => r[0] === unit && r[6] === item);
    // The status column: the same rule as the ITA page.
    expect(row('ENG', 'O4').slice(10)).toEqual(['complete', 'เผยแพร่แล้ว']);
    expect(row('ENG', 'O2').slice(10)).toEqual(['declared_none', 'ประกาศว่าไม่มี']);
    expect(row('ENG', 'O1').slice(10)).toEqual(['missing', 'ยังไม่เผยแพร่']);
    expect(row('ENG', 'O12')[8]).toBe('https://eng.example.ac.th/ita/2569#O12');
    expect(row('SCI', 'O12')[8]).toBe('https://sci.example.ac.th/transparency?year=2569&item=O12');
    expect(row('ENG', 'O12')[9]).toBe('https://cms.example.ac.th/api/ita/ENG/2569/O12');
    const one = await api().get('/api/ita-links/2569?unit=SCI');
    expect(
      new Set(
        parseCsv(one.text)
          .slice(1)
          .map((r) => r[0]),
      ),
    ).toEqual(new Set(['SCI']));
    expect((await api().get('/api/ita-links/2569?unit=NOPE')).status).toBe(404);
    expect((await api().get('/api/ita-links/2569?bogus=1')).status).toBe(400);
  });

  test('a unit website must be an http(s) URL and the template use known placeholders', async () => {
    for (const data of [
      { websiteUrl: 'javascript:alert(1)' },
      { websiteUrl: 'not a url' },
      { websiteUrl: 'https://user:pw@eng.example.ac.th' },
      { itaPathTemplate: 'ita/{year}' },
      { itaPathTemplate: '/ita/{secret}' },
    ]) {
      await expect(
        strapi.documents('api::unit.unit').update({ documentId: unitA.documentId, data }),
      ).rejects.toThrow(/websiteUrl|itaPathTemplate/);
    }
    const row = await strapi.db.query('api::unit.unit').findOne({ where: { code: 'ENG' } });
    expect(row.websiteUrl).toBe('https://eng.example.ac.th');
  });
});

describe('one status, everywhere', () => {
  test('the ITA page, the dashboard matrix and the assessor export agree item by item', async () => {
    const { fiscalYearOf, todayInBangkok } = require('../dist/src/ita/fiscal-year');
    const { exportChecklist, importChecklist } = require('../dist/src/ita/checklists');
    const { createSuperAdmin, adminToken, systemSteps } = require('./helpers/factories');
    // The fiscal year running today, so that "not yet due" and "past due" both exist in it.
    const Y = fiscalYearOf(new Date());
    const today = todayInBangkok();
    if (
      !(await strapi.db
        .query('api::ita-checklist.ita-checklist')
        .count({ where: { fiscalYear: Y } }))
    ) {
      const source = await exportChecklist(strapi, 2569, 'general');
      await importChecklist(strapi, { ...source, fiscal_year_be: Y, status: 'provisional' });
    }
    // Due dates fixed inside year Y: 1 October (past, but on that very day) or 30 September.
    const START = `${Y - 544}-10-01`;
    const due = async (code, month, day) =>
      strapi.db.query('api::ita-item.ita-item').update({
        where: { code, checklist: { fiscalYear: Y, scheme: 'general' } },
        data: { dueMonth: month, dueDay: day },
      });
    for (const code of ['O1', 'O14', 'O23']) await due(code, 10, 1);
    await due('O13', 9, 30);
    const pastDue = today > START ? 'missing' : 'not_yet_due';

    const mix = await createUnit(strapi, { code: 'MIX', nameTh: 'หน่วยสถานการณ์ผสม' });
    const unit = mix.documentId;
    const at = { fiscalYear: Y };
    // Complete: this year's news (O4, event of the current year).
    const news = await createEntry(
      strapi,
      NEWS,
      { title: 'ข่าวปีนี้', kind: 'public_relations', date: today, unit },
      { ...at, items: ['O4'] },
    );
    // Wrong year only: O14 asks for the previous year's report; this one is of year Y.
    const wrong = await createEntry(
      strapi,
      'api::report.report',
      { title: 'รายงานผิดปี', kind: 'annual_performance', fiscalYear: Y, unit },
      { ...at, items: ['O14'] },
    );
    // Declared none: O18 (previous year's complaint statistics), Y−1.
    const none = await createEntry(
      strapi,
      'api::report.report',
      {
        title: 'สถิติเรื่องร้องเรียน',
        kind: 'complaint_statistics',
        fiscalYear: Y - 1,
        unit,
        isNone: true,
        noneText: 'ไม่มีเรื่องร้องเรียน',
      },
      { ...at, items: ['O18'] },
    );
    // In review: a plan for O23 submitted, not published (past its due date).
    const draft = await createEntry(
      strapi,
      'api::plan.plan',
      { title: 'แผนที่รออนุมัติ', kind: 'anti_corruption', fiscalYear: Y, unit },
      { ...at, items: ['O23'], publish: false },
    );
    await systemSteps(strapi, 'api::plan.plan', draft.documentId, ['submit']);
    // Monthly (O11): October of year Y counts, October of Y−1 is of the wrong year.
    const summary = (fiscalYear, title) =>
      createEntry(
        strapi,
        SUMMARY,
        { title, fiscalYear, month: 10, unit, isNone: true, noneText: 'ไม่มีการจัดซื้อจัดจ้าง' },
        { ...at, items: ['O11'] },
      );
    const october = await summary(Y, 'สขร. ตุลาคม ปีนี้');
    const lastYear = await summary(Y - 1, 'สขร. ตุลาคม ปีก่อน');
    // O1 (standing, past due) and O13 (not yet due): nothing.

    const page = await api().get(`/api/ita/MIX/${Y}`);
    expect(page.status).toBe(200);
    const admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
    const matrix = await api()
      .get(`/compliance/matrix?fiscalYear=${Y}&unit=MIX`)
      .set('Authorization', `Bearer ${admin}`);
    expect(matrix.status).toBe(200);
    const links = await api().get(`/api/ita-links/${Y}?unit=MIX`);
    expect(links.status).toBe(200);
    const [, ...rows] = readCsv(links.text);

    const items = page.body.data.items;
    expect(items.length).toBeGreaterThan(20);
    expect(rows).toHaveLength(items.length);
    expect(matrix.body.data.cells).toHaveLength(items.length);
    for (const item of items) {
      const cell = matrix.body.data.cells.find((c) => c.item === item.code);
      const row = rows.find((r) => r[6] === item.code);
      expect([item.code, item.status, item.dueDate]).toEqual([
        cell.item,
        cell.publicStatus,
        cell.dueDate,
      ]);
      expect([item.code, row[10], row[11]]).toEqual([item.code, item.status, item.statusTh]);
    }

    const of = (code) => ({
      page: items.find((i) => i.code === code),
      cell: matrix.body.data.cells.find((c) => c.item === code),
    });
    const ids = (code) => of(code).page.entries.map((e) => e.documentId);
    expect(of('O4').cell.status).toBe('complete');
    expect(of('O4').page.status).toBe('complete');
    expect(ids('O4')).toEqual([news.documentId]);
    // The wrong-year report is neither evidence nor listed.
    expect(of('O14').cell.status).toBe(pastDue === 'missing' ? 'overdue' : 'missing');
    expect(of('O14').page.status).toBe(pastDue);
    expect(ids('O14')).toEqual([]);
    expect(JSON.stringify(page.body)).not.toContain(wrong.documentId);
    expect(of('O18').page.status).toBe('declared_none');
    expect(ids('O18')).toEqual([none.documentId]);
    expect(of('O13').cell.status).toBe('missing');
    expect(of('O13').page).toMatchObject({
      status: 'not_yet_due',
      statusTh: 'ยังไม่ถึงกำหนด',
      dueDate: `${Y - 543}-09-30`,
    });
    expect(of('O1').page.status).toBe(pastDue);
    // In review on the dashboard; to the public nothing is published and the date has passed.
    expect(of('O23').cell.status).toBe('in_review');
    expect(of('O23').page.status).toBe(pastDue);
    expect(ids('O23')).toEqual([]);
    expect(JSON.stringify(page.body)).not.toContain('แผนที่รออนุมัติ');
    // Monthly: only year Y's summary is listed.
    expect(ids('O11')).toEqual([october.documentId]);
    expect(JSON.stringify(page.body)).not.toContain(lastYear.documentId);

    // One item alone says the same.
    const one = await api().get(`/api/ita/MIX/${Y}/O14`);
    expect(one.body.data.item).toEqual(of('O14').page);
  });

  test('one fiscal-year parser: the same 400 and message on the public API and the admin API', async () => {
    const { invalidFiscalYearMessage } = require('../dist/src/ita/fiscal-year');
    const { createSuperAdmin, adminToken } = require('./helpers/factories');
    const admin = await adminToken(request, strapi, await createSuperAdmin(strapi));
    for (const raw of ['2026', 'abcd']) {
      const message = invalidFiscalYearMessage(raw);
      expect(message).toMatch(/^ปีงบประมาณ .* ไม่ถูกต้อง .* \/ Invalid fiscal year/);
      for (const [path, auth] of [
        [`/api/ita/ENG/${raw}`, false],
        [`/api/ita-links/${raw}`, false],
        [`/api/exports/ENG/procurement-summaries.csv?fiscalYear=${raw}`, false],
        [`/api/news-items?fiscalYear=${raw}`, false],
        [`/compliance/matrix?fiscalYear=${raw}`, true],
        [`/compliance/reports?fiscalYear=${raw}`, true],
        [`/ita/checklists/export?fiscalYear=${raw}&scheme=general`, true],
      ]) {
        const req = api().get(path);
        const res = await (auth ? req.set('Authorization', `Bearer ${admin}`) : req);
        expect([path, res.status, res.body.error?.message]).toEqual([path, 400, message]);
      }
    }
  });
});
