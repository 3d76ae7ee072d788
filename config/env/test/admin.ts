import type { Core } from '@strapi/strapi';
import baseConfig from '../../admin';

// Tests log in many times a minute; the login rate limit would answer 429.
const config = (params: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  ...baseConfig(params),
  rateLimit: { enabled: false },
});

export default config;
