import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import fs from 'fs';
import path from 'path';
import { appendEvent } from '../workflow/audit';
import { editableUnits, readableUnits, scopeOfAdmin, MEMBERSHIP_UID } from '../units/scope';
import { open, seal } from './crypto';
import { notifyReporter } from './notify';
import { QA_UID, qaDraftFromQuestion } from './qa';
import {
  attachmentsDir,
  COMPLAINT_UID,
  REQUEST_UID,
  TRACKING_CODE,
  type StoredAttachment,
} from './service';
import { bad, objectBody, onlyFields, text } from './validate';

/**
 * The admin API of the participation inbox (prefix /participation, admin authentication):
 *   GET  /participation/inbox?unit=CODE[&status=&kind=]   corrections and questions, unit-scoped
 *   POST /participation/requests/:trackingCode/assign|reply|resolve|reject
 *   GET  /participation/complaints[?unit=CODE&status=]    complaint officers only, every read audited
 *   GET  /participation/complaints/:trackingCode
 *   POST /participation/complaints/:trackingCode/status
 *   GET  /participation/complaints/:trackingCode/attachments/:fileId
 */

type AdminUser = { id: number; email?: string };
const UNIT_UID = 'api::unit.unit';
const REQUEST_STATUSES = ['received', 'assigned', 'answered', 'resolved', 'rejected'] as const;
const COMPLAINT_STATUSES = ['received', 'investigating', 'resolved', 'rejected'] as const;

const userOf = (ctx: Context): AdminUser => {
  const user = ctx.state?.user as AdminUser | undefined;
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  return user;
};

const forbidden = (th: string, en: string) => new errors.ForbiddenError(`${th} / ${en}`);

const unitParam = async (strapi: Core.Strapi, raw: unknown) => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_-]{2,20}$/.test(raw))
    throw bad('รหัสหน่วยงานไม่ถูกต้อง', 'Invalid unit code');
  const unit = (await strapi.db
    .query(UNIT_UID)
    .findOne({ where: { code: raw.toUpperCase() }, select: ['id', 'code'] })) as {
    id: number;
    code: string;
  } | null;
  if (!unit) throw new errors.NotFoundError(`ไม่พบหน่วยงาน ${raw} / No unit ${raw}`);
  return unit;
};

const enumParam = (raw: unknown, values: readonly string[], name: string) => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !values.includes(raw))
    throw bad(`${name} ไม่ถูกต้อง`, `${name} must be one of ${values.join(', ')}`);
  return raw;
};

const onlyQuery = (ctx: Context, allowed: string[]) => {
  const extra = Object.keys(ctx.query ?? {}).filter((k) => !allowed.includes(k));
  if (extra.length)
    throw bad(
      `ไม่รู้จักพารามิเตอร์ ${extra.join(', ').slice(0, 60)}`,
      `Unknown query parameter ${extra.join(', ').slice(0, 60)} (allowed: ${allowed.join(', ')})`,
    );
};

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
const safeOpen = (strapi: Core.Strapi, v: unknown) => {
  try {
    return open(v as string | null);
  } catch (error) {
    strapi.log.error(`[participation] cannot decrypt a stored value: ${(error as Error).message}`);
    return null;
  }
};

// ---------------------------------------------------------------- corrections and questions

type RequestRow = {
  id: number;
  documentId: string;
  trackingCode: string;
  kind: string;
  status: string;
  message: string;
  nameEnc: string | null;
  emailEnc: string | null;
  publishConsent: boolean;
  entryUid: string | null;
  entryDocumentId: string | null;
  assigneeId: number | null;
  assigneeEmail: string | null;
  reply: string | null;
  rejectionReason: string | null;
  receivedAt: string;
  dueAt: string | null;
  closedAt: string | null;
  answeredAt?: string | null;
  qaDocumentId?: string | null;
  lastReminderFor?: string | null;
  unit: { id: number; code: string; nameTh: string } | null;
};

