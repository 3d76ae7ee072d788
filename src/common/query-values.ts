import { errors, parseType } from '@strapi/utils';

/**
 * Values in a query checked against the type of the attribute they are compared with, before
 * the database sees them. Strapi 5.54 does not do this: its query validators
 * (`@strapi/utils` `validate.query`) check keys (unknown, private, password) but never values,
 * and `@strapi/database` casts a value only when it builds the SQL, with a plain `Error`
 * ("Expected a valid Number, got abc") or not at all (`id`, LIKE operators, relations compared
 * by id, JSON columns). Each of those ends as a 500 — on PostgreSQL also a `22P02 invalid input
 * syntax` or `42883 operator does not exist`. So the rules below mirror what the database layer
 * accepts (`fields/number.js`, `fields/shared/parsers.js`, `query/helpers/where.js`) and answer
 * a 400 that names the parameter instead. Dates and times reuse Strapi's own `parseType`.
 *
 * Used by the public REST rules (src/delivery/public-query.ts) and the admin routes editors use
 * (src/middlewares/query-values.ts).
 */

export type Attr = {
  type: string;
  target?: string;
  component?: string;
  enum?: string[];
  private?: boolean;
};
export type Schema = { attributes: Record<string, Attr>; modelType?: string };
export type Resolve = (uid: string) => Schema | null;

const bad = (th: string, en: string) => new errors.ValidationError(`${th} / ${en}`);

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);

/** Attributes every model has in the database, whether or not its schema lists them. */
const SYSTEM: Record<string, Attr> = {
  id: { type: 'integer' },
  documentId: { type: 'string' },
  createdAt: { type: 'datetime' },
  updatedAt: { type: 'datetime' },
  publishedAt: { type: 'datetime' },
  locale: { type: 'string' },
};

/** A component's table has an id and nothing else of the document's. */
const systemOf = (schema: Schema | null, key: string): Attr | undefined =>
  schema?.modelType === 'component' ? (key === 'id' ? SYSTEM.id : undefined) : SYSTEM[key];

const NESTED = new Set(['relation', 'media', 'component']);
const TEXT = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);
const JSONISH = new Set(['json', 'blocks']);

const EXACT = new Set(['$eq', '$ne']);
const ORDER = new Set(['$gt', '$gte', '$lt', '$lte']);
const LISTS = new Set(['$in', '$notIn']);
/** LIKE without a cast: on PostgreSQL it fails on anything but a text column. */
const LIKE = new Set(['$contains', '$notContains', '$startsWith', '$endsWith']);
/** Case-insensitive forms: `LOWER(CAST(col AS VARCHAR))`, any column type works. */
const ILIKE = new Set([
  '$eqi',
  '$nei',
  '$containsi',
  '$notContainsi',
  '$startsWithi',
  '$endsWithi',
]);
const NULLS = new Set(['$null', '$notNull']);

const INT32 = 2147483647;
const INTEGER_RE = /^[-+]?\d{1,20}$/;
const NUMBER_RE = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const BOOLEAN_LIKE = new Set(['true', 'false', 't', 'f', '1', '0']);
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;

/** A date the column accepts: `@strapi/database` reads the leading YYYY-MM-DD. */
const validDate = (s: string) => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
};

/** A datetime Strapi can parse (ISO 8601 or a millisecond timestamp), years 1–9999. */
const validDateTime = (s: string) => {
  try {
    const d = parseType({ type: 'datetime', value: s }) as Date;
    const y = d.getUTCFullYear();
    return !Number.isNaN(d.getTime()) && y >= 1 && y <= 9999;
  } catch {
    return false;
  }
};

const validTime = (s: string) => {
  try {
    parseType({ type: 'time', value: s });
    return true;
  } catch {
    return false;
  }
};

type Why = [th: string, en: string] | null;

