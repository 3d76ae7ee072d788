import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { BulletList, ChartPie, Check } from '@strapi/icons';
import th from './translations/th.json';
import { registerThaiFields } from './fields';
import { gateDefaultActions } from './workflow/actions';
import { WorkflowPanel } from './workflow/WorkflowPanel';

export default {
  config: {
    // Thai for the editors; English stays available in each user's profile.
    locales: ['th'],
    translations: { th },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    // Thai enumeration and boolean labels, Buddhist-Era years and dates in forms, lists, filters.
    registerThaiFields(app);

    const cm = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    cm.addDocumentAction(gateDefaultActions);
    cm.addEditViewSidePanel([WorkflowPanel as PanelComponent]);

    app.addMenuLink({
      to: 'workflow-tasks',
      icon: Check,
      intlLabel: { id: 'prongsai.workflow.tasks', defaultMessage: 'งานของฉัน · My tasks' },
      permissions: [],
      Component: () => import('./workflow/TasksPage'),
    });

    // Evidence elements of the checklist items: administrators (update on checklist items).
    app.addMenuLink({
      to: 'ita-elements',
      icon: BulletList,
      intlLabel: {
        id: 'prongsai.ita.elements',
        defaultMessage: 'ITA · องค์ประกอบหลักฐาน',
      },
      permissions: [
        { action: 'plugin::content-manager.explorer.update', subject: 'api::ita-item.ita-item' },
      ] as never,
      Component: () => import('./ita/ElementsPage'),
    });

    app.addMenuLink({
      to: 'ita-compliance',
      icon: ChartPie,
      intlLabel: {
        id: 'prongsai.compliance.dashboard',
        defaultMessage: 'ITA · ติดตามการเปิดเผยข้อมูล',
      },
      permissions: [],
      Component: () => import('./compliance/DashboardPage'),
    });
  },
};
