import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appendEvent, chainHead } from '../../workflow/audit';
import { sha256 } from '../../workflow/hash';
import { todayInBangkok } from '../rules';
import { buildReport, type ReportData } from './data';
import { parsePeriod, type ReportPeriod } from './period';

/** Stored monthly reports (`compliance-report`): generation, listing, the head's acknowledgement. */

export const REPORT_UID = 'api::compliance-report.compliance-report' as UID.ContentType;

export type StoredReport = {
  id: number;
  documentId: string;
  period: string;
  fiscalYear: number;
  generatedAt: string | null;
  summary: ReportData | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
};

/** 409 Conflict through the compliance `handle` wrapper (Strapi has no ConflictError class). */
export class ReportConflict extends Error {
  status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

const FIELDS = [
  'id',
  'documentId',
  'period',
  'fiscalYear',
  'generatedAt',
  'acknowledgedAt',
  'acknowledgedBy',
  'acknowledgementNote',
];

export const findReport = async (
  strapi: Core.Strapi,
  period: string,
  withSummary = true,
): Promise<StoredReport | null> =>
  (await strapi.db.query(REPORT_UID).findOne({
    where: { period },
    select: withSummary ? [...FIELDS, 'summary'] : FIELDS,
  })) as StoredReport | null;

export const requireReport = async (strapi: Core.Strapi, period: string) => {
  const row = await findReport(strapi, period);
  if (!row || !row.summary)
    throw new errors.NotFoundError(
      `ยังไม่มีรายงานเดือน ${period} (สร้างด้วย POST /compliance/reports/${period}/generate) / No report for ${period} yet`,
    );
  return row as StoredReport & { summary: ReportData };
};

/** The hash of what the head acknowledges: the stored report's snapshot. */
export const reportHash = (summary: ReportData) => sha256(JSON.stringify(summary));

/**
 * Builds the organisation-wide report of a month and stores it (a new row or the existing one
 * updated). An acknowledged report is final: regenerating it is a 409.
 */
export const generateMonthlyReport = async (
  strapi: Core.Strapi,
  period: string | ReportPeriod,
  options: { now?: Date } = {},
): Promise<StoredReport & { summary: ReportData }> => {
  const now = options.now ?? new Date();
  const p = typeof period === 'string' ? parsePeriod(period, todayInBangkok(now)) : period;
  const existing = await findReport(strapi, p.period, false);
  if (existing?.acknowledgedAt)
    throw new ReportConflict(
      `รายงานเดือน ${p.period} ได้รับการรับทราบแล้ว สร้างใหม่ไม่ได้ / The report of ${p.period} has been acknowledged and cannot be regenerated`,
    );
  const summary = await buildReport(strapi, p, { now });
  // The chain's head goes into the snapshot (and so into the PDF, XLSX and CSV): a witness of
  // the audit chain outside the database once the report is printed or e-mailed.
  summary.auditHead = await chainHead(strapi);
  const data = { period: p.period, fiscalYear: p.fiscalYear, generatedAt: now, summary };
  const row = existing
    ? await strapi.db.query(REPORT_UID).update({ where: { id: existing.id }, data })
    : await strapi.db.query(REPORT_UID).create({ data });
  return { ...(row as StoredReport), summary };
};

/** Stored reports without their snapshots, newest first; the overall numbers for a list view. */
export const listReports = async (strapi: Core.Strapi, fiscalYear: number | null) => {
  const rows = (await strapi.db.query(REPORT_UID).findMany({
    where: fiscalYear ? { fiscalYear } : {},
    select: [...FIELDS, 'summary'],
    orderBy: [{ period: 'desc' }],
  })) as StoredReport[];
  return rows.map(({ summary, ...r }) => ({
    ...r,
    asOf: summary?.asOf ?? null,
    partial: summary?.partial ?? null,
    overall: summary?.overall ?? null,
  }));
};

type Actor = { id: number; email?: string | null; role: string };

/**
 * The head of the organisation acknowledges a report: stored on the row (once: a second
 * acknowledgement is a 409, even when two arrive at once) and appended to the audit chain.
 */
export const acknowledgeReport = async (
  strapi: Core.Strapi,
  period: ReportPeriod,
  actor: Actor,
  note: string | null,
  now: Date = new Date(),
) => {
  const row = await requireReport(strapi, period.period);
  if (row.acknowledgedAt)
    throw new ReportConflict(
      `รายงานเดือน ${period.period} ได้รับการรับทราบแล้วเมื่อ ${new Date(row.acknowledgedAt).toISOString()} / Already acknowledged`,
    );
  if (row.summary.partial)
    throw new errors.ValidationError(
      `รายงานเดือน ${period.period} จัดทำก่อนสิ้นเดือน ให้สร้างใหม่หลังสิ้นเดือนก่อนรับทราบ / The report was made before the month ended: regenerate it first`,
    );
  const email = actor.email ?? null;
  // Compare-and-set: only one acknowledgement can turn an unacknowledged row into an acknowledged one.
  const { count } = (await strapi.db.query(REPORT_UID).updateMany({
    where: { id: row.id, acknowledgedAt: { $null: true } },
    data: { acknowledgedAt: now, acknowledgedBy: email, acknowledgementNote: note },
  })) as { count: number };
  if (count !== 1)
    throw new ReportConflict(
      `รายงานเดือน ${period.period} ได้รับการรับทราบแล้ว / Already acknowledged`,
    );
  const event = await appendEvent(strapi, {
    contentType: REPORT_UID,
    entryDocumentId: row.documentId,
    locale: null,
    action: 'acknowledge',
    fromState: 'generated',
    toState: 'acknowledged',
    actorId: actor.id,
    actorEmail: email,
    actorRole: actor.role,
    unitId: null,
    comment: note,
    contentHash: reportHash(row.summary),
  });
  return {
    ...row,
    acknowledgedAt: now.toISOString(),
    acknowledgedBy: email,
    acknowledgementNote: note,
    event,
  };
};
