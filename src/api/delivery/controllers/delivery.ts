import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { itaLinksCsv, newsFeed, procurementCsv } from '../../../delivery/exports';
import {
  buildItaPage,
  parseItemCode,
  parseUnitCode,
  parseYearParam,
} from '../../../delivery/ita-page';
import { cmsBase } from '../../../delivery/links';
import { parseFiscalYearParam } from '../../../ita/fiscal-year';

/** Public endpoints for unit websites and assessors (docs/public-api.md). Thin: parse, build, send. */

const onlyParams = (ctx: Context, allowed: string[]) => {
  const extra = Object.keys(ctx.query).filter((k) => !allowed.includes(k));
  if (extra.length)
    throw new errors.ValidationError(
      `ไม่รู้จักพารามิเตอร์ ${extra.join(', ').slice(0, 80)} / Unknown query parameter ${extra.join(', ').slice(0, 80)}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}`,
    );
  for (const k of allowed) {
    const v = ctx.query[k];
    if (v !== undefined && typeof v !== 'string')
      throw new errors.ValidationError(`พารามิเตอร์ ${k} ไม่ถูกต้อง / Invalid ${k} parameter`);
  }
};

const base = (strapi: Core.Strapi, ctx: Context) => cmsBase(strapi, ctx.origin);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async itaPage(ctx: Context) {
    onlyParams(ctx, []);
    const page = await buildItaPage(strapi, {
      unitCode: parseUnitCode(ctx.params.unitCode),
      fiscalYear: parseYearParam(ctx.params.fiscalYear),
      base: base(strapi, ctx),
    });
    ctx.body = { data: page };
  },

  async itaItem(ctx: Context) {
    onlyParams(ctx, []);
    const { items, ...page } = await buildItaPage(strapi, {
      unitCode: parseUnitCode(ctx.params.unitCode),
      fiscalYear: parseYearParam(ctx.params.fiscalYear),
      onlyItem: parseItemCode(ctx.params.itemCode),
      base: base(strapi, ctx),
    });
    ctx.body = { data: { ...page, item: items[0] } };
  },

  async itaLinks(ctx: Context) {
    onlyParams(ctx, ['unit']);
    const raw = String(ctx.params.fiscalYear ?? '').replace(/\.csv$/i, '');
    const fiscalYear = parseYearParam(raw);
    const unitCode = ctx.query.unit ? parseUnitCode(ctx.query.unit) : null;
    const csv = await itaLinksCsv(strapi, { fiscalYear, unitCode, base: base(strapi, ctx) });
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="ita-links-${unitCode ?? 'all'}-${fiscalYear}.csv"`,
    );
    ctx.body = csv;
  },

  async newsFeed(ctx: Context) {
    onlyParams(ctx, []);
    const feed = String(ctx.params.feed ?? '');
    const format = feed === 'news.rss' ? 'rss' : feed === 'news.atom' ? 'atom' : null;
    if (!format)
      throw new errors.NotFoundError(
        `ไม่มีฟีด ${feed.slice(0, 40)} (มี news.rss และ news.atom) / No feed ${feed.slice(0, 40)}: use news.rss or news.atom`,
      );
    const b = base(strapi, ctx);
    const body = await newsFeed(strapi, {
      unitCode: parseUnitCode(ctx.params.unitCode),
      format,
      base: b,
      selfUrl: `${b}${ctx.path}`,
    });
    ctx.type =
      format === 'rss'
        ? 'application/rss+xml; charset=utf-8'
        : 'application/atom+xml; charset=utf-8';
    ctx.body = body;
  },

  async procurement(ctx: Context) {
    onlyParams(ctx, ['fiscalYear']);
    if (ctx.params.file !== 'procurement-summaries.csv')
      throw new errors.NotFoundError(
        `ไม่มีไฟล์ ${String(ctx.params.file).slice(0, 40)} / No export ${String(ctx.params.file).slice(0, 40)}: use procurement-summaries.csv`,
      );
    const unitCode = parseUnitCode(ctx.params.unitCode);
    const fiscalYear = parseFiscalYearParam(ctx.query.fiscalYear, () => null);
    const csv = await procurementCsv(strapi, { unitCode, fiscalYear });
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="procurement-${unitCode}${fiscalYear ? `-${fiscalYear}` : ''}.csv"`,
    );
    ctx.body = csv;
  },
});
