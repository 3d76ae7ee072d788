import type { Core, UID } from '@strapi/strapi';
import { columnOf, metaOf, type TableMeta } from '../disclosures/metadata';
import { DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { checklistsFor, ITEM_UID, type ApplicableChecklist } from '../ita/checklists';
import { confirmedAgainst, ELEMENT_CHECK_UID, elementsOf } from '../workflow/elements';
import {
  dueDateOf,
  evaluate,
  todayInBangkok,
  type EntryFacts,
  type Evaluation,
  type ItemRule,
  type PublicStatus,
  type Status,
  publicStatusOf,
} from './rules';

/**
 * The status engine over the database: every unit × checklist item of the unit's scheme for a
 * fiscal year, evaluated by the rules in `rules.ts`. A fixed number of queries whatever the
 * number of units, items or entries: units, checklists, items, one UNION ALL over every
 * disclosure type's links to those items, one UNION ALL of the plans' and reports' periods,
 * the evidence elements ticked at the approval of the published versions.
 */

export type MatrixUnit = {
  id: number;
  code: string;
  nameTh: string;
  nameEn: string | null;
  group: string;
  scheme: string;
  publishingMode: string | null;
};
export type MatrixItem = {
  id: number;
  code: string;
  titleTh: string;
  titleEn: string | null;
  scheme: string;
  cadence: string | null;
  indicatorCode: string | null;
  /** Due date of non-monthly items (monthly ones are due month by month). */
  dueDate: string | null;
  position: number | null;
};
export type CellEntry = {
  type: string;
  documentId: string;
  title: string;
  published: boolean;
  publishedAt: string | null;
  workflowState: string | null;
  isNone: boolean;
  /** Counted through a carried link (year rollover): to be confirmed current, or confirmed. */
  carried?: 'to_confirm' | 'confirmed';
  /** The approval of the published version ticked every evidence element (null: unknown). */
  elementsConfirmed?: boolean | null;
};
export type MatrixCell = {
  unit: string;
  item: string;
  status: Status;
  /** The public subset of `status` (what the ITA page, widget and assessor export show). */
  publicStatus: PublicStatus;
  dueDate: string | null;
  missingMonths?: number[];
  /** How many entries are behind the status; `entries` holds the newest ENTRIES_PER_CELL. */
  entryCount: number;
  entries: CellEntry[];
};

/**
 * A standing item can gather hundreds of news entries; the matrix carries the newest twelve
 * (a year of monthly summaries) and the count. `GET /compliance/cell` gives them all.
 */
export const ENTRIES_PER_CELL = 12;
export type Matrix = {
  fiscalYear: number;
  today: string;
  units: MatrixUnit[];
  items: MatrixItem[];
  cells: MatrixCell[];
};

type LinkRow = {
  uid: string;
  type: string;
  id: number;
  documentId: string;
  title: string;
  publishedAt: string | number | Date | null;
  workflowState: string | null;
  isNone: boolean | number | null;
  fiscalYear: number | null;
  month: number | null;
  date: string | number | Date | null;
  unitRef: number;
  itemId: number;
};

const iso = (v: string | number | Date | null): string | null =>
  v === null || v === undefined ? null : (v instanceof Date ? v : new Date(v)).toISOString();
const dateOnly = (v: string | number | Date | null): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  const d = v instanceof Date ? v : new Date(v);
  return d.toISOString().slice(0, 10);
};

