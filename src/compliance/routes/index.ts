/**
 * The compliance admin routes (prefix /compliance, admin authentication). Each part of the
 * capability lists its routes in its own file here.
 */
import matrix from './matrix';
import reports from './reports';
import responsibilities from './responsibilities';
import ranking from './ranking';
import links from './links';
import currency from './currency';

export type AdminRoute = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config: { policies: string[] };
};

export const policies = ['admin::isAuthenticatedAdmin'];

export const complianceRoutes = (): AdminRoute[] => [
  ...matrix,
  ...reports,
  ...responsibilities,
  ...ranking,
  ...links,
  ...currency,
];
