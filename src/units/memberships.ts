import type { Core } from '@strapi/strapi';
import { bilingual } from '../disclosures/guard';
import { readToOne } from '../disclosures/relations';
import { UNIT_UID } from '../disclosures/types';
import {
  ROLE_DEFINITIONS,
  MANAGED_ROLE_CODES,
  SUPER_ADMIN_CODE,
  type MembershipRole,
} from './roles';
import { clearScopeCache, MEMBERSHIP_UID, TOKEN_UID } from './scope';

type Data = Record<string, unknown>;
const UNIT_BOUND: ReadonlySet<string> = new Set(['editor', 'approver', 'publisher']);

type AdminUserRow = { id: number; email: string; roles: Array<{ id: number; code: string }> };

/**
 * A user's Strapi roles follow their memberships: one role per kind of membership they hold
 * (editor, approver, publisher, monitor; admin = Super Admin). Roles Prongsai does not manage
 * are kept.
 */
export const syncUserRoles = async (strapi: Core.Strapi, userId: number) => {
  const user = (await strapi.db.query('admin::user').findOne({
    where: { id: userId },
    populate: { roles: { select: ['id', 'code'] } },
  })) as AdminUserRow | null;
  if (!user) return;
  const memberships = (await strapi.db.query(MEMBERSHIP_UID).findMany({
    where: { userId: user.id, active: true },
    select: ['role'],
  })) as Array<{ role: MembershipRole }>;
  const held = new Set(memberships.map((m) => m.role));
  const codes = ROLE_DEFINITIONS.filter((r) => held.has(r.role)).map((r) => r.code);
  if (held.has('admin')) codes.push(SUPER_ADMIN_CODE);
  const managedRoles = (await strapi.db.query('admin::role').findMany({
    where: { code: { $in: [...codes, SUPER_ADMIN_CODE] } },
    select: ['id', 'code'],
  })) as Array<{ id: number; code: string }>;
  // Super Admin is granted by an "admin" membership but never taken away here: revoking an
  // administrator is a deliberate act in Settings → Users.
  const kept = user.roles.filter((r) => !MANAGED_ROLE_CODES.has(r.code));
  const wanted = new Set([
    ...kept.map((r) => r.id),
    ...managedRoles.filter((r) => codes.includes(r.code)).map((r) => r.id),
  ]);
  const current = new Set(user.roles.map((r) => r.id));
  const same = wanted.size === current.size && [...wanted].every((id) => current.has(id));
  if (!same) {
    await strapi.db
      .query('admin::user')
      .update({ where: { id: user.id }, data: { roles: [...wanted] } });
  }
  clearScopeCache();
};

const validateMembership = async (strapi: Core.Strapi, data: Data, documentId?: string) => {
  // The membership belongs to the user record (its id); the e-mail only names it for people.
  delete data.userId;
  if (data.userEmail !== undefined && typeof data.userEmail !== 'string') {
    throw bilingual('อีเมลผู้ใช้ไม่ถูกต้อง', 'userEmail must be an e-mail address', 'userEmail');
  }
  if (typeof data.userEmail === 'string') {
    data.userEmail = data.userEmail.trim().toLowerCase();
    const user = (await strapi.db
      .query('admin::user')
      .findOne({ where: { email: data.userEmail }, select: ['id'] })) as { id: number } | null;
    if (user) data.userId = user.id;
    if (!user) {
      throw bilingual(
        `ไม่พบผู้ใช้ ${data.userEmail} ในระบบ (สร้างผู้ใช้ในตั้งค่า → ผู้ใช้ ก่อน)`,
        `No admin user ${data.userEmail} (create the user first)`,
        'userEmail',
      );
    }
  }
  const stored = documentId
    ? ((await strapi.db
        .query(MEMBERSHIP_UID)
        .findOne({ where: { documentId }, populate: { unit: { select: ['id'] } } })) as {
        userId: number | null;
        role: string;
        unit: { id: number } | null;
      } | null)
    : null;
  const role = (data.role as string | undefined) ?? stored?.role ?? 'editor';
  const unitChange = readToOne(data.unit);
  let unitId: number | null = stored?.unit?.id ?? null;
  if (unitChange.kind === 'cleared') unitId = null;
  if (unitChange.kind === 'set') {
    const ref = unitChange.ref;
    const row = (await strapi.db.query(UNIT_UID).findOne({
      where: ref.documentId ? { documentId: ref.documentId } : { id: ref.id },
      select: ['id'],
    })) as { id: number } | null;
    if (!row) throw bilingual('ไม่พบหน่วยงานที่เลือก', 'The selected unit does not exist', 'unit');
    unitId = row.id;
  }
  if (UNIT_BOUND.has(role) && unitId === null) {
    throw bilingual('บทบาทนี้ต้องระบุหน่วยงาน', `A ${role} membership needs a unit`, 'unit');
  }
  const userId = (data.userId as number | undefined) ?? stored?.userId;
  const clash = await strapi.db.query(MEMBERSHIP_UID).findOne({
    where: {
      userId,
      role,
      unit: unitId === null ? null : { id: unitId },
      ...(documentId ? { documentId: { $ne: documentId } } : {}),
    },
    select: ['id'],
  });
  if (clash) {
    throw bilingual(
      'ผู้ใช้นี้มีบทบาทนี้ในหน่วยงานนี้แล้ว',
      'This user already has this role in this unit',
      'role',
    );
  }
};

