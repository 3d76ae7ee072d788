import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { linkToOpenYears } from '../compliance/carry-over';
import { DISCLOSURE_BY_UID } from '../disclosures/types';
import { readableUnits, scopeOfAdmin } from '../units/scope';
import { appendEvent, EVENT_UID, type StoredEvent } from './audit';
import { asWorkflow } from './context';
import {
  dropChecks,
  parseTicks,
  recordApproval,
  recordPublication,
  resolveTicks,
  type ElementTicks,
} from './elements';
import { contentHash } from './hash';
import {
  ACTIONS,
  PUBLISHING_ACTIONS,
  TRANSITIONS,
  type Action,
  type Capacity,
  type State,
} from './states';

export type AdminActor = { id: number; email?: string; roles?: Array<{ code?: string }> };
/** A person in the admin panel, or the system itself (scheduler, seed, import scripts). */
export type Actor = { kind: 'user'; user: AdminActor } | { kind: 'system'; name: string };

export type TransitionInput = {
  uid: string;
  documentId: string;
  action: Action;
  comment?: string | null;
  locale?: string | null;
  /** For `schedule`: the new publication time (ISO 8601), or null to clear it. */
  publishAt?: string | Date | null;
  /**
   * For `approve`: the evidence elements the approver ticked, item documentId → element indices
   * (src/workflow/elements.ts). A person approving without them ticks nothing (the items show
   * "incomplete evidence"); the system approving without them records nothing (unknown);
   * `'all'` (scripts only) ticks every element; `null` records nothing.
   */
  elements?: ElementTicks | Record<string, unknown> | null;
  actor: Actor;
};

export type TransitionResult = {
  uid: string;
  documentId: string;
  state: State;
  from: State;
  event: StoredEvent;
};

type DraftRow = {
  id: number;
  workflowState: State | null;
  title?: string;
  unit: { id: number; publishingMode?: string | null } | null;
};

const bilingual = (th: string, en: string) => `${th} / ${en}`;

/** A concurrent change won the race (HTTP 409 at the transition API). */
export class WorkflowConflict extends errors.ApplicationError {}

type Publishable = {
  publish(params: { documentId: string }): Promise<unknown>;
  unpublish(params: { documentId: string }): Promise<unknown>;
};
const publishable = (strapi: Core.Strapi, uid: UID.ContentType) =>
  strapi.documents(uid) as unknown as Publishable;

const draftOf = async (strapi: Core.Strapi, uid: string, documentId: string) =>
  (await strapi.db.query(uid as UID.ContentType).findOne({
    where: { documentId, publishedAt: null },
    select: ['id', 'workflowState', 'title'],
    populate: { unit: { select: ['id', 'publishingMode'] } },
  })) as DraftRow | null;

/** The last event of an entry that an action produced (who submitted it, what was approved). */
export const lastEvent = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  action?: string | string[],
) =>
  (await strapi.db.query(EVENT_UID).findOne({
    where: {
      contentType: uid,
      entryDocumentId: documentId,
      ...(Array.isArray(action) ? { action: { $in: action } } : action ? { action } : {}),
    },
    orderBy: { id: 'desc' },
  })) as StoredEvent | null;

/** Whether an entry was ever published (now, or by an earlier publish event). */
export const everPublished = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const live = await strapi.db
    .query(uid as UID.ContentType)
    .count({ where: { documentId, publishedAt: { $notNull: true } } });
  if (live > 0) return true;
  return (await lastEvent(strapi, uid, documentId, 'publish')) !== null;
};

const NOT_FOUND = (documentId: string) =>
  new errors.NotFoundError(bilingual('ไม่พบข้อมูลนี้', `No entry ${documentId}`));

/** A publication time from the API: an ISO date-time, or null/empty to clear it. */
const parsePublishAt = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new errors.ValidationError(
      bilingual(
        'เวลาเผยแพร่ไม่ถูกต้อง (ใช้รูปแบบ ISO 8601 เช่น 2026-12-01T09:00:00+07:00)',
        'publishAt must be an ISO 8601 date-time, e.g. 2026-12-01T09:00:00+07:00',
      ),
    );
  }
  return date;
};

