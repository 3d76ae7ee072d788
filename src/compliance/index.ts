import type { Core } from '@strapi/strapi';
import { registerReminderScheduler } from './reminders';
import { registerResponsibilityRules } from './responsibilities';
import { registerReportScheduler } from './reports';
import { registerLinkCheckScheduler } from './links';
import { complianceRoutes } from './routes';

/** Compliance monitoring: the status engine, the matrix, reports, responsibilities, ranking, link check. */
export default {
  register(strapi: Core.Strapi) {
    registerResponsibilityRules(strapi);
    strapi.server.routes({
      type: 'admin',
      prefix: '/compliance',
      routes: complianceRoutes(),
    } as never);
  },
  async bootstrap(strapi: Core.Strapi) {
    registerReportScheduler(strapi);
    registerReminderScheduler(strapi);
    registerLinkCheckScheduler(strapi);
  },
};
