import type { Core } from '@strapi/strapi';
import { corsOrigin } from '../src/delivery/origins';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  // Failed sign-ins per client address; public sign-up off (src/auth/limits.ts). Before
  // strapi::errors so that it sees the status of a thrown error.
  'global::auth-limit',
  'strapi::errors',
  'strapi::security',
  {
    // Browsers may call the API only from the registered unit websites (src/delivery/origins.ts).
    name: 'strapi::cors',
    config: {
      origin: corsOrigin,
      credentials: false,
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
      expose: ['ETag', 'X-Cache'],
    },
  },
  'strapi::poweredBy',
  // Public GETs: response cache, ETag / 304, Cache-Control (src/delivery/cache.ts).
  'global::public-cache',
  'strapi::query',
  // Public REST queries: default populate, allowed populate, ?unit=&fiscalYear=&item= filters.
  'global::public-query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