/** The capacities the actor holds in a unit (super admins hold all). */
export const capacitiesIn = async (strapi: Core.Strapi, actor: Actor, unitId: number | null) => {
  if (actor.kind === 'system') return new Set<Capacity>(['editor', 'approver', 'publisher']);
  const scope = await scopeOfAdmin(strapi, actor.user);
  if (scope.unrestricted) return new Set<Capacity>(['editor', 'approver', 'publisher']);
  const caps = new Set<Capacity>();
  if (unitId === null) return caps;
  if (scope.editor.includes(unitId)) caps.add('editor');
  if (scope.approver.includes(unitId)) caps.add('approver');
  if (scope.publisher.includes(unitId)) caps.add('publisher');
  return caps;
};

export const actorFields = async (strapi: Core.Strapi, actor: Actor, caps: Set<Capacity>) => {
  if (actor.kind === 'system')
    return { actorId: null, actorEmail: null, actorRole: `system:${actor.name}` };
  const email =
    actor.user.email ??
    (
      (await strapi.db
        .query('admin::user')
        .findOne({ where: { id: actor.user.id }, select: ['email'] })) as { email: string } | null
    )?.email ??
    null;
  return {
    actorId: actor.user.id,
    actorEmail: email,
    actorRole: [...caps].join(',') || 'super-admin',
  };
};

/** Why an action cannot start from a state (400), or null. */
const stateRefusal = (action: Action, from: State) => {
  const rule = TRANSITIONS[action];
  if (rule.from.includes(from)) return null;
  return new errors.ValidationError(
    bilingual(
      `ทำ "${action}" จากสถานะ "${from}" ไม่ได้`,
      `"${action}" is not allowed from "${from}" (allowed from: ${rule.from.join(', ')})`,
    ),
  );
};

/**
 * Why the actor may not take the action on this entry (403), or null: the role they hold in the
 * entry's unit, the central office's publishing, four-eyes. The transition and the edit view's
 * list of allowed actions (allowedActions) both ask this, so they cannot disagree.
 */
const roleRefusal = async (
  strapi: Core.Strapi,
  actor: Actor,
  draft: DraftRow,
  uid: string,
  documentId: string,
  { action, caps }: { action: Action; caps: Set<Capacity> },
) => {
  let allowed = TRANSITIONS[action].by.filter((c) => caps.has(c));
  // Two-tier units (seed 002): the unit head approves, the central office publishes (and
  // decides when).
  if (
    PUBLISHING_ACTIONS.has(action) &&
    draft.unit?.publishingMode === 'central' &&
    actor.kind === 'user'
  ) {
    const scope = await scopeOfAdmin(strapi, actor.user);
    if (!scope.unrestricted) allowed = allowed.filter((c) => c === 'publisher');
  }
  if (allowed.length === 0) {
    return new errors.ForbiddenError(
      bilingual(
        'คุณไม่มีสิทธิ์ทำขั้นตอนนี้กับข้อมูลของหน่วยงานนี้',
        `You may not ${action} this unit's entry`,
      ),
    );
  }
  if (action === 'approve' && actor.kind === 'user') {
    const submitted = await lastEvent(strapi, uid, documentId, 'submit');
    if (submitted?.actorId === actor.user.id) {
      return new errors.ForbiddenError(
        bilingual(
          'ผู้ส่งอนุมัติจะอนุมัติข้อมูลของตนเองไม่ได้',
          'Nobody approves their own submission',
        ),
      );
    }
  }
  return null;
};

/**
 * The actions a person may take on an entry now, by the same checks as the transition (state,
 * role in the entry's unit, central publishing, four-eyes). Another unit's entry: null.
 */
