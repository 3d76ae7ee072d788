import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { toArabicDigits } from '../common/thai';
import { bilingual, MAX_YEARS_AHEAD } from '../disclosures/guard';
import { UNIT_UID } from '../disclosures/types';
import { checklistsFor, ITEM_UID } from '../ita/checklists';
import { fiscalYearOf, MIN_FISCAL_YEAR, parseFiscalYear } from '../ita/fiscal-year';

/**
 * A unit's ITA scores per indicator and fiscal year (seed 003: "ร้อยละ 53.62"). One row per
 * (unit, fiscalYear, indicatorCode); every write — the Content Manager, the import, scripts —
 * goes through the Document Service middleware below.
 */

export const ITA_SCORE_UID = 'api::ita-score.ita-score';
const SCORE = ITA_SCORE_UID as UID.ContentType;

export const DEFAULT_SCORE_TARGET = 85;
const CODE = /^[0-9A-Za-z.]{1,20}$/;

/** The target below which an indicator is proposed as an issue: INTEGRITY_SCORE_TARGET (read per call), default 85. */
export const scoreTarget = (): number => {
  const raw = process.env.INTEGRITY_SCORE_TARGET;
  const n = raw === undefined || raw.trim() === '' ? NaN : Number(toArabicDigits(raw.trim()));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : DEFAULT_SCORE_TARGET;
};

/** The highest fiscal year accepted (a few years ahead of the current one). */
export const maxScoreYear = () => fiscalYearOf() + MAX_YEARS_AHEAD;

/** A fiscal year (number or text, Thai digits accepted) in range, or null. */
export const parseScoreYear = (raw: unknown): number | null => {
  const year = parseFiscalYear(typeof raw === 'string' ? toArabicDigits(raw.trim()) : raw);
  return year !== null && year <= maxScoreYear() ? year : null;
};