/** A unit token mapping names an existing API token; it keeps that token's id. */
const validateTokenMapping = async (strapi: Core.Strapi, data: Data) => {
  delete data.tokenId;
  if (data.tokenName === undefined) return;
  const name = typeof data.tokenName === 'string' ? data.tokenName.trim() : '';
  const token = name
    ? ((await strapi.db.query('admin::api-token').findOne({ where: { name }, select: ['id'] })) as {
        id: number;
      } | null)
    : null;
  if (!token) {
    throw bilingual(
      `ไม่พบ API token ชื่อ "${name}" (สร้างในตั้งค่า → API Tokens ก่อน)`,
      `No API token named "${name}" (create it in Settings → API Tokens first)`,
      'tokenName',
    );
  }
  data.tokenName = name;
  data.tokenId = token.id;
};

/** Memberships, unit API tokens and unit folders: validated, and roles kept in step, on every write path. */
export const registerMembershipRules = (
  strapi: Core.Strapi,
  onUnitCreated: (unitId: number) => Promise<unknown>,
) => {
  strapi.documents.use(async (ctx, next) => {
    const params = ctx.params as { data?: Data; documentId?: string };
    if (ctx.uid === MEMBERSHIP_UID) {
      const before =
        params.documentId && ctx.action !== 'create'
          ? ((await strapi.db
              .query(MEMBERSHIP_UID)
              .findOne({ where: { documentId: params.documentId }, select: ['userId'] })) as {
              userId: number | null;
            } | null)
          : null;
      if ((ctx.action === 'create' || ctx.action === 'update') && params.data) {
        await validateMembership(
          strapi,
          params.data,
          ctx.action === 'update' ? params.documentId : undefined,
        );
      }
      const result = await next();
      if (['create', 'update', 'delete'].includes(ctx.action)) {
        const ids = new Set(
          [before?.userId, params.data?.userId as number | undefined].filter(
            (id): id is number => typeof id === 'number',
          ),
        );
        for (const id of ids) await syncUserRoles(strapi, id);
      }
      return result;
    }
    if (ctx.uid === TOKEN_UID) {
      if ((ctx.action === 'create' || ctx.action === 'update') && params.data) {
        await validateTokenMapping(strapi, params.data);
      }
      const result = await next();
      if (ctx.action !== 'findMany' && ctx.action !== 'findOne' && ctx.action !== 'count')
        clearScopeCache();
      return result;
    }
    if (ctx.uid === UNIT_UID && ctx.action === 'create') {
      const result = await next();
      const id = (result as { id?: number } | null)?.id;
      if (typeof id === 'number') await onUnitCreated(id);
      return result;
    }
    return next();
  });
};

type UserLifecycleEvent = {
  params: { where?: Record<string, unknown> };
  result?: { id?: number; email?: string; isActive?: boolean } | null;
};

/** Every membership of these users ends (their Strapi roles go with the user record). */
const endMemberships = async (strapi: Core.Strapi, userIds: number[]) => {
  if (userIds.length === 0) return;
  await strapi.db.query(MEMBERSHIP_UID).deleteMany({ where: { userId: { $in: userIds } } });
  clearScopeCache();
};

/**
 * Memberships follow the admin user record on every path (Settings → Users, batch delete,
 * Profile, scripts): deleting a user ends their memberships, deactivating one makes them
 * inactive, and a changed e-mail is copied onto them for display — it grants nothing.
 */
