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

export type AuditKey = { id: string; secret: string };
export type AuditKeyRing = {
  /** The key new events are signed with. */
  current: AuditKey;
  /** Every key that verifies, the current one included, by id. */
  byId: Map<string, AuditKey>;
  /** The built-in development key is in use (no key in the environment). */
  development: boolean;
};

export const DEV_AUDIT_KEY: AuditKey = { id: 'dev', secret: 'prongsai-dev-audit-hmac-key' };
const KEY_ID = /^[A-Za-z0-9_.-]{1,32}$/;

export class AuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditKeyError';
  }
}

const parseKeys = (list: string): AuditKey[] => {
  const keys: AuditKey[] = [];
  for (const part of list.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const colon = item.indexOf(':');
    const id = colon > 0 ? item.slice(0, colon).trim() : '';
    const secret = colon > 0 ? item.slice(colon + 1) : '';
    if (!KEY_ID.test(id) || !secret.trim())
      throw new AuditKeyError(
        'AUDIT_HMAC_KEYS must be "id:secret,id:secret" (id: letters, digits, _ . -, at most 32)',
      );
    if (keys.some((k) => k.id === id))
      throw new AuditKeyError(`AUDIT_HMAC_KEYS lists key id "${id}" twice`);
    keys.push({ id, secret });
  }
  return keys;
};

let cache: { source: string; ring: AuditKeyRing } | null = null;

/**
 * The key ring from the environment (read on every call, parsed once per value, so that a test
 * or an operator's shell can rotate without a restart of the CLI). Throws AuditKeyError when the
 * variables are malformed, or missing with NODE_ENV=production.
 */
export const auditKeys = (env: NodeJS.ProcessEnv = process.env): AuditKeyRing => {
  const list = env.AUDIT_HMAC_KEYS ?? '';
  const single = env.AUDIT_HMAC_KEY ?? '';
  const singleId = env.AUDIT_HMAC_KEY_ID ?? '';
  const source = JSON.stringify([list, single, singleId, env.NODE_ENV === 'production']);
  if (cache && cache.source === source) return cache.ring;
  let keys: AuditKey[] = [];
  if (list.trim()) keys = parseKeys(list);
  else if (single.trim()) {
    const id = singleId.trim() || 'k1';
    if (!KEY_ID.test(id))
      throw new AuditKeyError(
        'AUDIT_HMAC_KEY_ID: letters, digits, _ . - only, at most 32 characters',
      );
    keys = [{ id, secret: single }];
  }
  let development = false;
  if (!keys.length) {
    if (env.NODE_ENV === 'production')
      throw new AuditKeyError(
        'Missing required environment variable AUDIT_HMAC_KEYS (or AUDIT_HMAC_KEY) for the audit chain (see .env.example)',
      );
    keys = [DEV_AUDIT_KEY];
    development = true;
  }
  const ring: AuditKeyRing = {
    current: keys[0],
    byId: new Map(keys.map((k) => [k.id, k])),
    development,
  };
  cache = { source, ring };
  return ring;
};
