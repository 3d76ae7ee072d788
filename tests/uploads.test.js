/**
 * Attachments: allowed types pass, the type is judged from the bytes (a renamed executable or
 * an HTML page called .csv is refused), the size limit answers 413, and a refused upload —
 * even one bad file in a batch — stores nothing, in the database or on disk.
 */
const fs = require('fs');
const path = require('path');
const request = require('supertest');
const { setupStrapi, teardownStrapi } = require('./helpers/strapi');
const { createApiToken } = require('./helpers/factories');

let strapi;
let token;
beforeAll(async () => {
  strapi = await setupStrapi({ UPLOAD_MAX_MB: '1' });
  token = await createApiToken(strapi);
});
afterAll(teardownStrapi);

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const CSV = Buffer.from('ลำดับ,งาน,วงเงิน\n1,จัดซื้อกระดาษ,5000\n', 'utf8');

/** A minimal .docx: a ZIP whose central directory names [Content_Types].xml and word/document.xml. */
const zipOf = (names) => {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const name of names) {
    const nameBuf = Buffer.from(name);
    const content = Buffer.from('<x/>');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(content.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(content.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, content);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + content.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
};
const DOCX = zipOf(['[Content_Types].xml', 'word/document.xml']);

const upload = (files) => {
  let req = request(strapi.server.httpServer)
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`);
  for (const [buffer, filename, contentType] of files)
    req = req.attach('files', buffer, { filename, contentType });
  return req;
};
const fileRows = () => strapi.db.query('plugin::upload.file').count();
const storedFiles = () => fs.readdirSync(path.join(strapi.dirs.static.public, 'uploads'));

test.each([
  ['a PDF', PDF, 'report.pdf', 'application/pdf', 'application/pdf'],
  ['a PNG image', PNG_1PX, 'chart.png', 'image/png', 'image/png'],
  ['a Thai CSV', CSV, 'procurement.csv', 'text/csv', 'text/csv'],
  [
    'a Word document',
    DOCX,
    'manual.docx',
    'application/octet-stream',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
])(
  '%s is accepted and stored with the type its bytes prove',
  async (_name, buffer, filename, declared, stored) => {
    const before = await fileRows();
    const res = await upload([[buffer, filename, declared]]);
    expect(res.status).toBe(201);
    expect(res.body[0].mime).toBe(stored);
    expect(await fileRows()).toBe(before + 1);
  },
);

test.each([
  [
    'an executable renamed .pdf',
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
    'report.pdf',
    'application/pdf',
  ],
  ['random bytes named .pdf', Buffer.alloc(300, 7), 'report.pdf', 'application/pdf'],
  [
    'an HTML page named .csv',
    Buffer.from('<html><script>alert(1)</script></html>'),
    'data.csv',
    'text/csv',
  ],
  [
    'an SVG image',
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    'logo.svg',
    'image/svg+xml',
  ],
  ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'run.sh', 'text/x-shellscript'],
  [
    'a PDF named .docx',
    PDF,
    'manual.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'a plain ZIP named .xlsx',
    zipOf(['a.txt']),
    'sheet.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
])('%s is refused with a 4xx and nothing is stored', async (_name, buffer, filename, declared) => {
  const before = await fileRows();
  const onDisk = storedFiles().length;
  const res = await upload([[buffer, filename, declared]]);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(JSON.stringify(res.body.error)).toMatch(/refused|not allowed|ไม่รับ/i);
  expect(await fileRows()).toBe(before);
  expect(storedFiles().length).toBe(onDisk);
});

test('a file over the size limit gets 413 with the limit in the message', async () => {
  const before = await fileRows();
  const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
  const res = await upload([[big, 'big.pdf', 'application/pdf']]);
  expect(res.status).toBe(413);
  expect(res.body.error.message).toMatch(/over the 1 MB limit/);
  expect(await fileRows()).toBe(before);
});

test('one refused file in a batch stores none of the batch', async () => {
  const before = await fileRows();
  const onDisk = storedFiles().length;
  const res = await upload([
    [PDF, 'ok.pdf', 'application/pdf'],
    [Buffer.from('<html></html>'), 'bad.csv', 'text/csv'],
  ]);
  expect(res.status).toBe(400);
  expect(await fileRows()).toBe(before);
  expect(storedFiles().length).toBe(onDisk);
});