/** Every (entry row, item) link of the given units to the given items, drafts included. */
const loadLinks = async (
  strapi: Core.Strapi,
  unitIds: number[] | null,
  itemIds: number[],
): Promise<LinkRow[]> => {
  if (!itemIds.length || (unitIds && !unitIds.length)) return [];
  const knex = strapi.db.connection;
  const parts = DISCLOSURE_TYPES.map((type) => {
    const meta = metaOf(strapi, type.uid);
    const link = meta.attributes.checklistItems?.joinTable;
    if (!link) throw new Error(`${type.uid} has no checklistItems link table`);
    const e = (a: string) => `e.${columnOf(meta, a)}`;
    const has = (a: string) => Boolean(meta.attributes[a]);
    // A bare NULL is text to PostgreSQL, which then refuses to union it with integers.
    const pick = (a: string, alias: string, sqlType: 'integer' | 'date') =>
      has(a)
        ? knex.raw('?? as ??', [e(a), alias])
        : knex.raw(`CAST(NULL AS ${sqlType}) as ??`, [alias]);
    const q = knex
      .select(
        knex.raw('? as ??', [type.uid, 'uid']),
        knex.raw('? as ??', [type.name, 'type']),
        knex.raw('?? as ??', ['e.id', 'id']),
        knex.raw('?? as ??', [e('documentId'), 'documentId']),
        knex.raw('?? as ??', [e('title'), 'title']),
        knex.raw('?? as ??', [e('publishedAt'), 'publishedAt']),
        knex.raw('?? as ??', [e('workflowState'), 'workflowState']),
        knex.raw('?? as ??', [e('isNone'), 'isNone']),
        pick('fiscalYear', 'fiscalYear', 'integer'),
        pick('month', 'month', 'integer'),
        pick('date', 'date', 'date'),
        knex.raw('?? as ??', [e('unitRef'), 'unitRef']),
        knex.raw('?? as ??', [`l.${link.inverseJoinColumn.name}`, 'itemId']),
      )
      .from({ e: meta.tableName })
      .join({ l: link.name }, `l.${link.joinColumn.name}`, 'e.id')
      .whereIn(`l.${link.inverseJoinColumn.name}`, itemIds)
      // Published rows, and draft rows that differ from what is published (or were never published).
      .where((w) => w.whereNotNull(e('publishedAt')).orWhereNot(e('workflowState'), 'published'));
    if (unitIds) q.whereIn(e('unitRef'), unitIds);
    else q.whereNotNull(e('unitRef'));
    return q;
  });
  const [first, ...rest] = parts;
  return (await first.unionAll(rest, false)) as LinkRow[];
};

/** The carried-evidence table (year rollover, standing evidence published later). */
export const CARRIED_UID = 'api::carried-evidence.carried-evidence';
/** The last confirmation that a published entry is still current, per entry. */
export const REVIEW_UID = 'api::entry-review.entry-review';

/**
 * Every carried link (src/compliance/carry-over.ts) of the given units to the given items whose
 * entry is published: one UNION ALL over the disclosure tables joined on documentId. A withdrawn
 * (unpublished) entry has no published row, so its carried links stop counting by themselves.
 */
export const loadCarried = async (
  strapi: Core.Strapi,
  unitIds: number[] | null,
  itemIds: number[],
): Promise<Array<LinkRow & { carried: 'to_confirm' | 'confirmed' }>> => {
  if (!itemIds.length || (unitIds && !unitIds.length)) return [];
  const knex = strapi.db.connection;
  const cm = metaOf(strapi, CARRIED_UID);
  const c = (a: string) => `c.${columnOf(cm, a)}`;
  const parts = DISCLOSURE_TYPES.map((type) => {
    const meta = metaOf(strapi, type.uid);
    const e = (a: string) => `e.${columnOf(meta, a)}`;
    const has = (a: string) => Boolean(meta.attributes[a]);
    const pick = (a: string, alias: string, sqlType: 'integer' | 'date') =>
      has(a)
        ? knex.raw('?? as ??', [e(a), alias])
        : knex.raw(`CAST(NULL AS ${sqlType}) as ??`, [alias]);
    const q = knex
      .select(
        knex.raw('? as ??', [type.uid, 'uid']),
        knex.raw('? as ??', [type.name, 'type']),
        knex.raw('?? as ??', ['e.id', 'id']),
        knex.raw('?? as ??', [e('documentId'), 'documentId']),
        knex.raw('?? as ??', [e('title'), 'title']),
        knex.raw('?? as ??', [e('publishedAt'), 'publishedAt']),
        knex.raw('?? as ??', [e('workflowState'), 'workflowState']),
        knex.raw('?? as ??', [e('isNone'), 'isNone']),
        pick('fiscalYear', 'fiscalYear', 'integer'),
        pick('month', 'month', 'integer'),
        pick('date', 'date', 'date'),
        knex.raw('?? as ??', [e('unitRef'), 'unitRef']),
        knex.raw('?? as ??', [c('itemId'), 'itemId']),
        knex.raw('?? as ??', [c('state'), 'carried']),
      )
      .from({ c: cm.tableName })
      .join({ e: meta.tableName }, e('documentId'), c('entryDocumentId'))
      .where(c('contentType'), type.uid)
      .whereIn(c('itemId'), itemIds)
      .whereNotNull(e('publishedAt'));
    if (unitIds) q.whereIn(e('unitRef'), unitIds);
    else q.whereNotNull(e('unitRef'));
    return q;
  });
  const [first, ...rest] = parts;
  return (await first.unionAll(rest, false)) as Array<
    LinkRow & { carried: 'to_confirm' | 'confirmed' }
  >;
};

