import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UNIT_UID } from '../disclosures/types';
import { currentScope, readableUnits, writableUnits, type UnitScope } from './scope';

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

type Unit = { id: number; code: string; nameTh: string; mediaFolderId: number | null };
type Folder = { id: number; path: string };

/** Each unit owns a top-level Media Library folder, "<CODE> <Thai name>", created with the unit. */
export const ensureUnitFolder = async (strapi: Core.Strapi, unitId: number): Promise<number | null> => {
  const unit = (await strapi.db.query(UNIT_UID).findOne({ where: { id: unitId } })) as Unit | null;
  if (!unit) return null;
  if (unit.mediaFolderId) {
    const exists = await strapi.db.query(FOLDER_UID).count({ where: { id: unit.mediaFolderId } });
    if (exists) return unit.mediaFolderId;
  }
  const name = `${unit.code} ${unit.nameTh}`.slice(0, 200);
  const existing = (await strapi.db.query(FOLDER_UID).findOne({ where: { name, parent: null } })) as Folder | null;
  const folder = existing ?? ((await strapi.plugin('upload').service('folder').create({ name, parent: null })) as Folder);
  await strapi.db.query(UNIT_UID).update({ where: { id: unit.id }, data: { mediaFolderId: folder.id } });
  return folder.id;
};

/** Folder paths ("/12") of the given units. Cached per set of ids for a short time. */
const folderPaths = async (strapi: Core.Strapi, unitIds: number[]): Promise<string[]> => {
  if (unitIds.length === 0) return [];
  const units = (await strapi.db.connection('units').select('media_folder_id').whereIn('id', unitIds)) as Array<{ media_folder_id: number | null }>;
  const ids = units.map((u) => u.media_folder_id).filter((id): id is number => id !== null);
  if (ids.length === 0) return [];
  const rows = (await strapi.db.connection('upload_folders').select('path').whereIn('id', ids)) as Array<{ path: string }>;
  return rows.map((r) => r.path);
};

const underAny = (field: string, paths: string[]) => ({
  $or: paths.flatMap((p) => [{ [field]: p }, { [field]: { $startsWith: `${p}/` } }]),
});

/** A where-clause that keeps a limited caller inside their units' folders (nothing when they have none). */
const scopeWhere = async (strapi: Core.Strapi, uid: string, scope: UnitScope) => {
  const paths = await folderPaths(strapi, readableUnits(scope));
  if (paths.length === 0) return { id: { $in: [] as number[] } };
  return underAny(uid === FILE_UID ? 'folderPath' : 'path', paths);
};

type LifecycleEvent = { model: { uid: string }; params: { where?: Record<string, unknown> } };

/** Our own checks must see every row, not the caller's view of them. */
const bypass = new AsyncLocalStorage<boolean>();
const unscoped = <T>(fn: () => Promise<T>) => bypass.run(true, fn);

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
    throw new errors.ForbiddenError('ไฟล์หรือโฟลเดอร์นี้เป็นของหน่วยงานอื่น / This file or folder belongs to another unit');
  }
};

/** A limited caller creates folders only inside their units' folders. */
const assertFolderParent = async (strapi: Core.Strapi, parent: unknown) => {
  if (bypass.getStore()) return;
  const scope = await currentScope(strapi);
  if (!scope) return;
  const parentId = typeof parent === 'object' && parent !== null ? Number((parent as { id?: unknown }).id) : Number(parent);
  const paths = await folderPaths(strapi, writableUnits(scope));
  const row = Number.isFinite(parentId)
    ? ((await strapi.db.connection('upload_folders').select('path').where('id', parentId).first()) as { path: string } | undefined)
    : undefined;
  if (!row || !paths.some((p) => row.path === p || row.path.startsWith(`${p}/`))) {
    throw new errors.ForbiddenError('สร้างโฟลเดอร์ได้เฉพาะในโฟลเดอร์ของหน่วยงานของคุณ / Folders can only be created inside your units\' folders');
  }
};

type FileInfo = { folder?: number | string | null } & Record<string, unknown>;
type UploadArgs = { data?: { fileInfo?: FileInfo | FileInfo[] } & Record<string, unknown>; files?: unknown };

/**
 * Uploads by a limited caller land in their unit's folder: none given → their (first) unit's
 * folder; a folder outside their units → refused.
 */
export const placeUpload = async (strapi: Core.Strapi, args: UploadArgs) => {
  const scope = await currentScope(strapi);
  if (!scope) return;
  const units = writableUnits(scope);
  if (units.length === 0) {
    throw new errors.ForbiddenError('คุณไม่มีสิทธิ์อัปโหลดไฟล์ของหน่วยงานใด / You may not upload files for any unit');
  }
  const paths = await folderPaths(strapi, units);
  const data = (args.data ??= {});
  if (!data.fileInfo) data.fileInfo = {};
  const infos: FileInfo[] = Array.isArray(data.fileInfo) ? data.fileInfo : [data.fileInfo];
  const fallback = await unscoped(() => ensureUnitFolder(strapi, units[0]));
  for (const info of infos) {
    if (info.folder === undefined || info.folder === null || info.folder === '') {
      info.folder = fallback;
      continue;
    }
    const folder = (await strapi.db.connection('upload_folders').select('path').where('id', Number(info.folder)).first()) as { path: string } | undefined;
    if (!folder || !paths.some((p) => folder.path === p || folder.path.startsWith(`${p}/`))) {
      throw new errors.ForbiddenError('อัปโหลดได้เฉพาะในโฟลเดอร์ของหน่วยงานของคุณ / You may only upload into your units\' folders');
    }
  }
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
      event.model.uid === FOLDER_UID ? assertFolderParent(strapi, event.params.data?.parent) : undefined,
    beforeUpdate: (event: LifecycleEvent) => assertWritable(strapi, event),
    beforeUpdateMany: (event: LifecycleEvent) => assertWritable(strapi, event),
    beforeDelete: (event: LifecycleEvent) => assertWritable(strapi, event),
    beforeDeleteMany: (event: LifecycleEvent) => assertWritable(strapi, event),
  } as never);
};
