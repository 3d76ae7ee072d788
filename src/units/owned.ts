import type { Core, Modules } from '@strapi/strapi';
import { bilingual } from '../disclosures/guard';
import { readToOne } from '../disclosures/relations';
import { UNIT_UID } from '../disclosures/types';

/**
 * Unit-owned records that are not disclosures (no workflow, never public by themselves): a unit's
 * ITA scores, its work groups and the progress reported on its integrity-measures plan. They are
 * scoped exactly like disclosures by the unit guard (src/units/guard.ts) — read only in one's
 * units, written only in one's writable units, never moved out — and carry the same `unitRef`
 * mirror of the unit relation, derived here and never taken from the caller.
 */
export const UNIT_OWNED_UIDS: ReadonlySet<string> = new Set([
  'api::ita-score.ita-score',
  'api::work-group.work-group',
  'api::integrity-progress.integrity-progress',
]);

type Ctx = Modules.Documents.Middleware.Context;

const unitIdOf = async (strapi: Core.Strapi, ref: { id?: number; documentId?: string }) => {
  if (ref.id !== undefined) return typeof ref.id === 'number' ? ref.id : null;
  if (typeof ref.documentId !== 'string') return null;
  const row = (await strapi.db
    .query(UNIT_UID)
    .findOne({ where: { documentId: ref.documentId }, select: ['id'] })) as { id: number } | null;
  return row?.id ?? null;
};

export const registerUnitOwned = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx: Ctx, next) => {
    if (!UNIT_OWNED_UIDS.has(ctx.uid)) return next();
    if (!['create', 'update', 'clone'].includes(ctx.action)) return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    const data = params.data;
    if (!data) return next();
    delete data.unitRef;
    const change = readToOne(data.unit);
    if (change.kind === 'cleared' || (ctx.action === 'create' && change.kind === 'absent')) {
      throw bilingual('กรุณาเลือกหน่วยงานเจ้าของข้อมูล', 'unit is required', 'unit');
    }
    if (change.kind === 'set') {
      const id = await unitIdOf(strapi, change.ref);
      if (id === null) {
        throw bilingual('ไม่พบหน่วยงานที่เลือก', 'The selected unit does not exist', 'unit');
      }
      data.unitRef = id;
    }
    return next();
  });
};
