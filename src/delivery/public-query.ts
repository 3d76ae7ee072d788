import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';
import { parseItemCode, parseUnitCode, parseYearParam } from './ita-page';
import { checkFilterValues } from '../common/query-values';

/**
 * What a website may ask of the REST API. The server decides what is populated: a request
 * without `populate` (or with `*`) gets the type's default populate; a request naming relations
 * may only name ones from that default, and gets exactly the default for each (no deeper
 * traversal). Lists of disclosures also take `unit=<code>`, `fiscalYear=<BE year>` and
 * `item=<checklist item code>`, turned into Strapi filters.
 */

type PopulateSpec = Record<string, unknown>;

const UNIT_FIELDS = ['code', 'nameTh', 'nameEn', 'websiteUrl'];
const ITEM_FIELDS = ['code', 'titleTh', 'titleEn'];
const FILE_FIELDS = [
  'name',
  'alternativeText',
  'caption',
  'url',
  'mime',
  'ext',
  'size',
  'width',
  'height',
  'formats',
];

type Attr = { type: string; component?: string; target?: string; private?: boolean };

const componentPopulate = (strapi: Core.Strapi, uid: string): true | PopulateSpec => {
  const component = strapi.components[uid as UID.Component];
  const nested: PopulateSpec = {};
  for (const [name, attr] of Object.entries(component?.attributes ?? {}) as Array<[string, Attr]>) {
    if (attr.type === 'component' && attr.component)
      nested[name] = componentPopulate(strapi, attr.component);
    else if (attr.type === 'media') nested[name] = { fields: FILE_FIELDS };
  }
  return Object.keys(nested).length ? { populate: nested } : true;
};

const disclosurePopulate = (strapi: Core.Strapi, uid: string): PopulateSpec => {
  const spec: PopulateSpec = {};
  const attrs = strapi.contentType(uid as UID.ContentType).attributes as Record<string, Attr>;
  for (const [name, attr] of Object.entries(attrs)) {
    if (attr.private) continue;
    if (attr.type === 'relation' && attr.target === UNIT_UID) spec[name] = { fields: UNIT_FIELDS };
    else if (attr.type === 'relation' && attr.target === ITEM_UID)
      spec[name] = { fields: ITEM_FIELDS };
    else if (attr.type === 'media') spec[name] = { fields: FILE_FIELDS };
    else if (attr.type === 'component' && attr.component)
      spec[name] = componentPopulate(strapi, attr.component);
  }
  return spec;
};

type Rule = {
  uid: string;
  defaults: PopulateSpec;
  allowed: PopulateSpec;
  disclosure: boolean;
  /** Public attribute names a client may select with `fields`. */
  fields: Set<string>;
};

let rules: Map<string, Rule> | null = null;

const rulesOf = (strapi: Core.Strapi): Map<string, Rule> => {
  if (rules) return rules;
  const map = new Map<string, Rule>();
  const add = (uid: string, defaults: PopulateSpec, allowed: PopulateSpec, disclosure: boolean) =>
    map.set(strapi.contentType(uid as UID.ContentType).info.pluralName, {
      uid,
      defaults,
      allowed,
      disclosure,
      fields: new Set([
        'id',
        'documentId',
        ...Object.entries(
          strapi.contentType(uid as UID.ContentType).attributes as Record<string, Attr>,
        )
          .filter(([, a]) => !a.private)
          .map(([name]) => name),
      ]),
    });
  for (const t of DISCLOSURE_TYPES) {
    const spec = disclosurePopulate(strapi, t.uid);
    add(t.uid, spec, spec, true);
  }
  const unitSpec = {
    contact: true,
    parent: { fields: UNIT_FIELDS },
    children: { fields: UNIT_FIELDS },
  };
  add(UNIT_UID, { contact: true, parent: { fields: UNIT_FIELDS } }, unitSpec, false);
  add(
    CHECKLIST_UID,
    {},
    {
      items: {
        fields: [...ITEM_FIELDS, 'cadence', 'position', 'indicatorCode', 'subindicatorCode'],
        sort: ['position:asc'],
      },
    },
    false,
  );
  const itemSpec = { checklist: { fields: ['fiscalYear', 'scheme', 'status', 'title'] } };
  add(ITEM_UID, itemSpec, itemSpec, false);
  rules = map;
  return map;
};

