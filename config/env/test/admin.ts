import type { Core } from '@strapi/strapi';
import baseConfig from '../../admin';

// Tests log in many times a minute; the login rate limit would answer 429. AUTH_RATE_LIMIT=false
// (set by tests/helpers/strapi.js) turns it off; tests/auth-limits.test.js turns it back on.
const config = (params: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  ...baseConfig(params),
  rateLimit: { enabled: params.env.bool('AUTH_RATE_LIMIT', true) },
});

export default config;
