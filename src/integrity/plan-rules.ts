import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toArabicDigits } from '../common/thai';
import { isPlainClear, readToOne, type RelationRef } from '../disclosures/relations';
import { UNIT_UID } from '../disclosures/types';
import { fiscalMonthIndex, isFiscalMonth, type FiscalMonth } from './months';
import { PLAN_UID } from './plan-keys';
import { resolveWorkGroups } from './work-groups';

/**
 * Rules of the measures of a plan (issue 14), on every write path of `api::plan.plan` (Content
 * Manager, REST, the admin routes, the CLI import, scripts): a Document Service middleware.
 *
 * - `measures` only on a plan of kind `integrity_measures`;
 * - per measure: `issue` and `measure` not empty (trimmed), `issueNo` defaults to the position,
 *   `startMonth` not after `endMonth` in fiscal order (October first);
 * - per step: `text` not empty (trimmed); a missing start or end month is the measure's; start
 *   not after end;
 * - at most MAX_MEASURES measures and MAX_STEPS steps per measure;
 * - a measure's or step's `workGroup` is a work group of the plan's own unit.
 *
 * A refusal is a 400 (ValidationError) whose message names the measure and the step, in Thai and
 * English; `details.errors` lists every problem with its path (measures.1.steps.2.startMonth).
 */

export const MAX_MEASURES = 100;
export const MAX_STEPS = 50;
export const MEASURES_KIND = 'integrity_measures';

type Ctx = Modules.Documents.Middleware.Context;
type Data = Record<string, unknown>;
type Obj = Record<string, unknown>;
export type PlanProblem = { path: string[]; message: string };

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

const isBlank = (v: unknown) => v === undefined || v === null || v === '';
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "มาตรการที่ 2 ขั้นตอนที่ 3" / "measure 2 step 3". */
const where = (m: number, s?: number) => ({
  th: s === undefined ? `มาตรการที่ ${m}` : `มาตรการที่ ${m} ขั้นตอนที่ ${s}`,
  en: s === undefined ? `measure ${m}` : `measure ${m} step ${s}`,
});

/**
 * Checks and normalises the measures of a payload in place (trims texts, fills issueNo and the
 * steps' missing months). Returns the problems (empty when valid) and the work-group references
 * with where they are.
 */
