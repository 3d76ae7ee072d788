import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_BY_UID } from '../disclosures/types';
import { currentScope, writableUnits } from '../units/scope';
import { FILE_UID, freezes, ownersOfFiles, withKnex } from './owners';

/**
 * Frozen files: a file that a submitted, approved or published entry uses (or that the published
 * version of an entry uses) cannot be replaced, renamed, have its texts edited, or be deleted —
 * by anyone, through any route or script — because that would change what was approved without
 * an approval. Unpublish (or send the entry back to draft) first. Moving it between Media Library
 * folders stays allowed: the URL, name and bytes do not change.
 */
const FROZEN_MESSAGE =
  'ไฟล์นี้แนบอยู่กับข้อมูลที่ส่งอนุมัติ อนุมัติแล้ว หรือเผยแพร่แล้ว จึงแก้ไข แทนที่ หรือลบไม่ได้ ' +
  'ให้ยกเลิกการเผยแพร่หรือส่งข้อมูลกลับเป็นฉบับร่างก่อน แล้วแนบไฟล์ใหม่ / ' +
  'This file is attached to an entry that is submitted, approved or published, so it cannot be ' +
  'replaced, renamed, edited or deleted; unpublish the entry or send it back to draft first, then attach a new file';

export class FrozenFileError extends errors.ApplicationError {
  constructor(fileIds: number[]) {
    super(FROZEN_MESSAGE, { frozenFiles: fileIds });
  }
}

const toIds = (v: unknown): number[] =>
  (Array.isArray(v) ? v : [v])
    .map((x) => (typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : x))
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);

/** The given files that are frozen. */
export const frozenAmong = async (strapi: Core.Strapi, fileIds: number[]) => {
  const owners = await ownersOfFiles(strapi, fileIds);
  return [...new Set(owners.filter(freezes).map((o) => o.fileId))];
};

export const assertNotFrozen = async (strapi: Core.Strapi, fileIds: unknown) => {
  const frozen = await frozenAmong(strapi, toIds(fileIds));
  if (frozen.length) throw new FrozenFileError(frozen);
};

/** Files stored under any of the given folders (and their sub-folders). */
const filesInFolders = async (strapi: Core.Strapi, folderIds: number[]) => {
  if (folderIds.length === 0) return [];
  return withKnex(strapi, async (knex) => {
    const folderMeta = (
      strapi.db.metadata as unknown as { get(uid: string): { tableName: string } }
    ).get('plugin::upload.folder');
    const fileMeta = (
      strapi.db.metadata as unknown as {
        get(uid: string): {
          tableName: string;
          attributes: Record<string, { columnName?: string }>;
        };
      }
    ).get(FILE_UID);
    const paths = (await knex(folderMeta.tableName)
      .select('path')
      .whereIn('id', folderIds)) as Array<{
      path: string;
    }>;
    if (paths.length === 0) return [];
    const col = fileMeta.attributes.folderPath?.columnName ?? 'folder_path';
    const rows = (await knex(fileMeta.tableName)
      .select('id')
      .where((q) => {
        for (const { path } of paths) q.orWhere(col, path).orWhere(col, 'like', `${path}/%`);
      })) as Array<{ id: number }>;
    return rows.map((r) => Number(r.id));
  });
};

type FileRow = {
  id: number;
  name?: string;
  alternativeText?: string | null;
  caption?: string | null;
  focalPoint?: unknown;
};
type FileInfo = Partial<Omit<FileRow, 'id'>> & { folder?: unknown };

/** True when `info` would change what the public sees of the file (not only its folder). */
const changesContent = (row: FileRow, info: FileInfo | undefined) => {
  if (!info || typeof info !== 'object') return false;
  const same = (a: unknown, b: unknown) =>
    a === undefined || a === null || JSON.stringify(a) === JSON.stringify(b ?? null);
  return !(
    same(info.name, row.name) &&
    same(info.alternativeText, row.alternativeText) &&
    same(info.caption, row.caption) &&
    same(info.focalPoint, row.focalPoint)
  );
};

type Fn = (...args: never[]) => Promise<unknown>;
type Service = Record<string, Fn>;
type KoaCtx = { request: { body?: Record<string, unknown> } };

/**
 * An upload that attaches the new file straight to an entry (ref/refId/field) must not touch a
 * frozen entry, nor — for a caller limited to some units — anything but an entry of their own
 * units that they may write.
 */
