import type { Core } from '@strapi/strapi';
import { registerPlanKeys } from './plan-keys';
import { registerPlanRules } from './plan-rules';
import { registerWorkGroupRules } from './work-groups';
import { registerScoreRules } from './scores';
import { registerScoreRoutes } from './routes-scores';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
    registerPlanRules(strapi);
    registerWorkGroupRules(strapi);
    // ITA scores (helper A): validation on every write, GET /integrity/scores, POST /integrity/plan/from-scores.
    registerScoreRules(strapi);
    registerScoreRoutes(strapi);
  },
  async bootstrap(_strapi: Core.Strapi) {},
};
