import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UNIT_UID } from '../../disclosures/types';
import { checklistFor, ITEM_UID } from '../../ita/checklists';
import { scopeOfAdmin } from '../../units/scope';
import { WORK_GROUP_UID } from '../../integrity/work-groups';
import { buildMatrix } from '../engine';
import type { Status } from '../rules';

/**
 * Who answers for each checklist item in each unit (seed 004 §1): a primary and an optional
 * secondary person, both admin users, and/or a work group (คณะทำงาน) of the same unit — a row
 * needs a primary person or a work group — one row per (unit, item). Every write — this API, the
 * Content Manager, scripts — goes through the Document Service middleware below, so a row that
 * breaks a rule is never stored.
 */

export const RESPONSIBILITY_UID = 'api::item-responsibility.item-responsibility';
const RESP = RESPONSIBILITY_UID as UID.ContentType;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MAX_REMIND_DAYS = 90;
const MAX_ASSIGNMENTS = 500;

type AdminUser = { id: number; email?: string; roles?: Array<{ code?: string }> };
type UnitRow = { id: number; documentId: string; code: string; nameTh: string; scheme: string };
type ItemRow = {
  id: number;
  documentId: string;
  code: string;
  titleTh: string;
  position: number | null;
};

export type ResponsibilityRow = {
  unit: string;
  item: string;
  titleTh: string;
  primaryEmail: string | null;
  secondaryEmail: string | null;
  remindDaysBefore: number | null;
  /** Only when the item is owned by a work group. */
  workGroup?: { documentId: string; name: string };
};

export type Assignment = {
  item: string;
  primaryEmail: string | null;
  secondaryEmail: string | null;
  remindDaysBefore: number | null;
  /** The work group's documentId, or null. */
  workGroup: string | null;
};

export type Problem = { index: number | null; item: string | null; message: string };

/** 400 with every problem found, so the caller can fix all rows at once. */
export class AssignmentError extends errors.ValidationError {
  problems: Problem[];
  constructor(problems: Problem[]) {
    super(
      `ข้อมูลผู้รับผิดชอบไม่ถูกต้อง ${problems.length} รายการ ไม่มีการบันทึก / ${problems.length} invalid assignment(s), nothing saved: ` +
        problems
          .slice(0, 5)
          .map((p) => (p.item ? `${p.item}: ${p.message}` : p.message))
          .join('; '),
    );
    this.problems = problems;
  }
}

const normEmail = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : null;

/**
 * The admin users among these e-mails (lower-cased), matched case-insensitively. Invited users
 * who have not signed in yet count (they will); blocked users do not.
 */
export const adminEmails = async (strapi: Core.Strapi, emails: string[]): Promise<Set<string>> => {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!wanted.length) return new Set();
  const rows = (await strapi.db.query('admin::user').findMany({
    where: { $or: wanted.map((email) => ({ email: { $eqi: email } })) },
    select: ['email', 'blocked'],
  })) as Array<{ email: string; blocked: boolean | null }>;
  return new Set(rows.filter((r) => !r.blocked).map((r) => r.email.toLowerCase()));
};

const unitByCode = async (strapi: Core.Strapi, code: string): Promise<UnitRow | null> =>
  (await strapi.db.query(UNIT_UID).findOne({
    where: { code: code.toUpperCase() },
    select: ['id', 'documentId', 'code', 'nameTh', 'scheme'],
  })) as UnitRow | null;

const itemsOf = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  scheme: string,
): Promise<Map<string, ItemRow>> => {
  // The checklist the status engine uses: the one rule (`checklistFor`).
  const checklist = await checklistFor(strapi, fiscalYear, scheme);
  if (!checklist) return new Map();
  const rows = (await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { id: checklist.id } },
    select: ['id', 'documentId', 'code', 'titleTh', 'position'],
  })) as ItemRow[];
  return new Map(rows.map((r) => [r.code, r]));
};

// ---------------------------------------------------------------------------------------------
// Rules on every stored row (Document Service middleware)
// ---------------------------------------------------------------------------------------------

type StoredRow = {
  id: number;
  documentId: string;
  primaryEmail: string | null;
  secondaryEmail: string | null;
  unit: { id: number; code: string; scheme: string } | null;
  workGroup?: { id: number; name: string; unit: { id: number } | null } | null;
  item: {
    id: number;
    code: string;
    checklist: { fiscalYear: number; scheme: string } | null;
  } | null;
};