const assertRefWritable = async (strapi: Core.Strapi, data: unknown) => {
  const { ref, refId } = (data ?? {}) as { ref?: unknown; refId?: unknown };
  const scope = ref === undefined || ref === null || ref === '' ? null : await currentScope(strapi);
  const refused = () =>
    new errors.ForbiddenError(
      'แนบไฟล์ได้เฉพาะกับข้อมูลของหน่วยงานของคุณ / Files can only be attached to entries of your own units',
    );
  if (scope && (typeof ref !== 'string' || !DISCLOSURE_BY_UID.has(ref))) throw refused();
  if (typeof ref !== 'string' || !DISCLOSURE_BY_UID.has(ref)) return;
  const id = typeof refId === 'number' || typeof refId === 'string' ? Number(refId) : NaN;
  if (!Number.isInteger(id) || !/^\s*\d+\s*$/.test(String(refId))) {
    if (scope) throw refused();
    return;
  }
  const row = (await strapi.db
    .query(ref as never)
    .findOne({ where: { id }, select: ['id', 'publishedAt', 'workflowState', 'unitRef'] })) as {
    publishedAt: unknown;
    workflowState: string | null;
    unitRef: number | null;
  } | null;
  if (scope && (!row || row.unitRef === null || !writableUnits(scope).includes(row.unitRef)))
    throw refused();
  if (
    row &&
    freezes({
      fileId: 0,
      uid: ref,
      id,
      publishedAt: row.publishedAt ?? null,
      workflowState: row.workflowState,
    })
  ) {
    throw new errors.ApplicationError(
      'แนบไฟล์เพิ่มกับข้อมูลที่ส่งอนุมัติ อนุมัติแล้ว หรือเผยแพร่แล้วโดยตรงไม่ได้ ให้แก้ไขฉบับร่างแล้วส่งอนุมัติใหม่ / ' +
        'Files cannot be attached directly to an entry that is submitted, approved or published; edit the draft and submit it again',
    );
  }
};

/**
 * Wraps the upload plugin where every caller passes — the services (admin Media Library,
 * content API, scripts) and the bulk controllers whose raw queries no lifecycle sees — and checks
 * before anything is written: Strapi's replace and delete touch the stored bytes before the
 * database row, so a database lifecycle would be too late.
 */
export const guardFrozenFiles = (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('upload');
  const upload = plugin.service('upload') as unknown as Service;
  const fileService = plugin.service('file') as unknown as Service;
  const folderService = plugin.service('folder') as unknown as Service;

  const wrap = (service: Service, name: string, check: (...args: unknown[]) => Promise<void>) => {
    const original = service[name];
    if (typeof original !== 'function') return;
    service[name] = (async (...args: unknown[]) => {
      await check(...args);
      return (original as (...a: unknown[]) => Promise<unknown>).apply(service, args);
    }) as Fn;
  };

  wrap(upload, 'replace', (id) => assertNotFrozen(strapi, id));
  wrap(upload, 'remove', (file) => assertNotFrozen(strapi, file));
  wrap(upload, 'upload', async (args) =>
    assertRefWritable(strapi, (args as { data?: unknown })?.data),
  );
  wrap(upload, 'updateFileInfo', async (id, info) => {
    const fileId = toIds(id)[0];
    if (!fileId) return;
    const row = (await strapi.db
      .query(FILE_UID as never)
      .findOne({ where: { id: fileId } })) as FileRow | null;
    if (!row) return;
    if (changesContent(row, info as FileInfo)) await assertNotFrozen(strapi, fileId);
  });
  // Bulk deletes: all or nothing — refuse before the first file goes.
  wrap(fileService, 'deleteByIds', (ids) => assertNotFrozen(strapi, ids));
  wrap(folderService, 'deleteByIds', async (ids) =>
    assertNotFrozen(strapi, await filesInFolders(strapi, toIds(ids))),
  );

  const controller = (name: string, action: string, check: (ctx: KoaCtx) => Promise<void>) => {
    const c = plugin.controller(name) as unknown as Record<
      string,
      (ctx: KoaCtx) => Promise<unknown>
    >;
    const original = c[action];
    if (typeof original !== 'function') return;
    c[action] = async (ctx: KoaCtx) => {
      await check(ctx);
      return original.call(c, ctx);
    };
  };
  controller('admin-folder-file', 'deleteMany', async (ctx) => {
    const body = ctx.request.body ?? {};
    await assertNotFrozen(strapi, [
      ...toIds(body.fileIds ?? []),
      ...(await filesInFolders(strapi, toIds(body.folderIds ?? []))),
    ]);
  });
  controller('admin-upload', 'bulkUpdateFileInfo', async (ctx) => {
    const updates = ctx.request.body?.updates;
    if (!Array.isArray(updates)) return;
    for (const u of updates as Array<{ id?: unknown; fileInfo?: FileInfo }>) {
      const id = toIds(u?.id)[0];
      if (!id) continue;
      const row = (await strapi.db
        .query(FILE_UID as never)
        .findOne({ where: { id } })) as FileRow | null;
      if (row && changesContent(row, u.fileInfo)) await assertNotFrozen(strapi, id);
    }
  });
};
