import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ExcelJS from 'exceljs';
import { toCsv } from '../common/csv';
import { fiscalYearParam, handle, unitCodesParam } from '../compliance/http';
import { thaiDate, thaiMonthOfPeriod } from '../compliance/report/period';
import { todayInBangkok } from '../ita/fiscal-year';
import { ceMonthOf } from './months';
import { unitFolderOf } from '../units/media';
import { readableUnits, scopeOfAdmin, writableUnits, editableUnits } from '../units/scope';
import { loadPlan, progressSummary, type UnitSummary } from './plan';
import { findPlanForProgress, planUnitId, readProgressInput, upsertProgress } from './progress';
import { PROGRESS_STATUS_LABELS, WORKFLOW_STATE_LABELS } from '../common/enum-labels';

/**
 * Admin routes of the plan and its progress (docs/integrity-measures.md, "Plan and progress"):
 * GET /integrity/plan, POST /integrity/progress, GET /integrity/progress[?format=xlsx|csv].
 * Admin JWT; a caller reads the units they belong to (central monitors and administrators every
 * unit) and writes progress in the units they edit.
 */

type AdminUser = { id: number; email?: string; roles?: Array<{ code?: string }> };
type AdminCtx = Context & {
  state: { user?: AdminUser };
  request: Context['request'] & { body?: unknown };
};
type UnitRow = { id: number; code: string; nameTh: string };

const policies = ['admin::isAuthenticatedAdmin'];

/** `?asOf=YYYY-MM-DD` (the day overdue and missing are judged on; today in Bangkok by default). */
export const asOfParam = (raw: unknown): string => {
  if (raw === undefined || raw === '') return todayInBangkok();
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || isNaN(Date.parse(raw)))
    throw new errors.ValidationError(
      'วันที่ (asOf) ต้องอยู่ในรูปแบบ YYYY-MM-DD (ค.ศ.) / asOf must be a date YYYY-MM-DD',
    );
  return raw;
};

const callerScope = async (strapi: Core.Strapi, user: AdminUser | undefined) => {
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  const scope = await scopeOfAdmin(strapi, user);
  const all = scope.unrestricted || scope.readAll;
  return {
    scope,
    canRead: (id: number) => all || readableUnits(scope).includes(id),
    canWrite: (id: number) =>
      scope.unrestricted || writableUnits(scope).includes(id) || editableUnits(scope).includes(id),
    readIds: all ? null : readableUnits(scope),
  };
};

const notYours = () =>
  new errors.ForbiddenError('หน่วยงานนี้ไม่อยู่ในขอบเขตของท่าน / This unit is outside your scope');

const unitsByCode = async (strapi: Core.Strapi, codes: string[]) =>
  (await strapi.db.query('api::unit.unit').findMany({
    where: { code: { $in: codes } },
    select: ['id', 'code', 'nameTh'],
  })) as UnitRow[];

/** The one unit of `?unit=CODE` (or the caller's only unit); 400/403/404. */
const oneUnit = async (
  strapi: Core.Strapi,
  raw: unknown,
  access: Awaited<ReturnType<typeof callerScope>>,
): Promise<UnitRow> => {
  const codes = unitCodesParam(raw);
  if (!codes) {
    if (access.readIds && access.readIds.length === 1) {
      const row = (await strapi.db.query('api::unit.unit').findOne({
        where: { id: access.readIds[0] },
        select: ['id', 'code', 'nameTh'],
      })) as UnitRow | null;
      if (row) return row;
    }
    throw new errors.ValidationError('ระบุหน่วยงาน (unit) / unit is required');
  }
  if (codes.length !== 1)
    throw new errors.ValidationError('ระบุหน่วยงานหนึ่งหน่วย (unit) / unit must be one unit code');
  const [row] = await unitsByCode(strapi, codes);
  if (!row) throw new errors.NotFoundError(`ไม่พบหน่วยงาน ${codes[0]} / No unit ${codes[0]}`);
  if (!access.canRead(row.id)) throw notYours();
  return row;
};

