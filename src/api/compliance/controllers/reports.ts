import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { requireCentral, visibleUnitIds } from '../../../compliance/access';
import { handle } from '../../../compliance/http';
import { reportFilename } from '../../../compliance/report/mail';
import { parsePeriod } from '../../../compliance/report/period';
import { pdfOptionsFrom, renderReportPdf } from '../../../compliance/report/pdf';
import {
  acknowledgeReport,
  generateMonthlyReport,
  listReports,
  ReportConflict,
  requireReport,
} from '../../../compliance/report/store';
import {
  findSubmissionUnit,
  submissionCsv,
  submissionRows,
  submissionXlsx,
} from '../../../compliance/report/submission';
import { reportCsv, reportXlsx } from '../../../compliance/report/tables';
import { parseFiscalYearParam } from '../../../ita/fiscal-year';
import { scopeOfAdmin } from '../../../units/scope';

type AdminUser = { id: number; email?: string; roles?: Array<{ code?: string }> };
type AdminCtx = Context & { state: { user?: AdminUser }; params: Record<string, string> };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `handle` plus the answer only reports give: 409 (already acknowledged). */
const guard = (fn: (ctx: AdminCtx) => Promise<void>) =>
  handle(async (ctx) => {
    try {
      await fn(ctx as AdminCtx);
    } catch (error) {
      const status = error instanceof ReportConflict ? 409 : 0;
      if (!status) throw error;
      const e = error as Error;
      ctx.status = status;
      ctx.body = { data: null, error: { status, name: e.name, message: e.message } };
    }
  });

const download = (ctx: AdminCtx, body: Buffer | string, type: string, filename: string) => {
  ctx.set('Content-Type', type);
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.set('Cache-Control', 'private, no-store');
  ctx.body = body;
};

/** `?fiscalYear=` as a filter: absent = every year. */
const fiscalYearFilter = (raw: unknown): number | null => parseFiscalYearParam(raw, () => null);

/** Monthly monitoring reports and the ITA submission export (docs/compliance.md). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The stored report of `:period`, after checking the caller and the period. */
  const stored = async (ctx: AdminCtx) => {
    await requireCentral(strapi, ctx.state.user);
    const period = parsePeriod(ctx.params.period);
    return requireReport(strapi, period.period);
  };

  return {
    /** GET /compliance/reports?fiscalYear=2569 */
    list: guard(async (ctx) => {
      await requireCentral(strapi, ctx.state.user);
      ctx.body = { data: await listReports(strapi, fiscalYearFilter(ctx.query.fiscalYear)) };
    }),

    /** GET /compliance/reports/:period — the stored report: summary and rows. */
    findOne: guard(async (ctx) => {
      const { summary, ...row } = await stored(ctx);
      const { rows, ...numbers } = summary;
      ctx.body = { data: { ...row, summary: numbers, rows } };
    }),

    /** GET /compliance/reports/:period/pdf?digits=thai — figures in Thai digits (๐–๙). */
    pdf: guard(async (ctx) => {
      const row = await stored(ctx);
      const options = pdfOptionsFrom(ctx.query.digits);
      download(
        ctx,
        await renderReportPdf(row.summary, options),
        'application/pdf',
        reportFilename(row.period, 'pdf'),
      );
    }),

    xlsx: guard(async (ctx) => {
      const row = await stored(ctx);
      download(ctx, await reportXlsx(row.summary), XLSX, reportFilename(row.period, 'xlsx'));
    }),

    csv: guard(async (ctx) => {
      const row = await stored(ctx);
      download(
        ctx,
        reportCsv(row.summary),
        'text/csv; charset=utf-8',
        reportFilename(row.period, 'csv'),
      );
    }),

    /** POST /compliance/reports/:period/generate — builds (or rebuilds) and stores the report. */
    generate: guard(async (ctx) => {
      await requireCentral(strapi, ctx.state.user);
      const period = parsePeriod(ctx.params.period);
      const { summary, ...row } = await generateMonthlyReport(strapi, period);
      const { rows, ...numbers } = summary;
      ctx.status = 201;
      ctx.body = { data: { ...row, summary: numbers, rows } };
    }),

    /** POST /compliance/reports/:period/acknowledge { note } — the head of the organisation. */
    acknowledge: guard(async (ctx) => {
      const user = ctx.state.user;
      await requireCentral(strapi, user);
      const period = parsePeriod(ctx.params.period);
      const body = (ctx.request as unknown as { body?: { note?: unknown } }).body ?? {};
      if (body.note !== undefined && body.note !== null && typeof body.note !== 'string')
        throw new errors.ValidationError('note ต้องเป็นข้อความ / note must be a string');
      const note = typeof body.note === 'string' && body.note.trim() ? body.note.trim() : null;
      if (note && note.length > 2000)
        throw new errors.ValidationError('บันทึกยาวเกิน 2000 ตัวอักษร / note is too long');
      const scope = await scopeOfAdmin(strapi, user as AdminUser);
      const email =
        user?.email ??
        (
          (await strapi.db
            .query('admin::user')
            .findOne({ where: { id: user?.id }, select: ['email'] })) as { email?: string } | null
        )?.email ??
        null;
      const result = await acknowledgeReport(
        strapi,
        period,
        { id: (user as AdminUser).id, email, role: scope.unrestricted ? 'super-admin' : 'monitor' },
        note,
      );
      ctx.body = {
        data: {
          id: result.id,
          documentId: result.documentId,
          period: result.period,
          fiscalYear: result.fiscalYear,
          generatedAt: result.generatedAt,
          acknowledgedAt: result.acknowledgedAt,
          acknowledgedBy: result.acknowledgedBy,
          acknowledgementNote: result.acknowledgementNote,
        },
        meta: { event: { id: result.event.id, hash: result.event.hash } },
      };
    }),

    /** GET /compliance/submission/:unitCode/:fiscalYear/csv|xlsx — unit staff: their own units. */
    submission: guard(async (ctx) => {
      const format = ctx.params.format;
      const visible = await visibleUnitIds(strapi, ctx.state.user);
      const fiscalYear = parseFiscalYearParam(ctx.params.fiscalYear);
      const unit = await findSubmissionUnit(strapi, ctx.params.unitCode);
      if (visible && !visible.includes(unit.id))
        throw new errors.ForbiddenError(
          'ส่งออกได้เฉพาะหน่วยงานของท่าน / You may export your own units only',
        );
      const rows = await submissionRows(strapi, unit, fiscalYear);
      const name = `ita-submission-${unit.code}-${fiscalYear}`;
      if (format === 'xlsx')
        download(ctx, await submissionXlsx(unit, fiscalYear, rows), XLSX, `${name}.xlsx`);
      else download(ctx, submissionCsv(rows), 'text/csv; charset=utf-8', `${name}.csv`);
    }),
  };
};
