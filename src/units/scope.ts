import type { Core } from '@strapi/strapi';
import { SUPER_ADMIN_CODE } from './roles';

/**
 * What a caller may touch, by unit id. Looked up once per user and cached (the RBAC conditions
 * run on every admin request for every permission); any membership change clears the cache.
 */
export type UnitScope = {
  /** Super admins and unmapped API tokens: no unit limit. */
  unrestricted: boolean;
  /** Central monitors read every unit. */
  readAll: boolean;
  editor: number[];
  approver: number[];
  publisher: number[];
};

export const MEMBERSHIP_UID = 'api::unit-membership.unit-membership';
export const TOKEN_UID = 'api::unit-api-token.unit-api-token';

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; scope: UnitScope }>();
let generation = 0;

export const clearScopeCache = () => {
  cache.clear();
  generation += 1;
};

const union = (...lists: number[][]) => [...new Set(lists.flat())];

/** Units whose content the caller may read / write (create, edit drafts) / publish / delete. */
export const readableUnits = (s: UnitScope) => union(s.editor, s.approver, s.publisher);
export const writableUnits = (s: UnitScope) => union(s.editor, s.approver);
export const editableUnits = (s: UnitScope) => union(s.editor, s.approver, s.publisher);
export const publishableUnits = (s: UnitScope) => union(s.approver, s.publisher);

const cached = async (key: string, load: () => Promise<UnitScope>): Promise<UnitScope> => {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.scope;
  const gen = generation;
  const scope = await load();
  if (gen === generation) cache.set(key, { at: Date.now(), scope });
  return scope;
};

type AdminUser = { id: number; email?: string; roles?: Array<{ code?: string }> };

export const scopeOfAdmin = (strapi: Core.Strapi, user: AdminUser): Promise<UnitScope> =>
  cached(`admin:${user.id}`, async () => {
    const roles =
      user.roles ??
      (
        await strapi.db
          .query('admin::user')
          .findOne({ where: { id: user.id }, populate: ['roles'] })
      )?.roles ??
      [];
    const email =
      user.email ??
      (await strapi.db.query('admin::user').findOne({ where: { id: user.id }, select: ['email'] }))
        ?.email;
    const memberships = email
      ? ((await strapi.db.query(MEMBERSHIP_UID).findMany({
          where: { userEmail: String(email).toLowerCase(), active: true },
          select: ['role'],
          populate: { unit: { select: ['id'] } },
        })) as Array<{ role: string; unit: { id: number } | null }>)
      : [];
    const unitsAs = (role: string) =>
      memberships
        .filter((m) => m.role === role && m.unit)
        .map((m) => (m.unit as { id: number }).id);
    const isSuper = (roles as Array<{ code?: string }>).some((r) => r.code === SUPER_ADMIN_CODE);
    return {
      unrestricted: isSuper || memberships.some((m) => m.role === 'admin'),
      readAll: memberships.some((m) => m.role === 'monitor'),
      editor: unitsAs('editor'),
      approver: unitsAs('approver'),
      publisher: unitsAs('publisher'),
    };
  });

/** A content-API token mapped to a unit reads and writes that unit only; an unmapped token is not limited. */
export const scopeOfToken = (
  strapi: Core.Strapi,
  token: { id: number; name?: string },
): Promise<UnitScope> =>
  cached(`token:${token.id}`, async () => {
    const name =
      token.name ??
      (
        await strapi.db
          .query('admin::api-token')
          .findOne({ where: { id: token.id }, select: ['name'] })
      )?.name;
    const mapping = name
      ? ((await strapi.db
          .query(TOKEN_UID)
          .findOne({ where: { tokenName: name }, populate: { unit: { select: ['id'] } } })) as {
          unit: { id: number } | null;
        } | null)
      : null;
    if (!mapping)
      return { unrestricted: true, readAll: true, editor: [], approver: [], publisher: [] };
    const units = mapping.unit ? [mapping.unit.id] : [];
    return { unrestricted: false, readAll: false, editor: units, approver: [], publisher: [] };
  });

/** The scope of whoever is making the current request; null outside requests and for callers units do not limit. */
export const currentScope = async (strapi: Core.Strapi): Promise<UnitScope | null> => {
  const ctx = strapi.requestContext.get() as
    | {
        state?: {
          user?: AdminUser;
          auth?: { strategy?: { name?: string }; credentials?: { id: number; name?: string } };
        };
      }
    | undefined;
  const strategy = ctx?.state?.auth?.strategy?.name;
  let scope: UnitScope | null = null;
  if (strategy === 'admin' && ctx?.state?.user) scope = await scopeOfAdmin(strapi, ctx.state.user);
  else if (strategy === 'content-api-token' && ctx?.state?.auth?.credentials)
    scope = await scopeOfToken(strapi, ctx.state.auth.credentials);
  return scope && !scope.unrestricted ? scope : null;
};
