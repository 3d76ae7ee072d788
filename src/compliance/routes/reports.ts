import type { AdminRoute } from './index';

// Not imported from ./index: that module imports this one (a cycle would leave it undefined here).
const policies = ['admin::isAuthenticatedAdmin'];

const H = 'api::compliance.reports';
const route = (method: AdminRoute['method'], path: string, action: string): AdminRoute => ({
  method,
  path,
  handler: `${H}.${action}`,
  config: { policies },
});

/** Monthly monitoring reports (central monitors, administrators) and the ITA submission export. */
const routes: AdminRoute[] = [
  route('GET', '/reports', 'list'),
  route('GET', '/reports/:period', 'findOne'),
  route('GET', '/reports/:period/pdf', 'pdf'),
  route('GET', '/reports/:period/xlsx', 'xlsx'),
  route('GET', '/reports/:period/csv', 'csv'),
  route('POST', '/reports/:period/generate', 'generate'),
  route('POST', '/reports/:period/acknowledge', 'acknowledge'),
  route('GET', '/submission/:unitCode/:fiscalYear/:format(csv|xlsx)', 'submission'),
];

export default routes;
