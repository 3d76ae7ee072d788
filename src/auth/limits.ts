import { isIP } from 'node:net';
import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import type { Context as Ctx } from 'koa';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * Failed sign-ins per client address, for the admin panel (`/admin/login`, `/admin/register*`,
 * `/admin/forgot-password`, `/admin/reset-password`) and users-permissions (`/api/auth/*`).
 *
 * Strapi's own limits are per (address, e-mail) and per process: one address may try thousands of
 * e-mails. This one counts per address (an IPv6 client per /64), in Redis when `REDIS_URL` is set
 * so that every instance shares it (in the process otherwise, and as a fallback while Redis is
 * unreachable). A request costs one point before it runs; a successful sign-in gives it back, so a
 * busy office behind one NAT is held back only by its *failed* attempts (400/401/403), never by its
 * successful ones. Requests that send e-mail (forgot-password, send-email-confirmation) always
 * count: they are answered 200 whatever happens and each one may send a message.
 * More than `AUTH_IP_MAX_FAILURES` in `AUTH_IP_WINDOW_SECONDS` → 429 with Retry-After until the
 * window ends. `AUTH_RATE_LIMIT=false` turns this and Strapi's own limits off (tests only).
 */

export type AuthLimitSettings = {
  enabled: boolean;
  maxFailures: number;
  windowSeconds: number;
  redisUrl: string | null;
  redisPrefix: string;
};

export const authLimitSettings = (env: NodeJS.ProcessEnv = process.env): AuthLimitSettings => {
  const int = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(n) && n >= 1
      ? Math.floor(n)
      : fallback;
  };
  return {
    enabled: env.AUTH_RATE_LIMIT !== 'false',
    maxFailures: int('AUTH_IP_MAX_FAILURES', 50),
    windowSeconds: int('AUTH_IP_WINDOW_SECONDS', 900),
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'prongsai:',
  };
};

type Kind = 'credentials' | 'mail';

/** The limited routes, by method and normalized path. */
const ROUTES: Record<string, Kind> = {
  'POST /admin/login': 'credentials',
  'POST /admin/register-admin': 'credentials',
  'POST /admin/register': 'credentials',
  'POST /admin/reset-password': 'credentials',
  'POST /admin/forgot-password': 'mail',
  'POST /api/auth/local': 'credentials',
  'POST /api/auth/local/register': 'credentials',
  'POST /api/auth/reset-password': 'credentials',
  'POST /api/auth/change-password': 'credentials',
  'GET /api/auth/email-confirmation': 'credentials',
  'POST /api/auth/forgot-password': 'mail',
  'POST /api/auth/send-email-confirmation': 'mail',
};

/** `/Admin//login/` → `/admin/login` (the router ignores case and a trailing slash). */
export const normalizePath = (p: string) => {
  let s = p.toLowerCase().replace(/\/{2,}/g, '/');
  if (s.length > 1) s = s.replace(/\/+$/, '');
  return s;
};

export const routeKind = (method: string, path: string): Kind | null =>
  ROUTES[`${method.toUpperCase()} ${normalizePath(path)}`] ?? null;

/** The counted address: IPv4 as it is (also when IPv4-mapped), IPv6 by its /64 prefix. */
export const clientKey = (ip: string | undefined): string => {
  const raw = (ip ?? '').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(raw);
  if (mapped) return mapped[1];
  if (isIP(raw) !== 6) return raw || 'unknown';
  const [head, tail = ''] = raw.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = raw.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/** `PUBLIC_SIGNUP=true` allows users-permissions sign-up; anything else (the default) refuses it. */
export const publicSignup = (env: NodeJS.ProcessEnv = process.env) =>
  String(env.PUBLIC_SIGNUP ?? '').toLowerCase() === 'true';

let settings = authLimitSettings();
let limiter: RateLimiterAbstract | null = null;
let redis: Redis | null = null;

const logger = () => (globalThis as { strapi?: Core.Strapi }).strapi?.log;

export const initAuthLimits = async (env: NodeJS.ProcessEnv = process.env) => {
  await closeAuthLimits();
  settings = authLimitSettings(env);
  if (!settings.enabled) return;
  const opts = {
    points: settings.maxFailures,
    duration: settings.windowSeconds,
    keyPrefix: `${settings.redisPrefix}auth-ip`,
  };
  const memory = new RateLimiterMemory(opts);
  if (!settings.redisUrl) {
    limiter = memory;
    return;
  }
  const { default: IORedis } = await import('ioredis');
  redis = new IORedis(settings.redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
  });
  redis.on('error', (err: Error) => logger()?.warn(`[auth-limit] Redis: ${err.message}`));
  try {
    await redis.connect();
  } catch (err) {
    logger()?.warn(`[auth-limit] Redis unreachable, counting in this process: ${String(err)}`);
  }
  // While Redis is unreachable, each process counts on its own (never unlimited).
  limiter = new RateLimiterRedis({ ...opts, storeClient: redis, insuranceLimiter: memory });
};

