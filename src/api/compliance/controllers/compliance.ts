import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { visibleUnitIds } from '../../../compliance/access';
import {
  buildMatrix,
  completionHistory,
  loadMatrixData,
  summarize,
} from '../../../compliance/engine';
import {
  fiscalYearParam,
  groupParam,
  handle,
  schemeParam,
  unitCodesParam,
} from '../../../compliance/http';
import { todayInBangkok } from '../../../compliance/rules';
import { parseItemCode } from '../../../delivery/ita-page';
import { fiscalYearRange } from '../../../ita/fiscal-year';
import { participationFigures } from '../../../participation/stats';

type AdminCtx = Context & { state: { user?: { id: number } } };

/** The status engine over HTTP (docs/compliance.md). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /compliance/matrix?fiscalYear=2569[&group=faculty][&scheme=general][&unit=ENG] */
  matrix: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const unitIds = await visibleUnitIds(strapi, c.state.user);
    const matrix = await buildMatrix(strapi, {
      fiscalYear: fiscalYearParam(c.query.fiscalYear),
      group: groupParam(c.query.group),
      scheme: schemeParam(c.query.scheme),
      unitCodes: unitCodesParam(c.query.unit),
      unitIds,
    });
    const { units: progress, overall } = summarize(matrix);
    c.body = {
      data: { units: matrix.units, items: matrix.items, cells: matrix.cells },
      meta: {
        fiscalYear: matrix.fiscalYear,
        today: matrix.today,
        progress,
        overall,
        // Organisation-wide viewer (monitor, administrator): the panel offers the ranking and
        // the monthly reports only then, instead of asking and being refused.
        central: unitIds === null,
      },
    };
  }),

  /** GET /compliance/cell?fiscalYear=2569&unit=ENG&item=O4 — one cell with every entry behind it. */
  cell: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const codes = unitCodesParam(c.query.unit);
    if (!codes || codes.length !== 1)
      throw new errors.ValidationError(
        'ระบุหน่วยงานหนึ่งหน่วย (unit) / unit must be one unit code',
      );
    const item = parseItemCode(c.query.item);
    const matrix = await buildMatrix(
      strapi,
      {
        fiscalYear: fiscalYearParam(c.query.fiscalYear),
        unitCodes: codes,
        unitIds: await visibleUnitIds(strapi, c.state.user),
      },
      { entriesPerCell: Number.POSITIVE_INFINITY },
    );
    const cell = matrix.cells.find((x) => x.item === item);
    if (!cell)
      throw new errors.NotFoundError(
        `ไม่พบข้อ ${item} ของหน่วยงาน ${codes[0]} / No item ${item} for unit ${codes[0]}`,
      );
    c.body = {
      data: {
        unit: matrix.units[0],
        item: matrix.items.find((i) => i.code === item),
        cell,
      },
      meta: { fiscalYear: matrix.fiscalYear, today: matrix.today },
    };
  }),

  /** GET /compliance/history?fiscalYear=2569[&group=][&unit=] — completion month by month. */
  history: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const data = await loadMatrixData(strapi, {
      fiscalYear: fiscalYearParam(c.query.fiscalYear),
      group: groupParam(c.query.group),
      scheme: schemeParam(c.query.scheme),
      unitCodes: unitCodesParam(c.query.unit),
      unitIds: await visibleUnitIds(strapi, c.state.user),
    });
    c.body = { data: completionHistory(data, todayInBangkok()) };
  }),

  /**
   * GET /compliance/participation?fiscalYear=2569[&unit=ENG] — the inbox per unit for the fiscal
   * year: received, answered, rejected, open, overdue, median days to answer (docs/participation.md).
   * Unit staff see their own units; a unit of someone else's is 403.
   */
  participation: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const fiscalYear = fiscalYearParam(c.query.fiscalYear);
    const unitCodes = unitCodesParam(c.query.unit);
    const unitIds = await visibleUnitIds(strapi, c.state.user);
    const { start, end } = fiscalYearRange(fiscalYear);
    const figures = await participationFigures(strapi, {
      from: start,
      to: new Date(end.getTime() + 1),
      unitIds,
      unitCodes,
    });
    if (unitCodes && figures.units.length < new Set(unitCodes).size) {
      const found = new Set(figures.units.map((u) => u.unit));
      const missing = unitCodes.find((code) => !found.has(code));
      throw new errors.NotFoundError(
        `ไม่พบหน่วยงาน ${missing} ในขอบเขตของท่าน / No unit ${missing} in your scope`,
      );
    }
    c.body = { data: figures, meta: { fiscalYear, central: unitIds === null } };
  }),
});