/** Why `value` cannot be compared with an attribute of this type (null: it can). */
const valueProblem = (attr: Attr, value: unknown, op: string): Why => {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    return ['ต้องเป็นค่าเดียว', 'must be a single value'];
  const s = String(value).trim();
  // PostgreSQL refuses a NUL byte in any text (22021).
  if (s.includes('\u0000')) return ['มีอักขระ NUL ไม่ได้', 'must not contain a NUL character'];
  switch (attr.type) {
    case 'integer':
    case 'biginteger': {
      // Decimal digits only: `id` is not cast by Strapi, and PostgreSQL reads neither `0x10`
      // nor `1e3` as an integer.
      const max = attr.type === 'integer' ? INT32 : Number.MAX_SAFE_INTEGER;
      if (!INTEGER_RE.test(s) || Math.abs(Number(s)) > max)
        return ['ต้องเป็นจำนวนเต็ม', 'must be an integer'];
      return null;
    }
    case 'decimal':
    case 'float':
      if (!NUMBER_RE.test(s) || !Number.isFinite(Number(s)))
        return ['ต้องเป็นตัวเลข', 'must be a number'];
      return null;
    case 'date':
      return validDate(s) ? null : ['ต้องเป็นวันที่ YYYY-MM-DD', 'must be a date (YYYY-MM-DD)'];
    case 'datetime':
    case 'timestamp':
      return validDateTime(s)
        ? null
        : ['ต้องเป็นวันเวลา ISO 8601', 'must be an ISO 8601 date-time'];
    case 'time':
      return validTime(s) ? null : ['ต้องเป็นเวลา HH:mm:ss', 'must be a time (HH:mm:ss)'];
    case 'boolean':
      return BOOLEAN_LIKE.has(s) ? null : ['ต้องเป็น true หรือ false', 'must be true or false'];
    case 'enumeration':
      // Exact comparisons name one of the values; ordering and LIKE compare strings.
      if ((EXACT.has(op) || LISTS.has(op)) && attr.enum && !attr.enum.includes(s))
        return [
          `ต้องเป็นหนึ่งใน ${attr.enum.join(', ')}`,
          `must be one of ${attr.enum.join(', ')}`,
        ];
      return null;
    default:
      return null;
  }
};

type Ctx = { resolve: Resolve; unknownKeys: 'pass' | 'reject' };

const MAX_DEPTH = 12;

const fail = (path: string, th: string, en: string, value?: unknown): never => {
  const got = value === undefined ? '' : `, got ${show(value)}`;
  throw bad(`ค่าของ ${path} ${th}`, `${path} ${en}${got}`);
};

/** A list given to $in / $notIn / $between, or (qs beyond its array limit) null. */
const listOf = (v: unknown): unknown[] | null =>
  Array.isArray(v) ? v : typeof v === 'string' || typeof v === 'number' ? [v] : null;

/** JSON columns: `=` needs valid JSON on PostgreSQL and LIKE needs text; the cast forms work. */
const jsonOnly = (path: string) =>
  fail(
    path,
    'กรองได้ด้วย $null, $notNull หรือตัวดำเนินการแบบไม่สนตัวพิมพ์ (เช่น $containsi) เท่านั้น',
    'can only be filtered with $null, $notNull or a case-insensitive operator ($containsi…)',
  );

