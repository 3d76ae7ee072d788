import type { Core } from '@strapi/strapi';
import { MEMBERSHIP_UID } from '../../units/scope';
import { ROLE_DEFINITIONS } from '../../units/roles';
import { percent, type ReportData } from './data';
import { pdfOptionsFrom, renderReportPdf } from './pdf';
import { thaiDate, thaiMonthOfPeriod } from './period';

/** The monthly report by e-mail: to every unit's approvers and to the central monitors. */

const MONITOR_CODE = ROLE_DEFINITIONS.find((r) => r.role === 'monitor')?.code ?? '';

/** Active approvers of every unit, central monitors (admin role or membership), lower-cased, unique. */
export const reportRecipients = async (strapi: Core.Strapi): Promise<string[]> => {
  const memberships = (await strapi.db.query(MEMBERSHIP_UID).findMany({
    where: { role: { $in: ['approver', 'monitor'] }, active: true },
    select: ['userEmail'],
  })) as Array<{ userEmail: string | null }>;
  const monitors = (await strapi.db.query('admin::user').findMany({
    where: { isActive: true, roles: { code: MONITOR_CODE } },
    select: ['email'],
  })) as Array<{ email: string | null }>;
  const all = [...memberships.map((m) => m.userEmail), ...monitors.map((u) => u.email)]
    .filter((e): e is string => Boolean(e))
    .map((e) => e.trim().toLowerCase());
  return [...new Set(all)].sort();
};

const adminBase = (strapi: Core.Strapi) =>
  (process.env.PUBLIC_URL || `http://localhost:${strapi.config.get('server.port', 1337)}`).replace(
    /\/$/,
    '',
  );

export const reportFilename = (period: string, ext: string) => `ita-report-${period}.${ext}`;

/**
 * Sends the report (the PDF attached, figures in Thai digits when REPORT_DIGITS=thai; without
 * it, and saying so, when the PDF cannot be rendered) to each recipient in turn. Returns the addresses that were sent to; a failed send is
 * logged and the others go on.
 */
export const mailReport = async (strapi: Core.Strapi, report: ReportData): Promise<string[]> => {
  if (!process.env.SMTP_HOST) return [];
  const to = await reportRecipients(strapi);
  if (!to.length) return [];
  let pdf: Buffer | null = null;
  try {
    pdf = await renderReportPdf(report, pdfOptionsFrom(undefined));
  } catch (error) {
    strapi.log.warn(
      `[compliance] monthly report e-mailed without its PDF: ${(error as Error).message}`,
    );
  }
  const month = thaiMonthOfPeriod(report.period);
  const o = report.overall;
  const overdueUnits = report.units
    .filter((u) => u.counts.overdue > 0)
    .sort((a, b) => b.counts.overdue - a.counts.overdue)
    .slice(0, 10)
    .map((u) => `  - ${u.nameTh} (${u.unit}): เกินกำหนด ${u.counts.overdue} รายการ`);
  const text = [
    `รายงานผลการติดตามการเปิดเผยข้อมูล ITA ประจำเดือน ${month}`,
    `ปีงบประมาณ พ.ศ. ${report.fiscalYear} · สถานะ ณ วันที่ ${thaiDate(report.asOf)}`,
    '',
    `หน่วยงาน ${o.units} หน่วยงาน · ความครบถ้วน ${percent(o.progress)} · เกินกำหนด ${o.counts.overdue} รายการ · เผยแพร่ในเดือนนี้ ${o.publishedThisMonth} รายการ`,
    ...(overdueUnits.length ? ['', 'หน่วยงานที่มีรายการเกินกำหนด:', ...overdueUnits] : []),
    '',
    pdf
      ? `รายละเอียดอยู่ในไฟล์แนบ ${reportFilename(report.period, 'pdf')}`
      : 'ไม่สามารถแนบไฟล์ PDF ได้ (ไม่พบฟอนต์ภาษาไทยบนเครื่องแม่ข่าย)',
    `เปิดดูในระบบ: ${adminBase(strapi)}/admin`,
    `ดาวน์โหลด (ผู้ดูแลระบบ): GET /compliance/reports/${report.period}/pdf`,
  ].join('\n');
  const sent: string[] = [];
  for (const address of to) {
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to: address,
          subject: `[Prongsai] รายงานติดตามการเปิดเผยข้อมูล ITA ประจำเดือน ${month}`,
          text,
          ...(pdf
            ? {
                attachments: [
                  {
                    filename: reportFilename(report.period, 'pdf'),
                    content: pdf,
                    contentType: 'application/pdf',
                  },
                ],
              }
            : {}),
        });
      sent.push(address);
    } catch (error) {
      strapi.log.warn(
        `[compliance] monthly report ${report.period} not sent to ${address}: ${(error as Error).message}`,
      );
    }
  }
  return sent;
};
