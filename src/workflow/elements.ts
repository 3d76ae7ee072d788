import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ITEM_UID } from '../ita/checklists';

/**
 * Evidence elements at approval (docs/workflow.md#evidence-elements): each checklist item lists
 * what the page must show (`elements`); the approver ticks those the entry shows when approving.
 * One row per (entry, item) in `element_checks`, bound to the approval (its event and content
 * hash). `stage: 'approved'` rows belong to the approval waiting to be published; publishing
 * makes them the `published` rows (replacing the previous ones), which the compliance engine
 * reads. A new approval replaces the waiting rows; an entry without rows (approved before this
 * existed, or by the system without ticks) is "unknown", never "incomplete".
 */
export const ELEMENT_CHECK_UID = 'api::element-check.element-check';

/** The ticks sent with an approval: item documentId → indices of its elements; 'all' (scripts). */
export type ElementTicks = Record<string, number[]> | 'all';

export type LinkedItem = {
  id: number;
  documentId: string;
  code: string;
  titleTh: string;
  fiscalYear: number | null;
  scheme: string | null;
  elements: string[];
};

export type StoredCheck = {
  id: number;
  contentType: string;
  entryDocumentId: string;
  itemId: number;
  itemDocumentId: string | null;
  stage: 'approved' | 'published';
  elements: unknown;
  ticked: unknown;
  confirmed: boolean;
  contentHash: string | null;
  approveEventId: number | null;
  actorId: number | null;
};

const bilingual = (th: string, en: string) => new errors.ValidationError(`${th} / ${en}`);

/** An item's `elements` as stored (a JSON array of strings; SQLite gives the JSON text). */
export const elementsOf = (value: unknown): string[] => {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : [];
};

const indicesOf = (value: unknown): number[] => {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? v.filter((e): e is number => Number.isInteger(e)) : [];
};

/**
 * Whether the ticks of an approval cover every element the item lists now: matched by text, so
 * reordering the list keeps the ticks while an element added or reworded after the approval is
 * not ticked (the entry must be approved again). Null when the item lists no elements.
 */
export const confirmedAgainst = (
  current: string[],
  snapshot: unknown,
  ticked: unknown,
): boolean | null => {
  if (current.length === 0) return null;
  const texts = elementsOf(snapshot);
  const done = new Set(indicesOf(ticked).map((i) => texts[i]));
  return current.every((e) => done.has(e));
};

/** The checklist items the entry's draft (what is being approved) is linked to. */
export const linkedItems = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
): Promise<LinkedItem[]> => {
  const draft = (await strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, publishedAt: null },
    select: ['id'],
    populate: {
      checklistItems: {
        select: ['id', 'documentId', 'code', 'titleTh', 'elements', 'position'],
        populate: { checklist: { select: ['fiscalYear', 'scheme'] } },
      },
    },
  })) as {
    checklistItems?: Array<{
      id: number;
      documentId: string;
      code: string;
      titleTh: string;
      elements: unknown;
      position: number | null;
      checklist: { fiscalYear: number; scheme: string } | null;
    }>;
  } | null;
  return [...(draft?.checklistItems ?? [])]
    .sort(
      (a, b) =>
        (b.checklist?.fiscalYear ?? 0) - (a.checklist?.fiscalYear ?? 0) ||
        (a.position ?? 0) - (b.position ?? 0) ||
        a.id - b.id,
    )
    .map((i) => ({
      id: i.id,
      documentId: i.documentId,
      code: i.code,
      titleTh: i.titleTh,
      fiscalYear: i.checklist?.fiscalYear ?? null,
      scheme: i.checklist?.scheme ?? null,
      elements: elementsOf(i.elements),
    }));
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_ITEMS = 200;

/**
 * Checks the shape of `elements` in a transition request: an object whose keys are checklist
 * item documentIds and whose values are lists of element indices (0-based). Undefined stays
 * undefined (nothing sent). Throws a 400 with a Thai and English message otherwise.
 */
export const parseTicks = (value: unknown): Record<string, number[]> | undefined => {
  if (value === undefined) return undefined;
  if (!isPlainObject(value))
    throw bilingual(
      'องค์ประกอบที่ตรวจแล้ว (elements) ต้องอยู่ในรูป { รหัสข้อตัวชี้วัด: [ลำดับองค์ประกอบ] }',
      'elements must be an object { itemDocumentId: [element indices] }',
    );
  const keys = Object.keys(value);
  if (keys.length > MAX_ITEMS)
    throw bilingual(
      `ระบุองค์ประกอบได้ไม่เกิน ${MAX_ITEMS} ข้อตัวชี้วัด`,
      `elements may name at most ${MAX_ITEMS} items`,
    );
  const out: Record<string, number[]> = {};
  for (const key of keys) {
    const list = value[key];
    if (
      !/^[A-Za-z0-9_-]{1,64}$/.test(key) ||
      !Array.isArray(list) ||
      list.length > 1000 ||
      !list.every((i) => Number.isInteger(i) && (i as number) >= 0)
    )
      throw bilingual(
        `องค์ประกอบของข้อ ${JSON.stringify(key).slice(0, 70)} ต้องเป็นรายการลำดับ (จำนวนเต็มตั้งแต่ 0)`,
        `elements[${JSON.stringify(key).slice(0, 70)}] must be a list of element indices (integers from 0)`,
      );
    out[key] = [...new Set(list as number[])].sort((a, b) => a - b);
  }
  return out;
};

