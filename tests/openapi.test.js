/**
 * docs/openapi.json, the OpenAPI 3.1 description of the public API: it is what the generator
 * makes of the loaded content types (regenerate with `npm run cli -- openapi`), a valid OpenAPI
 * document, and real responses — ITA page, REST lists and entries, errors — validate against
 * it. Entry schemas are closed, so an internal field that leaks makes a response invalid.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const request = require('supertest');
const Ajv2020 = require('ajv/dist/2020');
const { setupStrapi, teardownStrapi, appDir } = require('./helpers/strapi');
const { createUnit, createApiToken } = require('./helpers/factories');
const { createEntry, uploadPdf } = require('./helpers/delivery');
const { buildOpenApi } = require('../dist/src/delivery/openapi');

const DOC_FILE = path.join(appDir, 'docs', 'openapi.json');
const NEWS = 'api::news.news';
const PROFILE = 'api::unit-profile.unit-profile';
const EXECUTIVE = 'api::executive.executive';
const SUMMARY = 'api::procurement-summary.procurement-summary';
const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let strapi;
let doc; // generated from the running Strapi
let checked; // swagger-parser's verdict: { ok, error, deref }
let deref; // a dereferenced copy, for ajv
let unit;
let news;

const api = () => request(strapi.server.httpServer);

/** JSON pointers (up to `max`) where two JSON values differ. */
const differences = (a, b, at = '', out = [], max = 10) => {
  if (out.length >= max) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) === !Array.isArray(b)
  ) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys)
      differences(a[k], b[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, max);
    if (!out.length) out.push(`${at || '/'} (key order)`);
    return out;
  }
  out.push(at || '/');
  return out;
};

/**
 * swagger-parser's validation and dereferencing, in a child Node process: its resolver is an ES
 * module, which Jest's module loader cannot require. Offline: `fetch` throws, external refs off.
 */
const SWAGGER_PARSER = `
globalThis.fetch = (url) => { throw new Error('tried to fetch ' + url); };
const SwaggerParser = require('@apidevtools/swagger-parser');
const options = { resolve: { external: false } };
let input = '';
process.stdin.on('data', (c) => (input += c)).on('end', async () => {
  const doc = JSON.parse(input);
  const out = {};
  try {
    out.deref = await SwaggerParser.dereference(structuredClone(doc), options);
    await SwaggerParser.validate(doc, options);
    out.ok = true;
  } catch (error) {
    out.error = String(error.message || error);
  }
  process.stdout.write(JSON.stringify(out));
});
`;
const swaggerParser = (document) => {
  const child = spawnSync(process.execPath, ['-e', SWAGGER_PARSER], {
    cwd: appDir,
    input: JSON.stringify(document),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0 || !child.stdout) throw new Error(`swagger-parser: ${child.stderr}`);
  return JSON.parse(child.stdout);
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', {
  validate: (s) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
    !Number.isNaN(Date.parse(s)),
});
ajv.addFormat('uri', {
  validate: (s) => {
    try {
      return Boolean(new URL(s));
    } catch {
      return false;
    }
  },
});
ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);

