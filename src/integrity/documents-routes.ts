import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { exclusive } from '../common/exclusive';
import { handle } from '../compliance/http';
import { suggestChecklistItems } from '../disclosures/suggest';
import { bodyOf, uploadPdf } from '../participation/statistics-report';
import { bad, objectBody } from '../participation/validate';
import {
  answerConflict,
  draftReportOf,
  readUnitAndYear,
  unitWritableBy,
} from '../units/generation-target';
import {
  closingOf,
  DOCUMENT_KINDS,
  loadMeasuresPlan,
  measuresOf,
  progressAsOf,
  progressFigures,
  reportKindOf,
  reportPeriod,
  reportTitle,
  type DocumentKind,
} from './documents';
import { renderPlanPdf, renderProgressPdf, summaryBlocks } from './documents-pdf';
import { renderPlanXlsx, renderProgressXlsx } from './documents-xlsx';
import { PLAN_UID } from './plan-keys';

/**
 * POST /integrity/documents { unit, fiscalYear, document: 'plan' | 'half' | 'year' } (admin API):
 * the documents generated from a unit's measures plan, as PDF and XLSX.
 * - `plan`: the plan table (seed 001's layout); both files are attached to the measures plan entry
 *   itself, which is the evidence, while it is still being edited.
 * - `half` / `year`: the progress report as of the end of March / September, as a DRAFT `report`
 *   entry (kind `integrity_measures_6m` / `integrity_measures_result`) with the summary figures
 *   in its body, both files attached and the matching checklist items linked. One entry per unit,
 *   year and document: generating again updates it while it is a draft.
 * Once the entry is submitted, approved or published: 409, nothing changed.
 */

const REPORT_UID = 'api::report.report' as UID.ContentType;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The states in which the generated files may still be replaced. */
const EDITABLE = new Set(['draft', 'changes_requested']);

type AdminUser = { id: number; email?: string };
type Uploaded = { id: number; name: string; url: string };

const parseBody = (raw: unknown) => {
  const body = objectBody(raw ?? {});
  const extra = Object.keys(body).filter((k) => !['unit', 'fiscalYear', 'document'].includes(k));
  if (extra.length) {
    const names = extra.join(', ').slice(0, 80);
    throw bad(
      `ไม่รู้จักฟิลด์ ${names}`,
      `Unknown field(s) ${names} (allowed: unit, fiscalYear, document)`,
    );
  }
  const { unit, fiscalYear } = readUnitAndYear(body);
  const document = body.document;
  if (typeof document !== 'string' || !(DOCUMENT_KINDS as readonly string[]).includes(document))
    throw bad(
      'เอกสารต้องเป็น plan (แผนมาตรการ) half (รายงานรอบ 6 เดือน) หรือ year (รายงานประจำปี)',
      "document must be 'plan', 'half' or 'year'",
      'document',
    );
  return { unit, fiscalYear, document: document as DocumentKind };
};

const uploadService = (strapi: Core.Strapi) =>
  strapi.plugin('upload').service('upload') as unknown as {
    remove: (f: unknown) => Promise<unknown>;
  };

/** Removes files by id (the replaced generated files, or the new ones when saving failed). */
const removeFiles = async (strapi: Core.Strapi, ids: number[]) => {
  for (const id of ids) {
    try {
      const row = await strapi.db.query('plugin::upload.file').findOne({ where: { id } });
      if (row) await uploadService(strapi).remove(row);
    } catch (error) {
      strapi.log.warn(`[integrity] generated file ${id} not removed: ${(error as Error).message}`);
    }
  }
};

/** Uploads the PDF and the XLSX into the unit's folder; on failure nothing stays behind. */
const uploadBoth = async (
  strapi: Core.Strapi,
  unitId: number,
  base: string,
  pdf: Buffer,
  xlsx: Buffer,
): Promise<Uploaded[]> => {
  const done: Uploaded[] = [];
  try {
    done.push((await uploadPdf(strapi, unitId, `${base}.pdf`, pdf)) as Uploaded);
    done.push((await uploadPdf(strapi, unitId, `${base}.xlsx`, xlsx, XLSX_MIME)) as Uploaded);
    return done;
  } catch (error) {
    await removeFiles(
      strapi,
      done.map((f) => f.id),
    );
    throw error;
  }
};

