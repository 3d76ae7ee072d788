import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_BY_UID } from '../../../disclosures/types';
import { EVENT_UID } from '../../../workflow/audit';
import { checksOf, confirmedAgainst, elementsOf, linkedItems } from '../../../workflow/elements';
import { scopeOfAdmin } from '../../../units/scope';
import {
  allowedActions,
  deleteEntry,
  mayApprove,
  transition,
  WorkflowConflict,
  type AdminActor,
} from '../../../workflow/service';
import { confirmCurrent, currencyOf } from '../../../workflow/confirm';
import { isAction } from '../../../workflow/states';
import { tasksFor, workOf } from '../../../workflow/tasks';

type Ctx = {
  state: { user: AdminActor };
  request: { body?: Record<string, unknown> };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
};

/** Maps the workflow's errors to HTTP answers whose message the admin panel can show. */
const answer = (ctx: Ctx, error: unknown) => {
  const e = error as { message?: string; name?: string };
  const status =
    error instanceof WorkflowConflict
      ? 409
      : error instanceof errors.ForbiddenError
        ? 403
        : error instanceof errors.NotFoundError
          ? 404
          : error instanceof errors.ApplicationError || error instanceof errors.ValidationError
            ? 400
            : 0;
  if (!status) throw error;
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: e.name ?? 'Error', message: e.message ?? '' } };
};

/**
 * The message of one refused entry in a bulk answer: a refusal's own (Thai and English); any
 * other failure is logged and answered without its details (a database message names tables).
 */
const bulkError = (error: unknown): string => {
  if (
    error instanceof WorkflowConflict ||
    error instanceof errors.ForbiddenError ||
    error instanceof errors.NotFoundError ||
    error instanceof errors.ApplicationError ||
    error instanceof errors.ValidationError
  )
    return (error as Error).message;
  strapi.log.error(`workflow bulk: ${(error as Error)?.stack ?? String(error)}`);
  return 'เกิดข้อผิดพลาดภายในระบบ ลองใหม่อีกครั้ง / Internal error, please try again';
};

/** First and last names of admin users, by id (one query). */
const displayNames = async (strapi: Core.Strapi, ids: Array<number | null>) => {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  const rows = wanted.length
    ? ((await strapi.db.query('admin::user').findMany({
        where: { id: { $in: wanted } },
        select: ['id', 'firstname', 'lastname', 'username'],
      })) as Array<{
        id: number;
        firstname?: string | null;
        lastname?: string | null;
        username?: string | null;
      }>)
    : [];
  return new Map(
    rows.map((u) => [
      u.id,
      [u.firstname, u.lastname].filter((p) => p && p.trim()).join(' ') || u.username || '',
    ]),
  );
};

/** Who took a step, as the history shows it: a person's name, or "the system". */
const actorName = (e: Record<string, unknown>, names: Map<number, string>) => {
  const name = typeof e.actorId === 'number' ? names.get(e.actorId) : undefined;
  if (name) return name;
  if (typeof e.actorRole === 'string' && e.actorRole.startsWith('system')) return 'ระบบ';
  return typeof e.actorId === 'number' ? `ผู้ใช้ที่ถูกลบ (#${e.actorId})` : 'ระบบ';
};

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const validate = (body: Record<string, unknown>) => {
  const uid = str(body.uid);
  const action = body.action;
  if (!uid || !DISCLOSURE_BY_UID.has(uid))
    throw new errors.ValidationError(
      `uid must be one of the disclosure types (got ${JSON.stringify(body.uid)})`,
    );
  if (!isAction(action))
    throw new errors.ValidationError(
      `action must be submit, approve, request_changes, publish, unpublish or schedule (got ${JSON.stringify(action)})`,
    );
  return { uid, action };
};

