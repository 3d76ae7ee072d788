import type { Context } from 'koa';
import type { Core, UID } from '@strapi/strapi';
import { DISCLOSURE_TYPES, UNIT_UID } from '../disclosures/types';
import { CHECKLIST_UID, ITEM_UID } from '../ita/checklists';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '../ita/fiscal-year';
import { PUBLIC_STATUS_LABELS_TH, PUBLIC_STATUSES } from '../compliance/rules';
import { FEED_SIZE, LINKS_HEADER, METHOD_LABELS, PROCUREMENT_HEADER } from './exports';
import { publicQueryMiddleware } from './public-query';
import {
  PARTICIPATION_TAG,
  participationPaths,
  participationSchemas,
} from '../participation/openapi';

/**
 * The OpenAPI 3.1 description of the public API (docs/openapi.json, `npm run cli -- openapi`):
 * the REST reads of the disclosure types, units and ITA checklists, and the custom routes of
 * src/api/delivery. Entry schemas come from the content types Strapi loaded, and what is
 * populated from the public-query middleware itself (asked, not copied), so the description
 * cannot drift from what the server sends. Every object is closed (`additionalProperties:
 * false`): an internal field that starts leaking makes a response invalid against it.
 * Objects are built in a fixed order, so the output is deterministic.
 */

export type Schema = { [key: string]: unknown };
export type OpenApiDocument = {
  openapi: string;
  info: Schema;
  servers: Schema[];
  tags: Schema[];
  paths: Record<string, Schema>;
  components: Record<string, Record<string, Schema>>;
};

type Attr = {
  type: string;
  private?: boolean;
  enum?: string[];
  relation?: string;
  target?: string;
  multiple?: boolean;
  component?: string;
  repeatable?: boolean;
};
type Populate = true | { fields?: string[]; populate?: Record<string, Populate>; sort?: unknown };

const FILE_UID = 'plugin::upload.file';
const REF = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const PARAM = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const RESPONSE = (name: string) => ({ $ref: `#/components/responses/${name}` });
const HEADER = (name: string) => ({ $ref: `#/components/headers/${name}` });
const nullable = (schema: Schema): Schema => ({
  anyOf: [schema, { type: 'null' }],
});
const pascal = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const closed = (properties: Record<string, Schema>, required: string[], extra: Schema = {}) => ({
  type: 'object',
  ...extra,
  required,
  properties,
  additionalProperties: false,
});

/** Descriptions of attributes many types share. */
const ATTRIBUTE_NOTES: Record<string, string> = {
  slug: 'URL slug, unique within the type.',
  fiscalYear: 'Thai fiscal year, Buddhist Era (2569 = 1 Oct 2025 – 30 Sep 2026).',
  isNone:
    'True when the entry declares that the unit has nothing to disclose for its checklist items ("ไม่มี").',
  noneText: 'Why there is nothing to disclose (with isNone).',
  body: 'Rich text, in Strapi blocks format.',
  checklistItems: 'The ITA checklist items (O-codes) this entry answers.',
  unit: 'The unit that publishes the entry.',
  attachments: 'Attached files.',
  createdAt: 'When the entry was created.',
  updatedAt: 'When the entry was last changed.',
  publishedAt: 'When the entry was published.',
};

const FILE_NOTES: Record<string, string> = {
  url: 'Path of the file on the CMS (e.g. /uploads/report_1a2b.pdf), or an absolute URL with an external upload provider.',
  size: 'Size in kilobytes (decimal).',
  formats:
    'Image variants (thumbnail, small, medium, large) with their own url and size; null for other files.',
  width: 'Width in pixels (images).',
  height: 'Height in pixels (images).',
};

/** JSON Schema of a scalar attribute; every value may be null (Strapi sends null when empty). */
const scalarSchema = (attr: Attr, where: string): Schema => {
  switch (attr.type) {
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return { type: ['string', 'null'] };
    case 'email':
      return { type: ['string', 'null'], format: 'email' };
    case 'enumeration':
      return { type: ['string', 'null'], enum: [...(attr.enum ?? []), null] };
    case 'integer':
      return { type: ['integer', 'null'] };
    case 'biginteger':
      return { type: ['string', 'null'], pattern: '^-?[0-9]+$', description: 'A big integer.' };
    case 'decimal':
    case 'float':
      return { type: ['number', 'null'] };
    case 'boolean':
      return { type: ['boolean', 'null'] };
    case 'date':
      return { type: ['string', 'null'], format: 'date' };
    case 'datetime':
    case 'timestamp':
      return { type: ['string', 'null'], format: 'date-time' };
    case 'time':
      return {
        type: ['string', 'null'],
        pattern: '^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,3})?)?$',
      };
    case 'json':
      return { description: 'Any JSON value.' };
    case 'blocks':
      return { type: ['array', 'null'], items: { type: 'object' } };
    default:
      throw new Error(`openapi: no JSON Schema for attribute type "${attr.type}" (${where})`);
  }
};

