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

/** For `strapi::cors`'s `origin` option: the allowed list, or `*` when CORS_ORIGINS is `*`. */
export const corsOrigin = async (): Promise<string[]> => {
  const strapi = (globalThis as { strapi?: Core.Strapi }).strapi;
  if (process.env.CORS_ORIGINS?.trim() === '*') return ['*'];
  if (!strapi?.db) return configuredOrigins(strapi as Core.Strapi);
  try {
    return [...(await allowedOrigins(strapi))];
  } catch {
    return configuredOrigins(strapi);
  }
};
