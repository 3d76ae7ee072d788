import { UNIT_GROUP_LABELS } from '../../common/enum-labels';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ExcelJS from 'exceljs';
import { toCsv } from '../../delivery/exports';
import { fiscalYearMonths } from '../../ita/fiscal-year';
import { UNIT_GROUPS } from '../../units/provisioning';
import {
  evaluateCell,
  evaluateMatrix,
  loadMatrixData,
  summarize,
  type MatrixData,
} from '../engine';
import {
  addDays,
  dueDateOf,
  evaluate,
  isDone,
  isoDate,
  monthlyDueDates,
  todayInBangkok,
} from '../rules';

/**
 * The website contest (seed 000): units ranked within their group (faculties, offices,
 * divisions/centres …) by a weighted score of three criteria, each 0–1:
 *
 * - completeness: share of the unit's checklist items that are complete or declared none;
 * - timeliness: over the items already due, the share published by their due date (a monthly
 *   item counts as the share of its due months whose summary was published on time);
 * - freshness: `active_months` — share of the fiscal year's months so far in which the unit
 *   published something for the year's items; or `recency` — 1 for a publication today, falling
 *   linearly to 0 at `days` days since the latest one.
 *
 * Weights and the freshness mode are kept in Strapi's core store and edited by central
 * monitors and administrators.
 */

export const CRITERIA = ['completeness', 'timeliness', 'freshness'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type FreshnessMode = 'active_months' | 'recency';
export type RankingCriteria = {
  weights: Record<Criterion, number>;
  freshness: { mode: FreshnessMode; days: number };
  updatedAt: string | null;
  updatedBy: string | null;
};

export const DEFAULT_CRITERIA: RankingCriteria = {
  weights: { completeness: 0.6, timeliness: 0.3, freshness: 0.1 },
  freshness: { mode: 'active_months', days: 90 },
  updatedAt: null,
  updatedBy: null,
};

export const GROUP_LABELS_TH: Record<string, string> = UNIT_GROUP_LABELS;

const store = (strapi: Core.Strapi) =>
  strapi.store({ type: 'plugin', name: 'prongsai', key: 'ranking-criteria' });

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Weights ≥ 0 with a positive sum, scaled to sum to 1. */
export const normaliseWeights = (raw: unknown): Record<Criterion, number> => {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new errors.ValidationError(
      'ต้องระบุน้ำหนัก (weights) เป็นออบเจกต์ / weights must be an object { completeness, timeliness, freshness }',
    );
  const w = raw as Record<string, unknown>;
  const unknown = Object.keys(w).filter((k) => !(CRITERIA as readonly string[]).includes(k));
  if (unknown.length)
    throw new errors.ValidationError(
      `ไม่รู้จักเกณฑ์ ${unknown.join(', ')} / Unknown criteria: ${unknown.join(', ')} (use ${CRITERIA.join(', ')})`,
    );
  const out = {} as Record<Criterion, number>;
  for (const c of CRITERIA) {
    const v = w[c] ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      throw new errors.ValidationError(
        `น้ำหนัก ${c} ต้องเป็นจำนวนไม่ติดลบ / weight ${c} must be a number ≥ 0`,
      );
    out[c] = v;
  }
  const sum = CRITERIA.reduce((s, c) => s + out[c], 0);
  if (!(sum > 0))
    throw new errors.ValidationError(
      'ผลรวมน้ำหนักต้องมากกว่า 0 / The weights must add up to more than 0',
    );
  for (const c of CRITERIA) out[c] = round(out[c] / sum, 6);
  return out;
};

export const getCriteria = async (strapi: Core.Strapi): Promise<RankingCriteria> => {
  const saved = (await store(strapi).get({})) as Partial<RankingCriteria> | null;
  if (!saved || typeof saved !== 'object') return DEFAULT_CRITERIA;
  return {
    weights: { ...DEFAULT_CRITERIA.weights, ...(saved.weights ?? {}) },
    freshness: { ...DEFAULT_CRITERIA.freshness, ...(saved.freshness ?? {}) },
    updatedAt: saved.updatedAt ?? null,
    updatedBy: saved.updatedBy ?? null,
  };
};

/** Validates and stores new criteria; `freshness` may be left out to keep the current one. */
export const setCriteria = async (
  strapi: Core.Strapi,
  body: unknown,
  by: string | null,
): Promise<RankingCriteria> => {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const weights = normaliseWeights(b.weights);
  const current = await getCriteria(strapi);
  let freshness = current.freshness;
  if (b.freshness !== undefined) {
    const f = (b.freshness && typeof b.freshness === 'object' ? b.freshness : {}) as Record<
      string,
      unknown
    >;
    const mode = f.mode ?? current.freshness.mode;
    const days = f.days ?? current.freshness.days;
    if (mode !== 'active_months' && mode !== 'recency')
      throw new errors.ValidationError(
        'freshness.mode ต้องเป็น active_months หรือ recency / freshness.mode must be active_months or recency',
      );
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)
      throw new errors.ValidationError(
        'freshness.days ต้องเป็นจำนวนเต็ม 1–366 / freshness.days must be an integer from 1 to 366',
      );
    freshness = { mode, days };
  }
  const criteria: RankingCriteria = {
    weights,
    freshness,
    updatedAt: new Date().toISOString(),
    updatedBy: by,
  };
  await store(strapi).set({ value: criteria });
  return criteria;
};