export const checkMeasures = (
  measures: unknown[],
): {
  problems: PlanProblem[];
  workGroups: Array<{ value: unknown; m: number; s?: number; path: string[] }>;
} => {
  const problems: PlanProblem[] = [];
  const workGroups: Array<{ value: unknown; m: number; s?: number; path: string[] }> = [];
  const add = (path: string[], m: number, s: number | undefined, th: string, en: string) => {
    const w = where(m, s);
    problems.push({ path, message: `${w.th}: ${th} / ${w.en}: ${en}` });
  };
  if (measures.length > MAX_MEASURES) {
    problems.push({
      path: ['measures'],
      message: `แผนหนึ่งมีมาตรการได้ไม่เกิน ${MAX_MEASURES} มาตรการ (มี ${measures.length}) / a plan has at most ${MAX_MEASURES} measures (got ${measures.length})`,
    });
    return { problems, workGroups };
  }
  const month = (
    obj: Obj,
    field: 'startMonth' | 'endMonth',
    path: string[],
    m: number,
    s?: number,
  ): FiscalMonth | null => {
    const v = obj[field];
    if (isBlank(v)) return null;
    if (isFiscalMonth(v)) return v;
    add(
      [...path, field],
      m,
      s,
      `${field === 'startMonth' ? 'เดือนเริ่มต้น' : 'เดือนสิ้นสุด'} "${String(v).slice(0, 20)}" ไม่ใช่เดือนที่ถูกต้อง`,
      `${field} "${String(v).slice(0, 20)}" is not a month (oct … sep)`,
    );
    return null;
  };
  const order = (
    start: FiscalMonth | null,
    end: FiscalMonth | null,
    path: string[],
    m: number,
    s?: number,
  ) => {
    if (start && end && fiscalMonthIndex(start) > fiscalMonthIndex(end))
      add(
        [...path, 'startMonth'],
        m,
        s,
        `เดือนเริ่มต้น (${MONTH_TH[start]}) อยู่หลังเดือนสิ้นสุด (${MONTH_TH[end]})`,
        `startMonth is after endMonth (${start} > ${end})`,
      );
  };
  const text = (obj: Obj, field: string, path: string[], m: number, s: number | undefined) => {
    const v = obj[field];
    if (typeof v === 'string' && v.trim() !== '') {
      obj[field] = v.trim();
      return;
    }
    const names: Record<string, [string, string]> = {
      issue: ['กรุณาระบุประเด็น', 'issue is required'],
      measure: ['กรุณาระบุมาตรการ/แนวทาง', 'measure is required'],
      text: ['กรุณาระบุขั้นตอนหรือวิธีการปฏิบัติ', 'text is required'],
    };
    add([...path, field], m, s, names[field][0], names[field][1]);
  };

  // A work group is one target or a plain clear: a shape read as "cleared" that still names
  // targets ({ connect: [A, B] } — Strapi keeps B) would skip the unit check below.
  const workGroup = (v: unknown, path: string[], m: number, s: number | undefined) => {
    if (readToOne(v).kind === 'cleared' && !isPlainClear(v))
      add(
        path,
        m,
        s,
        'ระบุคณะทำงานได้เพียงหนึ่งคณะ ด้วยรหัสที่ถูกต้อง',
        'workGroup must name exactly one work group by a valid id or documentId',
      );
  };

  measures.forEach((raw, i) => {
    const m = i + 1;
    const path = ['measures', String(i)];
    if (!isObj(raw)) {
      add(path, m, undefined, 'ข้อมูลไม่ถูกต้อง', 'not an object');
      return;
    }
    text(raw, 'issue', path, m, undefined);
    text(raw, 'measure', path, m, undefined);
    if (isBlank(raw.issueNo)) raw.issueNo = m;
    else {
      const n = Number(toArabicDigits(String(raw.issueNo)).trim());
      if (!Number.isInteger(n) || n < 1 || n > 999)
        add(
          [...path, 'issueNo'],
          m,
          undefined,
          `ลำดับประเด็น "${String(raw.issueNo).slice(0, 20)}" ต้องเป็นตัวเลข 1–999`,
          `issueNo "${String(raw.issueNo).slice(0, 20)}" must be a number from 1 to 999`,
        );
      else raw.issueNo = n;
    }
    const start = month(raw, 'startMonth', path, m);
    const end = month(raw, 'endMonth', path, m);
    order(start, end, path, m);
    if (raw.workGroup !== undefined) {
      workGroup(raw.workGroup, [...path, 'workGroup'], m, undefined);
      workGroups.push({ value: raw.workGroup, m, path: [...path, 'workGroup'] });
    }
    if (isBlank(raw.steps)) return;
    if (!Array.isArray(raw.steps)) {
      add([...path, 'steps'], m, undefined, 'ขั้นตอนต้องเป็นรายการ', 'steps must be a list');
      return;
    }
    if (raw.steps.length > MAX_STEPS) {
      add(
        [...path, 'steps'],
        m,
        undefined,
        `มาตรการหนึ่งมีขั้นตอนได้ไม่เกิน ${MAX_STEPS} ขั้นตอน (มี ${raw.steps.length})`,
        `a measure has at most ${MAX_STEPS} steps (got ${raw.steps.length})`,
      );
      return;
    }
    raw.steps.forEach((step: unknown, j: number) => {
      const s = j + 1;
      const spath = [...path, 'steps', String(j)];
      if (!isObj(step)) {
        add(spath, m, s, 'ข้อมูลไม่ถูกต้อง', 'not an object');
        return;
      }
      text(step, 'text', spath, m, s);
      // A step without months runs over its measure's months.
      if (isBlank(step.startMonth) && start) step.startMonth = start;
      if (isBlank(step.endMonth) && end) step.endMonth = end;
      order(
        month(step, 'startMonth', spath, m, s),
        month(step, 'endMonth', spath, m, s),
        spath,
        m,
        s,
      );
      if (step.workGroup !== undefined) {
        workGroup(step.workGroup, [...spath, 'workGroup'], m, s);
        workGroups.push({ value: step.workGroup, m, s, path: [...spath, 'workGroup'] });
      }
    });
  });
  return { problems, workGroups };
};

const refuse = (problems: PlanProblem[]): never => {
  const first = problems[0].message;
  const message = problems.length > 1 ? `${first} (+${problems.length - 1})` : first;
  throw new errors.ValidationError(message, {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError' })),
  });
};

type StoredPlan = {
  id: number;
  kind?: string | null;
  unit?: { id: number } | null;
  measures?: Array<{
    id: number;
    workGroup?: { id: number } | null;
    steps?: Array<{ id: number; workGroup?: { id: number } | null }>;
  }>;
};

const storedDraft = async (strapi: Core.Strapi, documentId: string) => {
  const rows = (await strapi.db.query(PLAN_UID as UID.ContentType).findMany({
    where: { documentId },
    select: ['id', 'kind', 'publishedAt'],
    populate: {
      unit: { select: ['id'] },
      measures: {
        select: ['id'],
        populate: {
          workGroup: { select: ['id'] },
          steps: { select: ['id'], populate: { workGroup: { select: ['id'] } } },
        },
      },
    },
  })) as Array<StoredPlan & { publishedAt?: string | null }>;
  return rows.find((r) => !r.publishedAt) ?? rows[0] ?? null;
};

const unitIdOf = async (strapi: Core.Strapi, ref: RelationRef): Promise<number | null> => {
  if (ref.id !== undefined) return ref.id;
  const row = (await strapi.db
    .query(UNIT_UID as UID.ContentType)
    .findOne({ where: { documentId: ref.documentId }, select: ['id'] })) as { id: number } | null;
  return row?.id ?? null;
};

