import { createHmac, timingSafeEqual } from 'crypto';
import type { Core } from '@strapi/strapi';
import { DISCLOSURE_BY_UID } from '../disclosures/types';
import { FILE_UID, ownersOfFiles, publishes, withKnex } from './owners';
import { metaOf } from '../disclosures/metadata';

/**
 * Draft files are not public. A file's bytes are served to anonymous requests at /uploads/...
 * only while a published entry uses it (`servedPublicly`, kept on the file row: set when an
 * entry is published, recomputed when one is unpublished, deleted or replaced by a new published
 * version). Everything else — files of drafts, files attached to nothing — is served only with a
 * signed, short-lived URL, which Strapi hands to staff: the upload plugin signs file URLs in admin
 * and authenticated responses when its provider says it is private, and here it says so.
 */

const meta = metaOf;

type SchemaAttr = { type: string; component?: string; components?: string[] };
const schemaOf = (strapi: Core.Strapi, uid: string) =>
  ((strapi.contentTypes as unknown as Record<string, { attributes: Record<string, SchemaAttr> }>)[
    uid
  ] ??
    (strapi.components as unknown as Record<string, { attributes: Record<string, SchemaAttr> }>)[
      uid
    ]) as { attributes: Record<string, SchemaAttr> } | undefined;

/** Files used by the given rows of `uid`, their components included (any depth). */
const filesOfRows = async (strapi: Core.Strapi, uid: string, ids: number[]): Promise<number[]> => {
  const related = meta(strapi, FILE_UID).attributes.related?.joinTable;
  if (!related?.morphColumn || ids.length === 0) return [];
  return withKnex(strapi, async (knex) => {
    const out: number[] = [];
    let level: Array<{ uid: string; ids: number[] }> = [{ uid, ids }];
    for (let depth = 0; level.length && depth < 10; depth += 1) {
      const next: Array<{ uid: string; ids: number[] }> = [];
      for (const { uid: u, ids: rowIds } of level) {
        const files = (await knex(related.name)
          .select({ fileId: related.joinColumn.name })
          .where(related.morphColumn!.typeColumn.name, u)
          .whereIn(related.morphColumn!.idColumn.name, rowIds)) as Array<{ fileId: number }>;
        out.push(...files.map((f) => Number(f.fileId)));
        const schema = schemaOf(strapi, u);
        for (const [name, attr] of Object.entries(schema?.attributes ?? {})) {
          if (attr.type !== 'component' && attr.type !== 'dynamiczone') continue;
          const jt = meta(strapi, u).attributes[name]?.joinTable;
          const inverse = jt?.inverseJoinColumn?.name ?? jt?.morphColumn?.idColumn.name;
          if (!jt || !inverse) continue;
          const rows = (await knex(jt.name)
            .select({ child: inverse, type: 'component_type' })
            .whereIn(jt.joinColumn.name, rowIds)) as Array<{ child: number; type: string }>;
          const byType = new Map<string, number[]>();
          for (const r of rows)
            byType.set(r.type, [...(byType.get(r.type) ?? []), Number(r.child)]);
          for (const [t, childIds] of byType) next.push({ uid: t, ids: childIds });
        }
      }
      level = next;
    }
    return [...new Set(out)];
  });
};

const filesOfDocument = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const m = meta(strapi, uid);
  const rows = (await withKnex(strapi, (knex) =>
    knex(m.tableName)
      .select('id')
      .where(m.attributes.documentId?.columnName ?? 'document_id', documentId),
  )) as Array<{ id: number }>;
  return filesOfRows(
    strapi,
    uid,
    rows.map((r) => Number(r.id)),
  );
};

const flagColumn = (strapi: Core.Strapi) =>
  meta(strapi, FILE_UID).attributes.servedPublicly?.columnName ?? 'served_publicly';

/** Sets `servedPublicly` of the given files from the rows that use them now. */
export const recomputeVisibility = async (strapi: Core.Strapi, fileIds: number[]) => {
  const ids = [...new Set(fileIds)].filter((n) => Number.isInteger(n) && n > 0);
  if (ids.length === 0) return;
  const owners = await ownersOfFiles(strapi, ids);
  const pub = new Set(owners.filter(publishes).map((o) => o.fileId));
  const table = meta(strapi, FILE_UID).tableName;
  const col = flagColumn(strapi);
  // Plain updates, no lifecycles: the flag is not content (nothing public to invalidate).
  await withKnex(strapi, async (knex) => {
    const yes = ids.filter((id) => pub.has(id));
    const no = ids.filter((id) => !pub.has(id));
    if (yes.length)
      await knex(table)
        .whereIn('id', yes)
        .update({ [col]: true });
    if (no.length)
      await knex(table)
        .whereIn('id', no)
        .update({ [col]: false });
  });
};

const CHANGES = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);