/**
 * Checks ticks against the items the entry is linked to: every key is a linked item, every
 * index within its list. Returns one row per linked item that lists elements.
 */
export const resolveTicks = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  ticks: ElementTicks | undefined,
) => {
  const items = await linkedItems(strapi, uid, documentId);
  const byDocumentId = new Map(items.map((i) => [i.documentId, i]));
  if (ticks && ticks !== 'all') {
    for (const [key, indices] of Object.entries(ticks)) {
      const item = byDocumentId.get(key);
      if (!item) {
        const known = await strapi.db
          .query(ITEM_UID)
          .findOne({ where: { documentId: key }, select: ['code'] });
        throw known
          ? bilingual(
              `ข้อ ${(known as { code: string }).code} ไม่ได้เชื่อมกับข้อมูลนี้`,
              `Item ${(known as { code: string }).code} (${key}) is not linked to this entry`,
            )
          : bilingual(`ไม่พบข้อตัวชี้วัด ${key}`, `Unknown checklist item ${key}`);
      }
      const bad = indices.find((i) => i >= item.elements.length);
      if (bad !== undefined)
        throw bilingual(
          `ข้อ ${item.code} มีองค์ประกอบ ${item.elements.length} รายการ ไม่มีลำดับที่ ${bad}`,
          `Item ${item.code} lists ${item.elements.length} elements; there is no index ${bad}`,
        );
    }
  }
  return items
    .filter((i) => i.elements.length > 0)
    .map((item) => {
      const ticked =
        ticks === 'all'
          ? item.elements.map((_, i) => i)
          : (ticks?.[item.documentId] ?? []).filter((i) => i < item.elements.length);
      return { item, ticked, confirmed: ticked.length === item.elements.length };
    });
};

type Rows = Awaited<ReturnType<typeof resolveTicks>>;

const checks = (strapi: Core.Strapi) => strapi.db.query(ELEMENT_CHECK_UID as UID.ContentType);

/**
 * At approval (inside its transaction): the ticks replace those of any earlier approval still
 * waiting to be published. Without ticks (`rows` null: the system approving without a say)
 * nothing is recorded, so the approval counts as unknown.
 */
export const recordApproval = async (
  strapi: Core.Strapi,
  input: {
    uid: string;
    documentId: string;
    rows: Rows | null;
    contentHash: string | null;
    eventId: number;
    actorId: number | null;
  },
) => {
  await checks(strapi).deleteMany({
    where: { contentType: input.uid, entryDocumentId: input.documentId, stage: 'approved' },
  });
  for (const r of input.rows ?? []) {
    await checks(strapi).create({
      data: {
        contentType: input.uid,
        entryDocumentId: input.documentId,
        itemId: r.item.id,
        itemDocumentId: r.item.documentId,
        stage: 'approved',
        elements: r.item.elements,
        ticked: r.ticked,
        confirmed: r.confirmed,
        contentHash: input.contentHash,
        approveEventId: input.eventId,
        actorId: input.actorId,
      },
    });
  }
};

/** At publication: the approval's ticks become those of the published version. */
export const recordPublication = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  await checks(strapi).deleteMany({
    where: { contentType: uid, entryDocumentId: documentId, stage: 'published' },
  });
  await checks(strapi).updateMany({
    where: { contentType: uid, entryDocumentId: documentId, stage: 'approved' },
    data: { stage: 'published' },
  });
};

/** The published version is gone (unpublish) or the draft is the published one again (discard). */
export const dropChecks = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  stage?: 'approved' | 'published',
) => {
  await checks(strapi).deleteMany({
    where: { contentType: uid, entryDocumentId: documentId, ...(stage ? { stage } : {}) },
  });
};

/** The stored ticks of an entry (both stages), for the edit view. */
export const checksOf = async (strapi: Core.Strapi, uid: string, documentId: string) =>
  (await checks(strapi).findMany({
    where: { contentType: uid, entryDocumentId: documentId },
    orderBy: { id: 'asc' },
  })) as StoredCheck[];

/** Rows are written by the workflow only: no Document Service path creates, edits or deletes them. */
export const registerElementCheckProtection = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (
      ctx.uid === ELEMENT_CHECK_UID &&
      !['findMany', 'findFirst', 'findOne', 'count'].includes(ctx.action)
    ) {
      throw new errors.ForbiddenError(
        'การตรวจองค์ประกอบบันทึกโดยขั้นตอนอนุมัติเท่านั้น / Element checks are written by the approval workflow only',
      );
    }
    return next();
  });
};
