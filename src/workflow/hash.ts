import { createHash } from 'crypto';
import type { Core, UID } from '@strapi/strapi';

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

/**
 * The content of a row as plain data: scalar fields as stored, components recursively (without
 * their ids, which Strapi renews on every save), relations and media as the ids they point to.
 */
const normalise = (
  strapi: Core.Strapi,
  attributes: Record<string, Attribute>,
  row: Record<string, unknown>,
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
          ? normalise(strapi, comp.attributes, v as Record<string, unknown>)
          : null;
      out[name] = Array.isArray(value) ? value.map(one) : one(value);
    } else if (attr.type === 'relation' || attr.type === 'media') {
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

/** A hash of the draft's content (fields, components, related ids), as an approver saw it. */
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
  return sha256(JSON.stringify(normalise(strapi, ct.attributes, doc as Record<string, unknown>)));
};
