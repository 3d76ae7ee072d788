import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { bilingual } from '../disclosures/guard';
import { isPlainClear, readToOne, type RelationRef } from '../disclosures/relations';

/**
 * Work groups (คณะทำงาน): named groups of people of one unit that can own checklist items
 * (item-responsibility.workGroup) and the measures and steps of the unit's integrity-measures
 * plan. Every write goes through the Document Service middleware below.
 */

export const WORK_GROUP_UID = 'api::work-group.work-group';
const WG = WORK_GROUP_UID as UID.ContentType;

export const MAX_MEMBERS = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type WorkGroupMember = {
  name: string;
  position?: string | null;
  role?: 'chair' | 'member' | 'secretary' | null;
  email?: string | null;
};

type WorkGroupRow = {
  id: number;
  documentId: string;
  name: string;
  unit?: { id: number } | null;
  members?: WorkGroupMember[];
};

/** The set references of relation values (every shape the Document Service takes); null/absent are skipped. */
const refsOf = (values: unknown[]): RelationRef[] => {
  const refs: RelationRef[] = [];
  for (const v of values) {
    const change = readToOne(v);
    if (change.kind === 'set') refs.push(change.ref);
    else if (change.kind === 'cleared' && !isPlainClear(v))
      // { connect: [A, B] } reads as "cleared" but Strapi connects B: never skip its check.
      throw bilingual(
        'ระบุคณะทำงานได้เพียงหนึ่งคณะ ด้วยรหัสที่ถูกต้อง',
        'A work group must be named once, by a valid id or documentId',
        'workGroup',
      );
  }
  return refs;
};

/** The stored work groups named by these references (by id or documentId), one query per kind. */
export const resolveWorkGroups = async (
  strapi: Core.Strapi,
  refs: RelationRef[],
): Promise<{ byId: Map<number, WorkGroupRow>; byDocumentId: Map<string, WorkGroupRow> }> => {
  const ids = [...new Set(refs.filter((r) => r.id !== undefined).map((r) => r.id as number))];
  const documentIds = [
    ...new Set(refs.filter((r) => r.id === undefined && r.documentId).map((r) => r.documentId)),
  ] as string[];
  const or: Array<Record<string, unknown>> = [];
  if (ids.length) or.push({ id: { $in: ids } });
  if (documentIds.length) or.push({ documentId: { $in: documentIds } });
  const rows = or.length
    ? ((await strapi.db.query(WG).findMany({
        where: { $or: or },
        select: ['id', 'documentId', 'name'],
        populate: { unit: { select: ['id'] } },
      })) as WorkGroupRow[])
    : [];
  return {
    byId: new Map(rows.map((r) => [r.id, r])),
    byDocumentId: new Map(rows.map((r) => [r.documentId, r])),
  };
};

/**
 * Throws a 400 (Thai / English) unless every work group these relation values name exists and
 * belongs to the unit `unitId`. Values may be any relation shape the Document Service accepts
 * (a documentId, an id, { documentId }, { connect: [...] }, { set: [...] }, null…); null and
 * absent values are fine. For plan measures/steps and item responsibilities alike.
 */
export const assertWorkGroupsOfUnit = async (
  strapi: Core.Strapi,
  unitId: number | null | undefined,
  workGroupRefs: unknown[],
  path = 'workGroup',
): Promise<void> => {
  const refs = refsOf(workGroupRefs);
  if (!refs.length) return;
  const { byId, byDocumentId } = await resolveWorkGroups(strapi, refs);
  for (const ref of refs) {
    const row = ref.id !== undefined ? byId.get(ref.id) : byDocumentId.get(ref.documentId ?? '');
    const label = ref.documentId ?? String(ref.id);
    if (!row) throw bilingual(`ไม่พบคณะทำงาน ${label}`, `Work group ${label} does not exist`, path);
    if (unitId === null || unitId === undefined || row.unit?.id !== unitId)
      throw bilingual(
        `คณะทำงาน "${row.name}" เป็นของหน่วยงานอื่น ใช้ได้เฉพาะในหน่วยงานเดียวกัน`,
        `Work group "${row.name}" belongs to another unit; a work group can only be used by its own unit`,
        path,
      );
  }
};

