import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { bilingual } from '../disclosures/guard';
import { readToOne } from '../disclosures/relations';
import { filesOutsideUnit, withoutMediaScope } from '../units/media';
import { currentScope } from '../units/scope';
import { fiscalMonthIndex, isFiscalMonth, type FiscalMonth } from './months';
import {
  MEASURES_KIND,
  PLAN_UID,
  PROGRESS_STATUSES,
  PROGRESS_UID,
  periodsOf,
  stepMonths,
  type ProgressStatus,
} from './plan';

/**
 * The rules of a progress row (docs/integrity-measures.md, "Progress"), on the Document Service so
 * the Content Manager, REST, scripts and POST /integrity/progress all obey them: the plan exists
 * and is a measures plan; the row's fiscal year comes from the plan and its unit must be the
 * plan's; the step is one of the plan's; the period is one of the plan's reporting periods and not
 * before the step starts; per cent is an integer 0–100 (done ⇒ 100); one row per
 * (plan, step, period).
 */

type Ctx = Modules.Documents.Middleware.Context;
type Data = Record<string, unknown>;

const MONTH_TH: Record<FiscalMonth, string> = {
  oct: 'ตุลาคม',
  nov: 'พฤศจิกายน',
  dec: 'ธันวาคม',
  jan: 'มกราคม',
  feb: 'กุมภาพันธ์',
  mar: 'มีนาคม',
  apr: 'เมษายน',
  may: 'พฤษภาคม',
  jun: 'มิถุนายน',
  jul: 'กรกฎาคม',
  aug: 'สิงหาคม',
  sep: 'กันยายน',
};
export const monthTh = (m: FiscalMonth) => MONTH_TH[m];

export type PlanForProgress = {
  id: number;
  documentId: string;
  kind: string;
  fiscalYear: number;
  progressCadence: string | null;
  unitRef: number | null;
  unit: { id: number; code: string; nameTh: string } | null;
  measures: Array<{
    startMonth?: string | null;
    endMonth?: string | null;
    steps?: Array<{ key?: string | null; startMonth?: string | null; endMonth?: string | null }>;
  }> | null;
};

/** The draft (latest) version of a plan by documentId, with what the rules need; null if none. */
export const findPlanForProgress = async (
  strapi: Core.Strapi,
  documentId: string,
): Promise<PlanForProgress | null> =>
  (await strapi.db.query(PLAN_UID).findOne({
    where: { documentId, publishedAt: { $null: true } },
    select: ['id', 'documentId', 'kind', 'fiscalYear', 'progressCadence', 'unitRef'],
    populate: {
      unit: { select: ['id', 'code', 'nameTh'] },
      measures: {
        select: ['id', 'startMonth', 'endMonth'],
        populate: { steps: { select: ['id', 'key', 'startMonth', 'endMonth'] } },
      },
    },
  })) as PlanForProgress | null;

export const planUnitId = (plan: PlanForProgress) => plan.unit?.id ?? plan.unitRef ?? null;

const str = (v: unknown, field: string, max: number, th: string) => {
  if (typeof v !== 'string' || v.trim() === '' || v.length > max)
    throw bilingual(`${th}ไม่ถูกต้อง`, `${field} must be a non-empty string`, field);
  return v;
};

/** Per cent as given (a number or digit string) → integer 0–100, else a 400. */
export const readPercent = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,3}$/.test(v) ? +v : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 100)
    throw bilingual(
      'ร้อยละความก้าวหน้าต้องเป็นจำนวนเต็ม 0 ถึง 100',
      'percent must be an integer from 0 to 100',
      'percent',
    );
  return n;
};

export const readStatus = (v: unknown): ProgressStatus => {
  if (typeof v !== 'string' || !(PROGRESS_STATUSES as readonly string[]).includes(v))
    throw bilingual(
      'สถานะต้องเป็น ยังไม่เริ่ม กำลังดำเนินการ ดำเนินการแล้วเสร็จ หรือยกเลิก',
      `status must be one of ${PROGRESS_STATUSES.join(', ')}`,
      'status',
    );
  return v as ProgressStatus;
};

