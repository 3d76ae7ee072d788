import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createHmac, timingSafeEqual } from 'crypto';
import fs from 'fs';
import { auditKeys, type AuditKeyRing } from './audit-keys';
import { sha256 } from './hash';
import { appendWitness, checkWitness, readWitness, witnessFile, type ChainHead } from './witness';

export const EVENT_UID = 'api::workflow-event.workflow-event';

export type EventInput = {
  contentType: string;
  entryDocumentId: string;
  locale: string | null;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: number | null;
  actorEmail: string | null;
  actorRole: string | null;
  unitId: number | null;
  comment: string | null;
  contentHash: string | null;
};

export type StoredEvent = EventInput & {
  id: number;
  prevHash: string | null;
  hash: string;
  at: string | Date;
  /** Position in the chain (1-based); null on events written before the chain was keyed. */
  seq: number | null;
  /** The HMAC key the hash was made with; null on legacy (plain SHA-256) events. */
  keyId: string | null;
};

const FIELDS: Array<keyof EventInput> = [
  'contentType',
  'entryDocumentId',
  'locale',
  'action',
  'fromState',
  'toState',
  'actorId',
  'actorEmail',
  'actorRole',
  'unitId',
  'comment',
  'contentHash',
];

type HashInput = EventInput & { prevHash: string | null; at: string | Date };

/**
 * The legacy hash (events written before the chain was keyed): plain SHA-256 of the fields, the
 * time and the previous hash. Anyone can recompute it, so it only proves order, not origin.
 */
export const eventHash = (e: HashInput) =>
  sha256(
    JSON.stringify([
      ...FIELDS.map((f) => e[f] ?? null),
      new Date(e.at).toISOString(),
      e.prevHash ?? null,
    ]),
  );

/**
 * The keyed hash: HMAC-SHA256, under a key from the environment, of the fields, the time, the
 * previous hash, the position in the chain and the key id. Without the key nobody can write an
 * event that verifies, nor re-seal a chain after editing or removing an event.
 */
export const eventHmac = (secret: string, e: HashInput & { seq: number; keyId: string }) =>
  createHmac('sha256', secret)
    .update(
      JSON.stringify([
        'prongsai-audit-v2',
        ...FIELDS.map((f) => e[f] ?? null),
        new Date(e.at).toISOString(),
        e.prevHash ?? null,
        e.seq,
        e.keyId,
      ]),
    )
    .digest('hex');

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const appRoot = (strapi: Core.Strapi) =>
  (strapi.dirs as unknown as { app?: { root?: string } })?.app?.root;

/** The configured witness file of this app (null when AUDIT_WITNESS=false). */
export const configuredWitness = (strapi: Core.Strapi) => witnessFile(process.env, appRoot(strapi));

/**
 * Appends one event to the chain, inside the caller's transaction. On PostgreSQL an advisory
 * lock serialises appends so that two transitions at once cannot both chain onto the same
 * previous event; SQLite serialises writers itself. Once the outermost transaction has
 * committed, the new head is appended to the witness file (never for a rolled-back event).
 * Appends within one transaction are serialised here: the Content Manager's bulk actions run
 * their documents concurrently (Promise.all) in one transaction, where the advisory lock (held
 * per transaction) does not order them, and two appends would chain onto the same event.
 */
const appendsInFlight = new WeakMap<object, Promise<unknown>>();

export const appendEvent = (strapi: Core.Strapi, input: EventInput) =>
  strapi.db.transaction(async ({ trx, onCommit }) => {
    const before = appendsInFlight.get(trx) ?? Promise.resolve();
    const mine = before
      .catch(() => undefined)
      .then(() => appendInTransaction(strapi, input, trx, onCommit));
    appendsInFlight.set(trx, mine);
    return mine;
  }) as unknown as Promise<StoredEvent>;

type Trx = { raw: (sql: string, bindings: unknown[]) => Promise<unknown> };

