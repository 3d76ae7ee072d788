import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Context as Ctx } from 'koa';
import { validSignature } from '../files/visibility';

const FILE_UID = 'plugin::upload.file';
const FORMAT_PREFIX = /^(thumbnail|xsmall|small|medium|large|xlarge)_(.+)$/;

/**
 * The gate in front of `strapi::public` for /uploads/...: a file's bytes (and its image formats)
 * are served only when a published entry uses the file, or with a valid signed URL (staff).
 * Anything else — a draft's attachment, a file attached to nothing, a name with no file row —
 * is 404, as if it did not exist. One indexed lookup (`hash`) per request.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Ctx, next: () => Promise<unknown>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/uploads/'))
      return next();
    let name: string;
    try {
      name = decodeURIComponent(ctx.path.slice('/uploads/'.length));
    } catch {
      ctx.status = 404;
      return undefined;
    }
    if (!name || name.includes('/') || name.includes('\\')) {
      ctx.status = 404;
      return undefined;
    }
    const base = name.slice(0, name.length - path.extname(name).length);
    const hashes = [base];
    const format = FORMAT_PREFIX.exec(base);
    if (format) hashes.push(format[2]);
    const rows = (await strapi.db.query(FILE_UID as never).findMany({
      where: { hash: { $in: hashes } },
      select: ['id', 'hash', 'ext', 'url', 'formats', 'servedPublicly'],
    })) as Array<{
      hash: string;
      url: string | null;
      formats: Record<string, { url?: string }> | null;
      servedPublicly: boolean | null;
    }>;
    const url = `/uploads/${name}`;
    const row = rows.find(
      (r) => r.url === url || Object.values(r.formats ?? {}).some((f) => f?.url === url),
    );
    if (!row) {
      ctx.status = 404;
      return undefined;
    }
    if (row.servedPublicly === true) return next();
    if (validSignature(strapi, url, ctx.query.exp, ctx.query.sig)) {
      await next();
      ctx.set('Cache-Control', 'private, max-age=3600');
      return undefined;
    }
    ctx.status = 404;
    return undefined;
  };
