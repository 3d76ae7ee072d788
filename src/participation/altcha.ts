import type { Challenge, DeriveKeyFunction, Solution } from 'altcha-lib/dist/cjs/v2/types';
import { derivedSecret } from './crypto';
import { firstUse } from './limits';
import { participationSettings } from './settings';

/**
 * The proof-of-work on every form: ALTCHA (altcha-lib, v2 protocol, PBKDF2/SHA-256), issued
 * at GET /api/participation/challenge and solved in the browser by the `altcha` widget (or by
 * an integrator's script with altcha-lib's solveChallenge). No third-party service: the
 * challenge is signed with a secret derived from PARTICIPATION_KEYS, expires after
 * PARTICIPATION_ALTCHA_EXPIRY_SECONDS, and each solution is accepted once.
 */

// altcha-lib is resolved through its package "exports" at run time (the project's TypeScript
// resolution is "Node", which does not read them); the types above come from its files.
type AltchaLib = {
  createChallenge: (o: Record<string, unknown>) => Promise<Challenge>;
  verifySolution: (o: Record<string, unknown>) => Promise<{ verified: boolean; expired: boolean }>;
  randomInt: (max: number, min?: number) => number;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const altcha = require('altcha-lib') as AltchaLib;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deriveKey } = require('altcha-lib/algorithms/pbkdf2') as { deriveKey: DeriveKeyFunction };

const ALGORITHM = 'PBKDF2/SHA-256';
const secrets = () => ({
  hmacSignatureSecret: derivedSecret('altcha-signature'),
  hmacKeySignatureSecret: derivedSecret('altcha-key-signature'),
});

export const createParticipationChallenge = async (): Promise<Challenge> => {
  const s = participationSettings();
  return altcha.createChallenge({
    algorithm: ALGORITHM,
    cost: s.altchaCost,
    counter: altcha.randomInt(s.altchaCounterMax, s.altchaCounterMin),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + s.altchaExpirySeconds,
    ...secrets(),
  });
};

export type AltchaVerdict = 'ok' | 'missing' | 'malformed' | 'invalid' | 'expired' | 'reused';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `altcha` field: the widget's base64 JSON `{ challenge, solution }`, or that object itself. */
export const parsePayload = (raw: unknown): { challenge: Challenge; solution: Solution } | null => {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.length > 4000) return null;
    try {
      value = JSON.parse(Buffer.from(raw, 'base64').toString('utf8'));
    } catch {
      try {
        value = JSON.parse(raw);
      } catch {
        return null;
      }
    }
  }
  if (!isObject(value) || !isObject(value.challenge) || !isObject(value.solution)) return null;
  const c = value.challenge;
  const p = c.parameters;
  if (!isObject(p) || typeof c.signature !== 'string') return null;
  if (p.algorithm !== ALGORITHM) return null;
  const sol = value.solution;
  if (typeof sol.counter !== 'number' || typeof sol.derivedKey !== 'string') return null;
  return { challenge: c as unknown as Challenge, solution: sol as unknown as Solution };
};

export const verifyAltcha = async (raw: unknown): Promise<AltchaVerdict> => {
  if (raw === undefined || raw === null || raw === '') return 'missing';
  const payload = parsePayload(raw);
  if (!payload) return 'malformed';
  let result: { verified: boolean; expired: boolean };
  try {
    result = await altcha.verifySolution({ ...payload, deriveKey, ...secrets() });
  } catch {
    return 'malformed';
  }
  if (result.expired) return 'expired';
  if (!result.verified) return 'invalid';
  return (await firstUse(String(payload.challenge.signature))) ? 'ok' : 'reused';
};
