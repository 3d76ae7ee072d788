import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_BY_UID, UNIT_UID } from '../disclosures/types';
import { readToOne } from '../disclosures/relations';
import { UNIT_OWNED_UIDS } from './owned';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';
import {
  currentScope,
  editableUnits,
  publishableUnits,
  readableUnits,
  writableUnits,
  type UnitScope,
} from './scope';

type Ctx = Modules.Documents.Middleware.Context;
type Params = {
  data?: Record<string, unknown>;
  documentId?: string;
  filters?: Record<string, unknown>;
};

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);

const forbidden = (th: string, en: string) => new errors.ForbiddenError(`${th} / ${en}`);

const unitIdOf = async (strapi: Core.Strapi, ref: { id?: number; documentId?: string }) => {
  if (ref.id !== undefined) return ref.id;
  const row = (await strapi.db
    .query(UNIT_UID)
    .findOne({ where: { documentId: ref.documentId }, select: ['id'] })) as { id: number } | null;
  return row?.id ?? null;
};

/** The unit of a stored document (any of its versions). */
const storedUnitId = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const rows = (await strapi.db.query(uid).findMany({
    where: { documentId },
    select: ['id'],
    populate: { unit: { select: ['id'] } },
  })) as Array<{ unit?: { id: number } | null }>;
  if (rows.length === 0) return undefined;
  // Every version must be in the caller's units (draft and published can differ mid-move).
  const ids = new Set(rows.map((r) => r.unit?.id ?? null));
  return ids.size === 1 ? [...ids][0] : null;
};

const allowedFor = (action: string, scope: UnitScope): number[] => {
  switch (action) {
    case 'create':
    case 'clone':
    case 'delete':
      return writableUnits(scope);
    case 'update':
    case 'discardDraft':
      return editableUnits(scope);
    case 'publish':
    case 'unpublish':
      return publishableUnits(scope);
    default:
      return readableUnits(scope);
  }
};

const guard = async (strapi: Core.Strapi, ctx: Ctx, scope: UnitScope) => {
  const params = ctx.params as Params;

  if (READS.has(ctx.action)) {
    if (scope.readAll) return;
    // unitRef mirrors the unit relation (src/disclosures/guard.ts): no join, no DISTINCT.
    const filter = { unitRef: { $in: readableUnits(scope) } };
    params.filters = params.filters ? { $and: [params.filters, filter] } : filter;
    return;
  }

  // Central monitors read everything and change nothing.
  const allowed = new Set(allowedFor(ctx.action, scope));

  if (ctx.action === 'create') {
    const data = (params.data ??= {});
    const change = readToOne(data.unit);
    if (change.kind !== 'set') {
      if (allowed.size === 1) {
        data.unit = { id: [...allowed][0] };
        return;
      }
      if (allowed.size === 0) {
        throw forbidden(
          'คุณไม่มีสิทธิ์สร้างข้อมูลของหน่วยงานใด',
          'You may not create content for any unit',
        );
      }
      return; // the disclosure rules answer "unit is required"
    }
    const id = await unitIdOf(strapi, change.ref);
    if (id === null || !allowed.has(id)) {
      throw forbidden(
        'สร้างข้อมูลได้เฉพาะในหน่วยงานของคุณ',
        'You may only create content in your own units',
      );
    }
    return;
  }

  const documentId = params.documentId;
  if (documentId) {
    const current = await storedUnitId(strapi, ctx.uid, documentId);
    if (current === undefined) return; // not found: Strapi answers 404
    if (current === null || !allowed.has(current)) {
      throw forbidden('ข้อมูลนี้เป็นของหน่วยงานอื่น', 'This entry belongs to another unit');
    }
  }
  if ((ctx.action === 'update' || ctx.action === 'clone') && params.data) {
    const change = readToOne(params.data.unit);
    if (change.kind === 'set') {
      const target = await unitIdOf(strapi, change.ref);
      const writable = new Set(
        ctx.action === 'clone' ? writableUnits(scope) : editableUnits(scope),
      );
      if (target === null || !writable.has(target)) {
        throw forbidden(
          'ย้ายข้อมูลไปหน่วยงานอื่นไม่ได้',
          'An entry cannot be moved to a unit you do not belong to',
        );
      }
    }
  }
};

/**
 * Unit scoping on the Document Service: whatever the path (Content Manager, bulk actions,
 * relation pickers, widgets, REST with a unit's API token, scripts run in a request), a caller
 * limited to some units reads only those units' disclosures, creates only in them, cannot move
 * an entry out of them, and cannot change, delete or publish another unit's entry.
 */
/** Shared registries: the units (no draft — a write is public at once) and the ITA checklists. */
const REGISTRY_UIDS = new Set<string>([UNIT_UID, CHECKLIST_UID, ITEM_UID]);

export const registerUnitGuard = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (REGISTRY_UIDS.has(ctx.uid) && !READS.has(ctx.action)) {
      // A caller limited to some units (a unit's API token, an editor, approver, publisher or
      // monitor) never creates, changes or deletes units or checklists: that would switch a
      // centrally published unit to publish itself, rename another unit or move its website
      // (a CORS origin). Administrators, unmapped tokens and scripts are not limited.
      if (await currentScope(strapi)) {
        throw forbidden(
          'ทะเบียนหน่วยงานและชุดตัวชี้วัดแก้ไขได้โดยผู้ดูแลระบบเท่านั้น',
          'Units and ITA checklists are managed by administrators only',
        );
      }
      return next();
    }
    if (ctx.uid === UNIT_UID && READS.has(ctx.action)) {
      // Unit pickers and the units list show a limited user their own units only.
      const scope = await currentScope(strapi);
      if (scope && !scope.readAll) {
        const params = ctx.params as Params;
        const filter = { id: { $in: readableUnits(scope) } };
        params.filters = params.filters ? { $and: [params.filters, filter] } : filter;
      }
      return next();
    }
    if (!DISCLOSURE_BY_UID.has(ctx.uid) && !UNIT_OWNED_UIDS.has(ctx.uid)) return next();
    const scope = await currentScope(strapi);
    if (scope) await guard(strapi, ctx, scope);
    return next();
  });
};
