import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_BY_UID } from '../disclosures/types';
import { workflowAction } from './context';
import {
  auditDeletion,
  everPublished,
  PUBLISHED_DELETE_REFUSAL,
  recordDiscard,
  resetIfChanged,
  transition,
  type Actor,
} from './service';

type Params = {
  data?: Record<string, unknown>;
  documentId?: string;
  status?: string;
  locale?: string;
};
type RequestCtx = {
  state?: {
    user?: { id: number; email?: string };
    auth?: { strategy?: { name?: string }; credentials?: { id?: number; name?: string } };
  };
};

/** The person behind an admin request, the system for scripts, null for REST callers. */
const requestActor = (strapi: Core.Strapi): Actor | null => {
  const ctx = strapi.requestContext.get() as RequestCtx | undefined;
  if (ctx?.state?.auth?.strategy?.name === 'admin' && ctx.state.user)
    return { kind: 'user', user: ctx.state.user };
  return ctx?.state?.auth ? null : { kind: 'system', name: 'script' };
};

/** Who the audit trail names: the person, the API token or end user, or a script. */
const auditActor = (strapi: Core.Strapi): Actor => {
  const actor = requestActor(strapi);
  if (actor) return actor;
  const ctx = strapi.requestContext.get() as RequestCtx | undefined;
  const auth = ctx?.state?.auth;
  const who =
    auth?.strategy?.name === 'content-api-token'
      ? `api-token:${auth.credentials?.name ?? auth.credentials?.id ?? '?'}`
      : `api-user:${auth?.credentials?.id ?? 'public'}`;
  return { kind: 'system', name: who };
};

const sameInstant = (a: unknown, b: unknown) => {
  const t = (v: unknown) =>
    v === null || v === undefined || v === '' ? null : new Date(v as string).getTime();
  return t(a) === t(b);
};

/**
 * The publication time is a workflow decision (POST /workflow/transition, action "schedule"):
 * a write that would set or move it is refused, one that repeats the stored value is accepted.
 */
const assertScheduleUnchanged = async (
  strapi: Core.Strapi,
  uid: string,
  params: Params,
  action: string,
) => {
  const data = params.data;
  if (!data || !('publishAt' in data)) return;
  let stored: unknown = null;
  if (action === 'update' && params.documentId) {
    const row = (await strapi.db.query(uid as never).findOne({
      where: { documentId: params.documentId, publishedAt: null },
      select: ['publishAt'],
    })) as { publishAt?: unknown } | null;
    stored = row?.publishAt ?? null;
  }
  if (action !== 'clone' && !sameInstant(data.publishAt, stored)) {
    throw new errors.ValidationError(
      'เวลาเผยแพร่กำหนดได้หลังอนุมัติ โดยผู้มีสิทธิ์เผยแพร่ในหน่วยงานนี้ (ปุ่ม "ตั้งเวลาเผยแพร่") / ' +
        'The publication time is set after approval by whoever may publish in this unit (the "schedule" action)',
    );
  }
  delete data.publishAt;
};

/** Who publishes: REST callers (API tokens, end users) never do — only the editorial workflow. */
const publishingActor = (strapi: Core.Strapi): Actor => {
  const actor = requestActor(strapi);
  if (!actor) {
    throw new errors.ForbiddenError(
      'เผยแพร่ได้ผ่านขั้นตอนอนุมัติเท่านั้น / Publishing goes through the editorial workflow',
    );
  }
  return actor;
};

/**
 * The publication guard on the Document Service — whatever the caller (Content Manager publish
 * button and bulk publish, REST POST/PUT which publish by default, clone, scripts, `publishedAt`
 * in a payload): writes are drafts, and a publish is a workflow transition that succeeds only
 * for an approved entry whose content is what was approved. Refused attempts change nothing.
 */
