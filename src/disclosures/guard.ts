import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { slugFromTitle, withSuffix } from '../common/slug';
import { toArabicDigits } from '../common/thai';
import {
  fiscalYearOf,
  fiscalYearOfDateString,
  parseFiscalYear,
  thaiMonthLabel,
  todayInBangkok,
  MIN_FISCAL_YEAR,
} from '../ita/fiscal-year';
import { suggestChecklistItems } from './suggest';
import { DISCLOSURE_BY_UID, UNIT_UID, type DisclosureType } from './types';
import { hasToManyTargets, readToOne, type RelationRef } from './relations';

type Data = Record<string, unknown>;
type Ctx = Modules.Documents.Middleware.Context;

/** The error an editor sees: Thai first, then English. */
export const bilingual = (th: string, en: string, path?: string) =>
  new errors.ValidationError(
    `${th} / ${en}`,
    path
      ? { errors: [{ path: [path], message: `${th} / ${en}`, name: 'ValidationError' }] }
      : undefined,
  );

/** How far ahead a fiscal year may be given (multi-year plans start in the future). */
export const MAX_YEARS_AHEAD = 5;

const normaliseFiscalYear = (data: Data) => {
  if (!('fiscalYear' in data) || data.fiscalYear === null || data.fiscalYear === undefined) return;
  const year = parseFiscalYear(
    typeof data.fiscalYear === 'string' ? toArabicDigits(data.fiscalYear) : data.fiscalYear,
  );
  const max = fiscalYearOf() + MAX_YEARS_AHEAD;
  if (year === null || year > max) {
    throw bilingual(
      `ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง ${MIN_FISCAL_YEAR} ถึง ${max} (ได้รับ "${String(data.fiscalYear)}")`,
      `fiscalYear must be a Buddhist-Era year from ${MIN_FISCAL_YEAR} to ${max}, got "${String(data.fiscalYear)}"`,
      'fiscalYear',
    );
  }
  data.fiscalYear = year;
};

const unitIdOf = async (strapi: Core.Strapi, ref: RelationRef): Promise<number | null> => {
  const where = ref.documentId ? { documentId: ref.documentId } : { id: ref.id };
  const row = (await strapi.db.query(UNIT_UID).findOne({ where, select: ['id'] })) as {
    id: number;
  } | null;
  return row?.id ?? null;
};

export const uniqueSlug = async (
  strapi: Core.Strapi,
  uid: string,
  base: string,
  ownDocumentId?: string,
): Promise<string> => {
  const taken = (await strapi.db.query(uid).findMany({
    where: { slug: { $startsWith: base } },
    select: ['slug', 'documentId'],
  })) as Array<{ slug: string; documentId: string }>;
  const used = new Set(taken.filter((r) => r.documentId !== ownDocumentId).map((r) => r.slug));
  for (let n = 1; ; n += 1) {
    const candidate = withSuffix(base, n);
    if (!used.has(candidate)) return candidate;
  }
};

const validatePeriod = (data: Data) => {
  const period = data.period as { startDate?: string; endDate?: string } | null | undefined;
  if (period && period.startDate && period.endDate && period.startDate > period.endDate) {
    throw bilingual(
      'วันเริ่มต้นของช่วงเวลาต้องไม่อยู่หลังวันสิ้นสุด',
      'period.startDate must not be after period.endDate',
      'period',
    );
  }
};

const validateProcurementSummary = async (
  strapi: Core.Strapi,
  uid: string,
  data: Data,
  documentId: string | undefined,
  unitRef: RelationRef | null,
) => {
  const month = data.month === undefined ? undefined : Number(toArabicDigits(String(data.month)));
  if (month !== undefined) {
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      throw bilingual('เดือนต้องเป็นตัวเลข 1–12', 'month must be a number from 1 to 12', 'month');
    }
    data.month = month;
  }
  const rows = data.rows;
  if (Array.isArray(rows) && rows.length > 0 && data.isNone === true) {
    throw bilingual(
      'เลือก "ไม่มีการจัดซื้อจัดจ้าง" แล้วต้องไม่มีรายการจัดซื้อจัดจ้าง',
      'A month declared as "no procurement" cannot also have procurement rows',
      'rows',
    );
  }
  if (!documentId) {
    if (month === undefined) throw bilingual('กรุณาระบุเดือน', 'month is required', 'month');
    if (!(Array.isArray(rows) && rows.length > 0) && data.isNone !== true) {
      throw bilingual(
        'ใส่รายการจัดซื้อจัดจ้างอย่างน้อย 1 รายการ หรือเลือก "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้"',
        'Add at least one procurement row, or declare "no procurement this month"',
        'rows',
      );
    }
  }
  if (unitRef && typeof data.fiscalYear === 'number' && month !== undefined) {
    const unitWhere = unitRef.documentId ? { documentId: unitRef.documentId } : { id: unitRef.id };
    const clash = await strapi.db.query(uid).findOne({
      where: {
        fiscalYear: data.fiscalYear,
        month,
        unit: unitWhere,
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      select: ['documentId'],
    });
    if (clash) {
      throw bilingual(
        `หน่วยงานนี้มีสรุปผลการจัดซื้อจัดจ้างของเดือน ${thaiMonthLabel(data.fiscalYear, month)} แล้ว`,
        `This unit already has a procurement summary for month ${month} of fiscal year ${data.fiscalYear}`,
        'month',
      );
    }
  }
  if (!data.title && month !== undefined && typeof data.fiscalYear === 'number') {
    data.title = `สรุปผลการจัดซื้อจัดจ้างประจำเดือน ${thaiMonthLabel(data.fiscalYear, month)}`;
  }
};

