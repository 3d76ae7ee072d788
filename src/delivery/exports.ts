import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toCsv } from '../common/csv';
import { PROCUREMENT_METHOD_LABELS } from '../common/enum-labels';
import { UNIT_UID } from '../disclosures/types';
import { evaluateMatrix, loadMatrixData } from '../compliance/engine';
import { PUBLIC_STATUS_LABELS_TH } from '../compliance/rules';
import { ITEM_UID } from '../ita/checklists';
import { thaiMonthLabel, todayInBangkok } from '../ita/fiscal-year';
import { findUnitByCode } from './ita-page';
import { absoluteUrl, itemUrl } from './links';

/** Feeds and files for unit websites and assessors: news RSS/Atom, procurement CSV, ITA links CSV. */

const NEWS_UID = 'api::news.news';
const SUMMARY_UID = 'api::procurement-summary.procurement-summary';
export const FEED_SIZE = 50;

// ---------- CSV ----------
// csv-stringify, with the formula guard, a BOM and CRLF (src/common/csv.ts).
export { toCsv };

// ---------- text of rich-text blocks ----------
type Block = { type?: string; text?: string; children?: Block[] };
export const blocksText = (blocks: unknown): string => {
  const walk = (nodes: unknown): string[] =>
    Array.isArray(nodes)
      ? (nodes as Block[]).map((n) =>
          typeof n?.text === 'string' ? n.text : walk(n?.children).join(''),
        )
      : [];
  return walk(blocks).join('\n').replace(/\s+\n/g, '\n').trim();
};

const xml = (s: unknown) =>
  String(s ?? '')
    // Characters XML 1.0 forbids.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

type NewsRow = {
  documentId: string;
  title: string;
  slug: string | null;
  date: string | null;
  body: unknown;
  publishedAt: string | Date;
  attachments?: Array<{ name: string; url: string; mime: string; size: number | string }>;
};

const iso = (v: string | Date) => (v instanceof Date ? v : new Date(v)).toISOString();

/** RSS 2.0 (`rss`) or Atom 1.0 (`atom`) of a unit's latest published news. */
export const newsFeed = async (
  strapi: Core.Strapi,
  input: { unitCode: string; format: 'rss' | 'atom'; base: string; selfUrl: string },
): Promise<string> => {
  const unit = await findUnitByCode(strapi, input.unitCode);
  const rows = (await strapi.db.query(NEWS_UID).findMany({
    where: { unitRef: unit.id, publishedAt: { $notNull: true } },
    select: ['documentId', 'title', 'slug', 'date', 'body', 'publishedAt'],
    populate: { attachments: { select: ['name', 'url', 'mime', 'size'] } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    limit: FEED_SIZE,
  })) as NewsRow[];
  const plural = strapi.contentType(NEWS_UID as UID.ContentType).info.pluralName;
  const link = (r: NewsRow) => `${input.base}/api/${plural}/${r.documentId}`;
  const title = `ข่าวประชาสัมพันธ์ — ${unit.nameTh}`;
  const home = unit.websiteUrl || `${input.base}/api/${plural}?unit=${unit.code}`;
  const updated = rows.length ? iso(rows[0].publishedAt) : new Date(0).toISOString();
  const summary = (r: NewsRow) => blocksText(r.body).slice(0, 1000);
  const firstFile = (r: NewsRow) => r.attachments?.[0];

  if (input.format === 'rss') {
    const items = rows
      .map((r) => {
        const f = firstFile(r);
        const pub = new Date(r.date ? `${r.date}T00:00:00+07:00` : iso(r.publishedAt));
        return [
          '<item>',
          `<title>${xml(r.title)}</title>`,
          `<link>${xml(link(r))}</link>`,
          `<guid isPermaLink="false">${xml(`prongsai:news:${r.documentId}`)}</guid>`,
          `<pubDate>${pub.toUTCString()}</pubDate>`,
          `<description>${xml(summary(r))}</description>`,
          f
            ? `<enclosure url="${xml(absoluteUrl(input.base, f.url))}" length="${Math.round(Number(f.size) * 1024)}" type="${xml(f.mime)}"/>`
            : '',
          '</item>',
        ].join('');
      })
      .join('\n');
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
      '<channel>',
      `<title>${xml(title)}</title>`,
      `<link>${xml(home)}</link>`,
      `<description>${xml(`ข่าวประชาสัมพันธ์ที่เผยแพร่แล้วของ ${unit.nameTh}`)}</description>`,
      '<language>th</language>',
      `<lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>`,
      `<atom:link href="${xml(input.selfUrl)}" rel="self" type="application/rss+xml"/>`,
      items,
      '</channel>',
      '</rss>',
      '',
    ].join('\n');
  }
  const entries = rows
    .map((r) =>
      [
        '<entry>',
        `<id>${xml(`urn:prongsai:news:${r.documentId}`)}</id>`,
        `<title>${xml(r.title)}</title>`,
        `<link rel="alternate" href="${xml(link(r))}"/>`,
        ...(r.attachments ?? []).map(
          (f) =>
            `<link rel="enclosure" href="${xml(absoluteUrl(input.base, f.url))}" type="${xml(f.mime)}" length="${Math.round(Number(f.size) * 1024)}" title="${xml(f.name)}"/>`,
        ),
        `<updated>${iso(r.publishedAt)}</updated>`,
        r.date ? `<published>${r.date}T00:00:00+07:00</published>` : '',
        `<summary>${xml(summary(r))}</summary>`,
        '</entry>',
      ].join(''),
    )
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="th">',
    `<id>${xml(`urn:prongsai:unit:${unit.code}:news`)}</id>`,
    `<title>${xml(title)}</title>`,
    `<link rel="self" href="${xml(input.selfUrl)}"/>`,
    `<link rel="alternate" href="${xml(home)}"/>`,
    `<updated>${updated}</updated>`,
    `<author><name>${xml(unit.nameTh)}</name></author>`,
    entries,
    '</feed>',
    '',
  ].join('\n');
};