/** The problems of a stored row (empty when it is fine). */
export const problemsOfStored = async (strapi: Core.Strapi, row: StoredRow): Promise<string[]> => {
  const problems: string[] = [];
  if (!row.unit || !row.item) {
    problems.push('ต้องระบุหน่วยงานและข้อตัวชี้วัด / A unit and a checklist item are required');
    return problems;
  }
  if (!row.primaryEmail && !row.workGroup)
    problems.push(
      'ต้องระบุอีเมลผู้รับผิดชอบหลักหรือคณะทำงาน / A primaryEmail or a work group is required',
    );
  if (row.workGroup && row.workGroup.unit?.id !== row.unit.id)
    problems.push(
      `คณะทำงาน "${row.workGroup.name}" เป็นของหน่วยงานอื่น / Work group "${row.workGroup.name}" belongs to another unit`,
    );
  const scheme = row.item.checklist?.scheme ?? null;
  if (scheme !== row.unit.scheme)
    problems.push(
      `ข้อ ${row.item.code} ไม่อยู่ในชุดตัวชี้วัดของหน่วยงาน ${row.unit.code} (${row.unit.scheme}) / Item ${row.item.code} is not in the checklist of unit ${row.unit.code}'s scheme (${row.unit.scheme})`,
    );
  const emails = [row.primaryEmail, row.secondaryEmail].filter((e): e is string => Boolean(e));
  const admins = await adminEmails(strapi, emails);
  for (const e of emails)
    if (!admins.has(e.toLowerCase()))
      problems.push(
        `${e} ไม่ใช่อีเมลของผู้ใช้ระบบหลังบ้าน / ${e} is not the e-mail of an admin user`,
      );
  if (
    row.primaryEmail &&
    row.secondaryEmail &&
    row.primaryEmail.toLowerCase() === row.secondaryEmail.toLowerCase()
  )
    problems.push(
      'ผู้รับผิดชอบหลักและรองต้องเป็นคนละคน / The primary and secondary person must differ',
    );
  const duplicates = await strapi.db.query(RESP).count({
    where: { id: { $ne: row.id }, unit: { id: row.unit.id }, item: { id: row.item.id } },
  });
  if (duplicates)
    problems.push(
      `หน่วยงาน ${row.unit.code} มีผู้รับผิดชอบข้อ ${row.item.code} อยู่แล้ว / Unit ${row.unit.code} already has a row for item ${row.item.code}`,
    );
  return problems;
};

/**
 * Checks every create, update and clone of a responsibility after the write, inside the same
 * transaction: a row that breaks a rule is rolled back and the caller gets a 400. Checking the
 * stored row (rather than the request's data) covers every form relations can be given in.
 */
export const registerResponsibilityRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== RESPONSIBILITY_UID || !['create', 'update', 'clone'].includes(ctx.action))
      return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    if (params.data) {
      for (const field of ['primaryEmail', 'secondaryEmail']) {
        const v = params.data[field];
        if (typeof v === 'string') params.data[field] = v.trim().toLowerCase() || null;
      }
    }
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const rows = (await strapi.db.query(RESP).findMany({
        where: { documentId },
        select: ['id', 'documentId', 'primaryEmail', 'secondaryEmail'],
        populate: {
          unit: { select: ['id', 'code', 'scheme'] },
          workGroup: { select: ['id', 'name'], populate: { unit: { select: ['id'] } } },
          item: {
            select: ['id', 'code'],
            populate: { checklist: { select: ['fiscalYear', 'scheme'] } },
          },
        },
      })) as StoredRow[];
      for (const row of rows) {
        const problems = await problemsOfStored(strapi, row);
        if (problems.length) throw new errors.ValidationError(problems.join('; '));
      }
      return result;
    });
  });
};

// ---------------------------------------------------------------------------------------------
// GET /compliance/responsibilities
// ---------------------------------------------------------------------------------------------

type LoadedRow = {
  id: number;
  documentId: string;
  primaryEmail: string | null;
  secondaryEmail: string | null;
  remindDaysBefore: number | null;
  workGroup?: { documentId: string; name: string } | null;
  unit: { id: number; code: string; nameTh: string } | null;
  item: { id: number; code: string; titleTh: string; position: number | null } | null;
};

const loadRows = async (
  strapi: Core.Strapi,
  where: Record<string, unknown>,
): Promise<LoadedRow[]> =>
  (await strapi.db.query(RESP).findMany({
    where,
    select: ['id', 'documentId', 'primaryEmail', 'secondaryEmail', 'remindDaysBefore'],
    populate: {
      unit: { select: ['id', 'code', 'nameTh'] },
      item: { select: ['id', 'code', 'titleTh', 'position'] },
      workGroup: { select: ['documentId', 'name'] },
    },
  })) as LoadedRow[];