export const allowedActions = async (
  strapi: Core.Strapi,
  user: AdminActor,
  uid: string,
  documentId: string,
): Promise<{ state: State; actions: Action[] } | null> => {
  const draft = await draftOf(strapi, uid, documentId);
  if (!draft) return null;
  const unitId = draft.unit?.id ?? null;
  const scope = await scopeOfAdmin(strapi, user);
  const visible =
    scope.unrestricted ||
    scope.readAll ||
    (unitId !== null && readableUnits(scope).includes(unitId));
  if (!visible) return null;
  const from: State = draft.workflowState ?? 'draft';
  const actor: Actor = { kind: 'user', user };
  const caps = await capacitiesIn(strapi, actor, unitId);
  const actions: Action[] = [];
  for (const action of ACTIONS) {
    if (stateRefusal(action, from)) continue;
    if (await roleRefusal(strapi, actor, draft, uid, documentId, { action, caps })) continue;
    actions.push(action);
  }
  return { state: from, actions };
};

/**
 * One transition: checks the state it starts from, the actor's role in the entry's unit, the
 * comment, four-eyes and — for publish — that the content is exactly what was approved; then
 * changes the state (compare-and-set, so two approvals at once make one transition), publishes
 * or unpublishes, and appends one audit event, all in one transaction. Emits one domain event.
 */