// ---------------------------------------------------------------------------------------------

export type RankingRow = {
  group: string;
  rank: number;
  unit: string;
  nameTh: string;
  score: number;
  completeness: number;
  timeliness: number;
  freshness: number;
};

/** Bangkok calendar date of an instant given as ISO text. */
const bangkokDay = (iso: string) => todayInBangkok(new Date(iso));
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);

/** Per unit id: timeliness and freshness from the loaded links (no further queries). */
const timelinessAndFreshness = (
  data: MatrixData,
  today: string,
  freshness: RankingCriteria['freshness'],
): Map<number, { timeliness: number; freshness: number }> => {
  const fy = data.fiscalYear;
  const months = fiscalYearMonths(fy).map((m) => ({
    ...m,
    first: isoDate(m.year, m.month, 1),
    key: `${m.year}-${String(m.month).padStart(2, '0')}`,
  }));
  const elapsed = Math.max(1, months.filter((m) => m.first <= today).length);
  const monthKeys = new Set(months.filter((m) => m.first <= today).map((m) => m.key));
  const out = new Map<number, { timeliness: number; freshness: number }>();
  for (const unit of data.units) {
    const shares: number[] = [];
    const activeMonths = new Set<string>();
    let latest: string | null = null;
    for (const item of data.itemsByScheme.get(unit.scheme) ?? []) {
      const published = [...(data.byCell.get(`${unit.id}:${item.id}`)?.values() ?? [])]
        .map((d) => d.published)
        .filter((e): e is NonNullable<typeof e> => Boolean(e?.publishedAt));
      for (const e of published) {
        const day = bangkokDay(e.publishedAt as string);
        if (monthKeys.has(day.slice(0, 7))) activeMonths.add(day.slice(0, 7));
        if (!latest || day > latest) latest = day;
      }
      // On time: the one status rule, applied to what was published by the due date.
      if (item.rule.cadence === 'monthly') {
        const due = monthlyDueDates(fy, item.rule.graceDays).filter((m) => m.due < today);
        const onTime = (m: { due: string; month: number }) => {
          const { facts } = evaluateCell(data, unit, item, today, m.due);
          const ev = evaluate(item.rule, fy, facts, addDays(m.due, 1));
          return !(ev.missingMonths ?? []).includes(m.month);
        };
        if (due.length) shares.push(due.filter(onTime).length / due.length);
      } else {
        const due = dueDateOf(item.rule, fy);
        if (due < today)
          shares.push(isDone(evaluateCell(data, unit, item, today, due).evaluation, due) ? 1 : 0);
      }
    }
    const timeliness = shares.length ? shares.reduce((s, v) => s + v, 0) / shares.length : 1;
    const fresh =
      freshness.mode === 'recency'
        ? latest
          ? Math.min(1, Math.max(0, 1 - daysBetween(latest, today) / freshness.days))
          : 0
        : activeMonths.size / elapsed;
    out.set(unit.id, { timeliness, freshness: fresh });
  }
  return out;
};

const groupOrder = (g: string) => {
  const i = (UNIT_GROUPS as readonly string[]).indexOf(g);
  return i < 0 ? UNIT_GROUPS.length : i;
};

/**
 * The ranking of a fiscal year on `today`: one load of the matrix data for every active unit
 * (of one group, when given), then everything in memory. Units whose scheme has no checklist
 * for the year are not ranked (listed in `unranked`). Ties (equal rounded score) share a rank.
 */