const bad = (th: string, en: string) => new errors.ValidationError(`${th} / ${en}`);

/** Names of relations a client asked for, from any of Strapi's populate syntaxes. */
const requestedNames = (populate: unknown): string[] | '*' => {
  if (populate === '*' || populate === true || populate === 'true') return '*';
  if (typeof populate === 'string')
    return populate
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(populate)) {
    if (!populate.every((p) => typeof p === 'string'))
      throw bad('รูปแบบ populate ไม่ถูกต้อง', 'Malformed populate');
    return (populate as string[]).flatMap((p) => p.split(',').map((s) => s.trim()));
  }
  if (populate && typeof populate === 'object') return Object.keys(populate);
  throw bad('รูปแบบ populate ไม่ถูกต้อง', 'Malformed populate');
};

export const resolvePopulate = (rule: Rule, populate: unknown): PopulateSpec => {
  if (populate === undefined || populate === null || populate === '') return rule.defaults;
  const names = requestedNames(populate);
  if (names === '*') return rule.defaults;
  const out: PopulateSpec = {};
  for (const raw of names) {
    const name = raw.split('.')[0];
    if (!(name in rule.allowed))
      throw bad(
        `ไม่อนุญาตให้ populate "${name.slice(0, 60)}"`,
        `populate "${name.slice(0, 60)}" is not allowed; allowed: ${Object.keys(rule.allowed).join(', ') || 'none'}`,
      );
    out[name] = rule.allowed[name];
  }
  return out;
};

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) =>
  typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

const MAX_FILTER_DEPTH = 12;

type Schema = { attributes: Record<string, Attr & { target?: string; component?: string }> };
type Resolve = (uid: string) => Schema | null;
const SYSTEM_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt']);
const NESTED_TYPES = new Set(['relation', 'media', 'component']);

/**
 * Filters are a tree read against the schema: logical operators hold sub-trees (`$and`/`$or` a
 * list, `$not` one); a scalar attribute holds a value, a list, or comparison operators; a
 * relation, file or component holds a filter on its target (or `$null`/`$notNull`).
 * `filters[attachments]=x` or `filters[$ne]=x` would otherwise reach the database as a 500.
 */
const filterShapeOk = (
  node: unknown,
  depth: number,
  schema: Schema | null,
  resolve: Resolve,
  level: 'model' | 'scalar' = 'model',
): boolean => {
  if (depth > MAX_FILTER_DEPTH || !isPlain(node)) return false;
  return Object.entries(node).every(([key, value]) => {
    if (key === '$and' || key === '$or') {
      const list = Array.isArray(value) ? value : isPlain(value) ? Object.values(value) : null;
      return (
        list !== null && list.every((v) => filterShapeOk(v, depth + 1, schema, resolve, level))
      );
    }
    if (key === '$not') return filterShapeOk(value, depth + 1, schema, resolve, level);
    if (key.startsWith('$')) {
      if (level === 'model')
        return (key === '$null' || key === '$notNull') && depth > 0 && strings(value);
      if (key === '$between') return Array.isArray(value) && value.length === 2 && strings(value);
      return strings(value);
    }
    if (level === 'scalar') return false;
    const attr = schema?.attributes[key];
    if (attr && NESTED_TYPES.has(attr.type)) {
      const target =
        attr.type === 'media'
          ? 'plugin::upload.file'
          : attr.type === 'component'
            ? (attr.component ?? '')
            : (attr.target ?? '');
      return filterShapeOk(value, depth + 1, resolve(target), resolve, 'model');
    }
    if (attr || SYSTEM_FIELDS.has(key) || !schema)
      return strings(value) || filterShapeOk(value, depth + 1, null, resolve, 'scalar');
    return strings(value) || isPlain(value); // unknown key: Strapi answers 400 "Invalid key"
  });
};

/**
 * The shape of Strapi's top-level query parameters, checked before Strapi reads them: a search
 * term that is an object or a status that is an array would otherwise end in a 500.
 */
