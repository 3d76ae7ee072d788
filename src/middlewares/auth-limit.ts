import type { Core } from '@strapi/strapi';
import { authLimitMiddleware } from '../auth/limits';

/** Failed sign-ins per client address, public sign-up refused (see src/auth/limits.ts). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  authLimitMiddleware(strapi);
