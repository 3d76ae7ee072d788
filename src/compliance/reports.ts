import type { Core } from '@strapi/strapi';

/** The monthly monitoring report: generation on the first day of each month (cron), e-mail. */
export const registerReportScheduler = (_strapi: Core.Strapi) => {
  // Filled in by the monthly-report part.
};
