import type { Core } from '@strapi/strapi';
import { DISCLOSURE_TYPES } from '../disclosures/types';
import { loadMatrixData } from './engine';
import { reviewByOf } from './rules';

/**
 * "To confirm / to review" (รายการที่ต้องยืนยัน/ทบทวน): the published entries of the units that
 * count for the year's items only once the unit confirms they are still current — carried into
 * the year and not confirmed yet, or standing evidence past its review-by date. Read off the
 * engine's data, so the list and the matrix never disagree.
 */
export type ToConfirmEntry = {
  uid: string;
  type: string;
  documentId: string;
  title: string;
  unit: string;
  unitNameTh: string;
  /** The items of the year the entry counts for. */
  items: string[];
  /** `to_confirm`: carried, not confirmed yet; `to_review`: its review-by date has passed. */
  reasons: Array<'to_confirm' | 'to_review'>;
  /** The earliest review-by date over those items (standing items only). */
  reviewBy: string | null;
  publishedAt: string | null;
};

const UID_OF = new Map(DISCLOSURE_TYPES.map((t) => [t.name as string, t.uid as string]));

export const entriesToConfirm = async (
  strapi: Core.Strapi,
  input: { fiscalYear: number; unitIds: number[] | null; unitCodes?: string[] | null },
  today: string,
): Promise<ToConfirmEntry[]> => {
  const data = await loadMatrixData(strapi, {
    fiscalYear: input.fiscalYear,
    unitIds: input.unitIds,
    unitCodes: input.unitCodes ?? null,
  });
  const out = new Map<string, ToConfirmEntry>();
  for (const unit of data.units) {
    for (const item of data.itemsByScheme.get(unit.scheme) ?? []) {
      for (const doc of data.byCell.get(`${unit.id}:${item.id}`)?.values() ?? []) {
        const e = doc.published;
        if (!e) continue;
        const by = reviewByOf(item.rule, e);
        const reasons: ToConfirmEntry['reasons'] = [];
        if (e.carried === 'to_confirm') reasons.push('to_confirm');
        if (by !== null && by < today) reasons.push('to_review');
        if (!reasons.length) continue;
        const key = `${e.type}:${e.documentId}`;
        const row = out.get(key) ?? {
          uid: UID_OF.get(e.type) ?? e.type,
          type: e.type,
          documentId: e.documentId,
          title: e.title,
          unit: unit.code,
          unitNameTh: unit.nameTh,
          items: [],
          reasons: [],
          reviewBy: null,
          publishedAt: e.publishedAt,
        };
        if (!row.items.includes(item.code)) row.items.push(item.code);
        for (const r of reasons) if (!row.reasons.includes(r)) row.reasons.push(r);
        if (by !== null && (row.reviewBy === null || by < row.reviewBy)) row.reviewBy = by;
        out.set(key, row);
      }
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      a.unit.localeCompare(b.unit) ||
      (a.reviewBy ?? '9999').localeCompare(b.reviewBy ?? '9999') ||
      a.title.localeCompare(b.title, 'th'),
  );
};