type Bid = { bidder?: string | null; price?: number | string | null };
type Row = {
  sequence?: number | null;
  workItem?: string | null;
  budget?: number | string | null;
  referencePrice?: number | string | null;
  method?: string | null;
  bids?: Bid[];
  selectedSupplier?: string | null;
  agreedPrice?: number | string | null;
  selectionReason?: string | null;
  contractNumber?: string | null;
  contractDate?: string | null;
};
type SummaryRow = {
  documentId: string;
  title: string;
  fiscalYear: number;
  month: number;
  isNone: boolean | null;
  noneText: string | null;
  rows?: Row[];
};

/** Thai names of the procurement methods (one source with the admin panel). */
export const METHOD_LABELS: Record<string, string> = PROCUREMENT_METHOD_LABELS;

export const PROCUREMENT_HEADER = [
  'unit_code',
  'fiscal_year',
  'month',
  'month_th',
  'no',
  'work_item',
  'budget',
  'reference_price',
  'method',
  'method_th',
  'bidders',
  'selected_supplier',
  'agreed_price',
  'selection_reason',
  'contract_number',
  'contract_date',
  'no_procurement',
  'document_id',
];

/** The unit's published monthly procurement summaries (form สขร.1) as CSV rows, month by month. */
export const procurementCsv = async (
  strapi: Core.Strapi,
  input: { unitCode: string; fiscalYear: number | null },
): Promise<string> => {
  const unit = await findUnitByCode(strapi, input.unitCode);
  const where: Record<string, unknown> = { unitRef: unit.id, publishedAt: { $notNull: true } };
  if (input.fiscalYear !== null) where.fiscalYear = input.fiscalYear;
  const summaries = (await strapi.db.query(SUMMARY_UID).findMany({
    where,
    select: ['documentId', 'title', 'fiscalYear', 'month', 'isNone', 'noneText'],
    populate: { rows: { populate: { bids: true } } },
  })) as SummaryRow[];
  // Fiscal order: October (month 10) first.
  const order = (m: number) => (m >= 10 ? m - 10 : m + 2);
  summaries.sort(
    (a, b) =>
      a.fiscalYear - b.fiscalYear ||
      order(a.month) - order(b.month) ||
      a.documentId.localeCompare(b.documentId),
  );
  const out: unknown[][] = [];
  for (const s of summaries) {
    const month = [unit.code, s.fiscalYear, s.month, thaiMonthLabel(s.fiscalYear, s.month)];
    if (s.isNone || !s.rows?.length) {
      out.push([
        ...month,
        ...Array(PROCUREMENT_HEADER.length - month.length - 2).fill(''),
        s.noneText || 'ไม่มีการจัดซื้อจัดจ้าง',
        s.documentId,
      ]);
      continue;
    }
    const rows = [...s.rows].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
    rows.forEach((r, i) =>
      out.push([
        ...month,
        r.sequence ?? i + 1,
        r.workItem,
        r.budget,
        r.referencePrice,
        r.method,
        METHOD_LABELS[r.method ?? ''] ?? r.method,
        (r.bids ?? [])
          .map((b) => `${b.bidder}${b.price != null ? ` (${b.price})` : ''}`)
          .join('; '),
        r.selectedSupplier,
        r.agreedPrice,
        r.selectionReason,
        r.contractNumber,
        r.contractDate,
        '',
        s.documentId,
      ]),
    );
  }
  return toCsv(PROCUREMENT_HEADER, out);
};

