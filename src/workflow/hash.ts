import { createHash } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { digestsOf } from '../files/digest';

type Attribute = { type: string; component?: string; repeatable?: boolean; components?: string[] };

/** Fields that are not content: bookkeeping that changes without an editor changing anything. */
const SKIP = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'workflowState',
  'unitRef',
]);
// `publishAt` is part of the hash: the time of publication is what the approver (or, for a
// schedule, the publisher) decided, and any other change of it invalidates that decision.

const populateFor = (
  strapi: Core.Strapi,
  attributes: Record<string, Attribute>,
): Record<string, unknown> => {
  const populate: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries(attributes)) {
    if (SKIP.has(name)) continue;
    if (attr.type === 'component' && attr.component) {
      const comp = strapi.components[attr.component as UID.Component] as unknown as {
        attributes: Record<string, Attribute>;
      };
      const nested = populateFor(strapi, comp.attributes);
      populate[name] = Object.keys(nested).length ? { populate: nested } : true;
    } else if (attr.type === 'relation' || attr.type === 'media') {
      populate[name] = { fields: ['id'] };
    }
  }
  return populate;
};

/** Ids of the files a row's media fields (at any component depth) point to. */
const mediaIds = (
  strapi: Core.Strapi,
  attributes: Record<string, Attribute>,
  row: Record<string, unknown>,
  out: number[] = [],
): number[] => {
  for (const [name, attr] of Object.entries(attributes)) {
    if (SKIP.has(name)) continue;
    const value = row[name];
    const list = (Array.isArray(value) ? value : [value]).filter(
      (v): v is Record<string, unknown> => Boolean(v) && typeof v === 'object',
    );
    if (attr.type === 'media') for (const v of list) out.push(Number(v.id));
    if (attr.type === 'component' && attr.component) {
      const comp = strapi.components[attr.component as UID.Component] as unknown as {
        attributes: Record<string, Attribute>;
      };
      for (const v of list) mediaIds(strapi, comp.attributes, v, out);
    }
  }
  return out;
};

/**
 * The content of a row as plain data: scalar fields as stored, components recursively (without
 * their ids, which Strapi renews on every save), relations as the ids they point to, media as
 * their ids with the SHA-256 of their bytes (so a file replaced after approval changes the hash).
 */
const normalise = (
  strapi: Core.Strapi,
  attributes: Record<string, Attribute>,
  row: Record<string, unknown>,
  digests: Map<number, string | null> = new Map(),
) => {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(attributes).sort()) {
    if (SKIP.has(name)) continue;
    const attr = attributes[name];
    const value = row[name];
    if (attr.type === 'component' && attr.component) {
      const comp = strapi.components[attr.component as UID.Component] as unknown as {
        attributes: Record<string, Attribute>;
      };
      const one = (v: unknown) =>
        v && typeof v === 'object'
          ? normalise(strapi, comp.attributes, v as Record<string, unknown>, digests)
          : null;
      out[name] = Array.isArray(value) ? value.map(one) : one(value);
    } else if (attr.type === 'media') {
      const file = (v: unknown) => {
        const id = v && typeof v === 'object' ? ((v as { id?: unknown }).id ?? null) : null;
        return id === null ? null : { id, sha256: digests.get(Number(id)) ?? null };
      };
      out[name] = Array.isArray(value) ? value.map(file) : file(value);
    } else if (attr.type === 'relation') {
      const id = (v: unknown) =>
        v && typeof v === 'object' ? ((v as { id?: unknown }).id ?? null) : null;
      out[name] = Array.isArray(value) ? value.map(id) : id(value);
    } else {
      out[name] = value ?? null;
    }
  }
  return out;
};

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A hash of the draft's content (fields, components, related ids, attached files' ids and
 * bytes), as an approver saw it.
 */
export const contentHash = async (
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
): Promise<string | null> => {
  const ct = strapi.contentType(uid) as unknown as { attributes: Record<string, Attribute> };
  const doc = await strapi.db.query(uid).findOne({
    where: { documentId, publishedAt: null },
    populate: populateFor(strapi, ct.attributes) as never,
  });
  if (!doc) return null;
  const row = doc as Record<string, unknown>;
  const digests = await digestsOf(strapi, [...new Set(mediaIds(strapi, ct.attributes, row))]);
  return sha256(JSON.stringify(normalise(strapi, ct.attributes, row, digests)));
};
