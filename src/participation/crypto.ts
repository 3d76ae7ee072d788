import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'crypto';
import { keyRingReader, type KeyRing, type RingKey } from '../common/key-ring';

/**
 * Encryption at rest of what the public leaves with a submission that identifies them: a
 * complaint's text and contact details, a request's name and e-mail (AES-256-GCM).
 *
 *   PARTICIPATION_KEYS="k2:secret2,k1:secret1"   the first key encrypts; the others only decrypt
 *                                               what was written before a rotation
 *   PARTICIPATION_KEY=secret PARTICIPATION_KEY_ID=k1   one key (key id defaults to "k1")
 *
 * Each secret is a passphrase of at least 16 characters (the AES key is its SHA-256). The keys
 * come from the environment and never from the database. Outside production a missing key falls
 * back to a fixed development key (as AUDIT_HMAC_KEYS does); with NODE_ENV=production a missing
 * key stops the start. Stored values name their key: `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url), so rotating means putting the new key first and keeping the old ones for as
 * long as values sealed with them are kept.
 */

export type ParticipationKey = RingKey;
export type ParticipationKeyRing = KeyRing;

export const DEV_PARTICIPATION_KEY: ParticipationKey = {
  id: 'dev',
  secret: 'prongsai-dev-participation-key',
};

export class ParticipationKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParticipationKeyError';
  }
}

/** The key ring from the environment (parsed once per value). Throws when malformed, or missing in production. */
export const participationKeys = keyRingReader({
  listVar: 'PARTICIPATION_KEYS',
  singleVar: 'PARTICIPATION_KEY',
  idVar: 'PARTICIPATION_KEY_ID',
  devKey: DEV_PARTICIPATION_KEY,
  idPattern: /^[A-Za-z0-9_-]{1,32}$/,
  idRule: 'letters, digits, _ -, at most 32',
  minSecretLength: 16,
  missing:
    "Missing required environment variable PARTICIPATION_KEYS (or PARTICIPATION_KEY): the key that encrypts complaints and reporters' contact details (see docs/participation.md)",
  fail: (message) => new ParticipationKeyError(message),
});

const aesKey = (secret: string) =>
  createHash('sha256').update(`prongsai-participation:${secret}`).digest();
const b64 = (b: Buffer) => b.toString('base64url');

/** Seals a string (null stays null). */
export const seal = (plain: string | null | undefined): string | null => {
  if (plain === null || plain === undefined) return null;
  const key = participationKeys().current;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(key.secret), iv);
  cipher.setAAD(Buffer.from(`v1.${key.id}`));
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', key.id, b64(iv), b64(cipher.getAuthTag()), b64(ct)].join('.');
};

/** Opens a sealed string; throws when the key is unknown or the value was tampered with. */
export const open = (sealed: string | null | undefined): string | null => {
  if (sealed === null || sealed === undefined || sealed === '') return null;
  const [v, id, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !id || iv === undefined || tag === undefined || ct === undefined)
    throw new ParticipationKeyError('not a sealed participation value');
  const key = participationKeys().byId.get(id);
  if (!key)
    throw new ParticipationKeyError(
      `participation key "${id}" is not configured (PARTICIPATION_KEYS): keep old keys after a rotation`,
    );
  const decipher = createDecipheriv(
    'aes-256-gcm',
    aesKey(key.secret),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAAD(Buffer.from(`v1.${id}`));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
};

/** A secret derived from the current key for another purpose (the ALTCHA signatures). */
export const derivedSecret = (purpose: string) =>
  createHmac('sha256', participationKeys().current.secret).update(purpose).digest('hex');