export const LINKS_HEADER = [
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
];

/**
 * For assessors: per unit and checklist item, the URL of the item on the unit's own website
 * (its `websiteUrl` + `itaPathTemplate`), the CMS's ITA item URL and the item's status — the
 * public subset of the one compliance status, exactly as on the ITA page. All active units, or
 * one; the checklist of each unit is the one that applies to its scheme (`checklistsFor`).
 */
export const itaLinksCsv = async (
  strapi: Core.Strapi,
  input: { fiscalYear: number; unitCode: string | null; base: string; today?: string },
): Promise<string> => {
  type U = {
    id: number;
    code: string;
    nameTh: string;
    scheme: string;
    websiteUrl: string | null;
    itaPathTemplate: string | null;
  };
  let units: U[];
  if (input.unitCode) {
    units = [(await findUnitByCode(strapi, input.unitCode)) as unknown as U];
  } else {
    units = (await strapi.db.query(UNIT_UID).findMany({
      where: { active: { $ne: false } },
      select: ['id', 'code', 'nameTh', 'scheme', 'websiteUrl', 'itaPathTemplate'],
      orderBy: [{ code: 'asc' }],
    })) as U[];
  }
  const today = input.today ?? todayInBangkok();
  const data = await loadMatrixData(strapi, {
    fiscalYear: input.fiscalYear,
    unitIds: input.unitCode ? units.map((u) => u.id) : null,
  });
  if (!data.checklists.size)
    throw new errors.NotFoundError(
      `ยังไม่มีรายการตรวจ ITA ปีงบประมาณ ${input.fiscalYear} / No ITA checklist for fiscal year ${input.fiscalYear}`,
    );
  const status = new Map(
    evaluateMatrix(data, today, { entriesPerCell: 0 }).cells.map((c) => [
      `${c.unit}:${c.item}`,
      c.publicStatus,
    ]),
  );
  type I = {
    code: string;
    titleTh: string;
    indicatorCode: string | null;
    subindicatorCode: string | null;
    checklist: { id: number } | null;
  };
  const items = (await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { id: { $in: [...data.checklists.values()].map((c) => c.id) } } },
    select: ['code', 'titleTh', 'indicatorCode', 'subindicatorCode', 'position'],
    populate: { checklist: { select: ['id'] } },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  })) as I[];
  const out: unknown[][] = [];
  for (const u of units) {
    const checklistId = data.checklists.get(u.scheme)?.id;
    if (checklistId === undefined) continue;
    for (const item of items.filter((i) => i.checklist?.id === checklistId)) {
      const s = status.get(`${u.code}:${item.code}`) ?? 'not_yet_due';
      out.push([
        u.code,
        u.nameTh,
        input.fiscalYear,
        u.scheme,
        item.indicatorCode,
        item.subindicatorCode,
        item.code,
        item.titleTh,
        itemUrl(u, input.fiscalYear, item.code) ?? '',
        `${input.base}/api/ita/${encodeURIComponent(u.code)}/${input.fiscalYear}/${encodeURIComponent(item.code)}`,
        s,
        PUBLIC_STATUS_LABELS_TH[s],
      ]);
    }
  }
  return toCsv(LINKS_HEADER, out);
};
