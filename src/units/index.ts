import type { Core } from '@strapi/strapi';
import { registerConditions } from './conditions';
import { registerUnitGuard } from './guard';
import { registerUnitOwned } from './owned';
import {
  ensureUnitFolder,
  guardMediaControllers,
  placeUpload,
  registerMediaScoping,
} from './media';
import {
  linkMembershipsToUsers,
  registerMembershipRules,
  registerUserLifecycles,
} from './memberships';
import { restrictHomepage } from './homepage';
import { useRequestContext } from './scope';
import { ensureRoles } from './provision';

type UploadService = {
  upload: (
    args: { data?: Record<string, unknown>; files?: unknown },
    opts?: unknown,
  ) => Promise<unknown>;
};

/** Units and roles: who may touch which unit's content and files, on every path. */
export default {
  register(strapi: Core.Strapi) {
    useRequestContext(strapi);
    registerUnitGuard(strapi);
    registerUnitOwned(strapi);
    registerUserLifecycles(strapi);
    registerMembershipRules(strapi, (unitId) => ensureUnitFolder(strapi, unitId));
    guardMediaControllers(strapi);
  },
  async bootstrap(strapi: Core.Strapi) {
    await registerConditions(strapi);
    await linkMembershipsToUsers(strapi);
    await ensureRoles(strapi);
    registerMediaScoping(strapi);
    restrictHomepage(strapi);
    const units = (await strapi.db
      .query('api::unit.unit')
      .findMany({ select: ['id', 'mediaFolderId'] })) as Array<{
      id: number;
      mediaFolderId: number | null;
    }>;
    for (const unit of units) if (!unit.mediaFolderId) await ensureUnitFolder(strapi, unit.id);
    const service = strapi.plugin('upload').service('upload') as UploadService;
    const upload = service.upload.bind(service);
    service.upload = async (args, opts) => {
      await placeUpload(strapi, args);
      return upload(args, opts);
    };
  },
};
