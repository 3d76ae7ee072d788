import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { columnOf, metaOf } from '../disclosures/metadata';
import { DISCLOSURE_BY_UID } from '../disclosures/types';
import { randomBytes } from 'crypto';
import { ensureCarriedIndexes, withKnex } from '../compliance/carry-over';
import { CARRIED_UID, REVIEW_UID } from '../compliance/engine';
import { ITEM_UID } from '../ita/checklists';
import { fiscalYearOf } from '../ita/fiscal-year';
import { reviewByOf, todayInBangkok } from '../compliance/rules';
import { readableUnits, scopeOfAdmin } from '../units/scope';
import { appendEvent, type StoredEvent } from './audit';
import { contentHash } from './hash';
import { actorFields, capacitiesIn, type Actor } from './service';

/**
 * "This published entry is still current": the `confirm` workflow action. Allowed to the
 * editors and approvers of the entry's unit (administrators too); recorded in the audit chain
 * (action `confirm`, published → published). It confirms the carried links waiting for it
 * (year rollover) and restarts the entry's review-by period.
 */

const bilingual = (th: string, en: string) => `${th} / ${en}`;

export type ConfirmResult = {
  uid: string;
  documentId: string;
  /** Carried links that were waiting and are now confirmed. */
  confirmed: number;
  reviewedAt: string;
  event: StoredEvent;
};

type PublishedRow = {
  id: number;
  title?: string;
  workflowState: string | null;
  unitRef: number | null;
};

export const confirmCurrent = async (
  strapi: Core.Strapi,
  input: { uid: string; documentId: string; actor: Actor; comment?: string | null },
): Promise<ConfirmResult> => {
  const type = DISCLOSURE_BY_UID.get(input.uid);
  if (!type)
    throw new errors.ValidationError(
      bilingual(
        'ประเภทข้อมูลนี้ยืนยันความเป็นปัจจุบันไม่ได้',
        `${String(input.uid)} is not a disclosure type`,
      ),
    );
  const notFound = new errors.NotFoundError(
    bilingual('ไม่พบข้อมูลนี้', `No entry ${input.documentId}`),
  );
  const result = await strapi.db.transaction(async () => {
    const rows = (await strapi.db.query(type.uid).findMany({
      where: { documentId: input.documentId },
      select: ['id', 'title', 'workflowState', 'unitRef', 'publishedAt'],
    })) as Array<PublishedRow & { publishedAt: string | null }>;
    if (!rows.length) throw notFound;
    // The published version's unit decides; while an entry moves between units (draft and
    // published in different units) the caller must be able to read both.
    const unitId = (rows.find((r) => r.publishedAt) ?? rows[0]).unitRef ?? null;
    const unitIds = [...new Set(rows.map((r) => r.unitRef ?? null))];
    // Another unit's entry is answered as an unknown one, as for every transition.
    if (input.actor.kind === 'user') {
      const scope = await scopeOfAdmin(strapi, input.actor.user);
      const readable = readableUnits(scope);
      const visible =
        scope.unrestricted ||
        scope.readAll ||
        unitIds.every((id) => id !== null && readable.includes(id));
      if (!visible) throw notFound;
    }
    const published = rows.find((r) => r.publishedAt);
    if (!published)
      throw new errors.ValidationError(
        bilingual(
          'ยืนยันความเป็นปัจจุบันได้เฉพาะข้อมูลที่เผยแพร่อยู่',
          'Only a published entry can be confirmed current',
        ),
      );
    const caps = await capacitiesIn(strapi, input.actor, unitId);
    if (!caps.has('editor') && !caps.has('approver'))
      throw new errors.ForbiddenError(
        bilingual(
          'เฉพาะผู้จัดทำและผู้อนุมัติของหน่วยงานยืนยันความเป็นปัจจุบันของข้อมูลได้',
          "Only the unit's editors and approvers confirm that an entry is current",
        ),
      );
    const now = new Date();
    const fields = await actorFields(strapi, input.actor, caps);
    const cm = metaOf(strapi, CARRIED_UID);
    const cc = (a: string) => columnOf(cm, a);
    const confirmed = (await withKnex(strapi, (knex) =>
      knex(cm.tableName)
        .where(cc('contentType'), type.uid)
        .where(cc('entryDocumentId'), input.documentId)
        .where(cc('state'), 'to_confirm')
        .update({
          [cc('state')]: 'confirmed',
          [cc('confirmedAt')]: now,
          [cc('confirmedBy')]: fields.actorEmail ?? fields.actorRole,
          updated_at: now,
        }),
    )) as unknown as number;
    // Upsert: two confirmations at once leave one row (unique index on the entry).
    await ensureCarriedIndexes(strapi);
    const rm = metaOf(strapi, REVIEW_UID);
    const rc = (a: string) => columnOf(rm, a);
    const by = fields.actorEmail ?? fields.actorRole;
    await withKnex(strapi, (knex) =>
      knex(rm.tableName)
        .insert({
          document_id: randomBytes(12).toString('hex'),
          [rc('unitRef')]: unitId,
          [rc('contentType')]: type.uid,
          [rc('entryDocumentId')]: input.documentId,
          [rc('reviewedAt')]: now,
          [rc('reviewedBy')]: by,
          created_at: now,
          updated_at: now,
        })
        .onConflict([rc('contentType'), rc('entryDocumentId')])
        .merge({
          [rc('unitRef')]: unitId,
          [rc('reviewedAt')]: now,
          [rc('reviewedBy')]: by,
          updated_at: now,
        }),
    );
    const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
    const event = await appendEvent(strapi, {
      contentType: type.uid,
      entryDocumentId: input.documentId,
      locale: null,
      action: 'confirm',
      fromState: 'published',
      toState: 'published',
      ...fields,
      unitId,
      comment: comment || 'ยืนยันว่าข้อมูลยังเป็นปัจจุบัน / confirmed current',
      contentHash: await contentHash(strapi, type.uid, input.documentId),
    });
    return {
      uid: type.uid,
      documentId: input.documentId,
      confirmed: Number(confirmed) || 0,
      reviewedAt: now.toISOString(),
      event,
    };
  });
  strapi.eventHub.emit('workflow.confirm', result).catch((error: Error) => {
    strapi.log.warn(`[workflow] listener of confirm failed: ${error.message}`);
  });
  return result;
};

