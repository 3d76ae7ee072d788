import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { DISCLOSURE_TYPES } from '../disclosures/types';
import { scopeOfAdmin } from './scope';

/**
 * The admin home page's widgets (Strapi 5.54: /admin/homepage/key-statistics,
 * /content-manager/homepage/count-documents and recent-documents).
 *
 * - The organisation-wide figures (admins, API tokens, every entry of every unit) are for
 *   administrators only: anyone else gets the same answer with every figure empty (null). The
 *   admin panel hides those widgets from them (src/admin/home/widgets.ts), but Strapi's home page
 *   prefetches both answers for everyone, so a refusal would be a failing request on every visit.
 * - "Last edited / last published entries" (and the entry counts) list content people write (the disclosure types and
 *   the reference types), never the audit and bookkeeping records (workflow events, monthly
 *   reports, memberships, tokens, checks).
 */
const LISTED = new Set<string>([
  ...DISCLOSURE_TYPES.map((t) => t.uid),
  'api::unit.unit',
  'api::ita-checklist.ita-checklist',
  'api::ita-item.ita-item',
]);

/** Whether a content type may appear in the home page's entry widgets. */
export const listedOnHome = (uid: string) => !uid.startsWith('api::') || LISTED.has(uid);

const homeQuery = new AsyncLocalStorage<true>();

type Fn = (...args: unknown[]) => Promise<unknown>;
type Service = Record<string, unknown>;

const requestUser = (strapi: Core.Strapi) =>
  (strapi.requestContext.get() as { state?: { user?: { id: number } } } | undefined)?.state?.user;

/**
 * Wraps a service method so that in a request only administrators get its figures; anyone else
 * gets `empty`.
 */
const adminsOnly = (
  strapi: Core.Strapi,
  service: Service | undefined,
  name: string,
  empty: Record<string, null>,
) => {
  const original = service?.[name];
  if (!service || typeof original !== 'function') {
    strapi.log.warn(`[homepage] ${name} not found: organisation-wide figures are not restricted`);
    return;
  }
  service[name] = async function (this: unknown, ...args: unknown[]) {
    const user = requestUser(strapi);
    // Outside a request (scripts) there is nobody to restrict.
    if (user && !(await scopeOfAdmin(strapi, user)).unrestricted) return { ...empty };
    return (original as Fn).apply(this, args);
  };
};

export const restrictHomepage = (strapi: Core.Strapi) => {
  adminsOnly(strapi, strapi.service('admin::homepage') as Service | undefined, 'getKeyStatistics', {
    assets: null,
    contentTypes: null,
    components: null,
    locales: null,
    admins: null,
    webhooks: null,
    apiTokens: null,
  });
  const cm = strapi.plugin('content-manager')?.service('homepage') as Service | undefined;
  adminsOnly(strapi, cm, 'getCountDocuments', { draft: null, published: null, modified: null });

  // The entry widgets pick their types from the caller's read permissions: while they do, the
  // permissions on audit and bookkeeping types are left out.
  const permission = strapi.admin.services.permission as unknown as Service;
  const findMany = permission.findMany;
  if (!cm || typeof cm.queryLastDocuments !== 'function' || typeof findMany !== 'function') {
    strapi.log.warn('[homepage] recent documents not found: audit records are not filtered');
    return;
  }
  for (const name of ['queryLastDocuments', 'getCountDocuments']) {
    const original = cm[name] as Fn;
    cm[name] = function (this: unknown, ...args: unknown[]) {
      return homeQuery.run(true, () => original.apply(this, args));
    };
  }
  permission.findMany = async function (this: unknown, ...args: unknown[]) {
    const rows = await (findMany as Fn).apply(this, args);
    if (!homeQuery.getStore() || !Array.isArray(rows)) return rows;
    return rows.filter((p: { subject?: string | null }) => !p.subject || listedOnHome(p.subject));
  };
};