const byUnitThenPosition = (a: LoadedRow, b: LoadedRow) =>
  (a.unit?.code ?? '').localeCompare(b.unit?.code ?? '') ||
  (a.item?.position ?? 1e9) - (b.item?.position ?? 1e9) ||
  (a.item?.code ?? '').localeCompare(b.item?.code ?? '');

const toRow = (r: LoadedRow): ResponsibilityRow => ({
  unit: r.unit?.code ?? '',
  item: r.item?.code ?? '',
  titleTh: r.item?.titleTh ?? '',
  primaryEmail: r.primaryEmail ?? null,
  secondaryEmail: r.secondaryEmail ?? null,
  remindDaysBefore: r.remindDaysBefore ?? null,
  ...(r.workGroup
    ? { workGroup: { documentId: r.workGroup.documentId, name: r.workGroup.name } }
    : {}),
});

/** The rows of a fiscal year, for the given units (null = every unit). */
export const listResponsibilities = async (
  strapi: Core.Strapi,
  input: { fiscalYear: number; unitIds: number[] | null; unitCodes: string[] | null },
): Promise<ResponsibilityRow[]> => {
  if (input.unitIds && !input.unitIds.length) return [];
  const unit: Record<string, unknown> = {};
  if (input.unitIds) unit.id = { $in: input.unitIds };
  if (input.unitCodes) unit.code = { $in: input.unitCodes };
  const rows = await loadRows(strapi, {
    item: { checklist: { fiscalYear: input.fiscalYear } },
    ...(Object.keys(unit).length ? { unit } : {}),
  });
  return rows
    .filter((r) => r.unit && r.item)
    .sort(byUnitThenPosition)
    .map(toRow);
};

// ---------------------------------------------------------------------------------------------
// PUT /compliance/responsibilities
// ---------------------------------------------------------------------------------------------

/** Super admins (and `admin` members) assign in every unit; a unit's approvers in that unit. */
export const requireAssigner = async (
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  unitId: number,
) => {
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  const scope = await scopeOfAdmin(strapi, user);
  if (scope.unrestricted || scope.approver.includes(unitId)) return;
  throw new errors.ForbiddenError(
    'เฉพาะผู้อนุมัติของหน่วยงานและผู้ดูแลระบบที่กำหนดผู้รับผิดชอบได้ / Only the unit’s approvers and administrators assign responsibilities',
  );
};

/**
 * The unit's work groups named in a PUT body's assignments (`workGroup`: a documentId or the
 * group's name), in one query: documentId → documentId and `name:<lower-cased name>` → documentId.
 * A group of another unit is simply not found.
 */
const unitWorkGroups = async (
  strapi: Core.Strapi,
  unitId: number,
  raw: unknown,
): Promise<Map<string, string>> => {
  const refs = (Array.isArray(raw) ? raw : [])
    .map((e) => (e && typeof e === 'object' ? (e as Record<string, unknown>).workGroup : null))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim());
  const out = new Map<string, string>();
  if (!refs.length) return out;
  const rows = (await strapi.db.query(WORK_GROUP_UID as UID.ContentType).findMany({
    where: {
      unit: { id: unitId },
      $or: [{ documentId: { $in: refs } }, ...refs.map((r) => ({ name: { $eqi: r } }))],
    },
    select: ['documentId', 'name'],
  })) as Array<{ documentId: string; name: string }>;
  for (const r of rows) {
    out.set(r.documentId, r.documentId);
    out.set(`name:${r.name.toLowerCase()}`, r.documentId);
  }
  return out;
};

