import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_BY_UID } from '../disclosures/types';
import { workflowAction } from './context';
import { resetIfChanged, transition, type Actor } from './service';

type Params = {
  data?: Record<string, unknown>;
  documentId?: string;
  status?: string;
  locale?: string;
};
type RequestCtx = {
  state?: { user?: { id: number; email?: string }; auth?: { strategy?: { name?: string } } };
};

/** The person behind an admin request, the system for scripts, null for REST callers. */
const requestActor = (strapi: Core.Strapi): Actor | null => {
  const ctx = strapi.requestContext.get() as RequestCtx | undefined;
  if (ctx?.state?.auth?.strategy?.name === 'admin' && ctx.state.user)
    return { kind: 'user', user: ctx.state.user };
  return ctx?.state?.auth ? null : { kind: 'system', name: 'script' };
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

    if (ctx.action === 'discardDraft') {
      const result = await next();
      // The draft is the published content again.
      if (params.documentId) {
        await strapi.db.query(ctx.uid).updateMany({
          where: { documentId: params.documentId },
          data: { workflowState: 'published' },
        });
      }
      return result;
    }
    return next();
  });
};
