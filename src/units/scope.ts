import type { Core } from '@strapi/strapi';
import { SUPER_ADMIN_CODE } from './roles';

/**
 * What a caller may touch, by unit id.
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

/**
 * Scopes are cached for the length of one request only (the RBAC conditions ask for the scope
 * once per permission): a membership change, a deleted or deactivated user take effect on the
 * very next request, on every instance, with no cross-process invalidation to get wrong.
 * Outside a request (cron, scripts) nothing is cached.
 */
const perRequest = new WeakMap<object, Map<string, Promise<UnitScope>>>();
let currentRequest: () => object | undefined = () => undefined;

/** Wired once at register: where the current request lives (Strapi's request context). */
export const useRequestContext = (strapi: Core.Strapi) => {
  currentRequest = () => strapi.requestContext.get() as object | undefined;
};

/** Kept for callers that changed memberships in the middle of a request. */
export const clearScopeCache = () => {
  const req = currentRequest();
  if (req) perRequest.delete(req);
};

const union = (...lists: number[][]) => [...new Set(lists.flat())];

/** Units whose content the caller may read / write (create, edit drafts) / publish / delete. */
export const readableUnits = (s: UnitScope) => union(s.editor, s.approver, s.publisher);
export const writableUnits = (s: UnitScope) => union(s.editor, s.approver);
export const editableUnits = (s: UnitScope) => union(s.editor, s.approver, s.publisher);
export const publishableUnits = (s: UnitScope) => union(s.approver, s.publisher);

const cached = (key: string, load: () => Promise<UnitScope>): Promise<UnitScope> => {
  const req = currentRequest();
  if (!req) return load();
  let map = perRequest.get(req);
  if (!map) perRequest.set(req, (map = new Map()));
  let hit = map.get(key);
  if (!hit) {
    hit = load();
    map.set(key, hit);
    hit.catch(() => map?.delete(key));
  }
  return hit;
};

const NONE: UnitScope = {
  unrestricted: false,
  readAll: false,
  editor: [],
  approver: [],
  publisher: [],
};

type AdminUser = { id: number; email?: string; roles?: Array<{ code?: string }> };

/**
 * What an admin user may do, from the memberships that belong to the user record itself (by
 * user id, never by e-mail: changing one's e-mail changes nothing). An inactive or deleted
 * user holds no unit at all.
 */
export const scopeOfAdmin = (strapi: Core.Strapi, user: AdminUser): Promise<UnitScope> =>
  cached(`admin:${user.id}`, async () => {
    const row = (await strapi.db.query('admin::user').findOne({
      where: { id: user.id },
      select: ['id', 'isActive'],
      populate: { roles: { select: ['code'] } },
    })) as { id: number; isActive: boolean; roles?: Array<{ code?: string }> } | null;
    if (!row || row.isActive === false) return NONE;
    const memberships = (await strapi.db.query(MEMBERSHIP_UID).findMany({
      where: { userId: row.id, active: true },
      select: ['role'],
      populate: { unit: { select: ['id'] } },
    })) as Array<{ role: string; unit: { id: number } | null }>;
    const unitsAs = (role: string) =>
      memberships
        .filter((m) => m.role === role && m.unit)
        .map((m) => (m.unit as { id: number }).id);
    const isSuper = (row.roles ?? []).some((r) => r.code === SUPER_ADMIN_CODE);
    return {
      unrestricted: isSuper || memberships.some((m) => m.role === 'admin'),
      readAll: memberships.some((m) => m.role === 'monitor'),
      editor: unitsAs('editor'),
      approver: unitsAs('approver'),
      publisher: unitsAs('publisher'),
    };
  });

/**
 * A content-API token mapped to a unit reads and writes that unit only; an unmapped token is
 * not limited. The mapping belongs to the token record (its id): renaming a token, or creating
 * a new one with a deleted token's name, changes nothing.
 */
export const scopeOfToken = (
  strapi: Core.Strapi,
  token: { id: number; name?: string },
): Promise<UnitScope> =>
  cached(`token:${token.id}`, async () => {
    const mapping = (await strapi.db
      .query(TOKEN_UID)
      .findOne({ where: { tokenId: token.id }, populate: { unit: { select: ['id'] } } })) as {
      unit: { id: number } | null;
    } | null;
    if (!mapping)
      return { unrestricted: true, readAll: true, editor: [], approver: [], publisher: [] };
    const units = mapping.unit ? [mapping.unit.id] : [];
    return { unrestricted: false, readAll: false, editor: units, approver: [], publisher: [] };
  });

/**
 * Runs `fn` outside the current request, as scheduled jobs and the CLI run: no caller's unit
 * scope applies. Only for writes the system makes on a unit's behalf after the caller's own right
 * was checked (e.g. the draft Q&A of an answered question).
 */
export const outsideRequest = <T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<T> =>
  (
    strapi.requestContext as unknown as {
      run: (store: object, cb: () => Promise<T>) => Promise<T>;
    }
  ).run({}, fn);

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
