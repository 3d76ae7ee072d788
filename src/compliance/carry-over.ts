import { randomBytes } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { columnOf, metaOf } from '../disclosures/metadata';
import { DISCLOSURE_BY_UID, DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { CHECKLIST_UID, checklistsFor, ITEM_UID } from '../ita/checklists';
import { fiscalYearOf, fiscalYearRange } from '../ita/fiscal-year';
import { topicsSatisfiedBy } from '../ita/topics';
import { CARRIED_UID, loadPeriods, loadReviews, REVIEW_UID } from './engine';
import { counts, type EntryFacts } from './rules';

/**
 * Year rollover and evidence that counts for more than one year, without editing the entries
 * (an entry's checklist links are part of its approved content): a row of `carried-evidence`
 * says "this published entry counts for this item". The engine (`loadCarried`) joins these rows
 * to the published entries only, so a withdrawn entry stops counting by itself.
 *
 * - `carryOver(Y)`: every published entry that satisfied an item of Y−1 is linked to the items of
 *   Y with the same topic (content type + kind; item numbers change every year) whose cadence
 *   lets it count in Y. Standing evidence arrives "to be confirmed current"; the previous year's
 *   reports and plans covering Y arrive confirmed. Idempotent.
 * - `linkToOpenYears`: on publish, standing evidence counts for every open year (the current
 *   fiscal year and later ones that have a checklist) whose checklist asks for its topic.
 */

export type CarryState = 'to_confirm' | 'confirmed';
export type CarryOrigin = 'carry_over' | 'publish';

type ItemInfo = {
  id: number;
  code: string;
  cadence: string | null;
  topics: string[];
  scheme: string;
  fiscalYear: number;
};

export type CarrySummaryRow = {
  unit: string;
  nameTh: string;
  /** Links written by this run. */
  carried: number;
  /** Of which to be confirmed current by the unit. */
  toConfirm: number;
};
export type CarrySummary = {
  fiscalYear: number;
  fromYear: number;
  schemes: string[];
  units: CarrySummaryRow[];
  total: { carried: number; toConfirm: number };
};

const STANDING = new Set(['standing', 'unknown']);
const UNIT_BATCH = 500;
const INSERT_BATCH = 200;

const topicsOf = (raw: unknown): string[] => (Array.isArray(raw) ? raw.map((t) => String(t)) : []);

const newDocumentId = () => randomBytes(12).toString('hex');

/**
 * Raw writes on the caller's transaction when there is one (SQLite has a single connection: a
 * query outside the transaction would wait for it forever).
 */
export const withKnex = <T>(strapi: Core.Strapi, fn: (trx: Knex) => Promise<T>) =>
  strapi.db.transaction(async ({ trx }) => fn(trx as unknown as Knex)) as Promise<T>;

let indexes: Promise<void> | null = null;
/**
 * One carried row per (item, entry), and lookups by entry and by unit; one confirmation row per
 * entry. Created if missing (the
 * unique index is what makes concurrent runs insert each link once).
 */
export const ensureCarriedIndexes = (strapi: Core.Strapi): Promise<void> => {
  indexes ??= withKnex(strapi, async (knex) => {
    const m = metaOf(strapi, CARRIED_UID);
    const col = (a: string) => columnOf(m, a);
    await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [
      `${m.tableName}_item_entry_uq`,
      m.tableName,
      col('itemId'),
      col('contentType'),
      col('entryDocumentId'),
    ]);
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
      `${m.tableName}_entry_idx`,
      m.tableName,
      col('entryDocumentId'),
      col('contentType'),
    ]);
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
      `${m.tableName}_unit_state_idx`,
      m.tableName,
      col('unitRef'),
      col('state'),
    ]);
    // One confirmation row per entry (the confirm action upserts it), read per unit.
    const r = metaOf(strapi, REVIEW_UID);
    await knex.raw('CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
      `${r.tableName}_entry_uq`,
      r.tableName,
      columnOf(r, 'contentType'),
      columnOf(r, 'entryDocumentId'),
    ]);
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??)', [
      `${r.tableName}_unit_idx`,
      r.tableName,
      columnOf(r, 'unitRef'),
    ]);
  }).catch((error) => {
    indexes = null;
    throw error;
  });
  return indexes;
};