export const transition = async (
  strapi: Core.Strapi,
  input: TransitionInput,
): Promise<TransitionResult> => {
  const type = DISCLOSURE_BY_UID.get(input.uid);
  if (!type)
    throw new errors.ValidationError(
      bilingual('ประเภทข้อมูลนี้ไม่มีขั้นตอนอนุมัติ', `${input.uid} has no editorial workflow`),
    );
  const rule = TRANSITIONS[input.action];
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  // The shape of the ticks is checked before anything is read; which items they name, once the
  // caller may approve the entry (another unit's entry stays an unknown one).
  const ticks: ElementTicks | null | undefined =
    input.elements === 'all' && input.actor.kind === 'system'
      ? 'all'
      : input.elements === null
        ? // "No record" is for the system's approvals (seed, scripts); a person's approval
          // always records what was ticked, so `null` from a person means nothing ticked.
          input.actor.kind === 'system' || input.action !== 'approve'
          ? null
          : {}
        : parseTicks(input.elements);
  if (input.action !== 'approve' && ticks !== undefined && ticks !== null)
    throw new errors.ValidationError(
      bilingual(
        'ติ๊กองค์ประกอบหลักฐานได้เมื่ออนุมัติเท่านั้น',
        'Evidence elements are ticked only with "approve"',
      ),
    );

  const result = await strapi.db.transaction(async () => {
    const draft = await draftOf(strapi, type.uid, input.documentId);
    if (!draft) throw NOT_FOUND(input.documentId);
    const unitId = draft.unit?.id ?? null;
    // Another unit's entry is answered as an unknown one, before anything about its state.
    if (input.actor.kind === 'user') {
      const scope = await scopeOfAdmin(strapi, input.actor.user);
      const visible =
        scope.unrestricted ||
        scope.readAll ||
        (unitId !== null && readableUnits(scope).includes(unitId));
      if (!visible) throw NOT_FOUND(input.documentId);
    }
    const from: State = draft.workflowState ?? 'draft';
    const illegal = stateRefusal(input.action, from);
    if (illegal) throw illegal;
    if (rule.needsComment && !comment) {
      throw new errors.ValidationError(
        bilingual('กรุณาระบุความเห็นหรือเหตุผล', `"${input.action}" needs a comment`),
      );
    }
    const publishAt = input.action === 'schedule' ? parsePublishAt(input.publishAt) : null;
    const caps = await capacitiesIn(strapi, input.actor, unitId);
    const refused = await roleRefusal(strapi, input.actor, draft, type.uid, input.documentId, {
      action: input.action,
      caps,
    });
    if (refused) throw refused;
    // The approver's ticks, checked against the items the entry is linked to (400 on unknown
    // items, items not linked, indices out of range). A person who ticks nothing confirms nothing.
    const elementRows =
      input.action !== 'approve' ||
      ticks === null ||
      (ticks === undefined && input.actor.kind === 'system')
        ? null
        : await resolveTicks(strapi, type.uid, input.documentId, ticks ?? {});
    let hash = await contentHash(strapi, type.uid, input.documentId);
    if (input.action === 'publish') {
      // What was approved, or scheduled after the approval by whoever may publish.
      const approved = await lastEvent(strapi, type.uid, input.documentId, ['approve', 'schedule']);
      // The scheduler publishes only on a schedule decided after the current approval.
      const scheduled =
        input.actor.kind !== 'system' ||
        input.actor.name !== 'scheduler' ||
        approved?.action === 'schedule';
      if (!approved || approved.contentHash !== hash || !scheduled) {
        throw new WorkflowConflict(
          bilingual(
            'เนื้อหาเปลี่ยนไปหลังการอนุมัติ ต้องส่งอนุมัติใหม่',
            'The content changed after it was approved; submit it again',
          ),
        );
      }
    }
    // Compare-and-set: only one of two concurrent transitions from the same state gets through.
    const fromWhere =
      from === 'draft'
        ? { $or: [{ workflowState: 'draft' }, { workflowState: null }] }
        : { workflowState: from };
    const { count } = (await strapi.db.query(type.uid).updateMany({
      where: { documentId: input.documentId, publishedAt: null, ...fromWhere },
      data: {
        workflowState: rule.to,
        ...(input.action === 'schedule' ? { publishAt } : {}),
      },
    })) as { count: number };
    if (count !== 1) {
      throw new WorkflowConflict(
        bilingual(
          'สถานะของข้อมูลเพิ่งเปลี่ยน โปรดโหลดใหม่',
          'The entry changed state meanwhile; reload and try again',
        ),
      );
    }
    if (input.action === 'schedule') {
      hash = await contentHash(strapi, type.uid, input.documentId);
    }
    if (input.action === 'publish') {
      await asWorkflow('publish', () =>
        publishable(strapi, type.uid).publish({ documentId: input.documentId }),
      );
      // Standing evidence counts for every open year that asks for its topic (carry-over.ts).
      await linkToOpenYears(strapi, type.uid, input.documentId);
      await recordPublication(strapi, type.uid, input.documentId);
    }
    if (input.action === 'unpublish') {
      await asWorkflow('unpublish', () =>
        publishable(strapi, type.uid).unpublish({ documentId: input.documentId }),
      );
      await dropChecks(strapi, type.uid, input.documentId);
    }
    const event = await appendEvent(strapi, {
      contentType: type.uid,
      entryDocumentId: input.documentId,
      locale: input.locale ?? null,
      action: input.action,
      fromState: from,
      toState: rule.to,
      ...(await actorFields(strapi, input.actor, caps)),
      unitId,
      comment:
        input.action === 'schedule'
          ? [publishAt ? publishAt.toISOString() : 'ยกเลิกเวลาเผยแพร่ / schedule cleared', comment]
              .filter(Boolean)
              .join(' — ')
          : comment || null,
      contentHash: hash,
    });
    if (input.action === 'approve') {
      await recordApproval(strapi, {
        uid: type.uid,
        documentId: input.documentId,
        rows: elementRows,
        contentHash: hash,
        eventId: event.id,
        actorId: input.actor.kind === 'user' ? input.actor.user.id : null,
      });
    }
    return { uid: type.uid, documentId: input.documentId, state: rule.to, from, event };
  });
  // After the commit: listeners (notifications, cache purge) see the new state. Not awaited: a
  // slow mail server never holds up an editor.
  strapi.eventHub.emit(`workflow.${input.action}`, result).catch((error: Error) => {
    strapi.log.warn(`[workflow] listener of ${input.action} failed: ${error.message}`);
  });
  return result as TransitionResult;
};

/**
 * After an edit outside the workflow: an entry that was submitted, approved or published goes
 * back to draft when its content differs from what that step saw — what is published is exactly
 * what was approved.
 */
