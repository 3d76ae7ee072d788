import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * The Content Manager's menu in two sections: the disclosure types people write, and — apart —
 * the reference and administration types that no unit role writes (units, checklists and their
 * items, memberships, responsibilities, monthly reports, the audit log, unit API tokens): unit
 * editors, approvers and publishers only read the first three, for the relation pickers.
 *
 * Strapi 5.54's menu has two fixed sections (collection types, single types) and a hook on each
 * section's links. Prongsai has no single type, so the second section holds the reference types
 * (its heading is renamed in app.tsx). Relation pickers and every link keep working: the links
 * themselves do not change. Should a single type ever be added, nothing moves.
 */
export const REFERENCE_SECTION_LABEL = 'ข้อมูลอ้างอิงและการจัดการระบบ';

const REFERENCE_TYPES = new Set([
  'api::unit.unit',
  'api::ita-checklist.ita-checklist',
  'api::ita-item.ita-item',
  'api::unit-membership.unit-membership',
  'api::item-responsibility.item-responsibility',
  'api::compliance-report.compliance-report',
  'api::workflow-event.workflow-event',
  'api::unit-api-token.unit-api-token',
]);

type Link = { uid: string; kind?: string } & Record<string, unknown>;
type Model = { uid: string; kind: string };

/** The reference links the collection-type hook took out, handed to the single-type hook. */
let moved: Link[] = [];

export const groupReferenceTypes = (app: StrapiApp) => {
  app.registerHook(
    'Admin/CM/pages/App/mutate-collection-types-links',
    ({ ctLinks, models }: { ctLinks: Link[]; models: Model[] }) => {
      if (models.some((m) => m.kind === 'singleType')) {
        moved = [];
        return { ctLinks, models };
      }
      moved = ctLinks.filter((l) => REFERENCE_TYPES.has(l.uid));
      return { ctLinks: ctLinks.filter((l) => !REFERENCE_TYPES.has(l.uid)), models };
    },
  );
  app.registerHook(
    'Admin/CM/pages/App/mutate-single-types-links',
    ({ stLinks, models }: { stLinks: Link[]; models: Model[] }) => ({
      stLinks: [...stLinks, ...moved],
      models,
    }),
  );
};
