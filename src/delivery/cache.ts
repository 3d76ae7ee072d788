import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import type { Context as Ctx } from 'koa';
import { LRUCache } from 'lru-cache';
import { DISCLOSURE_TYPES } from '../disclosures/types';
import { todayInBangkok } from '../ita/fiscal-year';

/**
 * The response cache of the public API: serialized responses keyed by URL and by the current
 * versions of the tags the response depends on (`all`, `unit:ENG`, `type:news`, `checklists`).
 * Invalidation bumps tag versions after the writing transaction commits, so a reader never gets
 * a response built before the change: its key names the old versions. In one process the store
 * is an LRU bounded in bytes (`PUBLIC_CACHE_MAX_MB`, default 64 MB per process, and
 * `PUBLIC_CACHE_MAX_ENTRIES`); a response over `PUBLIC_CACHE_MAX_ENTRY_KB` is never stored. With
 * `REDIS_URL` every instance shares Redis (versions with INCR, entries with a TTL).
 */

export type Cached = {
  type: string;
  etag: string;
  body: string;
  headers?: Record<string, string>;
};

type Store = {
  readonly kind: 'memory' | 'redis';
  versions(tags: string[]): Promise<number[]>;
  get(key: string): Promise<Cached | null>;
  set(key: string, value: Cached, ttlMs: number): Promise<void>;
  bump(tags: string[]): Promise<void>;
  close(): Promise<void>;
};

/** Bytes an entry holds in memory, counted generously (UTF-8 length of the strings + overhead). */
export const entrySize = (key: string, value: Cached): number => {
  let n = 200 + key.length + value.type.length + value.etag.length;
  n += Buffer.byteLength(value.body, 'utf8');
  for (const [k, v] of Object.entries(value.headers ?? {})) n += k.length + v.length;
  return n;
};

export type CacheStats = {
  kind: 'memory' | 'redis' | 'off';
  entries: number;
  bytes: number;
  maxBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
};

class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private tagVersions = new Map<string, number>();
  private entries: LRUCache<string, Cached>;
  constructor(limits: { maxBytes: number; maxEntryBytes: number; maxEntries: number }) {
    // Least recently used goes first, when either the byte budget or the entry count is exceeded.
    // An entry larger than maxEntryBytes is not stored at all.
    this.entries = new LRUCache<string, Cached>({
      max: Math.max(1, limits.maxEntries),
      maxSize: Math.max(1, limits.maxBytes),
      maxEntrySize: Math.max(1, Math.min(limits.maxEntryBytes, limits.maxBytes)),
      sizeCalculation: (value, key) => entrySize(key, value),
    });
  }
  async versions(tags: string[]) {
    return tags.map((t) => this.tagVersions.get(t) ?? 0);
  }
  async get(key: string) {
    return this.entries.get(key) ?? null;
  }
  async set(key: string, value: Cached, ttlMs: number) {
    this.entries.set(key, value, { ttl: Math.max(1, ttlMs) });
  }
  async bump(tags: string[]) {
    for (const t of tags) this.tagVersions.set(t, (this.tagVersions.get(t) ?? 0) + 1);
  }
  async close() {
    this.entries.clear();
  }
  stats() {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }
}

class RedisStore implements Store {
  readonly kind = 'redis' as const;
  constructor(
    private redis: Redis,
    private prefix: string,
  ) {}
  async versions(tags: string[]) {
    const values = await this.redis.mget(...tags.map((t) => `${this.prefix}v:${t}`));
    return values.map((v) => Number(v ?? 0));
  }
  async get(key: string) {
    const raw = await this.redis.get(`${this.prefix}c:${key}`);
    return raw ? (JSON.parse(raw) as Cached) : null;
  }
  async set(key: string, value: Cached, ttlMs: number) {
    await this.redis.set(`${this.prefix}c:${key}`, JSON.stringify(value), 'PX', ttlMs);
  }
  async bump(tags: string[]) {
    const pipeline = this.redis.pipeline();
    for (const t of tags) pipeline.incr(`${this.prefix}v:${t}`);
    await pipeline.exec();
  }
  async close() {
    this.redis.disconnect();
  }
}

export type CacheSettings = {
  enabled: boolean;
  ttlMs: number;
  maxAge: number;
  staleWhileRevalidate: number;
  maxEntries: number;
  /** Byte budget of the in-process cache. */
  maxBytes: number;
  /** A response larger than this is never cached (in the process or in Redis). */
  maxEntryBytes: number;
  redisUrl: string | null;
  redisPrefix: string;
};

