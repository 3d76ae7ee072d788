import { renderTablePdf, type PdfBlock } from '../participation/table-pdf';
import {
  PLAN_HEADER,
  planIntro,
  planRows,
  planTitle,
  periodLine,
  PROGRESS_HEADER,
  progressRows,
  SUMMARY_HEADER,
  summaryLines,
  summaryRows,
  type PlanMeasure,
  type ProgressFigures,
  type Unit,
} from './documents';

/**
 * The PDFs of POST /integrity/documents, in Sarabun on landscape A4 with the generic table PDF of
 * src/participation/table-pdf.ts (rows that do not fit a page move to the next one under the
 * repeated header; a row taller than a page continues on the next).
 */

/** The plan as the unit publishes it (seed 001): title, the intro sentence, the measures table. */
export const planBlocks = (unit: Unit, fiscalYear: number, measures: PlanMeasure[]): PdfBlock[] => [
  { type: 'paragraph', text: planIntro(unit, fiscalYear) },
  {
    type: 'table',
    header: PLAN_HEADER,
    widths: [3, 3.4, 6.6, 1.8, 2.2],
    rows: planRows(measures, fiscalYear),
  },
];

export const renderPlanPdf = (unit: Unit, fiscalYear: number, measures: PlanMeasure[]) =>
  renderTablePdf(planTitle(unit, fiscalYear), planBlocks(unit, fiscalYear, measures), {
    layout: 'landscape',
  });

/** The summary of a progress report: the same blocks go into the report entry's body. */
export const summaryBlocks = (
  unit: Unit,
  fiscalYear: number,
  kind: 'half' | 'year',
  f: ProgressFigures,
): PdfBlock[] => [
  { type: 'paragraph', text: periodLine(unit, fiscalYear, kind) },
  { type: 'heading', text: 'สรุปผลการดำเนินการ' },
  ...summaryLines(f).map((text): PdfBlock => ({ type: 'paragraph', text })),
  { type: 'table', header: SUMMARY_HEADER, widths: [3, 1], rows: summaryRows(f) },
];

export const overdueBlocks = (f: ProgressFigures): PdfBlock[] => {
  const overdue = f.steps.filter((s) => s.overdue);
  if (!overdue.length) return [];
  return [
    { type: 'heading', text: 'ขั้นตอนที่เกินกำหนด' },
    {
      type: 'table',
      header: ['มาตรการ', 'ขั้นตอน', 'ระยะเวลา', 'ผู้รับผิดชอบ', 'สถานะ'],
      widths: [1, 5, 2, 2, 1.6],
      rows: overdue.map((s) => [
        String(s.measureNo),
        `${s.no}. ${s.text}`,
        s.period,
        s.owner,
        s.statusLabel,
      ]),
    },
  ];
};

export const renderProgressPdf = (
  title: string,
  unit: Unit,
  fiscalYear: number,
  kind: 'half' | 'year',
  f: ProgressFigures,
) =>
  renderTablePdf(
    title,
    [
      ...summaryBlocks(unit, fiscalYear, kind, f),
      { type: 'heading', text: 'ผลการดำเนินการรายมาตรการและขั้นตอน' },
      {
        type: 'table',
        header: PROGRESS_HEADER,
        widths: [3, 3.4, 1.7, 1.7, 1.4, 0.8, 2.8, 2.4],
        rows: progressRows(f),
      },
      ...overdueBlocks(f),
    ],
    { layout: 'landscape' },
  );
