import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_BY_UID, UNIT_UID } from '../disclosures/types';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';
import { afterCommit, closeCache, initCache, invalidate } from './cache';
import { normaliseWebsiteUrl, pathTemplateProblem, websiteUrlProblem } from './links';
import { forgetOrigins } from './origins';
import { grantPublicRead } from './permissions';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** Actions that change what the public sees of a disclosure (drafts are never public). */
const PUBLIC_CHANGES = new Set(['publish', 'unpublish', 'delete']);
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'clone']);
const SHARED_UIDS = new Set<string>([UNIT_UID, CHECKLIST_UID, ITEM_UID]);

type RequestCtx = { state?: { route?: { info?: { type?: string } }; unitRef?: number } };
type Params = {
  status?: string;
  documentId?: string;
  data?: Record<string, unknown>;
  filters?: Record<string, unknown>;
};

/**
 * Published only, for every caller of the content API — the public role, users-permissions
 * users and API tokens alike: `?status=draft` (which Strapi 5 honours for any role with `find`)
 * is overridden, so a draft or an unapproved version never leaves through REST.
 */
export const registerPublishedOnly = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (DISCLOSURE_BY_UID.has(ctx.uid) && READS.has(ctx.action)) {
      const req = strapi.requestContext.get() as RequestCtx | undefined;
      if (req?.state?.route?.info?.type === 'content-api') {
        const params = ctx.params as Params;
        params.status = 'published';
        // `?unit=<code>` on a public list (src/delivery/public-query.ts), as the indexed column.
        const unitRef = req.state.unitRef;
        if (typeof unitRef === 'number' && (ctx.action === 'findMany' || ctx.action === 'count')) {
          params.filters = params.filters ? { $and: [params.filters, { unitRef }] } : { unitRef };
        }
      }
    }
    return next();
  });
};

const unitCodes = async (strapi: Core.Strapi, ids: number[]): Promise<string[]> => {
  if (!ids.length) return [];
  const rows = (await strapi.db
    .query(UNIT_UID)
    .findMany({ where: { id: { $in: ids } }, select: ['code'] })) as Array<{ code: string }>;
  return rows.map((r) => r.code);
};

/**
 * Exact invalidation: every change to what the public can read bumps the cache tags it touches,
 * after the transaction commits. Publishing, unpublishing or deleting a disclosure → its type and
 * its unit; any write to units or checklists, files or public permissions → everything.
 */
export const registerInvalidation = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const type = DISCLOSURE_BY_UID.get(ctx.uid);
    const params = ctx.params as Params;
    if (
      type &&
      (PUBLIC_CHANGES.has(ctx.action) ||
        ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published'))
    ) {
      const refs = params.documentId
        ? ((await strapi.db.query(ctx.uid).findMany({
            where: { documentId: params.documentId },
            select: ['unitRef'],
          })) as Array<{ unitRef: number | null }>)
        : [];
      const result = await next();
      const ids = [
        ...new Set(
          [...refs.map((r) => r.unitRef), Number(params.data?.unitRef) || null].filter(
            (id): id is number => typeof id === 'number',
          ),
        ),
      ];
      const codes = await unitCodes(strapi, ids);
      afterCommit(strapi, () => {
        void invalidate([`type:${type.name}`, ...codes.map((c) => `unit:${c}`)]);
      });
      return result;
    }
    if (SHARED_UIDS.has(ctx.uid) && WRITES.has(ctx.action)) {
      if (ctx.uid === UNIT_UID && (ctx.action === 'create' || ctx.action === 'update')) {
        checkUnitLinks(params.data);
      }
      const result = await next();
      afterCommit(strapi, () => {
        forgetOrigins();
        void invalidate(['all']);
      });
      return result;
    }
    return next();
  });

  const everything = () => afterCommit(strapi, () => void invalidate(['all']));
  strapi.db.lifecycles.subscribe({
    models: ['plugin::upload.file', 'plugin::users-permissions.permission'],
    afterCreate: (event: { model: { uid: string } }) => {
      if (event.model.uid !== 'plugin::upload.file') everything();
    },
    afterUpdate: everything,
    afterUpdateMany: everything,
    afterDelete: everything,
    afterDeleteMany: everything,
  });
};

/** A unit's website and ITA path template: valid URL / template, stored without a trailing slash. */
const checkUnitLinks = (data: Record<string, unknown> | undefined) => {
  if (!data) return;
  const problems = [websiteUrlProblem(data.websiteUrl), pathTemplateProblem(data.itaPathTemplate)];
  const problem = problems.find(Boolean);
  if (problem) throw new errors.ValidationError(problem);
  if (typeof data.websiteUrl === 'string')
    data.websiteUrl = data.websiteUrl.trim() ? normaliseWebsiteUrl(data.websiteUrl) : null;
};

export default {
  register(strapi: Core.Strapi) {
    registerPublishedOnly(strapi);
    registerInvalidation(strapi);
  },
  async bootstrap(strapi: Core.Strapi) {
    await grantPublicRead(strapi);
    await initCache();
  },
  async destroy() {
    await closeCache();
  },
};