export const registerUserLifecycles = (strapi: Core.Strapi) => {
  // A deleted API token takes its unit mapping with it; a renamed one keeps it.
  strapi.db.lifecycles.subscribe({
    models: ['admin::api-token'],
    async beforeDelete(event: UserLifecycleEvent) {
      const ids = (
        (await strapi.db
          .query('admin::api-token')
          .findMany({ where: event.params.where ?? {}, select: ['id'] })) as Array<{ id: number }>
      ).map((t) => t.id);
      if (ids.length)
        await strapi.db.query(TOKEN_UID).deleteMany({ where: { tokenId: { $in: ids } } });
    },
    async afterUpdate(event: { result?: { id?: number; name?: string } | null }) {
      const token = event.result;
      if (!token || typeof token.id !== 'number' || typeof token.name !== 'string') return;
      await strapi.db.query(TOKEN_UID).updateMany({
        where: { tokenId: token.id, tokenName: { $ne: token.name } },
        data: { tokenName: token.name },
      });
    },
  } as never);
  // A deleted unit takes its memberships with it: a membership left without a unit would read
  // as organisation-wide (complaint officers, central roles) — a grant nobody made.
  const endUnitMemberships = async (where: Record<string, unknown> | undefined) => {
    const ids = (
      (await strapi.db
        .query('api::unit.unit')
        .findMany({ where: where ?? {}, select: ['id'] })) as Array<{ id: number }>
    ).map((u) => u.id);
    if (!ids.length) return;
    await strapi.db.query(MEMBERSHIP_UID).deleteMany({ where: { unit: { id: { $in: ids } } } });
    clearScopeCache();
  };
  strapi.db.lifecycles.subscribe({
    models: ['api::unit.unit'],
    async beforeDelete(event: UserLifecycleEvent) {
      await endUnitMemberships(event.params.where);
    },
    async beforeDeleteMany(event: UserLifecycleEvent) {
      await endUnitMemberships(event.params.where);
    },
  } as never);
  const idsOf = async (where: Record<string, unknown> | undefined) =>
    (
      (await strapi.db
        .query('admin::user')
        .findMany({ where: where ?? {}, select: ['id'] })) as Array<{ id: number }>
    ).map((u) => u.id);
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    async beforeDelete(event: UserLifecycleEvent) {
      await endMemberships(strapi, await idsOf(event.params.where));
    },
    async beforeDeleteMany(event: UserLifecycleEvent) {
      await endMemberships(strapi, await idsOf(event.params.where));
    },
    async afterUpdate(event: UserLifecycleEvent) {
      const user = event.result;
      if (!user || typeof user.id !== 'number') return;
      if (user.isActive === false) {
        await strapi.db
          .query(MEMBERSHIP_UID)
          .updateMany({ where: { userId: user.id, active: true }, data: { active: false } });
      }
      if (typeof user.email === 'string') {
        await strapi.db.query(MEMBERSHIP_UID).updateMany({
          where: { userId: user.id, userEmail: { $ne: user.email.toLowerCase() } },
          data: { userEmail: user.email.toLowerCase() },
        });
      }
      clearScopeCache();
    },
  } as never);
};

/**
 * Memberships made before they carried the user id: linked once by their e-mail; one whose
 * e-mail names no user (the user was deleted) is removed rather than left for anyone who
 * takes that address.
 */
export const linkMembershipsToUsers = async (strapi: Core.Strapi) => {
  const unlinked = (await strapi.db.query(MEMBERSHIP_UID).findMany({
    where: { userId: null },
    select: ['id', 'userEmail'],
  })) as Array<{ id: number; userEmail: string | null }>;
  let removed = 0;
  for (const m of unlinked) {
    const user = m.userEmail
      ? ((await strapi.db
          .query('admin::user')
          .findOne({ where: { email: m.userEmail.toLowerCase() }, select: ['id'] })) as {
          id: number;
        } | null)
      : null;
    if (user) {
      await strapi.db
        .query(MEMBERSHIP_UID)
        .update({ where: { id: m.id }, data: { userId: user.id } });
    } else {
      await strapi.db.query(MEMBERSHIP_UID).delete({ where: { id: m.id } });
      removed += 1;
    }
  }
  if (removed)
    strapi.log.warn(`[units] removed ${removed} membership(s) whose user no longer exists`);
  const tokens = (await strapi.db.query(TOKEN_UID).findMany({
    where: { tokenId: null },
    select: ['id', 'tokenName'],
  })) as Array<{ id: number; tokenName: string }>;
  for (const m of tokens) {
    const token = (await strapi.db
      .query('admin::api-token')
      .findOne({ where: { name: m.tokenName }, select: ['id'] })) as { id: number } | null;
    if (token)
      await strapi.db.query(TOKEN_UID).update({ where: { id: m.id }, data: { tokenId: token.id } });
    else await strapi.db.query(TOKEN_UID).delete({ where: { id: m.id } });
  }
};
