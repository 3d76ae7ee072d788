import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { fiscalYearOf, parseFiscalYearParam } from '../ita/fiscal-year';
import { UNIT_GROUPS } from '../units/provisioning';

/**
 * Runs a compliance handler and answers Strapi errors with their status and message (Thai then
 * English), as the admin panel shows them; anything else is a real 500.
 */
export const handle =
  (fn: (ctx: Context) => Promise<void>) =>
  async (ctx: Context): Promise<void> => {
    try {
      await fn(ctx);
    } catch (error) {
      const e = error as { message?: string; name?: string };
      const status =
        error instanceof errors.UnauthorizedError
          ? 401
          : error instanceof errors.ForbiddenError
            ? 403
            : error instanceof errors.NotFoundError
              ? 404
              : error instanceof errors.ApplicationError || error instanceof errors.ValidationError
                ? 400
                : 0;
      if (!status) throw error;
      ctx.status = status;
      ctx.body = {
        data: null,
        error: { status, name: e.name ?? 'Error', message: e.message ?? '' },
      };
    }
  };

/** `?fiscalYear=` (BE, Thai digits accepted); the current fiscal year in Bangkok when absent. */
export const fiscalYearParam = (raw: unknown): number =>
  parseFiscalYearParam(raw, () => fiscalYearOf(new Date()));

export const groupParam = (raw: unknown): string | null => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !(UNIT_GROUPS as readonly string[]).includes(raw))
    throw new errors.ValidationError(
      `กลุ่มหน่วยงานไม่ถูกต้อง / group must be one of ${UNIT_GROUPS.join(', ')}`,
    );
  return raw;
};

/** `?unit=CODE[,CODE]`. */
export const unitCodesParam = (raw: unknown): string[] | null => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9_,-]{1,400}$/.test(raw))
    throw new errors.ValidationError('รหัสหน่วยงานไม่ถูกต้อง / Invalid unit code(s)');
  return raw
    .split(',')
    .filter(Boolean)
    .map((c) => c.toUpperCase());
};

/** `?scheme=general` (the checklist scheme of the units to show). */
export const schemeParam = (raw: unknown): string | null => {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string' || !/^[a-z][a-z0-9-]{1,49}$/.test(raw))
    throw new errors.ValidationError('ชุดตัวชี้วัดไม่ถูกต้อง / Invalid scheme');
  return raw;
};