export const generateDocument = (strapi: Core.Strapi) => async (ctx: Context) => {
  const user = ctx.state?.user as AdminUser | undefined;
  if (!user) throw new errors.UnauthorizedError('Authentication required');
  const input = parseBody(ctx.request.body);

  const unit = await unitWritableBy(strapi, user, input.unit);

  // One generation at a time per unit, year and document: two at once would make two drafts.
  const key = `integrity-documents:${unit.id}:${input.fiscalYear}:${input.document}`;
  return exclusive(strapi, key, async () => {
    const { fiscalYear } = input;
    const plan = await loadMeasuresPlan(strapi, unit.id, fiscalYear);
    if (!plan)
      throw new errors.NotFoundError(
        `หน่วยงาน ${unit.code} ยังไม่มีแผนมาตรการส่งเสริมคุณธรรมของปีงบประมาณ พ.ศ. ${fiscalYear} / Unit ${unit.code} has no integrity measures plan for fiscal year ${fiscalYear}`,
      );
    const measures = measuresOf(plan, fiscalYear);
    const ref = { id: unit.id, documentId: unit.documentId };

    if (input.document === 'plan') {
      if (plan.workflowState && !EDITABLE.has(plan.workflowState))
        return answerConflict(
          ctx,
          'แผนมาตรการอยู่ระหว่างขั้นตอนอนุมัติหรือเผยแพร่แล้ว จึงแนบเอกสารใหม่ไม่ได้',
          'The measures plan is already in the workflow: its documents cannot be replaced',
        );
      const base = `integrity-measures-plan-${unit.code}-${fiscalYear}`;
      const [pdf, xlsx] = await Promise.all([
        renderPlanPdf(unit, fiscalYear, measures),
        renderPlanXlsx(unit, fiscalYear, measures),
      ]);
      const files = await uploadBoth(strapi, unit.id, base, pdf, xlsx);
      const names = new Set(files.map((f) => f.name));
      const previous = plan.attachments ?? [];
      const replaced = previous.filter((f) => names.has(f.name)).map((f) => f.id);
      const kept = previous.filter((f) => !names.has(f.name)).map((f) => f.id);
      const items = new Set((plan.checklistItems ?? []).map((i) => i.documentId));
      for (const id of await suggestChecklistItems(strapi, {
        type: 'plan',
        kind: 'integrity_measures',
        unit: ref,
        fiscalYear,
      }))
        items.add(id);
      try {
        await strapi.documents(PLAN_UID as UID.ContentType).update({
          documentId: plan.documentId,
          data: {
            attachments: [...kept, ...files.map((f) => f.id)],
            checklistItems: [...items],
          } as never,
        });
      } catch (error) {
        await removeFiles(
          strapi,
          files.map((f) => f.id),
        );
        throw error;
      }
      await removeFiles(strapi, replaced);
      ctx.status = 200;
      ctx.body = {
        data: {
          uid: PLAN_UID,
          documentId: plan.documentId,
          kind: 'integrity_measures',
          title: plan.title,
          created: false,
          checklistItems: [...items],
          files: files.map((f) => ({ name: f.name, url: f.url })),
        },
      };
      return;
    }

    const kind = input.document;
    const reportKind = reportKindOf(kind);
    const title = reportTitle(unit, fiscalYear, kind);
    const existing = await draftReportOf(strapi, { title, kind: reportKind, unitRef: unit.id });
    if (existing && existing.workflowState && !EDITABLE.has(existing.workflowState))
      return answerConflict(
        ctx,
        'รายงานของหน่วยงานและช่วงเวลานี้อยู่ระหว่างขั้นตอนอนุมัติหรือเผยแพร่แล้ว จึงสร้างใหม่ไม่ได้',
        'The report of this unit and period is already in the workflow',
      );

    const closing = closingOf(kind);
    const figures = progressFigures(
      measures,
      await progressAsOf(strapi, plan.documentId, closing),
      fiscalYear,
      closing,
    );
    const period = reportPeriod(fiscalYear, kind);
    const base = `integrity-measures-progress-${unit.code}-${fiscalYear}-${kind}`;
    const [pdf, xlsx] = await Promise.all([
      renderProgressPdf(title, unit, fiscalYear, kind, figures),
      renderProgressXlsx(title, unit, fiscalYear, kind, figures),
    ]);
    const items = await suggestChecklistItems(strapi, {
      type: 'report',
      kind: reportKind,
      unit: ref,
      fiscalYear,
      period: { start: period.startDate, end: period.endDate },
    });
    const files = await uploadBoth(strapi, unit.id, base, pdf, xlsx);
    const names = new Set(files.map((f) => f.name));
    const previous = existing?.attachments ?? [];
    const replaced = previous.filter((f) => names.has(f.name)).map((f) => f.id);
    const kept = previous.filter((f) => !names.has(f.name)).map((f) => f.id);
    const data = {
      title,
      kind: reportKind,
      fiscalYear,
      unit: unit.documentId,
      period,
      body: bodyOf(summaryBlocks(unit, fiscalYear, kind, figures)),
      attachments: [...kept, ...files.map((f) => f.id)],
      checklistItems: items,
    };
    let saved: { documentId: string };
    try {
      saved = (
        existing
          ? await strapi
              .documents(REPORT_UID)
              .update({ documentId: existing.documentId, data: data as never })
          : await strapi.documents(REPORT_UID).create({ data: data as never })
      ) as { documentId: string };
    } catch (error) {
      await removeFiles(
        strapi,
        files.map((f) => f.id),
      );
      throw error;
    }
    await removeFiles(strapi, replaced);
    ctx.status = existing ? 200 : 201;
    ctx.body = {
      data: {
        uid: REPORT_UID,
        documentId: saved.documentId,
        kind: reportKind,
        title,
        created: !existing,
        checklistItems: items,
        files: files.map((f) => ({ name: f.name, url: f.url })),
        figures: figures.totals,
      },
    };
  });
};

/** Registers POST /integrity/documents (admin API). */
export const registerDocumentRoutes = (strapi: Core.Strapi) => {
  strapi.server.routes({
    type: 'admin',
    prefix: '/integrity',
    routes: [
      {
        method: 'POST',
        path: '/documents',
        // `handle` answers Strapi errors with their Thai/English message (a bare ForbiddenError
        // would reach the client as "Forbidden").
        handler: handle(generateDocument(strapi)),
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as never);
};
