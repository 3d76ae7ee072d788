import type { Core } from '@strapi/strapi';
import fs from 'fs';
import path from 'path';
import { attachmentsDir, COMPLAINT_UID, REQUEST_UID, type StoredAttachment } from './service';

/**
 * Retention (docs/participation.md, "Retention"): the personal data of closed submissions is
 * erased once their retention period has passed; what the statistics need stays (unit, kind,
 * category, status, dates, the text of a correction or question, the survey's ratings).
 *
 * - corrections and questions closed (resolved or rejected) more than
 *   `PARTICIPATION_RETENTION_DAYS` days ago (default 365): the name and e-mail are erased;
 * - complaints closed more than `PARTICIPATION_COMPLAINT_RETENTION_DAYS` days ago (default 1825,
 *   five years): the contact details are erased and the attachments' files deleted.
 *
 * No IP address is ever stored, so there is none to erase. Each row is claimed with a
 * compare-and-set on `purgedAt` before its files are deleted, so instances that run the job at
 * the same time do each row once. Daily at 03:30 Bangkok (`PARTICIPATION_PURGE=false` or
 * `COMPLIANCE_SCHEDULER=false` turns the schedule off); `npm run cli -- participation:purge
 * [--dry-run]` runs it by hand.
 */

const DAY = 24 * 60 * 60 * 1000;

const days = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 1 ? n : fallback;
};

export const retentionSettings = () => ({
  requestDays: days('PARTICIPATION_RETENTION_DAYS', 365),
  complaintDays: days('PARTICIPATION_COMPLAINT_RETENTION_DAYS', 1825),
});

export type PurgeResult = {
  dryRun: boolean;
  requestDays: number;
  complaintDays: number;
  requests: number;
  complaints: number;
  files: number;
};

export const purgeExpired = async (
  strapi: Core.Strapi,
  options: { dryRun?: boolean; now?: Date } = {},
): Promise<PurgeResult> => {
  const now = (options.now ?? new Date()).getTime();
  const { requestDays, complaintDays } = retentionSettings();
  const requestCut = new Date(now - requestDays * DAY).toISOString();
  const complaintCut = new Date(now - complaintDays * DAY).toISOString();
  const result: PurgeResult = {
    dryRun: Boolean(options.dryRun),
    requestDays,
    complaintDays,
    requests: 0,
    complaints: 0,
    files: 0,
  };

  // Closed requests, and answered ones never closed (an answer is the usual end of a question).
  const requestWhere = {
    purgedAt: { $null: true },
    $or: [
      { status: { $in: ['resolved', 'rejected'] }, closedAt: { $notNull: true, $lt: requestCut } },
      { status: 'answered', answeredAt: { $notNull: true, $lt: requestCut } },
    ],
  };
  const complaintWhere = {
    purgedAt: { $null: true },
    status: { $in: ['resolved', 'rejected'] },
    closedAt: { $notNull: true, $lt: complaintCut },
  };

  const complaints = (await strapi.db.query(COMPLAINT_UID).findMany({
    where: complaintWhere,
    select: ['id', 'attachments'],
  })) as Array<{ id: number; attachments: StoredAttachment[] | null }>;

  if (options.dryRun) {
    result.requests = await strapi.db.query(REQUEST_UID).count({ where: requestWhere });
    result.complaints = complaints.length;
    result.files = complaints.reduce((n, c) => n + (c.attachments?.length ?? 0), 0);
    return result;
  }

  const stamp = new Date(now).toISOString();
  const { count } = await strapi.db.query(REQUEST_UID).updateMany({
    where: requestWhere,
    data: { nameEnc: null, emailEnc: null, purgedAt: stamp },
  });
  result.requests = count;

  const dir = attachmentsDir(strapi);
  for (const c of complaints) {
    // Claimed first: of two instances running at once, one erases the row and its files.
    const claimed = await strapi.db.query(COMPLAINT_UID).updateMany({
      // …and still closed and expired: a complaint reopened meanwhile keeps its data.
      where: { id: c.id, ...complaintWhere },
      data: { contactEnc: null, attachments: [], purgedAt: stamp },
    });
    if (!claimed.count) continue;
    result.complaints += 1;
    for (const a of c.attachments ?? []) {
      // Stored names are random hex; anything else is not ours to delete.
      if (!/^[0-9a-f]{32}$/.test(String(a.stored ?? ''))) continue;
      fs.rmSync(path.join(dir, a.stored), { force: true });
      result.files += 1;
    }
  }
  return result;
};

export const PURGE_CRON_RULE = '0 30 3 * * *';

export const registerPurgeScheduler = (strapi: Core.Strapi) => {
  if (process.env.COMPLIANCE_SCHEDULER === 'false' || process.env.PARTICIPATION_PURGE === 'false')
    return;
  strapi.cron.add({
    participationPurge: {
      task: async () => {
        try {
          const r = await purgeExpired(strapi);
          if (r.requests || r.complaints)
            strapi.log.info(
              `[participation] retention: personal data erased from ${r.requests} request(s) and ${r.complaints} complaint(s), ${r.files} file(s) deleted`,
            );
        } catch (error) {
          strapi.log.error(`[participation] retention purge failed: ${(error as Error).message}`);
        }
      },
      options: { rule: PURGE_CRON_RULE, tz: 'Asia/Bangkok' },
    },
  });
};
