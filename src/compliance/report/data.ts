import type { Core, UID } from '@strapi/strapi';
import { evaluateMatrix, loadMatrixData, summarize, type UnitSummary } from '../engine';
import { STATUS_LABELS_TH, todayInBangkok, type Status } from '../rules';
import type { ChainHead } from '../../workflow/witness';
import { participationFigures, type ParticipationFigures } from '../../participation/stats';
import { monthRange, thaiDate, THAI_MONTHS_SHORT, type ReportPeriod } from './period';

/**
 * The monthly monitoring report as data: per unit and for the organisation, completeness
 * (counts by status, progress), what was published during the month (Bangkok time), what is
 * overdue and who is responsible. The PDF, XLSX and CSV are renderings of this object, and the
 * stored `compliance-report` row keeps it as the snapshot the head acknowledges.
 */

export const RESPONSIBILITY_UID = 'api::item-responsibility.item-responsibility';
export const REPORT_VERSION = 1;

export type PublishedEntry = { type: string; title: string; publishedAt: string };

export type ReportRow = {
  unit: string;
  unitName: string;
  item: string;
  title: string;
  status: Status;
  statusTh: string;
  dueDate: string | null;
  dueDateTh: string;
  /** Monthly items: months already due and not covered, e.g. `ต.ค., พ.ย.`. */
  missingMonthsTh: string;
  primaryEmail: string | null;
  secondaryEmail: string | null;
  /** Entries of this unit and item whose publication falls in the month. */
  publishedThisMonth: PublishedEntry[];
};

export type ReportUnit = UnitSummary & {
  nameTh: string;
  nameEn: string | null;
  group: string;
  /** Entries published during the month (all items). */
  publishedThisMonth: number;
};

export type ReportData = {
  version: number;
  period: string;
  fiscalYear: number;
  asOf: string;
  /** The month was still under way when the report was made. */
  partial: boolean;
  generatedAt: string;
  overall: UnitSummary & { units: number; publishedThisMonth: number };
  units: ReportUnit[];
  rows: ReportRow[];
  /**
   * The audit chain's head when the report was generated (null: no events yet; absent on
   * reports made before it was recorded). Printed and e-mailed with the report, it is a witness
   * of the chain outside the database: `npm run audit:verify` checks the chain against it.
   */
  auditHead?: ChainHead | null;
  /**
   * The public's corrections and questions per unit in the month (docs/participation.md):
   * received, answered, overdue at the end of the month, median days to answer. Absent on
   * reports made before it was added.
   */
  participation?: ParticipationFigures;
};

type ResponsibilityRow = {
  primaryEmail: string | null;
  secondaryEmail: string | null;
  unit: { id: number } | null;
  item: { id: number; code: string } | null;
};

/** Responsible people by `unitId:itemId`, and by `unitId:itemCode` for rows set on another year's item. */
const loadResponsibilities = async (strapi: Core.Strapi) => {
  const byId = new Map<string, ResponsibilityRow>();
  const byCode = new Map<string, ResponsibilityRow>();
  if (!strapi.contentTypes[RESPONSIBILITY_UID as UID.ContentType]) return { byId, byCode };
  const rows = (await strapi.db.query(RESPONSIBILITY_UID as UID.ContentType).findMany({
    select: ['id', 'primaryEmail', 'secondaryEmail'],
    populate: { unit: { select: ['id'] }, item: { select: ['id', 'code'] } },
    orderBy: [{ id: 'asc' }],
  })) as ResponsibilityRow[];
  for (const r of rows) {
    if (!r.unit || !r.item) continue;
    byId.set(`${r.unit.id}:${r.item.id}`, r);
    if (!byCode.has(`${r.unit.id}:${r.item.code}`)) byCode.set(`${r.unit.id}:${r.item.code}`, r);
  }
  return { byId, byCode };
};