const appendInTransaction = async (
  strapi: Core.Strapi,
  input: EventInput,
  trx: Trx,
  onCommit: (fn: () => void) => void,
): Promise<StoredEvent> => {
  if (strapi.db.dialect.client === 'postgres') {
    await trx.raw('select pg_advisory_xact_lock(?)', [0x70726f6e]);
  }
  const last = (await strapi.db
    .query(EVENT_UID)
    .findOne({ orderBy: { id: 'desc' }, select: ['hash', 'seq'] })) as {
    hash: string;
    seq: number | null;
  } | null;
  // The first keyed event after legacy ones counts them once; later ones follow its number.
  const seq = !last
    ? 1
    : last.seq != null
      ? Number(last.seq) + 1
      : (await strapi.db.query(EVENT_UID).count()) + 1;
  const key = auditKeys().current;
  const at = new Date();
  const prevHash = last?.hash ?? null;
  const hash = eventHmac(key.secret, { ...input, prevHash, at, seq, keyId: key.id });
  const data = { ...input, prevHash, at, seq, keyId: key.id, hash };
  const event = (await strapi.db.query(EVENT_UID).create({ data })) as StoredEvent;
  const file = configuredWitness(strapi);
  if (file) {
    const head: ChainHead = { seq, id: event.id, hash, keyId: key.id, at: at.toISOString() };
    onCommit(() => {
      try {
        appendWitness(file, head);
      } catch (error) {
        // The event is committed; a lost witness line only weakens the check of this head.
        strapi.log.error(
          `[audit] could not append event #${seq} to the witness ${file}: ${(error as Error).message}`,
        );
      }
    });
  }
  return event;
};

/** The last event of the chain as a head (position, id, hash), or null when there is none. */
export const chainHead = async (strapi: Core.Strapi): Promise<ChainHead | null> => {
  const last = (await strapi.db.query(EVENT_UID).findOne({
    orderBy: { id: 'desc' },
    select: ['id', 'hash', 'seq', 'keyId', 'at'],
  })) as { id: number; hash: string; seq: number | null; keyId: string | null; at: string } | null;
  if (!last) return null;
  const seq = last.seq != null ? Number(last.seq) : await strapi.db.query(EVENT_UID).count();
  return {
    seq,
    id: last.id,
    hash: last.hash,
    keyId: last.keyId ?? null,
    at: new Date(last.at).toISOString(),
  };
};

/**
 * At start: the HMAC keys must be configured (production refuses to start without them) and the
 * witness file must be writable.
 */
export const checkAuditConfig = (strapi: Core.Strapi) => {
  const ring = auditKeys();
  if (ring.development && process.env.NODE_ENV !== 'test')
    strapi.log.warn(
      '[audit] the audit chain is signed with the built-in development key: set AUDIT_HMAC_KEYS in production',
    );
  const file = configuredWitness(strapi);
  if (!file) {
    strapi.log.warn(
      '[audit] AUDIT_WITNESS=false: no witness of the audit chain outside the database',
    );
    return;
  }
  try {
    checkWitness(file);
  } catch (error) {
    throw new Error(
      `The audit witness file ${file} cannot be appended to (${(error as Error).message}): set AUDIT_WITNESS_FILE to a writable path, or AUDIT_WITNESS=false`,
    );
  }
};

/** Events are append-only: no path may edit or delete one. */
export const registerAuditProtection = (strapi: Core.Strapi) => {
  checkAuditConfig(strapi);
  strapi.documents.use(async (ctx, next) => {
    if (
      ctx.uid === EVENT_UID &&
      !['findMany', 'findFirst', 'findOne', 'count'].includes(ctx.action)
    ) {
      throw new errors.ForbiddenError(
        'บันทึกขั้นตอนอนุมัติแก้ไขหรือลบไม่ได้ / Workflow events cannot be changed',
      );
    }
    return next();
  });
  const refuse = () => {
    throw new errors.ForbiddenError(
      'บันทึกขั้นตอนอนุมัติแก้ไขหรือลบไม่ได้ / Workflow events cannot be changed',
    );
  };
  strapi.db.lifecycles.subscribe({
    models: [EVENT_UID],
    beforeUpdate: refuse,
    beforeUpdateMany: refuse,
    beforeDelete: refuse,
    beforeDeleteMany: refuse,
  } as never);
};