/** Items of the given checklists with their scheme, cadence and topics (one query). */
const itemsOf = async (
  strapi: Core.Strapi,
  checklists: Array<{ id: number; scheme: string; fiscalYear: number }>,
): Promise<ItemInfo[]> => {
  if (!checklists.length) return [];
  const schemeOf = new Map(checklists.map((c) => [c.id, c.scheme]));
  const yearOf = new Map(checklists.map((c) => [c.id, Number(c.fiscalYear)]));
  const rows = (await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { id: { $in: [...schemeOf.keys()] } } },
    select: ['id', 'code', 'cadence', 'topics'],
    populate: { checklist: { select: ['id'] } },
  })) as Array<{
    id: number;
    code: string;
    cadence: string | null;
    topics: unknown;
    checklist: { id: number } | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    cadence: r.cadence ?? null,
    topics: topicsOf(r.topics),
    scheme: schemeOf.get(r.checklist?.id ?? -1) ?? '',
    fiscalYear: yearOf.get(r.checklist?.id ?? -1) ?? 0,
  }));
};

type EvidenceRow = {
  uid: string;
  type: string;
  id: number;
  documentId: string;
  kind: string | null;
  fiscalYear: number | null;
  month: number | null;
  date: string | number | Date | null;
  unitRef: number;
  itemId: number;
};

/**
 * The published entries of the units linked to the items, by the entry itself or by a carried
 * row: one UNION ALL over the disclosure tables.
 */
const publishedEvidence = async (
  strapi: Core.Strapi,
  unitIds: number[],
  itemIds: number[],
): Promise<EvidenceRow[]> => {
  if (!unitIds.length || !itemIds.length) return [];
  const knex = strapi.db.connection;
  const cm = metaOf(strapi, CARRIED_UID);
  const c = (a: string) => `c.${columnOf(cm, a)}`;
  const parts = DISCLOSURE_TYPES.flatMap((type) => {
    const meta = metaOf(strapi, type.uid);
    const link = meta.attributes.checklistItems?.joinTable;
    if (!link) throw new Error(`${type.uid} has no checklistItems link table`);
    const e = (a: string) => `e.${columnOf(meta, a)}`;
    const has = (a: string) => Boolean(meta.attributes[a]);
    const pick = (a: string, sqlType: 'integer' | 'date' | 'varchar(255)') =>
      has(a) ? knex.raw('?? as ??', [e(a), a]) : knex.raw(`CAST(NULL AS ${sqlType}) as ??`, [a]);
    const columns = (itemColumn: string) => [
      knex.raw('? as ??', [type.uid, 'uid']),
      knex.raw('? as ??', [type.name, 'type']),
      knex.raw('?? as ??', ['e.id', 'id']),
      knex.raw('?? as ??', [e('documentId'), 'documentId']),
      pick('kind', 'varchar(255)'),
      pick('fiscalYear', 'integer'),
      pick('month', 'integer'),
      pick('date', 'date'),
      knex.raw('?? as ??', [e('unitRef'), 'unitRef']),
      knex.raw('?? as ??', [itemColumn, 'itemId']),
    ];
    const direct = knex
      .select(...columns(`l.${link.inverseJoinColumn.name}`))
      .from({ e: meta.tableName })
      .join({ l: link.name }, `l.${link.joinColumn.name}`, 'e.id')
      .whereIn(`l.${link.inverseJoinColumn.name}`, itemIds)
      .whereNotNull(e('publishedAt'))
      .whereIn(e('unitRef'), unitIds);
    const carried = knex
      .select(...columns(c('itemId')))
      .from({ c: cm.tableName })
      .join({ e: meta.tableName }, e('documentId'), c('entryDocumentId'))
      .where(c('contentType'), type.uid)
      .whereIn(c('itemId'), itemIds)
      .whereNotNull(e('publishedAt'))
      .whereIn(e('unitRef'), unitIds);
    return [direct, carried];
  });
  const [first, ...rest] = parts;
  return (await first.unionAll(rest, false)) as EvidenceRow[];
};

