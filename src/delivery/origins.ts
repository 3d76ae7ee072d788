import type { Core } from '@strapi/strapi';
import { UNIT_UID } from '../disclosures/types';
import { originOf } from './links';

/**
 * Cross-origin access: the registered unit websites (each unit's `websiteUrl`), the origins in
 * `CORS_ORIGINS` and the CMS's own public URL. Other origins get no `Access-Control-Allow-Origin`,
 * so a browser refuses them. The list is re-read after a unit changes and at least every minute
 * (a unit edited on another instance).
 */
const TTL_MS = 60_000;
let cached: { origins: Set<string>; at: number } | null = null;
let loading: Promise<Set<string>> | null = null;

export const forgetOrigins = () => {
  cached = null;
};

const configuredOrigins = (strapi: Core.Strapi): string[] => {
  const list = (process.env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const own = originOf(strapi.config.get('server.url') as string | undefined);
  const admin = originOf(strapi.config.get('admin.url') as string | undefined);
  return [...list, ...(own ? [own] : []), ...(admin ? [admin] : [])];
};

export const allowedOrigins = async (strapi: Core.Strapi): Promise<Set<string>> => {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.origins;
  if (!loading) {
    loading = (async () => {
      const units = (await strapi.db.query(UNIT_UID).findMany({
        where: { websiteUrl: { $notNull: true } },
        select: ['websiteUrl'],
      })) as Array<{ websiteUrl: string | null }>;
      const origins = new Set<string>(configuredOrigins(strapi));
      for (const u of units) {
        const o = originOf(u.websiteUrl);
        if (o) origins.add(o);
      }
      cached = { origins, at: Date.now() };
      return origins;
    })().finally(() => {
      loading = null;
    });
  }
  return loading;
};

/**
 * The routes a unit website may call from a browser: the content API under `/api` (entries, ITA
 * pages, feeds, exports) except sign-in, accounts and uploads, the widget script and uploaded
 * files. Everything else — the admin panel's API (`/admin`, `/content-manager`, `/upload`,
 * `/workflow`, `/compliance`, `/ita`, …) — is same-origin only.
 */
const PRIVATE_API = /^\/api\/(auth|connect|users|users-permissions|upload)(\/|$)/;
export const isPublicPath = (path: string): boolean => {
  const p = path.toLowerCase().replace(/\/{2,}/g, '/');
  if (p.startsWith('/api/')) return !PRIVATE_API.test(p);
  return p.startsWith('/widget/') || p.startsWith('/uploads/');
};

/**
 * Origins allowed on the admin routes: none when the admin panel is served by the CMS itself
 * (same origin, no CORS needed); its own origin when `ADMIN_URL` puts it on another host.
 */
const adminOrigins = (strapi: Core.Strapi | undefined): string[] => {
  const admin = originOf(strapi?.config.get('admin.url') as string | undefined);
  const own = originOf(strapi?.config.get('server.url') as string | undefined);
  return admin && admin !== own ? [admin] : [];
};

/**
 * For `strapi::cors`'s `origin` option: on public routes the allowed list (or `*` when
 * CORS_ORIGINS is `*`); on every other route only a separately hosted admin panel.
 */
export const corsOrigin = async (ctx?: { path?: string }): Promise<string[]> => {
  const strapi = (globalThis as { strapi?: Core.Strapi }).strapi;
  if (ctx && typeof ctx.path === 'string' && !isPublicPath(ctx.path)) return adminOrigins(strapi);
  if (process.env.CORS_ORIGINS?.trim() === '*') return ['*'];
  if (!strapi?.db) return configuredOrigins(strapi as Core.Strapi);
  try {
    return [...(await allowedOrigins(strapi))];
  } catch {
    return configuredOrigins(strapi);
  }
};
