import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validateChecklistFile } from '../../../ita/checklist-file';
import { exportChecklist, importChecklist, startFiscalYear } from '../../../ita/checklists';
import { parseFiscalYearParam } from '../../../ita/fiscal-year';

type Ctx = {
  request: { body?: unknown };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
};

const fail = (ctx: Ctx, status: number, message: string, details?: unknown) => {
  ctx.status = status;
  ctx.body = {
    data: null,
    error: { status, name: status === 404 ? 'NotFoundError' : 'ValidationError', message, details },
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
    ctx.body = { data: await importChecklist(strapi, check.value, { source: 'import' }) };
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
  async startYear(ctx: Ctx) {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const input = yearAndScheme(body.fiscalYear, body.scheme);
    if ('problem' in input) return fail(ctx, 400, input.problem);
    const { year, scheme } = input;
    try {
      ctx.body = { data: await startFiscalYear(strapi, year, scheme) };
    } catch (error) {
      if (error instanceof errors.ValidationError) return fail(ctx, 400, error.message);
      throw error;
    }
  },
});
