import type { Core } from '@strapi/strapi';
import { responseCacheMiddleware } from '../delivery/cache';

/** Public GETs: response cache, ETag / 304, Cache-Control (see src/delivery/cache.ts). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  responseCacheMiddleware(strapi);