/** The last confirmation of each entry of the given units (`uid:documentId` → ISO datetime). */
export const loadReviews = async (
  strapi: Core.Strapi,
  unitIds: number[] | null,
): Promise<Map<string, string>> => {
  const out = new Map<string, string>();
  if (unitIds && !unitIds.length) return out;
  const rm = metaOf(strapi, REVIEW_UID);
  const col = (a: string) => columnOf(rm, a);
  const q = strapi.db.connection
    .select(
      strapi.db.connection.raw('?? as ??', [col('contentType'), 'uid']),
      strapi.db.connection.raw('?? as ??', [col('entryDocumentId'), 'documentId']),
      strapi.db.connection.raw('?? as ??', [col('reviewedAt'), 'reviewedAt']),
    )
    .from(rm.tableName);
  if (unitIds) q.whereIn(col('unitRef'), unitIds);
  const rows = (await q) as Array<{ uid: string; documentId: string; reviewedAt: unknown }>;
  for (const r of rows) {
    const at = iso(r.reviewedAt as string | null);
    if (at) out.set(`${r.uid}:${r.documentId}`, at);
  }
  return out;
};

/** Standing evidence: the later of its publication and its last confirmation. */
const reviewedAtOf = (publishedAt: string | null, confirmed: string | undefined) =>
  publishedAt && confirmed ? (confirmed > publishedAt ? confirmed : publishedAt) : publishedAt;

/** Periods (start/end dates) of the entries that have one (plans, reports), by `uid:id`. */
export const loadPeriods = async (
  strapi: Core.Strapi,
  unitIds: number[] | null,
): Promise<Map<string, { start: string; end: string }>> => {
  const out = new Map<string, { start: string; end: string }>();
  const knex = strapi.db.connection;
  const withPeriod = DISCLOSURE_TYPES.filter((t) => {
    const attr = (
      strapi.contentType(t.uid as UID.ContentType).attributes as Record<
        string,
        { type: string; component?: string }
      >
    ).period;
    return attr?.type === 'component' && attr.component === 'shared.period';
  });
  if (!withPeriod.length) return out;
  const periodTable = (
    strapi.db.metadata.get('shared.period' as UID.Component) as unknown as TableMeta
  ).tableName;
  const parts = withPeriod.map((t) => {
    const meta = metaOf(strapi, t.uid);
    const cmps = `${meta.tableName}_cmps`;
    const q = knex
      .select(
        knex.raw('? as ??', [t.uid, 'uid']),
        knex.raw('?? as ??', ['c.entity_id', 'id']),
        knex.raw('?? as ??', ['p.start_date', 'start']),
        knex.raw('?? as ??', ['p.end_date', 'end']),
      )
      .from({ c: cmps })
      .join({ p: periodTable }, 'p.id', 'c.cmp_id')
      .join({ e: meta.tableName }, 'e.id', 'c.entity_id')
      .where('c.component_type', 'shared.period')
      .where('c.field', 'period');
    if (unitIds) q.whereIn(`e.${columnOf(meta, 'unitRef')}`, unitIds);
    return q;
  });
  const [first, ...rest] = parts;
  const rows = (await first.unionAll(rest, false)) as Array<{
    uid: string;
    id: number;
    start: string | number | Date;
    end: string | number | Date;
  }>;
  for (const r of rows) {
    const start = dateOnly(r.start);
    const end = dateOnly(r.end);
    if (start && end) out.set(`${r.uid}:${r.id}`, { start, end });
  }
  return out;
};