export const cacheSettings = (env: NodeJS.ProcessEnv = process.env): CacheSettings => {
  const int = (name: string, fallback: number) => {
    const n = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(n) && n >= 0
      ? Math.floor(n)
      : fallback;
  };
  return {
    enabled: env.PUBLIC_CACHE !== 'false' && env.PUBLIC_CACHE !== 'off',
    ttlMs: int('PUBLIC_CACHE_TTL', 300) * 1000,
    maxAge: int('PUBLIC_CACHE_MAX_AGE', 0),
    staleWhileRevalidate: int('PUBLIC_CACHE_SWR', 0),
    maxEntries: int('PUBLIC_CACHE_MAX_ENTRIES', 5000),
    maxBytes: int('PUBLIC_CACHE_MAX_MB', 64) * 1024 * 1024,
    maxEntryBytes: int('PUBLIC_CACHE_MAX_ENTRY_KB', 1024) * 1024,
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'prongsai:',
  };
};

let settings: CacheSettings = cacheSettings();
let store: Store | null = null;
let enabled = settings.enabled;
const pending = new Set<Promise<void>>();

const logger = () => (globalThis as { strapi?: Core.Strapi }).strapi?.log;

/** Turns the response cache on or off in this process (benchmarks measure both). */
export const setCacheEnabled = (on: boolean) => {
  enabled = on;
};
export const cacheEnabled = () => enabled && store !== null;
export const cacheKind = () => store?.kind ?? 'off';

export const initCache = async (env: NodeJS.ProcessEnv = process.env) => {
  settings = cacheSettings(env);
  enabled = settings.enabled;
  if (store) await store.close();
  if (settings.redisUrl) {
    const { default: IORedis } = await import('ioredis');
    const redis = new IORedis(settings.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 1000,
    });
    redis.on('error', (err: Error) => logger()?.warn(`[cache] Redis: ${err.message}`));
    await redis.connect();
    store = new RedisStore(redis, settings.redisPrefix);
  } else {
    store = new MemoryStore(settings);
  }
  // Anything written while this process was down (or before it) must not be served from a
  // shared cache: start from fresh versions.
  await invalidate(['all']);
};

/** What the in-process cache holds now, in entries and (computed) bytes, against its bounds. */
export const cacheStats = (): CacheStats => {
  const bounds = {
    maxBytes: settings.maxBytes,
    maxEntryBytes: Math.min(settings.maxEntryBytes, settings.maxBytes),
    maxEntries: settings.maxEntries,
  };
  if (store instanceof MemoryStore) return { kind: 'memory', ...store.stats(), ...bounds };
  return { kind: store ? store.kind : 'off', entries: 0, bytes: 0, ...bounds };
};

export const closeCache = async () => {
  await flushInvalidations();
  if (store) await store.close();
  store = null;
};

/** Bumps tag versions. Returns once the store has recorded it (callers may await). */
export const invalidate = (tags: string[]): Promise<void> => {
  if (!store || tags.length === 0) return Promise.resolve();
  const p: Promise<void> = store
    .bump([...new Set(tags)])
    .catch((err: Error) => {
      logger()?.error(`[cache] invalidation failed: ${err.message}`);
    })
    .finally(() => {
      pending.delete(p);
    });
  pending.add(p);
  return p;
};

/** Waits for invalidations in flight: a write's HTTP response leaves only after them. */
export const flushInvalidations = async () => {
  while (pending.size) await Promise.all([...pending]);
};

/** Runs `fn` after the current database transaction commits (at once when there is none). */
export const afterCommit = (strapi: Core.Strapi, fn: () => void) => {
  if (!strapi.db.inTransaction()) {
    fn();
    return;
  }
  void strapi.db.transaction(async ({ onCommit }) => {
    onCommit(fn);
  });
};