/** `uid:documentId:itemId` of the links that already exist (direct or carried) to the items. */
const existingLinks = async (
  strapi: Core.Strapi,
  unitIds: number[],
  itemIds: number[],
): Promise<Set<string>> => {
  const out = new Set<string>();
  if (!unitIds.length || !itemIds.length) return out;
  const knex = strapi.db.connection;
  const cm = metaOf(strapi, CARRIED_UID);
  const col = (a: string) => columnOf(cm, a);
  const parts: ReturnType<typeof knex.select>[] = [
    knex
      .select(
        knex.raw('?? as ??', [col('contentType'), 'uid']),
        knex.raw('?? as ??', [col('entryDocumentId'), 'documentId']),
        knex.raw('?? as ??', [col('itemId'), 'itemId']),
      )
      .from(cm.tableName)
      .whereIn(col('itemId'), itemIds)
      .whereIn(col('unitRef'), unitIds),
  ];
  for (const type of DISCLOSURE_TYPES) {
    const meta = metaOf(strapi, type.uid);
    const link = meta.attributes.checklistItems?.joinTable;
    if (!link) continue;
    const e = (a: string) => `e.${columnOf(meta, a)}`;
    parts.push(
      knex
        .select(
          knex.raw('? as ??', [type.uid, 'uid']),
          knex.raw('?? as ??', [e('documentId'), 'documentId']),
          knex.raw('?? as ??', [`l.${link.inverseJoinColumn.name}`, 'itemId']),
        )
        .from({ e: meta.tableName })
        .join({ l: link.name }, `l.${link.joinColumn.name}`, 'e.id')
        .whereIn(`l.${link.inverseJoinColumn.name}`, itemIds)
        .whereNotNull(e('publishedAt'))
        .whereIn(e('unitRef'), unitIds),
    );
  }
  const [first, ...rest] = parts;
  const rows = (await first.unionAll(rest, false)) as Array<{
    uid: string;
    documentId: string;
    itemId: number;
  }>;
  for (const r of rows) out.add(`${r.uid}:${r.documentId}:${Number(r.itemId)}`);
  return out;
};

type NewLink = {
  unitRef: number;
  uid: string;
  documentId: string;
  item: { id: number; code: string };
  fiscalYear: number;
  origin: CarryOrigin;
  state: CarryState;
};

/** Inserts carried rows, leaving any (item, entry) that already has one. Returns the count written. */
const insertLinks = async (strapi: Core.Strapi, links: NewLink[]): Promise<number> => {
  if (!links.length) return 0;
  await ensureCarriedIndexes(strapi);
  const m = metaOf(strapi, CARRIED_UID);
  const col = (a: string) => columnOf(m, a);
  const now = new Date();
  let written = 0;
  for (let i = 0; i < links.length; i += INSERT_BATCH) {
    const rows = links.slice(i, i + INSERT_BATCH).map((l) => ({
      document_id: newDocumentId(),
      [col('unitRef')]: l.unitRef,
      [col('contentType')]: l.uid,
      [col('entryDocumentId')]: l.documentId,
      [col('itemId')]: l.item.id,
      [col('itemCode')]: l.item.code,
      [col('fiscalYear')]: l.fiscalYear,
      [col('origin')]: l.origin,
      [col('state')]: l.state,
      [col('carriedAt')]: now,
      [col('confirmedAt')]: l.state === 'confirmed' ? now : null,
      created_at: now,
      updated_at: now,
    }));
    const result = (await withKnex(strapi, (knex) =>
      knex(m.tableName)
        .insert(rows, ['id'])
        .onConflict([col('itemId'), col('contentType'), col('entryDocumentId')])
        .ignore(),
    )) as unknown[];
    written += Array.isArray(result) ? result.length : 0;
  }
  return written;
};

