import type { AdminRoute } from './index';

const policies = ['admin::isAuthenticatedAdmin'];
const H = 'api::compliance.currency';

/** "To confirm / to review" (docs/compliance.md, "Review-by"). */
const routes: AdminRoute[] = [
  { method: 'GET', path: '/to-confirm', handler: `${H}.list`, config: { policies } },
];

export default routes;