export const closeAuthLimits = async () => {
  limiter = null;
  if (redis) redis.disconnect();
  redis = null;
};

export const authLimitKind = () =>
  !limiter ? 'off' : limiter instanceof RateLimiterRedis ? 'redis' : 'memory';

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

const tooMany = (ctx: Ctx, retryAfter: number) => {
  ctx.status = 429;
  ctx.set('Retry-After', String(retryAfter));
  ctx.body = {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message:
        `มีการเข้าสู่ระบบไม่สำเร็จจากที่อยู่นี้มากเกินไป โปรดลองใหม่ในอีก ${minutes(retryAfter)} นาที / ` +
        `Too many failed attempts from this address; try again in ${minutes(retryAfter)} minute(s).`,
      details: { retryAfter },
    },
  };
};

/** A failed attempt: the caller gave a wrong credential or a malformed request. */
const FAILED = new Set([400, 401, 403]);

/**
 * The Koa middleware (placed before `strapi::errors`, so it sees the final status). Also makes the
 * forgot-password answers uniform: 200 `{ ok: true }` even when sending the e-mail fails.
 */
/**
 * The admin panel's login page shows the server's message as it is: Strapi's "Invalid
 * credentials" becomes Thai (with the English after it, as every refusal here).
 */
const thaiLoginError = (ctx: Ctx) => {
  if (ctx.status !== 400 || normalizePath(ctx.path) !== '/admin/login') return;
  const error = (ctx.body as { error?: { message?: string } } | undefined)?.error;
  if (error?.message === 'Invalid credentials')
    error.message = 'อีเมลหรือรหัสผ่านไม่ถูกต้อง / Invalid credentials';
};

export const authLimitMiddleware =
  (strapi: Core.Strapi) => async (ctx: Ctx, next: () => Promise<unknown>) => {
    const kind = routeKind(ctx.method, ctx.path);
    if (!kind) return next();
    if (normalizePath(ctx.path) === '/api/auth/local/register' && !publicSignup()) {
      ctx.status = 403;
      ctx.body = {
        data: null,
        error: {
          status: 403,
          name: 'ForbiddenError',
          message:
            'ระบบนี้ไม่เปิดให้สมัครสมาชิกด้วยตนเอง โปรดติดต่อผู้ดูแลระบบ / Public sign-up is disabled; ask an administrator for an account.',
          details: {},
        },
      };
      return;
    }
    const active = limiter;
    const key = clientKey(ctx.ip);
    if (active) {
      try {
        await active.consume(key, 1);
      } catch (res) {
        if (res instanceof RateLimiterRes) {
          strapi.log.warn(`[auth-limit] ${key}: ${ctx.method} ${ctx.path} refused (429)`);
          return tooMany(ctx, Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
        }
        strapi.log.error(`[auth-limit] ${(res as Error)?.message ?? String(res)}`);
      }
    }
    await next();
    thaiLoginError(ctx);
    if (normalizePath(ctx.path) === '/api/auth/forgot-password' && ctx.status >= 500) {
      // The same answer for a registered and an unknown address, whatever the e-mail transport
      // does (strapi::errors has logged the failure).
      strapi.log.warn('[auth] forgot-password: the e-mail could not be sent; answered 200');
      ctx.status = 200;
      ctx.body = { ok: true };
    }
    if (active && kind === 'credentials' && !FAILED.has(ctx.status)) {
      // Successes (and server errors) are not held against the address.
      await active.reward(key, 1).catch(() => undefined);
    }
  };