const validators = new Map();
/** The validator of the documented body of `GET docPath` answering `status`. */
const validatorOf = (docPath, status) => {
  const key = `${docPath} ${status}`;
  if (!validators.has(key)) {
    const op = deref.paths[docPath]?.get;
    if (!op) throw new Error(`no GET ${docPath} in the document`);
    const response = op.responses[String(status)];
    if (!response) throw new Error(`GET ${docPath} documents no ${status} response`);
    const schema = response.content?.['application/json']?.schema;
    if (!schema) throw new Error(`GET ${docPath} ${status} documents no JSON body`);
    validators.set(key, ajv.compile(schema));
  }
  return validators.get(key);
};
const problems = (validate, body) =>
  validate(body)
    ? []
    : validate.errors.map(
        (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
      );

beforeAll(async () => {
  strapi = await setupStrapi({ PUBLIC_URL: 'https://cms.example.ac.th' });
  doc = await buildOpenApi(strapi);
  checked = swaggerParser(doc);
  deref = checked.deref;

  const token = await createApiToken(strapi);
  const parentUnit = await createUnit(strapi, {
    code: 'UNI',
    nameTh: 'มหาวิทยาลัย',
    group: 'other',
  });
  unit = await createUnit(strapi, {
    code: 'OAPI',
    nameTh: 'คณะทดสอบเอกสาร API',
    websiteUrl: 'https://oapi.example.ac.th',
    parent: parentUnit.documentId,
    contact: { phone: '02 000 0000', email: 'info@oapi.example.ac.th', latitude: 13.75 },
  });
  const pdf = await uploadPdf(strapi, token, 'ประกาศ.pdf');
  const upload = await api()
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', PNG_1PX, { filename: 'chart.png', contentType: 'image/png' });
  expect(upload.status).toBe(201);
  const png = upload.body[0];

  news = await createEntry(
    strapi,
    NEWS,
    {
      title: 'ข่าวพร้อมไฟล์แนบ',
      kind: 'announcement',
      date: '2026-01-15',
      unit: unit.documentId,
      attachments: [pdf.id],
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'รายละเอียด' }] }],
    },
    { items: ['O4'] },
  );
  await createEntry(
    strapi,
    PROFILE,
    {
      title: 'โครงสร้างและอำนาจหน้าที่',
      unit: unit.documentId,
      vision: 'วิสัยทัศน์',
      structureChart: png.id,
      contact: { address: 'ถนนพญาไท', phone: '02 000 0001', longitude: 100.5 },
      socialChannels: [{ platform: 'facebook', url: 'https://facebook.com/oapi', label: 'เพจ' }],
    },
    { items: ['O1'] },
  );
  await createEntry(
    strapi,
    EXECUTIVE,
    {
      title: 'ผู้บริหาร',
      position: '-',
      unit: unit.documentId,
      isNone: true,
      noneText: 'อยู่ระหว่างสรรหา',
    },
    { items: ['O2'] },
  );
  await createEntry(strapi, SUMMARY, {
    title: 'สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2568',
    fiscalYear: 2569,
    month: 10,
    unit: unit.documentId,
    rows: [
      {
        sequence: 1,
        workItem: 'จัดซื้อหมึกพิมพ์',
        budget: 12000.5,
        referencePrice: 12000,
        method: 'specific',
        bids: [{ bidder: 'บริษัท หมึกดี จำกัด', price: 11900 }],
        selectedSupplier: 'บริษัท หมึกดี จำกัด',
        agreedPrice: 11900,
        selectionReason: 'ราคาต่ำสุด',
        contractNumber: 'PO-7/2569',
        contractDate: '2025-10-20',
      },
    ],
  });
  await createEntry(strapi, SUMMARY, {
    title: 'สรุปผลการจัดซื้อจัดจ้าง พฤศจิกายน 2568',
    fiscalYear: 2569,
    month: 11,
    unit: unit.documentId,
    isNone: true,
    noneText: 'ไม่มีการจัดซื้อจัดจ้าง',
  });
});
afterAll(teardownStrapi);

test('docs/openapi.json is what the generator makes of the loaded content types', () => {
  const committed = JSON.parse(fs.readFileSync(DOC_FILE, 'utf8'));
  const generated = JSON.parse(JSON.stringify(doc));
  // Same content and the same key order (formatting aside: Prettier may reflow the file).
  if (JSON.stringify(committed) !== JSON.stringify(generated)) {
    throw new Error(
      `docs/openapi.json is out of date: run \`npm run cli -- openapi\`. First differences:\n  ${differences(
        committed,
        generated,
      ).join('\n  ')}`,
    );
  }
});

test('is a valid OpenAPI 3.1 document (swagger-parser, offline)', () => {
  expect(checked.error).toBeUndefined();
  expect(checked.ok).toBe(true);
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info.version).toBe(require('../package.json').version);

  // What swagger-parser leaves to the reader for OpenAPI 3: operation ids are unique, every
  // path template variable is a declared path parameter, and every schema is valid JSON Schema.
  const ids = [];
  for (const [p, item] of Object.entries(deref.paths)) {
    const op = item.get ?? item.post;
    ids.push(op.operationId);
    const declared = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
    const used = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    expect([p, declared.sort()]).toEqual([p, used.sort()]);
  }
  expect(new Set(ids).size).toBe(ids.length);
  const metaSchemas = new Ajv2020({ strict: false, validateFormats: false });
  for (const [name, schema] of Object.entries(deref.components.schemas)) {
    expect([name, metaSchemas.validateSchema(schema)]).toEqual([name, true]);
  }
});