const isScalar = (attr: Attr) =>
  !['relation', 'media', 'component', 'dynamiczone'].includes(attr.type);
const publicAttributes = (attributes: Record<string, unknown>) =>
  (Object.entries(attributes) as Array<[string, Attr]>).filter(([, a]) => !a.private);

const withNote = (schema: Schema, note: string | undefined): Schema =>
  note && !schema.description ? { ...schema, description: note } : schema;

/**
 * The populate the public-query middleware applies to a REST request on `/api/{plural}`:
 * without `populate` (the default), or with one relation name (null when it is refused).
 */
const populateOf = async (
  strapi: Core.Strapi,
  plural: string,
  name?: string,
): Promise<Record<string, Populate> | null> => {
  const ctx = {
    method: 'GET',
    path: `/api/${plural}`,
    query: name === undefined ? {} : { populate: name },
  };
  try {
    await publicQueryMiddleware(strapi)(ctx as unknown as Context, async () => undefined);
  } catch {
    return null;
  }
  return (ctx.query as unknown as { populate: Record<string, Populate> }).populate;
};

class Builder {
  schemas: Record<string, Schema> = {};
  private refNames = new Map<string, string>();

  constructor(private strapi: Core.Strapi) {}

  add(name: string, schema: Schema): string {
    const existing = this.schemas[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema))
      throw new Error(`openapi: two different schemas named ${name}`);
    this.schemas[name] = schema;
    return name;
  }

  attributesOf(uid: string): Record<string, Attr> {
    const model = uid.includes('::')
      ? this.strapi.contentTypes[uid as UID.ContentType]
      : this.strapi.components[uid as UID.Component];
    if (!model) throw new Error(`openapi: unknown model ${uid}`);
    return model.attributes as unknown as Record<string, Attr>;
  }

  /** A populated relation or media field restricted to `fields`: id, documentId and those. */
  reference(owner: string, attrName: string, target: string, fields: string[]): string {
    const key = `${target}|${fields.join(',')}`;
    const known = this.refNames.get(key);
    if (known) return known;
    const targetAttrs = this.attributesOf(target);
    const base =
      target === FILE_UID
        ? 'File'
        : `${pascal(this.strapi.contentTypes[target as UID.ContentType].info.singularName)}Ref`;
    const name = [...this.refNames.values()].includes(base)
      ? `${owner}${pascal(attrName)}${target === FILE_UID ? 'File' : 'Ref'}`
      : base;
    const properties: Record<string, Schema> = {
      id: { type: 'integer' },
      documentId: { type: 'string' },
    };
    for (const field of fields) {
      const attr = targetAttrs[field];
      if (!attr || attr.private || !isScalar(attr))
        throw new Error(`openapi: ${target} has no public scalar field ${field}`);
      properties[field] = withNote(
        scalarSchema(attr, `${target}.${field}`),
        target === FILE_UID ? FILE_NOTES[field] : undefined,
      );
    }
    this.refNames.set(key, name);
    this.add(
      name,
      closed(properties, Object.keys(properties), {
        description:
          target === FILE_UID
            ? 'An uploaded file.'
            : `A ${this.strapi.contentTypes[target as UID.ContentType].info.singularName}, with the fields the server populates.`,
      }),
    );
    return name;
  }

  /** A component with what the server populates of it: its scalars, then nested components and media. */
  component(uid: string, spec: Populate): string {
    const nested = spec === true ? {} : (spec.populate ?? {});
    const properties: Record<string, Schema> = { id: { type: 'integer' } };
    const name = pascal(uid);
    for (const [attrName, attr] of publicAttributes(this.attributesOf(uid))) {
      if (isScalar(attr)) properties[attrName] = scalarSchema(attr, `${uid}.${attrName}`);
      else if (attrName in nested)
        properties[attrName] = this.field(name, attrName, attr, nested[attrName]);
    }
    return this.add(
      name,
      closed(properties, Object.keys(properties), {
        title: (this.strapi.components[uid as UID.Component].info as { displayName: string })
          .displayName,
        description: `Component \`${uid}\`, sent whole.`,
      }),
    );
  }

  /** The schema of a populated relation, media or component field. */
  field(owner: string, attrName: string, attr: Attr, spec: Populate): Schema {
    const many = (item: Schema): Schema => ({ type: ['array', 'null'], items: item });
    if (attr.type === 'component' && attr.component) {
      const ref = REF(this.component(attr.component, spec));
      return attr.repeatable ? many(ref) : nullable(ref);
    }
    if (spec === true || !Array.isArray(spec.fields) || spec.populate)
      throw new Error(
        `openapi: ${owner}.${attrName}: unsupported populate ${JSON.stringify(spec)} (expected { fields })`,
      );
    if (attr.type === 'media') {
      const ref = REF(this.reference(owner, attrName, FILE_UID, spec.fields));
      return attr.multiple ? many(ref) : nullable(ref);
    }
    if (attr.type === 'relation' && attr.target) {
      const ref = REF(this.reference(owner, attrName, attr.target, spec.fields));
      return /ToMany$/.test(attr.relation ?? '') ? many(ref) : nullable(ref);
    }
    throw new Error(`openapi: ${owner}.${attrName}: cannot describe a ${attr.type}`);
  }
}

