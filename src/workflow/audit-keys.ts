/**
 * The keys of the audit chain's HMACs. They come from the environment and never from the
 * database, so that someone who can write the database cannot re-seal an edited chain.
 *
 *   AUDIT_HMAC_KEYS="k2:secret2,k1:secret1"   the first key signs new events; the others only
 *                                            verify events signed before a rotation
 *   AUDIT_HMAC_KEY=secret AUDIT_HMAC_KEY_ID=k1 one key (key id defaults to "k1")
 *
 * Outside production a missing key falls back to a fixed development key (as config/secrets.ts
 * does for the other secrets); with NODE_ENV=production a missing key stops the start.
 */

import { keyRingReader, type KeyRing, type RingKey } from '../common/key-ring';

export type AuditKey = RingKey;
export type AuditKeyRing = KeyRing;

export const DEV_AUDIT_KEY: AuditKey = { id: 'dev', secret: 'prongsai-dev-audit-hmac-key' };

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

/**
 * The key ring from the environment (read on every call, parsed once per value, so that a test
 * or an operator's shell can rotate without a restart of the CLI). Throws AuditKeyError when the
 * variables are malformed, or missing with NODE_ENV=production.
 */
export const auditKeys = keyRingReader({
  listVar: 'AUDIT_HMAC_KEYS',
  singleVar: 'AUDIT_HMAC_KEY',
  idVar: 'AUDIT_HMAC_KEY_ID',
  devKey: DEV_AUDIT_KEY,
  idPattern: /^[A-Za-z0-9_.-]{1,32}$/,
  idRule: 'letters, digits, _ . - only, at most 32 characters',
  minSecretLength: 1,
  missing:
    'Missing required environment variable AUDIT_HMAC_KEYS (or AUDIT_HMAC_KEY) for the audit chain (see .env.example)',
  fail: (message) => new AuditKeyError(message),
});