export const registerPublicationGuard = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const type = DISCLOSURE_BY_UID.get(ctx.uid);
    if (!type || workflowAction()) return next();
    const params = ctx.params as Params;

    if (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'clone') {
      await assertScheduleUnchanged(strapi, ctx.uid, params, ctx.action);
      // A copy is a new draft: it inherits no publication time.
      if (ctx.action === 'clone') (params.data ??= {}).publishAt = null;
      if (params.data) {
        delete params.data.workflowState;
        delete params.data.publishedAt;
        if (ctx.action !== 'update') params.data.workflowState = 'draft';
      }
      // Strapi's REST create/update publish unless told otherwise: here they write the draft.
      if (params.status === 'published') params.status = 'draft';
      const result = await next();
      if (ctx.action === 'update' && params.documentId) {
        await resetIfChanged(strapi, ctx.uid, params.documentId, requestActor(strapi));
      }
      return result;
    }

    if (ctx.action === 'publish') {
      // The Content Manager's Publish button (and bulk publish) on an approved entry: the same
      // transition as POST /workflow/transition, with its checks and its audit event.
      const documentId = params.documentId;
      if (!documentId) throw new errors.ValidationError('documentId is required');
      await transition(strapi, {
        uid: ctx.uid,
        documentId,
        action: 'publish',
        locale: params.locale ?? null,
        actor: publishingActor(strapi),
      });
      const entry = await strapi
        .documents(ctx.uid)
        .findFirst({ filters: { documentId }, status: 'published' } as never);
      return { documentId, entries: entry ? [entry] : [] };
    }

    if (ctx.action === 'unpublish') {
      throw new errors.ValidationError(
        'ยกเลิกการเผยแพร่ต้องระบุเหตุผล ผ่านขั้นตอนอนุมัติ / Unpublish through the editorial workflow, with a reason',
      );
    }

    if (ctx.action === 'delete') {
      // Once published, an entry leaves the public only through unpublish (with a reason) and
      // is deleted only by an administrator (deleteEntry). A never-published draft may go,
      // with a trace.
      const documentId = params.documentId;
      if (!documentId) return next();
      if (await everPublished(strapi, ctx.uid, documentId)) {
        throw new errors.ValidationError(PUBLISHED_DELETE_REFUSAL);
      }
      const exists = await strapi.db.query(ctx.uid).count({ where: { documentId } });
      if (!exists) return next();
      return strapi.db.transaction(async () => {
        await auditDeletion(strapi, {
          uid: ctx.uid,
          documentId,
          actor: auditActor(strapi),
          reason: null,
        });
        return next();
      });
    }

    if (ctx.action === 'discardDraft') {
      // The draft is the published content again: state `published`, recorded as a step.
      const documentId = params.documentId;
      if (!documentId) return next();
      // Without a published version, discarding the draft would delete the entry around the
      // deletion rules (and their audit event).
      const live = await strapi.db
        .query(ctx.uid)
        .count({ where: { documentId, publishedAt: { $notNull: true } } });
      if (!live) {
        throw new errors.ValidationError(
          'ไม่มีฉบับที่เผยแพร่ให้ย้อนกลับไป / There is no published version to go back to',
        );
      }
      return strapi.db.transaction(async () => {
        const before = (await strapi.db.query(ctx.uid).findOne({
          where: { documentId, publishedAt: null },
          select: ['workflowState'],
        })) as { workflowState?: string | null } | null;
        const result = await next();
        await recordDiscard(
          strapi,
          ctx.uid,
          documentId,
          (before?.workflowState ?? 'draft') as never,
          auditActor(strapi),
        );
        return result;
      });
    }
    return next();
  });
};

/**
 * Below the Document Service: a query that would delete a published row (a script's
 * `strapi.db.query(uid).delete…`) is refused unless the workflow itself is publishing,
 * unpublishing or deleting.
 */
export const registerPublishedRowProtection = (strapi: Core.Strapi) => {
  const refuse = async (event: { model: { uid: string }; params: { where?: unknown } }) => {
    if (workflowAction()) return;
    const live = await strapi.db.query(event.model.uid as never).count({
      where: { $and: [event.params.where ?? {}, { publishedAt: { $notNull: true } }] },
    } as never);
    if (live > 0) throw new errors.ValidationError(PUBLISHED_DELETE_REFUSAL);
  };
  strapi.db.lifecycles.subscribe({
    models: [...DISCLOSURE_BY_UID.keys()],
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  } as never);
};
