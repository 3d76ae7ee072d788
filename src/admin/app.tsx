import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin, PanelComponent } from '@strapi/content-manager/strapi-admin';
import { BulletList, ChartPie, Check, Lock, Message, Shield } from '@strapi/icons';
import logo from './extensions/logo.svg';
import { displayNames, ENUM_MESSAGES, fieldLabels } from './field-labels';
import strapiTh from './translations/strapi-th.json';
import th from './translations/th.json';
import { registerHomeWidgets } from './home/widgets';
import { groupReferenceTypes, REFERENCE_SECTION_LABEL } from './menu';
import { registerThaiFields } from './fields';
import { COMPLAINTS_PATH, gateComplaintsLink } from './participation/menu';
import { gateDefaultActions } from './workflow/actions';
import { WorkflowStatusHeader } from './workflow/status';
import { WorkflowPanel } from './workflow/WorkflowPanel';

/** Strapi's own localStorage key for the panel's language (admin/src/reducer.ts). */
const LANGUAGE_KEY = 'strapi-admin-language';

/**
 * Strapi's relation picker always lists "Create a relation", greyed out when the person may not
 * create the target type (its DocumentRBAC on the target: an editor and units). A choice that
 * cannot be chosen is left out: the disabled create item (the only option directly inside the
 * list box; the entries are inside its scroll area) is not shown.
 */
const hideDisabledCreateRelation = () => {
  if (typeof document === 'undefined' || document.getElementById('prongsai-relations')) return;
  const style = document.createElement('style');
  style.id = 'prongsai-relations';
  style.textContent = `[role='listbox'] > [role='option'][aria-disabled='true'] { display: none; }`;
  document.head.appendChild(style);
};

export default {
  config: {
    // Thai for the editors; English stays available in each user's profile.
    locales: ['th'],
    // Strapi's own strings in Thai (strapi-th.json), then the product's wording on top (th.json).
    translations: {
      th: {
        ...strapiTh,
        ...displayNames,
        ...fieldLabels,
        // Strapi's list filters look each enumeration value up as a message id.
        ...ENUM_MESSAGES,
        ...th,
        // No single types here: the Content Manager's second menu section lists the reference
        // and administration types instead (menu.ts).
        'content-manager.components.LeftMenu.single-types': REFERENCE_SECTION_LABEL,
      },
    },
    auth: { logo },
    menu: { logo },
    head: { favicon: logo },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // The panel opens in Thai, the login page included, until a person picks another language in
    // their profile. Strapi reads this key when it renders, after register().
    try {
      if (!window.localStorage.getItem(LANGUAGE_KEY))
        window.localStorage.setItem(LANGUAGE_KEY, 'th');
    } catch {
      // Storage blocked (private mode): Strapi falls back to English, nothing else to do.
    }
    registerHomeWidgets(app);
  },
  bootstrap(app: StrapiApp) {
    groupReferenceTypes(app);
    hideDisabledCreateRelation();
    // Thai enumeration and boolean labels, Buddhist-Era years and dates in forms, lists, filters.
    registerThaiFields(app);

    const cm = app.getPlugin('content-manager').apis as ContentManagerPlugin['config']['apis'];
    cm.addDocumentAction(gateDefaultActions);
    cm.addDocumentHeaderAction((prev) => [WorkflowStatusHeader, ...prev]);
    cm.addEditViewSidePanel([WorkflowPanel as PanelComponent]);

    app.addMenuLink({
      to: 'workflow-tasks',
      icon: Check,
      intlLabel: { id: 'prongsai.workflow.tasks', defaultMessage: 'งานของฉัน' },
      permissions: [],
      Component: () => import('./workflow/TasksPage'),
    });

    // The public's corrections and questions: unit members (the page says so to anybody else).
    app.addMenuLink({
      to: 'participation-inbox',
      icon: Message,
      intlLabel: { id: 'prongsai.participation.inbox', defaultMessage: 'กล่องรับเรื่อง' },
      permissions: [],
      Component: () => import('./participation/InboxPage'),
    });

    // Confidential complaints: the link is shown to complaint officers only (participation/menu.ts).
    gateComplaintsLink();
    app.addMenuLink({
      to: COMPLAINTS_PATH,
      icon: Lock,
      intlLabel: {
        id: 'prongsai.participation.complaints',
        defaultMessage: 'เรื่องร้องเรียนการทุจริต (ลับ)',
      },
      permissions: [],
      Component: () => import('./participation/ComplaintsPage'),
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

    // Integrity measures (issue 14): scores, the measures plan, progress entry; unit members
    // (the page says so to anybody else; the server scopes every route to the person's units).
    app.addMenuLink({
      to: 'integrity-measures',
      icon: Shield,
      intlLabel: { id: 'prongsai.integrity.measures', defaultMessage: 'มาตรการส่งเสริมคุณธรรม' },
      permissions: [],
      Component: () => import('./integrity/MeasuresPage'),
    });
  },
};
