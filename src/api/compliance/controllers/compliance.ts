import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { visibleUnitIds } from '../../../compliance/access';
import {
  buildMatrix,
  completionHistory,
  loadMatrixData,
  summarize,
} from '../../../compliance/engine';
import { fiscalYearParam, groupParam, handle, unitCodesParam } from '../../../compliance/http';
import { todayInBangkok } from '../../../compliance/rules';

type AdminCtx = Context & { state: { user?: { id: number } } };

/** The status engine over HTTP (docs/compliance.md). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /compliance/matrix?fiscalYear=2569[&group=faculty][&unit=ENG] */
  matrix: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const matrix = await buildMatrix(strapi, {
      fiscalYear: fiscalYearParam(c.query.fiscalYear),
      group: groupParam(c.query.group),
      unitCodes: unitCodesParam(c.query.unit),
      unitIds: await visibleUnitIds(strapi, c.state.user),
    });
    const { units: progress, overall } = summarize(matrix);
    c.body = {
      data: { units: matrix.units, items: matrix.items, cells: matrix.cells },
      meta: { fiscalYear: matrix.fiscalYear, today: matrix.today, progress, overall },
    };
  }),

  /** GET /compliance/history?fiscalYear=2569[&group=][&unit=] — completion month by month. */
  history: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const data = await loadMatrixData(strapi, {
      fiscalYear: fiscalYearParam(c.query.fiscalYear),
      group: groupParam(c.query.group),
      unitCodes: unitCodesParam(c.query.unit),
      unitIds: await visibleUnitIds(strapi, c.state.user),
    });
    c.body = { data: completionHistory(data, todayInBangkok()) };
  }),
});
