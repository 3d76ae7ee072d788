import type { Core } from '@strapi/strapi';

/** Placeholders a unit's ITA path template may use. */
export const TEMPLATE_PLACEHOLDERS = ['fiscalYear', 'itemCode', 'unitCode'] as const;
export const DEFAULT_ITA_PATH_TEMPLATE = '/ita/{fiscalYear}#{itemCode}';

export type LinkUnit = {
  code: string;
  websiteUrl?: string | null;
  itaPathTemplate?: string | null;
};

/** `https://eng.example.ac.th/` → `https://eng.example.ac.th` (origin + path, no trailing slash). */
export const normaliseWebsiteUrl = (value: string): string => value.trim().replace(/\/+$/, '');

/** The origin (scheme://host[:port]) of a unit website, or null when it is not an http(s) URL. */
export const originOf = (websiteUrl: string | null | undefined): string | null => {
  if (!websiteUrl) return null;
  try {
    const url = new URL(websiteUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};

/** Problems with a unit's website URL (empty is allowed), in Thai / English. */
export const websiteUrlProblem = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') return 'เว็บไซต์ต้องเป็นข้อความ / websiteUrl must be a string';
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `เว็บไซต์ "${value}" ไม่ใช่ URL ที่ถูกต้อง (เช่น https://eng.example.ac.th) / websiteUrl "${value}" is not a valid URL`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https:// / websiteUrl must be an http(s) URL';
  if (url.username || url.password || url.search || url.hash)
    return 'เว็บไซต์ต้องไม่มีชื่อผู้ใช้ รหัสผ่าน ? หรือ # / websiteUrl must not contain credentials, a query or a fragment';
  return null;
};

/** Problems with a path template such as `/ita/{fiscalYear}#{itemCode}` (empty = the default). */
export const pathTemplateProblem = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string')
    return 'รูปแบบลิงก์ต้องเป็นข้อความ / itaPathTemplate must be a string';
  if (!/^[/?#]/.test(value) || /\s/.test(value))
    return 'รูปแบบลิงก์ต้องขึ้นต้นด้วย / ? หรือ # และไม่มีช่องว่าง / itaPathTemplate must start with /, ? or # and contain no spaces';
  const unknown = [...value.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length)
    return `รูปแบบลิงก์ใช้ได้เฉพาะ {fiscalYear} {itemCode} {unitCode} (พบ {${unknown[0]}}) / itaPathTemplate may use only {fiscalYear}, {itemCode}, {unitCode} (found {${unknown[0]}})`;
  return null;
};

/** The URL of one checklist item on the unit's own website, or null when the unit has no website. */
export const itemUrl = (unit: LinkUnit, fiscalYear: number, itemCode: string): string | null => {
  if (!unit.websiteUrl) return null;
  const template = unit.itaPathTemplate || DEFAULT_ITA_PATH_TEMPLATE;
  const values: Record<string, string> = {
    fiscalYear: String(fiscalYear),
    itemCode: encodeURIComponent(itemCode),
    unitCode: encodeURIComponent(unit.code),
  };
  return (
    normaliseWebsiteUrl(unit.websiteUrl) +
    template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '')
  );
};

/** The CMS's own public base URL: PUBLIC_URL, else the request's origin. */
export const cmsBase = (strapi: Core.Strapi, requestOrigin: string): string => {
  const configured = strapi.config.get('server.url') as string | undefined;
  return normaliseWebsiteUrl(configured || requestOrigin);
};

/** Absolute URL of an uploaded file (the local provider stores `/uploads/...`). */
export const absoluteUrl = (base: string, url: string): string =>
  url.startsWith('/') ? `${base}${url}` : url;
