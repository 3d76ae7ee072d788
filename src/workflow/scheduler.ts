import type { Core } from '@strapi/strapi';
import { DISCLOSURE_TYPES } from '../disclosures/types';
import { transition, WorkflowConflict } from './service';

/**
 * Scheduled publication: an approved entry whose `publishAt` has come is published by the
 * system. Several instances may run this at once: the workflow's compare-and-set lets exactly
 * one publish go through; the others find the entry already published and skip it.
 */
export const publishDue = async (strapi: Core.Strapi, now = new Date()): Promise<number> => {
  let published = 0;
  for (const type of DISCLOSURE_TYPES) {
    const due = (await strapi.db.query(type.uid).findMany({
      where: { publishedAt: null, workflowState: 'approved', publishAt: { $lte: now } },
      select: ['documentId'],
      limit: 200,
    })) as Array<{ documentId: string }>;
    for (const { documentId } of due) {
      try {
        await transition(strapi, {
          uid: type.uid,
          documentId,
          action: 'publish',
          actor: { kind: 'system', name: 'scheduler' },
        });
        published += 1;
      } catch (error) {
        // Another instance got there first, or the entry changed since: nothing to do.
        const expected =
          error instanceof WorkflowConflict || /not allowed from/.test((error as Error).message);
        if (!expected)
          strapi.log.warn(
            `[workflow] scheduled publication of ${documentId} failed: ${(error as Error).message}`,
          );
      }
    }
  }
  return published;
};

/** Runs every minute (WORKFLOW_SCHEDULER=false turns it off, e.g. on instances that only serve reads). */
export const registerScheduler = (strapi: Core.Strapi) => {
  if (process.env.WORKFLOW_SCHEDULER === 'false') return;
  strapi.cron.add({
    workflowScheduledPublication: {
      task: async () => {
        const n = await publishDue(strapi);
        if (n > 0)
          strapi.log.info(`[workflow] published ${n} scheduled entr${n === 1 ? 'y' : 'ies'}`);
      },
      options: { rule: '0 * * * * *' },
    },
  });
};
