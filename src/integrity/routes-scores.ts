import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { handle } from '../compliance/http';
import { bilingual } from '../disclosures/guard';
import { UNIT_UID } from '../disclosures/types';
import { readableUnits, scopeOfAdmin, writableUnits } from '../units/scope';
import { parseScoreYear, scoresOf, scoreTarget, type ScoreUnit } from './scores';

/**
 * The scores admin routes (prefix /integrity, admin JWT, unit-scoped):
 * - GET  /integrity/scores?unit=CODE&fiscalYear=Y — years Y−2..Y side by side, the proposals;
 * - POST /integrity/plan/from-scores { unit, fiscalYear, scoresYear? } — a draft measures plan
 *   with one measure per proposal of scoresYear (default Y−1).
 */

const PLAN = 'api::plan.plan' as UID.ContentType;
type AdminUser = { id: number; email?: string };
type AdminCtx = Context & {
  state: { user?: AdminUser };
  request: Context['request'] & { body?: unknown };
};

export const PLAN_STEP_TEXT = 'วิเคราะห์ผลและกำหนดแนวทางปรับปรุง';

export const planTitle = (fiscalYear: number, unitNameTh: string) =>
  `มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${fiscalYear} (${unitNameTh})`;

const unitParam = (raw: unknown): string => {
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{1,20}$/.test(raw.trim()))
    throw bilingual('ต้องระบุรหัสหน่วยงาน (unit) ให้ถูกต้อง', 'unit must be a unit code', 'unit');
  return raw.trim().toUpperCase();
};

const yearParam = (raw: unknown, field: string): number => {
  const year = raw === undefined || raw === null || raw === '' ? null : parseScoreYear(raw);
  if (year === null)
    throw bilingual(
      `${field} ต้องเป็นปีงบประมาณ พ.ศ. (ได้รับ "${String(raw ?? '')}")`,
      `${field} must be a Buddhist-Era fiscal year, got "${String(raw ?? '')}"`,
      field,
    );
  return year;
};

/**
 * The unit by code for this caller: 404 when it does not exist or the caller cannot read it;
 * 403 when `write` and the caller may read but not create in it.
 */
const unitFor = async (
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  code: string,
  write: boolean,
): Promise<ScoreUnit> => {
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: { code },
    select: ['id', 'documentId', 'code', 'nameTh'],
  })) as ScoreUnit | null;
  const notFound = new errors.NotFoundError(`ไม่พบหน่วยงาน ${code} / Unit ${code} does not exist`);
  if (!unit) throw notFound;
  const scope = await scopeOfAdmin(strapi, user);
  if (scope.unrestricted) return unit;
  const readable = scope.readAll || readableUnits(scope).includes(unit.id);
  if (!readable) throw notFound;
  if (write && !writableUnits(scope).includes(unit.id))
    throw new errors.ForbiddenError(
      'เฉพาะบรรณาธิการหรือผู้อนุมัติของหน่วยงานนี้ / Only the unit’s editors or approvers',
    );
  return unit;
};

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The draft measures plan built from the low indicators of `scoresYear`. */
export const planFromScores = async (
  strapi: Core.Strapi,
  unit: ScoreUnit,
  fiscalYear: number,
  scoresYear: number,
): Promise<
  { conflict: string } | { documentId: string; measures: Array<Record<string, unknown>> }
