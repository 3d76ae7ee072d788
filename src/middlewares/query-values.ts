import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import {
  checkFilterValues,
  checkPageParam,
  checkSearch,
  checkSort,
  type Attr,
  type Resolve,
  type Schema,
} from '../common/query-values';

/**
 * Typed query values on the list routes Strapi serves itself — the Content Manager's lists,
 * the Media Library (`/upload/files`, `/upload/folders`, `/api/upload/files`) and the REST list
 * of every content type that src/delivery/public-query.ts does not already check: a filter
 * value of the wrong type, an unknown sort field, a search term that is an object, a page that
 * is not a number — each a 400 naming the parameter (Thai / English), before Strapi turns it
 * into SQL that fails with a 500 (see src/common/query-values.ts).
 *
 * Written by hand because Strapi has no hook for it: its query validators check keys but not
 * values, and the Content Manager and upload controllers run no schema on their query.
 */

type Target = { uid: string; admin: boolean };

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

/** The Content Manager's pseudo-filter on the publication status (`filters[$and][i][__status]`). */
const CM_STATUS: Attr = { type: 'string' };

let restLists: Map<string, string> | null = null;

/** `/api/<pluralName>` (and `/api/<singularName>` of single types) → uid. */
const restListOf = (strapi: Core.Strapi, name: string) => {
  if (!restLists) {
    restLists = new Map();
    for (const [uid, ct] of Object.entries(strapi.contentTypes)) {
      if (!uid.startsWith('api::')) continue;
      const info = (ct as unknown as { info: { pluralName: string; singularName: string } }).info;
      restLists.set(ct.kind === 'singleType' ? info.singularName : info.pluralName, uid);
    }
  }
  return restLists.get(name);
};

const targetOf = (strapi: Core.Strapi, path: string): Target | null => {
  if (path === '/upload/files') return { uid: FILE_UID, admin: true };
  if (path === '/upload/folders') return { uid: FOLDER_UID, admin: true };
  if (path === '/api/upload/files') return { uid: FILE_UID, admin: false };
  const cm = /^\/content-manager\/(collection-types|single-types)\/([^/]+)$/.exec(path);
  if (cm) {
    let uid = cm[2];
    try {
      uid = decodeURIComponent(uid);
    } catch {
      return null; // a broken escape: Strapi's router answers 404
    }
    return strapi.contentTypes[uid as UID.ContentType] ? { uid, admin: true } : null;
  }
  const rest = /^\/api\/([a-z0-9-]+)$/.exec(path);
  const uid = rest && restListOf(strapi, rest[1]);
  return uid ? { uid, admin: false } : null;
};

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const resolve: Resolve = (uid) =>
    (strapi.getModel(uid as UID.Schema) as unknown as Schema | undefined) ?? null;
  return async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const query = ctx.query as Record<string, unknown>;
    // Every search box (lists, relation pickers, media): one string, never an object.
    checkSearch(query._q);
    const target = targetOf(strapi, ctx.path);
    if (!target) return next();
    const schema = resolve(target.uid);
    if (!schema) return next();
    if (target.admin && target.uid.startsWith('api::')) {
      // The Content Manager: `__status` in filters and `status` in sort are its own.
      const cmSchema: Schema = {
        attributes: { status: CM_STATUS, ...schema.attributes, __status: CM_STATUS },
      };
      checkFilterValues(query.filters, cmSchema, resolve, 'reject');
      if (query.sort !== '') checkSort(query.sort, cmSchema, resolve);
    } else {
      checkFilterValues(query.filters, schema, resolve, target.admin ? 'reject' : 'pass');
      if (query.sort !== '') checkSort(query.sort, schema, resolve);
    }
    if (target.admin) {
      checkPageParam('page', query.page, 1_000_000);
      checkPageParam('pageSize', query.pageSize, 1000);
    }
    return next();
  };
};
