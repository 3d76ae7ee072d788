import { carriedPageParts } from '../compliance/carry-over';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { columnOf, metaOf } from '../disclosures/metadata';
import { DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { evaluateCell, loadMatrixData } from '../compliance/engine';
import {
  PUBLIC_STATUS_LABELS_TH,
  publicEntriesOf,
  publicStatusOf,
  type PublicStatus,
} from '../compliance/rules';
import { ITEM_UID } from '../ita/checklists';
import { parseFiscalYearParam, todayInBangkok } from '../ita/fiscal-year';
import { absoluteUrl, itemUrl } from './links';

/**
 * The ITA page of a unit for a fiscal year: the checklist that applies to the unit's scheme
 * with, per item, its status and the published entries that count for it, with their files.
 * The status and the entries come from the one compliance rule (src/compliance/engine.ts and
 * rules.ts), as on the dashboard: the page shows the public subset of the status and never
 * lists an entry of the wrong fiscal year. Built with a fixed number of queries whatever the
 * number of items or entries: the unit, the engine's load (units, checklists, items, links,
 * periods), the items' headings, the published entries' display fields, their files.
 */

export type ItaFile = { name: string; url: string; mime: string; size: number };
export type ItaEntry = {
  type: string;
  documentId: string;
  title: string;
  slug: string | null;
  publishedAt: string;
  url: string;
  isNone: boolean;
  noneText: string | null;
  files: ItaFile[];
};
/** The public subset of the compliance status (`publicStatusOf`). */
export type ItaItemStatus = PublicStatus;
export type ItaHeading = { code: string; titleTh: string | null; titleEn: string | null } | null;
export type ItaItem = {
  code: string;
  titleTh: string;
  titleEn: string | null;
  cadence: string | null;
  indicator: ItaHeading;
  subindicator: ItaHeading;
  status: ItaItemStatus;
  /** The status in Thai, as the widget shows it. */
  statusTh: string;
  /** The date that decides the status (the item's due date; monthly items: the month's). */
  dueDate: string | null;
  url: string | null;
  entries: ItaEntry[];
};
export type ItaUnit = {
  code: string;
  nameTh: string;
  nameEn: string | null;
  websiteUrl: string | null;
};
export type ItaPage = {
  unit: ItaUnit;
  fiscalYear: number;
  scheme: string;
  checklist: { status: string; title: string | null };
  items: ItaItem[];
};

type UnitRow = ItaUnit & {
  id: number;
  scheme: string;
  active: boolean | null;
  itaPathTemplate: string | null;
};
type ItemRow = {
  id: number;
  code: string;
  titleTh: string;
  titleEn: string | null;
  cadence: string | null;
  indicatorCode: string | null;
  indicatorTitleTh: string | null;
  indicatorTitleEn: string | null;
  subindicatorCode: string | null;
  subindicatorTitleTh: string | null;
  subindicatorTitleEn: string | null;
};
type FileRow = { name: string; url: string; mime: string; size: number | string };
/** One (published entry, checklist item) pair. */
type LinkRow = {
  uid: string;
  type: string;
  id: number;
  documentId: string;
  title: string;
  slug: string | null;
  publishedAt: string | number | Date;
  isNone: boolean | number | null;
  noneText: string | null;
  itemId: number;
};

const plurals = new Map<string, string>();
const pluralOf = (strapi: Core.Strapi, uid: string) => {
  let plural = plurals.get(uid);
  if (!plural) {
    plural = strapi.contentType(uid as UID.ContentType).info.pluralName;
    plurals.set(uid, plural);
  }
  return plural;
};

/**
 * Every (published entry of the unit, checklist item) pair over all disclosure types: one
 * UNION ALL query through each type's link table to the checklist items.
 */
const publishedLinks = async (
  strapi: Core.Strapi,
  unitId: number,
  itemIds: number[],
): Promise<LinkRow[]> => {
  const knex = strapi.db.connection;
  const parts = DISCLOSURE_TYPES.map((type) => {
    const meta = metaOf(strapi, type.uid);
    const link = meta.attributes.checklistItems?.joinTable;
    if (!link) throw new Error(`${type.uid} has no checklistItems link table`);
    const e = (attribute: string) => `e.${columnOf(meta, attribute)}`;
    return knex
      .select(
        knex.raw('? as ??', [type.uid, 'uid']),
        knex.raw('? as ??', [type.name, 'type']),
        knex.raw('?? as ??', ['e.id', 'id']),
        knex.raw('?? as ??', [e('documentId'), 'documentId']),
        knex.raw('?? as ??', [e('title'), 'title']),
        knex.raw('?? as ??', [e('slug'), 'slug']),
        knex.raw('?? as ??', [e('publishedAt'), 'publishedAt']),
        knex.raw('?? as ??', [e('isNone'), 'isNone']),
        knex.raw('?? as ??', [e('noneText'), 'noneText']),
        knex.raw('?? as ??', [`l.${link.inverseJoinColumn.name}`, 'itemId']),
      )
      .from({ e: meta.tableName })
      .join({ l: link.name }, `l.${link.joinColumn.name}`, 'e.id')
      .where(e('unitRef'), unitId)
      .whereNotNull(e('publishedAt'))
      .whereIn(`l.${link.inverseJoinColumn.name}`, itemIds);
  });
  parts.push(...carriedPageParts(strapi, unitId, itemIds));
  const [first, ...rest] = parts;
  return (await first.unionAll(rest, false)) as LinkRow[];
};

/** The attachments of those entries, in their order: one query on the files' morph table. */
const filesOf = async (strapi: Core.Strapi, links: LinkRow[]): Promise<Map<string, FileRow[]>> => {
  const out = new Map<string, FileRow[]>();
  if (!links.length) return out;
  const knex = strapi.db.connection;
  const ids = [...new Set(links.map((l) => l.id))];
  const uids = [...new Set(links.map((l) => l.uid))];
  const fileMeta = strapi.db.metadata.get('plugin::upload.file') as unknown as {
    tableName: string;
    attributes: {
      related: {
        joinTable: {
          name: string;
          joinColumn: { name: string };
          morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
        };
      };
    };
  };
  const morph = fileMeta.attributes.related.joinTable;
  const typeCol = `m.${morph.morphColumn.typeColumn.name}`;
  const idCol = `m.${morph.morphColumn.idColumn.name}`;
  const rows = (await knex
    .select(
      knex.raw('?? as ??', [typeCol, 'uid']),
      knex.raw('?? as ??', [idCol, 'id']),
      'f.name as name',
      'f.url as url',
      'f.mime as mime',
      'f.size as size',
    )
    .from({ m: morph.name })
    .join({ f: fileMeta.tableName }, 'f.id', `m.${morph.joinColumn.name}`)
    .where('m.field', 'attachments')
    .whereIn(typeCol, uids)
    .whereIn(idCol, ids)
    .orderBy([
      { column: idCol, order: 'asc' },
      { column: 'm.order', order: 'asc' },
    ])) as Array<FileRow & { uid: string; id: number }>;
  for (const row of rows) {
    const key = `${row.uid}:${row.id}`;
    const list = out.get(key) ?? [];
    list.push({ name: row.name, url: row.url, mime: row.mime, size: row.size });
    out.set(key, list);
  }
  return out;
};

const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/;
const ITEM_CODE = /^[A-Za-z]{1,4}[0-9]{1,3}(\.[0-9]{1,2})?$/;

export const parseUnitCode = (raw: unknown): string => {
  if (typeof raw !== 'string' || !UNIT_CODE.test(raw))
    throw new errors.ValidationError(
      `รหัสหน่วยงาน "${String(raw).slice(0, 40)}" ไม่ถูกต้อง / Invalid unit code`,
    );
  return raw.toUpperCase();
};

/** A fiscal year in a URL (the one parser and message: `parseFiscalYearParam`). */
export const parseYearParam = (raw: unknown): number => parseFiscalYearParam(raw);

export const parseItemCode = (raw: unknown): string => {
  if (typeof raw !== 'string' || !ITEM_CODE.test(raw))
    throw new errors.ValidationError(
      `รหัสข้อ "${String(raw).slice(0, 40)}" ไม่ถูกต้อง (เช่น O12) / Invalid checklist item code (e.g. O12)`,
    );
  return raw.toUpperCase();
};

const toIso = (v: string | number | Date): string =>
  (v instanceof Date ? v : new Date(v)).toISOString();

export const findUnitByCode = async (strapi: Core.Strapi, code: string): Promise<UnitRow> => {
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: { code },
    select: ['id', 'code', 'nameTh', 'nameEn', 'websiteUrl', 'itaPathTemplate', 'scheme', 'active'],
  })) as UnitRow | null;
  if (!unit || unit.active === false)
    throw new errors.NotFoundError(`ไม่พบหน่วยงาน ${code} / Unknown unit ${code}`);
  return unit;
};

