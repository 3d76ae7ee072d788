import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  checklistFileOf,
  itemRecordsOf,
  validateChecklistFile,
  type ChecklistFile,
  type ChecklistStatus,
} from './checklist-file';

export const CHECKLIST_UID = 'api::ita-checklist.ita-checklist';
export const ITEM_UID = 'api::ita-item.ita-item';

/**
 * What an item is called where people pick or read it (relation pickers, chips): its code, its
 * Thai title and its year, since O11 of 2569 and O11 of 2570 are different items.
 */
export const itemLabel = (code: string, titleTh: string | null | undefined, fiscalYear: number) =>
  `${code} ${titleTh ?? ''} (${fiscalYear})`.replace(/\s+/g, ' ').slice(0, 600);

export type ChecklistSource = 'shipped' | 'import' | 'copy' | 'manual';

export type ImportResult = {
  fiscalYear: number;
  scheme: string;
  documentId: string;
  created: number;
  updated: number;
  removed: number;
  replaced: boolean;
};

type StoredChecklist = {
  id: number;
  documentId: string;
  fiscalYear: number;
  scheme: string;
  status: ChecklistStatus;
  completeness: string | null;
};

/**
 * Strapi's generated input types have no `null`, but null is how a stored value is cleared
 * (a re-import that drops an English title must clear it, not keep the old one).
 */
const nullable = <T extends object>(data: T) => data as never;

export const SHIPPED_DIR = (strapi: Core.Strapi) => path.join(strapi.dirs.app.src, 'ita', 'data');

const titleOf = (year: number, scheme: string, status: ChecklistStatus) =>
  `OIT ${year} (${scheme})${status === 'provisional' ? ' — ชั่วคราว' : ''}`;

export const findChecklist = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  scheme: string,
): Promise<StoredChecklist | null> =>
  (await strapi.db
    .query(CHECKLIST_UID)
    .findOne({ where: { fiscalYear, scheme } })) as StoredChecklist | null;

export type ApplicableChecklist = {
  id: number;
  documentId: string;
  scheme: string;
  fiscalYear: number;
  status: ChecklistStatus;
  title: string | null;
};

/**
 * THE rule for which checklist applies to units of a scheme in a fiscal year: the official list
 * before a provisional one (then the oldest). One query for any number of schemes; every reader
 * (status engine, ITA page, exports, responsibilities, suggestions, carry-over) goes through here.
 * `schemes` null = every scheme that has a list that year.
 */
export const checklistsFor = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  schemes: readonly string[] | null = null,
): Promise<Map<string, ApplicableChecklist>> => {
  const where: Record<string, unknown> = { fiscalYear };
  if (schemes) where.scheme = { $in: [...new Set(schemes)] };
  const rows = (await strapi.db.query(CHECKLIST_UID).findMany({
    where,
    select: ['id', 'documentId', 'scheme', 'fiscalYear', 'status', 'title'],
    orderBy: [{ status: 'asc' }, { id: 'asc' }],
  })) as ApplicableChecklist[];
  const out = new Map<string, ApplicableChecklist>();
  // 'official' sorts before 'provisional'.
  for (const row of rows) if (!out.has(row.scheme)) out.set(row.scheme, row);
  return out;
};

/** The applicable checklist of one scheme and year (see `checklistsFor`). */
export const checklistFor = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  scheme: string,
): Promise<ApplicableChecklist | null> =>
  (await checklistsFor(strapi, fiscalYear, [scheme])).get(scheme) ?? null;

/**
 * Adds or replaces the checklist of (fiscal year, scheme) from an exchange-format object.
 * Items are matched by code, so entries tied to an item keep their link when a list is
 * re-imported or a provisional list is replaced by the official one. All in one transaction.
 */
