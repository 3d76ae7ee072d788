import type { AdminRoute } from './index';

const policies = ['admin::isAuthenticatedAdmin'];
const H = 'api::compliance.ranking';

const routes: AdminRoute[] = [
  { method: 'GET', path: '/ranking', handler: `${H}.ranking`, config: { policies } },
  { method: 'GET', path: '/ranking/csv', handler: `${H}.csv`, config: { policies } },
  { method: 'GET', path: '/ranking/xlsx', handler: `${H}.xlsx`, config: { policies } },
  { method: 'GET', path: '/ranking/criteria', handler: `${H}.criteria`, config: { policies } },
  { method: 'PUT', path: '/ranking/criteria', handler: `${H}.setCriteria`, config: { policies } },
];

export default routes;
