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
export const syncUserRoles = async (strapi: Core.Strapi, email: string) => {
  const user = (await strapi.db.query('admin::user').findOne({
    where: { email: email.toLowerCase() },
    populate: { roles: { select: ['id', 'code'] } },
  })) as AdminUserRow | null;
  if (!user) return;
  const memberships = (await strapi.db.query(MEMBERSHIP_UID).findMany({
    where: { userEmail: email.toLowerCase(), active: true },
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
  if (typeof data.userEmail === 'string') {
    data.userEmail = data.userEmail.trim().toLowerCase();
    const exists = await strapi.db.query('admin::user').count({ where: { email: data.userEmail } });
    if (!exists) {
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
        userEmail: string;
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
  const email = (data.userEmail as string | undefined) ?? stored?.userEmail;
  const clash = await strapi.db.query(MEMBERSHIP_UID).findOne({
    where: {
      userEmail: email,
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
              .findOne({ where: { documentId: params.documentId }, select: ['userEmail'] })) as {
              userEmail: string;
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
        const emails = new Set(
          [before?.userEmail, params.data?.userEmail as string | undefined].filter(
            Boolean,
          ) as string[],
        );
        for (const email of emails) await syncUserRoles(strapi, email);
      }
      return result;
    }
    if (ctx.uid === TOKEN_UID) {
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
