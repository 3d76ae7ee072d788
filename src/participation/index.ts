import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { participationKeys } from './crypto';
import { closeParticipationLimits, initParticipationLimits } from './limits';
import { registerPurgeScheduler } from './purge';
import { registerParticipationReminders } from './reminders';
import { backfillAnsweredAt } from './stats';
import { COMPLAINT_UID, REQUEST_UID, SURVEY_UID } from './service';

/**
 * The public's side (docs/participation.md): corrections, questions, the website survey and
 * confidential corruption complaints. The public routes are src/api/participation/routes; the
 * admin API is registered here.
 */

const policies = ['admin::isAuthenticatedAdmin'];
const H = 'api::participation.admin';
const adminRoutes = [
  { method: 'GET', path: '/me', handler: `${H}.me` },
  { method: 'GET', path: '/inbox', handler: `${H}.inbox` },
  {
    method: 'POST',
    path: '/statistics-report',
    handler: 'api::participation.statistics.generate',
  },
  { method: 'POST', path: '/requests/:trackingCode/assign', handler: `${H}.assign` },
  { method: 'POST', path: '/requests/:trackingCode/reply', handler: `${H}.reply` },
  { method: 'POST', path: '/requests/:trackingCode/resolve', handler: `${H}.resolve` },
  { method: 'POST', path: '/requests/:trackingCode/reject', handler: `${H}.reject` },
  { method: 'GET', path: '/complaints', handler: `${H}.complaints` },
  { method: 'GET', path: '/complaints/:trackingCode', handler: `${H}.complaint` },
  { method: 'POST', path: '/complaints/:trackingCode/status', handler: `${H}.complaintStatus` },
  {
    method: 'GET',
    path: '/complaints/:trackingCode/attachments/:fileId',
    handler: `${H}.attachment`,
  },
].map((r) => ({ ...r, config: { policies } }));

const PARTICIPATION_UIDS = new Set<string>([REQUEST_UID, SURVEY_UID, COMPLAINT_UID]);
const EMPTY: Record<string, unknown> = {
  findMany: [],
  findFirst: null,
  findOne: null,
  count: 0,
};

/**
 * The three types have no REST routes and are hidden from the Content Manager; the Document
 * Service (Content Manager API, home-page widgets, scripts) finds nothing in them and writes
 * nothing: they are read and written by src/participation only (through the query engine), where
 * each route checks who may see what.
 */
const guardDocuments = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (!PARTICIPATION_UIDS.has(ctx.uid)) return next();
    if (ctx.action in EMPTY) return EMPTY[ctx.action] as never;
    throw new errors.ForbiddenError(
      'เรื่องจากประชาชนจัดการได้ผ่านกล่องรับเรื่องเท่านั้น / Participation records are handled through the participation inbox only',
    );
  });
};

/**
 * The Content Manager's relation pickers of these types answer 403 before Strapi's own code runs
 * (which, for a caller without the type's permission, answers 500 in 5.54).
 */
const guardRelationPickers = (strapi: Core.Strapi) => {
  const controller = strapi.plugin('content-manager').controller('relations') as unknown as Record<
    string,
    unknown
  >;
  for (const action of ['findAvailable', 'findExisting']) {
    const original = controller[action];
    if (typeof original !== 'function') continue;
    controller[action] = async (ctx: { params?: { model?: string } }) => {
      if (PARTICIPATION_UIDS.has(String(ctx.params?.model ?? '')))
        throw new errors.ForbiddenError(
          'เรื่องจากประชาชนจัดการได้ผ่านกล่องรับเรื่องเท่านั้น / Participation records are handled through the participation inbox only',
        );
      return (original as (c: unknown) => unknown).call(controller, ctx);
    };
  }
};

export default {
  register(strapi: Core.Strapi) {
    guardDocuments(strapi);
    guardRelationPickers(strapi);
    strapi.server.routes({ type: 'admin', prefix: '/participation', routes: adminRoutes } as never);
  },
  async bootstrap(strapi: Core.Strapi) {
    const ring = participationKeys(); // throws in production without PARTICIPATION_KEYS
    if (ring.development && process.env.NODE_ENV !== 'test')
      strapi.log.warn(
        '[participation] complaints and contact details are encrypted with the built-in development key: set PARTICIPATION_KEYS in production',
      );
    await initParticipationLimits();
    await backfillAnsweredAt(strapi);
    registerPurgeScheduler(strapi);
    registerParticipationReminders(strapi);
  },
  async destroy() {
    await closeParticipationLimits();
  },
};
