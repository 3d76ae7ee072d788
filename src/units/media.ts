import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UNIT_UID } from '../disclosures/types';
import { currentScope, readableUnits, writableUnits, type UnitScope } from './scope';

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

/** Our own checks must see every row, not the caller's view of them. */
const bypass = new AsyncLocalStorage<boolean>();
const unscoped = <T>(fn: () => Promise<T>) => bypass.run(true, fn);

type Unit = { id: number; code: string; nameTh: string; mediaFolderId: number | null };
type Folder = { id: number; path: string };

/** Each unit owns a top-level Media Library folder, "<CODE> <Thai name>", created with the unit. */
/** The unit's Media Library folder, created when missing, whoever is asking (server code). */
export const unitFolderOf = (strapi: Core.Strapi, unitId: number) =>
  unscoped(() => ensureUnitFolder(strapi, unitId));

export const ensureUnitFolder = async (
  strapi: Core.Strapi,
  unitId: number,
): Promise<number | null> => {
  const unit = (await strapi.db.query(UNIT_UID).findOne({ where: { id: unitId } })) as Unit | null;
  if (!unit) return null;
  if (unit.mediaFolderId) {
    const exists = await strapi.db.query(FOLDER_UID).count({ where: { id: unit.mediaFolderId } });
    if (exists) return unit.mediaFolderId;
  }
  const name = `${unit.code} ${unit.nameTh}`.slice(0, 200);
  const existing = (await strapi.db
    .query(FOLDER_UID)
    .findOne({ where: { name, parent: null } })) as Folder | null;
  const folder =
    existing ??
    ((await strapi.plugin('upload').service('folder').create({ name, parent: null })) as Folder);
  await strapi.db
    .query(UNIT_UID)
    .update({ where: { id: unit.id }, data: { mediaFolderId: folder.id } });
  return folder.id;
};

/** Folder paths ("/12") of the given units. Cached per set of ids for a short time. */
const folderPaths = async (strapi: Core.Strapi, unitIds: number[]): Promise<string[]> => {
  if (unitIds.length === 0) return [];
  // db.query, not the raw connection: it joins the caller's transaction (SQLite has one connection).
  const units = (await strapi.db.query(UNIT_UID).findMany({
    where: { id: { $in: unitIds } },
    select: ['mediaFolderId'],
  })) as Array<{ mediaFolderId: number | null }>;
  const ids = units
    .map((u) => u.mediaFolderId)
    .filter((id): id is number => typeof id === 'number');
  if (ids.length === 0) return [];
  const rows = (await unscoped(() =>
    strapi.db.query(FOLDER_UID).findMany({ where: { id: { $in: ids } }, select: ['path'] }),
  )) as Array<{ path: string }>;
  return rows.map((r) => r.path);
};

const underAny = (field: string, paths: string[]) => ({
  $or: paths.flatMap((p) => [{ [field]: p }, { [field]: { $startsWith: `${p}/` } }]),
});

/**
 * The given files that are not stored in the unit's Media Library folder (or one below it),
 * whoever is asking: a unit's records may only use the unit's own files.
 */
export const filesOutsideUnit = async (
  strapi: Core.Strapi,
  unitId: number,
  fileIds: number[],
): Promise<number[]> => {
  if (fileIds.length === 0) return [];
  const paths = await folderPaths(strapi, [unitId]);
  const rows = (await unscoped(() =>
    strapi.db
      .query(FILE_UID)
      .findMany({ where: { id: { $in: fileIds } }, select: ['id', 'folderPath'] }),
  )) as Array<{ id: number; folderPath: string | null }>;
  const inside = (p: string | null) =>
    !!p && paths.some((root) => p === root || p.startsWith(`${root}/`));
  return rows.filter((r) => !inside(r.folderPath)).map((r) => r.id);
};

/** Runs `fn` with the Media Library seen whole (our own checks, not the caller's view). */
export const withoutMediaScope = unscoped;

/** A where-clause that keeps a limited caller inside their units' folders (nothing when they have none). */
const scopeWhere = async (strapi: Core.Strapi, uid: string, scope: UnitScope) => {
  const paths = await folderPaths(strapi, readableUnits(scope));
  if (paths.length === 0) return { id: { $in: [] as number[] } };
  return underAny(uid === FILE_UID ? 'folderPath' : 'path', paths);
};

type LifecycleEvent = {
  model: { uid: string };
  params: { where?: Record<string, unknown>; data?: Record<string, unknown> };
};

const narrow = async (strapi: Core.Strapi, event: LifecycleEvent) => {
  if (bypass.getStore()) return;
  const scope = await currentScope(strapi);
  if (!scope || scope.readAll) return;
  const where = await scopeWhere(strapi, event.model.uid, scope);
  event.params.where = event.params.where ? { $and: [event.params.where, where] } : where;
};

