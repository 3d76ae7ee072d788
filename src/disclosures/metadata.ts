import type { Core, UID } from '@strapi/strapi';

/** What raw queries need of Strapi's database metadata: table, columns, link tables. */
export type TableMeta = {
  tableName: string;
  attributes: Record<
    string,
    {
      columnName?: string;
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
        /** Polymorphic links (a file's `related`): which entry of which type. */
        morphColumn?: { idColumn: { name: string }; typeColumn: { name: string } };
      };
    }
  >;
};

export const metaOf = (strapi: Core.Strapi, uid: string) =>
  strapi.db.metadata.get(uid as UID.Schema) as unknown as TableMeta;

/** The column of an attribute (Strapi snake-cases them: `unitRef` → `unit_ref`). */
export const columnOf = (meta: TableMeta, attribute: string) =>
  meta.attributes[attribute]?.columnName ?? attribute;
