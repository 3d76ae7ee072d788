import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { visibleUnitIds } from '../../../compliance/access';
import { entriesToConfirm } from '../../../compliance/currency';
import { fiscalYearParam, handle, unitCodesParam } from '../../../compliance/http';
import { todayInBangkok } from '../../../compliance/rules';

type AdminCtx = Context & { state: { user?: { id: number } } };

const LIMIT = 1000;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * GET /compliance/to-confirm?fiscalYear=2570[&unit=ENG] — the caller's units' published
   * entries waiting to be confirmed current (carried, or past their review-by date).
   */
  list: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const fiscalYear = fiscalYearParam(c.query.fiscalYear);
    const today = todayInBangkok();
    const data = await entriesToConfirm(
      strapi,
      {
        fiscalYear,
        unitIds: await visibleUnitIds(strapi, c.state.user),
        unitCodes: unitCodesParam(c.query.unit),
      },
      today,
    );
    // At most LIMIT rows (the oldest reviews first within each unit); `total` says how many.
    c.body = { data: data.slice(0, LIMIT), meta: { fiscalYear, today, total: data.length } };
  }),
});
