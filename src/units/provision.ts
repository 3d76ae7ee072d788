import type { Core } from '@strapi/strapi';
import { permissionsOf, ROLE_DEFINITIONS } from './roles';

type AdminRole = { id: number; code: string; name: string };

/**
 * Creates the Prongsai roles at start and gives them exactly the permissions in roles.ts
 * (re-applied at every start, so a release that changes a role's rights takes effect).
 */
export const ensureRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.admin.services.role;
  for (const def of ROLE_DEFINITIONS) {
    let role = (await strapi.db
      .query('admin::role')
      .findOne({ where: { code: def.code } })) as AdminRole | null;
    if (!role) {
      role = (await roleService.create({
        name: def.name,
        code: def.code,
        description: def.description,
      })) as AdminRole;
    }
    await roleService.assignPermissions(role.id, permissionsOf(def.role));
  }
};
