import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ENUM_LABELS, PARTICIPATION_CATEGORY_LABELS, STATUS_LABELS } from '../common/enum-labels';
import { thaiDate, thaiMonthOfPeriod } from '../compliance/report/period';
import { exclusive } from '../common/exclusive';
import { suggestChecklistItems } from '../disclosures/suggest';
import { unitFolderOf } from '../units/media';
import {
  answerConflict,
  draftReportOf,
  readUnitAndYear,
  unitWritableBy,
  type TargetUnit,
} from '../units/generation-target';
import { COMPLAINT_UID, SURVEY_UID } from './service';
import { renderTablePdf, type PdfBlock } from './table-pdf';
import { bad, COMPLAINT_CATEGORIES, objectBody, onlyFields, RATING_FIELDS } from './validate';

/**
 * POST /participation/statistics-report { unit, fiscalYear, period: 'half' | 'year' } (admin API):
 * the complaint statistics (counts by month, category and status — never content) and the website
 * survey results of a unit for the first half (October–March) or the whole of a fiscal year, as a
 * DRAFT `report` entry (kind `complaint_statistics`): the figures as tables in its body, the same
 * tables as a PDF attachment, linked to the unit's checklist items of the complaint-statistics and
 * satisfaction-survey topics. It then goes through the normal workflow like any other evidence.
 * One entry per unit and period: generating again updates the draft while it is still a draft,
 * and answers 409 once it has moved on in the workflow.
 */

const REPORT_UID = 'api::report.report' as UID.ContentType;
const COMPLAINT_STATUSES = ['received', 'investigating', 'resolved', 'rejected'];

const RATING_LABELS: Record<string, string> = {
  findability: 'การค้นหาข้อมูล',
  currency: 'ความเป็นปัจจุบันของข้อมูล',
  ease: 'ความง่ายในการใช้งาน',
  overall: 'ความพึงพอใจโดยรวม',
};

type AdminUser = { id: number; email?: string };
type Unit = TargetUnit;

const pad = (n: number) => String(n).padStart(2, '0');

/** The months (CE `YYYY-MM`) and the instants [from, to) of a half or whole fiscal year. */
export const statisticsPeriod = (fiscalYear: number, period: 'half' | 'year') => {
  const endCe = fiscalYear - 543;
  const count = period === 'half' ? 6 : 12;
  const months = Array.from({ length: count }, (_, i) => {
    const m = ((9 + i) % 12) + 1;
    return `${m >= 10 ? endCe - 1 : endCe}-${pad(m)}`;
  });
  const startDate = `${endCe - 1}-10-01`;
  const endDate = period === 'half' ? `${endCe}-03-31` : `${endCe}-09-30`;
  const from = new Date(`${startDate}T00:00:00+07:00`);
  const to = new Date(`${period === 'half' ? `${endCe}-04-01` : `${endCe}-10-01`}T00:00:00+07:00`);
  return { months, startDate, endDate, from, to };
};

const titleOf = (unit: Unit, fiscalYear: number, period: 'half' | 'year') =>
  `สถิติเรื่องร้องเรียนการทุจริตและผลสำรวจความพึงพอใจเว็บไซต์ ${
    period === 'half' ? 'รอบ 6 เดือน' : 'ประจำปี'
  } ปีงบประมาณ พ.ศ. ${fiscalYear} (${unit.code})`;

const categoryLabel = (c: string) =>
  PARTICIPATION_CATEGORY_LABELS[c] ?? ENUM_LABELS.category?.[c] ?? c;

