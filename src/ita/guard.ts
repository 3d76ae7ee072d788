import type { Core } from '@strapi/strapi';
import { bilingual } from '../disclosures/guard';
import { readToOne } from '../disclosures/relations';
import { elementsIssue } from './checklist-file';
import { CHECKLIST_UID, ITEM_UID } from './checklists';
import { isTopic } from './topics';
import { parseFiscalYear } from './fiscal-year';

type Data = Record<string, unknown>;

const validateItem = async (strapi: Core.Strapi, data: Data, documentId?: string) => {
  if ('topics' in data && data.topics !== null) {
    if (!Array.isArray(data.topics) || !data.topics.every(isTopic)) {
      throw bilingual(
        'หัวข้อ (topics) ต้องเป็นรายการชื่อหัวข้อที่รู้จัก ดู docs/checklist-mapping.md',
        'topics must be an array of known topic names (see docs/checklist-mapping.md)',
        'topics',
      );
    }
  }
  if ('elements' in data && data.elements !== null) {
    const issue = elementsIssue(data.elements);
    if (issue) throw bilingual(issue.th, issue.en, 'elements');
  }
  const checklist = readToOne(data.checklist);
  if (!documentId && checklist.kind !== 'set') {
    throw bilingual('กรุณาเลือกชุดตัวชี้วัดของข้อนี้', 'checklist is required', 'checklist');
  }
  if (typeof data.code === 'string' && checklist.kind === 'set') {
    const ref = checklist.ref;
    const clash = await strapi.db.query(ITEM_UID).findOne({
      where: {
        code: data.code,
        checklist: ref.documentId ? { documentId: ref.documentId } : { id: ref.id },
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
      select: ['id'],
    });
    if (clash) {
      throw bilingual(
        `ชุดตัวชี้วัดนี้มีข้อ ${data.code} แล้ว`,
        `This checklist already has item ${data.code}`,
        'code',
      );
    }
  }
};

const validateChecklist = async (strapi: Core.Strapi, data: Data, documentId?: string) => {
  if ('fiscalYear' in data) {
    const year = parseFiscalYear(data.fiscalYear);
    if (year === null) {
      throw bilingual(
        'ปีงบประมาณไม่ถูกต้อง (พ.ศ.)',
        'fiscalYear must be a Buddhist-Era year',
        'fiscalYear',
      );
    }
    data.fiscalYear = year;
  }
  let year = data.fiscalYear as number | undefined;
  let scheme = data.scheme as string | undefined;
  if (documentId && (year === undefined || scheme === undefined)) {
    const row = (await strapi.db.query(CHECKLIST_UID).findOne({ where: { documentId } })) as {
      fiscalYear: number;
      scheme: string;
    } | null;
    year = year ?? row?.fiscalYear;
    scheme = scheme ?? row?.scheme;
  }
  if (year === undefined || scheme === undefined) return;
  const clash = await strapi.db.query(CHECKLIST_UID).findOne({
    where: { fiscalYear: year, scheme, ...(documentId ? { documentId: { $ne: documentId } } : {}) },
    select: ['id'],
  });
  if (clash) {
    throw bilingual(
      `มีชุดตัวชี้วัดของปี ${year} ประเภท ${scheme} แล้ว`,
      `A checklist for ${year} (${scheme}) already exists`,
      'fiscalYear',
    );
  }
};

/** Checklist integrity on every write path: one list per (year, scheme), one item per code. */
export const registerChecklistGuard = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.action !== 'create' && ctx.action !== 'update') return next();
    const params = ctx.params as { data?: Data; documentId?: string };
    if (!params.data) return next();
    const documentId = ctx.action === 'update' ? params.documentId : undefined;
    if (ctx.uid === ITEM_UID) await validateItem(strapi, params.data, documentId);
    if (ctx.uid === CHECKLIST_UID) await validateChecklist(strapi, params.data, documentId);
    return next();
  });
};