/** One "still current" confirmation (POST /workflow/transition or /workflow/confirm). */
const confirmOne = async (strapi: Core.Strapi, ctx: Ctx, body: Record<string, unknown>) => {
  try {
    const uid = str(body.uid);
    if (!uid || !DISCLOSURE_BY_UID.has(uid))
      throw new errors.ValidationError(
        `ประเภทข้อมูลไม่ถูกต้อง / uid must be one of the disclosure types (got ${JSON.stringify(body.uid)})`,
      );
    const documentId = str(body.documentId);
    if (!documentId)
      throw new errors.ValidationError('ต้องระบุ documentId / documentId is required');
    const r = await confirmCurrent(strapi, {
      uid,
      documentId,
      comment: str(body.comment),
      actor: { kind: 'user', user: ctx.state.user },
    });
    ctx.body = {
      data: {
        uid: r.uid,
        documentId: r.documentId,
        state: 'published',
        from: 'published',
        confirmed: r.confirmed,
        reviewedAt: r.reviewedAt,
        eventId: r.event.id,
      },
    };
  } catch (error) {
    answer(ctx, error);
  }
};

/** Bulk "still current": each entry judged on its own. */
const confirmMany = async (strapi: Core.Strapi, ctx: Ctx, entries: unknown[]) => {
  if (entries.length === 0 || entries.length > 100)
    throw new errors.ValidationError(
      'ระบุรายการ 1 ถึง 100 รายการ / entries must list 1 to 100 entries',
    );
  const results = [];
  for (const raw of entries) {
    const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const uid = str(e.uid);
    const documentId = str(e.documentId);
    try {
      if (!uid || !documentId)
        throw new errors.ValidationError(
          'ต้องระบุ uid และ documentId / uid and documentId are required',
        );
      const r = await confirmCurrent(strapi, {
        uid,
        documentId,
        actor: { kind: 'user', user: ctx.state.user },
      });
      results.push({ uid, documentId, ok: true, confirmed: r.confirmed });
    } catch (error) {
      results.push({ uid, documentId, ok: false, error: bulkError(error) });
    }
  }
  ctx.body = {
    data: results,
    meta: {
      succeeded: results.filter((r) => r.ok).length,
      failed: results.filter((r) => !r.ok).length,
    },
  };
};