/**
 * The evidence elements ticked at the approval of each published version (src/workflow/elements.ts),
 * as `uid:documentId:itemId` → the stored snapshot and ticks. One query.
 */
const loadElementChecks = async (
  strapi: Core.Strapi,
  itemIds: number[],
): Promise<Map<string, { elements: unknown; ticked: unknown }>> => {
  const out = new Map<string, { elements: unknown; ticked: unknown }>();
  if (!itemIds.length) return out;
  const rows = (await strapi.db.query(ELEMENT_CHECK_UID as UID.ContentType).findMany({
    where: { stage: 'published', itemId: { $in: itemIds } },
    select: ['contentType', 'entryDocumentId', 'itemId', 'elements', 'ticked'],
  })) as Array<{
    contentType: string;
    entryDocumentId: string;
    itemId: number;
    elements: unknown;
    ticked: unknown;
  }>;
  for (const r of rows)
    out.set(`${r.contentType}:${r.entryDocumentId}:${Number(r.itemId)}`, {
      elements: r.elements,
      ticked: r.ticked,
    });
  return out;
};

type DocFacts = { published?: EntryFacts; draft?: EntryFacts };
export type MatrixData = {
  fiscalYear: number;
  units: MatrixUnit[];
  items: MatrixItem[];
  itemsByScheme: Map<string, Array<{ id: number; code: string; rule: ItemRule }>>;
  /** `unitId:itemId` → documentId → facts. */
  byCell: Map<string, Map<string, DocFacts>>;
  /** The checklist that applies to each scheme of the units loaded (see `checklistsFor`). */
  checklists: Map<string, ApplicableChecklist>;
};

export type MatrixInput = {
  fiscalYear: number;
  /** Unit group (faculty, office, division_centre, ...) or null for all. */
  group?: string | null;
  /** The units the caller may see; null = every unit. */
  unitIds?: number[] | null;
  /** Only these unit codes (e.g. one unit's page). */
  unitCodes?: string[] | null;
  /** Only units of this checklist scheme (general, vocational-college, ...). */
  scheme?: string | null;
  today?: string;
};

