import type { StrapiApp, WidgetArgs } from '@strapi/strapi/admin';
import { Check } from '@strapi/icons';

/**
 * Only administrators see the organisation-wide figures: Strapi's "Project statistics" (admins,
 * API tokens, content types) and "Entries" (every entry of every unit) — and Strapi's entry lists. The server answers 403
 * to anyone else (src/units/homepage.ts); here the widgets ask for a permission only
 * administrators hold, so Strapi's home page leaves them out instead of showing an error.
 */
const ADMINS_ONLY = new Set([
  'admin:key-statistics',
  'content-manager:chart-entries',
  // Strapi's "last edited / last published entries" show Strapi's draft/published badge, which
  // disagrees with the workflow state (a submitted entry is Strapi's "draft"): the people of the
  // units see their entries, with the workflow state, in "งานของฉัน" instead.
  'content-manager:last-edited-entries',
  'content-manager:last-published-entries',
]);
const ADMIN_PERMISSION = [{ action: 'admin::users.read' }];

export const registerHomeWidgets = (app: StrapiApp) => {
  app.widgets.register((widgets: WidgetArgs[]) => [
    {
      icon: Check,
      title: { id: 'prongsai.home.my-work', defaultMessage: 'งานของฉัน' },
      component: async () => (await import('./MyWorkWidget')).MyWorkWidget,
      pluginId: 'prongsai',
      id: 'my-work',
      link: {
        label: { id: 'prongsai.home.my-work.link', defaultMessage: 'ดูงานทั้งหมด' },
        href: '/workflow-tasks',
      },
    },
    ...widgets.map((w) =>
      ADMINS_ONLY.has(`${w.pluginId ?? ''}:${w.id}`) ? { ...w, permissions: ADMIN_PERMISSION } : w,
    ),
  ]);
};
