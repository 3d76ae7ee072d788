import type { Core } from '@strapi/strapi';
import { DISCLOSURE_TYPES } from '../disclosures/types';
import { scopeOfAdmin } from '../units/scope';
import type { AdminActor } from './service';

export type Task = {
  uid: string;
  documentId: string;
  title: string;
  state: string;
  unit: { id: number; code: string; nameTh: string } | null;
  updatedAt: string;
  next: string;
};

type Row = {
  documentId: string;
  title: string;
  workflowState: string;
  updatedAt: string;
  unit: Task['unit'];
};

/**
 * What waits for a user: entries to review (submitted, in units they approve), to publish
 * (approved, in units they approve where the unit publishes itself, or units they publish for),
 * and to fix (changes requested, in units they edit). One query per content type.
 */
export const tasksFor = async (strapi: Core.Strapi, user: AdminActor): Promise<Task[]> => {
  const scope = await scopeOfAdmin(strapi, user);
  const all = scope.unrestricted;
  const wants: Array<{ state: string; next: string; units: number[] | 'all'; mode?: string }> = [
    { state: 'submitted', next: 'approve', units: all ? 'all' : scope.approver },
    { state: 'approved', next: 'publish', units: all ? 'all' : scope.approver, mode: 'self' },
    { state: 'approved', next: 'publish', units: all ? 'all' : scope.publisher },
    {
      state: 'changes_requested',
      next: 'submit',
      units: all ? 'all' : [...scope.editor, ...scope.approver],
    },
  ];
  const tasks: Task[] = [];
  const seen = new Set<string>();
  for (const type of DISCLOSURE_TYPES) {
    const or = wants
      .filter((w) => w.units === 'all' || w.units.length > 0)
      .map((w) => ({
        workflowState: w.state,
        ...(w.units === 'all' ? {} : { unitRef: { $in: w.units } }),
        ...(w.mode ? { unit: { publishingMode: w.mode } } : {}),
      }));
    if (or.length === 0) continue;
    const rows = (await strapi.db.query(type.uid).findMany({
      where: { publishedAt: null, $or: or },
      select: ['documentId', 'title', 'workflowState', 'updatedAt'],
      populate: { unit: { select: ['id', 'code', 'nameTh'] } },
      orderBy: { updatedAt: 'asc' },
      limit: 500,
    })) as Row[];
    for (const r of rows) {
      const key = `${type.uid}:${r.documentId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      tasks.push({
        uid: type.uid,
        documentId: r.documentId,
        title: r.title,
        state: r.workflowState,
        unit: r.unit,
        updatedAt: r.updatedAt,
        next: wants.find((w) => w.state === r.workflowState)?.next ?? '',
      });
    }
  }
  return tasks.sort((a, b) => String(a.updatedAt).localeCompare(String(b.updatedAt)));
};

export type WorkItem = Omit<Task, 'next'>;

/**
 * The home page's "my work": the drafts and the submissions waiting for approval in the units
 * where the user writes (editor or approver), newest first, 20 at most each — beside the tasks
 * (tasksFor), which say what waits for the user. Administrators write for no unit in particular:
 * nothing here.
 */
export const workOf = async (
  strapi: Core.Strapi,
  user: AdminActor,
): Promise<{ drafts: WorkItem[]; waiting: WorkItem[] }> => {
  const scope = await scopeOfAdmin(strapi, user);
  const units = [...new Set([...scope.editor, ...scope.approver])];
  if (scope.unrestricted || units.length === 0) return { drafts: [], waiting: [] };
  const rows: Array<WorkItem & { state: string }> = [];
  for (const type of DISCLOSURE_TYPES) {
    const found = (await strapi.db.query(type.uid).findMany({
      where: {
        publishedAt: null,
        unitRef: { $in: units },
        $or: [{ workflowState: { $in: ['draft', 'submitted'] } }, { workflowState: null }],
      },
      select: ['documentId', 'title', 'workflowState', 'updatedAt'],
      populate: { unit: { select: ['id', 'code', 'nameTh'] } },
      orderBy: { updatedAt: 'desc' },
      limit: 20,
    })) as Row[];
    for (const r of found)
      rows.push({
        uid: type.uid,
        documentId: r.documentId,
        title: r.title,
        state: r.workflowState ?? 'draft',
        unit: r.unit,
        updatedAt: r.updatedAt,
      });
  }
  const newest = (list: WorkItem[]) =>
    list.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt))).slice(0, 20);
  return {
    drafts: newest(rows.filter((r) => r.state === 'draft')),
    waiting: newest(rows.filter((r) => r.state === 'submitted')),
  };
};