export const importChecklist = async (
  strapi: Core.Strapi,
  input: unknown,
  opts: { source?: ChecklistSource } = {},
): Promise<ImportResult> => {
  const check = validateChecklistFile(input);
  if (!check.ok) {
    throw new errors.ValidationError(
      `Invalid checklist file: ${check.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
      { errors: check.errors },
    );
  }
  const file = check.value;
  const records = itemRecordsOf(file);
  const status: ChecklistStatus = file.status ?? 'official';

  return strapi.db.transaction(async () => {
    const existing = await findChecklist(strapi, file.fiscal_year_be, file.scheme);
    const data = {
      title: titleOf(file.fiscal_year_be, file.scheme, status),
      fiscalYear: file.fiscal_year_be,
      scheme: file.scheme,
      status,
      completeness: file.completeness ?? null,
      source: opts.source ?? 'import',
      copiedFromYear: null,
    };
    const checklist = existing
      ? await strapi
          .documents(CHECKLIST_UID)
          .update({ documentId: existing.documentId, data: nullable(data) })
      : await strapi.documents(CHECKLIST_UID).create({ data: nullable(data) });
    if (!checklist) throw new errors.ApplicationError('Checklist could not be saved');

    const current = (await strapi.db.query(ITEM_UID).findMany({
      where: { checklist: { id: checklist.id } },
      select: ['id', 'documentId', 'code'],
    })) as Array<{ id: number; documentId: string; code: string }>;
    const byCode = new Map(current.map((c) => [c.code, c]));

    let created = 0;
    let updated = 0;
    for (const record of records) {
      const found = byCode.get(record.code);
      const itemData = {
        ...record,
        label: itemLabel(record.code, record.titleTh, file.fiscal_year_be),
        checklist: checklist.documentId,
      };
      if (found) {
        await strapi
          .documents(ITEM_UID)
          .update({ documentId: found.documentId, data: nullable(itemData) });
        byCode.delete(record.code);
        updated += 1;
      } else {
        await strapi.documents(ITEM_UID).create({ data: nullable(itemData) });
        created += 1;
      }
    }
    for (const stale of byCode.values()) {
      await strapi.documents(ITEM_UID).delete({ documentId: stale.documentId });
    }
    return {
      fiscalYear: file.fiscal_year_be,
      scheme: file.scheme,
      documentId: checklist.documentId,
      created,
      updated,
      removed: byCode.size,
      replaced: Boolean(existing),
    };
  });
};

export const exportChecklist = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  scheme: string,
): Promise<ChecklistFile> => {
  const checklist = await findChecklist(strapi, fiscalYear, scheme);
  if (!checklist) {
    throw new errors.NotFoundError(
      `No checklist for fiscal year ${fiscalYear}, scheme "${scheme}"`,
    );
  }
  const items = await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { id: checklist.id } },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
  });
  return checklistFileOf(checklist, items as Parameters<typeof checklistFileOf>[1]);
};

/**
 * Starts fiscal year `toYear` before NACC has published its list, by copying the previous
 * year's list; it stays provisional until an official list is imported over it.
 */
export const startFiscalYear = async (
  strapi: Core.Strapi,
  toYear: number,
  scheme: string,
  fromYear = toYear - 1,
): Promise<ImportResult> => {
  if (await findChecklist(strapi, toYear, scheme)) {
    throw new errors.ValidationError(
      `ปีงบประมาณ ${toYear} (${scheme}) มีชุดตัวชี้วัดอยู่แล้ว / A checklist for ${toYear} (${scheme}) already exists`,
    );
  }
  const source = await exportChecklist(strapi, fromYear, scheme).catch(() => null);
  if (!source) {
    throw new errors.ValidationError(
      `ไม่พบชุดตัวชี้วัดปี ${fromYear} (${scheme}) สำหรับคัดลอก / No ${fromYear} (${scheme}) checklist to copy`,
    );
  }
  const result = await importChecklist(
    strapi,
    {
      ...source,
      fiscal_year_be: toYear,
      status: 'provisional',
      completeness: `คัดลอกจากปีงบประมาณ ${fromYear} รอประกาศรายการทางการของ ป.ป.ช. / Copied from ${fromYear}; provisional until the official NACC list is imported`,
    },
    { source: 'copy' },
  );
  await strapi.db.query(CHECKLIST_UID).update({
    where: { documentId: result.documentId },
    data: { copiedFromYear: fromYear },
  });
  return result;
};

/** Loads every shipped list that is not in the database yet; never overwrites an administrator's edits. */
export const loadShippedChecklists = async (strapi: Core.Strapi): Promise<ImportResult[]> => {
  const dir = SHIPPED_DIR(strapi);
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^oit-\d{4}-[a-z-]+\.json$/.test(f))
    .sort();
  const results: ImportResult[] = [];
  for (const name of files) {
    const file = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as ChecklistFile;
    if (await findChecklist(strapi, file.fiscal_year_be, file.scheme)) continue;
    results.push(await importChecklist(strapi, file, { source: 'shipped' }));
  }
  return results;
};