export const loadMatrixData = async (
  strapi: Core.Strapi,
  input: MatrixInput,
): Promise<MatrixData> => {
  const unitWhere: Record<string, unknown> = {
    $or: [{ active: true }, { active: { $null: true } }],
  };
  if (input.group) unitWhere.group = input.group;
  if (input.unitIds) unitWhere.id = { $in: input.unitIds };
  if (input.unitCodes) unitWhere.code = { $in: input.unitCodes };
  if (input.scheme) unitWhere.scheme = input.scheme;
  const units = (await strapi.db.query(UNIT_UID).findMany({
    where: unitWhere,
    select: ['id', 'code', 'nameTh', 'nameEn', 'group', 'scheme', 'publishingMode'],
    orderBy: [{ code: 'asc' }],
  })) as MatrixUnit[];

  // The one rule for which checklist applies (official before provisional).
  const checklists = await checklistsFor(strapi, input.fiscalYear, [
    ...new Set(units.map((u) => u.scheme)),
  ]);
  const checklistOfScheme = new Map([...checklists.values()].map((c) => [c.scheme, c.id]));
  const checklistIds = [...checklistOfScheme.values()];

  type ItemRow = Omit<MatrixItem, 'scheme' | 'dueDate'> & {
    dueMonth: number | null;
    dueDay: number | null;
    graceDays: number | null;
    reviewMonths: number | null;
    elements: unknown;
    checklistId: number;
  };
  let itemRows: ItemRow[] = [];
  if (checklistIds.length) {
    const knex = strapi.db.connection;
    const meta = metaOf(strapi, ITEM_UID);
    const link = meta.attributes.checklist?.joinTable;
    if (!link) throw new Error('ita-item has no checklist link table');
    const i = (a: string) => `i.${columnOf(meta, a)}`;
    itemRows = (await knex
      .select(
        ...[
          'id',
          'code',
          'titleTh',
          'titleEn',
          'cadence',
          'indicatorCode',
          'position',
          'dueMonth',
          'dueDay',
          'graceDays',
          'reviewMonths',
          'elements',
        ].map((a) => knex.raw('?? as ??', [a === 'id' ? 'i.id' : i(a), a])),
        knex.raw('?? as ??', [`l.${link.inverseJoinColumn.name}`, 'checklistId']),
      )
      .from({ i: meta.tableName })
      .join({ l: link.name }, `l.${link.joinColumn.name}`, 'i.id')
      .whereIn(`l.${link.inverseJoinColumn.name}`, checklistIds)
      .orderBy([
        { column: i('position'), order: 'asc' },
        { column: 'i.id', order: 'asc' },
      ])) as ItemRow[];
  }
  const schemeOfChecklist = new Map([...checklistOfScheme.entries()].map(([s, id]) => [id, s]));
  const ruleOf = (r: ItemRow): ItemRule => ({
    cadence: r.cadence,
    dueMonth: r.dueMonth,
    dueDay: r.dueDay,
    graceDays: r.graceDays,
    reviewMonths: r.reviewMonths,
    hasElements: elementsOf(r.elements).length > 0,
  });
  const items: MatrixItem[] = itemRows.map((r) => ({
    id: r.id,
    code: r.code,
    titleTh: r.titleTh,
    titleEn: r.titleEn ?? null,
    scheme: schemeOfChecklist.get(r.checklistId) ?? '',
    cadence: r.cadence ?? null,
    indicatorCode: r.indicatorCode ?? null,
    dueDate: r.cadence === 'monthly' ? null : dueDateOf(ruleOf(r), input.fiscalYear),
    position: r.position ?? null,
  }));

  const unitIds =
    input.group || input.unitIds || input.unitCodes || input.scheme ? units.map((u) => u.id) : null;
  const [links, periods, carried, reviews, elementChecks] = await Promise.all([
    loadLinks(
      strapi,
      unitIds,
      itemRows.map((r) => r.id),
    ),
    loadPeriods(strapi, unitIds),
    loadCarried(
      strapi,
      unitIds,
      itemRows.map((r) => r.id),
    ),
    loadReviews(strapi, unitIds),
    loadElementChecks(
      strapi,
      itemRows.map((r) => r.id),
    ),
  ]);
  const elementsOfItem = new Map(itemRows.map((r) => [r.id, elementsOf(r.elements)]));

  // (unit, item) → documentId → its published and draft facts.
  const byCell = new Map<string, Map<string, DocFacts>>();
  for (const row of links) {
    const published = row.publishedAt !== null && row.publishedAt !== undefined;
    const facts: EntryFacts = {
      documentId: row.documentId,
      type: row.type,
      title: row.title,
      published,
      publishedAt: published ? iso(row.publishedAt) : null,
      workflowState: row.workflowState ?? null,
      isNone: Boolean(row.isNone),
      fiscalYear: row.fiscalYear === null ? null : Number(row.fiscalYear),
      month: row.month === null ? null : Number(row.month),
      date: dateOnly(row.date),
      period: periods.get(`${row.uid}:${row.id}`) ?? null,
      reviewedAt: published
        ? reviewedAtOf(iso(row.publishedAt), reviews.get(`${row.uid}:${row.documentId}`))
        : null,
    };
    if (published) {
      // Ticked at the approval of this published version; null (unknown) without a record.
      const check = elementChecks.get(`${row.uid}:${row.documentId}:${Number(row.itemId)}`);
      facts.elementsConfirmed = check
        ? confirmedAgainst(
            elementsOfItem.get(Number(row.itemId)) ?? [],
            check.elements,
            check.ticked,
          )
        : null;
    }
    const key = `${row.unitRef}:${row.itemId}`;
    const docs = byCell.get(key) ?? new Map();
    const doc = docs.get(row.documentId) ?? {};
    if (published) doc.published = facts;
    else doc.draft = facts;
    docs.set(row.documentId, doc);
    byCell.set(key, docs);
  }

  mergeCarried(byCell, carried, periods, reviews);

  const itemsByScheme = new Map<string, Array<{ id: number; code: string; rule: ItemRule }>>();
  for (const r of itemRows) {
    const scheme = schemeOfChecklist.get(r.checklistId) ?? '';
    itemsByScheme.set(scheme, [
      ...(itemsByScheme.get(scheme) ?? []),
      { id: r.id, code: r.code, rule: ruleOf(r) },
    ]);
  }
  return { fiscalYear: input.fiscalYear, units, items, itemsByScheme, byCell, checklists };
};