const requestView = (strapi: Core.Strapi, r: RequestRow, now = Date.now()) => ({
  trackingCode: r.trackingCode,
  kind: r.kind,
  status: r.status,
  unit: r.unit ? { code: r.unit.code, nameTh: r.unit.nameTh } : null,
  message: r.message,
  // The asker's name for a question; the e-mail is never shown (the system writes to it).
  name: r.kind === 'question' ? safeOpen(strapi, r.nameEnc) : null,
  hasEmail: Boolean(r.emailEnc),
  publishConsent: r.kind === 'question' ? Boolean(r.publishConsent) : null,
  entry: r.entryDocumentId ? { uid: r.entryUid, documentId: r.entryDocumentId } : null,
  assignee: r.assigneeEmail,
  reply: r.reply,
  rejectionReason: r.rejectionReason,
  receivedAt: iso(r.receivedAt),
  dueAt: iso(r.dueAt),
  closedAt: iso(r.closedAt),
  // The draft (or published) Q&A entry made from this question's answer.
  qa: r.qaDocumentId ? { uid: QA_UID, documentId: r.qaDocumentId } : null,
  overdue:
    !['answered', 'resolved', 'rejected'].includes(r.status) &&
    Boolean(r.dueAt) &&
    new Date(r.dueAt as string).getTime() < now,
});

/** Units whose inbox the caller reads: null = every unit (administrators, central monitors). */
const inboxUnits = async (strapi: Core.Strapi, user: AdminUser): Promise<number[] | null> => {
  const scope = await scopeOfAdmin(strapi, user);
  if (scope.unrestricted || scope.readAll) return null;
  const ids = readableUnits(scope);
  if (!ids.length)
    throw forbidden('ท่านยังไม่ได้เป็นสมาชิกของหน่วยงานใด', 'You are not a member of any unit');
  return ids;
};

const loadRequest = async (strapi: Core.Strapi, raw: unknown) => {
  const code = typeof raw === 'string' ? raw.toUpperCase() : '';
  const row = TRACKING_CODE.test(code)
    ? ((await strapi.db.query(REQUEST_UID).findOne({
        where: { trackingCode: code },
        populate: { unit: { select: ['id', 'code', 'nameTh'] } },
      })) as RequestRow | null)
    : null;
  if (!row) throw new errors.NotFoundError('ไม่พบเรื่องนี้ / No such request');
  return row;
};

/** The caller answers for the request's unit (editor, approver, central publisher, administrator). */
const requireResponder = async (strapi: Core.Strapi, user: AdminUser, row: RequestRow) => {
  const scope = await scopeOfAdmin(strapi, user);
  if (scope.unrestricted) return 'admin';
  if (row.unit && editableUnits(scope).includes(row.unit.id)) return 'unit-staff';
  // Someone who may not even see it gets the same answer as for a request that does not exist.
  if (!scope.readAll && !(row.unit && readableUnits(scope).includes(row.unit.id)))
    throw new errors.NotFoundError('ไม่พบเรื่องนี้ / No such request');
  throw forbidden(
    'เฉพาะบรรณาธิการ ผู้อนุมัติ หรือผู้เผยแพร่ของหน่วยงานนี้',
    "Only this unit's editors, approvers or publishers answer its requests",
  );
};

