import type { AdminRoute } from './index';

const policies = ['admin::isAuthenticatedAdmin'];
const H = 'api::compliance.responsibilities';

const routes: AdminRoute[] = [
  { method: 'GET', path: '/responsibilities', handler: `${H}.list`, config: { policies } },
  { method: 'PUT', path: '/responsibilities', handler: `${H}.upsert`, config: { policies } },
  { method: 'GET', path: '/my-items', handler: `${H}.mine`, config: { policies } },
];

export default routes;
