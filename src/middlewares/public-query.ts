import type { Core } from '@strapi/strapi';
import { publicQueryMiddleware } from '../delivery/public-query';

/** Public REST queries: default and allowed populate, unit / fiscal-year / item filters. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  publicQueryMiddleware(strapi);
