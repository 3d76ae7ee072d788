import type { Core } from '@strapi/strapi';
import { secret } from './secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  // Where the admin panel is served: a path on the CMS (default) or an absolute URL on another
  // host; only that origin then gets CORS on the admin routes (src/delivery/origins.ts).
  url: env('ADMIN_URL') || '/admin',
  auth: {
    secret: secret('ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: secret('API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: secret('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: secret('ENCRYPTION_KEY'),
  },
  // Strapi AI is an Enterprise service: off (its per-page requests are answered as "disabled" by
  // src/admin-features).
  ai: { enabled: false },
  // Preview is configured without a URL for any entry: Strapi answers 204 and the edit view shows
  // no Preview button (instead of a failing request on every edit view).
  preview: {
    enabled: true,
    config: { handler: () => null },
  },
  // No network calls home: no NPS survey, no Enterprise promotion, no outbound doc links.
  flags: {
    nps: false,
    promoteEE: false,
    docLinks: env.bool('FLAG_DOC_LINKS', false),
  },
});

export default config;