/** Members to remind: those with an e-mail, the chair first, then the secretary, then members. */
export const memberEmails = (members: WorkGroupMember[] | null | undefined): string[] => {
  const rank = { chair: 0, secretary: 1, member: 2 } as const;
  const list = [...(members ?? [])]
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => typeof m.email === 'string' && m.email.trim())
    .sort((a, b) => rank[a.m.role ?? 'member'] - rank[b.m.role ?? 'member'] || a.i - b.i)
    .map(({ m }) => (m.email as string).trim().toLowerCase());
  return [...new Set(list)];
};

// ---------------------------------------------------------------------------------------------
// Rules on every write (Document Service middleware)
// ---------------------------------------------------------------------------------------------

const problemsOf = async (strapi: Core.Strapi, row: WorkGroupRow): Promise<string[]> => {
  const problems: string[] = [];
  const name = (row.name ?? '').trim();
  if (!name) problems.push('กรุณาระบุชื่อคณะทำงาน / name is required');
  const members = row.members ?? [];
  if (members.length > MAX_MEMBERS)
    problems.push(
      `คณะทำงานมีสมาชิกได้ไม่เกิน ${MAX_MEMBERS} คน (มี ${members.length}) / A work group has at most ${MAX_MEMBERS} members (got ${members.length})`,
    );
  members.forEach((m, i) => {
    if (m.email && (!EMAIL.test(m.email) || m.email.length > 255))
      problems.push(
        `สมาชิกคนที่ ${i + 1}: อีเมล "${m.email.slice(0, 80)}" ไม่ถูกต้อง / member ${i + 1}: "${m.email.slice(0, 80)}" is not a valid e-mail address`,
      );
    if (!m.name || !String(m.name).trim())
      problems.push(`สมาชิกคนที่ ${i + 1}: กรุณาระบุชื่อ / member ${i + 1}: name is required`);
  });
  if (name && row.unit) {
    const same = (await strapi.db.query(WG).findMany({
      where: { id: { $ne: row.id }, unit: { id: row.unit.id }, name: { $eqi: name } },
      select: ['id'],
      limit: 1,
    })) as Array<{ id: number }>;
    if (same.length)
      problems.push(
        `หน่วยงานนี้มีคณะทำงานชื่อ "${name}" อยู่แล้ว / This unit already has a work group named "${name}"`,
      );
  }
  return problems;
};

/**
 * Whether any measure or step of a plan (draft or published) or any item responsibility names one
 * of these work groups: such a group stays in its unit, else the plan or responsibility would
 * name another unit's group (the rule of src/integrity/plan-rules.ts, bypassed by moving it).
 */
const inUse = async (strapi: Core.Strapi, ids: number[]): Promise<boolean> => {
  const where = { workGroup: { id: { $in: ids } } };
  for (const uid of [
    'integrity.measure',
    'integrity.step',
    'api::item-responsibility.item-responsibility',
  ])
    if (await strapi.db.query(uid as UID.Schema).count({ where })) return true;
  return false;
};

