import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UNIT_UID } from '../disclosures/types';
import type { MembershipRole } from './roles';
import { MEMBERSHIP_UID } from './scope';

/** Provisioning of units and users, shared by the CLI commands and their CSV imports. Idempotent. */
export const UNIT_GROUPS = [
  'faculty',
  'office',
  'division_centre',
  'school',
  'provincial_agency',
  'other',
] as const;
export const MEMBERSHIP_ROLES: readonly MembershipRole[] = [
  'editor',
  'approver',
  'publisher',
  'monitor',
  'complaint-officer',
  'admin',
];

export type UnitInput = {
  code: string;
  nameTh: string;
  nameEn?: string;
  group: string;
  parent?: string;
  websiteUrl?: string;
  scheme?: string;
};

export type UserInput = {
  email: string;
  password: string;
  firstname: string;
  lastname?: string;
  unit?: string;
  role: string;
};

const CODE = /^[A-Z0-9][A-Z0-9_-]{1,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Strapi's admin password rule: 8+ characters with a lower-case letter, an upper-case letter and a digit. */
const PASSWORD = /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{8,73}$/;

export const validateUnitInput = (u: Partial<UnitInput>): string[] => {
  const problems: string[] = [];
  if (!u.code || !CODE.test(u.code))
    problems.push(`code "${u.code ?? ''}" must be 2–20 capital letters, digits, - or _`);
  if (!u.nameTh?.trim()) problems.push('Thai name is required');
  if (!u.group || !(UNIT_GROUPS as readonly string[]).includes(u.group)) {
    problems.push(`group "${u.group ?? ''}" must be one of ${UNIT_GROUPS.join(', ')}`);
  }
  if (u.parent && !CODE.test(u.parent)) problems.push(`parent "${u.parent}" is not a unit code`);
  if (u.scheme && !/^[a-z][a-z0-9-]{1,49}$/.test(u.scheme))
    problems.push(`scheme "${u.scheme}" is not a scheme name`);
  return problems;
};

export const validateUserInput = (u: Partial<UserInput>): string[] => {
  const problems: string[] = [];
  if (!u.email || !EMAIL.test(u.email)) problems.push(`e-mail "${u.email ?? ''}" is not valid`);
  if (!u.password || !PASSWORD.test(u.password)) {
    problems.push(
      'password needs 8+ characters with a lower-case letter, an upper-case letter and a digit',
    );
  }
  if (!u.firstname?.trim()) problems.push('first name is required');
  if (!u.role || !(MEMBERSHIP_ROLES as readonly string[]).includes(u.role)) {
    problems.push(`role "${u.role ?? ''}" must be one of ${MEMBERSHIP_ROLES.join(', ')}`);
  }
  if (u.role && ['editor', 'approver', 'publisher'].includes(u.role) && !u.unit)
    problems.push(`a ${u.role} needs --unit`);
  return problems;
};

const unitByCode = async (strapi: Core.Strapi, code: string) =>
  (await strapi.db.query(UNIT_UID).findOne({ where: { code } })) as {
    id: number;
    documentId: string;
  } | null;

/** Creates the unit, or updates it to match; returns whether it was created. */
export const upsertUnit = async (
  strapi: Core.Strapi,
  input: UnitInput,
): Promise<'created' | 'updated' | 'unchanged'> => {
  const problems = validateUnitInput(input);
  if (problems.length) throw new errors.ValidationError(problems.join('; '));
  const parent = input.parent ? await unitByCode(strapi, input.parent) : null;
  if (input.parent && !parent)
    throw new errors.ValidationError(`parent unit ${input.parent} does not exist`);
  const data = {
    code: input.code,
    nameTh: input.nameTh.trim(),
    nameEn: input.nameEn?.trim() || null,
    group: input.group,
    parent: parent ? parent.documentId : null,
    websiteUrl: input.websiteUrl?.trim() || null,
    scheme: input.scheme || 'general',
  };
  const existing = (await strapi.db
    .query(UNIT_UID)
    .findOne({ where: { code: input.code }, populate: { parent: { select: ['code'] } } })) as
    | (Record<string, unknown> & { documentId: string; parent: { code: string } | null })
    | null;
  if (!existing) {
    await strapi.documents(UNIT_UID).create({ data: data as never });
    return 'created';
  }
  const same =
    existing.nameTh === data.nameTh &&
    (existing.nameEn ?? null) === data.nameEn &&
    existing.group === data.group &&
    (existing.parent?.code ?? null) === (input.parent ?? null) &&
    (existing.websiteUrl ?? null) === data.websiteUrl &&
    existing.scheme === data.scheme;
  if (same) return 'unchanged';
  await strapi.documents(UNIT_UID).update({ documentId: existing.documentId, data: data as never });
  return 'updated';
};

/**
 * Creates the admin user when missing (an existing user keeps their password) and gives them the
 * membership; Strapi roles follow from memberships (src/units/memberships.ts).
 */
export const upsertUserMembership = async (
  strapi: Core.Strapi,
  input: UserInput,
): Promise<{ user: 'created' | 'existing'; membership: 'created' | 'existing' }> => {
  const problems = validateUserInput(input);
  if (problems.length) throw new errors.ValidationError(problems.join('; '));
  const email = input.email.trim().toLowerCase();
  const unit = input.unit ? await unitByCode(strapi, input.unit) : null;
  if (input.unit && !unit) throw new errors.ValidationError(`unit ${input.unit} does not exist`);

  let userState: 'created' | 'existing' = 'existing';
  if (!(await strapi.db.query('admin::user').count({ where: { email } }))) {
    // A new user starts with the least role; memberships then set the real ones.
    const baseRole =
      input.role === 'admin'
        ? await strapi.admin.services.role.getSuperAdmin()
        : ((await strapi.db
            .query('admin::role')
            .findOne({ where: { code: 'prongsai-unit-editor' } })) as { id: number });
    await strapi.admin.services.user.create({
      email,
      password: input.password,
      firstname: input.firstname.trim(),
      lastname: input.lastname?.trim() || null,
      isActive: true,
      registrationToken: null,
      roles: [baseRole.id],
      preferedLanguage: 'th',
    });
    userState = 'created';
  }
  const where = { userEmail: email, role: input.role, unit: unit ? { id: unit.id } : null };
  const existing = await strapi.db.query(MEMBERSHIP_UID).findOne({ where, select: ['id'] });
  if (existing) return { user: userState, membership: 'existing' };
  await strapi.documents(MEMBERSHIP_UID).create({
    data: {
      userEmail: email,
      role: input.role,
      unit: unit ? unit.documentId : undefined,
      active: true,
    } as never,
  });
  return { user: userState, membership: 'created' };
};