const heading = (code: string | null, th: string | null, en: string | null): ItaHeading =>
  code ? { code, titleTh: th, titleEn: en } : null;

/**
 * Builds the page; `onlyItem` restricts it to one item code (404 when the list has no such item).
 * `today` (`YYYY-MM-DD`, Bangkok) defaults to today.
 */
export const buildItaPage = async (
  strapi: Core.Strapi,
  input: { unitCode: string; fiscalYear: number; onlyItem?: string; base: string; today?: string },
): Promise<ItaPage> => {
  const unit = await findUnitByCode(strapi, input.unitCode);
  const today = input.today ?? todayInBangkok();
  // The compliance engine's facts of this unit: the same load as the dashboard's matrix.
  const data = await loadMatrixData(strapi, { fiscalYear: input.fiscalYear, unitIds: [unit.id] });
  const checklist = data.checklists.get(unit.scheme);
  if (!checklist)
    throw new errors.NotFoundError(
      `ยังไม่มีรายการตรวจ ITA ปีงบประมาณ ${input.fiscalYear} สำหรับชุด ${unit.scheme} / No ITA checklist for fiscal year ${input.fiscalYear}, scheme ${unit.scheme}`,
    );

  const itemWhere: Record<string, unknown> = { checklist: { id: checklist.id } };
  if (input.onlyItem) itemWhere.code = input.onlyItem;
  const itemRows = (await strapi.db.query(ITEM_UID).findMany({
    where: itemWhere,
    select: [
      'id',
      'code',
      'titleTh',
      'titleEn',
      'cadence',
      'indicatorCode',
      'indicatorTitleTh',
      'indicatorTitleEn',
      'subindicatorCode',
      'subindicatorTitleTh',
      'subindicatorTitleEn',
    ],
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  })) as ItemRow[];
  if (input.onlyItem && itemRows.length === 0)
    throw new errors.NotFoundError(
      `ไม่พบข้อ ${input.onlyItem} ในรายการตรวจปี ${input.fiscalYear} / No item ${input.onlyItem} in the ${input.fiscalYear} checklist`,
    );

  // Per item: the one status rule, and the published entries that count (type:documentId).
  const rules = new Map((data.itemsByScheme.get(unit.scheme) ?? []).map((i) => [i.id, i]));
  const judged = new Map<
    number,
    { status: ItaItemStatus; dueDate: string | null; counted: Set<string> }
  >();
  for (const row of itemRows) {
    const item = rules.get(row.id) ?? { id: row.id, rule: { cadence: row.cadence } };
    const { facts, evaluation } = evaluateCell(data, unit, item, today);
    judged.set(row.id, {
      status: publicStatusOf(evaluation, today),
      dueDate: evaluation.dueDate,
      counted: new Set(
        publicEntriesOf(item.rule, input.fiscalYear, facts).map((e) => `${e.type}:${e.documentId}`),
      ),
    });
  }

  const itemIds = itemRows.map((i) => i.id);
  const entriesByItem = new Map<number, ItaEntry[]>(itemIds.map((id) => [id, []]));
  if (itemIds.length) {
    // Own links and carried evidence (year rollover, carry-over.ts), each pair once, and only
    // the entries the one status rule counts.
    const seen = new Set<string>();
    const links = (await publishedLinks(strapi, unit.id, itemIds)).filter((l) => {
      const key = `${l.uid}:${l.id}:${l.itemId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return judged.get(l.itemId)?.counted.has(`${l.type}:${l.documentId}`) ?? false;
    });
    const files = await filesOf(strapi, links);
    const entries = new Map<string, ItaEntry>();
    for (const link of links) {
      const key = `${link.uid}:${link.id}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = {
          type: link.type,
          documentId: link.documentId,
          title: link.title,
          slug: link.slug ?? null,
          publishedAt: toIso(link.publishedAt),
          url: `${input.base}/api/${pluralOf(strapi, link.uid)}/${link.documentId}`,
          isNone: Boolean(link.isNone),
          noneText: link.isNone ? (link.noneText ?? null) : null,
          files: (files.get(key) ?? []).map((f) => ({
            name: f.name,
            url: absoluteUrl(input.base, f.url),
            mime: f.mime,
            // Strapi stores sizes in kB; integrators get bytes.
            size: Math.round(Number(f.size) * 1024),
          })),
        };
        entries.set(key, entry);
      }
      entriesByItem.get(link.itemId)?.push(entry);
    }
  }

  const items: ItaItem[] = itemRows.map((row) => {
    const entries = (entriesByItem.get(row.id) ?? []).sort(
      (a, b) =>
        b.publishedAt.localeCompare(a.publishedAt) || a.documentId.localeCompare(b.documentId),
    );
    const { status, dueDate } = judged.get(row.id) ?? { status: 'not_yet_due', dueDate: null };
    return {
      code: row.code,
      titleTh: row.titleTh,
      titleEn: row.titleEn ?? null,
      cadence: row.cadence ?? null,
      indicator: heading(row.indicatorCode, row.indicatorTitleTh, row.indicatorTitleEn),
      subindicator: heading(row.subindicatorCode, row.subindicatorTitleTh, row.subindicatorTitleEn),
      status,
      statusTh: PUBLIC_STATUS_LABELS_TH[status],
      dueDate,
      url: itemUrl(unit, input.fiscalYear, row.code),
      entries,
    };
  });

  return {
    unit: {
      code: unit.code,
      nameTh: unit.nameTh,
      nameEn: unit.nameEn ?? null,
      websiteUrl: unit.websiteUrl ?? null,
    },
    fiscalYear: input.fiscalYear,
    scheme: unit.scheme,
    checklist: { status: checklist.status, title: checklist.title ?? null },
    items,
  };
};
