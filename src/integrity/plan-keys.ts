import type { Core, Modules } from '@strapi/strapi';
import { randomBytes } from 'crypto';

export const PLAN_UID = 'api::plan.plan';

type Ctx = Modules.Documents.Middleware.Context;
type Step = Record<string, unknown> & { key?: unknown };
type Measure = Record<string, unknown> & { steps?: unknown };

const KEY = /^[a-z0-9]{6,40}$/;
const newKey = () => randomBytes(8).toString('hex');

/**
 * Every step of a measures plan carries a stable `key` that progress reports refer to. Steps are
 * components, whose row ids change on every save, so the key is the step's identity across saves,
 * draft and published versions and re-imports. A step arriving without a key (new in the Content
 * Manager, imported) or with a malformed or repeated one gets a fresh key here, on every write
 * path; a step that keeps its key keeps its progress.
 */
export const assignStepKeys = (measures: unknown, stored: Map<number, string> = new Map()) => {
  if (!Array.isArray(measures)) return;
  const seen = new Set<string>();
  for (const measure of measures as Measure[]) {
    if (!measure || typeof measure !== 'object' || !Array.isArray(measure.steps)) continue;
    for (const step of measure.steps as Step[]) {
      if (!step || typeof step !== 'object') continue;
      let key = typeof step.key === 'string' ? step.key : '';
      // A stored step sent by its id without its key (a partial write, a cleared field) keeps
      // its key, so it keeps its progress.
      if (!KEY.test(key) && step.id !== undefined) key = stored.get(Number(step.id)) ?? key;
      step.key = !KEY.test(key) || seen.has(key) ? newKey() : key;
      seen.add(step.key as string);
    }
  }
};

type StoredSteps = Array<{
  measures?: Array<{ steps?: Array<{ id: number; key?: string | null }> }>;
}>;

/** The keys of the stored steps of a plan (every version), by the step's component id. */
const storedKeys = async (strapi: Core.Strapi, documentId: string) => {
  const rows = (await strapi.db.query(PLAN_UID).findMany({
    where: { documentId },
    select: ['id'],
    populate: { measures: { select: ['id'], populate: { steps: { select: ['id', 'key'] } } } },
  })) as StoredSteps;
  const keys = new Map<number, string>();
  for (const r of rows)
    for (const m of r.measures ?? [])
      for (const s of m.steps ?? []) if (s.key) keys.set(s.id, s.key);
  return keys;
};

export const registerPlanKeys = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx: Ctx, next) => {
    // A clone with data carries measures too: its keys are checked like any write.
    if (ctx.uid !== PLAN_UID || !['create', 'update', 'clone'].includes(ctx.action)) return next();
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (data && 'measures' in data) {
      const stored =
        ctx.action === 'update' && params.documentId && Array.isArray(data.measures)
          ? await storedKeys(strapi, params.documentId)
          : undefined;
      assignStepKeys(data.measures, stored);
    }
    return next();
  });
};
