import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';
import { parseFiscalYear } from '../ita/fiscal-year';
import { absoluteUrl, itemUrl } from './links';

/**
 * The ITA page of a unit for a fiscal year: the checklist of the unit's scheme with, per item,
 * the published entries linked to it and their files. Built with a fixed number of queries
 * (unit, checklist, items, then one entry query and two relation queries per disclosure type)
 * whatever the number of items or entries.
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
export type ItaItemStatus = 'published' | 'none' | 'missing';
export type ItaHeading = { code: string; titleTh: string | null; titleEn: string | null } | null;
export type ItaItem = {
  code: string;
  titleTh: string;
  titleEn: string | null;
  cadence: string | null;
  indicator: ItaHeading;
  subindicator: ItaHeading;
  status: ItaItemStatus;
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
type FileRow = { id: number; name: string; url: string; mime: string; size: number | string };
type EntryRow = {
  id: number;
  documentId: string;
  title: string;
  slug: string | null;
  publishedAt: string | Date;
  isNone: boolean | null;
  noneText: string | null;
  checklistItems?: Array<{ id: number }>;
  attachments?: FileRow[];
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

export const parseYearParam = (raw: unknown): number => {
  const year = parseFiscalYear(typeof raw === 'string' ? decodeURIComponentSafe(raw) : raw);
  if (year === null)
    throw new errors.ValidationError(
      `ปีงบประมาณ "${String(raw).slice(0, 40)}" ไม่ถูกต้อง ต้องเป็นปี พ.ศ. เช่น 2569 / Invalid fiscal year: use the Buddhist-era year, e.g. 2569`,
    );
  return year;
};

export const parseItemCode = (raw: unknown): string => {
  if (typeof raw !== 'string' || !ITEM_CODE.test(raw))
    throw new errors.ValidationError(
      `รหัสข้อ "${String(raw).slice(0, 40)}" ไม่ถูกต้อง (เช่น O12) / Invalid checklist item code (e.g. O12)`,
    );
  return raw.toUpperCase();
};

const decodeURIComponentSafe = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const toIso = (v: string | Date): string => (v instanceof Date ? v : new Date(v)).toISOString();

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

/** Builds the page; `onlyItem` restricts it to one item code (404 when the list has no such item). */
export const buildItaPage = async (
  strapi: Core.Strapi,
  input: { unitCode: string; fiscalYear: number; onlyItem?: string; base: string },
): Promise<ItaPage> => {
  const unit = await findUnitByCode(strapi, input.unitCode);
  const checklist = (await strapi.db.query(CHECKLIST_UID).findOne({
    where: { fiscalYear: input.fiscalYear, scheme: unit.scheme },
    select: ['id', 'status', 'title'],
    orderBy: [{ status: 'asc' }, { id: 'asc' }],
  })) as { id: number; status: string; title: string | null } | null;
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

  const itemIds = itemRows.map((i) => i.id);
  const entriesByItem = new Map<number, ItaEntry[]>(itemIds.map((id) => [id, []]));
  if (itemIds.length) {
    const perType = await Promise.all(
      DISCLOSURE_TYPES.map(async (type) => {
        const pluralName = strapi.contentType(type.uid as UID.ContentType).info.pluralName;
        const rows = (await strapi.db.query(type.uid).findMany({
          where: {
            unitRef: unit.id,
            publishedAt: { $notNull: true },
            checklistItems: { id: { $in: itemIds } },
          },
          select: ['id', 'documentId', 'title', 'slug', 'publishedAt', 'isNone', 'noneText'],
          populate: {
            checklistItems: { select: ['id'], where: { id: { $in: itemIds } } },
            attachments: { select: ['id', 'name', 'url', 'mime', 'size'] },
          },
        })) as EntryRow[];
        return { type: type.name, pluralName, rows };
      }),
    );
    for (const { type, pluralName, rows } of perType) {
      const seen = new Set<number>();
      for (const row of rows) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        const entry: ItaEntry = {
          type,
          documentId: row.documentId,
          title: row.title,
          slug: row.slug ?? null,
          publishedAt: toIso(row.publishedAt),
          url: `${input.base}/api/${pluralName}/${row.documentId}`,
          isNone: Boolean(row.isNone),
          noneText: row.isNone ? (row.noneText ?? null) : null,
          files: (row.attachments ?? []).map((f) => ({
            name: f.name,
            url: absoluteUrl(input.base, f.url),
            mime: f.mime,
            // Strapi stores sizes in kB; integrators get bytes.
            size: Math.round(Number(f.size) * 1024),
          })),
        };
        for (const link of row.checklistItems ?? []) entriesByItem.get(link.id)?.push(entry);
      }
    }
  }

  const items: ItaItem[] = itemRows.map((row) => {
    const entries = (entriesByItem.get(row.id) ?? []).sort(
      (a, b) =>
        b.publishedAt.localeCompare(a.publishedAt) || a.documentId.localeCompare(b.documentId),
    );
    const status: ItaItemStatus = entries.some((e) => !e.isNone)
      ? 'published'
      : entries.length
        ? 'none'
        : 'missing';
    return {
      code: row.code,
      titleTh: row.titleTh,
      titleEn: row.titleEn ?? null,
      cadence: row.cadence ?? null,
      indicator: heading(row.indicatorCode, row.indicatorTitleTh, row.indicatorTitleEn),
      subindicator: heading(row.subindicatorCode, row.subindicatorTitleTh, row.subindicatorTitleEn),
      status,
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
