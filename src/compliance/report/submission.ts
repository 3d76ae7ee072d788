import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ExcelJS from 'exceljs';
import { UNIT_UID } from '../../disclosures/types';
import { toCsv } from '../../delivery/exports';
import { itemUrl } from '../../delivery/links';
import { buildMatrix, type MatrixCell } from '../engine';
import { STATUS_LABELS_TH, todayInBangkok } from '../rules';
import { truncate } from './text';

/**
 * The ITA submission export: for one unit and fiscal year, each checklist item with the URL of
 * its page on the unit's own website and a short Thai description, ready to paste into the
 * NACC assessment system (ITAS).
 */

export const DESCRIPTION_MAX = 300;
export const SUBMISSION_HEADER = ['ข้อ', 'รายการข้อมูล', 'URL', 'คำอธิบาย'];

export type SubmissionUnit = {
  id: number;
  code: string;
  nameTh: string;
  websiteUrl: string | null;
  itaPathTemplate: string | null;
};

export const findSubmissionUnit = async (
  strapi: Core.Strapi,
  code: string,
): Promise<SubmissionUnit> => {
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/.test(code))
    throw new errors.ValidationError('รหัสหน่วยงานไม่ถูกต้อง / Invalid unit code');
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: { code: code.toUpperCase() },
    select: ['id', 'code', 'nameTh', 'websiteUrl', 'itaPathTemplate'],
  })) as SubmissionUnit | null;
  if (!unit) throw new errors.NotFoundError(`ไม่พบหน่วยงาน ${code} / Unknown unit ${code}`);
  return unit;
};

/** `ครบถ้วน: title; title`, at most 300 characters (grapheme clusters, with …). */
export const describe = (cell: MatrixCell): string => {
  const titles = [...new Set(cell.entries.filter((e) => e.published).map((e) => e.title))];
  const text = titles.length
    ? `${STATUS_LABELS_TH[cell.status]}: ${titles.join('; ')}`
    : STATUS_LABELS_TH[cell.status];
  return truncate(text, DESCRIPTION_MAX);
};

export type SubmissionRow = { item: string; title: string; url: string; description: string };

export const submissionRows = async (
  strapi: Core.Strapi,
  unit: SubmissionUnit,
  fiscalYear: number,
): Promise<SubmissionRow[]> => {
  const matrix = await buildMatrix(strapi, {
    fiscalYear,
    unitIds: [unit.id],
    today: todayInBangkok(),
  });
  const titles = new Map(matrix.items.map((i) => [i.code, i.titleTh]));
  return matrix.cells
    .filter((c) => c.unit === unit.code)
    .map((c) => ({
      item: c.item,
      title: titles.get(c.item) ?? '',
      url: itemUrl(unit, fiscalYear, c.item) ?? '',
      description: describe(c),
    }));
};

const asArray = (r: SubmissionRow) => [r.item, r.title, r.url, r.description];

export const submissionCsv = (rows: SubmissionRow[]) => toCsv(SUBMISSION_HEADER, rows.map(asArray));

export const submissionXlsx = async (
  unit: SubmissionUnit,
  fiscalYear: number,
  rows: SubmissionRow[],
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Prongsai';
  const ws = wb.addWorksheet(`ITA ${fiscalYear}`);
  ws.addRow(SUBMISSION_HEADER).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(asArray(r));
    if (r.url) row.getCell(3).value = { text: r.url, hyperlink: r.url };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  [8, 50, 50, 80].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  wb.title = `${unit.code} ${unit.nameTh} ITA ${fiscalYear}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
};
