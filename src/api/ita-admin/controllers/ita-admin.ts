import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { carryOver } from '../../../compliance/carry-over';
import { elementsIssue, SCHEME_PATTERN, validateChecklistFile } from '../../../ita/checklist-file';
import {
  CHECKLIST_UID,
  exportChecklist,
  findChecklist,
  importChecklist,
  ITEM_UID,
  startFiscalYear,
} from '../../../ita/checklists';
import { parseFiscalYearParam } from '../../../ita/fiscal-year';
import { elementsOf } from '../../../workflow/elements';

type Ctx = {
  request: { body?: unknown };
  params?: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
};

const fail = (ctx: Ctx, status: number, message: string, details?: unknown) => {
  ctx.status = status;
  ctx.body = {
    data: null,
    error: {
      status,
      name:
        status === 404 ? 'NotFoundError' : status === 403 ? 'ForbiddenError' : 'ValidationError',
      message,
      details,
    },
  };
};

/** The fiscal year and scheme of a request, or the 400 message (one parser: `parseFiscalYearParam`). */
const yearAndScheme = (
  rawYear: unknown,
  rawScheme: unknown,
): { year: number; scheme: string } | { problem: string } => {
  let year: number;
  try {
    year = parseFiscalYearParam(rawYear);
  } catch (error) {
    if (error instanceof errors.ValidationError) return { problem: error.message };
    throw error;
  }
  if (typeof rawScheme !== 'string' || !rawScheme)
    return { problem: 'ต้องระบุชุดตัวชี้วัด (scheme) / scheme is required' };
  return { year, scheme: rawScheme };
};

/**
 * Checklist administration over the admin API (super admins, or roles given the checklist
 * content type): the same services as `npm run ita:import`, `ita:export` and `ita:start-year`.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async import(ctx: Ctx) {
    const check = validateChecklistFile(ctx.request.body);
    if (!check.ok) return fail(ctx, 400, 'Invalid checklist file', { errors: check.errors });
    const data = await importChecklist(strapi, check.value, { source: 'import' });
    // A list that starts (or replaces) a year takes the previous year's evidence with it.
    const carried = await carryOver(strapi, data.fiscalYear, { schemes: [data.scheme] });
    ctx.body = { data, meta: { carryOver: carried } };
  },
  async export(ctx: Ctx) {
    const input = yearAndScheme(ctx.query.fiscalYear, ctx.query.scheme);
    if ('problem' in input) return fail(ctx, 400, input.problem);
    const { year, scheme } = input;
    try {
      ctx.body = await exportChecklist(strapi, year, scheme);
    } catch (error) {
      if (error instanceof errors.NotFoundError) return fail(ctx, 404, error.message);
      throw error;
    }
  },
  /** Every checklist: fiscal year, scheme, status (official / provisional), newest first. */
  async checklists(ctx: Ctx) {
    const rows = (await strapi.db.query(CHECKLIST_UID).findMany({
      select: ['documentId', 'fiscalYear', 'scheme', 'status', 'title'],
      orderBy: [{ fiscalYear: 'desc' }, { scheme: 'asc' }, { status: 'asc' }],
    })) as Array<Record<string, unknown>>;
    ctx.body = { data: rows };
  },

  /** The items of one checklist with their evidence elements (the elements editor). */
  async items(ctx: Ctx) {
    const input = yearAndScheme(ctx.query.fiscalYear, ctx.query.scheme);
    if ('problem' in input) return fail(ctx, 400, input.problem);
    const { year, scheme } = input;
    const checklist = await findChecklist(strapi, year, scheme);
    if (!checklist)
      return fail(
        ctx,
        404,
        `ไม่พบชุดตัวชี้วัดปี ${year} (${scheme}) / No checklist for ${year} (${scheme})`,
      );
    const items = (await strapi.db.query(ITEM_UID).findMany({
      where: { checklist: { id: checklist.id } },
      select: ['documentId', 'code', 'titleTh', 'cadence', 'indicatorCode', 'elements', 'position'],
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    })) as Array<Record<string, unknown>>;
    ctx.body = {
      data: items.map((i) => ({ ...i, elements: elementsOf(i.elements) })),
      meta: {
        fiscalYear: checklist.fiscalYear,
        scheme: checklist.scheme,
        status: checklist.status,
        documentId: checklist.documentId,
      },
    };
  },

  /**
   * Replaces an item's evidence elements (administrators: the route needs update permission on
   * checklist items; the Document Service refuses unit-limited callers and checks the list).
   */
  async updateElements(ctx: Ctx) {
    const documentId = ctx.params?.documentId ?? '';
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const raw = typeof body === 'object' && body !== null ? body.elements : undefined;
    const elements = Array.isArray(raw)
      ? raw.map((e) => (typeof e === 'string' ? e.trim() : e))
      : raw;
    const issue = elementsIssue(elements);
    if (issue) return fail(ctx, 400, `${issue.th} / ${issue.en}`);
    const item = await strapi.db
      .query(ITEM_UID)
      .findOne({ where: { documentId }, select: ['id', 'code'] });
    if (!item)
      return fail(ctx, 404, `ไม่พบข้อตัวชี้วัดนี้ / No checklist item ${documentId.slice(0, 64)}`);
    try {
      const updated = (await strapi.documents(ITEM_UID).update({
        documentId,
        data: { elements: elements as string[] },
      } as never)) as { documentId: string; code: string; elements: unknown } | null;
      ctx.body = {
        data: {
          documentId,
          code: updated?.code ?? (item as { code: string }).code,
          elements: elementsOf(updated?.elements),
        },
      };
    } catch (error) {
      if (error instanceof errors.ForbiddenError) return fail(ctx, 403, (error as Error).message);
      if (error instanceof errors.ValidationError) return fail(ctx, 400, (error as Error).message);
      throw error;
    }
  },

  async startYear(ctx: Ctx) {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const input = yearAndScheme(body.fiscalYear, body.scheme);
    if ('problem' in input) return fail(ctx, 400, input.problem);
    const { year, scheme } = input;
    try {
      const data = await startFiscalYear(strapi, year, scheme);
      const carried = await carryOver(strapi, year, { schemes: [scheme] });
      ctx.body = { data, meta: { carryOver: carried } };
    } catch (error) {
      if (error instanceof errors.ValidationError) return fail(ctx, 400, error.message);
      throw error;
    }
  },
  /**
   * POST /ita/carry-over { fiscalYear, scheme? } — (re)runs the year rollover: links the
   * evidence of the previous year to the items of `fiscalYear`. Idempotent.
   */
  async carryOver(ctx: Ctx) {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    let year: number;
    try {
      year = parseFiscalYearParam(body.fiscalYear);
    } catch (error) {
      if (error instanceof errors.ValidationError) return fail(ctx, 400, error.message);
      throw error;
    }
    const scheme = body.scheme === undefined || body.scheme === '' ? null : body.scheme;
    if (scheme !== null && (typeof scheme !== 'string' || !SCHEME_PATTERN.test(scheme)))
      return fail(ctx, 400, 'ชุดตัวชี้วัดไม่ถูกต้อง / Invalid scheme');
    const data = await carryOver(strapi, year, { schemes: scheme ? [scheme] : null });
    if (!data.schemes.length)
      return fail(
        ctx,
        404,
        `ไม่มีชุดตัวชี้วัดของปีงบประมาณ ${year} และ ${year - 1} ให้ยกยอด / No checklist in both ${year - 1} and ${year} to carry over`,
      );
    ctx.body = { data };
  },
});
