import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sha256 } from './hash';

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

/** The hash of one event: its fields, its time and the previous event's hash (a chain). */
export const eventHash = (e: EventInput & { prevHash: string | null; at: string | Date }) =>
  sha256(
    JSON.stringify([
      ...FIELDS.map((f) => e[f] ?? null),
      new Date(e.at).toISOString(),
      e.prevHash ?? null,
    ]),
  );

/**
 * Appends one event to the chain, inside the caller's transaction. On PostgreSQL an advisory
 * lock serialises appends so that two transitions at once cannot both chain onto the same
 * previous event; SQLite serialises writers itself.
 */
export const appendEvent = (strapi: Core.Strapi, input: EventInput) =>
  strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      await trx.raw('select pg_advisory_xact_lock(?)', [0x70726f6e]);
    }
    const last = (await strapi.db
      .query(EVENT_UID)
      .findOne({ orderBy: { id: 'desc' }, select: ['hash'] })) as {
      hash: string;
    } | null;
    const at = new Date();
    const prevHash = last?.hash ?? null;
    const data = { ...input, prevHash, at, hash: eventHash({ ...input, prevHash, at }) };
    return (await strapi.db.query(EVENT_UID).create({ data })) as StoredEvent;
  }) as unknown as Promise<StoredEvent>;

/** Events are append-only: no path may edit or delete one. */
export const registerAuditProtection = (strapi: Core.Strapi) => {
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

export type VerifyResult =
  | { ok: true; events: number }
  | { ok: false; events: number; firstBad: number; problem: string };

/** Walks the chain in order; reports the first event that was edited, removed or moved. */
export const verifyChain = async (strapi: Core.Strapi): Promise<VerifyResult> => {
  const knex = strapi.db.connection;
  const table = (strapi.db.metadata.get(EVENT_UID) as unknown as { tableName: string }).tableName;
  const rows = (await knex(table).select('*').orderBy('id', 'asc')) as Array<
    Record<string, unknown>
  >;
  let prev: string | null = null;
  for (const row of rows) {
    const e = {
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
    };
    const id = Number(row.id);
    if ((e.prevHash ?? null) !== prev) {
      return {
        ok: false,
        events: rows.length,
        firstBad: id,
        problem:
          'its previous-hash does not match the event before it (an event was removed or the order changed)',
      };
    }
    if (eventHash(e) !== row.hash) {
      return {
        ok: false,
        events: rows.length,
        firstBad: id,
        problem: 'its content does not match its hash (the event was edited)',
      };
    }
    prev = row.hash as string;
  }
  return { ok: true, events: rows.length };
};