/** A head the chain is checked against, and where it was recorded. */
export type WitnessedHead = {
  seq: number;
  /** null when the source does not name the event id (a head typed in on the command line). */
  id: number | null;
  /** The full hash, or (from the command line) a prefix of at least 16 hex digits. */
  hash: string;
  at?: string | null;
  source: string;
};

export type VerifyOptions = {
  /** Witness files besides the configured one (AUDIT_WITNESS_FILE). */
  witnessFiles?: string[];
  /** Check the configured witness file (default true). */
  configuredWitness?: boolean;
  /** Check the heads recorded in the stored monthly reports (default true). */
  reports?: boolean;
  /** Further heads, e.g. from a printed report. */
  heads?: WitnessedHead[];
  keys?: AuditKeyRing;
};

type Summary = {
  events: number;
  /** Events before the chain was keyed (plain SHA-256): see docs/workflow.md. */
  legacy: number;
  keyed: number;
  head: ChainHead | null;
  /** Heads of witnesses and reports the chain was checked against. */
  witnessed: number;
  /** Things the operator should know that do not make the chain broken. */
  notes: string[];
};

export type VerifyResult =
  | ({ ok: true } & Summary)
  | ({
      ok: false;
      /** The id of the first bad (or, for a cut end, first missing) event. */
      firstBad: number;
      /** Its position in the chain (1-based). */
      firstBadSeq: number;
      problem: string;
    } & Summary);

type Row = HashInput & { id: number; hash: string; seq: number | null; keyId: string | null };

const toRow = (row: Record<string, unknown>): Row => ({
  id: Number(row.id),
  contentType: row.content_type as string,
  entryDocumentId: row.entry_document_id as string,
  locale: (row.locale as string) ?? null,
  action: row.action as string,
  fromState: (row.from_state as string) ?? null,
  toState: row.to_state as string,
  actorId: row.actor_id == null ? null : Number(row.actor_id),
  actorEmail: (row.actor_email as string) ?? null,
  actorRole: (row.actor_role as string) ?? null,
  unitId: row.unit_id == null ? null : Number(row.unit_id),
  comment: (row.comment as string) ?? null,
  contentHash: (row.content_hash as string) ?? null,
  prevHash: (row.prev_hash as string) ?? null,
  at: typeof row.at === 'number' ? new Date(row.at) : (row.at as string | Date),
  hash: String(row.hash ?? ''),
  seq: row.seq == null ? null : Number(row.seq),
  keyId: (row.key_id as string) ?? null,
});

const short = (hash: string) => `${hash.slice(0, 16)}…`;

type Break = { seq: number; id: number; problem: string };

/** Walks the chain in order; the first event that was edited, removed, moved or forged. */
const walk = (rows: Row[], ring: AuditKeyRing, counts: { legacy: number; keyed: number }) => {
  let prev: string | null = null;
  let firstKeyed: number | null = null;
  for (let i = 0; i < rows.length; i += 1) {
    const e = rows[i];
    const seq = i + 1;
    const bad = (problem: string): Break => ({ seq, id: e.id, problem });
    if ((e.prevHash ?? null) !== prev)
      return bad(
        'its previous-hash does not match the event before it (an event was removed or the order changed)',
      );
    if (e.keyId == null) {
      if (firstKeyed != null)
        return bad(
          `it is unkeyed (plain SHA-256) but the keyed chain began at event #${firstKeyed}: an event added without the HMAC key (forged)`,
        );
      if (eventHash(e) !== e.hash)
        return bad('its content does not match its hash (the event was edited)');
      counts.legacy += 1;
    } else {
      const key = ring.byId.get(e.keyId);
      if (!key)
        return bad(
          `it is signed with key id "${e.keyId}", which is not among the configured keys (AUDIT_HMAC_KEYS): the key was removed from the configuration, or the event was forged`,
        );
      if (
        e.seq == null ||
        !sameHex(eventHmac(key.secret, { ...e, seq: e.seq, keyId: e.keyId }), e.hash)
      )
        return bad(
          `its content does not match its HMAC under key "${e.keyId}" (the event was edited, or written without the key: forged or re-sealed)`,
        );
      if (e.seq !== seq)
        return bad(
          `it carries sequence number ${e.seq} but is event #${seq} of the chain (an event before it was removed or inserted)`,
        );
      if (firstKeyed == null) firstKeyed = seq;
      counts.keyed += 1;
    }
    prev = e.hash;
  }
  return null;
};