/** "53.62", 53.62, "ร้อยละ 53.62", "๕๓.๖๒", "53.62%" → 53.62; null when not a number 0–100. */
export const parseScore = (raw: unknown): number | null => {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 && raw <= 100 ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = toArabicDigits(raw)
    .replace(/ร้อยละ|คะแนน|%/g, '')
    .replace(/\s+/g, '');
  if (!/^\d{1,3}(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return n >= 0 && n <= 100 ? n : null;
};

/** An indicator code, trimmed ("9.1", "IIT", "O1"; Thai digits accepted), or null. */
export const parseIndicatorCode = (raw: unknown): string | null => {
  if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
  if (typeof raw !== 'string') return null;
  const code = toArabicDigits(raw.trim());
  return CODE.test(code) ? code : null;
};

const invalidYear = (raw: unknown) =>
  bilingual(
    `ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง ${MIN_FISCAL_YEAR} ถึง ${maxScoreYear()} (ได้รับ "${String(raw)}")`,
    `fiscalYear must be a Buddhist-Era year from ${MIN_FISCAL_YEAR} to ${maxScoreYear()}, got "${String(raw)}"`,
    'fiscalYear',
  );
const invalidCode = (raw: unknown) =>
  bilingual(
    `รหัสตัวชี้วัดต้องเป็นตัวเลข ตัวอักษรอังกฤษ หรือจุด ไม่เกิน 20 ตัวอักษร (ได้รับ "${String(raw ?? '')}")`,
    `indicatorCode must be 1–20 letters, digits or dots, got "${String(raw ?? '')}"`,
    'indicatorCode',
  );
const invalidScore = (raw: unknown) =>
  bilingual(
    `คะแนนต้องเป็นตัวเลข 0–100 (ได้รับ "${String(raw ?? '')}")`,
    `score must be a number from 0 to 100, got "${String(raw ?? '')}"`,
    'score',
  );

/**
 * Indicator names of a year's checklist by code, for the unit's scheme: indicator codes
 * ("9/10"), sub-indicator codes and item codes ("O1").
 */
export const indicatorNames = async (
  strapi: Core.Strapi,
  fiscalYear: number,
  scheme: string,
): Promise<Map<string, string>> => {
  const list = (await checklistsFor(strapi, fiscalYear, [scheme])).get(scheme);
  const names = new Map<string, string>();
  if (!list) return names;
  const items = (await strapi.db.query(ITEM_UID).findMany({
    where: { checklist: { id: list.id } },
    select: [
      'code',
      'titleTh',
      'indicatorCode',
      'indicatorTitleTh',
      'subindicatorCode',
      'subindicatorTitleTh',
    ],
  })) as Array<Record<string, string | null>>;
  for (const it of items) {
    if (it.indicatorCode && it.indicatorTitleTh)
      names.set(it.indicatorCode.toUpperCase(), it.indicatorTitleTh);
    if (it.subindicatorCode && it.subindicatorTitleTh)
      names.set(it.subindicatorCode.toUpperCase(), it.subindicatorTitleTh);
  }
  for (const it of items) if (it.code && it.titleTh) names.set(it.code.toUpperCase(), it.titleTh);
  return names;
};

type StoredScore = {
  id: number;
  fiscalYear: number;
  indicatorCode: string;
  indicatorName: string | null;
  unit: { id: number; code: string; scheme: string } | null;
};

/** Normalises the request's fields; a field that cannot be normalised is a 400 naming it. */
const normalise = (data: Record<string, unknown>, isCreate: boolean) => {
  if (isCreate || 'fiscalYear' in data) {
    const year = parseScoreYear(data.fiscalYear);
    if (year === null) {
      if (data.fiscalYear === undefined || data.fiscalYear === null || data.fiscalYear === '')
        throw bilingual('กรุณาระบุปีงบประมาณ (พ.ศ.)', 'fiscalYear is required', 'fiscalYear');
      throw invalidYear(data.fiscalYear);
    }
    data.fiscalYear = year;
  }
  if (isCreate || 'indicatorCode' in data) {
    const code = parseIndicatorCode(data.indicatorCode);
    if (code === null) throw invalidCode(data.indicatorCode);
    data.indicatorCode = code;
  }
  if (isCreate || 'score' in data) {
    const score = parseScore(data.score);
    if (score === null) throw invalidScore(data.score);
    data.score = score;
  }
  if (typeof data.indicatorName === 'string')
    data.indicatorName = data.indicatorName.trim() || null;
};

/**
 * Checks every create, update and clone of a score: fields normalised before the write, then the
 * stored row checked for a duplicate (unit, year, indicator) inside the same transaction (any
 * relation shape, any caller). A missing indicator name is taken from that year's checklist.
 */
export const registerScoreRules = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (
      (ctx.uid as string) !== ITA_SCORE_UID ||
      !['create', 'update', 'clone'].includes(ctx.action)
    )
      return next();
    const params = ctx.params as { data?: Record<string, unknown> };
    if (ctx.action === 'create') params.data ??= {};
    if (params.data) normalise(params.data, ctx.action === 'create');
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const rows = (await strapi.db.query(SCORE).findMany({
        where: { documentId },
        select: ['id', 'fiscalYear', 'indicatorCode', 'indicatorName'],
        populate: { unit: { select: ['id', 'code', 'scheme'] } },
      })) as StoredScore[];
      for (const row of rows) {
        if (!row.unit) throw bilingual('กรุณาเลือกหน่วยงาน', 'unit is required', 'unit');
        const same = await strapi.db.query(SCORE).count({
          where: {
            id: { $ne: row.id },
            unit: { id: row.unit.id },
            fiscalYear: row.fiscalYear,
            indicatorCode: { $eqi: row.indicatorCode },
          },
        });
        if (same)
          throw bilingual(
            `หน่วยงาน ${row.unit.code} มีคะแนนตัวชี้วัด ${row.indicatorCode} ปีงบประมาณ ${row.fiscalYear} อยู่แล้ว`,
            `Unit ${row.unit.code} already has a score for indicator ${row.indicatorCode} in fiscal year ${row.fiscalYear}`,
            'indicatorCode',
          );
        if (!row.indicatorName) {
          const name = (await indicatorNames(strapi, row.fiscalYear, row.unit.scheme)).get(
            row.indicatorCode.toUpperCase(),
          );
          if (name)
            await strapi.db
              .query(SCORE)
              .update({ where: { id: row.id }, data: { indicatorName: name.slice(0, 300) } });
        }
      }
      return result;
    });
  });
};

// ---------------------------------------------------------------------------------------------
// The scores of a unit beside previous years, and the proposals
// ---------------------------------------------------------------------------------------------

export type ScoreUnit = { id: number; documentId: string; code: string; nameTh: string };