export const etagOf = (body: string) =>
  `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;

const matches = (ifNoneMatch: string | undefined, etag: string) => {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
};

const keyOf = (origin: string, url: string, tags: string[], versions: number[]) =>
  createHash('sha1')
    .update(`${origin}\n${url}\n${tags.map((t, i) => `${t}=${versions[i]}`).join('&')}`)
    .digest('base64url');

/** The tags a public URL depends on. */
export const tagsOf = (path: string, typeOfPlural: (plural: string) => string | null) => {
  const parts = path.split('/');
  // ['', 'api', first, second, ...]
  const first = parts[2] ?? '';
  const tags = ['all'];
  if (first === 'ita' || first === 'feeds' || first === 'exports') {
    const code = (parts[3] ?? '').toUpperCase();
    if (code) tags.push(`unit:${code}`);
    if (first === 'ita') tags.push('checklists');
  } else if (first === 'ita-links') {
    // Statuses of every unit: any publication of any type changes it.
    tags.push('checklists', ...DISCLOSURE_TYPES.map((t) => `type:${t.name}`));
  } else {
    const type = typeOfPlural(first);
    if (type) tags.push(`type:${type}`);
  }
  return tags;
};

/**
 * Responses whose content depends on today's date in Bangkok (item statuses: "not yet due"
 * becomes "missing" when the due date passes) are keyed by the date too.
 */
export const datedPath = (path: string) => /^\/api\/ita(-links)?\//.test(path);

const cacheControl = (isPublic: boolean) => {
  if (!isPublic) return 'private, no-cache';
  const parts = ['public', `max-age=${settings.maxAge}`];
  if (settings.staleWhileRevalidate > 0)
    parts.push(`stale-while-revalidate=${settings.staleWhileRevalidate}`);
  else if (settings.maxAge === 0) parts.push('must-revalidate');
  return parts.join(', ');
};

const send = (ctx: Ctx, entry: Cached, isPublic: boolean, state: string) => {
  ctx.set('ETag', entry.etag);
  ctx.set('Cache-Control', cacheControl(isPublic));
  ctx.set('X-Cache', state);
  for (const [name, value] of Object.entries(entry.headers ?? {})) ctx.set(name, value);
  if (matches(ctx.get('If-None-Match'), entry.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.status = 200;
  ctx.type = entry.type;
  ctx.body = entry.body;
};

const KEPT_HEADERS = ['content-disposition'];
// participation: fresh challenges and tracking statuses (src/participation).
const NEVER_CACHED =
  /^\/api\/(users|auth|connect|upload|users-permissions|i18n|participation)(\/|$)/;

/**
 * The Koa middleware: on public GETs under /api, answers from the cache (ETag / 304) or lets the
 * request through and stores what it produced. Requests with credentials are never cached (they
 * still get an ETag and 304s).
 */
export const responseCacheMiddleware =
  (strapi: Core.Strapi) => async (ctx: Ctx, next: () => Promise<unknown>) => {
    try {
      if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/api/')) {
        return await next();
      }
      if (NEVER_CACHED.test(ctx.path)) return await next();
      const isPublic = !ctx.get('Authorization');
      let key: string | null = null;
      if (isPublic && cacheEnabled() && store) {
        const tags = tagsOf(ctx.path, (plural) => pluralToType(strapi, plural));
        try {
          const versions = await store.versions(tags);
          // Links in responses use PUBLIC_URL, or else the request's own origin.
          const origin = strapi.config.get('server.url') ? '' : ctx.origin;
          const url = datedPath(ctx.path) ? `${ctx.url}\n${todayInBangkok()}` : ctx.url;
          key = keyOf(origin, url, tags, versions);
          const hit = await store.get(key);
          if (hit) return send(ctx, hit, true, 'HIT');
        } catch (err) {
          key = null; // the store is unreachable: serve from the database
          logger()?.warn(`[cache] read failed: ${(err as Error).message}`);
        }
      }
      await next();
      if (ctx.status !== 200 || ctx.body === null || ctx.body === undefined) return;
      const raw: unknown = ctx.body;
      if (typeof raw === 'object' && raw !== null && 'pipe' in raw) return; // a stream
      const body = Buffer.isBuffer(raw)
        ? raw.toString('utf8')
        : typeof raw === 'string'
          ? raw
          : JSON.stringify(raw);
      const headers: Record<string, string> = {};
      for (const name of KEPT_HEADERS) {
        const value = ctx.response.get(name);
        if (value) headers[name] = value;
      }
      const entry: Cached = {
        type: (ctx.response.get('Content-Type') as string) || 'application/json',
        etag: etagOf(body),
        body,
        headers,
      };
      if (
        key &&
        store &&
        entrySize(key, entry) > Math.min(settings.maxEntryBytes, settings.maxBytes)
      )
        key = null; // too large to keep: served, never stored
      if (key && store) {
        await store.set(key, entry, settings.ttlMs).catch((err: Error) => {
          logger()?.warn(`[cache] write failed: ${err.message}`);
        });
      }
      send(ctx, entry, isPublic, key ? 'MISS' : 'BYPASS');
    } finally {
      // A write that changed public content answers only once every cache knows it.
      if (pending.size) await flushInvalidations();
    }
  };

const pluralCache = new Map<string, string | null>();
const pluralToType = (strapi: Core.Strapi, plural: string): string | null => {
  if (pluralCache.has(plural)) return pluralCache.get(plural) ?? null;
  const ct = Object.values(strapi.contentTypes).find(
    (c) => c.uid.startsWith('api::') && c.info.pluralName === plural,
  );
  const name = ct ? ct.info.singularName : null;
  pluralCache.set(plural, name);
  return name;
};
