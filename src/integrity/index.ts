import type { Core } from '@strapi/strapi';
import { registerPlanKeys } from './plan-keys';
import { registerWorkGroupRules } from './work-groups';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
    registerWorkGroupRules(strapi);
  },
  async bootstrap(_strapi: Core.Strapi) {},
};