export type ScoresView = {
  unit: { code: string; nameTh: string };
  fiscalYear: number;
  target: number;
  years: number[];
  indicators: Array<{
    code: string;
    name: string | null;
    scores: Record<string, number>;
    belowTarget: boolean;
  }>;
  proposals: Array<{ code: string; name: string | null; score: number }>;
};

/** Natural order of indicator codes: "1" < "2" < "9" < "9.1" < "10" < "IIT". */
export const compareCodes = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/** Years Y−2..Y of a unit, one query; proposals = year Y's indicators below target, lowest first. */
export const scoresOf = async (
  strapi: Core.Strapi,
  unit: ScoreUnit,
  fiscalYear: number,
): Promise<ScoresView> => {
  const years = [fiscalYear - 2, fiscalYear - 1, fiscalYear];
  const target = scoreTarget();
  const rows = (await strapi.db.query(SCORE).findMany({
    where: { unitRef: unit.id, fiscalYear: { $in: years } },
    select: ['fiscalYear', 'indicatorCode', 'indicatorName', 'score'],
  })) as Array<{
    fiscalYear: number;
    indicatorCode: string;
    indicatorName: string | null;
    score: number | string;
  }>;
  const byCode = new Map<string, ScoresView['indicators'][number] & { nameYear: number }>();
  for (const r of rows) {
    const key = r.indicatorCode.toUpperCase();
    let ind = byCode.get(key);
    if (!ind) {
      ind = { code: r.indicatorCode, name: null, scores: {}, belowTarget: false, nameYear: 0 };
      byCode.set(key, ind);
    }
    ind.scores[String(r.fiscalYear)] = Number(r.score);
    // The name of the latest year that has one.
    if (r.indicatorName && Number(r.fiscalYear) >= ind.nameYear) {
      ind.name = r.indicatorName;
      ind.nameYear = Number(r.fiscalYear);
      ind.code = r.indicatorCode;
    }
  }
  const indicators = [...byCode.values()]
    .map(({ nameYear: _n, ...ind }) => {
      const score = ind.scores[String(fiscalYear)];
      return { ...ind, belowTarget: score !== undefined && score < target };
    })
    .sort((a, b) => compareCodes(a.code, b.code));
  const proposals = indicators
    .filter((i) => i.belowTarget)
    .map((i) => ({ code: i.code, name: i.name, score: i.scores[String(fiscalYear)] }))
    .sort((a, b) => a.score - b.score || compareCodes(a.code, b.code));
  return {
    unit: { code: unit.code, nameTh: unit.nameTh },
    fiscalYear,
    target,
    years,
    indicators,
    proposals,
  };
};

// ---------------------------------------------------------------------------------------------
// Import (CLI): validate every row first, then upsert in one transaction
// ---------------------------------------------------------------------------------------------

export type ScoreRow = {
  row: number;
  unit: string;
  fiscalYear: number;
  indicatorCode: string;
  indicatorName: string | null;
  score: number;
};

export type RowProblem = { row: number; column: string; th: string; en: string };

export const formatProblem = (p: RowProblem) =>
  `แถว ${p.row} คอลัมน์ ${p.column}: ${p.th} / row ${p.row} column ${p.column}: ${p.en}`;

const HEADERS: Record<'unit' | 'fiscalYear' | 'indicator' | 'score' | 'name', string[]> = {
  unit: ['unit', 'unitcode', 'รหัสหน่วยงาน', 'หน่วยงาน'],
  fiscalYear: ['fiscalyear', 'year', 'ปีงบประมาณ', 'ปี'],
  indicator: ['indicator', 'indicatorcode', 'code', 'ตัวชี้วัด', 'รหัสตัวชี้วัด'],
  score: ['score', 'คะแนน', 'ผลคะแนน'],
  name: ['name', 'indicatorname', 'ชื่อตัวชี้วัด'],
};