/** Keeps the flag exact: around every publish, unpublish, delete or discard of a disclosure. */
export const registerVisibility = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const params = ctx.params as { documentId?: string };
    if (!DISCLOSURE_BY_UID.has(ctx.uid) || !CHANGES.has(ctx.action) || !params.documentId)
      return next();
    const before = await filesOfDocument(strapi, ctx.uid, params.documentId);
    const result = await next();
    const after = await filesOfDocument(strapi, ctx.uid, params.documentId);
    await recomputeVisibility(strapi, [...before, ...after]);
    return result;
  });
};

/** Rows from before the flag existed: computed once at start (in batches). */
export const backfillVisibility = async (strapi: Core.Strapi) => {
  const table = meta(strapi, FILE_UID).tableName;
  const col = flagColumn(strapi);
  for (let guard = 0; guard < 100000; guard += 1) {
    const rows = (await withKnex(strapi, (knex) =>
      knex(table).select('id').whereNull(col).orderBy('id').limit(500),
    )) as Array<{ id: number }>;
    if (rows.length === 0) return;
    await recomputeVisibility(
      strapi,
      rows.map((r) => Number(r.id)),
    );
  }
};

// ---- Signed URLs for staff ----

const SIGNATURE_HOURS = 1;

const secretOf = (strapi: Core.Strapi) =>
  String(strapi.config.get('admin.auth.secret') ?? 'prongsai-file-signing');

const mac = (strapi: Core.Strapi, pathname: string, exp: number) =>
  createHmac('sha256', secretOf(strapi)).update(`${pathname}\n${exp}`).digest('base64url');

/** `/uploads/x.pdf` → `/uploads/x.pdf?exp=…&sig=…`, valid one to two hours (stable within the hour, so browsers cache it). */
export const signUrl = (strapi: Core.Strapi, url: string, now = Date.now()) => {
  const pathname = url.split('?')[0];
  const hour = 3600;
  const exp = (Math.floor(now / 1000 / hour) + 1 + SIGNATURE_HOURS) * hour;
  return `${pathname}?exp=${exp}&sig=${mac(strapi, pathname, exp)}`;
};

export const validSignature = (
  strapi: Core.Strapi,
  pathname: string,
  exp: unknown,
  sig: unknown,
  now = Date.now(),
) => {
  const e = Number(exp);
  if (!Number.isInteger(e) || e * 1000 < now || typeof sig !== 'string') return false;
  const expected = Buffer.from(mac(strapi, pathname, e));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

type FileLike = {
  url?: string;
  provider?: string;
  servedPublicly?: boolean | null;
  formats?: Record<string, { url?: string }> | null;
  isUrlSigned?: boolean;
};

/** Callers that may see draft files: staff in the admin panel, API tokens, scripts. */
const staffCaller = (strapi: Core.Strapi) => {
  const ctx = strapi.requestContext.get() as
    | { state?: { auth?: { strategy?: { name?: string } } } }
    | undefined;
  if (!ctx) return true;
  const name = ctx.state?.auth?.strategy?.name;
  return name === 'admin' || name === 'admin-token' || name === 'content-api-token';
};

export const registerSigning = (strapi: Core.Strapi) => {
  const plugin = strapi.plugin('upload') as unknown as {
    provider: {
      isPrivate?: () => boolean | Promise<boolean>;
      getSignedUrl?: (f: FileLike) => Promise<{ url: string }>;
    };
  };
  const provider = plugin.provider;
  if (!provider) return;
  // Makes the upload plugin route file URLs of admin and Document Service responses through signFileUrls.
  provider.isPrivate = () => true;
  provider.getSignedUrl = async (f) => ({ url: f.url ? signUrl(strapi, f.url) : '' });
};

/** Replaces the upload plugin's signFileUrls (called after its services exist, at bootstrap). */
export const overrideSignFileUrls = (strapi: Core.Strapi) => {
  const fileService = strapi.plugin('upload').service('file') as unknown as {
    signFileUrls: (f: FileLike) => Promise<FileLike>;
  };
  fileService.signFileUrls = async (file) => {
    if (!file || typeof file !== 'object') return file;
    const local = typeof file.url === 'string' && file.url.startsWith('/uploads/');
    if (!local || file.servedPublicly === true || !staffCaller(strapi)) {
      // A plain public URL: nothing to mark (public responses keep their documented shape).
      delete file.isUrlSigned;
      return file;
    }
    const signed: FileLike = {
      ...file,
      url: signUrl(strapi, file.url as string),
      isUrlSigned: true,
    };
    if (file.formats && typeof file.formats === 'object') {
      signed.formats = Object.fromEntries(
        Object.entries(file.formats).map(([k, f]) => [
          k,
          f && typeof f.url === 'string' && f.url.startsWith('/uploads/')
            ? { ...f, url: signUrl(strapi, f.url) }
            : f,
        ]),
      );
    }
    return signed;
  };
};