const checkScalar = (node: unknown, attr: Attr, path: string, depth: number): void => {
  if (depth > MAX_DEPTH) fail(path, 'ซ้อนกันลึกเกินไป', 'is nested too deeply');
  if (attr.type === 'password') fail(path, 'ใช้กรองไม่ได้', 'cannot be filtered on');
  const one = (value: unknown, op: string, p: string) => {
    if (value === null && (EXACT.has(op) || op === '$eq')) return; // IS NULL / IS NOT NULL
    const why = valueProblem(attr, value, op);
    if (why) fail(p, why[0], why[1], value);
  };
  if (!isPlain(node)) {
    if (JSONISH.has(attr.type)) jsonOnly(path);
    // `filters[x]=v` is `$eq`, `filters[x][0]=a&filters[x][1]=b` is `$in`.
    if (Array.isArray(node)) node.forEach((v, i) => one(v, '$in', `${path}[${i}]`));
    else one(node, '$eq', path);
    return;
  }
  for (const [op, value] of Object.entries(node)) {
    const p = `${path}[${op}]`;
    if (op === '$not') {
      checkScalar(value, attr, p, depth + 1);
      continue;
    }
    if (!op.startsWith('$'))
      fail(path, `ไม่มีฟิลด์ย่อย "${op.slice(0, 40)}"`, `has no field "${op.slice(0, 40)}"`);
    if (JSONISH.has(attr.type) && !NULLS.has(op) && !ILIKE.has(op)) jsonOnly(path);
    if (NULLS.has(op)) {
      if (value !== null && !BOOLEAN_LIKE.has(String(value).trim()))
        fail(p, 'ต้องเป็น true หรือ false', 'must be true or false', value);
    } else if (EXACT.has(op) || ORDER.has(op)) {
      if (Array.isArray(value)) value.forEach((v, i) => one(v, op, `${p}[${i}]`));
      else if (value === null && ORDER.has(op)) fail(p, 'ต้องมีค่า', 'needs a value');
      else one(value, op, p);
    } else if (LISTS.has(op)) {
      const list = listOf(value);
      if (!list || list.length === 0) fail(p, 'ต้องเป็นรายการค่า', 'must be a list of values');
      list!.forEach((v, i) => one(v, op, `${p}[${i}]`));
    } else if (op === '$between') {
      if (!Array.isArray(value) || value.length !== 2)
        fail(p, 'ต้องเป็นค่าสองค่า [ต่ำสุด, สูงสุด]', 'must be two values [low, high]');
      (value as unknown[]).forEach((v, i) => one(v, op, `${p}[${i}]`));
    } else if (LIKE.has(op)) {
      if (!TEXT.has(attr.type))
        fail(
          p,
          `ใช้กับฟิลด์ชนิด ${attr.type} ไม่ได้ (ใช้ ${op}i แทน)`,
          `cannot be used on a ${attr.type} field (use ${op}i)`,
        );
      if (typeof value !== 'string' && typeof value !== 'number')
        fail(p, 'ต้องเป็นข้อความ', 'must be a text value');
      if (String(value).includes('\u0000'))
        fail(p, 'มีอักขระ NUL ไม่ได้', 'must not contain a NUL character');
    } else if (ILIKE.has(op)) {
      if (typeof value !== 'string' && typeof value !== 'number')
        fail(p, 'ต้องเป็นข้อความ', 'must be a text value');
      if (String(value).includes('\u0000'))
        fail(p, 'มีอักขระ NUL ไม่ได้', 'must not contain a NUL character');
    } else {
      fail(path, `ไม่รู้จักตัวดำเนินการ ${op.slice(0, 30)}`, `unknown operator ${op.slice(0, 30)}`);
    }
  }
};

const targetOf = (attr: Attr) =>
  attr.type === 'media'
    ? 'plugin::upload.file'
    : attr.type === 'component'
      ? (attr.component ?? '')
      : (attr.target ?? '');

const ID: Attr = { type: 'integer' };

/**
 * A model-level node. At the root (and inside `$and` / `$or` / `$not`) it holds field names and
 * logical operators. Directly under a relation, file or component (`relationNode`) the database
 * reads it differently (`processRelationWhere` in `@strapi/database`): a bare value or a single
 * operator compares the related id, and operators cannot be mixed with field names — both
 * would otherwise be a 500.
 */
const checkModel = (
  node: unknown,
  schema: Schema,
  path: string,
  depth: number,
  ctx: Ctx,
  relationNode: boolean,
): void => {
  if (depth > MAX_DEPTH) fail(path, 'ซ้อนกันลึกเกินไป', 'is nested too deeply');
  if (!isPlain(node)) {
    // `filters[unit]=5`, `filters[unit][0]=5`: the related id.
    if (relationNode) return checkScalar(node, ID, path, depth);
    return fail(path, 'ต้องเป็นเงื่อนไขของฟิลด์ย่อย', 'must hold conditions on its fields', node);
  }
  const keys = Object.keys(node);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (relationNode && operators.length > 0) {
    if (operators.length !== keys.length || operators.length > 1)
      fail(
        path,
        'ใช้ตัวดำเนินการได้ครั้งละหนึ่งตัว และปนกับชื่อฟิลด์ไม่ได้',
        'takes one operator at a time, not mixed with field names',
      );
    if (operators[0] === '$not')
      fail(path, 'ใช้ $not ครอบความสัมพันธ์แทน', 'cannot take $not here; put $not around it');
  }
  for (const [key, value] of Object.entries(node)) {
    const p = `${path}[${key}]`;
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) fail(p, 'ต้องเป็นรายการเงื่อนไข', 'must be a list of conditions');
      (value as unknown[]).forEach((v, i) =>
        checkModel(v, schema, `${p}[${i}]`, depth + 1, ctx, false),
      );
      continue;
    }
    if (key === '$not') {
      checkModel(value, schema, p, depth + 1, ctx, false);
      continue;
    }
    if (key.startsWith('$')) {
      // Only directly under a relation: `unit[$in][0]=3` compares the related id.
      if (!relationNode)
        fail(
          path,
          `ใช้ ${key.slice(0, 30)} ตรงนี้ไม่ได้`,
          `cannot take ${key.slice(0, 30)} here; name a field first`,
        );
      checkScalar({ [key]: value }, ID, path, depth + 1);
      continue;
    }
    const attr = schema.attributes[key] ?? systemOf(schema, key);
    if (!attr) {
      if (ctx.unknownKeys === 'pass') continue; // Strapi's validator answers 400 "Invalid key"
      fail(p, 'ไม่มีฟิลด์นี้', 'is not a field of this type');
    }
    if (NESTED.has(attr.type)) {
      const target = ctx.resolve(targetOf(attr));
      if (!target) fail(p, 'ใช้กรองไม่ได้', 'cannot be filtered on');
      checkModel(value, target!, p, depth + 1, ctx, true);
      continue;
    }
    if (attr.type === 'dynamiczone') fail(p, 'ใช้กรองไม่ได้', 'cannot be filtered on');
    checkScalar(value, attr, p, depth + 1);
  }
};

