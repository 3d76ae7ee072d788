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
export const assignStepKeys = (measures: unknown) => {
  if (!Array.isArray(measures)) return;
  const seen = new Set<string>();
  for (const measure of measures as Measure[]) {
    if (!measure || typeof measure !== 'object' || !Array.isArray(measure.steps)) continue;
    for (const step of measure.steps as Step[]) {
      if (!step || typeof step !== 'object') continue;
      const key = typeof step.key === 'string' ? step.key : '';
      if (!KEY.test(key) || seen.has(key)) step.key = newKey();
      seen.add(step.key as string);
    }
  }
};

export const registerPlanKeys = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx: Ctx, next) => {
    if (ctx.uid !== PLAN_UID || !['create', 'update'].includes(ctx.action)) return next();
    const data = (ctx.params as { data?: Record<string, unknown> }).data;
    if (data && 'measures' in data) assignStepKeys(data.measures);
    return next();
  });
};
