import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { DISCLOSURE_BY_UID } from '../disclosures/types';

export const FILE_UID = 'plugin::upload.file';

/** A row of a content type that uses a file (directly or through components). */
export type Owner = {
  fileId: number;
  uid: string;
  id: number;
  /** null for a draft row; content types without draft & publish count as published. */
  publishedAt: unknown;
  workflowState: string | null;
};

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn?: { name: string };
  morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
};
type MetaAttribute = { type?: string; columnName?: string; joinTable?: JoinTable; target?: string };
type Meta = { tableName: string; attributes: Record<string, MetaAttribute> };

const meta = (strapi: Core.Strapi, uid: string) =>
  (strapi.db.metadata as unknown as { get(uid: string): Meta }).get(uid);

const column = (m: Meta, attr: string) => m.attributes[attr]?.columnName ?? attr;

/** Runs on the caller's transaction when there is one (SQLite has a single connection). */
export const withKnex = <T>(strapi: Core.Strapi, fn: (trx: Knex) => Promise<T>) =>
  strapi.db.transaction(async ({ trx }) => fn(trx as unknown as Knex)) as Promise<T>;

type SchemaAttr = { type: string; component?: string; components?: string[] };
type Schema = { attributes: Record<string, SchemaAttr> };

/** Where a component can live: [parent uid, attribute name] pairs. */
const parentsOf = (strapi: Core.Strapi, compUid: string): Array<[string, string]> => {
  const out: Array<[string, string]> = [];
  const models = {
    ...(strapi.contentTypes as unknown as Record<string, Schema>),
    ...(strapi.components as unknown as Record<string, Schema>),
  };
  for (const [uid, schema] of Object.entries(models)) {
    for (const [name, attr] of Object.entries(schema.attributes ?? {})) {
      if (
        (attr.type === 'component' && attr.component === compUid) ||
        (attr.type === 'dynamiczone' && attr.components?.includes(compUid))
      )
        out.push([uid, name]);
    }
  }
  return out;
};

/**
 * The content rows that use the given files: media fields and media inside components (at any
 * depth, and in dynamic zones). Three or four indexed queries for any number of files.
 */
export const ownersOfFiles = async (strapi: Core.Strapi, fileIds: number[]): Promise<Owner[]> => {
  const ids = [...new Set(fileIds.filter((n) => Number.isInteger(n) && n > 0))];
  if (ids.length === 0) return [];
  const related = meta(strapi, FILE_UID).attributes.related?.joinTable;
  if (!related?.morphColumn) return [];
  return withKnex(strapi, async (knex) => {
    const links = (await knex(related.name)
      .select({
        fileId: related.joinColumn.name,
        rid: related.morphColumn!.idColumn.name,
        type: related.morphColumn!.typeColumn.name,
      })
      .whereIn(related.joinColumn.name, ids)) as Array<{
      fileId: number;
      rid: number;
      type: string;
    }>;

    // Components → the rows that hold them, until content types are reached.
    type Node = { fileId: number; uid: string; id: number };
    let pending: Node[] = links.map((l) => ({ fileId: l.fileId, uid: l.type, id: Number(l.rid) }));
    const tops: Node[] = [];
    for (let depth = 0; pending.length && depth < 10; depth += 1) {
      const next: Node[] = [];
      const byComp = new Map<string, Node[]>();
      for (const n of pending) {
        if (strapi.contentTypes[n.uid as keyof typeof strapi.contentTypes]) tops.push(n);
        else if (strapi.components[n.uid as keyof typeof strapi.components])
          byComp.set(n.uid, [...(byComp.get(n.uid) ?? []), n]);
      }
      for (const [compUid, nodes] of byComp) {
        const compIds = [...new Set(nodes.map((n) => n.id))];
        for (const [parentUid, attrName] of parentsOf(strapi, compUid)) {
          const jt = meta(strapi, parentUid).attributes[attrName]?.joinTable;
          const inverse = jt?.inverseJoinColumn?.name ?? jt?.morphColumn?.idColumn.name;
          if (!jt || !inverse) continue;
          const rows = (await knex(jt.name)
            .select({ parent: jt.joinColumn.name, child: inverse })
            .whereIn(inverse, compIds)
            .andWhere('component_type', compUid)) as Array<{ parent: number; child: number }>;
          for (const r of rows)
            for (const n of nodes.filter((x) => x.id === Number(r.child)))
              next.push({ fileId: n.fileId, uid: parentUid, id: Number(r.parent) });
        }
      }
      pending = next;
    }

    const owners: Owner[] = [];
    const byUid = new Map<string, Node[]>();
    for (const t of tops) byUid.set(t.uid, [...(byUid.get(t.uid) ?? []), t]);
    for (const [uid, nodes] of byUid) {
      const m = meta(strapi, uid);
      const hasDp = Boolean(m.attributes.publishedAt);
      const hasState = Boolean(m.attributes.workflowState);
      const select: Record<string, string> = { id: 'id' };
      if (hasDp) select.publishedAt = column(m, 'publishedAt');
      if (hasState) select.workflowState = column(m, 'workflowState');
      const rows = (await knex(m.tableName)
        .select(select)
        .whereIn(
          'id',
          nodes.map((n) => n.id),
        )) as Array<{ id: number; publishedAt?: unknown; workflowState?: string | null }>;
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      for (const n of nodes) {
        const row = byId.get(n.id);
        if (!row) continue; // a link left behind by a deleted row
        owners.push({
          fileId: Number(n.fileId),
          uid,
          id: n.id,
          publishedAt: hasDp ? (row.publishedAt ?? null) : true,
          workflowState: row.workflowState ?? null,
        });
      }
    }
    return owners;
  });
};

const FROZEN_STATES = new Set(['submitted', 'approved', 'published']);

/** An owner that freezes its files: a published row, or a draft that is in the workflow. */
export const freezes = (o: Owner) =>
  DISCLOSURE_BY_UID.has(o.uid) &&
  (o.publishedAt !== null || FROZEN_STATES.has(o.workflowState ?? 'draft'));

/** An owner that makes its files public: a published row (or a type without drafts). */
export const publishes = (o: Owner) => o.publishedAt !== null;