/**
 * Checks a (plan, step, period) against the plan: the step exists, the period is one of the
 * plan's reporting periods and not before the step starts. Throws 400s.
 */
export const checkStepAndPeriod = (plan: PlanForProgress, stepKey: string, period: unknown) => {
  let found: { startMonth: FiscalMonth; endMonth: FiscalMonth } | null = null;
  for (const m of plan.measures ?? [])
    for (const s of m.steps ?? []) if (s.key === stepKey) found = stepMonths(s, m);
  if (!found)
    throw bilingual(
      `ไม่พบขั้นตอน "${stepKey.slice(0, 40)}" ในแผนมาตรการนี้`,
      `No step "${stepKey.slice(0, 40)}" in this measures plan`,
      'stepKey',
    );
  const periods = periodsOf(plan.progressCadence);
  if (!isFiscalMonth(period) || !periods.includes(period))
    throw bilingual(
      `รอบรายงานต้องเป็นเดือน ${periods.map(monthTh).join(' ')} ตามที่แผนกำหนด`,
      `period must be one of the plan's reporting periods: ${periods.join(', ')}`,
      'period',
    );
  if (fiscalMonthIndex(period) < fiscalMonthIndex(found.startMonth))
    throw bilingual(
      `ขั้นตอนนี้เริ่มเดือน${monthTh(found.startMonth)} รายงานรอบเดือน${monthTh(period)}ไม่ได้`,
      `The step starts in ${found.startMonth}: no report for the period ${period}`,
      'period',
    );
  return found;
};

type StoredRow = {
  id: number;
  documentId: string;
  planDocumentId: string;
  stepKey: string;
  period: string;
  progressStatus: string;
  percent: number | null;
  unitRef: number | null;
};

const unitIdOfRef = async (strapi: Core.Strapi, ref: { id?: number; documentId?: string }) => {
  if (ref.id !== undefined) return ref.id;
  const row = (await strapi.db
    .query('api::unit.unit')
    .findOne({ where: { documentId: ref.documentId }, select: ['id'] })) as { id: number } | null;
  return row?.id ?? null;
};

/** Validates (and completes) the data of a create or update; throws 400s. Returns the plan's unit. */
const enforce = async (strapi: Core.Strapi, ctx: Ctx): Promise<number | null> => {
  const params = ctx.params as { data?: Data; documentId?: string };
  const data = (params.data ??= {});
  let stored: StoredRow | null = null;
  if (ctx.action === 'update') {
    stored = (await strapi.db.query(PROGRESS_UID).findOne({
      where: { documentId: params.documentId },
      select: [
        'id',
        'documentId',
        'planDocumentId',
        'stepKey',
        'period',
        'progressStatus',
        'percent',
        'unitRef',
      ],
    })) as StoredRow | null;
    if (!stored) return null; // Strapi answers 404
  }
  const pick = (k: keyof StoredRow) => (k in data ? data[k] : stored?.[k]);

  const planDocumentId = str(pick('planDocumentId'), 'planDocumentId', 64, 'แผนมาตรการ');
  const stepKey = str(pick('stepKey'), 'stepKey', 40, 'ขั้นตอน');
  const plan = await findPlanForProgress(strapi, planDocumentId);
  if (!plan || plan.kind !== MEASURES_KIND)
    throw bilingual(
      'ไม่พบแผนมาตรการส่งเสริมคุณธรรมและความโปร่งใสที่ระบุ',
      'No integrity measures plan with this planDocumentId',
      'planDocumentId',
    );
  const unitId = planUnitId(plan);
  // The unit is the plan's: a row naming another unit (or moved to one) is refused.
  const change = readToOne(data.unit);
  const rowUnit =
    change.kind === 'set'
      ? await unitIdOfRef(strapi, change.ref)
      : change.kind === 'absent'
        ? (stored?.unitRef ?? null)
        : null;
  if (rowUnit !== unitId)
    throw bilingual(
      'หน่วยงานของรายงานความก้าวหน้าต้องเป็นหน่วยงานเจ้าของแผนมาตรการ',
      "The progress row's unit must be the measures plan's unit",
      'unit',
    );
  data.fiscalYear = plan.fiscalYear;

  const period = pick('period');
  checkStepAndPeriod(plan, stepKey, period);
  const status = readStatus(pick('progressStatus') ?? 'not_started');
  data.progressStatus = status;
  const percent = pick('percent');
  data.percent =
    status === 'done' ? 100 : percent === undefined || percent === null ? 0 : readPercent(percent);

  const twin = (await strapi.db.query(PROGRESS_UID).findOne({
    where: {
      planDocumentId,
      stepKey,
      period,
      ...(stored ? { documentId: { $ne: stored.documentId } } : {}),
    },
    select: ['id'],
  })) as { id: number } | null;
  if (twin)
    throw bilingual(
      `มีรายงานความก้าวหน้าของขั้นตอนนี้ในรอบเดือน${monthTh(period as FiscalMonth)}แล้ว`,
      'A progress row for this step and period already exists',
      'period',
    );
  return unitId;
};

