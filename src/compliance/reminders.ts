import type { Core, UID } from '@strapi/strapi';
import { fiscalYearOf, THAI_MONTHS } from '../ita/fiscal-year';
import { evaluateMatrix, loadMatrixData, type MatrixData } from './engine';
import { RESPONSIBILITY_UID } from './responsibilities';
import { memberEmails, type WorkGroupMember } from '../integrity/work-groups';
import {
  addDays,
  counts,
  monthlyDueDates,
  reviewByOf,
  STATUS_LABELS_TH,
  todayInBangkok,
  type Status,
} from './rules';

/**
 * E-mail reminders to the people responsible for an item (primary and secondary), some days
 * before it falls due: once a day, one e-mail per person listing all their items, and never
 * twice for the same (item, due date) — the row's `lastReminderFor` remembers the due date last
 * reminded of, and is claimed with a compare-and-set before sending, so several instances
 * running the task at once send each reminder once.
 */

const RESP = RESPONSIBILITY_UID as UID.ContentType;
export const DEFAULT_REMIND_DAYS = 7;

export const reminderDaysDefault = (): number => {
  const n = Number(process.env.REMINDER_DAYS_BEFORE);
  return process.env.REMINDER_DAYS_BEFORE !== undefined &&
    process.env.REMINDER_DAYS_BEFORE !== '' &&
    Number.isInteger(n) &&
    n >= 0
    ? n
    : DEFAULT_REMIND_DAYS;
};

type Row = {
  id: number;
  primaryEmail: string | null;
  secondaryEmail: string | null;
  remindDaysBefore: number | null;
  lastReminderFor: string | null;
  unit: { id: number; code: string; nameTh: string } | null;
  workGroup?: { name: string; members?: WorkGroupMember[] } | null;
  item: { id: number; code: string; titleTh: string; checklist: { fiscalYear: number } | null };
};

export type ReminderItem = {
  unit: string;
  unitNameTh: string;
  item: string;
  titleTh: string;
  fiscalYear: number;
  dueDate: string;
  status: Status;
  /** Monthly items: the month (1–12) the reminder is about. */
  month?: number;
  /** Standing items: the reminder is about the review-by date (confirm the entry is current). */
  review?: boolean;
  /** The work group that owns the item, when one does. */
  workGroup?: string;
};

export type ReminderResult = {
  today: string;
  sent: Array<{ to: string; items: ReminderItem[] }>;
  failed: string[];
};

const thaiDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${THAI_MONTHS[m - 1]} ${y + 543}`;
};

const dashboardUrl = (strapi: Core.Strapi) => {
  const base = (
    process.env.PUBLIC_URL || `http://localhost:${strapi.config.get('server.port', 1337)}`
  ).replace(/\/$/, '');
  return `${base}/admin`;
};

/**
 * The due date a reminder would be about, or null when nothing is open: monthly items — the
 * next month whose due date is today or later and that has no published summary yet (earlier
 * missing months are already overdue and shown on the dashboard); other items — their due
 * date unless complete or declared none.
 */
const openDue = (
  data: MatrixData,
  unit: { id: number; scheme: string },
  itemCode: string,
  cell: { status: Status; dueDate: string | null },
  today: string,
): { due: string; month?: number } | null => {
  const item = data.itemsByScheme.get(unit.scheme)?.find((i) => i.code === itemCode);
  if (!item) return null;
  if (item.rule.cadence === 'monthly') {
    const covered = new Set<number>();
    for (const doc of data.byCell.get(`${unit.id}:${item.id}`)?.values() ?? [])
      if (doc.published && counts('monthly', doc.published, data.fiscalYear))
        covered.add(doc.published.month as number);
    const next = monthlyDueDates(data.fiscalYear, item.rule.graceDays).find(
      (m) => m.due >= today && !covered.has(m.month),
    );
    return next ? { due: next.due, month: next.month } : null;
  }
  if (cell.status === 'complete' || cell.status === 'declared_none' || !cell.dueDate) return null;
  return { due: cell.dueDate };
};

/**
 * Standing items: the date the item becomes "to be reviewed" — the latest review-by date of the
 * published evidence (the item stays complete while one entry is current). A reminder is due when
 * it has passed or falls within the notice period. Null when nothing has a review-by date.
 */
const reviewDue = (
  data: MatrixData,
  unit: { id: number; scheme: string },
  itemCode: string,
): string | null => {
  const item = data.itemsByScheme.get(unit.scheme)?.find((i) => i.code === itemCode);
  if (!item || item.rule.cadence !== 'standing') return null;
  let latest: string | null = null;
  for (const doc of data.byCell.get(`${unit.id}:${item.id}`)?.values() ?? []) {
    if (!doc.published || doc.published.isNone || doc.published.carried === 'to_confirm') continue;
    const by = reviewByOf(item.rule, doc.published);
    if (by !== null && (latest === null || by > latest)) latest = by;
  }
  return latest;
};