/** The checks of one create/update/clone payload of a plan. */
export const checkPlanWrite = async (
  strapi: Core.Strapi,
  action: string,
  data: Data,
  documentId: string | undefined,
) => {
  const stored = documentId && action !== 'create' ? await storedDraft(strapi, documentId) : null;
  const kind =
    typeof data.kind === 'string' ? data.kind : (stored?.kind ?? (stored ? null : 'strategic'));
  const hasMeasures = Array.isArray(data.measures) && data.measures.length > 0;
  const storedMeasures = stored?.measures?.length ?? 0;

  if (kind !== MEASURES_KIND) {
    if (hasMeasures)
      refuse([
        {
          path: ['measures'],
          message:
            'มาตรการ/แนวทางใส่ได้เฉพาะแผนประเภท "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" / measures are only allowed on a plan of kind integrity_measures',
        },
      ]);
    if (!('measures' in data) && storedMeasures > 0 && typeof data.kind === 'string')
      refuse([
        {
          path: ['kind'],
          message:
            'แผนนี้มีมาตรการ/แนวทางอยู่ เปลี่ยนประเภทได้เมื่อลบมาตรการออกก่อน / this plan has measures: remove them before changing its kind',
        },
      ]);
    return;
  }
  if (!('measures' in data) || data.measures === null) {
    if (!('unit' in data) || storedMeasures === 0) return;
  } else if (!Array.isArray(data.measures)) {
    refuse([{ path: ['measures'], message: 'มาตรการต้องเป็นรายการ / measures must be a list' }]);
  }
  const measures = Array.isArray(data.measures) ? data.measures : [];
  const { problems, workGroups } = checkMeasures(measures);
  if (problems.length) refuse(problems);

  // Work groups: those named now, and — when the plan moves to another unit — those it keeps.
  const unitChange = readToOne(data.unit);
  let unitId: number | null = stored?.unit?.id ?? null;
  if (typeof data.unitRef === 'number') unitId = data.unitRef;
  else if (unitChange.kind === 'set') unitId = await unitIdOf(strapi, unitChange.ref);
  const refs = workGroups.filter((w) => readToOne(w.value).kind === 'set');
  if (stored && unitId !== (stored.unit?.id ?? null)) {
    const sent = new Map<number, Obj>();
    for (const m of measures) if (isObj(m) && typeof m.id === 'number') sent.set(m.id, m);
    (stored.measures ?? []).forEach((m, i) => {
      const now = sent.get(m.id);
      const keep =
        !Array.isArray(data.measures) || (now && readToOne(now.workGroup).kind === 'absent');
      if (keep && m.workGroup)
        refs.push({
          value: { id: m.workGroup.id },
          m: i + 1,
          path: ['measures', String(i), 'workGroup'],
        });
      for (const [j, s] of (m.steps ?? []).entries()) {
        const sentSteps = now && Array.isArray(now.steps) ? (now.steps as Obj[]) : null;
        const sentStep = sentSteps?.find((x) => isObj(x) && x.id === s.id);
        const keepStep =
          !Array.isArray(data.measures) ||
          (sentStep && readToOne(sentStep.workGroup).kind === 'absent');
        if (keepStep && s.workGroup)
          refs.push({
            value: { id: s.workGroup.id },
            m: i + 1,
            s: j + 1,
            path: ['measures', String(i), 'steps', String(j), 'workGroup'],
          });
      }
    });
  }
  if (!refs.length) return;
  const parsed = refs.map((r) => ({ ...r, ref: (readToOne(r.value) as { ref: RelationRef }).ref }));
  const { byId, byDocumentId } = await resolveWorkGroups(
    strapi,
    parsed.map((p) => p.ref),
  );
  const out: PlanProblem[] = [];
  for (const p of parsed) {
    const row =
      p.ref.id !== undefined ? byId.get(p.ref.id) : byDocumentId.get(p.ref.documentId ?? '');
    const w = where(p.m, p.s);
    const label = p.ref.documentId ?? String(p.ref.id);
    if (!row)
      out.push({
        path: p.path,
        message: `${w.th}: ไม่พบคณะทำงาน ${label} / ${w.en}: work group ${label} does not exist`,
      });
    else if (unitId === null || row.unit?.id !== unitId)
      out.push({
        path: p.path,
        message: `${w.th}: คณะทำงาน "${row.name}" เป็นของหน่วยงานอื่น ใช้ได้เฉพาะคณะทำงานของหน่วยงานเจ้าของแผน / ${w.en}: work group "${row.name}" belongs to another unit; only the plan's own unit's work groups can be used`,
      });
  }
  if (out.length) refuse(out);
};

export const registerPlanRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx: Ctx, next) => {
    if (ctx.uid !== PLAN_UID || !['create', 'update', 'clone'].includes(ctx.action)) return next();
    const params = ctx.params as { data?: Data; documentId?: string };
    if (params.data) await checkPlanWrite(strapi, ctx.action, params.data, params.documentId);
    return next();
  });
};