export const buildReport = async (
  strapi: Core.Strapi,
  p: ReportPeriod,
  options: { unitIds?: number[] | null; now?: Date } = {},
): Promise<ReportData> => {
  const data = await loadMatrixData(strapi, {
    fiscalYear: p.fiscalYear,
    unitIds: options.unitIds ?? null,
  });
  const matrix = evaluateMatrix(data, p.asOf, p.current ? {} : { asOf: p.asOf });
  const { units: summaries, overall } = summarize(matrix);
  const responsibilities = await loadResponsibilities(strapi);
  const { from, to } = monthRange(p);

  const unitByCode = new Map(data.units.map((u) => [u.code, u]));
  const itemByCode = new Map<string, Map<string, { id: number; titleTh: string }>>();
  for (const item of data.items) {
    const m = itemByCode.get(item.scheme) ?? new Map();
    m.set(item.code, item);
    itemByCode.set(item.scheme, m);
  }

  const rows: ReportRow[] = [];
  const publishedCount = new Map<string, number>();
  for (const cell of matrix.cells) {
    const unit = unitByCode.get(cell.unit);
    const item = unit ? itemByCode.get(unit.scheme)?.get(cell.item) : undefined;
    if (!unit || !item) continue;
    // Every published document of this unit and item, whether or not it counts for the status.
    const published: PublishedEntry[] = [];
    for (const doc of data.byCell.get(`${unit.id}:${item.id}`)?.values() ?? []) {
      const at = doc.published?.publishedAt;
      if (doc.published && at && at >= from && at < to)
        published.push({ type: doc.published.type, title: doc.published.title, publishedAt: at });
    }
    published.sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    publishedCount.set(unit.code, (publishedCount.get(unit.code) ?? 0) + published.length);
    const resp =
      responsibilities.byId.get(`${unit.id}:${item.id}`) ??
      responsibilities.byCode.get(`${unit.id}:${cell.item}`);
    rows.push({
      unit: unit.code,
      unitName: unit.nameTh,
      item: cell.item,
      title: item.titleTh,
      status: cell.status,
      statusTh: STATUS_LABELS_TH[cell.status],
      dueDate: cell.dueDate,
      dueDateTh: thaiDate(cell.dueDate),
      missingMonthsTh: (cell.missingMonths ?? []).map((m) => THAI_MONTHS_SHORT[m - 1]).join(', '),
      primaryEmail: resp?.primaryEmail ?? null,
      secondaryEmail: resp?.secondaryEmail ?? null,
      publishedThisMonth: published,
    });
  }

  const units: ReportUnit[] = summaries.map((s) => {
    const u = unitByCode.get(s.unit);
    return {
      ...s,
      nameTh: u?.nameTh ?? s.unit,
      nameEn: u?.nameEn ?? null,
      group: u?.group ?? '',
      publishedThisMonth: publishedCount.get(s.unit) ?? 0,
    };
  });
  const participation = await participationFigures(strapi, {
    from: new Date(from),
    to: new Date(to),
    unitIds: data.units.map((u) => u.id),
    now: options.now,
  });
  return {
    version: REPORT_VERSION,
    period: p.period,
    fiscalYear: p.fiscalYear,
    asOf: p.asOf,
    partial: p.current,
    generatedAt: (options.now ?? new Date()).toISOString(),
    overall: {
      ...overall,
      units: units.length,
      publishedThisMonth: units.reduce((n, u) => n + u.publishedThisMonth, 0),
    },
    units,
    rows,
    participation,
  };
};

/** `0.4567` → `45.7%`. */
export const percent = (progress: number): string => `${(progress * 100).toFixed(1)}%`;

/** `audit chain head: #12 9f3c… (2026-04-01T00:00:00.000Z)`, as printed in the PDF, XLSX and CSV. */
export const auditHeadText = (report: Pick<ReportData, 'auditHead'>): string | null => {
  if (report.auditHead === undefined) return null;
  const h = report.auditHead;
  return h
    ? `audit chain head: #${h.seq} ${h.hash} (event id ${h.id} at ${h.at})`
    : 'audit chain head: #0 (no events)';
};

/** "—" when nobody is named. */
export const responsibleText = (r: Pick<ReportRow, 'primaryEmail' | 'secondaryEmail'>): string =>
  r.primaryEmail
    ? r.secondaryEmail
      ? `${r.primaryEmail} / ${r.secondaryEmail}`
      : r.primaryEmail
    : r.secondaryEmail || '—';

export const publishedText = (r: ReportRow): string =>
  r.publishedThisMonth
    .map((e) => `${e.title} (${thaiDate(todayInBangkok(new Date(e.publishedAt)))})`)
    .join('; ');
