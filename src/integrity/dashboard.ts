import type { Core } from '@strapi/strapi';
import { loadUnitPlans } from './plan';
import type { FiscalMonth } from './months';

export type OverdueStep = {
  unit: string;
  nameTh: string;
  planDocumentId: string;
  measureIndex: number;
  measure: string;
  issue: string;
  step: string;
  stepNo: number;
  stepText: string;
  owner: string | null;
  endMonth: FiscalMonth;
  overdue: boolean;
  missingPeriods: FiscalMonth[];
  latestStatus: string | null;
  latestPercent: number | null;
};

/**
 * Overdue integrity steps and missing reports per unit for the compliance dashboard: units,
 * plans (with measures and steps) and progress rows are read with one query each.
 */
export const integrityOverdue = async (
  strapi: Core.Strapi,
  options: {
    fiscalYear: number;
    asOf: string;
    unitIds: number[] | null;
    unitCodes: string[] | null;
  },
) => {
  const where: Record<string, unknown> = {};
  if (options.unitIds) where.id = { $in: options.unitIds };
  if (options.unitCodes) where.code = { $in: options.unitCodes };
  const units = (await strapi.db.query('api::unit.unit').findMany({
    where,
    select: ['id', 'code', 'nameTh'],
    orderBy: [{ code: 'asc' }],
  })) as Array<{ id: number; code: string; nameTh: string }>;
  const details = await loadUnitPlans(strapi, units, options.fiscalYear, options.asOf);
  const steps: OverdueStep[] = [];
  const perUnit = details.map(({ unit, plan, measures }) => {
    let overdue = 0;
    let missing = 0;
    for (const m of measures)
      for (const s of m.steps) {
        if (s.overdue) overdue += 1;
        missing += s.missingPeriods.length;
        if (!s.overdue && !s.missingPeriods.length) continue;
        steps.push({
          unit: unit.code,
          nameTh: unit.nameTh,
          planDocumentId: plan?.documentId ?? '',
          measureIndex: m.index,
          measure: m.measure,
          issue: m.issue,
          step: s.key,
          stepNo: s.no,
          stepText: s.text,
          owner: s.owner ?? s.workGroup?.name ?? m.owner ?? m.workGroup?.name ?? null,
          endMonth: s.endMonth,
          overdue: s.overdue,
          missingPeriods: s.missingPeriods,
          latestStatus: s.latest?.status ?? null,
          latestPercent: s.latest?.percent ?? null,
        });
      }
    return {
      unit: unit.code,
      nameTh: unit.nameTh,
      plan: plan ? plan.documentId : null,
      overdue,
      missing,
    };
  });
  return { units: perUnit, steps };
};