/** The evidence file ids of a stored progress row (every file, not the caller's view). */
const evidenceOf = async (strapi: Core.Strapi, documentId: string | undefined) => {
  if (!documentId) return [];
  const row = (await withoutMediaScope(() =>
    strapi.db.query(PROGRESS_UID).findOne({
      where: { documentId },
      select: ['id'],
      populate: { evidence: { select: ['id'] } },
    }),
  )) as { evidence?: Array<{ id: number }> | null } | null;
  return (row?.evidence ?? []).map((f) => Number(f.id));
};

/**
 * A caller limited to some units attaches as evidence only files of the plan's unit's Media
 * Library folder: not another unit's file they happen to see too (a person in two units, a
 * central monitor who also edits a unit), nor a file outside every unit. Checked on what is
 * stored after the write (any relation syntax), for the files it added, inside the write's
 * transaction, so a refusal changes nothing. Files already attached stay as they are.
 */
const withEvidenceCheck = async (
  strapi: Core.Strapi,
  ctx: Ctx,
  unitId: number | null,
  next: () => Promise<unknown>,
): Promise<unknown> => {
  const params = ctx.params as { data?: Data; documentId?: string };
  if (unitId === null || !params.data || !('evidence' in params.data)) return next();
  if (!(await currentScope(strapi))) return next();
  return strapi.db.transaction(async () => {
    const before = new Set(
      ctx.action === 'update' ? await evidenceOf(strapi, params.documentId) : [],
    );
    const result = await next();
    const documentId = (result as { documentId?: string } | null)?.documentId ?? params.documentId;
    const added = (await evidenceOf(strapi, documentId)).filter((id) => !before.has(id));
    if ((await filesOutsideUnit(strapi, unitId, added)).length)
      throw bilingual(
        'ไฟล์หลักฐานต้องเป็นไฟล์ในโฟลเดอร์ของหน่วยงานเจ้าของแผนมาตรการ',
        "Evidence files must be in the measures plan's unit's Media Library folder",
        'evidence',
      );
    return result;
  });
};

export const registerProgressRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx: Ctx, next) => {
    if ((ctx.uid as string) !== PROGRESS_UID) return next();
    if (ctx.action === 'clone')
      throw bilingual(
        'ทำสำเนารายงานความก้าวหน้าไม่ได้ (หนึ่งรายงานต่อขั้นตอนต่อรอบ)',
        'Progress rows cannot be cloned (one row per step and period)',
      );
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const unitId = await enforce(strapi, ctx);
    return (await withEvidenceCheck(strapi, ctx, unitId, async () => next())) as Awaited<
      ReturnType<typeof next>
    >;
  });
};

// ---------------------------------------------------------------------------------------------
// POST /integrity/progress
// ---------------------------------------------------------------------------------------------

export type ProgressInput = {
  plan: string;
  step: string;
  period: FiscalMonth;
  status: ProgressStatus;
  percent: number;
  done: string | null;
  problems: string | null;
  evidence: number[] | undefined;
};

const ALLOWED = ['plan', 'step', 'period', 'status', 'percent', 'done', 'problems', 'evidence'];
const DOC_ID = /^[A-Za-z0-9]{1,64}$/;

