import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { visibleUnitIds } from '../access';
import { fiscalYearParam, handle, unitCodesParam } from '../http';
import { integrityOverdue } from '../../integrity/dashboard';
import { asOfParam } from '../../integrity/routes';

const policies = ['admin::isAuthenticatedAdmin'];

/**
 * GET /compliance/integrity?fiscalYear=Y[&unit=CODE,…] — the dashboard's integrity-measures
 * section: per unit the steps overdue and the reports missing, and the list of overdue steps
 * (unit, measure, step, owner, due month). The caller's units only; one query per table.
 */
export const integrityRoutes = (strapi: Core.Strapi) => [
  {
    method: 'GET' as const,
    path: '/integrity',
    handler: handle(async (ctx: Context) => {
      const c = ctx as Context & { state: { user?: { id: number } } };
      const unitIds = await visibleUnitIds(strapi, c.state.user);
      const fiscalYear = fiscalYearParam(c.query.fiscalYear);
      const asOf = asOfParam(c.query.asOf);
      const data = await integrityOverdue(strapi, {
        fiscalYear,
        asOf,
        unitIds,
        unitCodes: unitCodesParam(c.query.unit),
      });
      c.body = { data, meta: { fiscalYear, asOf } };
    }),
    config: { policies },
  },
];
