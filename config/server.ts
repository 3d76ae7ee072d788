import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a reverse proxy: trust X-Forwarded-For/-Proto (Strapi 5 reads `proxy.koa`; a plain
  // boolean here is ignored). ctx.ip is then the address PROXY_HOPS proxies from the right of the
  // header — the one our own proxy appended, not what a client put in it.
  proxy: {
    koa: env.bool('IS_PROXIED', false),
    ipHeader: env('PROXY_IP_HEADER', 'X-Forwarded-For'),
    maxIpsCount: env.int('PROXY_HOPS', 1),
  },
  app: {
    keys: secret('APP_KEYS').split(','),
  },
  // Scheduled publication (src/workflow/scheduler.ts) runs on the cron service.
  cron: { enabled: env.bool('CRON_ENABLED', true) },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
  // The machines reach only the npm registry: never look for Strapi updates.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
  },
});

export default config;
