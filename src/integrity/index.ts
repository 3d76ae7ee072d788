import type { Core } from '@strapi/strapi';
import { registerDocumentRoutes } from './documents-routes';
import { registerPlanKeys } from './plan-keys';
import { registerProgressRules } from './progress';
import { registerIntegrityReminders } from './reminders';
import { integrityPlanRoutes } from './routes';
import { registerWorkGroupRules } from './work-groups';
import { registerScoreRules } from './scores';
import { registerScoreRoutes } from './routes-scores';

/** Integrity measures as tracked plans (issue 14): scores, work groups, plans, progress. */
export default {
  register(strapi: Core.Strapi) {
    registerPlanKeys(strapi);
    registerWorkGroupRules(strapi);
    // ITA scores (helper A): validation on every write, GET /integrity/scores, POST /integrity/plan/from-scores.
    registerScoreRules(strapi);
    registerScoreRoutes(strapi);
    // Documents generated from the data (helper C): POST /integrity/documents.
    registerDocumentRoutes(strapi);
    // Plan and progress (src/integrity/plan.ts, progress.ts, routes.ts).
    registerProgressRules(strapi);
    strapi.server.routes({
      type: 'admin',
      prefix: '/integrity',
      routes: integrityPlanRoutes(strapi),
    } as never);
  },
  async bootstrap(strapi: Core.Strapi) {
    registerIntegrityReminders(strapi);
  },
};