type TypeInfo = {
  uid: string;
  name: string;
  singular: string;
  plural: string;
  displayName: string;
  description: string;
  disclosure: boolean;
  defaults: string[];
  allowed: string[];
  fields: string[];
};

/** The entry schema of a content type, and what its list and single endpoints accept. */
const describeType = async (
  b: Builder,
  strapi: Core.Strapi,
  uid: string,
  disclosure: boolean,
): Promise<TypeInfo> => {
  const ct = strapi.contentTypes[uid as UID.ContentType];
  const info = ct.info as {
    singularName: string;
    pluralName: string;
    displayName: string;
    description?: string;
  };
  const plural = info.pluralName;
  const name = pascal(info.singularName);
  const defaults = await populateOf(strapi, plural);
  if (!defaults) throw new Error(`openapi: the public query does not handle /api/${plural}`);
  const properties: Record<string, Schema> = {
    id: { type: 'integer' },
    documentId: { type: 'string' },
  };
  const allowed: string[] = [];
  const fields: string[] = [];
  for (const [attrName, attr] of publicAttributes(ct.attributes)) {
    if (isScalar(attr)) {
      properties[attrName] = withNote(
        scalarSchema(attr, `${uid}.${attrName}`),
        ATTRIBUTE_NOTES[attrName],
      );
      fields.push(attrName);
      continue;
    }
    const spec = (await populateOf(strapi, plural, attrName))?.[attrName];
    if (spec === undefined) continue; // never populated: never in a response
    allowed.push(attrName);
    const when =
      attrName in defaults
        ? 'Populated by default.'
        : `Only in responses to a request with \`populate=${attrName}\`.`;
    const note = ATTRIBUTE_NOTES[attrName];
    properties[attrName] = {
      ...b.field(name, attrName, attr, spec),
      description: note ? `${note} ${when}` : when,
    };
  }
  b.add(
    name,
    closed(properties, ['id', 'documentId'], {
      title: info.displayName,
      description: `${info.description ?? info.displayName} (\`${uid}\`). With \`fields\`, only those attributes (and id, documentId) are sent; private attributes never are.`,
    }),
  );
  return {
    uid,
    name,
    singular: info.singularName,
    plural,
    displayName: info.displayName,
    description: info.description ?? '',
    disclosure,
    defaults: Object.keys(defaults),
    allowed,
    fields,
  };
};

const json = (schema: Schema) => ({ 'application/json': { schema } });
const cacheHeaders = () => ({
  ETag: HEADER('ETag'),
  'Cache-Control': HEADER('CacheControl'),
  'X-Cache': HEADER('XCache'),
});
const ok = (description: string, content: Schema, extraHeaders: Schema = {}) => ({
  description,
  headers: { ...cacheHeaders(), ...extraHeaders },
  content,
});

const csvDescription = (header: string[], notes: Record<string, string>) =>
  [
    "UTF-8 CSV with a byte-order mark (Excel opens Thai correctly) and CRLF line ends (RFC 4180). A cell a spreadsheet would run as a formula is prefixed with `'`. Columns, in this order:",
    '',
    ...header.map((c) => `- \`${c}\`${notes[c] ? `: ${notes[c]}` : ''}`),
  ].join('\n');

const LINKS_NOTES: Record<string, string> = {
  unit_code: 'unit code',
  unit_name_th: 'unit name (Thai)',
  fiscal_year: 'fiscal year (BE)',
  scheme: 'checklist scheme of the unit',
  indicator: 'indicator code',
  subindicator: 'sub-indicator code',
  item_code: 'checklist item code (e.g. O1)',
  item_title_th: 'item title (Thai)',
  url: "the item on the unit's own website (websiteUrl + itaPathTemplate); empty when the unit has no website",
  api_url: 'the item in this API (`/api/ita/{unit}/{year}/{item}`)',
  status:
    'the item status, as on the ITA page: `complete`, `declared_none`, `not_yet_due` or `missing`',
  status_th: 'the status in Thai (เผยแพร่แล้ว, ประกาศว่าไม่มี, ยังไม่ถึงกำหนด, ยังไม่เผยแพร่)',
};

