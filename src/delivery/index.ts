import type { Core } from '@strapi/strapi';
import { DISCLOSURE_BY_UID } from '../disclosures/types';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

type RequestCtx = { state?: { route?: { info?: { type?: string } } } };

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
        (ctx.params as { status?: string }).status = 'published';
      }
    }
    return next();
  });
};

export default {
  register(strapi: Core.Strapi) {
    registerPublishedOnly(strapi);
  },
};
