import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { visibleUnitIds } from '../../../compliance/access';
import { fiscalYearParam, handle, unitCodesParam } from '../../../compliance/http';
import {
  AssignmentError,
  listResponsibilities,
  myItems,
  upsertResponsibilities,
} from '../../../compliance/responsibilities';

type AdminCtx = Context & {
  state: { user?: { id: number; email?: string } };
  request: Context['request'] & { body?: unknown };
};

/** Item responsibilities and "my items" over HTTP (docs/compliance.md). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /compliance/responsibilities?fiscalYear=2569[&unit=ENG] — the caller's visible units. */
  list: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const fiscalYear = fiscalYearParam(c.query.fiscalYear);
    const rows = await listResponsibilities(strapi, {
      fiscalYear,
      unitIds: await visibleUnitIds(strapi, c.state.user),
      unitCodes: unitCodesParam(c.query.unit),
    });
    c.body = { data: rows, meta: { fiscalYear } };
  }),

  /** PUT /compliance/responsibilities { fiscalYear, unit, assignments: [...] } — all or nothing. */
  upsert: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const body = (c.request.body ?? {}) as Record<string, unknown>;
    const fiscalYear = fiscalYearParam(body.fiscalYear);
    try {
      const result = await upsertResponsibilities(strapi, c.state.user, body, fiscalYear);
      c.body = {
        data: result.rows,
        meta: { fiscalYear, created: result.created, updated: result.updated },
      };
    } catch (error) {
      if (!(error instanceof AssignmentError)) throw error;
      c.status = 400;
      c.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: error.message,
          details: { problems: error.problems },
        },
      };
    }
  }),

  /** GET /compliance/my-items?fiscalYear=2569 — the caller's items, what is due next first. */
  mine: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const user = c.state.user;
    if (!user) throw new errors.UnauthorizedError('Authentication required');
    const email =
      user.email ??
      ((await strapi.db.query('admin::user').findOne({ where: { id: user.id }, select: ['email'] }))
        ?.email as string | undefined);
    const fiscalYear = fiscalYearParam(c.query.fiscalYear);
    const data = email ? await myItems(strapi, email, fiscalYear) : [];
    c.body = { data, meta: { fiscalYear, email: email ?? null } };
  }),
});
