import type { Core } from '@strapi/strapi';
import { readableUnits, scopeOfAdmin, type UnitScope } from './scope';

type ConditionUser = { id: number; email?: string; roles?: Array<{ code?: string }> };

// unitRef mirrors the unit relation in a plain column: the list filter needs no join.
const onUnits = (ids: number[]) => ({ unitRef: { $in: ids } });

const condition = (
  strapi: Core.Strapi,
  name: string,
  displayName: string,
  pick: (s: UnitScope) => number[],
  toQuery: (ids: number[]) => Record<string, unknown> = onUnits,
) => ({
  name,
  displayName,
  category: 'Prongsai',
  async handler(user: ConditionUser) {
    const scope = await scopeOfAdmin(strapi, user);
    if (scope.unrestricted) return true;
    return toQuery(pick(scope));
  },
});

/**
 * RBAC conditions for the Content Manager: list views, counts, search, filters, bulk actions
 * and single-entry checks. Turned into database filters by Strapi, so a list costs one query
 * whatever the number of rows; the unit lookup itself is cached per user (src/units/scope.ts).
 * Create and "move to another unit" are not covered by conditions — src/units/guard.ts is.
 */
export const registerConditions = async (strapi: Core.Strapi) => {
  await strapi.admin.services.permission.conditionProvider.registerMany([
    condition(
      strapi,
      'units.editor-of',
      'หน่วยงานที่เป็นบรรณาธิการ (units where the user is an editor)',
      (s) => s.editor,
    ),
    condition(
      strapi,
      'units.approver-of',
      'หน่วยงานที่เป็นผู้อนุมัติ (units where the user is an approver)',
      (s) => s.approver,
    ),
    condition(
      strapi,
      'units.publisher-of',
      'หน่วยงานที่ได้รับมอบหมายให้เผยแพร่ (units assigned to the publisher)',
      (s) => s.publisher,
    ),
    condition(
      strapi,
      'units.member-of',
      "หน่วยงานของผู้ใช้ (the user's own units)",
      readableUnits,
      (ids) => ({ id: { $in: ids } }),
    ),
  ]);
};