const text = (v: unknown, field: string, th: string): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' || v.length > 4000)
    throw bilingual(
      `${th}ต้องเป็นข้อความไม่เกิน 4,000 ตัวอักษร`,
      `${field} must be text of at most 4000 characters`,
      field,
    );
  return v;
};

/** Reads the body of POST /integrity/progress; 400 for anything malformed. */
export const readProgressInput = (body: unknown): ProgressInput => {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new errors.ValidationError(
      'ข้อมูลที่ส่งต้องเป็นออบเจกต์ JSON / Body must be a JSON object',
    );
  const b = body as Data;
  const extra = Object.keys(b).filter((k) => !ALLOWED.includes(k));
  if (extra.length)
    throw new errors.ValidationError(
      `ไม่รู้จักช่อง ${extra.join(', ').slice(0, 80)} / Unknown field ${extra.join(', ').slice(0, 80)} (allowed: ${ALLOWED.join(', ')})`,
    );
  if (typeof b.plan !== 'string' || !DOC_ID.test(b.plan))
    throw bilingual('ระบุแผนมาตรการ (plan) ไม่ถูกต้อง', 'plan must be a plan documentId', 'plan');
  if (typeof b.step !== 'string' || !/^[a-z0-9]{1,40}$/.test(b.step))
    throw bilingual('ระบุขั้นตอน (step) ไม่ถูกต้อง', 'step must be a step key', 'step');
  if (!isFiscalMonth(b.period))
    throw bilingual(
      'รอบรายงาน (period) ต้องเป็นเดือน oct ถึง sep',
      'period must be a month oct … sep',
      'period',
    );
  const status = readStatus(b.status);
  const percent = status === 'done' && b.percent === undefined ? 100 : readPercent(b.percent);
  let evidence: number[] | undefined;
  if (b.evidence !== undefined && b.evidence !== null) {
    if (
      !Array.isArray(b.evidence) ||
      b.evidence.length > 50 ||
      !b.evidence.every((x) => Number.isInteger(x) && (x as number) > 0)
    )
      throw bilingual(
        'หลักฐาน (evidence) ต้องเป็นรายการรหัสไฟล์',
        'evidence must be a list of file ids',
        'evidence',
      );
    evidence = [...new Set(b.evidence as number[])];
  }
  return {
    plan: b.plan,
    step: b.step,
    period: b.period,
    status,
    percent,
    done: text(b.done, 'done', 'สิ่งที่ดำเนินการ'),
    problems: text(b.problems, 'problems', 'ปัญหา/อุปสรรค'),
    evidence,
  };
};

/**
 * Creates or updates the (plan, step, period) row through the Document Service (so the unit
 * guard and the rules above apply) in one transaction. Returns the row.
 */
export const upsertProgress = async (
  strapi: Core.Strapi,
  plan: PlanForProgress,
  input: ProgressInput,
) => {
  if (input.evidence?.length) {
    const files = (await strapi.db
      .query('plugin::upload.file')
      .findMany({ where: { id: { $in: input.evidence } }, select: ['id'] })) as Array<{
      id: number;
    }>;
    if (files.length !== input.evidence.length)
      throw bilingual('ไม่พบไฟล์หลักฐานบางไฟล์', 'Some evidence files do not exist', 'evidence');
  }
  const uid = PROGRESS_UID as UID.ContentType;
  return strapi.db.transaction(async () => {
    const existing = (await strapi.db.query(PROGRESS_UID).findOne({
      where: { planDocumentId: plan.documentId, stepKey: input.step, period: input.period },
      select: ['documentId'],
    })) as { documentId: string } | null;
    const data = {
      unit: { id: planUnitId(plan) },
      planDocumentId: plan.documentId,
      stepKey: input.step,
      period: input.period,
      progressStatus: input.status,
      percent: input.percent,
      done: input.done,
      problems: input.problems,
      ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
    };
    const populate = { evidence: { fields: ['id', 'name', 'url'] } } as never;
    const row = existing
      ? await strapi
          .documents(uid)
          .update({ documentId: existing.documentId, data: data as never, populate })
      : await strapi.documents(uid).create({ data: data as never, populate });
    return { row: row as unknown as Data, created: !existing };
  });
};