const factsOf = (
  row: EvidenceRow,
  periods: Map<string, { start: string; end: string }>,
): EntryFacts => ({
  documentId: row.documentId,
  type: row.type,
  title: '',
  published: true,
  publishedAt: null,
  workflowState: 'published',
  isNone: false,
  fiscalYear:
    row.fiscalYear === null || row.fiscalYear === undefined ? null : Number(row.fiscalYear),
  month: row.month === null || row.month === undefined ? null : Number(row.month),
  date:
    row.date === null || row.date === undefined
      ? null
      : typeof row.date === 'string'
        ? row.date.slice(0, 10)
        : new Date(row.date).toISOString().slice(0, 10),
  period: periods.get(`${row.uid}:${row.id}`) ?? null,
});

/** Which topics an entry carries into the new year: what it satisfied of the items it was linked to. */
const carriedTopics = (entryTopics: string[], oldItemTopics: Set<string>): string[] => {
  const both = entryTopics.filter((t) => oldItemTopics.has(t));
  if (both.length) return both;
  if (oldItemTopics.size) return [...oldItemTopics];
  return entryTopics;
};

/**
 * Carries the evidence of fiscal year `fromYear` (default Y−1) into year Y, for the given
 * schemes (default: every scheme with a list in both years). Idempotent: a link that exists
 * (carried, or made by the entry itself) is not written twice. Returns what was written per unit.
 */
export const carryOver = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  options: { schemes?: string[] | null; fromYear?: number } = {},
): Promise<CarrySummary> => {
  const fromYear = options.fromYear ?? fiscalYear - 1;
  const [toLists, fromLists] = await Promise.all([
    checklistsFor(strapi, fiscalYear, options.schemes ?? null),
    checklistsFor(strapi, fromYear, options.schemes ?? null),
  ]);
  const schemes = [...toLists.keys()].filter((s) => fromLists.has(s)).sort();
  const summary: CarrySummary = {
    fiscalYear,
    fromYear,
    schemes,
    units: [],
    total: { carried: 0, toConfirm: 0 },
  };
  await removeStaleLinks(strapi, fiscalYear);
  const yearStart = fiscalYearRange(fiscalYear).start.toISOString();
  if (!schemes.length) return summary;
  const [toItems, fromItems] = await Promise.all([
    itemsOf(
      strapi,
      schemes.map((s) => toLists.get(s)!),
    ),
    itemsOf(
      strapi,
      schemes.map((s) => fromLists.get(s)!),
    ),
  ]);

  for (const scheme of schemes) {
    const newItems = toItems.filter((i) => i.scheme === scheme);
    const oldItems = new Map(fromItems.filter((i) => i.scheme === scheme).map((i) => [i.id, i]));
    if (!newItems.length || !oldItems.size) continue;
    const units = (await strapi.db.query(UNIT_UID).findMany({
      where: { scheme, $or: [{ active: true }, { active: { $null: true } }] },
      select: ['id', 'code', 'nameTh'],
      orderBy: [{ code: 'asc' }],
    })) as Array<{ id: number; code: string; nameTh: string }>;
    for (let i = 0; i < units.length; i += UNIT_BATCH) {
      const batch = units.slice(i, i + UNIT_BATCH);
      const unitIds = batch.map((u) => u.id);
      const [evidence, existing, periods, reviews] = await Promise.all([
        publishedEvidence(strapi, unitIds, [...oldItems.keys()]),
        existingLinks(
          strapi,
          unitIds,
          newItems.map((n) => n.id),
        ),
        loadPeriods(strapi, unitIds),
        loadReviews(strapi, unitIds),
      ]);
      // One entry → the old items it satisfied.
      const entries = new Map<string, { row: EvidenceRow; oldTopics: Set<string> }>();
      for (const row of evidence) {
        const key = `${row.uid}:${row.documentId}`;
        const entry = entries.get(key) ?? { row, oldTopics: new Set<string>() };
        for (const t of oldItems.get(Number(row.itemId))?.topics ?? []) entry.oldTopics.add(t);
        entries.set(key, entry);
      }
      const links: NewLink[] = [];
      for (const { row, oldTopics } of entries.values()) {
        const topics = new Set(
          carriedTopics(topicsSatisfiedBy(row.type, row.kind).map(String), oldTopics),
        );
        if (!topics.size) continue;
        const facts = factsOf(row, periods);
        for (const item of newItems) {
          if (!item.topics.some((t) => topics.has(t))) continue;
          if (!counts(item.cadence, facts, fiscalYear)) continue;
          if (existing.has(`${row.uid}:${row.documentId}:${item.id}`)) continue;
          existing.add(`${row.uid}:${row.documentId}:${item.id}`);
          links.push({
            unitRef: Number(row.unitRef),
            uid: row.uid,
            documentId: row.documentId,
            item,
            fiscalYear,
            origin: 'carry_over',
            // Standing evidence waits for the unit's confirmation, unless the unit already
            // confirmed it current during year Y (e.g. before a renumbered list replaced Y's).
            state:
              STANDING.has(item.cadence ?? 'unknown') &&
              (reviews.get(`${row.uid}:${row.documentId}`) ?? '') < yearStart
                ? 'to_confirm'
                : 'confirmed',
          });
        }
      }
      await insertLinks(strapi, links);
      const byUnit = new Map<number, { carried: number; toConfirm: number }>();
      for (const l of links) {
        const s = byUnit.get(l.unitRef) ?? { carried: 0, toConfirm: 0 };
        s.carried += 1;
        if (l.state === 'to_confirm') s.toConfirm += 1;
        byUnit.set(l.unitRef, s);
      }
      for (const u of batch) {
        const s = byUnit.get(u.id);
        if (!s) continue;
        summary.units.push({ unit: u.code, nameTh: u.nameTh, ...s });
        summary.total.carried += s.carried;
        summary.total.toConfirm += s.toConfirm;
      }
    }
  }
  return summary;
};