/** Writes by a limited caller must target files/folders inside their writable units. */
const assertWritable = async (strapi: Core.Strapi, event: LifecycleEvent) => {
  if (bypass.getStore()) return;
  const scope = await currentScope(strapi);
  if (!scope) return;
  const paths = await folderPaths(strapi, writableUnits(scope));
  const field = event.model.uid === FILE_UID ? 'folderPath' : 'path';
  const where = event.params.where ?? {};
  const all = (await unscoped(() =>
    strapi.db.query(event.model.uid as never).findMany({ where, select: ['id', field] }),
  )) as Array<Record<string, string>>;
  const inside = (p: string) => paths.some((root) => p === root || p.startsWith(`${root}/`));
  if (all.some((row) => !inside(row[field] ?? '/'))) {
    throw new errors.ForbiddenError(
      'ไฟล์หรือโฟลเดอร์นี้เป็นของหน่วยงานอื่น / This file or folder belongs to another unit',
    );
  }
  // Where it goes must be inside too (a move to the root or into another unit's folder).
  const target = event.params.data?.[field];
  if (typeof target === 'string' && !inside(target)) {
    throw new errors.ApplicationError(
      "ย้ายได้เฉพาะภายในโฟลเดอร์ของหน่วยงานของคุณ / Files can only be moved within your units' folders",
    );
  }
};

/** A limited caller creates folders only inside their units' folders. */
const assertFolderParent = async (strapi: Core.Strapi, parent: unknown) => {
  if (bypass.getStore()) return;
  const scope = await currentScope(strapi);
  if (!scope) return;
  const parentId =
    typeof parent === 'object' && parent !== null
      ? Number((parent as { id?: unknown }).id)
      : Number(parent);
  const paths = await folderPaths(strapi, writableUnits(scope));
  const row = Number.isFinite(parentId)
    ? ((await unscoped(() =>
        strapi.db.query(FOLDER_UID).findOne({ where: { id: parentId }, select: ['path'] }),
      )) as { path: string } | null)
    : null;
  if (!row || !paths.some((p) => row.path === p || row.path.startsWith(`${p}/`))) {
    throw new errors.ForbiddenError(
      "สร้างโฟลเดอร์ได้เฉพาะในโฟลเดอร์ของหน่วยงานของคุณ / Folders can only be created inside your units' folders",
    );
  }
};

type FileInfo = { folder?: number | string | null } & Record<string, unknown>;
type UploadArgs = {
  data?: { fileInfo?: FileInfo | FileInfo[] } & Record<string, unknown>;
  files?: unknown;
};

/**
 * Uploads by a limited caller land in their unit's folder: none given → their (first) unit's
 * folder; a folder outside their units → refused.
 */
export const placeUpload = async (strapi: Core.Strapi, args: UploadArgs) => {
  const scope = await currentScope(strapi);
  if (!scope) return;
  const units = writableUnits(scope);
  if (units.length === 0) {
    throw new errors.ForbiddenError(
      'คุณไม่มีสิทธิ์อัปโหลดไฟล์ของหน่วยงานใด / You may not upload files for any unit',
    );
  }
  const paths = await folderPaths(strapi, units);
  const data = (args.data ??= {});
  if (!data.fileInfo) data.fileInfo = {};
  const infos: FileInfo[] = Array.isArray(data.fileInfo) ? data.fileInfo : [data.fileInfo];
  // The upload plugin pairs the n-th file with the n-th fileInfo and gives a file without one
  // no folder at all (the root, outside every unit): every file gets its own fileInfo here.
  const count = Array.isArray(args.files) ? args.files.length : 1;
  for (let i = infos.length; i < count; i += 1) infos.push({});
  data.fileInfo = infos.length === 1 && !Array.isArray(data.fileInfo) ? infos[0] : infos;
  const fallback = await unscoped(() => ensureUnitFolder(strapi, units[0]));
  for (const info of infos) {
    if (info.folder === undefined || info.folder === null || info.folder === '') {
      info.folder = fallback;
      continue;
    }
    const folder = (await unscoped(() =>
      strapi.db.query(FOLDER_UID).findOne({ where: { id: Number(info.folder) }, select: ['path'] }),
    )) as { path: string } | null;
    if (!folder || !paths.some((p) => folder.path === p || folder.path.startsWith(`${p}/`))) {
      throw new errors.ForbiddenError(
        "อัปโหลดได้เฉพาะในโฟลเดอร์ของหน่วยงานของคุณ / You may only upload into your units' folders",
      );
    }
  }
};

type KoaCtx = { request: { body?: Record<string, unknown> }; body?: unknown };
type Controller = Record<string, (ctx: KoaCtx) => Promise<unknown>>;

const assertIdsWritable = async (
  strapi: Core.Strapi,
  scope: UnitScope,
  fileIds: unknown,
  folderIds: unknown,
) => {
  const paths = await folderPaths(strapi, writableUnits(scope));
  const inside = (p: string | null | undefined) =>
    !!p && paths.some((root) => p === root || p.startsWith(`${root}/`));
  const ids = (v: unknown) => (Array.isArray(v) ? v.map(Number).filter(Number.isFinite) : []);
  const fileRows = (await unscoped(() =>
    strapi.db
      .query(FILE_UID)
      .findMany({ where: { id: { $in: ids(fileIds) } }, select: ['folderPath'] }),
  )) as Array<{ folderPath: string }>;
  const folderRows = (await unscoped(() =>
    strapi.db
      .query(FOLDER_UID)
      .findMany({ where: { id: { $in: ids(folderIds) } }, select: ['path'] }),
  )) as Array<{ path: string }>;
  // A unit's own top folder cannot be moved or deleted by its members.
  const unitRoots = new Set(paths);
  if (
    fileRows.some((f) => !inside(f.folderPath)) ||
    folderRows.some((f) => !inside(f.path) || unitRoots.has(f.path))
  ) {
    throw new errors.ForbiddenError(
      'ไฟล์หรือโฟลเดอร์นี้เป็นของหน่วยงานอื่น / This file or folder belongs to another unit',
    );
  }
  return { inside };
};