export const statisticsFigures = async (
  strapi: Core.Strapi,
  unit: Unit,
  fiscalYear: number,
  period: 'half' | 'year',
) => {
  const p = statisticsPeriod(fiscalYear, period);
  const complaints = (await strapi.db.query(COMPLAINT_UID).findMany({
    where: { unitRef: unit.id, fiscalYear, month: { $in: p.months } },
    select: ['month', 'category', 'status'],
  })) as Array<{ month: string; category: string; status: string }>;
  const surveys = (await strapi.db.query(SURVEY_UID).findMany({
    where: {
      unitRef: unit.id,
      receivedAt: { $gte: p.from.toISOString(), $lt: p.to.toISOString() },
    },
    select: [...RATING_FIELDS],
  })) as Array<Record<string, number>>;
  const averages: Record<string, number | null> = {};
  for (const f of RATING_FIELDS) {
    const values = surveys.map((r) => Number(r[f])).filter((v) => v >= 1 && v <= 5);
    averages[f] = values.length
      ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100
      : null;
  }
  return {
    period: p,
    complaints: {
      total: complaints.length,
      byMonth: p.months.map((month) => ({
        month,
        count: complaints.filter((c) => c.month === month).length,
      })),
      byCategory: COMPLAINT_CATEGORIES.map((category) => ({
        category,
        count: complaints.filter((c) => c.category === category).length,
      })),
      byStatus: COMPLAINT_STATUSES.map((status) => ({
        status,
        count: complaints.filter((c) => c.status === status).length,
      })),
    },
    survey: { responses: surveys.length, averages },
  };
};

type Figures = Awaited<ReturnType<typeof statisticsFigures>>;

const average = (v: number | null) => (v === null ? '-' : v.toFixed(2));

/** The report's tables: the same content for the entry's body and the PDF. */
const tablesOf = (unit: Unit, fiscalYear: number, f: Figures): PdfBlock[] => [
  {
    type: 'paragraph',
    text: `หน่วยงาน ${unit.nameTh} (${unit.code}) · ช่วงเวลา ${thaiDate(f.period.startDate)} ถึง ${thaiDate(
      f.period.endDate,
    )} · ปีงบประมาณ พ.ศ. ${fiscalYear}`,
  },
  { type: 'heading', text: `สถิติเรื่องร้องเรียนการทุจริต (รวม ${f.complaints.total} เรื่อง)` },
  {
    type: 'table',
    header: ['เดือน', 'จำนวนเรื่อง'],
    widths: [3, 1],
    rows: f.complaints.byMonth.map((m) => [thaiMonthOfPeriod(m.month), String(m.count)]),
  },
  {
    type: 'table',
    header: ['ประเภทเรื่อง', 'จำนวนเรื่อง'],
    widths: [3, 1],
    rows: f.complaints.byCategory.map((c) => [categoryLabel(c.category), String(c.count)]),
  },
  {
    type: 'table',
    header: ['สถานะ', 'จำนวนเรื่อง'],
    widths: [3, 1],
    rows: f.complaints.byStatus.map((s) => [STATUS_LABELS[s.status] ?? s.status, String(s.count)]),
  },
  {
    type: 'heading',
    text: `ผลสำรวจความพึงพอใจต่อเว็บไซต์ (ผู้ตอบ ${f.survey.responses} คน, คะแนนเต็ม 5)`,
  },
  {
    type: 'table',
    header: ['ประเด็น', 'คะแนนเฉลี่ย'],
    widths: [3, 1],
    rows: RATING_FIELDS.map((k) => [RATING_LABELS[k], average(f.survey.averages[k])]),
  },
];

const textNode = (text: string, bold = false) => ({
  type: 'text',
  text,
  ...(bold ? { bold } : {}),
});

/** Blocks (the rich-text body) have no tables: each table is a list of "label: value" rows. */
export const bodyOf = (blocks: PdfBlock[]) =>
  blocks.flatMap((b): Array<Record<string, unknown>> => {
    if (b.type === 'heading') return [{ type: 'heading', level: 3, children: [textNode(b.text)] }];
    if (b.type === 'paragraph') return [{ type: 'paragraph', children: [textNode(b.text)] }];
    return [
      { type: 'paragraph', children: [textNode(b.header.join(' · '), true)] },
      {
        type: 'list',
        format: 'unordered',
        children: b.rows.map((r) => ({
          type: 'list-item',
          children: [textNode(`${r[0]}: ${r.slice(1).join(' · ')}`)],
        })),
      },
    ];
  });