/** Carried rows of a year whose item no longer exists (a re-import removed it). */
const removeStaleLinks = async (strapi: Core.Strapi, fiscalYear: number) => {
  const items = (await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { fiscalYear } },
    select: ['id'],
  })) as Array<{ id: number }>;
  const m = metaOf(strapi, CARRIED_UID);
  await withKnex(strapi, async (knex) => {
    const q = knex(m.tableName).where(columnOf(m, 'fiscalYear'), fiscalYear);
    if (items.length)
      q.whereNotIn(
        columnOf(m, 'itemId'),
        items.map((i) => i.id),
      );
    await q.delete();
  });
};

/** Prints a carry-over summary for the administrator (CLI). */
export const formatCarrySummary = (s: CarrySummary): string[] => {
  if (!s.schemes.length)
    return [
      `carry-over ${s.fromYear} → ${s.fiscalYear}: no scheme has a checklist in both years, nothing carried`,
    ];
  return [
    `carry-over ${s.fromYear} → ${s.fiscalYear} (${s.schemes.join(', ')}): ${s.total.carried} link(s) carried, ${s.total.toConfirm} to confirm current, ${s.units.length} unit(s)`,
    ...s.units.map(
      (u) => `  ${u.unit.padEnd(12)} carried ${u.carried}, to confirm ${u.toConfirm}  ${u.nameTh}`,
    ),
  ];
};

/**
 * Open years: the current fiscal year and later ones that have a checklist for the scheme,
 * with their applicable checklist (official before provisional).
 */
export const openYears = async (
  strapi: Core.Strapi,
  scheme: string,
  now: Date = new Date(),
): Promise<Array<{ fiscalYear: number; checklistId: number }>> => {
  const current = fiscalYearOf(now);
  const rows = (await strapi.db.query(CHECKLIST_UID).findMany({
    where: { scheme, fiscalYear: { $gte: current } },
    select: ['fiscalYear'],
  })) as Array<{ fiscalYear: number }>;
  const years = [...new Set(rows.map((r) => Number(r.fiscalYear)))].sort();
  const out = [];
  for (const fiscalYear of years) {
    const list = await checklistsFor(strapi, fiscalYear, [scheme]);
    const c = list.get(scheme);
    if (c) out.push({ fiscalYear, checklistId: c.id });
  }
  return out;
};

/**
 * On publish (inside the publishing transaction): standing evidence counts for every open year
 * whose checklist asks for its topic, without a second entry — written as confirmed carried
 * rows for the items the entry is not linked to itself. A re-published entry that was waiting
 * to be confirmed current is current again: its carried rows become confirmed.
 */
