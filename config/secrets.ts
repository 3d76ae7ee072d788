/**
 * Secrets come from the environment. Outside production a missing secret falls back to a fixed
 * development value, so that `npm ci && npm run develop` works on a fresh clone with no `.env`;
 * in production a missing secret stops the start instead of running with a guessable key.
 */
const DEV_FALLBACK: Record<string, string> = {
  APP_KEYS: 'prongsai-dev-key-1,prongsai-dev-key-2',
  API_TOKEN_SALT: 'prongsai-dev-api-token-salt',
  ADMIN_JWT_SECRET: 'prongsai-dev-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'prongsai-dev-transfer-token-salt',
  JWT_SECRET: 'prongsai-dev-jwt-secret',
  ENCRYPTION_KEY: 'prongsai-dev-encryption-key-32ch',
};

export const secret = (name: keyof typeof DEV_FALLBACK | string): string => {
  const value = process.env[name];
  if (value && value.trim() !== '') return value;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(`Missing required environment variable ${name} (see .env.example)`);
  }
  return DEV_FALLBACK[name] ?? `prongsai-dev-${name.toLowerCase()}`;
};