const changeRequest = async (
  strapi: Core.Strapi,
  user: AdminUser,
  row: RequestRow,
  action: string,
  data: Partial<RequestRow>,
  role: string,
) => {
  const from = row.status;
  await strapi.db.transaction(async () => {
    // Compare-and-set on the status read: of two answers at once (a reply and a rejection), the
    // second finds the request changed and is refused, so a closed request is never reopened.
    const { count } = await strapi.db
      .query(REQUEST_UID)
      .updateMany({ where: { id: row.id, status: from }, data });
    if (!count)
      throw new errors.ApplicationError(
        'เรื่องนี้เพิ่งถูกเปลี่ยนสถานะโดยผู้อื่น โปรดโหลดใหม่ / The request was just changed by someone else; reload it',
      );
    await appendEvent(strapi, {
      contentType: REQUEST_UID,
      entryDocumentId: row.documentId,
      locale: null,
      action: `participation_${action}`,
      fromState: from,
      toState: (data.status as string) ?? from,
      actorId: user.id,
      actorEmail: user.email ?? null,
      actorRole: role,
      unitId: row.unit?.id ?? null,
      comment: null,
      contentHash: null,
    });
  });
  const next = { ...row, ...data } as RequestRow;
  if (data.status === 'answered' || data.status === 'resolved') {
    // A question the asker agreed to publish becomes a draft Q&A entry of the unit; a failure
    // there is logged and never undoes the answer.
    try {
      next.qaDocumentId = await qaDraftFromQuestion(strapi, next, next.reply);
    } catch (error) {
      strapi.log.warn(
        `[participation] Q&A draft of ${row.trackingCode} not created: ${(error as Error).message}`,
      );
    }
  }
  if (data.status && data.status !== from)
    notifyReporter(
      strapi,
      safeOpen(strapi, row.emailEnc),
      row.trackingCode,
      data.status,
      row.unit?.nameTh ?? '',
    );
  return requestView(strapi, next);
};

const CLOSED = new Set(['resolved', 'rejected']);
const notClosed = (row: RequestRow) => {
  if (CLOSED.has(row.status))
    throw bad('เรื่องนี้ปิดแล้ว', `This request is already ${row.status}`);
};

// ------------------------------------------------------------------------------ complaints

type ComplaintRow = {
  id: number;
  documentId: string;
  trackingCode: string;
  category: string;
  anonymous: boolean;
  messageEnc: string;
  contactEnc: string | null;
  attachments: StoredAttachment[] | null;
  consentVersion: string | null;
  status: string;
  statusNoteEnc: string | null;
  receivedAt: string;
  closedAt: string | null;
  unit: { id: number; code: string; nameTh: string } | null;
};

/**
 * The units whose complaints the caller handles: only active complaint-officer memberships of
 * an active user (a membership without a unit covers every unit). Nobody else — not a unit's
 * editors, approvers, publishers, the central monitor, nor an administrator without such a
 * membership.
 */
export const officerUnits = async (
  strapi: Core.Strapi,
  user: AdminUser,
): Promise<number[] | null> => {
  const row = (await strapi.db
    .query('admin::user')
    .findOne({ where: { id: user.id }, select: ['id', 'isActive'] })) as {
    isActive: boolean;
  } | null;
  const memberships =
    row && row.isActive !== false
      ? ((await strapi.db.query(MEMBERSHIP_UID).findMany({
          where: { userId: user.id, role: 'complaint-officer', active: true },
          select: ['id'],
          populate: { unit: { select: ['id'] } },
        })) as Array<{ unit: { id: number } | null }>)
      : [];
  if (!memberships.length)
    throw forbidden(
      'เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน',
      'Complaints are seen by complaint officers only',
    );
  if (memberships.some((m) => !m.unit)) return null;
  return [...new Set(memberships.map((m) => (m.unit as { id: number }).id))];
};

const complaintView = (strapi: Core.Strapi, c: ComplaintRow) => {
  const contact = safeOpen(strapi, c.contactEnc);
  return {
    trackingCode: c.trackingCode,
    unit: c.unit ? { code: c.unit.code, nameTh: c.unit.nameTh } : null,
    category: c.category,
    anonymous: c.anonymous,
    status: c.status,
    message: safeOpen(strapi, c.messageEnc),
    contact: contact ? JSON.parse(contact) : null,
    statusNote: safeOpen(strapi, c.statusNoteEnc),
    attachments: (c.attachments ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      mime: a.mime,
      size: a.size,
    })),
    consentVersion: c.consentVersion,
    receivedAt: iso(c.receivedAt),
    closedAt: iso(c.closedAt),
  };
};

