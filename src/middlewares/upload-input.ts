import type { Context } from 'koa';
import { errors } from '@strapi/utils';

/**
 * `fileInfo` of an upload (admin `POST /upload`, `POST /upload/files`, replace, update; REST
 * `POST /api/upload`): the upload plugin `JSON.parse`s it without a guard, so `{bad` was a 500.
 * Each fileInfo must be a JSON object (or a list of them) with text `name`, `alternativeText`,
 * `caption` and an integer `folder` when given. Runs after `strapi::body`.
 */

const bad = (en: string) =>
  new errors.ValidationError(
    `fileInfo ไม่ถูกต้อง: ต้องเป็นออบเจ็กต์ JSON / Invalid fileInfo: ${en}`,
  );

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const checkOne = (raw: unknown, where: string) => {
  let info = raw;
  if (typeof raw === 'string') {
    try {
      info = JSON.parse(raw);
    } catch {
      throw bad(`${where} is not valid JSON`);
    }
  }
  if (!isPlain(info)) throw bad(`${where} must be a JSON object`);
  for (const key of ['name', 'alternativeText', 'caption']) {
    const v = info[key];
    if (v !== undefined && v !== null && typeof v !== 'string')
      throw bad(`${where}.${key} must be text`);
  }
  const folder = info.folder;
  if (
    folder !== undefined &&
    folder !== null &&
    !(typeof folder === 'number' && Number.isSafeInteger(folder) && folder > 0) &&
    !(typeof folder === 'string' && /^[1-9]\d{0,9}$/.test(folder))
  )
    throw bad(`${where}.folder must be a folder id`);
};

export default () => async (ctx: Context, next: () => Promise<unknown>) => {
  if ((ctx.method === 'POST' || ctx.method === 'PUT') && /^\/(api\/)?upload(\/|$)/.test(ctx.path)) {
    const body = (ctx.request as unknown as { body?: unknown }).body;
    const fileInfo = isPlain(body) ? body.fileInfo : undefined;
    if (Array.isArray(fileInfo)) fileInfo.forEach((f, i) => checkOne(f, `fileInfo[${i}]`));
    else if (fileInfo !== undefined) checkOne(fileInfo, 'fileInfo');
  }
  return next();
};