type TreeNode = { id: number; children?: TreeNode[] };

/**
 * The upload plugin's bulk move, bulk delete, bulk update and folder tree use raw query
 * builders that no lifecycle sees; these wrappers check them before (or filter them after).
 */
export const guardMediaControllers = (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('upload');
  const wrap = (
    name: string,
    action: string,
    before?: (ctx: KoaCtx, scope: UnitScope) => Promise<void>,
    after?: (ctx: KoaCtx, scope: UnitScope) => Promise<void>,
  ) => {
    const controller = plugin.controller(name) as unknown as Controller;
    const original = controller[action];
    if (typeof original !== 'function') return;
    controller[action] = async (ctx: KoaCtx) => {
      const scope = await currentScope(strapi);
      if (scope && before) await before(ctx, scope);
      const result = await original.call(controller, ctx);
      if (scope && after) await after(ctx, scope);
      return result;
    };
  };
  wrap('admin-folder-file', 'moveMany', async (ctx, scope) => {
    const body = ctx.request.body ?? {};
    const { inside } = await assertIdsWritable(strapi, scope, body.fileIds, body.folderIds);
    const dest = body.destinationFolderId;
    const destRow =
      dest === null || dest === undefined
        ? null
        : ((await unscoped(() =>
            strapi.db.query(FOLDER_UID).findOne({ where: { id: Number(dest) }, select: ['path'] }),
          )) as { path: string } | null);
    if (!destRow || !inside(destRow.path)) {
      throw new errors.ForbiddenError(
        "ย้ายได้เฉพาะภายในโฟลเดอร์ของหน่วยงานของคุณ / Files can only be moved within your units' folders",
      );
    }
  });
  wrap('admin-folder-file', 'deleteMany', async (ctx, scope) => {
    const body = ctx.request.body ?? {};
    await assertIdsWritable(strapi, scope, body.fileIds, body.folderIds);
  });
  wrap('admin-upload', 'bulkUpdateFileInfo', async (ctx, scope) => {
    const raw = ctx.request.body?.updates ?? [];
    if (!Array.isArray(raw) || raw.some((u) => typeof u !== 'object' || u === null)) {
      throw new errors.ValidationError(
        'updates ต้องเป็นรายการของ { id, fileInfo } / updates must be a list of { id, fileInfo }',
      );
    }
    const updates = raw as Array<{ id?: unknown }>;
    await assertIdsWritable(
      strapi,
      scope,
      updates.map((u) => u.id),
      [],
    );
  });
  wrap('admin-folder', 'getStructure', undefined, async (ctx, scope) => {
    if (scope.readAll) return;
    const paths = await folderPaths(strapi, readableUnits(scope));
    const visible = (await unscoped(() =>
      strapi.db
        .query(FOLDER_UID)
        .findMany({ where: underAny('path', paths.length ? paths : ['/none']), select: ['id'] }),
    )) as Array<{ id: number }>;
    const ids = new Set(visible.map((f) => f.id));
    const prune = (nodes: TreeNode[]): TreeNode[] =>
      nodes.filter((n) => ids.has(n.id)).map((n) => ({ ...n, children: prune(n.children ?? []) }));
    const body = ctx.body as { data?: TreeNode[] } | undefined;
    if (body?.data) body.data = prune(body.data);
  });
};

/**
 * Media Library scoping at the database layer: every query the upload plugin makes for a
 * limited caller (list, count, metadata, replace, move, delete — admin or content API) sees only
 * their units' folders. Public file URLs are static and keep working for published content.
 */
export const registerMediaScoping = (strapi: Core.Strapi) => {
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID, FOLDER_UID],
    beforeFindMany: (event: LifecycleEvent) => narrow(strapi, event),
    beforeFindOne: (event: LifecycleEvent) => narrow(strapi, event),
    beforeCount: (event: LifecycleEvent) => narrow(strapi, event),
    beforeCreate: (event: LifecycleEvent & { params: { data?: { parent?: unknown } } }) =>
      event.model.uid === FOLDER_UID
        ? assertFolderParent(strapi, event.params.data?.parent)
        : undefined,
    beforeUpdate: (event: LifecycleEvent) => assertWritable(strapi, event),
    beforeUpdateMany: (event: LifecycleEvent) => assertWritable(strapi, event),
    beforeDelete: (event: LifecycleEvent) => assertWritable(strapi, event),
    beforeDeleteMany: (event: LifecycleEvent) => assertWritable(strapi, event),
  } as never);
};