/** Parses and checks a PUT body's assignments against the unit's checklist; throws AssignmentError. */
export const checkAssignments = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  unit: UnitRow,
  raw: unknown,
): Promise<{ assignments: Assignment[]; items: Map<string, ItemRow> }> => {
  if (!Array.isArray(raw) || raw.length === 0)
    throw new AssignmentError([
      {
        index: null,
        item: null,
        message: 'ต้องมี assignments อย่างน้อยหนึ่งรายการ / assignments must be a non-empty array',
      },
    ]);
  if (raw.length > MAX_ASSIGNMENTS)
    throw new AssignmentError([
      {
        index: null,
        item: null,
        message: `ไม่เกิน ${MAX_ASSIGNMENTS} รายการต่อครั้ง / At most ${MAX_ASSIGNMENTS} assignments at once`,
      },
    ]);
  const items = await itemsOf(strapi, fiscalYear, unit.scheme);
  const groups = await unitWorkGroups(strapi, unit.id, raw);
  const problems: Problem[] = [];
  const assignments: Assignment[] = [];
  const seen = new Set<string>();
  const emails: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const a = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    const code = typeof a.item === 'string' ? a.item.trim().toUpperCase() : '';
    const add = (message: string) => problems.push({ index, item: code || null, message });
    if (!code) add('ต้องระบุรหัสข้อ (item) / item (the item code, e.g. O1) is required');
    else if (!items.has(code))
      add(
        `ไม่มีข้อ ${code} ในชุดตัวชี้วัดปี ${fiscalYear} ของหน่วยงาน ${unit.code} (${unit.scheme}) / No item ${code} in the ${fiscalYear} checklist of unit ${unit.code}'s scheme (${unit.scheme})`,
      );
    else if (seen.has(code)) add(`ข้อ ${code} ซ้ำในคำขอ / Item ${code} is listed twice`);
    seen.add(code);
    const primaryEmail = normEmail(a.primaryEmail);
    const secondaryEmail = normEmail(a.secondaryEmail);
    let workGroup: string | null = null;
    if (a.workGroup !== undefined && a.workGroup !== null && a.workGroup !== '') {
      const ref = typeof a.workGroup === 'string' ? a.workGroup.trim() : '';
      const group = ref ? (groups.get(ref) ?? groups.get(`name:${ref.toLowerCase()}`)) : undefined;
      if (!group)
        add(
          `ไม่พบคณะทำงาน "${String(a.workGroup).slice(0, 80)}" ของหน่วยงาน ${unit.code} / No work group "${String(a.workGroup).slice(0, 80)}" in unit ${unit.code}`,
        );
      else workGroup = group;
    }
    if (!primaryEmail && !workGroup && !(a.workGroup && typeof a.workGroup === 'string'))
      add(
        'ต้องระบุอีเมลผู้รับผิดชอบหลักหรือคณะทำงาน / primaryEmail (the primary person) or workGroup is required',
      );
    for (const [field, v] of [
      ['primaryEmail', primaryEmail],
      ['secondaryEmail', secondaryEmail],
    ] as const) {
      if (v === null) continue;
      if (!EMAIL.test(v) || v.length > 255)
        add(`${field} "${v.slice(0, 80)}" ไม่ใช่อีเมลที่ถูกต้อง / is not a valid e-mail address`);
      else emails.push(v);
    }
    if (a.secondaryEmail !== undefined && a.secondaryEmail !== null && a.secondaryEmail !== '')
      if (typeof a.secondaryEmail !== 'string')
        add('secondaryEmail ต้องเป็นข้อความ / secondaryEmail must be a string');
    if (primaryEmail && secondaryEmail && primaryEmail === secondaryEmail)
      add('ผู้รับผิดชอบหลักและรองต้องเป็นคนละคน / The primary and secondary person must differ');
    let remindDaysBefore: number | null = null;
    if (a.remindDaysBefore !== undefined && a.remindDaysBefore !== null) {
      const n = a.remindDaysBefore;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_REMIND_DAYS)
        add(
          `remindDaysBefore ต้องเป็นจำนวนเต็ม 0–${MAX_REMIND_DAYS} / remindDaysBefore must be an integer from 0 to ${MAX_REMIND_DAYS}`,
        );
      else remindDaysBefore = n;
    }
    assignments.push({
      item: code,
      primaryEmail,
      secondaryEmail,
      remindDaysBefore,
      workGroup,
    });
  });
  const admins = await adminEmails(strapi, emails);
  assignments.forEach((a, index) => {
    for (const e of [a.primaryEmail, a.secondaryEmail])
      if (e && EMAIL.test(e) && !admins.has(e))
        problems.push({
          index,
          item: a.item || null,
          message: `${e} ไม่ใช่อีเมลของผู้ใช้ระบบหลังบ้าน / ${e} is not the e-mail of an admin user`,
        });
  });
  if (problems.length)
    throw new AssignmentError(
      problems.sort((x, y) => (x.index ?? -1) - (y.index ?? -1)).slice(0, 200),
    );
  return { assignments, items };
};

/**
 * Creates or updates the unit's rows for the listed items (other rows stay as they are), all in
 * one transaction: every row is checked first, and nothing is written if one is bad.
 */
