import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { requireCentral } from '../../../compliance/access';
import { fiscalYearParam, groupParam, handle } from '../../../compliance/http';
import {
  computeRanking,
  getCriteria,
  rankingCsv,
  rankingXlsx,
  setCriteria,
} from '../../../compliance/ranking';

type AdminCtx = Context & {
  state: { user?: { id: number; email?: string } };
  request: Context['request'] & { body?: unknown };
};

/** The website contest ranking over HTTP (docs/compliance.md): central monitors and administrators. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ranking = async (c: AdminCtx) => {
    await requireCentral(strapi, c.state.user);
    const fiscalYear = fiscalYearParam(c.query.fiscalYear);
    const result = await computeRanking(strapi, { fiscalYear, group: groupParam(c.query.group) });
    return { fiscalYear, ...result };
  };
  const fileName = (fiscalYear: number, group: unknown, ext: string) =>
    `ranking-${fiscalYear}${typeof group === 'string' && group ? `-${group}` : ''}.${ext}`;

  return {
    /** GET /compliance/ranking?fiscalYear=2569[&group=faculty] */
    ranking: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const r = await ranking(c);
      c.body = {
        data: r.rows,
        meta: {
          fiscalYear: r.fiscalYear,
          today: r.today,
          criteria: r.criteria,
          unranked: r.unranked,
        },
      };
    }),

    /** GET /compliance/ranking/csv?fiscalYear=&group= */
    csv: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const r = await ranking(c);
      c.type = 'text/csv; charset=utf-8';
      c.set(
        'Content-Disposition',
        `attachment; filename="${fileName(r.fiscalYear, c.query.group, 'csv')}"`,
      );
      c.body = rankingCsv(r.rows);
    }),

    /** GET /compliance/ranking/xlsx?fiscalYear=&group= — one sheet per group. */
    xlsx: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const r = await ranking(c);
      c.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      c.set(
        'Content-Disposition',
        `attachment; filename="${fileName(r.fiscalYear, c.query.group, 'xlsx')}"`,
      );
      c.body = await rankingXlsx(r.rows, r);
    }),

    /** GET /compliance/ranking/criteria */
    criteria: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      await requireCentral(strapi, c.state.user);
      c.body = { data: await getCriteria(strapi) };
    }),

    /** PUT /compliance/ranking/criteria { weights: { completeness, timeliness, freshness }, freshness?: { mode, days } } */
    setCriteria: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      await requireCentral(strapi, c.state.user);
      c.body = {
        data: await setCriteria(strapi, c.request.body, c.state.user?.email ?? null),
      };
    }),
  };
};
