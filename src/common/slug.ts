import slugify from 'slugify';
import { transliterateThai } from './thai';

export const SLUG_MAX_LENGTH = 80;

/**
 * A URL slug from any title. slugify alone drops Thai letters (a Thai title would give an
 * empty slug), so Thai is transliterated to ASCII first. Never returns an empty string.
 */
export const slugFromTitle = (title: string, fallback = 'entry'): string => {
  const ascii = transliterateThai(title ?? '');
  const slug = slugify(ascii, { lower: true, strict: true, trim: true })
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
  if (slug) return slug;
  return slugify(fallback, { lower: true, strict: true }) || 'entry';
};

/** "news" taken → "news-2", "news-3" ... */
export const withSuffix = (base: string, n: number): string => {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/g, '')}${suffix}`;
};