export const upsertResponsibilities = async (
  strapi: Core.Strapi,
  user: AdminUser | undefined,
  body: unknown,
  fiscalYear: number,
): Promise<{ rows: ResponsibilityRow[]; created: number; updated: number }> => {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (typeof b.unit !== 'string' || !/^[A-Za-z0-9_-]{1,20}$/.test(b.unit))
    throw new errors.ValidationError(
      'ต้องระบุรหัสหน่วยงาน (unit) / unit (the unit code) is required',
    );
  const unit = await unitByCode(strapi, b.unit);
  if (!unit)
    throw new errors.NotFoundError(`ไม่พบหน่วยงาน ${b.unit} / Unit ${b.unit} does not exist`);
  await requireAssigner(strapi, user, unit.id);
  const { assignments, items } = await checkAssignments(strapi, fiscalYear, unit, b.assignments);

  const itemIds = assignments.map((a) => (items.get(a.item) as ItemRow).id);
  let created = 0;
  let updated = 0;
  await strapi.db.transaction(async () => {
    const existing = (await strapi.db.query(RESP).findMany({
      where: { unit: { id: unit.id }, item: { id: { $in: itemIds } } },
      select: ['documentId'],
      populate: { item: { select: ['id'] } },
    })) as Array<{ documentId: string; item: { id: number } | null }>;
    const byItem = new Map(existing.map((r) => [r.item?.id, r.documentId]));
    for (const a of assignments) {
      const item = items.get(a.item) as ItemRow;
      const data = {
        primaryEmail: a.primaryEmail,
        secondaryEmail: a.secondaryEmail,
        remindDaysBefore: a.remindDaysBefore,
        workGroup: a.workGroup,
      };
      const documentId = byItem.get(item.id);
      if (documentId) {
        await strapi.documents(RESP).update({ documentId, data: data as never });
        updated += 1;
      } else {
        await strapi
          .documents(RESP)
          .create({ data: { ...data, unit: unit.documentId, item: item.documentId } as never });
        created += 1;
      }
    }
  });
  const rows = await listResponsibilities(strapi, {
    fiscalYear,
    unitIds: [unit.id],
    unitCodes: null,
  });
  return { rows, created, updated };
};

// ---------------------------------------------------------------------------------------------
// GET /compliance/my-items
// ---------------------------------------------------------------------------------------------

export type MyItem = {
  unit: string;
  unitNameTh: string;
  item: string;
  titleTh: string;
  /** primary or secondary person, or a member of the owning work group. */
  role: 'primary' | 'secondary' | 'work_group';
  workGroup?: string;
  status: Status;
  dueDate: string | null;
  missingMonths?: number[];
};

const STATUS_ORDER: Record<Status, number> = {
  overdue: 0,
  to_review: 0,
  incomplete_evidence: 1,
  in_review: 1,
  missing: 1,
  complete: 2,
  declared_none: 2,
};

/**
 * The caller's items as primary or secondary person in a fiscal year, with their status from
 * one evaluation of the units concerned: overdue first, then what is open by due date, then
 * what is done.
 */
export const myItems = async (
  strapi: Core.Strapi,
  email: string,
  fiscalYear: number,
  today?: string,
): Promise<MyItem[]> => {
  const me = email.toLowerCase();
  const rows = (
    await loadRows(strapi, {
      item: { checklist: { fiscalYear } },
      $or: [
        { primaryEmail: { $eqi: me } },
        { secondaryEmail: { $eqi: me } },
        // A member (by e-mail) of the work group that owns the item.
        { workGroup: { members: { email: { $eqi: me } } } },
      ],
    })
  ).filter((r) => r.unit && r.item);
  if (!rows.length) return [];
  const matrix = await buildMatrix(strapi, {
    fiscalYear,
    unitIds: [...new Set(rows.map((r) => (r.unit as { id: number }).id))],
    ...(today ? { today } : {}),
  });
  const cells = new Map(matrix.cells.map((c) => [`${c.unit}:${c.item}`, c]));
  const position = new Map(matrix.items.map((i) => [i.code, i.position ?? 1e9]));
  const out: MyItem[] = [];
  for (const r of rows) {
    const unit = r.unit as NonNullable<LoadedRow['unit']>;
    const item = r.item as NonNullable<LoadedRow['item']>;
    const cell = cells.get(`${unit.code}:${item.code}`);
    if (!cell) continue; // the unit is inactive, or the item is not in its scheme's list
    out.push({
      unit: unit.code,
      unitNameTh: unit.nameTh,
      item: item.code,
      titleTh: item.titleTh,
      role:
        r.primaryEmail?.toLowerCase() === me
          ? 'primary'
          : r.secondaryEmail?.toLowerCase() === me
            ? 'secondary'
            : 'work_group',
      ...(r.workGroup?.name ? { workGroup: r.workGroup.name } : {}),
      status: cell.status,
      dueDate: cell.dueDate,
      ...(cell.missingMonths ? { missingMonths: cell.missingMonths } : {}),
    });
  }
  return out.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.unit.localeCompare(b.unit) ||
      (position.get(a.item) ?? 1e9) - (position.get(b.item) ?? 1e9),
  );
};