export type Currency = {
  /** Carried links waiting to be confirmed current: the items and years concerned. */
  toConfirm: Array<{ fiscalYear: number; item: string }>;
  /** When the entry must next be confirmed current (standing items only; null: no limit). */
  reviewBy: string | null;
  reviewedAt: string | null;
  /** The panel offers "confirm current": something waits, or the review-by date has passed. */
  needsConfirm: boolean;
};

/**
 * What the workflow panel needs to offer "confirm current" for one entry: its carried links
 * waiting for confirmation and its review-by date over the standing items it counts for.
 */
export const currencyOf = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  today: string = todayInBangkok(),
): Promise<Currency> => {
  const none: Currency = { toConfirm: [], reviewBy: null, reviewedAt: null, needsConfirm: false };
  if (!DISCLOSURE_BY_UID.has(uid)) return none;
  const published = (await strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['id', 'publishedAt'],
    populate: {
      checklistItems: {
        select: ['id', 'cadence', 'reviewMonths'],
        populate: { checklist: { select: ['fiscalYear'] } },
      },
    },
  })) as {
    id: number;
    publishedAt: string;
    checklistItems?: Array<{
      id: number;
      cadence: string | null;
      reviewMonths: number | null;
      checklist: { fiscalYear: number } | null;
    }>;
  } | null;
  if (!published) return none;
  const carried = (await strapi.db.query(CARRIED_UID as UID.ContentType).findMany({
    where: { contentType: uid, entryDocumentId: documentId },
    select: ['itemId', 'itemCode', 'fiscalYear', 'state'],
  })) as Array<{ itemId: number; itemCode: string | null; fiscalYear: number; state: string }>;
  const review = (await strapi.db.query(REVIEW_UID as UID.ContentType).findOne({
    where: { contentType: uid, entryDocumentId: documentId },
    select: ['reviewedAt'],
  })) as { reviewedAt: string } | null;
  const carriedItems = carried.length
    ? ((await strapi.db.query(ITEM_UID).findMany({
        where: { id: { $in: carried.map((c) => c.itemId) } },
        select: ['id', 'cadence', 'reviewMonths'],
        populate: { checklist: { select: ['fiscalYear'] } },
      })) as NonNullable<typeof published.checklistItems>)
    : [];
  const publishedAt = new Date(published.publishedAt).toISOString();
  const confirmedAt = review ? new Date(review.reviewedAt).toISOString() : null;
  const reviewedAt = confirmedAt && confirmedAt > publishedAt ? confirmedAt : publishedAt;
  const current = fiscalYearOf();
  let reviewBy: string | null = null;
  for (const item of [...(published.checklistItems ?? []), ...carriedItems]) {
    if ((item.checklist?.fiscalYear ?? 0) < current - 1) continue;
    const by = reviewByOf({ cadence: item.cadence, reviewMonths: item.reviewMonths }, {
      reviewedAt,
      publishedAt,
    } as never);
    if (by && (reviewBy === null || by < reviewBy)) reviewBy = by;
  }
  const toConfirm = carried
    .filter((c) => c.state === 'to_confirm')
    .map((c) => ({ fiscalYear: Number(c.fiscalYear), item: c.itemCode ?? String(c.itemId) }));
  return {
    toConfirm,
    reviewBy,
    reviewedAt,
    needsConfirm: toConfirm.length > 0 || (reviewBy !== null && reviewBy < today),
  };
};
