import type { AdminRoute } from './index';

const policies = ['admin::isAuthenticatedAdmin'];
const H = 'api::compliance.links';

const routes: AdminRoute[] = [
  { method: 'GET', path: '/links', handler: `${H}.list`, config: { policies } },
  { method: 'POST', path: '/links/check', handler: `${H}.check`, config: { policies } },
];

export default routes;
