import type { Core } from '@strapi/strapi';
import { registerDocumentRoutes } from './documents-routes';
import { registerPlanKeys } from './plan-keys';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
    registerDocumentRoutes(strapi);
  },
  async bootstrap(_strapi: Core.Strapi) {},
};