const headerKey = (h: unknown) =>
  String(h ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

/**
 * Reads a table (first row = headers) into rows; every problem is reported with its row (the
 * spreadsheet's row number, the header being row 1) and column (the header as written).
 */
export const parseScoreTable = (
  table: unknown[][],
): { rows: ScoreRow[]; problems: RowProblem[]; unitRefs: UnitRef[] } => {
  const problems: RowProblem[] = [];
  const rows: ScoreRow[] = [];
  // Every well-formed unit code with its row, rows with other problems too: the units are looked
  // up in the same run, so one run names every problem of the file.
  const unitRefs: UnitRef[] = [];
  const header = (table[0] ?? []).map(headerKey);
  const written = (table[0] ?? []).map((h) => String(h ?? '').trim());
  const col = {} as Record<keyof typeof HEADERS, number>;
  for (const key of Object.keys(HEADERS) as Array<keyof typeof HEADERS>)
    col[key] = header.findIndex((h) => HEADERS[key].includes(h));
  const names: Record<string, string> = {
    unit: 'รหัสหน่วยงาน (unit)',
    fiscalYear: 'ปีงบประมาณ (fiscalYear)',
    indicator: 'ตัวชี้วัด (indicator)',
    score: 'คะแนน (score)',
  };
  const missing = (['unit', 'fiscalYear', 'indicator', 'score'] as const).filter((k) => col[k] < 0);
  if (missing.length) {
    for (const k of missing)
      problems.push({
        row: 1,
        column: names[k],
        th: 'ไม่พบหัวคอลัมน์นี้ในแถวแรก',
        en: 'this column header is missing from the first row',
      });
    return { rows, problems, unitRefs };
  }
  const label = (k: keyof typeof HEADERS) => written[col[k]] || names[k];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const rowNo = i + 2;
    const cell = (k: keyof typeof HEADERS) => (col[k] >= 0 ? cells[col[k]] : undefined);
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
    if (cells.every((c) => text(c) === '')) return; // blank line
    const add = (k: keyof typeof HEADERS, th: string, en: string) =>
      problems.push({ row: rowNo, column: label(k), th, en });
    const unit = text(cell('unit')).toUpperCase();
    if (!/^[A-Z0-9_-]{1,20}$/.test(unit))
      add('unit', `รหัสหน่วยงานไม่ถูกต้อง "${unit}"`, `"${unit}" is not a valid unit code`);
    else unitRefs.push({ row: rowNo, unit, column: label('unit') });
    const rawYear = cell('fiscalYear');
    const fiscalYear = parseScoreYear(typeof rawYear === 'number' ? rawYear : text(rawYear));
    if (fiscalYear === null)
      add(
        'fiscalYear',
        `ปีงบประมาณต้องเป็นปี พ.ศ. ${MIN_FISCAL_YEAR}–${maxScoreYear()} (ได้รับ "${text(rawYear)}")`,
        `fiscal year must be a Buddhist-Era year ${MIN_FISCAL_YEAR}–${maxScoreYear()}, got "${text(rawYear)}"`,
      );
    const rawCode = cell('indicator');
    const indicatorCode = parseIndicatorCode(typeof rawCode === 'number' ? rawCode : text(rawCode));
    if (indicatorCode === null)
      add(
        'indicator',
        `รหัสตัวชี้วัดไม่ถูกต้อง "${text(rawCode)}" (ตัวเลข ตัวอักษรอังกฤษ หรือจุด ไม่เกิน 20 ตัว)`,
        `indicator code "${text(rawCode)}" must be 1–20 letters, digits or dots`,
      );
    const rawScore = cell('score');
    const score = parseScore(typeof rawScore === 'number' ? rawScore : text(rawScore));
    if (score === null)
      add(
        'score',
        `คะแนนต้องเป็นตัวเลข 0–100 (ได้รับ "${text(rawScore)}")`,
        `score must be a number from 0 to 100, got "${text(rawScore)}"`,
      );
    const name = text(cell('name'));
    if (name.length > 300)
      add(
        'name',
        'ชื่อตัวชี้วัดยาวเกิน 300 ตัวอักษร',
        'indicator name is longer than 300 characters',
      );
    if (fiscalYear !== null && indicatorCode !== null && unit) {
      const key = `${unit}|${fiscalYear}|${indicatorCode.toUpperCase()}`;
      const first = seen.get(key);
      if (first !== undefined)
        add(
          'indicator',
          `ซ้ำกับแถว ${first} (หน่วยงาน ${unit} ปี ${fiscalYear} ตัวชี้วัด ${indicatorCode})`,
          `duplicates row ${first} (unit ${unit}, year ${fiscalYear}, indicator ${indicatorCode})`,
        );
      else seen.set(key, rowNo);
    }
    if (fiscalYear !== null && indicatorCode !== null && score !== null)
      rows.push({
        row: rowNo,
        unit,
        fiscalYear,
        indicatorCode,
        indicatorName: name || null,
        score,
      });
  });
  if (!problems.length && !rows.length)
    problems.push({
      row: 2,
      column: names.unit,
      th: 'ไม่มีข้อมูลคะแนนในไฟล์',
      en: 'the file has no score rows',
    });
  return { rows, problems, unitRefs };
};