/** Normalises the request (trimmed name, lower-cased e-mails), then checks the stored row in the same transaction. */
export const registerWorkGroupRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if ((ctx.uid as string) === WORK_GROUP_UID && ctx.action === 'delete') {
      // A group that owns measures, steps or checklist items is not deleted from under them:
      // they would lose their owner (and their reminders) without anyone being told.
      const documentId = (ctx.params as { documentId?: string }).documentId;
      const rows = documentId
        ? ((await strapi.db
            .query(WG)
            .findMany({ where: { documentId }, select: ['id'] })) as Array<{
            id: number;
          }>)
        : [];
      if (
        rows.length &&
        (await inUse(
          strapi,
          rows.map((r) => r.id),
        ))
      )
        throw bilingual(
          'คณะทำงานนี้ถูกใช้ในแผนมาตรการหรือเป็นผู้รับผิดชอบตัวชี้วัดอยู่ ลบไม่ได้ กรุณาเปลี่ยนผู้รับผิดชอบก่อน',
          'This work group is used by a measures plan or an item responsibility: change those owners before deleting it',
        );
      return next();
    }
    if (
      (ctx.uid as string) !== WORK_GROUP_UID ||
      !['create', 'update', 'clone'].includes(ctx.action)
    )
      return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    if (ctx.action === 'create') params.data ??= {};
    const data = params.data;
    if (data) {
      if (typeof data.name === 'string') data.name = data.name.trim();
      if (
        (ctx.action === 'create' || 'name' in data) &&
        (typeof data.name !== 'string' || !data.name)
      )
        throw bilingual('กรุณาระบุชื่อคณะทำงาน', 'name is required', 'name');
      if (Array.isArray(data.members)) {
        if (data.members.length > MAX_MEMBERS)
          throw bilingual(
            `คณะทำงานมีสมาชิกได้ไม่เกิน ${MAX_MEMBERS} คน (มี ${data.members.length})`,
            `A work group has at most ${MAX_MEMBERS} members (got ${data.members.length})`,
            'members',
          );
        (data.members as Array<Record<string, unknown>>).forEach((m, i) => {
          if (!m || typeof m !== 'object') return;
          if (typeof m.email === 'string') m.email = m.email.trim().toLowerCase() || null;
          if (typeof m.name === 'string') m.name = m.name.trim();
          if (typeof m.email === 'string' && (!EMAIL.test(m.email) || m.email.length > 255))
            throw bilingual(
              `สมาชิกคนที่ ${i + 1}: อีเมล "${m.email.slice(0, 80)}" ไม่ถูกต้อง`,
              `member ${i + 1}: "${m.email.slice(0, 80)}" is not a valid e-mail address`,
              `members.${i}.email`,
            );
          if ('name' in m || !('id' in m))
            if (typeof m.name !== 'string' || !m.name)
              throw bilingual(
                `สมาชิกคนที่ ${i + 1}: กรุณาระบุชื่อ`,
                `member ${i + 1}: name is required`,
                `members.${i}.name`,
              );
        });
      }
    }
    const documentId = (params as { documentId?: string }).documentId;
    return strapi.db.transaction(async () => {
      // The unit before the write: a group in use cannot leave its unit (any relation syntax).
      const before =
        ctx.action === 'update' && documentId && data && 'unit' in data
          ? ((await strapi.db.query(WG).findMany({
              where: { documentId },
              select: ['id'],
              populate: { unit: { select: ['id'] } },
            })) as WorkGroupRow[])
          : [];
      const result = await next();
      const stored = (result as { documentId?: string } | null)?.documentId;
      if (!stored) return result;
      const rows = (await strapi.db.query(WG).findMany({
        where: { documentId: stored },
        select: ['id', 'documentId', 'name'],
        populate: { unit: { select: ['id'] }, members: true },
      })) as WorkGroupRow[];
      for (const row of rows) {
        const problems = await problemsOf(strapi, row);
        if (problems.length) throw new errors.ValidationError(problems.join('; '));
      }
      const units = new Set(before.map((r) => r.unit?.id ?? null));
      if (before.length && rows.some((r) => !units.has(r.unit?.id ?? null))) {
        const ids = before.map((r) => r.id);
        if (await inUse(strapi, ids))
          throw bilingual(
            'คณะทำงานนี้ถูกใช้ในแผนมาตรการหรือเป็นผู้รับผิดชอบตัวชี้วัดอยู่ ย้ายไปหน่วยงานอื่นไม่ได้',
            'This work group is used by a measures plan or an item responsibility: it cannot move to another unit',
            'unit',
          );
      }
      return result;
    });
  });
};
