import type { Core } from '@strapi/strapi';
import { mailReport } from './report/mail';
import { previousPeriod } from './report/period';
import { findReport, generateMonthlyReport } from './report/store';

/** The monthly monitoring report: generation on the first day of each month (cron), e-mail. */

export const REPORT_CRON_RULE = '0 0 7 1 * *';
export const REPORT_CRON_TZ = 'Asia/Bangkok';

export type MonthlyTaskResult =
  | { period: string; generated: true; mailed: string[] }
  | { period: string; generated: false; reason: 'acknowledged' };

/**
 * What the cron runs (exported so that it can be run with a fixed `now`): the report of the month
 * before `now` (Bangkok) is generated, stored and e-mailed when SMTP is configured. A report the
 * head has already acknowledged is left as it is.
 */
export const monthlyReportTask = async (
  strapi: Core.Strapi,
  now: Date = new Date(),
): Promise<MonthlyTaskResult> => {
  const period = previousPeriod(now);
  const existing = await findReport(strapi, period.period, false);
  if (existing?.acknowledgedAt)
    return { period: period.period, generated: false, reason: 'acknowledged' };
  const stored = await generateMonthlyReport(strapi, period, { now });
  const mailed = await mailReport(strapi, stored.summary);
  strapi.log.info(
    `[compliance] monthly report ${period.period} generated${mailed.length ? `, e-mailed to ${mailed.length}` : ''}`,
  );
  return { period: period.period, generated: true, mailed };
};

/** 07:00 Bangkok on the 1st of each month; COMPLIANCE_SCHEDULER=false turns it off (e.g. on extra instances). */
export const registerReportScheduler = (strapi: Core.Strapi) => {
  if (process.env.COMPLIANCE_SCHEDULER === 'false') return;
  strapi.cron.add({
    complianceMonthlyReport: {
      task: async () => {
        try {
          await monthlyReportTask(strapi);
        } catch (error) {
          strapi.log.error(`[compliance] monthly report failed: ${(error as Error).message}`);
        }
      },
      options: { rule: REPORT_CRON_RULE, tz: REPORT_CRON_TZ },
    },
  });
};