export const checkQueryShape = (
  query: Record<string, unknown>,
  attributes: Set<string>,
  schema: Schema | null = null,
  resolve: Resolve = () => null,
) => {
  const fail = (name: string) => {
    throw bad(`พารามิเตอร์ ${name} ไม่ถูกต้อง`, `Malformed ${name} parameter`);
  };
  for (const [name, value] of Object.entries(query)) {
    switch (name) {
      case '_q':
        if (typeof value !== 'string' || value.length > 200) fail(name);
        break;
      case 'status':
        if (value !== 'draft' && value !== 'published') fail(name);
        break;
      case 'locale':
        if (typeof value !== 'string' || value.length > 20) fail(name);
        break;
      case 'fields':
        if (
          !strings(value) ||
          ([] as string[])
            .concat(value as string | string[])
            .flatMap((f) => f.split(','))
            .some((f) => !attributes.has(f.trim()))
        )
          fail(name);
        break;
      case 'sort': {
        // `title`, `date:desc`, `unit.code:asc`, lists of those, or { title: 'asc' }.
        const okField = (f: string) => {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)(\.[A-Za-z_][A-Za-z0-9_]*)*(:(asc|desc))?$/i.exec(f);
          return Boolean(m) && (attributes.has(m![1]) || SYSTEM_FIELDS.has(m![1]));
        };
        const list = isPlain(value)
          ? Object.entries(value).map(([k, v]) => (v === 'asc' || v === 'desc' ? `${k}:${v}` : '!'))
          : strings(value)
            ? ([] as string[])
                .concat(value as string | string[])
                .flatMap((f) => f.split(','))
                .map((f) => f.trim())
            : null;
        if (!list || !list.every(okField)) fail(name);
        break;
      }
      case 'pagination':
        if (!isPlain(value) || !Object.values(value).every((v) => typeof v === 'string'))
          fail(name);
        break;
      case 'filters':
        if (!filterShapeOk(value, 0, schema, resolve)) fail(name);
        // Values of the attribute's type: `filters[fiscalYear][$eq]=abc` is a 400, not a 500.
        if (schema) checkFilterValues(value, schema, resolve, 'pass');
        break;
      default:
        break;
    }
  }
};

const one = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 40)
    throw bad(`พารามิเตอร์ ${name} ไม่ถูกต้อง`, `Invalid ${name} parameter`);
  return value;
};

export const publicQueryMiddleware =
  (strapi: Core.Strapi) => async (ctx: Context, next: () => Promise<unknown>) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || !ctx.path.startsWith('/api/'))
      return next();
    const parts = ctx.path.split('/');
    if (parts.length > 4 || (parts.length === 4 && !parts[3])) return next();
    const rule = rulesOf(strapi).get(parts[2] ?? '');
    if (!rule) return next();
    // Admin API tokens and logged-in users get the same shape; only the populate is bounded.
    const query = { ...(ctx.query as Record<string, unknown>) };
    const resolve: Resolve = (uid) =>
      (strapi.getModel(uid as UID.Schema) as unknown as Schema | undefined) ?? null;
    checkQueryShape(query, rule.fields, resolve(rule.uid), resolve);
    query.populate = resolvePopulate(rule, query.populate);
    const isList = parts.length === 3;
    if (rule.disclosure && isList) {
      const extra: Record<string, unknown>[] = [];
      if (query.unit !== undefined) {
        // Filtered on the entries' own unitRef column (indexed) rather than through the unit
        // relation: the Document Service read guard adds it (src/delivery/index.ts).
        const code = parseUnitCode(one(query.unit, 'unit'));
        const unit = (await strapi.db
          .query(UNIT_UID)
          .findOne({ where: { code }, select: ['id'] })) as { id: number } | null;
        (ctx.state as { unitRef?: number }).unitRef = unit?.id ?? -1;
        delete query.unit;
      }
      if (query.fiscalYear !== undefined) {
        extra.push({ fiscalYear: { $eq: parseYearParam(one(query.fiscalYear, 'fiscalYear')) } });
        delete query.fiscalYear;
      }
      if (query.item !== undefined) {
        extra.push({ checklistItems: { code: { $eq: parseItemCode(one(query.item, 'item')) } } });
        delete query.item;
      }
      if (extra.length) {
        const filters = query.filters;
        if (filters !== undefined && (typeof filters !== 'object' || filters === null))
          throw bad('รูปแบบ filters ไม่ถูกต้อง', 'Malformed filters');
        query.filters = filters ? { $and: [filters, ...extra] } : { $and: extra };
      }
    }
    ctx.query = query as typeof ctx.query;
    return next();
  };