/** A generated file goes into the report's unit's folder (never the caller's first unit's). */
export const uploadPdf = async (
  strapi: Core.Strapi,
  unitId: number,
  name: string,
  bytes: Buffer,
  mimetype = 'application/pdf',
) => {
  const folder = await unitFolderOf(strapi, unitId);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-stats-'));
  const filepath = path.join(dir, name);
  fs.writeFileSync(filepath, bytes);
  try {
    const service = strapi.plugin('upload').service('upload') as unknown as {
      upload: (args: unknown) => Promise<Array<{ id: number }>>;
    };
    const [file] = await service.upload({
      data: { fileInfo: { name, caption: null, alternativeText: null, folder } },
      files: { filepath, originalFilename: name, mimetype, size: bytes.length },
    });
    return file;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export const statisticsReportController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async generate(ctx: Context) {
    const user = ctx.state?.user as AdminUser | undefined;
    if (!user) throw new errors.UnauthorizedError('Authentication required');
    const body = objectBody(ctx.request.body ?? {});
    onlyFields(body, ['unit', 'fiscalYear', 'period']);
    const { unit: code, fiscalYear } = readUnitAndYear(body);
    const period = body.period;
    if (period !== 'half' && period !== 'year')
      throw bad('ช่วงเวลาต้องเป็น half หรือ year', "period must be 'half' or 'year'", 'period');

    // Editors and approvers (who may upload the unit's files), as for any evidence they write.
    const unit = await unitWritableBy(strapi, user, code);

    const title = titleOf(unit, fiscalYear, period);
    // One generation at a time per unit and period: two at once would make two drafts.
    return exclusive(strapi, `statistics-report:${unit.id}:${fiscalYear}:${period}`, async () => {
      const existing = await draftReportOf(strapi, { title, unitRef: unit.id });
      if (existing && existing.workflowState && existing.workflowState !== 'draft')
        return answerConflict(
          ctx,
          'รายงานของหน่วยงานและช่วงเวลานี้อยู่ระหว่างขั้นตอนอนุมัติหรือเผยแพร่แล้ว จึงสร้างใหม่ไม่ได้',
          'The report of this unit and period is already in the workflow',
        );

      const figures = await statisticsFigures(strapi, unit, fiscalYear, period);
      const blocks = tablesOf(unit, fiscalYear, figures);
      const pdf = await renderTablePdf(title, blocks);
      const fileName = `complaint-survey-statistics-${unit.code}-${fiscalYear}-${period}.pdf`;
      const file = await uploadPdf(strapi, unit.id, fileName, pdf);
      // On regeneration the previous generated PDF is replaced; files an editor added stay.
      const previous = existing?.attachments ?? [];
      const kept = previous.filter((f) => f.name !== fileName).map((f) => f.id);
      const replaced = previous.filter((f) => f.name === fileName);
      const ref = { id: unit.id, documentId: unit.documentId };
      const items = new Set<string>();
      for (const kind of ['complaint_statistics', 'satisfaction_survey'])
        for (const id of await suggestChecklistItems(strapi, {
          type: 'report',
          kind,
          unit: ref,
          fiscalYear,
          period: { start: figures.period.startDate, end: figures.period.endDate },
        }))
          items.add(id);
      const data = {
        title,
        kind: 'complaint_statistics',
        fiscalYear,
        unit: unit.documentId,
        period: {
          startDate: figures.period.startDate,
          endDate: figures.period.endDate,
          label: period === 'half' ? 'รอบ 6 เดือน' : 'ประจำปี',
        },
        body: bodyOf(blocks),
        attachments: [...kept, file.id],
        checklistItems: [...items],
      };
      const saved = (
        existing
          ? await strapi.documents(REPORT_UID).update({
              documentId: existing.documentId,
              data: data as never,
            })
          : await strapi.documents(REPORT_UID).create({ data: data as never })
      ) as { documentId: string };
      for (const old of replaced) {
        try {
          const upload = strapi.plugin('upload').service('upload') as unknown as {
            remove: (f: unknown) => Promise<unknown>;
          };
          const row = await strapi.db
            .query('plugin::upload.file')
            .findOne({ where: { id: old.id } });
          if (row) await upload.remove(row);
        } catch (error) {
          strapi.log.warn(
            `[participation] previous statistics PDF ${old.id} not removed: ${(error as Error).message}`,
          );
        }
      }
      ctx.status = existing ? 200 : 201;
      ctx.body = {
        data: {
          uid: REPORT_UID,
          documentId: saved.documentId,
          title,
          created: !existing,
          checklistItems: [...items],
          figures: { complaints: figures.complaints, survey: figures.survey },
        },
      };
    });
  },
});