export const resetIfChanged = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  actor: Actor | null,
) => {
  const draft = await draftOf(strapi, uid, documentId);
  const state = draft?.workflowState ?? 'draft';
  if (!draft || !['submitted', 'approved', 'published'].includes(state)) return;
  const last = await lastEvent(strapi, uid, documentId);
  const hash = await contentHash(strapi, uid as UID.ContentType, documentId);
  if (last && last.contentHash === hash) return;
  await strapi.db.query(uid as UID.ContentType).updateMany({
    where: { documentId, publishedAt: null },
    data: { workflowState: 'draft' },
  });
  // An approval of content that has since changed confirms nothing.
  await dropChecks(strapi, uid, documentId, 'approved');
  await appendEvent(strapi, {
    contentType: uid,
    entryDocumentId: documentId,
    locale: null,
    action: 'edit',
    fromState: state,
    toState: 'draft',
    ...(actor
      ? await actorFields(strapi, actor, new Set())
      : { actorId: null, actorEmail: null, actorRole: 'system' }),
    unitId: draft.unit?.id ?? null,
    comment: null,
    contentHash: hash,
  });
};

/**
 * After the Content Manager's "discard changes" (the draft becomes the published content again):
 * the state goes back to `published` — a step, so it leaves a `discard` event (from the state the
 * draft had, with the hash of the content it now has). Inside the caller's transaction.
 */
export const recordDiscard = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  from: State,
  actor: Actor,
) => {
  const draft = await draftOf(strapi, uid, documentId);
  if (!draft) return null;
  await strapi.db.query(uid as UID.ContentType).updateMany({
    where: { documentId },
    data: { workflowState: 'published' },
  });
  // The approval the discarded draft may have had is gone with it.
  await dropChecks(strapi, uid, documentId, 'approved');
  const caps =
    actor.kind === 'user' && draft.unit
      ? await capacitiesIn(strapi, actor, draft.unit.id)
      : new Set<Capacity>();
  return appendEvent(strapi, {
    contentType: uid,
    entryDocumentId: documentId,
    locale: null,
    action: 'discard',
    fromState: from,
    toState: 'published',
    ...(await actorFields(strapi, actor, caps)),
    unitId: draft.unit?.id ?? null,
    comment: null,
    contentHash: await contentHash(strapi, uid as UID.ContentType, documentId),
  });
};

/**
 * Whether a person may approve the entry now (the edit view offers the element checkboxes only
 * then): it is submitted, they are an approver of its unit (or a super admin), and they did not
 * submit it themselves. The transition checks all of this again.
 */
export const mayApprove = async (
  strapi: Core.Strapi,
  user: AdminActor,
  uid: string,
  documentId: string,
) => {
  const draft = await draftOf(strapi, uid, documentId);
  if (!draft || (draft.workflowState ?? 'draft') !== 'submitted') return false;
  const caps = await capacitiesIn(strapi, { kind: 'user', user }, draft.unit?.id ?? null);
  if (!caps.has('approver')) return false;
  const submitted = await lastEvent(strapi, uid, documentId, 'submit');
  return submitted?.actorId !== user.id;
};

/**
 * Publishes an entry through the whole workflow as the system (demo data, imports, tests): the
 * same transitions and audit events as a person's, without the role checks.
 */
export const publishAsSystem = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  name = 'system',
  elements?: ElementTicks | null,
) => {
  for (const action of ['submit', 'approve', 'publish'] as const) {
    await transition(strapi, {
      uid,
      documentId,
      action,
      actor: { kind: 'system', name },
      ...(action === 'approve' && elements !== undefined ? { elements } : {}),
    });
  }
};

/** Why an ever-published entry cannot simply be deleted (shown to editors, Thai first). */
export const PUBLISHED_DELETE_REFUSAL = bilingual(
  'ข้อมูลที่เคยเผยแพร่แล้วลบไม่ได้ ให้ยกเลิกการเผยแพร่ผ่านขั้นตอนอนุมัติพร้อมเหตุผล การลบถาวรเป็นหน้าที่ของผู้ดูแลระบบและต้องระบุเหตุผล',
  "An entry that was ever published cannot be deleted: unpublish it through the workflow, with a reason; deleting it for good is an administrator's action that needs a reason (POST /workflow/delete)",
);