/** Every read of a complaint is an event of the audit chain (who, which, when; never what). */
const auditComplaint = (
  strapi: Core.Strapi,
  user: AdminUser,
  c: ComplaintRow,
  action: string,
  toState = c.status,
) =>
  appendEvent(strapi, {
    contentType: COMPLAINT_UID,
    entryDocumentId: c.documentId,
    locale: null,
    action,
    fromState: c.status,
    toState,
    actorId: user.id,
    actorEmail: user.email ?? null,
    actorRole: 'complaint-officer',
    unitId: c.unit?.id ?? null,
    comment: null,
    contentHash: null,
  });

const loadComplaint = async (strapi: Core.Strapi, user: AdminUser, raw: unknown) => {
  const units = await officerUnits(strapi, user);
  const code = typeof raw === 'string' ? raw.toUpperCase() : '';
  const row = TRACKING_CODE.test(code)
    ? ((await strapi.db.query(COMPLAINT_UID).findOne({
        where: { trackingCode: code },
        populate: { unit: { select: ['id', 'code', 'nameTh'] } },
      })) as ComplaintRow | null)
    : null;
  if (!row || (units && !(row.unit && units.includes(row.unit.id))))
    throw new errors.NotFoundError('ไม่พบเรื่องร้องเรียนนี้ / No such complaint');
  return row;
};