/**
 * Throws a 400 (ValidationError, Thai / English) when a filter compares an attribute with a
 * value of the wrong type, uses an operator the column cannot take, or (with
 * `unknownKeys: 'reject'`) names a field the type does not have. Relations, media and
 * components are walked to their target's attributes.
 */
export const checkFilterValues = (
  filters: unknown,
  schema: Schema,
  resolve: Resolve,
  unknownKeys: 'pass' | 'reject' = 'reject',
) => {
  if (filters === undefined) return;
  checkModel(filters, schema, 'filters', 0, { resolve, unknownKeys }, false);
};

const SORT_RE = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)(?::(asc|desc))?$/i;

/** A sortable path: scalar attributes, through relations, media and components. */
const sortPathOk = (path: string, schema: Schema, resolve: Resolve) => {
  let current: Schema | null = schema;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i += 1) {
    const attr: Attr | undefined = current?.attributes[parts[i]] ?? systemOf(current, parts[i]);
    if (!attr || attr.type === 'password' || attr.type === 'dynamiczone') return false;
    const last = i === parts.length - 1;
    if (NESTED.has(attr.type)) {
      if (last) return false;
      current = resolve(targetOf(attr));
      if (!current) return false;
    } else if (!last || JSONISH.has(attr.type)) return false;
  }
  return true;
};

/**
 * `sort` as Strapi takes it — `title`, `date:desc`, `unit.code:ASC`, lists of those, or
 * `{ title: 'asc' }` — naming sortable attributes of the type only.
 */
export const checkSort = (sort: unknown, schema: Schema, resolve: Resolve) => {
  if (sort === undefined) return;
  const entries: string[] | null = isPlain(sort)
    ? Object.entries(sort).map(([k, v]) => (typeof v === 'string' ? `${k}:${v}` : '!'))
    : typeof sort === 'string' || (Array.isArray(sort) && sort.every((s) => typeof s === 'string'))
      ? ([] as string[])
          .concat(sort as string | string[])
          .flatMap((s) => s.split(','))
          .map((s) => s.trim())
      : null;
  const wrong = entries ? entries.find((e) => !SORT_RE.test(e)) : show(sort);
  if (wrong !== undefined)
    throw bad(`รูปแบบ sort ไม่ถูกต้อง: ${wrong}`, `Malformed sort ${show(wrong)}`);
  for (const e of entries!) {
    const field = SORT_RE.exec(e)![1];
    if (!sortPathOk(field, schema, resolve))
      throw bad(
        `เรียงตาม ${field.slice(0, 60)} ไม่ได้`,
        `Cannot sort by ${show(field)}: not a sortable field`,
      );
  }
};

/** `_q`, the search term of the Content Manager and the Media Library: one string. */
export const checkSearch = (q: unknown, max = 500) => {
  if (q === undefined) return;
  if (typeof q !== 'string' || q.length > max || q.includes('\u0000'))
    throw bad(
      `พารามิเตอร์ _q ต้องเป็นข้อความไม่เกิน ${max} ตัวอักษร (ไม่มีอักขระ NUL)`,
      `_q must be one text of at most ${max} characters, without NUL`,
    );
};

/** `page` / `pageSize` of the admin lists: positive integers, bounded. */
export const checkPageParam = (name: string, value: unknown, max: number) => {
  if (value === undefined) return;
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max))
    throw bad(
      `พารามิเตอร์ ${name} ต้องเป็นจำนวนเต็ม 1–${max}`,
      `${name} must be an integer from 1 to ${max}, got ${show(value)}`,
    );
};