export const computeRanking = async (
  strapi: Core.Strapi,
  input: { fiscalYear: number; group?: string | null; today?: string; criteria?: RankingCriteria },
): Promise<{
  rows: RankingRow[];
  unranked: string[];
  criteria: RankingCriteria;
  today: string;
}> => {
  const today = input.today ?? todayInBangkok();
  const criteria = input.criteria ?? (await getCriteria(strapi));
  const data = await loadMatrixData(strapi, { fiscalYear: input.fiscalYear, group: input.group });
  const { units: summaries } = summarize(evaluateMatrix(data, today));
  const summaryOf = new Map(summaries.map((s) => [s.unit, s]));
  const other = timelinessAndFreshness(data, today, criteria.freshness);
  const w = criteria.weights;
  const scored: Array<Omit<RankingRow, 'rank'>> = [];
  const unranked: string[] = [];
  for (const unit of data.units) {
    const s = summaryOf.get(unit.code);
    const t = other.get(unit.id);
    if (!s || !s.total || !t) {
      unranked.push(unit.code);
      continue;
    }
    const completeness = s.progress;
    scored.push({
      group: unit.group,
      unit: unit.code,
      nameTh: unit.nameTh,
      score: round(
        w.completeness * completeness + w.timeliness * t.timeliness + w.freshness * t.freshness,
      ),
      completeness: round(completeness),
      timeliness: round(t.timeliness),
      freshness: round(t.freshness),
    });
  }
  scored.sort(
    (a, b) =>
      groupOrder(a.group) - groupOrder(b.group) ||
      a.group.localeCompare(b.group) ||
      b.score - a.score ||
      a.unit.localeCompare(b.unit),
  );
  const rows: RankingRow[] = [];
  scored.forEach((r, i) => {
    const prev = rows[i - 1];
    const rank =
      prev && prev.group === r.group
        ? prev.score === r.score
          ? prev.rank
          : rows.filter((x) => x.group === r.group).length + 1
        : 1;
    rows.push({
      group: r.group,
      rank,
      unit: r.unit,
      nameTh: r.nameTh,
      score: r.score,
      completeness: r.completeness,
      timeliness: r.timeliness,
      freshness: r.freshness,
    });
  });
  return { rows, unranked, criteria, today };
};

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

const HEADERS_TH = [
  'กลุ่มหน่วยงาน',
  'อันดับ',
  'รหัสหน่วยงาน',
  'ชื่อหน่วยงาน',
  'คะแนนรวม',
  'ความครบถ้วน',
  'ความตรงเวลา',
  'ความสม่ำเสมอ',
];
const groupLabel = (g: string) => GROUP_LABELS_TH[g] ?? g;

export const rankingCsv = (rows: RankingRow[]): string =>
  toCsv(
    HEADERS_TH,
    rows.map((r) => [
      groupLabel(r.group),
      r.rank,
      r.unit,
      r.nameTh,
      r.score.toFixed(4),
      r.completeness.toFixed(4),
      r.timeliness.toFixed(4),
      r.freshness.toFixed(4),
    ]),
  );

/** One sheet per group, Thai headers, criteria as percentages; a last sheet with the weights. */
export const rankingXlsx = async (
  rows: RankingRow[],
  meta: { fiscalYear: number; today: string; criteria: RankingCriteria },
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prongsai';
  const groups = [...new Set(rows.map((r) => r.group))];
  for (const group of groups) {
    const sheet = wb.addWorksheet(
      groupLabel(group)
        .replace(/[[\]*?:/\\]/g, '-')
        .slice(0, 31),
    );
    sheet.columns = [
      { header: HEADERS_TH[1], key: 'rank', width: 8 },
      { header: HEADERS_TH[2], key: 'unit', width: 14 },
      { header: HEADERS_TH[3], key: 'nameTh', width: 40 },
      { header: HEADERS_TH[4], key: 'score', width: 12, style: { numFmt: '0.00%' } },
      { header: HEADERS_TH[5], key: 'completeness', width: 14, style: { numFmt: '0.0%' } },
      { header: HEADERS_TH[6], key: 'timeliness', width: 14, style: { numFmt: '0.0%' } },
      { header: HEADERS_TH[7], key: 'freshness', width: 14, style: { numFmt: '0.0%' } },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const r of rows.filter((x) => x.group === group)) sheet.addRow(r);
  }
  const info = wb.addWorksheet('เกณฑ์');
  info.addRows([
    ['ปีงบประมาณ', meta.fiscalYear],
    ['ข้อมูล ณ วันที่', meta.today],
    ['น้ำหนัก ความครบถ้วน', meta.criteria.weights.completeness],
    ['น้ำหนัก ความตรงเวลา', meta.criteria.weights.timeliness],
    ['น้ำหนัก ความสม่ำเสมอ', meta.criteria.weights.freshness],
    [
      'วิธีวัดความสม่ำเสมอ',
      meta.criteria.freshness.mode === 'recency'
        ? `ความใหม่ของการเผยแพร่ล่าสุด (${meta.criteria.freshness.days} วัน)`
        : 'สัดส่วนเดือนที่มีการเผยแพร่',
    ],
  ]);
  info.getColumn(1).width = 28;
  return Buffer.from(await wb.xlsx.writeBuffer());
};