export type ImportSummary = {
  byUnit: Array<{ unit: string; created: number; updated: number }>;
  created: number;
  updated: number;
};

export type UnitRef = { row: number; unit: string; column: string };

const notIn = (known: Set<string>, refs: UnitRef[]): RowProblem[] =>
  refs
    .filter((r) => !known.has(r.unit))
    .map((r) => ({
      row: r.row,
      column: r.column,
      th: `ไม่พบหน่วยงานรหัส ${r.unit}`,
      en: `unit ${r.unit} does not exist`,
    }));

/** The rows naming a unit that does not exist (one query). */
export const unknownUnits = async (strapi: Core.Strapi, refs: UnitRef[]): Promise<RowProblem[]> => {
  if (!refs.length) return [];
  const found = (await strapi.db.query(UNIT_UID).findMany({
    where: { code: { $in: [...new Set(refs.map((r) => r.unit))] } },
    select: ['code'],
  })) as Array<{ code: string }>;
  return notIn(new Set(found.map((u) => u.code.toUpperCase())), refs);
};

/** Checks the units (one query) and the rows; null problems → upserts everything in one transaction. */
export const importScores = async (
  strapi: Core.Strapi,
  rows: ScoreRow[],
): Promise<{ problems: RowProblem[]; summary: ImportSummary | null }> => {
  const codes = [...new Set(rows.map((r) => r.unit))];
  const units = (await strapi.db.query(UNIT_UID).findMany({
    where: { code: { $in: codes } },
    select: ['id', 'documentId', 'code'],
  })) as Array<{ id: number; documentId: string; code: string }>;
  const byCode = new Map(units.map((u) => [u.code.toUpperCase(), u]));
  const problems = notIn(
    new Set(byCode.keys()),
    rows.map((r) => ({ row: r.row, unit: r.unit, column: 'รหัสหน่วยงาน (unit)' })),
  );
  if (problems.length) return { problems, summary: null };

  const existing = (await strapi.db.query(SCORE).findMany({
    where: {
      unitRef: { $in: units.map((u) => u.id) },
      fiscalYear: { $in: [...new Set(rows.map((r) => r.fiscalYear))] },
    },
    select: ['documentId', 'fiscalYear', 'indicatorCode', 'unitRef'],
  })) as Array<{ documentId: string; fiscalYear: number; indicatorCode: string; unitRef: number }>;
  const key = (unitId: number, year: number, code: string) =>
    `${unitId}|${year}|${code.toUpperCase()}`;
  const byKey = new Map(
    existing.map((e) => [key(e.unitRef, Number(e.fiscalYear), e.indicatorCode), e.documentId]),
  );
  const counts = new Map<string, { created: number; updated: number }>();
  await strapi.db.transaction(async () => {
    for (const r of rows) {
      const unit = byCode.get(r.unit) as { id: number; documentId: string; code: string };
      const c = counts.get(unit.code) ?? { created: 0, updated: 0 };
      counts.set(unit.code, c);
      const documentId = byKey.get(key(unit.id, r.fiscalYear, r.indicatorCode));
      const data: Record<string, unknown> = {
        fiscalYear: r.fiscalYear,
        indicatorCode: r.indicatorCode,
        score: r.score,
        ...(r.indicatorName ? { indicatorName: r.indicatorName } : {}),
      };
      if (documentId) {
        await strapi.documents(SCORE).update({ documentId, data: data as never });
        c.updated += 1;
      } else {
        await strapi.documents(SCORE).create({ data: { ...data, unit: unit.documentId } as never });
        c.created += 1;
      }
    }
  });
  const byUnit = [...counts.entries()]
    .map(([unit, c]) => ({ unit, ...c }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
  return {
    problems: [],
    summary: {
      byUnit,
      created: byUnit.reduce((n, u) => n + u.created, 0),
      updated: byUnit.reduce((n, u) => n + u.updated, 0),
    },
  };
};

export const notFoundUnit = (code: string) =>
  new errors.NotFoundError(`ไม่พบหน่วยงาน ${code} / Unit ${code} does not exist`);
