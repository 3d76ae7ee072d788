import type { Core } from '@strapi/strapi';
import { permissionsOf, ROLE_DEFINITIONS, type Permission } from './roles';

type AdminRole = { id: number; code: string; name: string };
type ContentTypeService = {
  getNestedFields: (model: unknown, opts: { components: unknown }) => string[];
};

const FIELD_ACTIONS = /\.(create|read|update)$/;
/** Set by the system only: the workflow state (src/workflow) and the unit mirror (src/disclosures). */
const SYSTEM_FIELDS = new Set(['workflowState', 'unitRef']);

/**
 * Content Manager permissions need the fields they cover: all of the type's fields (nested
 * component fields included), except the system-maintained ones for create and update.
 */
const withFields = (strapi: Core.Strapi, permission: Permission): Permission => {
  if (!permission.subject || !FIELD_ACTIONS.test(permission.action)) return permission;
  const service = strapi.admin.services['content-type'] as unknown as ContentTypeService;
  const all = service.getNestedFields(
    strapi.contentTypes[permission.subject as keyof typeof strapi.contentTypes],
    {
      components: strapi.components,
    },
  );
  const reading = permission.action.endsWith('.read');
  const fields = all.filter(
    (f) => !SYSTEM_FIELDS.has(f.split('.')[0]) || (reading && f === 'workflowState'),
  );
  return { ...permission, properties: { ...(permission.properties ?? {}), fields } };
};

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
    await roleService.assignPermissions(
      role.id,
      permissionsOf(def.role).map((p) => withFields(strapi, p)),
    );
  }
};