export const participationAdminController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * What the caller may do here (the admin panel shows its pages from this): the units whose
   * inbox they read and those they answer for (null = every unit), and whether they are a
   * complaint officer. Never an error for a signed-in user.
   */
  async me(ctx: Context) {
    const user = userOf(ctx);
    onlyQuery(ctx, []);
    const scope = await scopeOfAdmin(strapi, user);
    const all = scope.unrestricted || scope.readAll;
    const readIds = all ? null : readableUnits(scope);
    const answerIds = scope.unrestricted ? null : editableUnits(scope);
    const units = (await strapi.db.query(UNIT_UID).findMany({
      where: readIds ? { id: { $in: readIds } } : { active: { $ne: false } },
      select: ['id', 'code', 'nameTh'],
      orderBy: [{ code: 'asc' }],
    })) as Array<{ id: number; code: string; nameTh: string }>;
    let complaintOfficer = true;
    try {
      await officerUnits(strapi, user);
    } catch {
      complaintOfficer = false;
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      data: {
        inbox: all || (readIds?.length ?? 0) > 0,
        units: units.map((u) => ({
          code: u.code,
          nameTh: u.nameTh,
          answer: answerIds === null || answerIds.includes(u.id),
        })),
        complaintOfficer,
      },
    };
  },

  async inbox(ctx: Context) {
    const user = userOf(ctx);
    onlyQuery(ctx, ['unit', 'status', 'kind']);
    const visible = await inboxUnits(strapi, user);
    const unit = await unitParam(strapi, ctx.query.unit);
    const status = enumParam(ctx.query.status, REQUEST_STATUSES, 'status');
    const kind = enumParam(ctx.query.kind, ['correction', 'question'], 'kind');
    if (unit && visible && !visible.includes(unit.id))
      throw forbidden('ท่านไม่ได้เป็นสมาชิกของหน่วยงานนี้', 'You are not a member of this unit');
    const where: Record<string, unknown> = {};
    if (unit) where.unitRef = unit.id;
    else if (visible) where.unitRef = { $in: visible };
    if (status) where.status = status;
    if (kind) where.kind = kind;
    const rows = (await strapi.db.query(REQUEST_UID).findMany({
      where,
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      limit: 500,
      populate: { unit: { select: ['id', 'code', 'nameTh'] } },
    })) as RequestRow[];
    const now = Date.now();
    const data = rows.map((r) => requestView(strapi, r, now));
    ctx.body = {
      data,
      meta: {
        total: data.length,
        open: data.filter((r) => !['answered', 'resolved', 'rejected'].includes(r.status)).length,
        overdue: data.filter((r) => r.overdue).length,
      },
    };
  },

  async assign(ctx: Context) {
    const user = userOf(ctx);
    const row = await loadRequest(strapi, ctx.params.trackingCode);
    const role = await requireResponder(strapi, user, row);
    notClosed(row);
    const body = objectBody(ctx.request.body ?? {});
    onlyFields(body, ['assignee']);
    let assignee = { id: user.id, email: user.email ?? null };
    const wanted = text(body, 'assignee', 254, false, 'ผู้รับผิดชอบ');
    if (wanted) {
      const member = (await strapi.db.query(MEMBERSHIP_UID).findOne({
        where: {
          userEmail: wanted.toLowerCase(),
          active: true,
          role: { $in: ['editor', 'approver', 'publisher'] },
          unit: { id: row.unit?.id ?? -1 },
        },
        select: ['userId', 'userEmail'],
      })) as { userId: number; userEmail: string } | null;
      if (!member)
        throw bad(
          `${wanted} ไม่ได้เป็นสมาชิกของหน่วยงานนี้`,
          `${wanted} is not an editor, approver or publisher of this unit`,
          'assignee',
        );
      assignee = { id: member.userId, email: member.userEmail };
    }
    ctx.body = {
      data: await changeRequest(
        strapi,
        user,
        row,
        'assign',
        {
          assigneeId: assignee.id,
          assigneeEmail: assignee.email,
          // A new assignee gets their own reminders.
          lastReminderFor: assignee.id === row.assigneeId ? row.lastReminderFor : null,
          status: row.status === 'received' ? 'assigned' : row.status,
        },
        role,
      ),
    };
  },

  async reply(ctx: Context) {
    const user = userOf(ctx);
    const row = await loadRequest(strapi, ctx.params.trackingCode);
    const role = await requireResponder(strapi, user, row);
    notClosed(row);
    const body = objectBody(ctx.request.body ?? {});
    onlyFields(body, ['reply']);
    const reply = text(body, 'reply', 10000, true, 'คำตอบ') as string;
    ctx.body = {
      data: await changeRequest(
        strapi,
        user,
        row,
        'reply',
        { reply, status: 'answered', answeredAt: row.answeredAt ?? new Date().toISOString() },
        role,
      ),
    };
  },

  async resolve(ctx: Context) {
    const user = userOf(ctx);
    const row = await loadRequest(strapi, ctx.params.trackingCode);
    const role = await requireResponder(strapi, user, row);
    notClosed(row);
    const body = objectBody(ctx.request.body ?? {});
    onlyFields(body, ['reply']);
    const reply = text(body, 'reply', 10000, false, 'คำตอบ');
    ctx.body = {
      data: await changeRequest(
        strapi,
        user,
        row,
        'resolve',
        {
          ...(reply ? { reply } : {}),
          status: 'resolved',
          closedAt: new Date().toISOString(),
          // The time to answer counts to the first answer (a reply, or this resolution).
          answeredAt: row.answeredAt ?? new Date().toISOString(),
        },
        role,
      ),
    };
  },

  async reject(ctx: Context) {
    const user = userOf(ctx);
    const row = await loadRequest(strapi, ctx.params.trackingCode);
    const role = await requireResponder(strapi, user, row);
    notClosed(row);
    const body = objectBody(ctx.request.body ?? {});
    onlyFields(body, ['reason']);
    const reason = text(body, 'reason', 5000, true, 'เหตุผลที่ไม่รับดำเนินการ') as string;
    ctx.body = {
      data: await changeRequest(
        strapi,
        user,
        row,
        'reject',
        { rejectionReason: reason, status: 'rejected', closedAt: new Date().toISOString() },
        role,
      ),
    };
  },

  async complaints(ctx: Context) {
    const user = userOf(ctx);
    onlyQuery(ctx, ['unit', 'status']);
    const units = await officerUnits(strapi, user);
    const unit = await unitParam(strapi, ctx.query.unit);
    const status = enumParam(ctx.query.status, COMPLAINT_STATUSES, 'status');
    if (unit && units && !units.includes(unit.id))
      throw forbidden(
        'ท่านไม่ได้เป็นเจ้าหน้าที่รับเรื่องร้องเรียนของหน่วยงานนี้',
        'You are not a complaint officer of this unit',
      );
    const where: Record<string, unknown> = {};
    if (unit) where.unitRef = unit.id;
    else if (units) where.unitRef = { $in: units };
    if (status) where.status = status;
    const rows = (await strapi.db.query(COMPLAINT_UID).findMany({
      where,
      orderBy: { id: 'desc' },
      limit: 200,
      populate: { unit: { select: ['id', 'code', 'nameTh'] } },
    })) as ComplaintRow[];
    for (const row of rows) await auditComplaint(strapi, user, row, 'complaint_read');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: rows.map((r) => complaintView(strapi, r)), meta: { total: rows.length } };
  },

  async complaint(ctx: Context) {
    const user = userOf(ctx);
    onlyQuery(ctx, []);
    const row = await loadComplaint(strapi, user, ctx.params.trackingCode);
    await auditComplaint(strapi, user, row, 'complaint_read');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: complaintView(strapi, row) };
  },

  async complaintStatus(ctx: Context) {
    const user = userOf(ctx);
    const row = await loadComplaint(strapi, user, ctx.params.trackingCode);
    const body = objectBody(ctx.request.body ?? {});
    onlyFields(body, ['status', 'note']);
    const status = enumParam(body.status, COMPLAINT_STATUSES, 'status');
    if (!status) throw bad('กรุณาระบุสถานะ', 'status is required', 'status');
    const note = text(body, 'note', 5000, status === 'rejected', 'หมายเหตุ/เหตุผล');
    const closed = status === 'resolved' || status === 'rejected';
    await strapi.db.transaction(async () => {
      await strapi.db.query(COMPLAINT_UID).update({
        where: { id: row.id },
        data: {
          status,
          ...(note ? { statusNoteEnc: seal(note) } : {}),
          closedAt: closed ? new Date().toISOString() : null,
        },
      });
      await auditComplaint(strapi, user, row, 'complaint_status', status);
    });
    if (status !== row.status) {
      const contact = safeOpen(strapi, row.contactEnc);
      const email = contact ? ((JSON.parse(contact) as { email?: string }).email ?? null) : null;
      notifyReporter(strapi, email, row.trackingCode, status, row.unit?.nameTh ?? '');
    }
    const fresh = (await strapi.db.query(COMPLAINT_UID).findOne({
      where: { id: row.id },
      populate: { unit: { select: ['id', 'code', 'nameTh'] } },
    })) as ComplaintRow;
    ctx.body = { data: complaintView(strapi, fresh) };
  },

  async attachment(ctx: Context) {
    const user = userOf(ctx);
    const row = await loadComplaint(strapi, user, ctx.params.trackingCode);
    const file = (row.attachments ?? []).find((a) => a.id === ctx.params.fileId);
    if (!file || !/^[a-f0-9]{32}$/.test(file.stored))
      throw new errors.NotFoundError('ไม่พบไฟล์แนบนี้ / No such attachment');
    const full = path.join(attachmentsDir(strapi), file.stored);
    if (!fs.existsSync(full))
      throw new errors.NotFoundError('ไม่พบไฟล์แนบนี้ / No such attachment');
    await auditComplaint(strapi, user, row, 'complaint_attachment');
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.attachment(file.name, { type: 'attachment' });
    ctx.type = file.mime;
    ctx.body = fs.createReadStream(full);
  },
});
