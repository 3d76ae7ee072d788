import type { Core } from '@strapi/strapi';
import { registerDocumentRoutes } from './documents-routes';
import { registerPlanKeys } from './plan-keys';
import { registerProgressRules } from './progress';
import { registerIntegrityReminders } from './reminders';
import { integrityPlanRoutes } from './routes';
import { integrityRoutes as dashboardRoutes } from '../compliance/routes/integrity';
import { registerWorkGroupRules } from './work-groups';
import { registerScoreRules } from './scores';
import { registerScoreRoutes } from './routes-scores';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
    registerDocumentRoutes(strapi);
    // Plan and progress (src/integrity/plan.ts, progress.ts, routes.ts).
    registerProgressRules(strapi);
    strapi.server.routes({
      type: 'admin',
      prefix: '/integrity',
      routes: integrityPlanRoutes(strapi),
    } as never);
    // The compliance dashboard's section of overdue steps (GET /compliance/integrity).
    strapi.server.routes({
      type: 'admin',
      prefix: '/compliance',
      routes: dashboardRoutes(strapi),
    } as never);
    registerWorkGroupRules(strapi);
    // ITA scores (helper A): validation on every write, GET /integrity/scores, POST /integrity/plan/from-scores.
    registerScoreRules(strapi);
    registerScoreRoutes(strapi);
  },
  async bootstrap(strapi: Core.Strapi) {
    registerIntegrityReminders(strapi);
  },
};
