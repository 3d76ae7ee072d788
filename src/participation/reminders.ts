import type { Core } from '@strapi/strapi';
import { REQUEST_UID } from './service';
import { addDailyReminderJob } from '../compliance/reminders';

/**
 * Reminders to whoever is assigned a correction or question (docs/participation.md,
 * "Reminders"): once a day, one e-mail per assignee listing their requests that fall due within
 * `PARTICIPATION_REMIND_DAYS` days (default 3) or are overdue. Each request is reminded of at most
 * twice — once "due soon", once "overdue" — the row's `lastReminderFor` remembers which, claimed
 * with a compare-and-set before sending (as the checklist reminders in src/compliance/reminders.ts),
 * so several instances running the task at once send each reminder once; a new assignee starts
 * afresh. The e-mail names the tracking code, kind, unit and due date — never the reporter's
 * name, e-mail or message.
 */

const DAY = 24 * 60 * 60 * 1000;
const KIND_TH: Record<string, string> = { correction: 'แจ้งข้อมูลไม่ถูกต้อง', question: 'คำถาม' };

export const participationRemindDays = (): number => {
  const raw = process.env.PARTICIPATION_REMIND_DAYS;
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0 ? n : 3;
};

type Row = {
  id: number;
  trackingCode: string;
  kind: string;
  dueAt: string;
  assigneeEmail: string;
  lastReminderFor: string | null;
  unit: { id: number; code: string; nameTh: string } | null;
};

export type ParticipationReminder = {
  to: string;
  requests: Array<{ trackingCode: string; stage: 'due' | 'overdue'; dueAt: string; unit: string }>;
};

const bangkokDay = (iso: string) =>
  new Date(new Date(iso).getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);

export const sendParticipationReminders = async (
  strapi: Core.Strapi,
  now: Date = new Date(),
): Promise<{ sent: ParticipationReminder[]; failed: string[] }> => {
  const result = { sent: [] as ParticipationReminder[], failed: [] as string[] };
  const horizon = new Date(now.getTime() + participationRemindDays() * DAY).toISOString();
  const rows = (await strapi.db.query(REQUEST_UID).findMany({
    where: {
      status: { $in: ['received', 'assigned'] },
      assigneeEmail: { $notNull: true },
      dueAt: { $notNull: true, $lte: horizon },
      $or: [{ lastReminderFor: { $null: true } }, { lastReminderFor: { $ne: 'overdue' } }],
    },
    select: ['id', 'trackingCode', 'kind', 'dueAt', 'assigneeEmail', 'lastReminderFor'],
    populate: { unit: { select: ['id', 'code', 'nameTh'] } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  })) as Row[];
  // Only people still active in the request's unit: someone who has left is told nothing more.
  const members = (await strapi.db.query('api::unit-membership.unit-membership').findMany({
    where: {
      active: { $ne: false },
      userEmail: { $in: [...new Set(rows.map((r) => r.assigneeEmail.toLowerCase()))] },
    },
    select: ['userEmail'],
    populate: { unit: { select: ['id'] } },
  })) as Array<{ userEmail: string; unit: { id: number } | null }>;
  const stillMember = new Set(members.map((m) => `${m.userEmail.toLowerCase()}:${m.unit?.id}`));
  const current = rows.filter((r) =>
    stillMember.has(`${r.assigneeEmail.toLowerCase()}:${r.unit?.id}`),
  );

  // Claim each (request, stage) before sending: another instance claiming it first wins.
  const claimed: Array<Row & { stage: 'due' | 'overdue' }> = [];
  for (const r of current) {
    const stage = new Date(r.dueAt).getTime() < now.getTime() ? 'overdue' : 'due';
    if (r.lastReminderFor === stage) continue;
    const { count } = await strapi.db.query(REQUEST_UID).updateMany({
      where: {
        id: r.id,
        lastReminderFor: r.lastReminderFor === null ? { $null: true } : r.lastReminderFor,
      },
      data: { lastReminderFor: stage },
    });
    if (count) claimed.push({ ...r, stage });
  }
  const byPerson = new Map<string, typeof claimed>();
  for (const c of claimed)
    byPerson.set(c.assigneeEmail, [...(byPerson.get(c.assigneeEmail) ?? []), c]);

  const link = `${(
    process.env.PUBLIC_URL || `http://localhost:${strapi.config.get('server.port', 1337)}`
  ).replace(/\/$/, '')}/admin`;
  for (const [to, list] of [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const lines = [
      'เรียน ผู้รับผิดชอบเรื่องจากประชาชน',
      '',
      'เรื่องต่อไปนี้ที่ท่านได้รับมอบหมายใกล้ครบกำหนดตอบหรือเกินกำหนดแล้ว:',
      '',
      ...list.map(
        (c) =>
          `- ${c.trackingCode} (${KIND_TH[c.kind] ?? c.kind}) ${c.unit ? `[${c.unit.code}] ${c.unit.nameTh}` : ''} — กำหนดตอบ ${bangkokDay(c.dueAt)}${c.stage === 'overdue' ? ' — เกินกำหนดแล้ว' : ''}`,
      ),
      '',
      `ตอบได้ที่กล่องรับเรื่องในระบบ Prongsai: ${link}`,
      '',
      'อีเมลนี้ส่งโดยอัตโนมัติ / This is an automatic reminder from Prongsai.',
    ];
    const overdue = list.filter((c) => c.stage === 'overdue').length;
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to,
          subject: `[Prongsai] แจ้งเตือน: เรื่องจากประชาชน ${list.length} เรื่อง${overdue ? ` (เกินกำหนด ${overdue})` : ''}`,
          text: lines.join('\n'),
        });
      result.sent.push({
        to,
        requests: list.map((c) => ({
          trackingCode: c.trackingCode,
          stage: c.stage,
          dueAt: new Date(c.dueAt).toISOString(),
          unit: c.unit?.code ?? '',
        })),
      });
    } catch (error) {
      result.failed.push(to);
      strapi.log.warn(`[participation] reminder to ${to} not sent: ${(error as Error).message}`);
      // Released, so tomorrow's run tries again.
      for (const c of list)
        await strapi.db.query(REQUEST_UID).updateMany({
          where: { id: c.id, lastReminderFor: c.stage },
          data: { lastReminderFor: c.lastReminderFor },
        });
    }
  }
  return result;
};

/** Daily at 08:15 Bangkok, with SMTP only; COMPLIANCE_SCHEDULER=false turns it off. */
export const registerParticipationReminders = (strapi: Core.Strapi) =>
  addDailyReminderJob(strapi, 'participationReminders', 'participation', '0 15 8 * * *', () =>
    sendParticipationReminders(strapi),
  );
