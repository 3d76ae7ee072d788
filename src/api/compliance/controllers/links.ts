import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { visibleUnitIds } from '../../../compliance/access';
import { fiscalYearParam, handle, unitCodesParam } from '../../../compliance/http';
import { runLinkCheckOnce, storedLinkChecks, unitsInScope } from '../../../compliance/links';
import { cmsBase } from '../../../delivery/links';
import { scopeOfAdmin } from '../../../units/scope';

type AdminCtx = Context & {
  state: { user?: { id: number; email?: string } };
  request: Context['request'] & { body?: unknown };
};

const only = (input: Record<string, unknown>, allowed: string[]) => {
  const extra = Object.keys(input).filter((k) => !allowed.includes(k));
  if (extra.length)
    throw new errors.ValidationError(
      `ไม่รู้จักพารามิเตอร์ ${extra.join(', ').slice(0, 80)} / Unknown parameter ${extra.join(', ').slice(0, 80)} (allowed: ${allowed.join(', ')})`,
    );
};

/** The link check over HTTP (docs/compliance.md, "Link check"). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /compliance/links?fiscalYear=2569[&unit=ENG] — the stored results of the caller's units. */
  list: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    only(c.query, ['fiscalYear', 'unit']);
    const fiscalYear = fiscalYearParam(c.query.fiscalYear);
    const unitCodes = unitCodesParam(c.query.unit);
    const units = await unitsInScope(strapi, await visibleUnitIds(strapi, c.state.user), unitCodes);
    const data = await storedLinkChecks(
      strapi,
      fiscalYear,
      units.map((u) => u.code),
    );
    c.body = { data, meta: { fiscalYear, units: units.map((u) => u.code) } };
  }),

  /**
   * POST /compliance/links/check { fiscalYear?, unit? } — checks now and answers the results:
   * approvers for their units, central monitors and administrators for all.
   */
  check: handle(async (ctx) => {
    const c = ctx as AdminCtx;
    const user = c.state.user;
    if (!user) throw new errors.UnauthorizedError('Authentication required');
    const raw = c.request.body ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw new errors.ValidationError(
        'ต้องส่งข้อมูลแบบ JSON object / The body must be a JSON object',
      );
    const body = { ...c.query, ...(raw as Record<string, unknown>) };
    only(body, ['fiscalYear', 'unit']);
    const fiscalYear = fiscalYearParam(body.fiscalYear);
    const unitCodes = unitCodesParam(body.unit);
    const scope = await scopeOfAdmin(strapi, user);
    const unitIds = scope.unrestricted || scope.readAll ? null : scope.approver;
    if (unitIds && !unitIds.length)
      throw new errors.ForbiddenError(
        'เฉพาะผู้อนุมัติ ผู้ติดตามส่วนกลาง และผู้ดูแลระบบ / Approvers, central monitors and administrators only',
      );
    const units = await unitsInScope(strapi, unitIds, unitCodes);
    const data = await runLinkCheckOnce(strapi, {
      fiscalYear,
      units,
      base: cmsBase(strapi, c.origin),
    });
    c.body = { data, meta: { fiscalYear, units: units.map((u) => u.code) } };
  }),
});