> => {
  const existing = (await strapi.db.query(PLAN).findOne({
    where: { unitRef: unit.id, fiscalYear, kind: 'integrity_measures' },
    select: ['documentId'],
  })) as { documentId: string } | null;
  if (existing)
    return {
      conflict: `หน่วยงาน ${unit.code} มีแผนมาตรการส่งเสริมคุณธรรมและความโปร่งใสปีงบประมาณ ${fiscalYear} อยู่แล้ว (${existing.documentId}) / Unit ${unit.code} already has an integrity-measures plan for fiscal year ${fiscalYear} (${existing.documentId})`,
    };
  const view = await scoresOf(strapi, unit, scoresYear);
  if (!view.indicators.some((i) => i.scores[String(scoresYear)] !== undefined))
    throw bilingual(
      `หน่วยงาน ${unit.code} ยังไม่มีผลคะแนน ITA ปีงบประมาณ ${scoresYear}`,
      `Unit ${unit.code} has no ITA scores for fiscal year ${scoresYear}`,
      'scoresYear',
    );
  if (!view.proposals.length)
    throw bilingual(
      `ไม่มีตัวชี้วัดที่ต่ำกว่าเป้าหมาย ${fmt(view.target)} ในปีงบประมาณ ${scoresYear} จึงไม่มีประเด็นที่จะเสนอ`,
      `No indicator of fiscal year ${scoresYear} is below the target ${fmt(view.target)}: nothing to propose`,
      'scoresYear',
    );
  const target = fmt(view.target);
  const measures = view.proposals.map((p, i) => {
    const name = p.name ?? p.code;
    return {
      issueNo: i + 1,
      issue: name,
      indicatorCode: p.code,
      measure: `ยกระดับผลการดำเนินงานตามตัวชี้วัด ${name} (ผลปี ${scoresYear}: ${fmt(p.score)}) ให้ถึงเป้าหมาย ${target}`,
      target: `คะแนนไม่ต่ำกว่า ${target}`,
      startMonth: 'oct',
      endMonth: 'sep',
      steps: [{ text: PLAN_STEP_TEXT, startMonth: 'oct', endMonth: 'nov' }],
    };
  });
  // Through the Document Service: the unit guard, the disclosure rules (checklist items
  // suggested from the kind), the workflow and the step keys all apply.
  const created = (await strapi.documents(PLAN).create({
    data: {
      title: planTitle(fiscalYear, unit.nameTh),
      kind: 'integrity_measures',
      fiscalYear,
      unit: unit.documentId,
      progressCadence: 'half_year',
      measures,
    } as never,
    populate: { measures: { populate: { steps: true } } } as never,
  })) as unknown as {
    documentId: string;
    measures?: Array<Record<string, unknown> & { steps?: Array<Record<string, unknown>> }>;
  };
  const out = (created.measures ?? []).map((m) => ({
    issueNo: m.issueNo,
    issue: m.issue,
    indicatorCode: m.indicatorCode,
    measure: m.measure,
    target: m.target,
    startMonth: m.startMonth,
    endMonth: m.endMonth,
    steps: (m.steps ?? []).map((s) => ({
      key: s.key,
      text: s.text,
      startMonth: s.startMonth,
      endMonth: s.endMonth,
    })),
  }));
  return { documentId: created.documentId, measures: out };
};

export const scoreRoutes = (strapi: Core.Strapi) => [
  {
    method: 'GET',
    path: '/scores',
    handler: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const code = unitParam(c.query.unit);
      const fiscalYear = yearParam(c.query.fiscalYear, 'fiscalYear');
      const unit = await unitFor(strapi, c.state.user, code, false);
      c.body = { data: await scoresOf(strapi, unit, fiscalYear) };
    }),
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
  {
    method: 'POST',
    path: '/plan/from-scores',
    handler: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const body = (c.request.body ?? {}) as Record<string, unknown>;
      const code = unitParam(body.unit);
      const fiscalYear = yearParam(body.fiscalYear, 'fiscalYear');
      const scoresYear =
        body.scoresYear === undefined || body.scoresYear === null || body.scoresYear === ''
          ? fiscalYear - 1
          : yearParam(body.scoresYear, 'scoresYear');
      const unit = await unitFor(strapi, c.state.user, code, true);
      const result = await planFromScores(strapi, unit, fiscalYear, scoresYear);
      if ('conflict' in result) {
        c.status = 409;
        c.body = {
          data: null,
          error: { status: 409, name: 'ConflictError', message: result.conflict },
        };
        return;
      }
      c.status = 201;
      c.body = { data: result, meta: { target: scoreTarget(), scoresYear } };
    }),
    config: { policies: ['admin::isAuthenticatedAdmin'] },
  },
];

/** Registers the routes above (called from src/integrity/index.ts at register). */
export const registerScoreRoutes = (strapi: Core.Strapi) =>
  strapi.server.routes({
    type: 'admin',
    prefix: '/integrity',
    routes: scoreRoutes(strapi),
  } as never);
