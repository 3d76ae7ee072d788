import type { Core } from '@strapi/strapi';
import { DISCLOSURE_TYPES } from './types';

export type Meta = {
  tableName: string;
  attributes: Record<
    string,
    {
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    }
  >;
};

/**
 * Fills `unitRef` from the unit relation where it is missing or stale (rows written before the
 * column existed, or by raw SQL). One UPDATE per content type.
 */
export const backfillUnitRef = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  let fixed = 0;
  for (const type of DISCLOSURE_TYPES) {
    const meta = strapi.db.metadata.get(type.uid) as unknown as Meta;
    const join = meta.attributes.unit?.joinTable;
    const column = meta.attributes.unitRef?.columnName ?? 'unit_ref';
    if (!join) continue;
    const sub = knex(join.name)
      .select(join.inverseJoinColumn.name)
      .where(join.joinColumn.name, knex.ref(`${meta.tableName}.id`))
      .limit(1);
    fixed += await knex(meta.tableName)
      .update({ [column]: sub })
      .whereNotExists(
        knex(join.name)
          .select(knex.raw('1'))
          .where(join.joinColumn.name, knex.ref(`${meta.tableName}.id`))
          .andWhere(join.inverseJoinColumn.name, knex.ref(`${meta.tableName}.${column}`)),
      );
  }
  return fixed;
};

/**
 * An index on (unitRef, publishedAt) of every disclosure table: unit-scoped lists, the ITA page and
 * the published-only reads filter on both. Created if missing (Strapi's schema sync leaves indexes
 * it did not create alone).
 */
export const ensureUnitRefIndexes = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  for (const type of DISCLOSURE_TYPES) {
    const meta = strapi.db.metadata.get(type.uid) as unknown as Meta;
    const unitRef = meta.attributes.unitRef?.columnName ?? 'unit_ref';
    const publishedAt = meta.attributes.publishedAt?.columnName ?? 'published_at';
    const name = `${meta.tableName}_unit_ref_idx`.slice(0, 63);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)`, [
      name,
      meta.tableName,
      unitRef,
      publishedAt,
    ]);
  }
};
