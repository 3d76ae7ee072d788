import type { Core } from '@strapi/strapi';
import { columnOf, metaOf } from './metadata';
import { DISCLOSURE_TYPES } from './types';

/**
 * Fills `unitRef` from the unit relation where it is missing or stale (rows written before the
 * column existed, or by raw SQL). One UPDATE per content type.
 */
export const backfillUnitRef = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  let fixed = 0;
  for (const type of DISCLOSURE_TYPES) {
    const meta = metaOf(strapi, type.uid);
    const join = meta.attributes.unit?.joinTable;
    const column = columnOf(meta, 'unitRef');
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
    const meta = metaOf(strapi, type.uid);
    const unitRef = columnOf(meta, 'unitRef');
    const publishedAt = columnOf(meta, 'publishedAt');
    const name = `${meta.tableName}_unit_ref_idx`.slice(0, 63);
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)`, [
      name,
      meta.tableName,
      unitRef,
      publishedAt,
    ]);
  }
};