/**
 * The facts of one cell (unit × item) and its evaluation on `today`, or as things stood at the
 * end of `asOf`. Every reader of a status (matrix, ITA page, exports) goes through here.
 */
export const evaluateCell = (
  data: MatrixData,
  unit: { id: number },
  item: { id: number; rule: ItemRule },
  today: string,
  asOf?: string,
): { facts: EntryFacts[]; evaluation: Evaluation } => {
  const docs = data.byCell.get(`${unit.id}:${item.id}`);
  const facts: EntryFacts[] = [];
  for (const doc of docs?.values() ?? []) {
    if (asOf) {
      // Published by the end of that day in Bangkok.
      if (doc.published?.publishedAt && todayInBangkok(new Date(doc.published.publishedAt)) <= asOf)
        facts.push(doc.published);
    } else if (doc.published) facts.push(doc.published);
    // A draft counts as "in review" only when nothing of that document is published.
    else if (doc.draft) facts.push(doc.draft);
  }
  return { facts, evaluation: evaluate(item.rule, data.fiscalYear, facts, asOf ?? today) };
};

/** Carried links join the cell as published facts, unless the entry is linked there itself. */
const mergeCarried = (
  byCell: Map<string, Map<string, DocFacts>>,
  carried: Array<LinkRow & { carried: 'to_confirm' | 'confirmed' }>,
  periods: Map<string, { start: string; end: string }>,
  reviews: Map<string, string>,
) => {
  for (const row of carried) {
    const key = `${row.unitRef}:${row.itemId}`;
    const docs = byCell.get(key) ?? new Map<string, DocFacts>();
    const doc = docs.get(row.documentId) ?? {};
    if (doc.published) continue;
    const publishedAt = iso(row.publishedAt);
    doc.published = {
      documentId: row.documentId,
      type: row.type,
      title: row.title,
      published: true,
      publishedAt,
      workflowState: row.workflowState ?? null,
      isNone: Boolean(row.isNone),
      fiscalYear: row.fiscalYear === null ? null : Number(row.fiscalYear),
      month: row.month === null ? null : Number(row.month),
      date: dateOnly(row.date),
      period: periods.get(`${row.uid}:${row.id}`) ?? null,
      carried: row.carried === 'to_confirm' ? 'to_confirm' : 'confirmed',
      reviewedAt: reviewedAtOf(publishedAt, reviews.get(`${row.uid}:${row.documentId}`)),
    };
    docs.set(row.documentId, doc);
    byCell.set(key, docs);
  }
};

/**
 * Evaluates every cell on `today`. With `asOf` (a past date), as things stood at the end of that
 * day: only what was published by then counts, and nothing was in review.
 */