/** Records the deletion of an entry in the audit chain (inside the caller's transaction). */
export const auditDeletion = async (
  strapi: Core.Strapi,
  input: { uid: string; documentId: string; actor: Actor; reason: string | null },
) => {
  const draft = await draftOf(strapi, input.uid, input.documentId);
  const published = draft
    ? null
    : ((await strapi.db.query(input.uid as UID.ContentType).findOne({
        where: { documentId: input.documentId },
        select: ['id', 'workflowState'],
        populate: { unit: { select: ['id'] } },
      })) as DraftRow | null);
  const row = draft ?? published;
  await dropChecks(strapi, input.uid, input.documentId);
  const caps =
    input.actor.kind === 'user' && row?.unit
      ? await capacitiesIn(strapi, input.actor, row.unit.id)
      : new Set<Capacity>();
  return appendEvent(strapi, {
    contentType: input.uid,
    entryDocumentId: input.documentId,
    locale: null,
    action: 'delete',
    fromState: row?.workflowState ?? 'draft',
    toState: 'deleted',
    ...(await actorFields(strapi, input.actor, caps)),
    unitId: row?.unit?.id ?? null,
    comment: input.reason,
    contentHash: await contentHash(strapi, input.uid as UID.ContentType, input.documentId),
  });
};

/**
 * Deletes an entry that was (or may have been) published: an administrator's action, with a
 * reason, recorded in the audit chain in the same transaction. Editors delete only drafts that
 * were never published (the publication guard), also recorded.
 */
export const deleteEntry = async (
  strapi: Core.Strapi,
  input: { uid: string; documentId: string; reason?: string | null; actor: Actor },
) => {
  const type = DISCLOSURE_BY_UID.get(input.uid);
  if (!type)
    throw new errors.ValidationError(
      bilingual('ประเภทข้อมูลนี้ไม่มีขั้นตอนอนุมัติ', `${input.uid} has no editorial workflow`),
    );
  const reason = typeof input.reason === 'string' ? input.reason.trim() : '';
  if (!reason)
    throw new errors.ValidationError(
      bilingual('การลบข้อมูลต้องระบุเหตุผล', 'Deleting an entry needs a reason'),
    );
  const rows = (await strapi.db.query(type.uid).findMany({
    where: { documentId: input.documentId },
    select: ['id'],
    populate: { unit: { select: ['id'] } },
  })) as Array<{ id: number; unit: { id: number } | null }>;
  if (rows.length === 0) throw NOT_FOUND(input.documentId);
  if (input.actor.kind === 'user') {
    const scope = await scopeOfAdmin(strapi, input.actor.user);
    if (!scope.unrestricted) {
      const unitId = rows[0].unit?.id ?? null;
      const visible = scope.readAll || (unitId !== null && readableUnits(scope).includes(unitId));
      if (!visible) throw NOT_FOUND(input.documentId);
      throw new errors.ForbiddenError(
        bilingual(
          'การลบข้อมูลที่เคยเผยแพร่เป็นหน้าที่ของผู้ดูแลระบบ',
          'Only an administrator deletes an entry that was published',
        ),
      );
    }
  }
  const event = await strapi.db.transaction(async () => {
    const recorded = await auditDeletion(strapi, {
      uid: type.uid,
      documentId: input.documentId,
      actor: input.actor,
      reason,
    });
    await asWorkflow('delete', () =>
      strapi.documents(type.uid).delete({ documentId: input.documentId } as never),
    );
    return recorded;
  });
  strapi.eventHub
    .emit('workflow.delete', { uid: type.uid, documentId: input.documentId, event })
    .catch((error: Error) =>
      strapi.log.warn(`[workflow] listener of delete failed: ${error.message}`),
    );
  return event;
};