const currentUnitOf = async (strapi: Core.Strapi, uid: string, documentId: string) => {
  const row = (await strapi.db.query(uid).findOne({
    where: { documentId },
    populate: { unit: { select: ['id', 'documentId'] } },
    select: ['id', 'fiscalYear', 'month'].filter(
      (f) => f in strapi.contentType(uid as UID.ContentType).attributes,
    ),
  })) as {
    unit?: { id: number; documentId: string } | null;
    fiscalYear?: number;
    month?: number;
  } | null;
  return row;
};

const guardWrite = async (strapi: Core.Strapi, type: DisclosureType, ctx: Ctx) => {
  const params = ctx.params as { data?: Data; documentId?: string };
  const data = params.data;
  if (!data) return;
  const isCreate = ctx.action === 'create' || ctx.action === 'clone';
  const documentId = ctx.action === 'update' ? params.documentId : undefined;

  // Unit: required, must exist, cannot be cleared. `unitRef` mirrors the unit's id in a plain
  // column so that unit-scoped lists filter without a join (src/units; docs/benchmarks.md);
  // it is derived here, never taken from the caller.
  delete data.unitRef;
  const unitChange = readToOne(data.unit);
  let unitRef: RelationRef | null = null;
  if (unitChange.kind === 'cleared' || (ctx.action === 'create' && unitChange.kind === 'absent')) {
    throw bilingual('กรุณาเลือกหน่วยงานเจ้าของข้อมูล', 'unit is required', 'unit');
  }
  if (unitChange.kind === 'set') {
    const id = await unitIdOf(strapi, unitChange.ref);
    if (id === null) {
      throw bilingual('ไม่พบหน่วยงานที่เลือก', 'The selected unit does not exist', 'unit');
    }
    unitRef = { id };
    data.unitRef = id;
  }

  // Fiscal year: Thai digits accepted; range-checked; derived from the date for dated entries.
  normaliseFiscalYear(data);
  const existing = documentId ? await currentUnitOf(strapi, type.uid, documentId) : null;
  if (!unitRef && existing?.unit) unitRef = { documentId: existing.unit.documentId };
  if (type.fiscalYear === 'from-date') {
    if (ctx.action === 'create' && !data.date) data.date = todayInBangkok();
    if (
      (data.fiscalYear === undefined || data.fiscalYear === null) &&
      typeof data.date === 'string'
    ) {
      if (isCreate || existing?.fiscalYear == null)
        data.fiscalYear = fiscalYearOfDateString(data.date);
    }
  }
  if (type.fiscalYear === 'required') {
    const missing =
      ctx.action === 'create'
        ? data.fiscalYear == null
        : 'fiscalYear' in data && data.fiscalYear == null;
    if (missing)
      throw bilingual('กรุณาระบุปีงบประมาณ (พ.ศ.)', 'fiscalYear is required', 'fiscalYear');
  }
  validatePeriod(data);

  if (type.name === 'procurement-summary') {
    if (data.fiscalYear === undefined && existing?.fiscalYear)
      data.fiscalYear = existing.fiscalYear;
    if (data.month === undefined && existing?.month && documentId) {
      // Partial update: check the clash against the stored month.
      await validateProcurementSummary(
        strapi,
        type.uid,
        { ...data, month: existing.month },
        documentId,
        unitRef,
      );
    } else {
      await validateProcurementSummary(strapi, type.uid, data, documentId, unitRef);
    }
  }

  if (data.isNone === true && (typeof data.noneText !== 'string' || data.noneText.trim() === '')) {
    data.noneText = 'ไม่มีข้อมูลในรอบระยะเวลานี้';
  }

  // Slug: generated once from the title (Thai transliterated), unique within the type.
  if (isCreate && (typeof data.slug !== 'string' || data.slug.trim() === '')) {
    if (typeof data.title === 'string' && data.title.trim() !== '') {
      data.slug = await uniqueSlug(strapi, type.uid, slugFromTitle(data.title, type.name));
    }
  } else if (ctx.action === 'update' && data.slug === '' && typeof data.title === 'string') {
    data.slug = await uniqueSlug(
      strapi,
      type.uid,
      slugFromTitle(data.title, type.name),
      documentId,
    );
  }

  // Checklist items: suggested from the type and kind when the editor chose none.
  if (ctx.action === 'create' && !hasToManyTargets(data.checklistItems) && unitRef) {
    const suggested = await suggestChecklistItems(strapi, {
      type: type.name,
      kind: typeof data.kind === 'string' ? data.kind : null,
      unit: unitRef,
      fiscalYear: typeof data.fiscalYear === 'number' ? data.fiscalYear : null,
      month: typeof data.month === 'number' ? data.month : null,
      period: periodOf(data.period),
    });
    if (suggested.length > 0) data.checklistItems = suggested;
  }
};

/** A `shared.period` value of a payload as dates, for suggestions by cadence. */
const periodOf = (raw: unknown): { start: string; end: string } | null => {
  const p = raw as { startDate?: unknown; endDate?: unknown } | null | undefined;
  if (!p || typeof p.startDate !== 'string' || typeof p.endDate !== 'string') return null;
  return { start: p.startDate.slice(0, 10), end: p.endDate.slice(0, 10) };
};

/** Registers the disclosure rules on the Document Service: every caller passes through them. */
export const registerDisclosureGuard = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    const type = DISCLOSURE_BY_UID.get(ctx.uid);
    if (type && (ctx.action === 'create' || ctx.action === 'update' || ctx.action === 'clone')) {
      await guardWrite(strapi, type, ctx);
    }
    return next();
  });
};
