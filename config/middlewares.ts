import type { Core } from '@strapi/strapi';
import { corsOrigin } from '../src/delivery/origins';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  // Failed sign-ins per client address; public sign-up off (src/auth/limits.ts). Before
  // strapi::errors so that it sees the status of a thrown error.
  'global::auth-limit',
  'strapi::errors',
  // Last resort: unreadable bodies and values the database refuses are a 400, not a 500.
  'global::bad-input',
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
  // Typed filter values, sort, _q and page on the admin lists and other REST lists.
  'global::query-values',
  'strapi::body',
  // Upload fileInfo must be JSON objects (the upload plugin parses it unguarded).
  'global::upload-input',
  'strapi::session',
  'strapi::favicon',
  // /uploads/...: a file is served only while a published entry uses it, or with a signed URL
  // (staff); drafts' attachments are 404 (src/middlewares/private-files.ts).
  'global::private-files',
  'strapi::public',
];

export default config;
