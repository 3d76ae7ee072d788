import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readableUnits, scopeOfAdmin } from '../units/scope';

type AdminUser = { id: number; email?: string; roles?: Array<{ code?: string }> };

/**
 * Which units a person sees in compliance views: administrators and central monitors see every
 * unit (null); unit staff (editors, approvers, central publishers) their own units.
 */
export const visibleUnitIds = async (
  strapi: Core.Strapi,
  user: AdminUser | undefined,
): Promise<number[] | null> => {
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  const scope = await scopeOfAdmin(strapi, user);
  if (scope.unrestricted || scope.readAll) return null;
  const ids = readableUnits(scope);
  if (!ids.length)
    throw new errors.ForbiddenError(
      'ท่านยังไม่ได้เป็นสมาชิกของหน่วยงานใด / You are not a member of any unit',
    );
  return ids;
};

/** Central monitors and administrators only (organisation-wide reports, ranking). */
export const requireCentral = async (strapi: Core.Strapi, user: AdminUser | undefined) => {
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  const scope = await scopeOfAdmin(strapi, user);
  if (!scope.unrestricted && !scope.readAll)
    throw new errors.ForbiddenError(
      'เฉพาะผู้ติดตามส่วนกลางและผู้ดูแลระบบ / Central monitors and administrators only',
    );
};
