import type { Core } from '@strapi/strapi';
import { REQUEST_UID } from './service';

/**
 * Figures of the inbox per unit for a period (the compliance dashboard and the monthly report):
 * corrections and questions received in the period, how many were answered, rejected, still
 * open and overdue at the end of the period (or now, for a period under way), and the median
 * time to the first answer in days. Two queries whatever the number of units (the units, then
 * the requests of all of them); no personal data is read.
 */

const UNIT_UID = 'api::unit.unit';
const DAY = 24 * 60 * 60 * 1000;

export type KindFigures = {
  received: number;
  answered: number;
  rejected: number;
  open: number;
  overdue: number;
  /** Median days from receipt to the first answer, one decimal; null when none was answered. */
  medianDaysToAnswer: number | null;
};

export type UnitParticipation = KindFigures & {
  unit: string;
  nameTh: string;
  correction: KindFigures;
  question: KindFigures;
};

export type ParticipationFigures = {
  from: string;
  to: string;
  asOf: string;
  units: UnitParticipation[];
  overall: KindFigures;
};

type Row = {
  unitRef: number | null;
  kind: 'correction' | 'question';
  status: string;
  receivedAt: string;
  dueAt: string | null;
  answeredAt: string | null;
  closedAt: string | null;
};

const ms = (v: string | Date | null | undefined) => (v ? new Date(v).getTime() : null);

export const median = (values: number[]): number | null => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const v = s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  return Math.round(v * 10) / 10;
};

/** When a request stopped being open: its first answer, or its closing (a rejection). */
const settledAt = (r: Row) => ms(r.answeredAt) ?? ms(r.closedAt);

const figures = (rows: Row[], from: number, to: number, asOf: number): KindFigures => {
  const inPeriod = rows.filter((r) => {
    const t = ms(r.receivedAt) as number;
    return t >= from && t < to;
  });
  const answeredRows = inPeriod.filter((r) => {
    const a = ms(r.answeredAt);
    return a !== null && a <= asOf;
  });
  const rejected = inPeriod.filter(
    (r) => r.status === 'rejected' && ms(r.answeredAt) === null && (ms(r.closedAt) ?? 0) <= asOf,
  ).length;
  // Open at the as-of instant: received by then and neither answered nor closed by then (whatever
  // month it came in: an old request still waiting is overdue in every month's figures).
  const openRows = rows.filter((r) => {
    const t = ms(r.receivedAt) as number;
    const s = settledAt(r);
    return t < Math.min(to, asOf + 1) && (s === null || s > asOf);
  });
  return {
    received: inPeriod.length,
    answered: answeredRows.length,
    rejected,
    open: openRows.length,
    overdue: openRows.filter((r) => {
      const due = ms(r.dueAt);
      return due !== null && due < asOf;
    }).length,
    medianDaysToAnswer: median(
      answeredRows.map((r) => ((ms(r.answeredAt) as number) - (ms(r.receivedAt) as number)) / DAY),
    ),
  };
};

/**
 * `unitIds`: the units to report (null: every active unit). `from`/`to`: the period (instants,
 * `to` exclusive); `now`: the as-of instant is `min(to, now)`.
 */
export const participationFigures = async (
  strapi: Core.Strapi,
  options: {
    from: Date;
    to: Date;
    unitIds: number[] | null;
    unitCodes?: string[] | null;
    now?: Date;
  },
): Promise<ParticipationFigures> => {
  const from = options.from.getTime();
  const to = options.to.getTime();
  const asOf = Math.min(to - 1, (options.now ?? new Date()).getTime());
  const unitWhere: Record<string, unknown> = {};
  if (options.unitIds) unitWhere.id = { $in: options.unitIds };
  if (options.unitCodes) unitWhere.code = { $in: options.unitCodes };
  if (!options.unitCodes) unitWhere.active = { $ne: false };
  const units = (await strapi.db.query(UNIT_UID).findMany({
    where: unitWhere,
    select: ['id', 'code', 'nameTh'],
    orderBy: [{ code: 'asc' }],
  })) as Array<{ id: number; code: string; nameTh: string }>;
  const ids = units.map((u) => u.id);
  const fromIso = new Date(from).toISOString();
  // Everything received before the end of the period that was either received in it or still
  // unsettled at its start: one query for all the units.
  const rows = ids.length
    ? ((await strapi.db.query(REQUEST_UID).findMany({
        where: {
          unitRef: { $in: ids },
          receivedAt: { $lt: new Date(to).toISOString() },
          $or: [
            { receivedAt: { $gte: fromIso } },
            { answeredAt: { $null: true }, closedAt: { $null: true } },
            { answeredAt: { $gte: fromIso } },
            { answeredAt: { $null: true }, closedAt: { $gte: fromIso } },
          ],
        },
        select: ['unitRef', 'kind', 'status', 'receivedAt', 'dueAt', 'answeredAt', 'closedAt'],
      })) as Row[])
    : [];
  const byUnit = new Map<number, Row[]>();
  for (const r of rows) {
    if (r.unitRef == null) continue;
    byUnit.set(r.unitRef, [...(byUnit.get(r.unitRef) ?? []), r]);
  }
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    asOf: new Date(asOf).toISOString(),
    units: units.map((u) => {
      const list = byUnit.get(u.id) ?? [];
      return {
        unit: u.code,
        nameTh: u.nameTh,
        ...figures(list, from, to, asOf),
        correction: figures(
          list.filter((r) => r.kind === 'correction'),
          from,
          to,
          asOf,
        ),
        question: figures(
          list.filter((r) => r.kind === 'question'),
          from,
          to,
          asOf,
        ),
      };
    }),
    overall: figures(rows, from, to, asOf),
  };
};

/**
 * Requests answered before `answeredAt` was recorded: their first answer is taken as their
 * closing, or their last change. Runs at start; touches only rows without the date.
 */
export const backfillAnsweredAt = async (strapi: Core.Strapi) => {
  const meta = strapi.db.metadata.get(REQUEST_UID);
  const knex = strapi.db.connection;
  return knex(meta.tableName)
    .whereNull('answered_at')
    .whereIn('status', ['answered', 'resolved'])
    .update({ answered_at: knex.raw('COALESCE(closed_at, updated_at)') });
};
