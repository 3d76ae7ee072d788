import { COMMON_LABELS, TYPE_LABELS } from '../content-manager/labels';
import { ENUM_LABELS } from '../common/enum-labels';

type Schema = { info: { displayName: string; singularName?: string }; attributes: object };

/**
 * The Content Manager looks each field's label up as the message
 * `content-manager.content-types.{uid}.{field}`, falling back to the configured label with a
 * console error. The product's Thai labels (src/content-manager/labels.ts, the same source the
 * server writes into the layouts) are those messages; read from the schemas at build time.
 */
const apiSchemas = import.meta.glob<Schema>('../api/*/content-types/*/schema.json', {
  eager: true,
  import: 'default',
});
const componentSchemas = import.meta.glob<Schema>('../components/*/*.json', {
  eager: true,
  import: 'default',
});

const models: Array<[string, Schema]> = [
  ...Object.entries(apiSchemas).map(([file, schema]): [string, Schema] => {
    const [, api, type] = /api\/([^/]+)\/content-types\/([^/]+)\//.exec(file) ?? [];
    return [`api::${api}.${type}`, schema];
  }),
  ...Object.entries(componentSchemas).map(([file, schema]): [string, Schema] => {
    const [, category, name] = /components\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
    return [`${category}.${name}`, schema];
  }),
];

export const fieldLabels: Record<string, string> = {};
/** Each content type's display name is looked up as a message id too (menus, home widgets). */
export const displayNames: Record<string, string> = {};
for (const [uid, schema] of models) {
  displayNames[schema.info.displayName] = schema.info.displayName;
  for (const field of Object.keys(schema.attributes)) {
    const label = TYPE_LABELS[uid]?.[field] ?? COMMON_LABELS[field];
    if (label) fieldLabels[`content-manager.content-types.${uid}.${field}`] = label.label;
  }
}

/** Every enumeration value's Thai label, as a message with the value as its id. */
export const ENUM_MESSAGES: Record<string, string> = {};
for (const labels of Object.values(ENUM_LABELS)) {
  for (const [value, label] of Object.entries(labels)) ENUM_MESSAGES[value] ??= label;
}
