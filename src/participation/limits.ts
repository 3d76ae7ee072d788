import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { participationSettings } from './settings';

/**
 * Rate limits of the public's forms (rate-limiter-flexible, as src/auth/limits.ts): per client
 * address (an IPv6 client per /64, `clientKey` of src/auth/limits.ts) and per unit, shared by
 * every instance through Redis when `REDIS_URL` is set (in the process otherwise, and as the
 * fallback while Redis is unreachable). The same store remembers used ALTCHA solutions until
 * their challenge expires, so a solution is accepted once.
 */
type Limiters = {
  ip: RateLimiterAbstract;
  unit: RateLimiterAbstract;
  challenge: RateLimiterAbstract;
  used: RateLimiterAbstract;
};

let limiters: Limiters | null = null;
let redis: Redis | null = null;

const logger = () => (globalThis as { strapi?: Core.Strapi }).strapi?.log;

export const initParticipationLimits = async (env: NodeJS.ProcessEnv = process.env) => {
  await closeParticipationLimits();
  const s = participationSettings(env);
  const defs = {
    ip: { points: s.ipPoints, duration: s.ipWindowSeconds },
    unit: { points: s.unitPoints, duration: s.unitWindowSeconds },
    challenge: { points: s.challengePoints, duration: 60 },
    used: { points: 1, duration: s.altchaExpirySeconds + 60 },
  };
  const memory = (name: keyof typeof defs) =>
    new RateLimiterMemory({ ...defs[name], keyPrefix: `${s.redisPrefix}participation-${name}` });
  if (s.redisUrl) {
    const { default: IORedis } = await import('ioredis');
    redis = new IORedis(s.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
    });
    redis.on('error', (err: Error) => logger()?.warn(`[participation] Redis: ${err.message}`));
    try {
      await redis.connect();
    } catch (err) {
      logger()?.warn(`[participation] Redis unreachable, counting in this process: ${String(err)}`);
    }
  }
  const make = (name: keyof typeof defs): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          ...defs[name],
          keyPrefix: `${s.redisPrefix}participation-${name}`,
          storeClient: redis,
          insuranceLimiter: memory(name),
        })
      : memory(name);
  limiters = {
    ip: make('ip'),
    unit: make('unit'),
    challenge: make('challenge'),
    used: make('used'),
  };
};

export const closeParticipationLimits = async () => {
  limiters = null;
  if (redis) redis.disconnect();
  redis = null;
};

export const participationLimitKind = () =>
  !limiters ? 'off' : limiters.ip instanceof RateLimiterRedis ? 'redis' : 'memory';

/** Seconds to wait, or 0 when the point was taken. Store errors never block the public. */
const take = async (
  limiter: RateLimiterAbstract | undefined,
  key: string,
  what?: string,
): Promise<number> => {
  if (!limiter) return 0;
  try {
    await limiter.consume(key, 1);
    return 0;
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      // Logged once per key and window (the first refusal), not for every request of a flood.
      if (what && res.consumedPoints === limiter.points + 1)
        logger()?.warn(`[participation] ${what} ${key}: over the limit, refusing (429)`);
      return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    }
    logger()?.error(`[participation] rate limiter: ${(res as Error)?.message ?? String(res)}`);
    return 0;
  }
};

/**
 * Per address, then per unit and form: a flood of one form (surveys, say) never closes another
 * form of that unit — above all not the confidential complaint channel.
 */
export const takeSubmission = async (address: string, unitCode: string, form: string) =>
  (await take(limiters?.ip, address, 'submissions from')) ||
  (await take(limiters?.unit, `${unitCode}:${form}`, 'submissions to unit and form'));

export const takeChallenge = (address: string) =>
  take(limiters?.challenge, address, 'challenges for');

/** True the first time a solution (its challenge signature) is seen. */
export const firstUse = async (signature: string) =>
  !limiters || (await take(limiters.used, signature)) === 0;
