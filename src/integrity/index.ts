import type { Core } from '@strapi/strapi';
import { registerPlanKeys } from './plan-keys';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
  },
  async bootstrap(_strapi: Core.Strapi) {},
};