// One label source (src/common/enum-labels.ts): the export says what the panel and PDFs say.
const STATUS_TH = PROGRESS_STATUS_LABELS as Record<
  'not_started' | 'in_progress' | 'done' | 'cancelled',
  string
>;
const STATE_TH: Record<string, string> = WORKFLOW_STATE_LABELS;

const HEADERS = [
  'รหัสหน่วยงาน',
  'หน่วยงาน',
  'สถานะแผน',
  'ลำดับ',
  'ประเด็น',
  'มาตรการ/แนวทาง',
  'จำนวนขั้นตอน',
  STATUS_TH.not_started,
  STATUS_TH.in_progress,
  STATUS_TH.done,
  STATUS_TH.cancelled,
  'ร้อยละความสำเร็จ',
  'ขั้นตอนที่เลยกำหนด',
  'รายงานที่ยังไม่ส่ง',
];

/** The roll-up as rows: one per measure, then one total row per unit (Thai headers). */
export const rollupRows = (data: UnitSummary[]): unknown[][] =>
  data.flatMap((u) => {
    const state = u.plan ? (STATE_TH[u.plan.workflowState] ?? u.plan.workflowState) : 'ยังไม่มีแผน';
    const head = [u.unit.code, u.unit.nameTh, state];
    return [
      ...u.measures.map((m) => [
        ...head,
        m.index + 1,
        m.issue,
        m.measure,
        m.steps,
        m.byStatus.not_started,
        m.byStatus.in_progress,
        m.byStatus.done,
        m.byStatus.cancelled,
        m.percent,
        m.overdue,
        '',
      ]),
      [
        ...head,
        'รวม',
        `${u.totals.measures} มาตรการ`,
        '',
        u.totals.steps,
        u.totals.byStatus.not_started,
        u.totals.byStatus.in_progress,
        u.totals.byStatus.done,
        u.totals.byStatus.cancelled,
        u.totals.percent,
        u.totals.overdue,
        u.totals.missing,
      ],
    ];
  });

export const rollupCsv = (data: UnitSummary[]) => toCsv(HEADERS, rollupRows(data));

