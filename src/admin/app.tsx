import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { BulletList, ChartPie, Check } from '@strapi/icons';
import th from './translations/th.json';
import { gateDefaultActions } from './workflow/actions';
import { WorkflowPanel } from './workflow/WorkflowPanel';

type Header = { name: string; cellFormatter?: (row: Record<string, unknown>) => unknown } & Record<
  string,
  unknown
>;
type ListHookArgs = { displayedHeaders: Header[]; layout: unknown };

/** Buddhist-Era years are shown as written ("2569"), not as numbers with a thousands separator. */
const YEAR_FIELDS = new Set(['fiscalYear', 'copiedFromYear']);

export default {
  config: {
    // Thai for the editors; English stays available in each user's profile.
    locales: ['th'],
    translations: { th },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', (args: ListHookArgs) => ({
      ...args,
      displayedHeaders: args.displayedHeaders.map((header) =>
        YEAR_FIELDS.has(header.name)
          ? {
              ...header,
              cellFormatter: (row: Record<string, unknown>) =>
                row[header.name] == null ? '-' : String(row[header.name]),
            }
          : header,
      ),
    }));

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
