import type { Core } from '@strapi/strapi';
import { complianceRoutes } from './routes';

/** Compliance monitoring: the status engine, the matrix, reports, responsibilities, ranking. */
export default {
  register(strapi: Core.Strapi) {
    strapi.server.routes({
      type: 'admin',
      prefix: '/compliance',
      routes: complianceRoutes(),
    } as never);
  },
  async bootstrap(_strapi: Core.Strapi) {
    // Schedulers (monthly report, reminders) are registered by their parts.
  },
};
