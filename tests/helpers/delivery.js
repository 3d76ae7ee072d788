/** Fixtures for the public-delivery tests: published entries with checklist items and files. */
const request = require('supertest');
const { publishAsSystem } = require('../../dist/src/workflow/service');

const ITEM_UID = 'api::ita-item.ita-item';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** documentIds of checklist items by code, for a fiscal year and scheme. */
async function itemIds(strapi, fiscalYear, codes, scheme = 'general') {
  const rows = await strapi.db.query(ITEM_UID).findMany({
    where: { code: { $in: codes }, checklist: { fiscalYear, scheme } },
    select: ['documentId', 'code'],
  });
  return codes.map((c) => {
    const row = rows.find((r) => r.code === c);
    if (!row) throw new Error(`no item ${c} in ${fiscalYear} ${scheme}`);
    return row.documentId;
  });
}

/** Uploads a small PDF through REST (a full-access API token) and returns the file row. */
async function uploadPdf(strapi, token, name = 'report.pdf') {
  const res = await request(strapi.server.httpServer)
    .post('/api/upload')
    .set('Authorization', `Bearer ${token}`)
    .attach('files', PDF, { filename: name, contentType: 'application/pdf' });
  if (res.status !== 201)
    throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body[0];
}

/**
 * Creates an entry (a draft) and, unless `publish: false`, publishes it through the workflow.
 * `items`: checklist item codes of `fiscalYear` (2569 by default). The approval ticks every
 * evidence element of the items unless `elements` says otherwise (`{}`: none; `null`: no record).
 */
async function createEntry(
  strapi,
  uid,
  data,
  { items = [], fiscalYear = 2569, publish = true, elements = 'all' } = {},
) {
  const checklistItems = items.length ? await itemIds(strapi, fiscalYear, items) : undefined;
  const created = await strapi.documents(uid).create({
    data: { ...data, ...(checklistItems ? { checklistItems } : {}) },
  });
  if (publish) await publishAsSystem(strapi, uid, created.documentId, 'test', elements);
  return created;
}

module.exports = { createEntry, uploadPdf, itemIds, PDF };