describe('real responses match the documented schemas', () => {
  const cases = () => [
    ['/api/ita/{unitCode}/{fiscalYear}', '/api/ita/OAPI/2569', 200],
    ['/api/ita/{unitCode}/{fiscalYear}/{itemCode}', '/api/ita/oapi/๒๕๖๙/O1', 200],
    ['/api/ita/{unitCode}/{fiscalYear}/{itemCode}', '/api/ita/OAPI/2569/O4', 200],
    ['/api/news-items', '/api/news-items', 200],
    ['/api/news-items', '/api/news-items?unit=OAPI&fiscalYear=2569&item=O4&sort=date:desc', 200],
    ['/api/news-items', '/api/news-items?fields=title,date&populate=unit', 200],
    ['/api/news-items/{documentId}', `/api/news-items/${news.documentId}`, 200],
    ['/api/unit-profiles', '/api/unit-profiles', 200],
    ['/api/executives', '/api/executives?unit=OAPI', 200],
    ['/api/procurement-summaries', '/api/procurement-summaries', 200],
    ['/api/units', '/api/units', 200],
    ['/api/units', '/api/units?populate=children', 200],
    ['/api/units/{documentId}', `/api/units/${unit.documentId}`, 200],
    ['/api/ita-checklists', '/api/ita-checklists?populate=items&pagination[pageSize]=1', 200],
    ['/api/ita-items', '/api/ita-items?pagination[pageSize]=5', 200],
    ['/api/ita-items', '/api/ita-items?pagination[start]=0&pagination[limit]=2', 200],
    ['/api/ita/{unitCode}/{fiscalYear}', '/api/ita/NOPE/2569', 404],
    ['/api/ita/{unitCode}/{fiscalYear}/{itemCode}', '/api/ita/OAPI/2569/O99', 404],
    ['/api/news-items/{documentId}', '/api/news-items/no-such-document', 404],
    ['/api/ita/{unitCode}/{fiscalYear}', '/api/ita/OAPI/2026', 400],
    ['/api/news-items', '/api/news-items?populate=createdBy', 400],
    ['/api/news-items', '/api/news-items?filters[workflowState][$eq]=draft', 400],
  ];

  test('ITA page, REST lists and entries, 404s and 400s', async () => {
    const failures = [];
    for (const [docPath, url, status] of cases()) {
      const res = await api().get(url);
      expect([url, res.status]).toEqual([url, status]);
      for (const p of problems(validatorOf(docPath, status), res.body))
        failures.push(`GET ${url}: ${p}`);
    }
    expect(failures).toEqual([]);
  });

  test('the fixtures reach the nested schemas (files, components, relations)', async () => {
    const page = (await api().get('/api/ita/OAPI/2569')).body.data;
    const entries = page.items.flatMap((i) => i.entries);
    expect(entries.some((e) => e.files.length > 0)).toBe(true);
    expect(entries.some((e) => e.isNone)).toBe(true);
    const profile = (await api().get('/api/unit-profiles')).body.data[0];
    expect(profile.structureChart).toMatchObject({ mime: 'image/png', width: 1, height: 1 });
    expect(profile.socialChannels).toHaveLength(1);
    expect(profile.contact.address).toBe('ถนนพญาไท');
    const summary = (await api().get('/api/procurement-summaries?filters[month][$eq]=10')).body
      .data[0];
    expect(summary.rows[0].bids[0].bidder).toBe('บริษัท หมึกดี จำกัด');
    const oapi = (await api().get(`/api/units/${unit.documentId}`)).body.data;
    expect(oapi.parent.code).toBe('UNI');
    expect(oapi.contact.email).toBe('info@oapi.example.ac.th');
    const withChildren = (await api().get('/api/units?populate=children')).body.data;
    expect(withChildren.find((u) => u.code === 'UNI').children[0].code).toBe('OAPI');
  });

  test('every documented list answers and matches, even when empty', async () => {
    const failures = [];
    for (const docPath of Object.keys(doc.paths).filter((p) => /^\/api\/[a-z-]+$/.test(p))) {
      const res = await api().get(docPath);
      expect([docPath, res.status]).toEqual([docPath, 200]);
      for (const p of problems(validatorOf(docPath, 200), res.body))
        failures.push(`GET ${docPath}: ${p}`);
    }
    expect(failures).toEqual([]);
  });

  test('a leaked internal field makes a response invalid', async () => {
    const one = (await api().get(`/api/news-items/${news.documentId}`)).body;
    const validate = validatorOf('/api/news-items/{documentId}', 200);
    expect(problems(validate, one)).toEqual([]);
    const leaked = structuredClone(one);
    leaked.data.workflowState = 'draft';
    expect(validate(leaked)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/data',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'workflowState' },
      }),
    );
    // Nested too: a relation sending more than the server's field list.
    const nested = structuredClone(one);
    nested.data.unit.itaPathTemplate = '/ita/{fiscalYear}';
    expect(validate(nested)).toBe(false);
    const list = (await api().get('/api/news-items')).body;
    list.data[0].publishAt = '2026-01-01T00:00:00.000Z';
    expect(validatorOf('/api/news-items', 200)(list)).toBe(false);
    const page = (await api().get('/api/ita/OAPI/2569')).body;
    page.data.unit.itaPathTemplate = '/ita';
    expect(validatorOf('/api/ita/{unitCode}/{fiscalYear}', 200)(page)).toBe(false);
  });

  test('cache headers, 304 and the media types of feeds and exports are as documented', async () => {
    const xCache = deref.components.headers.XCache.schema.enum;
    const first = await api().get('/api/ita/OAPI/2569');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['cache-control']).toBeTruthy();
    expect(xCache).toContain(first.headers['x-cache']);
    const again = await api().get('/api/ita/OAPI/2569').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(Object.keys(deref.paths['/api/ita/{unitCode}/{fiscalYear}'].get.responses)).toContain(
      '304',
    );

    const files = [
      ['/api/feeds/{unitCode}/news.rss', '/api/feeds/OAPI/news.rss'],
      ['/api/feeds/{unitCode}/news.atom', '/api/feeds/OAPI/news.atom'],
      ['/api/ita-links/{fiscalYear}', '/api/ita-links/2569?unit=OAPI'],
      [
        '/api/exports/{unitCode}/procurement-summaries.csv',
        '/api/exports/OAPI/procurement-summaries.csv?fiscalYear=2569',
      ],
    ];
    for (const [docPath, url] of files) {
      const res = await api().get(url);
      expect([url, res.status]).toEqual([url, 200]);
      const [media] = Object.keys(deref.paths[docPath].get.responses['200'].content);
      expect([url, res.headers['content-type'].split(';')[0]]).toEqual([url, media]);
      expect(xCache).toContain(res.headers['x-cache']);
    }
    // The CSV columns in the description are the ones sent.
    const csv = await api().get('/api/exports/OAPI/procurement-summaries.csv');
    const header = csv.text
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]
      .split(',');
    const described =
      deref.paths['/api/exports/{unitCode}/procurement-summaries.csv'].get.responses['200']
        .description;
    expect([...described.matchAll(/^- `([a-z_]+)`/gm)].map((m) => m[1])).toEqual(header);
  });
});

