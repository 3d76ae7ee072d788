import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Last resort, right inside `strapi::errors`: input the request validators did not catch must
 * still be the client's 400, not the server's 500. Real validation comes first
 * (src/common/query-values.ts, global::query-values, global::upload-input); this maps only
 * errors that by their nature are about the input:
 * - a request body that cannot be parsed (formidable, under `strapi::body`: a broken multipart
 *   body, a missing boundary) — formidable marks its errors with a numeric `code` 1000–1099;
 * - a PostgreSQL data exception (SQLSTATE class 22: `22P02 invalid input syntax`, `22007`
 *   invalid date-time, `22003` out of range…) raised by a value that reached the database;
 * - `@strapi/database`'s own casts ("Expected a valid Number", invalid date / time).
 * Each is logged (warn) with its original message so a missing validator can be found.
 */

type Err = Error & { code?: unknown; httpCode?: unknown };

const isFormidable = (e: Err) =>
  typeof e.code === 'number' && e.code >= 1000 && e.code < 1100 && typeof e.httpCode === 'number';

const isPgDataException = (e: Err) => typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code);

const isDbCast = (e: Err) =>
  /^Expected a valid Number, got /.test(e.message ?? '') ||
  ['InvalidDateError', 'InvalidTimeError', 'InvalidDateTimeError'].includes(
    e.constructor?.name ?? '',
  );

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<unknown>) => {
    try {
      await next();
    } catch (error) {
      const e = error as Err;
      if (!(e instanceof Error) || e instanceof errors.ApplicationError) throw error;
      if (isFormidable(e)) {
        if (e.code === 1009) throw error; // file too big: strapi::body answers 413
        strapi.log.warn(
          `bad-input: unreadable request body on ${ctx.method} ${ctx.path}: ${e.message}`,
        );
        throw new errors.ValidationError(
          'อ่านข้อมูลที่ส่งมาไม่ได้ (multipart เสียหาย) / The request body could not be read (malformed multipart)',
        );
      }
      if (isPgDataException(e) || isDbCast(e)) {
        strapi.log.warn(
          `bad-input: a value reached the database on ${ctx.method} ${ctx.path}: ${e.message}`,
        );
        throw new errors.ValidationError(
          'ค่าที่ส่งมาไม่ตรงกับชนิดของฟิลด์ / A value does not match the type of its field',
        );
      }
      throw error;
    }
  };