/** The first point where the chain disagrees with a witnessed head. */
const checkHeads = (rows: Row[], heads: WitnessedHead[]): Break | null => {
  let first: Break | null = null;
  const keep = (b: Break) => {
    if (!first || b.seq < first.seq) first = b;
  };
  const describe = (h: WitnessedHead) =>
    `${h.source} saw event #${h.seq}${h.id != null ? ` (id ${h.id}` : ' ('}${h.id != null ? ', ' : ''}hash ${short(h.hash)}${h.at ? `, ${h.at}` : ''})`;
  // The smallest witnessed position beyond the end tells the most about a cut end.
  const beyond = heads.filter((h) => h.seq > rows.length).sort((a, b) => a.seq - b.seq);
  if (beyond.length) {
    const h = beyond[0];
    keep({
      seq: rows.length + 1,
      id: h.id ?? 0,
      problem: rows.length
        ? `the database has ${rows.length} event(s) but ${describe(h)}: events after #${rows.length} were deleted (the end of the chain was cut)`
        : `the database has no events but ${describe(h)}: all events were deleted`,
    });
  }
  for (const h of heads) {
    if (h.seq > rows.length) continue;
    const row = rows[h.seq - 1];
    const sameId = h.id == null || h.id === row.id;
    const sameHash = h.hash.length === 64 ? row.hash === h.hash : row.hash.startsWith(h.hash);
    if (sameId && sameHash) continue;
    keep({
      seq: h.seq,
      id: row.id,
      problem: `${describe(h)}, but event #${h.seq} in the database is id ${row.id} with hash ${short(row.hash)}: the chain was cut and rewritten from there`,
    });
  }
  return first;
};

/** Heads recorded in the stored monthly reports (the snapshot's auditHead). */
const reportHeads = async (strapi: Core.Strapi): Promise<WitnessedHead[]> => {
  const uid = 'api::compliance-report.compliance-report';
  if (!strapi.contentTypes[uid as never]) return [];
  const rows = (await strapi.db.query(uid as never).findMany({
    select: ['period', 'summary'],
    orderBy: [{ period: 'asc' }],
  })) as Array<{ period: string; summary: { auditHead?: ChainHead | null } | null }>;
  const heads: WitnessedHead[] = [];
  for (const r of rows) {
    const h = r.summary?.auditHead;
    if (!h || !Number.isSafeInteger(h.seq) || typeof h.hash !== 'string') continue;
    heads.push({
      seq: h.seq,
      id: Number.isSafeInteger(h.id) ? h.id : null,
      hash: h.hash,
      at: h.at ?? null,
      source: `the monthly report ${r.period}`,
    });
  }
  return heads;
};

const fileHeads = (
  file: string,
  notes: string[],
  required: boolean,
  /** The configured witness of a chain that already holds keyed events: it must have heads. */
  expected = false,
): WitnessedHead[] | Break => {
  if (!fs.existsSync(file)) {
    if (required) return { seq: 0, id: 0, problem: `the witness file ${file} does not exist` };
    if (expected)
      return {
        seq: 0,
        id: 0,
        problem: `the witness file ${file} does not exist although the chain holds keyed events: the witness was removed or moved (AUDIT_WITNESS_FILE)`,
      };
    notes.push(`no witness file at ${file}: the chain was not checked against a witness`);
    return [];
  }
  const { heads, bad } = readWitness(file);
  if (!heads.length && expected)
    return {
      seq: 0,
      id: 0,
      problem: `the witness file ${file} holds no heads although the chain holds keyed events: it was emptied`,
    };
  if (!heads.length) notes.push(`the witness file ${file} holds no heads yet`);
  if (bad.length)
    notes.push(
      `${file}: ${bad.length} line(s) are not audit heads and were skipped (line ${bad.slice(0, 5).join(', ')})`,
    );
  return heads.map((h) => ({
    seq: h.seq,
    id: h.id,
    hash: h.hash,
    at: h.at,
    source: `the witness ${file} (line ${h.line})`,
  }));
};

/**
 * Walks the chain in order and checks it against every witnessed head (the configured witness
 * file, further witness files, the heads in the monthly reports). Reports the first point where
 * it breaks: an edited, removed, reordered or forged event, a key that is not configured, a cut
 * end, or all events deleted.
 */
export const verifyChain = async (
  strapi: Core.Strapi,
  options: VerifyOptions = {},
): Promise<VerifyResult> => {
  const ring = options.keys ?? auditKeys();
  const knex = strapi.db.connection;
  const table = (strapi.db.metadata.get(EVENT_UID) as unknown as { tableName: string }).tableName;
  const rows = (
    (await knex(table).select('*').orderBy('id', 'asc')) as Array<Record<string, unknown>>
  ).map(toRow);
  const notes: string[] = [];
  const counts = { legacy: 0, keyed: 0 };

  const heads: WitnessedHead[] = [...(options.heads ?? [])];
  const files = [
    ...(options.configuredWitness === false ? [] : [configuredWitness(strapi)]),
    ...(options.witnessFiles ?? []),
  ].filter((f): f is string => Boolean(f));
  const explicit = new Set(options.witnessFiles ?? []);
  const configured = options.configuredWitness === false ? null : configuredWitness(strapi);
  const keyedEvents = rows.some((r) => Boolean(r.keyId));
  let missingFile: Break | null = null;
  for (const file of [...new Set(files)]) {
    // Moved aside and passed with --witness: the other files stand in for the configured one.
    const expected = file === configured && keyedEvents && explicit.size === 0;
    const got = fileHeads(file, notes, explicit.has(file), expected);
    if (Array.isArray(got)) heads.push(...got);
    else missingFile = missingFile ?? got;
  }
  if (options.reports !== false) heads.push(...(await reportHeads(strapi)));

  const chainBreak = walk(rows, ring, counts);
  const headBreak = checkHeads(rows, heads);
  const last = rows[rows.length - 1];
  const summary: Summary = {
    events: rows.length,
    legacy: counts.legacy,
    keyed: counts.keyed,
    head: last
      ? {
          seq: rows.length,
          id: last.id,
          hash: last.hash,
          keyId: last.keyId,
          at: new Date(last.at).toISOString(),
        }
      : null,
    witnessed: heads.length,
    notes,
  };
  if (counts.legacy && !chainBreak)
    notes.push(
      `the first ${counts.legacy} event(s) are legacy, unkeyed (plain SHA-256, written before the chain was keyed)${counts.keyed ? '; the first keyed event seals them' : ': anyone with database access could rewrite them'}`,
    );
  // At the same position the chain's own explanation is the more precise one.
  const found = [chainBreak, headBreak]
    .filter((b): b is Break => Boolean(b))
    .sort((a, b) => a.seq - b.seq)[0];
  if (missingFile && !found)
    return { ok: false, ...summary, firstBad: 0, firstBadSeq: 0, problem: missingFile.problem };
  if (found)
    return {
      ok: false,
      ...summary,
      firstBad: found.id,
      firstBadSeq: found.seq,
      problem: found.problem,
    };
  if (ring.development && counts.keyed)
    notes.push('verified with the built-in development key (no AUDIT_HMAC_KEYS set)');
  return { ok: true, ...summary };
};