/** One sheet per unit (the province roll-up of seed 004: one table per unit). */
export const rollupXlsx = async (
  data: UnitSummary[],
  meta: { fiscalYear: number; asOf: string },
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prongsai';
  const used = new Set<string>();
  for (const u of data) {
    let name = u.unit.code.replace(/[[\]*?:/\\]/g, '-').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)}-${used.size}`;
    used.add(name);
    const sheet = wb.addWorksheet(name);
    sheet.addRow([`ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ${u.unit.nameTh}`]);
    sheet.addRow([`ปีงบประมาณ พ.ศ. ${meta.fiscalYear} ข้อมูล ณ วันที่ ${thaiDate(meta.asOf)}`]);
    const header = sheet.addRow(HEADERS.slice(3));
    header.font = { bold: true };
    for (const r of rollupRows([u])) sheet.addRow(r.slice(3));
    // Per cent done over time: at the end of each reporting period begun (totals.overTime).
    if (u.totals.overTime.length) {
      sheet.addRow([]);
      sheet.addRow(['ความสำเร็จตามรอบรายงาน']).font = { bold: true };
      sheet.addRow(['รอบรายงาน', 'ร้อยละความสำเร็จ']).font = { bold: true };
      for (const t of u.totals.overTime)
        sheet.addRow([
          `สิ้นเดือน${thaiMonthOfPeriod(ceMonthOf(meta.fiscalYear, t.period))}`,
          t.percent,
        ]);
    }
    sheet.getColumn(2).width = 40;
    sheet.getColumn(3).width = 50;
    sheet.getRow(1).font = { bold: true };
  }
  if (!data.length) wb.addWorksheet('ไม่มีข้อมูล');
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export const integrityPlanRoutes = (strapi: Core.Strapi) => [
  {
    method: 'GET',
    path: '/plan',
    handler: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const access = await callerScope(strapi, c.state.user);
      const fiscalYear = fiscalYearParam(c.query.fiscalYear);
      const asOf = asOfParam(c.query.asOf);
      const unit = await oneUnit(strapi, c.query.unit, access);
      const data = await loadPlan(strapi, unit, fiscalYear, { asOf });
      // Where the panel uploads progress evidence: the unit's Media Library folder, for those
      // who may write the unit's files (uploads elsewhere are refused, src/units/media.ts).
      const uploads = access.scope.unrestricted || writableUnits(access.scope).includes(unit.id);
      const mediaFolder = data.plan && uploads ? await unitFolderOf(strapi, unit.id) : null;
      c.body = { data, meta: { asOf, mediaFolder } };
    }),
    config: { policies },
  },
  {
    method: 'GET',
    path: '/progress',
    handler: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const access = await callerScope(strapi, c.state.user);
      const fiscalYear = fiscalYearParam(c.query.fiscalYear);
      const asOf = asOfParam(c.query.asOf);
      const format = c.query.format;
      if (format !== undefined && format !== '' && format !== 'xlsx' && format !== 'csv')
        throw new errors.ValidationError(
          'รูปแบบไฟล์ (format) ต้องเป็น xlsx หรือ csv / format must be xlsx or csv',
        );
      const codes = unitCodesParam(c.query.unit);
      let ids: number[];
      if (codes) {
        const rows = await unitsByCode(strapi, codes);
        const missing = codes.find((code) => !rows.some((r) => r.code === code));
        if (missing)
          throw new errors.NotFoundError(`ไม่พบหน่วยงาน ${missing} / No unit ${missing}`);
        if (rows.some((r) => !access.canRead(r.id))) throw notYours();
        ids = rows.map((r) => r.id);
      } else if (access.readIds) {
        if (!access.readIds.length)
          throw new errors.ForbiddenError(
            'ท่านยังไม่ได้เป็นสมาชิกของหน่วยงานใด / You are not a member of any unit',
          );
        ids = access.readIds;
      } else {
        ids = (
          (await strapi.db.query('api::unit.unit').findMany({ select: ['id'] })) as Array<{
            id: number;
          }>
        ).map((u) => u.id);
      }
      const data = await progressSummary(strapi, ids, fiscalYear, asOf);
      if (format === 'csv' || format === 'xlsx') {
        c.set(
          'Content-Disposition',
          `attachment; filename="integrity-progress-${fiscalYear}.${format}"`,
        );
        if (format === 'csv') {
          c.type = 'text/csv; charset=utf-8';
          c.body = rollupCsv(data);
        } else {
          c.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
          c.body = await rollupXlsx(data, { fiscalYear, asOf });
        }
        return;
      }
      c.body = { data, meta: { fiscalYear, asOf } };
    }),
    config: { policies },
  },
  {
    method: 'POST',
    path: '/progress',
    handler: handle(async (ctx) => {
      const c = ctx as AdminCtx;
      const access = await callerScope(strapi, c.state.user);
      const input = readProgressInput(c.request.body);
      const plan = await findPlanForProgress(strapi, input.plan);
      if (!plan || plan.kind !== 'integrity_measures')
        throw new errors.NotFoundError(
          `ไม่พบแผนมาตรการ ${input.plan} / No integrity measures plan ${input.plan}`,
        );
      const unitId = planUnitId(plan);
      if (unitId === null || !access.canRead(unitId)) throw notYours();
      if (!access.canWrite(unitId))
        throw new errors.ForbiddenError(
          'ท่านไม่มีสิทธิ์บันทึกความก้าวหน้าของหน่วยงานนี้ / You may not record progress for this unit',
        );
      const { row, created } = await upsertProgress(strapi, plan, input);
      c.status = created ? 201 : 200;
      c.body = {
        data: {
          documentId: row.documentId,
          plan: plan.documentId,
          step: row.stepKey,
          period: row.period,
          fiscalYear: row.fiscalYear,
          status: row.progressStatus,
          percent: row.percent,
          done: row.done ?? null,
          problems: row.problems ?? null,
          evidence: ((row.evidence as Array<{ id: number; name: string; url: string }>) ?? []).map(
            (f) => ({ id: f.id, name: f.name, url: f.url }),
          ),
          updatedAt: row.updatedAt,
        },
      };
    }),
    config: { policies },
  },
];