/**
 * One run: finds every responsibility whose item falls due within its row's `remindDaysBefore`
 * (else REMINDER_DAYS_BEFORE, default 7) days from `now`'s Bangkok date and is not done, and
 * e-mails each person once with all their items. Items of the current and the previous fiscal
 * year are considered (September's monthly summary falls due in the next year).
 */
export const sendReminders = async (
  strapi: Core.Strapi,
  options: { now?: Date; defaultDays?: number } = {},
): Promise<ReminderResult> => {
  const now = options.now ?? new Date();
  const today = todayInBangkok(now);
  const defaultDays = options.defaultDays ?? reminderDaysDefault();
  const current = fiscalYearOf(now);
  const rows = (
    (await strapi.db.query(RESP).findMany({
      where: { item: { checklist: { fiscalYear: { $in: [current - 1, current] } } } },
      select: ['id', 'primaryEmail', 'secondaryEmail', 'remindDaysBefore', 'lastReminderFor'],
      populate: {
        unit: { select: ['id', 'code', 'nameTh'] },
        item: {
          select: ['id', 'code', 'titleTh'],
          populate: { checklist: { select: ['fiscalYear'] } },
        },
        workGroup: { select: ['name'], populate: { members: true } },
      },
    })) as Row[]
  ).filter((r) => r.unit && r.item?.checklist && (r.primaryEmail || r.workGroup));
  const result: ReminderResult = { today, sent: [], failed: [] };
  if (!rows.length) return result;

  // One load and evaluation per fiscal year, for the units concerned.
  const due: Array<{ row: Row; item: ReminderItem }> = [];
  for (const fiscalYear of [...new Set(rows.map((r) => r.item.checklist?.fiscalYear as number))]) {
    const ofYear = rows.filter((r) => r.item.checklist?.fiscalYear === fiscalYear);
    const data = await loadMatrixData(strapi, {
      fiscalYear,
      unitIds: [...new Set(ofYear.map((r) => (r.unit as { id: number }).id))],
    });
    const matrix = evaluateMatrix(data, today);
    const cells = new Map(matrix.cells.map((c) => [`${c.unit}:${c.item}`, c]));
    const units = new Map(data.units.map((u) => [u.code, u]));
    for (const row of ofYear) {
      const unit = units.get((row.unit as { code: string }).code);
      const cell = cells.get(`${unit?.code}:${row.item.code}`);
      if (!unit || !cell) continue;
      const days = row.remindDaysBefore ?? defaultDays;
      // Standing evidence to be confirmed current: past its review-by date, or soon.
      const review =
        cell.status === 'to_review' || cell.status === 'complete'
          ? reviewDue(data, unit, row.item.code)
          : null;
      if (
        review !== null &&
        (cell.status === 'to_review' || review <= addDays(today, days)) &&
        row.lastReminderFor !== review
      ) {
        due.push({
          row,
          item: {
            unit: unit.code,
            unitNameTh: unit.nameTh,
            item: row.item.code,
            titleTh: row.item.titleTh,
            fiscalYear,
            dueDate: review,
            status: 'to_review',
            review: true,
            ...(row.workGroup ? { workGroup: row.workGroup.name } : {}),
          },
        });
        continue;
      }
      const open = openDue(data, unit, row.item.code, cell, today);
      if (!open) continue;
      // Due today or within the notice period; what is already overdue is the dashboard's.
      if (open.due < today || open.due > addDays(today, days)) continue;
      if (row.lastReminderFor === open.due) continue;
      due.push({
        row,
        item: {
          unit: unit.code,
          unitNameTh: unit.nameTh,
          item: row.item.code,
          titleTh: row.item.titleTh,
          fiscalYear,
          dueDate: open.due,
          status: open.month !== undefined ? 'missing' : cell.status,
          ...(open.month !== undefined ? { month: open.month } : {}),
          ...(row.workGroup ? { workGroup: row.workGroup.name } : {}),
        },
      });
    }
  }
  if (!due.length) return result;

  // Claim each (row, due date) before sending: only one run anywhere gets it.
  const claimed: typeof due = [];
  for (const d of due) {
    const { count } = await strapi.db.query(RESP).updateMany({
      where: {
        id: d.row.id,
        lastReminderFor: d.row.lastReminderFor === null ? { $null: true } : d.row.lastReminderFor,
      },
      data: { lastReminderFor: d.item.dueDate },
    });
    if (count === 1) claimed.push(d);
  }

  const byPerson = new Map<string, typeof due>();
  // The primary and secondary person, then the members of the owning work group (chair first).
  for (const d of claimed)
    for (const email of new Set(
      [d.row.primaryEmail, d.row.secondaryEmail, ...memberEmails(d.row.workGroup?.members)]
        .filter((e): e is string => Boolean(e))
        .map((e) => e.toLowerCase()),
    ))
      byPerson.set(email, [...(byPerson.get(email) ?? []), d]);

  const link = dashboardUrl(strapi);
  const failedRows = new Set<Row>();
  for (const [to, list] of [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const items = list
      .map((d) => d.item)
      .sort(
        (a, b) =>
          a.dueDate.localeCompare(b.dueDate) ||
          a.unit.localeCompare(b.unit) ||
          a.item.localeCompare(b.item),
      );
    const lines = [
      'เรียน ผู้รับผิดชอบข้อมูล ITA',
      '',
      `ข้อต่อไปนี้ที่ท่านรับผิดชอบจะครบกำหนดเผยแพร่ภายใน ${defaultDays} วัน (หรือตามที่กำหนดไว้ในแต่ละข้อ) และยังไม่ได้เผยแพร่:`,
      '',
      ...items.map((i) =>
        i.review
          ? `- [${i.unit}] ${i.item} ${i.titleTh} — ยืนยันว่าข้อมูลยังเป็นปัจจุบัน (หรือปรับปรุง) ภายใน ${thaiDate(i.dueDate)} — สถานะ: ${STATUS_LABELS_TH[i.status]}`
          : `- [${i.unit}] ${i.item} ${i.titleTh}${i.month ? ` (เดือน${THAI_MONTHS[i.month - 1]})` : ''} — ครบกำหนด ${thaiDate(i.dueDate)} — สถานะ: ${STATUS_LABELS_TH[i.status]}`,
      ),
      ...[...new Set(items.map((i) => i.workGroup).filter(Boolean))].map(
        (g) => `ผู้รับผิดชอบ: คณะทำงาน "${g}" (อีเมลนี้ส่งถึงสมาชิกคณะทำงานที่มีอีเมลทุกคน)`,
      ),
      '',
      `หน่วยงาน: ${[...new Set(items.map((i) => `${i.unit} ${i.unitNameTh}`))].join(', ')}`,
      `ดูสถานะและเผยแพร่ข้อมูลได้ที่ระบบ Prongsai: ${link}`,
      '',
      'อีเมลนี้ส่งโดยอัตโนมัติ / This is an automatic reminder from Prongsai.',
    ];
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to,
          subject: `[Prongsai] แจ้งเตือน: ${items.length} ข้อ ITA ใกล้ครบกำหนดเผยแพร่ (ภายใน ${thaiDate(items[items.length - 1].dueDate)})`,
          text: lines.join('\n'),
        });
      result.sent.push({ to, items });
    } catch (error) {
      result.failed.push(to);
      for (const d of list) failedRows.add(d.row);
      strapi.log.warn(`[compliance] reminder to ${to} not sent: ${(error as Error).message}`);
    }
  }
  // A row whose e-mail did not go out is released, so tomorrow's run tries again.
  for (const row of failedRows) {
    const d = claimed.find((c) => c.row === row) as (typeof due)[number];
    await strapi.db.query(RESP).updateMany({
      where: { id: row.id, lastReminderFor: d.item.dueDate },
      data: { lastReminderFor: row.lastReminderFor },
    });
  }
  return result;
};