export const linkToOpenYears = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  now: Date = new Date(),
): Promise<number> => {
  const type = DISCLOSURE_BY_UID.get(uid);
  if (!type) return 0;
  const m = metaOf(strapi, CARRIED_UID);
  await withKnex(strapi, (knex) =>
    knex(m.tableName)
      .where(columnOf(m, 'contentType'), uid)
      .where(columnOf(m, 'entryDocumentId'), documentId)
      .where(columnOf(m, 'state'), 'to_confirm')
      .update({
        [columnOf(m, 'state')]: 'confirmed',
        [columnOf(m, 'confirmedAt')]: now,
        updated_at: now,
      }),
  );
  const attrs = strapi.contentType(uid as UID.ContentType).attributes as Record<string, unknown>;
  const row = (await strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['id', 'unitRef', ...('kind' in attrs ? ['kind'] : [])],
    populate: { checklistItems: { select: ['id'] } },
  })) as {
    id: number;
    unitRef: number | null;
    kind?: string | null;
    checklistItems?: Array<{ id: number }>;
  } | null;
  if (!row?.unitRef) return 0;
  const topics = new Set(topicsSatisfiedBy(type.name, row.kind ?? null).map(String));
  if (!topics.size) return 0;
  const unit = (await strapi.db
    .query(UNIT_UID)
    .findOne({ where: { id: row.unitRef }, select: ['scheme'] })) as { scheme?: string } | null;
  if (!unit?.scheme) return 0;
  const years = await openYears(strapi, unit.scheme, now);
  if (!years.length) return 0;
  const items = await itemsOf(
    strapi,
    years.map((y) => ({
      id: y.checklistId,
      scheme: unit.scheme as string,
      fiscalYear: y.fiscalYear,
    })),
  );
  const direct = new Set((row.checklistItems ?? []).map((i) => i.id));
  const links: NewLink[] = items
    .filter(
      (i) => i.cadence === 'standing' && !direct.has(i.id) && i.topics.some((t) => topics.has(t)),
    )
    .map((item) => ({
      unitRef: Number(row.unitRef),
      uid,
      documentId,
      item,
      fiscalYear: item.fiscalYear,
      origin: 'publish' as const,
      state: 'confirmed' as const,
    }));
  return insertLinks(strapi, links);
};

/** Validates `fiscalYear` for the carry-over routes (400 in Thai and English). */
export const requireFiscalYear = (year: number | null, raw: unknown): number => {
  if (year === null)
    throw new errors.ValidationError(
      `ปีงบประมาณ "${String(raw ?? '').slice(0, 20)}" ไม่ถูกต้อง ต้องเป็นปี พ.ศ. เช่น 2570 / Invalid fiscal year: use the Buddhist-era year, e.g. 2570`,
    );
  return year;
};

/**
 * The public ITA page's view of carried links, as UNION ALL parts to add to the page's own query
 * (one query for both): each (published entry of the unit, item) pair carried to the items,
 * whatever its confirmation state (carried evidence stays on the public page while the unit
 * confirms it). Columns: uid, type, id, documentId, title, slug, publishedAt, isNone, noneText,
 * itemId. Pairs the entry also links itself are the caller's to drop.
 */
export const carriedPageParts = (strapi: Core.Strapi, unitId: number, itemIds: number[]) => {
  const knex = strapi.db.connection;
  const cm = metaOf(strapi, CARRIED_UID);
  const c = (a: string) => `c.${columnOf(cm, a)}`;
  return DISCLOSURE_TYPES.map((type) => {
    const meta = metaOf(strapi, type.uid);
    const e = (a: string) => `e.${columnOf(meta, a)}`;
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
        knex.raw('?? as ??', [c('itemId'), 'itemId']),
      )
      .from({ c: cm.tableName })
      .join({ e: meta.tableName }, e('documentId'), c('entryDocumentId'))
      .where(c('contentType'), type.uid)
      .whereIn(c('itemId'), itemIds)
      .where(e('unitRef'), unitId)
      .whereNotNull(e('publishedAt'));
  });
};