export const evaluateMatrix = (
  data: MatrixData,
  today: string,
  options: { asOf?: string; entriesPerCell?: number } = {},
): Matrix => {
  const cells: MatrixCell[] = [];
  const asOf = options.asOf;
  const limit = options.entriesPerCell ?? ENTRIES_PER_CELL;
  for (const unit of data.units) {
    for (const item of data.itemsByScheme.get(unit.scheme) ?? []) {
      const { evaluation: result } = evaluateCell(data, unit, item, today, asOf);
      cells.push({
        unit: unit.code,
        item: item.code,
        status: result.status,
        publicStatus: publicStatusOf(result, asOf ?? today),
        dueDate: result.dueDate,
        ...(result.missingMonths ? { missingMonths: result.missingMonths } : {}),
        entryCount: result.entries.length,
        entries: [...result.entries]
          .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
          .slice(0, limit)
          .map((e) => ({
            type: e.type,
            documentId: e.documentId,
            title: e.title,
            published: e.published,
            publishedAt: e.publishedAt,
            workflowState: e.workflowState,
            isNone: e.isNone,
            ...(e.carried ? { carried: e.carried } : {}),
            ...(e.elementsConfirmed != null ? { elementsConfirmed: e.elementsConfirmed } : {}),
          })),
      });
    }
  }
  return {
    fiscalYear: data.fiscalYear,
    today: asOf ?? today,
    units: data.units,
    items: data.items,
    cells,
  };
};

export const buildMatrix = async (
  strapi: Core.Strapi,
  input: MatrixInput,
  options: { entriesPerCell?: number } = {},
): Promise<Matrix> =>
  evaluateMatrix(await loadMatrixData(strapi, input), input.today ?? todayInBangkok(), options);

export type UnitSummary = {
  unit: string;
  total: number;
  counts: Record<Status, number>;
  /** Items published as far as the public sees (public status complete or declared none),
   * over all items of the unit's scheme (0–1). */
  progress: number;
  done: number;
};

/** Counts by status per unit and for everything shown. */
export const summarize = (matrix: Matrix): { units: UnitSummary[]; overall: UnitSummary } => {
  const empty = (): Record<Status, number> => ({
    complete: 0,
    declared_none: 0,
    in_review: 0,
    to_review: 0,
    incomplete_evidence: 0,
    overdue: 0,
    missing: 0,
  });
  const byUnit = new Map<string, UnitSummary>(
    matrix.units.map((u) => [
      u.code,
      { unit: u.code, total: 0, counts: empty(), progress: 0, done: 0 },
    ]),
  );
  const overall: UnitSummary = { unit: '*', total: 0, counts: empty(), progress: 0, done: 0 };
  for (const cell of matrix.cells) {
    const s = byUnit.get(cell.unit);
    if (!s) continue;
    const done = cell.publicStatus === 'complete' || cell.publicStatus === 'declared_none' ? 1 : 0;
    s.total += 1;
    s.counts[cell.status] += 1;
    s.done += done;
    overall.total += 1;
    overall.counts[cell.status] += 1;
    overall.done += done;
  }
  const progress = (s: UnitSummary) => (s.total ? s.done / s.total : 0);
  for (const s of byUnit.values()) s.progress = progress(s);
  overall.progress = progress(overall);
  return { units: [...byUnit.values()], overall };
};

/**
 * Completion month by month through the fiscal year, as it stood at the end of each month that
 * has begun (the current month: today). Computed from one load of the data.
 */
export const completionHistory = (
  data: MatrixData,
  today: string,
): Array<{ month: string; asOf: string; complete: number; total: number; progress: number }> => {
  const out = [];
  const startYear = data.fiscalYear - 543 - 1;
  for (let i = 0; i < 12; i += 1) {
    const month = ((9 + i) % 12) + 1;
    const year = month >= 10 ? startYear : startYear + 1;
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    if (first > today) break;
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const asOf = last < today ? last : today;
    const { overall } = summarize(evaluateMatrix(data, today, { asOf }));
    out.push({
      month: first.slice(0, 7),
      asOf,
      complete: overall.done,
      total: overall.total,
      progress: overall.progress,
    });
  }
  return out;
};