/**
 * Daily at 08:00 Bangkok time. COMPLIANCE_SCHEDULER=false turns it off (e.g. on read-only
 * instances); without SMTP_HOST there is no e-mail and nothing runs.
 */
export const registerReminderScheduler = (strapi: Core.Strapi) =>
  addDailyReminderJob(strapi, 'complianceReminders', 'compliance', '0 0 8 * * *', () =>
    sendReminders(strapi),
  );

/**
 * A daily e-mail job (Bangkok time) with SMTP only, off with COMPLIANCE_SCHEDULER=false; logs
 * what it sent and what failed. Shared by the compliance and the participation reminders.
 */
export const addDailyReminderJob = (
  strapi: Core.Strapi,
  name: string,
  label: string,
  rule: string,
  run: () => Promise<{ sent: unknown[]; failed: unknown[] }>,
) => {
  if (process.env.COMPLIANCE_SCHEDULER === 'false' || !process.env.SMTP_HOST) return;
  strapi.cron.add({
    [name]: {
      task: async () => {
        try {
          const { sent, failed } = await run();
          if (sent.length || failed.length)
            strapi.log.info(
              `[${label}] reminders: ${sent.length} sent${failed.length ? `, ${failed.length} failed` : ''}`,
            );
        } catch (error) {
          strapi.log.error(`[${label}] reminders failed: ${(error as Error).message}`);
        }
      },
      options: { rule, tz: 'Asia/Bangkok' },
    },
  });
};