/** Thin controllers: validate, call the workflow service, shape the response (docs/workflow.md). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async transition(ctx: Ctx) {
    try {
      const body = ctx.request.body ?? {};
      // "Still current" is a workflow action too (src/workflow/confirm.ts).
      if (body.action === 'confirm') return await confirmOne(strapi, ctx, body);
      const { uid, action } = validate(body);
      const documentId = str(body.documentId);
      if (!documentId) throw new errors.ValidationError('documentId is required');
      const r = await transition(strapi, {
        uid,
        documentId,
        action,
        comment: str(body.comment),
        locale: str(body.locale),
        publishAt: body.publishAt as string | null | undefined,
        ...(body.elements !== undefined
          ? { elements: body.elements as Record<string, unknown> }
          : {}),
        actor: { kind: 'user', user: ctx.state.user },
      });
      ctx.body = {
        data: {
          uid: r.uid,
          documentId: r.documentId,
          state: r.state,
          from: r.from,
          eventId: r.event.id,
        },
      };
    } catch (error) {
      answer(ctx, error);
    }
  },

  /** An administrator deletes an entry that was published: a reason, an audit event. */
  async delete(ctx: Ctx) {
    try {
      const body = ctx.request.body ?? {};
      const uid = str(body.uid);
      if (!uid || !DISCLOSURE_BY_UID.has(uid))
        throw new errors.ValidationError(
          `uid must be one of the disclosure types (got ${JSON.stringify(body.uid)})`,
        );
      const documentId = str(body.documentId);
      if (!documentId) throw new errors.ValidationError('documentId is required');
      const event = await deleteEntry(strapi, {
        uid,
        documentId,
        reason: str(body.reason),
        actor: { kind: 'user', user: ctx.state.user },
      });
      ctx.body = { data: { uid, documentId, deleted: true, eventId: event.id } };
    } catch (error) {
      answer(ctx, error);
    }
  },

  /**
   * POST /workflow/confirm — "still current": `{ uid, documentId }`, or in bulk
   * `{ entries: [ { uid, documentId }, … ] }` (1–100, each judged on its own).
   */
  async confirm(ctx: Ctx) {
    try {
      const body = ctx.request.body ?? {};
      if (!Array.isArray(body.entries)) return await confirmOne(strapi, ctx, body);
      await confirmMany(strapi, ctx, body.entries as unknown[]);
    } catch (error) {
      answer(ctx, error);
    }
  },

  /** GET /workflow/currency?uid=&documentId= — carried links to confirm and the review-by date. */
  async currency(ctx: Ctx) {
    try {
      const uid = str(ctx.query.uid);
      const documentId = str(ctx.query.documentId);
      if (!uid || !DISCLOSURE_BY_UID.has(uid) || !documentId)
        throw new errors.ValidationError(
          'ต้องระบุ uid และ documentId / uid and documentId are required',
        );
      // Read through the Document Service: another unit's entry is "not found".
      const entry = await strapi
        .documents(uid as UID.ContentType)
        .findFirst({ filters: { documentId } } as never);
      if (!entry) throw new errors.NotFoundError('ไม่พบข้อมูลนี้ / No such entry');
      ctx.body = { data: await currencyOf(strapi, uid, documentId) };
    } catch (error) {
      answer(ctx, error);
    }
  },

  async bulk(ctx: Ctx) {
    try {
      const body = ctx.request.body ?? {};
      if (body.action === 'confirm') {
        const ids = Array.isArray(body.documentIds) ? (body.documentIds as unknown[]) : [];
        return await confirmMany(
          strapi,
          ctx,
          ids.map((documentId) => ({ uid: body.uid, documentId })),
        );
      }
      const { uid, action } = validate(body);
      if (action !== 'approve' && action !== 'publish')
        throw new errors.ValidationError('bulk actions are approve and publish');
      const ids = Array.isArray(body.documentIds)
        ? body.documentIds.filter((x): x is string => typeof x === 'string')
        : [];
      if (ids.length === 0 || ids.length > 100)
        throw new errors.ValidationError('documentIds must list 1 to 100 entries');
      const results = [];
      // Each entry is judged on its own: one refusal does not stop the others.
      for (const documentId of ids) {
        try {
          const r = await transition(strapi, {
            uid,
            documentId,
            action,
            actor: { kind: 'user', user: ctx.state.user },
          });
          results.push({ documentId, ok: true, state: r.state });
        } catch (error) {
          results.push({ documentId, ok: false, error: bulkError(error) });
        }
      }
      ctx.body = {
        data: results,
        meta: {
          succeeded: results.filter((r) => r.ok).length,
          failed: results.filter((r) => !r.ok).length,
        },
      };
    } catch (error) {
      answer(ctx, error);
    }
  },

  /**
   * GET /workflow/allowed?uid=&documentId= — the state and the actions the caller may take on
   * the entry now, by the same checks as POST /workflow/transition. Another unit's entry: 404.
   */
  async allowed(ctx: Ctx) {
    try {
      const uid = str(ctx.query.uid);
      const documentId = str(ctx.query.documentId);
      if (!uid || !DISCLOSURE_BY_UID.has(uid) || !documentId)
        throw new errors.ValidationError(
          'ต้องระบุ uid และ documentId / uid and documentId are required',
        );
      const result = await allowedActions(strapi, ctx.state.user, uid, documentId);
      if (!result) throw new errors.NotFoundError('ไม่พบข้อมูลนี้ / No such entry');
      ctx.body = { data: result };
    } catch (error) {
      answer(ctx, error);
    }
  },

  async history(ctx: Ctx) {
    try {
      const uid = str(ctx.query.uid);
      const documentId = str(ctx.query.documentId);
      if (!uid || !DISCLOSURE_BY_UID.has(uid) || !documentId)
        throw new errors.ValidationError('uid and documentId are required');
      // Read through the Document Service: the unit guard (src/units/guard.ts) answers "not
      // found" for an entry of a unit the caller may not read, as it does everywhere else.
      const entry = await strapi
        .documents(uid as UID.ContentType)
        .findFirst({ filters: { documentId } } as never);
      if (!entry) throw new errors.NotFoundError('No such entry');
      const events = (await strapi.db.query(EVENT_UID).findMany({
        where: { contentType: uid, entryDocumentId: documentId },
        orderBy: { id: 'asc' },
      })) as Array<Record<string, unknown>>;
      // People are shown by name; their e-mail addresses only to super admins.
      const names = await displayNames(
        strapi,
        events.map((e) => e.actorId as number | null),
      );
      const withEmail = (await scopeOfAdmin(strapi, ctx.state.user)).unrestricted;
      ctx.body = {
        data: events.map((e) => ({
          action: e.action,
          from: e.fromState,
          to: e.toState,
          actor: actorName(e, names),
          ...(withEmail ? { actorEmail: e.actorEmail ?? null } : {}),
          comment: e.comment,
          createdAt: e.at,
          hash: e.hash,
          prevHash: e.prevHash,
        })),
      };
    } catch (error) {
      answer(ctx, error);
    }
  },

  /**
   * The evidence elements of the checklist items an entry is linked to, with what the approval
   * waiting to be published and the published version's approval ticked, and whether the caller
   * may tick them now (they may approve the entry). Another unit's entry: 404.
   */
  async elements(ctx: Ctx) {
    try {
      const uid = str(ctx.query.uid);
      const documentId = str(ctx.query.documentId);
      if (!uid || !DISCLOSURE_BY_UID.has(uid) || !documentId)
        throw new errors.ValidationError(
          'ต้องระบุประเภทข้อมูลและรหัสข้อมูล / uid and documentId are required',
        );
      // Through the Document Service: the unit guard answers "not found" for an entry of a unit
      // the caller may not read.
      const entry = await strapi
        .documents(uid as UID.ContentType)
        .findFirst({ filters: { documentId } } as never);
      if (!entry) throw new errors.NotFoundError('ไม่พบข้อมูลนี้ / No such entry');
      const [items, checks, canTick] = await Promise.all([
        linkedItems(strapi, uid, documentId),
        checksOf(strapi, uid, documentId),
        mayApprove(strapi, ctx.state.user, uid, documentId),
      ]);
      const stageOf = (itemId: number, elements: string[], stage: 'approved' | 'published') => {
        const row = checks.find((c) => c.itemId === itemId && c.stage === stage);
        if (!row) return null;
        const snapshot = elementsOf(row.elements);
        const ticked = new Set(
          (Array.isArray(row.ticked) ? row.ticked : elementsOf(row.ticked)).map(
            (i) => snapshot[Number(i)],
          ),
        );
        return {
          // Which of the current elements were ticked (by text: the list may have changed since).
          ticked: elements.flatMap((e, i) => (ticked.has(e) ? [i] : [])),
          confirmed: confirmedAgainst(elements, row.elements, row.ticked),
          approveEventId: row.approveEventId,
        };
      };
      ctx.body = {
        data: {
          items: items.map((i) => ({
            documentId: i.documentId,
            code: i.code,
            titleTh: i.titleTh,
            fiscalYear: i.fiscalYear,
            scheme: i.scheme,
            elements: i.elements,
            approved: stageOf(i.id, i.elements, 'approved'),
            published: stageOf(i.id, i.elements, 'published'),
          })),
          canTick,
        },
      };
    } catch (error) {
      answer(ctx, error);
    }
  },

  async tasks(ctx: Ctx) {
    ctx.body = { data: await tasksFor(strapi, ctx.state.user) };
  },

  /** GET /workflow/my-work — the home page's "my work": drafts and submissions of my units. */
  async myWork(ctx: Ctx) {
    ctx.body = { data: await workOf(strapi, ctx.state.user) };
  },
});