describe('participation routes (docs/participation.md)', () => {
  test('the public GETs match their documented schemas; the forms are documented as POSTs', async () => {
    const failures = [];
    for (const [docPath, url, status] of [
      ['/api/participation/challenge', '/api/participation/challenge', 200],
      ['/api/participation/settings', '/api/participation/settings', 200],
      [
        '/api/participation/{unitCode}/{fiscalYear}/survey',
        '/api/participation/OAPI/2569/survey',
        200,
      ],
      [
        '/api/participation/{unitCode}/{fiscalYear}/survey',
        '/api/participation/NOPE/2569/survey',
        404,
      ],
      [
        '/api/participation/{unitCode}/{fiscalYear}/survey',
        '/api/participation/OAPI/2026/survey',
        400,
      ],
      [
        '/api/participation/{unitCode}/{fiscalYear}/complaint-statistics',
        '/api/participation/oapi/2569/complaint-statistics',
        200,
      ],
      [
        '/api/participation/requests/{trackingCode}',
        '/api/participation/requests/00000-00000',
        404,
      ],
    ]) {
      const res = await api().get(url);
      expect([url, res.status]).toEqual([url, status]);
      for (const p of problems(validatorOf(docPath, status), res.body))
        failures.push(`GET ${url}: ${p}`);
    }
    expect(failures).toEqual([]);
    for (const form of ['corrections', 'questions', 'survey', 'complaints'])
      expect(
        Object.keys(doc.paths[`/api/participation/{unitCode}/${form}`].post.responses),
      ).toEqual(expect.arrayContaining(['201', '400', '404', '429']));
  });
});
