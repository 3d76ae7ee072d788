import type { Core } from '@strapi/strapi';
import { counts, type EntryFacts } from '../compliance/rules';
import { CHECKLIST_UID, checklistsFor, ITEM_UID } from '../ita/checklists';
import { fiscalYearOf, fiscalYearOfDateString } from '../ita/fiscal-year';
import { topicsSatisfiedBy } from '../ita/topics';
import { UNIT_UID } from './types';
import type { RelationRef } from './relations';

type Item = { documentId: string; topics: unknown; cadence: string | null };

/**
 * The checklist items an entry of this type and kind satisfies, in its unit's scheme, by
 * cadence (returns item documentIds):
 * - its own fiscal year's items of its topics (when that year has no list yet, the latest earlier
 *   year's list);
 * - the next year's items whose cadence takes it (`annual_previous_fy`: the report of year Y−1 is
 *   judged in year Y), when that year's list exists;
 * - a plan with a period: every year the period covers whose item takes it
 *   (`multi_year_covering_current_fy`);
 * - standing information (no fiscal year): the current fiscal year and every later one that has
 *   a list.
 */
export const suggestChecklistItems = async (
  strapi: Core.Strapi,
  input: {
    type: string;
    kind: string | null;
    unit: RelationRef;
    fiscalYear: number | null;
    month?: number | null;
    period?: { start: string; end: string } | null;
  },
): Promise<string[]> => {
  const topics = topicsSatisfiedBy(input.type, input.kind);
  if (topics.length === 0) return [];
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: input.unit.documentId ? { documentId: input.unit.documentId } : { id: input.unit.id },
    select: ['scheme'],
  })) as { scheme?: string } | null;
  if (!unit?.scheme) return [];
  const scheme = unit.scheme;
  const wanted = new Set<string>(topics);
  const matching = (items: Item[]) =>
    items.filter((it) => Array.isArray(it.topics) && it.topics.some((t) => wanted.has(String(t))));
  const itemsOf = async (checklistId: number) =>
    (await strapi.db.query(ITEM_UID).findMany({
      where: { checklist: { id: checklistId } },
      select: ['documentId', 'topics', 'cadence'],
    })) as Item[];
  const listOf = async (year: number) =>
    (await checklistsFor(strapi, year, [scheme])).get(scheme) ?? null;
  const out = new Set<string>();

  // What the entry's own year asks of its topics (or the latest earlier list).
  const current = fiscalYearOf();
  const own = input.fiscalYear ?? current;
  const ownList =
    (await listOf(own)) ??
    ((await strapi.db.query(CHECKLIST_UID).findOne({
      where: { scheme, fiscalYear: { $lte: own } },
      orderBy: [{ fiscalYear: 'desc' }, { status: 'asc' }, { id: 'asc' }],
      select: ['id'],
    })) as { id: number } | null);
  if (ownList) for (const it of matching(await itemsOf(ownList.id))) out.add(it.documentId);

  // Other years whose items take the entry by their cadence.
  const facts: EntryFacts = {
    documentId: '',
    type: input.type,
    title: '',
    published: true,
    publishedAt: null,
    workflowState: null,
    isNone: false,
    fiscalYear: input.fiscalYear,
    month: input.month ?? null,
    date: null,
    period: input.period ?? null,
  };
  const years = new Set<number>();
  if (input.fiscalYear === null) {
    const later = (await strapi.db.query(CHECKLIST_UID).findMany({
      where: { scheme, fiscalYear: { $gte: current } },
      select: ['fiscalYear'],
    })) as Array<{ fiscalYear: number }>;
    for (const r of later) years.add(Number(r.fiscalYear));
  } else {
    years.add(input.fiscalYear + 1);
    if (input.period) {
      const from = fiscalYearOfDateString(input.period.start);
      const to = fiscalYearOfDateString(input.period.end);
      if (from !== null && to !== null && to - from <= 10)
        for (let y = from; y <= to; y += 1) years.add(y);
    }
  }
  years.delete(own);
  for (const year of [...years].sort()) {
    const list = await listOf(year);
    if (!list) continue;
    for (const it of matching(await itemsOf(list.id)))
      if (input.fiscalYear === null || counts(it.cadence, facts, year)) out.add(it.documentId);
  }
  return [...out];
};