const PROCUREMENT_NOTES: Record<string, string> = {
  unit_code: 'unit code',
  fiscal_year: 'fiscal year (BE)',
  month: 'calendar month 1–12; months are in fiscal order (October first)',
  month_th: 'Thai month and BE year',
  no: 'row number within the month',
  work_item: 'what was procured',
  budget: 'budget (baht)',
  reference_price: 'reference price (baht)',
  method: `procurement method: ${Object.keys(METHOD_LABELS).join(', ')}`,
  method_th: 'procurement method (Thai)',
  bidders: 'bidders and their prices, `name (price); …`',
  selected_supplier: 'selected supplier',
  agreed_price: 'agreed price (baht)',
  selection_reason: 'reason for the selection',
  contract_number: 'contract or purchase order number',
  contract_date: 'contract date (YYYY-MM-DD)',
  no_procurement: 'for a month without procurement (one row, other columns empty): the statement',
  document_id: 'documentId of the monthly summary (`/api/procurement-summaries/{documentId}`)',
};

/** The whole document. `strapi` needs only to be registered (content types loaded), not bootstrapped. */
export const buildOpenApi = async (strapi: Core.Strapi): Promise<OpenApiDocument> => {
  const b = new Builder(strapi);
  const maxLimit = Number(strapi.config.get('api.rest.maxLimit', 100));
  const defaultLimit = Number(strapi.config.get('api.rest.defaultLimit', 25));
  const version = String(strapi.config.get('info.version', '0.0.0'));
  const license = strapi.config.get('info.license') as string | undefined;

  const types: TypeInfo[] = [];
  for (const t of DISCLOSURE_TYPES) types.push(await describeType(b, strapi, t.uid, true));
  for (const uid of [UNIT_UID, CHECKLIST_UID, ITEM_UID])
    types.push(await describeType(b, strapi, uid, false));

  // ---------- shared schemas ----------
  b.add(
    'Error',
    closed(
      {
        data: { type: 'null' },
        error: closed(
          {
            status: { type: 'integer', examples: [404] },
            name: { type: 'string', examples: ['NotFoundError'] },
            message: {
              type: 'string',
              description:
                'Thai, then English, separated by " / ". Strapi\'s own query checks answer in English only (e.g. "Invalid key workflowState", "Not Found").',
              examples: ['ไม่พบหน่วยงาน XYZ / Unknown unit XYZ'],
            },
            details: {
              type: 'object',
              description: 'Empty, or for a refused query parameter: key, path, source, param.',
            },
          },
          ['status', 'name', 'message'],
        ),
      },
      ['data', 'error'],
      { description: 'Every 4xx answer.' },
    ),
  );
  const integer = { type: 'integer', minimum: 0 };
  b.add(
    'PagePagination',
    closed(
      { page: integer, pageSize: integer, pageCount: integer, total: integer },
      ['page', 'pageSize', 'pageCount', 'total'],
      { description: 'With `pagination[page]` / `pagination[pageSize]` (or none).' },
    ),
  );
  b.add(
    'OffsetPagination',
    closed({ start: integer, limit: integer, total: integer }, ['start', 'limit', 'total'], {
      description: 'With `pagination[start]` / `pagination[limit]`.',
    }),
  );
  b.add(
    'ListMeta',
    closed({ pagination: { anyOf: [REF('PagePagination'), REF('OffsetPagination')] } }, [
      'pagination',
    ]),
  );
  b.add('EntryMeta', closed({}, [], { description: 'Always empty.' }));

  // ---------- ITA page ----------
  const attrs = (uid: string) => b.attributesOf(uid);
  const cadence = scalarSchema(attrs(ITEM_UID).cadence, 'cadence');
  const checklistStatus = attrs(CHECKLIST_UID).status.enum ?? [];
  const str = { type: 'string' };
  const strOrNull = { type: ['string', 'null'] };
  b.add(
    'ItaPageUnit',
    closed({ code: str, nameTh: str, nameEn: strOrNull, websiteUrl: strOrNull }, [
      'code',
      'nameTh',
      'nameEn',
      'websiteUrl',
    ]),
  );
  b.add(
    'ItaPageHeading',
    closed({ code: str, titleTh: strOrNull, titleEn: strOrNull }, ['code', 'titleTh', 'titleEn'], {
      description: 'An indicator or sub-indicator of the checklist.',
    }),
  );
  b.add(
    'ItaPageFile',
    closed(
      {
        name: str,
        url: { type: 'string', format: 'uri', description: 'Absolute URL of the file.' },
        mime: str,
        size: { type: 'integer', minimum: 0, description: 'Size in bytes.' },
      },
      ['name', 'url', 'mime', 'size'],
    ),
  );
  b.add(
    'ItaPageEntry',
    closed(
      {
        type: {
          type: 'string',
          enum: DISCLOSURE_TYPES.map((t) => t.name),
          description: 'Disclosure type.',
        },
        documentId: str,
        title: str,
        slug: strOrNull,
        publishedAt: { type: 'string', format: 'date-time' },
        url: {
          type: 'string',
          format: 'uri',
          description: 'The entry in this API (`/api/{pluralName}/{documentId}`).',
        },
        isNone: {
          type: 'boolean',
          description: 'The entry states there is nothing to disclose ("ไม่มี").',
        },
        noneText: { type: ['string', 'null'], description: 'With isNone: why.' },
        files: { type: 'array', items: REF('ItaPageFile') },
      },
      ['type', 'documentId', 'title', 'slug', 'publishedAt', 'url', 'isNone', 'noneText', 'files'],
      { description: 'A published entry linked to the item.' },
    ),
  );
  b.add(
    'ItaPageItem',
    closed(
      {
        code: { type: 'string', examples: ['O1'] },
        titleTh: str,
        titleEn: strOrNull,
        cadence: { ...cadence, description: 'How often the item must be published.' },
        indicator: nullable(REF('ItaPageHeading')),
        subindicator: nullable(REF('ItaPageHeading')),
        status: {
          type: 'string',
          enum: [...PUBLIC_STATUSES],
          description:
            'The public subset of the compliance status (the dashboard applies the same rule: cadence, due date, fiscal year of the entries). `complete`: evidence that counts for this year is published; `declared_none`: only "nothing to disclose" entries; `not_yet_due`: nothing published yet and the due date has not passed; `missing`: nothing that counts is published and the due date has passed (a monthly item: a month is overdue).',
        },
        statusTh: {
          type: 'string',
          enum: PUBLIC_STATUSES.map((s) => PUBLIC_STATUS_LABELS_TH[s]),
          description: 'The status in Thai, as the widget shows it.',
        },
        dueDate: {
          type: ['string', 'null'],
          format: 'date',
          description:
            'The date that decides the status (`YYYY-MM-DD`, CE, Bangkok): the item due date; for a monthly item the earliest overdue month, else the next month to fall due; null when nothing more falls due.',
        },
        url: {
          type: ['string', 'null'],
          format: 'uri',
          description:
            "The item on the unit's own website (its websiteUrl + itaPathTemplate); null when the unit has no website.",
        },
        entries: {
          type: 'array',
          items: REF('ItaPageEntry'),
          description: 'Newest first.',
        },
      },
      [
        'code',
        'titleTh',
        'titleEn',
        'cadence',
        'indicator',
        'subindicator',
        'status',
        'statusTh',
        'dueDate',
        'url',
        'entries',
      ],
      {
        description:
          'A checklist item with its status and the published entries that count for it this fiscal year (an entry of another fiscal year than the item asks for is not listed).',
      },
    ),
  );
  const pageHead = {
    unit: REF('ItaPageUnit'),
    fiscalYear: { type: 'integer', description: 'Fiscal year (BE).' },
    scheme: { type: 'string', description: "The unit's checklist scheme (e.g. general)." },
    checklist: closed(
      {
        status: {
          type: 'string',
          enum: checklistStatus,
          description: '`provisional` until the official list of the year is imported.',
        },
        title: strOrNull,
      },
      ['status', 'title'],
    ),
  };
  b.add(
    'ItaPage',
    closed(
      {
        ...pageHead,
        items: {
          type: 'array',
          items: REF('ItaPageItem'),
          description: 'In checklist order.',
        },
      },
      ['unit', 'fiscalYear', 'scheme', 'checklist', 'items'],
      { description: 'The ITA (OIT) page of a unit for a fiscal year.' },
    ),
  );
  b.add('ItaPageResponse', closed({ data: REF('ItaPage') }, ['data']));
  b.add(
    'ItaPageItemResponse',
    closed(
      {
        data: closed({ ...pageHead, item: REF('ItaPageItem') }, [
          'unit',
          'fiscalYear',
          'scheme',
          'checklist',
          'item',
        ]),
      },
      ['data'],
    ),
  );

  // ---------- REST list and single envelopes ----------
  for (const t of types) {
    b.add(
      `${t.name}ListResponse`,
      closed({ data: { type: 'array', items: REF(t.name) }, meta: REF('ListMeta') }, [
        'data',
        'meta',
      ]),
    );
    b.add(
      `${t.name}Response`,
      closed({ data: REF(t.name), meta: REF('EntryMeta') }, ['data', 'meta']),
    );
  }

  // ---------- parameters, headers, responses ----------
  const yearText = `Buddhist-Era fiscal year ${MIN_FISCAL_YEAR}–${MAX_FISCAL_YEAR}, e.g. 2569; Thai digits (๒๕๖๙) and a "พ.ศ." prefix are accepted, a Common-Era year (2026) is refused.`;
  const unitCodeSchema = {
    type: 'string',
    pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$',
    examples: ['ENG'],
  };
  const itemCodeSchema = {
    type: 'string',
    pattern: '^[A-Za-z]{1,4}[0-9]{1,3}(\\.[0-9]{1,2})?$',
    examples: ['O12'],
  };
  const yearSchema = { type: 'string', examples: ['2569', '๒๕๖๙'] };
  const parameters: Record<string, Schema> = {
    UnitCodePath: {
      name: 'unitCode',
      in: 'path',
      required: true,
      description: 'Unit code (case-insensitive).',
      schema: unitCodeSchema,
    },
    FiscalYearPath: {
      name: 'fiscalYear',
      in: 'path',
      required: true,
      description: yearText,
      schema: yearSchema,
    },
    ItemCodePath: {
      name: 'itemCode',
      in: 'path',
      required: true,
      description: 'Checklist item code (case-insensitive), e.g. O12.',
      schema: itemCodeSchema,
    },
    DocumentIdPath: {
      name: 'documentId',
      in: 'path',
      required: true,
      description: 'The documentId of the entry.',
      schema: { type: 'string' },
    },
    UnitQuery: {
      name: 'unit',
      in: 'query',
      description: 'Only entries of this unit (unit code, case-insensitive).',
      schema: unitCodeSchema,
    },
    FiscalYearQuery: {
      name: 'fiscalYear',
      in: 'query',
      description: `Only entries of this fiscal year. ${yearText}`,
      schema: yearSchema,
    },
    ItemQuery: {
      name: 'item',
      in: 'query',
      description: 'Only entries linked to this checklist item code.',
      schema: itemCodeSchema,
    },
    Filters: {
      name: 'filters',
      in: 'query',
      style: 'deepObject',
      explode: true,
      description:
        'Strapi filters, e.g. `filters[title][$contains]=แผน` or `filters[date][$gte]=2025-10-01`. Combined (and) with `unit`, `fiscalYear` and `item`. A filter on a private field is refused (400).',
      schema: { type: 'object', additionalProperties: true },
    },
    Sort: {
      name: 'sort',
      in: 'query',
      description:
        'Sort order: `field` or `field:asc|desc`, comma-separated, e.g. `publishedAt:desc`.',
      schema: { type: 'string', examples: ['publishedAt:desc'] },
    },
    PaginationPage: {
      name: 'pagination[page]',
      in: 'query',
      description: 'Page number (with pagination[pageSize]).',
      schema: { type: 'integer', minimum: 1, default: 1 },
    },
    PaginationPageSize: {
      name: 'pagination[pageSize]',
      in: 'query',
      description: `Entries per page; the server caps larger values at ${maxLimit}.`,
      schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
    },
    PaginationStart: {
      name: 'pagination[start]',
      in: 'query',
      description: 'Offset of the first entry (with pagination[limit]; not with page/pageSize).',
      schema: { type: 'integer', minimum: 0 },
    },
    PaginationLimit: {
      name: 'pagination[limit]',
      in: 'query',
      description: `Number of entries (with pagination[start]); capped at ${maxLimit}.`,
      schema: { type: 'integer', minimum: 1, maximum: maxLimit },
    },
    IfNoneMatch: {
      name: 'If-None-Match',
      in: 'header',
      description:
        'An ETag from an earlier response: 304 Not Modified when the content is unchanged.',
      schema: { type: 'string' },
    },
  };
  const headers: Record<string, Schema> = {
    ETag: {
      description: 'Entity tag of the body; send it back in If-None-Match.',
      schema: { type: 'string' },
    },
    CacheControl: {
      description:
        'public (with max-age) for anonymous requests, private, no-cache for requests with credentials.',
      schema: { type: 'string', examples: ['public, max-age=0, must-revalidate'] },
    },
    XCache: {
      description:
        'HIT: served from the response cache; MISS: built and stored; BYPASS: not cached (credentials, or the cache is off).',
      schema: { type: 'string', enum: ['HIT', 'MISS', 'BYPASS'] },
    },
    ContentDisposition: {
      description: 'attachment, with a file name.',
      schema: { type: 'string' },
    },
  };
  const responses: Record<string, Schema> = {
    NotModified: {
      description: 'Not Modified: the ETag in If-None-Match is current. No body.',
      headers: cacheHeaders(),
    },
    BadRequest: {
      description:
        'Bad Request: a malformed unit code, fiscal year or item code, an unknown query parameter, a populate that is not allowed, or invalid filters.',
      content: json(REF('Error')),
    },
    NotFound: {
      description:
        'Not Found: unknown unit (or inactive), no checklist for the year, unknown item or entry.',
      content: json(REF('Error')),
    },
  };

  // ---------- paths ----------
  const errors = { '400': RESPONSE('BadRequest'), '404': RESPONSE('NotFound') };
  const paths: Record<string, Schema> = {};
  paths['/api/ita/{unitCode}/{fiscalYear}'] = {
    get: {
      tags: ['ITA'],
      operationId: 'getItaPage',
      summary: 'ITA page of a unit for a fiscal year',
      description:
        "The unit's ITA (OIT) checklist for the year (the official list, else the provisional one), with each item's status and the published entries that count for it, with their files. Takes no query parameters.",
      parameters: [PARAM('UnitCodePath'), PARAM('FiscalYearPath'), PARAM('IfNoneMatch')],
      responses: {
        '200': ok('The page.', json(REF('ItaPageResponse'))),
        '304': RESPONSE('NotModified'),
        ...errors,
      },
    },
  };
  paths['/api/ita/{unitCode}/{fiscalYear}/{itemCode}'] = {
    get: {
      tags: ['ITA'],
      operationId: 'getItaPageItem',
      summary: 'One checklist item of the ITA page',
      description: 'Like the ITA page, with the one item. Takes no query parameters.',
      parameters: [
        PARAM('UnitCodePath'),
        PARAM('FiscalYearPath'),
        PARAM('ItemCodePath'),
        PARAM('IfNoneMatch'),
      ],
      responses: {
        '200': ok('The item.', json(REF('ItaPageItemResponse'))),
        '304': RESPONSE('NotModified'),
        ...errors,
      },
    },
  };
  paths['/api/ita-links/{fiscalYear}'] = {
    get: {
      tags: ['ITA', 'Feeds and exports'],
      operationId: 'getItaLinksCsv',
      summary: 'Links of every unit and checklist item, for assessors (CSV)',
      description:
        'Per active unit (or the one of `unit`) and item of its checklist: the URL of the item on the unit website and in this API, and its status as on the ITA page. The year may end in `.csv` (`/api/ita-links/2569.csv`).',
      parameters: [
        PARAM('FiscalYearPath'),
        {
          name: 'unit',
          in: 'query',
          description: 'Only this unit (unit code).',
          schema: unitCodeSchema,
        },
        PARAM('IfNoneMatch'),
      ],
      responses: {
        '200': ok(
          csvDescription(LINKS_HEADER, LINKS_NOTES),
          { 'text/csv': { schema: { type: 'string' } } },
          { 'Content-Disposition': HEADER('ContentDisposition') },
        ),
        '304': RESPONSE('NotModified'),
        ...errors,
      },
    },
  };
  for (const [format, media, label] of [
    ['rss', 'application/rss+xml', 'RSS 2.0'],
    ['atom', 'application/atom+xml', 'Atom 1.0'],
  ] as const) {
    paths[`/api/feeds/{unitCode}/news.${format}`] = {
      get: {
        tags: ['Feeds and exports'],
        operationId: `getNews${pascal(format)}`,
        summary: `News feed of a unit (${label})`,
        description: `The ${FEED_SIZE} latest published news items of the unit, newest first, with their attachments as enclosures. Takes no query parameters.`,
        parameters: [PARAM('UnitCodePath'), PARAM('IfNoneMatch')],
        responses: {
          '200': ok(`${label} feed.`, { [media]: { schema: { type: 'string' } } }),
          '304': RESPONSE('NotModified'),
          ...errors,
        },
      },
    };
  }
  paths['/api/exports/{unitCode}/procurement-summaries.csv'] = {
    get: {
      tags: ['Feeds and exports'],
      operationId: 'getProcurementSummariesCsv',
      summary: 'Monthly procurement summaries of a unit (form สขร.1, CSV)',
      description:
        'One row per procured item of the published monthly summaries, months in fiscal order; a month without procurement is one row with `no_procurement`.',
      parameters: [
        PARAM('UnitCodePath'),
        {
          name: 'fiscalYear',
          in: 'query',
          description: `Only this fiscal year. ${yearText}`,
          schema: yearSchema,
        },
        PARAM('IfNoneMatch'),
      ],
      responses: {
        '200': ok(
          csvDescription(PROCUREMENT_HEADER, PROCUREMENT_NOTES),
          { 'text/csv': { schema: { type: 'string' } } },
          { 'Content-Disposition': HEADER('ContentDisposition') },
        ),
        '304': RESPONSE('NotModified'),
        ...errors,
      },
    },
  };

  for (const t of types) {
    const tag = t.disclosure ? 'Disclosures' : 'Registry';
    parameters[`${t.name}Populate`] = {
      name: 'populate',
      in: 'query',
      style: 'form',
      explode: false,
      description: t.allowed.length
        ? `Relations, files and components to include, comma-separated, among: ${t.allowed.join(', ')}. Without it (or with \`*\`): ${t.defaults.join(', ') || 'none'}. The server decides the fields of each; any other name is refused (400).`
        : 'Nothing can be populated; any name is refused (400).',
      schema: { type: 'array', items: { type: 'string', enum: [...t.allowed, '*'] } },
    };
    parameters[`${t.name}Fields`] = {
      name: 'fields',
      in: 'query',
      style: 'form',
      explode: false,
      description: 'Only these attributes (comma-separated); id and documentId are always sent.',
      schema: { type: 'array', items: { type: 'string', enum: t.fields } },
    };
    const populate = PARAM(`${t.name}Populate`);
    const fields = PARAM(`${t.name}Fields`);
    const what = `${t.singular} entries`;
    paths[`/api/${t.plural}`] = {
      get: {
        tags: [tag],
        operationId: `list${pascal(t.plural)}`,
        summary: `List ${t.disclosure ? 'published ' : ''}${what} — ${t.displayName}`,
        description: t.description,
        parameters: [
          ...(t.disclosure
            ? [PARAM('UnitQuery'), PARAM('FiscalYearQuery'), PARAM('ItemQuery')]
            : []),
          populate,
          PARAM('Filters'),
          PARAM('Sort'),
          fields,
          PARAM('PaginationPage'),
          PARAM('PaginationPageSize'),
          PARAM('PaginationStart'),
          PARAM('PaginationLimit'),
          PARAM('IfNoneMatch'),
        ],
        responses: {
          '200': ok('A page of entries.', json(REF(`${t.name}ListResponse`))),
          '304': RESPONSE('NotModified'),
          '400': RESPONSE('BadRequest'),
        },
      },
    };
    paths[`/api/${t.plural}/{documentId}`] = {
      get: {
        tags: [tag],
        operationId: `get${t.name}`,
        summary: `One ${t.disclosure ? 'published ' : ''}${t.singular} entry — ${t.displayName}`,
        parameters: [PARAM('DocumentIdPath'), populate, fields, PARAM('IfNoneMatch')],
        responses: {
          '200': ok('The entry.', json(REF(`${t.name}Response`))),
          '304': RESPONSE('NotModified'),
          ...errors,
        },
      },
    };
  }

  const sorted = (o: Record<string, Schema>) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );

  return {
    openapi: '3.1.0',
    info: {
      title: 'Prongsai public API',
      version,
      summary: 'API สาธารณะของโปร่งใส: ข้อมูลที่เผยแพร่ตามเกณฑ์ ITA (OIT) ของหน่วยงาน',
      description: [
        "What unit websites and ITA assessors read from Prongsai (โปร่งใส), the CMS of the units' public-sector transparency (ITA / OIT) disclosures.",
        '',
        '**Thai:** API สาธารณะสำหรับเว็บไซต์หน่วยงานและผู้ประเมิน ITA อ่านได้อย่างเดียว ไม่ต้องยืนยันตัวตน และเห็นเฉพาะข้อมูลที่เผยแพร่แล้ว',
        '',
        '- Read-only and unauthenticated; only published, approved content, whoever asks (API tokens and logged-in users get the same).',
        '- The one exception: the participation forms (`POST /api/participation/…`, docs/participation.md), where the public reports wrong information, asks, rates and files complaints, with a proof-of-work challenge.',
        '- REST lists and entries are populated by the server (`populate` may only narrow the default); private fields never appear.',
        '- Errors: `{ data: null, error: { status, name, message, details } }`; messages from Prongsai checks are in Thai, then English.',
        '- Responses carry an `ETag`; send it back in `If-None-Match` for a 304. `X-Cache` tells whether the response cache answered.',
        '- Browsers may call the API only from the registered unit websites (CORS).',
      ].join('\n'),
      ...(license ? { license: { name: license, identifier: license } } : {}),
    },
    servers: [
      {
        url: '{baseUrl}',
        // No `description` on the variable: the published OpenAPI 3.1 JSON Schema misspells it
        // ("descriptions") and validators that use it refuse the correct name.
        description: 'The CMS: set baseUrl to its origin, e.g. https://cms.example.ac.th',
        variables: { baseUrl: { default: 'http://localhost:1337' } },
      },
    ],
    tags: [
      { name: 'ITA', description: 'The ITA (OIT) page of a unit, item by item.' },
      {
        name: 'Disclosures',
        description:
          'Published disclosures, one type per kind of information the checklist asks for.',
      },
      { name: 'Registry', description: 'Units and the ITA checklists and their items.' },
      { name: 'Feeds and exports', description: 'News feeds and CSV files.' },
      PARTICIPATION_TAG,
    ],
    paths: { ...paths, ...participationPaths() },
    components: {
      schemas: sorted({ ...b.schemas, ...participationSchemas() }),
      parameters: sorted(parameters),
      headers: sorted(headers),
      responses: sorted(responses),
    },
  };
};
