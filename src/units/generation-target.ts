import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../ita/fiscal-year';
import { bad } from '../participation/validate';
import { readableUnits, scopeOfAdmin, writableUnits } from './scope';

/**
 * What the admin routes that generate a unit's document for a fiscal year share
 * (POST /integrity/documents, POST /participation/statistics-report): the `unit` and `fiscalYear`
 * of the body, checked with one Thai/English message each, and the unit resolved for a caller who
 * may write its evidence.
 */
export type TargetUnit = { id: number; documentId: string; code: string; nameTh: string };

const UNIT_UID = 'api::unit.unit';

export const readUnitAndYear = (body: Record<string, unknown>) => {
  if (typeof body.unit !== 'string' || !/^[A-Za-z0-9_-]{2,20}$/.test(body.unit))
    throw bad('รหัสหน่วยงานไม่ถูกต้อง', 'unit must be a unit code', 'unit');
  const fiscalYear = body.fiscalYear;
  if (
    typeof fiscalYear !== 'number' ||
    !Number.isInteger(fiscalYear) ||
    fiscalYear < MIN_FISCAL_YEAR ||
    fiscalYear > MAX_FISCAL_YEAR
  )
    throw bad(
      'ปีงบประมาณต้องเป็นปี พ.ศ. (ตัวเลข)',
      `fiscalYear must be a Buddhist-Era year (${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR})`,
      'fiscalYear',
    );
  return { unit: body.unit, fiscalYear };
};

/**
 * The unit `code` names, for an admin who may write its evidence (its editors and approvers, or
 * an unrestricted admin). A unit the caller may not even read does not exist for them (404);
 * one they only read is a 403.
 */
export const unitWritableBy = async (
  strapi: Core.Strapi,
  user: { id: number },
  code: string,
): Promise<TargetUnit> => {
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: { code: code.toUpperCase() },
    select: ['id', 'documentId', 'code', 'nameTh'],
  })) as TargetUnit | null;
  const notFound = new errors.NotFoundError(`ไม่พบหน่วยงาน ${code} / No unit ${code}`);
  if (!unit) throw notFound;
  const scope = await scopeOfAdmin(strapi, user);
  if (!scope.unrestricted && !writableUnits(scope).includes(unit.id)) {
    if (!scope.readAll && !readableUnits(scope).includes(unit.id)) throw notFound;
    throw new errors.ForbiddenError(
      'เฉพาะบรรณาธิการหรือผู้อนุมัติของหน่วยงานนี้ / Only the unit’s editors or approvers',
    );
  }
  return unit;
};

/** The 409 of a generated document whose entry is already in the workflow (Thai / English). */
export const answerConflict = (ctx: Context, th: string, en: string) => {
  ctx.status = 409;
  ctx.body = {
    data: null,
    error: { status: 409, name: 'ConflictError', message: `${th} / ${en}`, details: {} },
  };
};

export type DraftReport = {
  documentId: string;
  workflowState: string | null;
  attachments?: Array<{ id: number; name: string }> | null;
};

/** The draft version of the generated report matching `where` (title, unit, kind), if any. */
export const draftReportOf = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
): Promise<DraftReport | null> =>
  (await strapi.db.query('api::report.report').findOne({
    where: { ...where, publishedAt: { $null: true } },
    select: ['id', 'documentId', 'workflowState'],
    populate: { attachments: { select: ['id', 'name'] } },
  })) as DraftReport | null;
