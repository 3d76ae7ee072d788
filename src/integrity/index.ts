import type { Core } from '@strapi/strapi';
import { registerPlanKeys } from './plan-keys';
import { registerPlanRules } from './plan-rules';
import { registerWorkGroupRules } from './work-groups';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
    registerPlanRules(strapi);
    registerWorkGroupRules(strapi);
  },
  async bootstrap(_strapi: Core.Strapi) {},
};
