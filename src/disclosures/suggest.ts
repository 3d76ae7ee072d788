import type { Core } from '@strapi/strapi';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';
import { fiscalYearOf } from '../ita/fiscal-year';
import { topicsSatisfiedBy } from '../ita/topics';
import { UNIT_UID } from './types';
import type { RelationRef } from './relations';

/**
 * The checklist items an entry of this type and kind satisfies, in its unit's scheme and its
 * fiscal year (the current one for standing information). When that year has no checklist yet,
 * the latest earlier year's list is used. Returns item documentIds.
 */
export const suggestChecklistItems = async (
  strapi: Core.Strapi,
  input: { type: string; kind: string | null; unit: RelationRef; fiscalYear: number | null },
): Promise<string[]> => {
  const topics = topicsSatisfiedBy(input.type, input.kind);
  if (topics.length === 0) return [];
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: input.unit.documentId ? { documentId: input.unit.documentId } : { id: input.unit.id },
    select: ['scheme'],
  })) as { scheme?: string } | null;
  if (!unit?.scheme) return [];
  const year = input.fiscalYear ?? fiscalYearOf();
  const checklist = (await strapi.db.query(CHECKLIST_UID).findOne({
    where: { scheme: unit.scheme, fiscalYear: { $lte: year } },
    orderBy: { fiscalYear: 'desc' },
    select: ['id'],
  })) as { id: number } | null;
  if (!checklist) return [];
  const items = (await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { id: checklist.id } },
    select: ['documentId', 'topics'],
  })) as Array<{ documentId: string; topics: unknown }>;
  const wanted = new Set<string>(topics);
  return items
    .filter((it) => Array.isArray(it.topics) && it.topics.some((t) => wanted.has(String(t))))
    .map((it) => it.documentId);
};
