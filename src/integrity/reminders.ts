import type { Core } from '@strapi/strapi';
import { addDailyReminderJob } from '../compliance/reminders';
import { fiscalYearOfDateString, todayInBangkok } from '../ita/fiscal-year';
import { fiscalMonthIndex, type FiscalMonth } from './months';
import { loadPlansAllUnits, loadProgress, monthLastDay, periodsOf, stepMonths } from './plan';
import { monthTh } from './progress';

/**
 * Reminders to the owners of integrity-measure steps before a reporting period closes
 * (docs/integrity-measures.md, "Reminders"): once a day, for every measures plan of the current
 * fiscal year, each reporting period closing within INTEGRITY_REMIND_DAYS days (default 7) and
 * each step that has started by then, is not done or cancelled and has no progress row for that
 * period yet, the owners are e-mailed — the step's work group (else its measure's) members with
 * an e-mail address, else the unit's editors. One e-mail per person listing their steps; each
 * (plan, step, period) is reminded of once, remembered in the core store.
 */

const STORE = 'strapi::core-store';
const KEY_PREFIX = 'integrity_progress_reminder:';
export const DEFAULT_INTEGRITY_REMIND_DAYS = 7;

export const integrityRemindDays = (): number => {
  const raw = process.env.INTEGRITY_REMIND_DAYS;
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(n) && n >= 0
    ? n
    : DEFAULT_INTEGRITY_REMIND_DAYS;
};

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export type IntegrityReminder = {
  unit: string;
  plan: string;
  step: string;
  stepText: string;
  measure: string;
  period: FiscalMonth;
  closes: string;
};

type WorkGroup = { id: number; members?: Array<{ email?: string | null }> | null };

export const sendIntegrityReminders = async (
  strapi: Core.Strapi,
  options: { asOf?: string } = {},
): Promise<{
  today: string;
  sent: Array<{ to: string; steps: IntegrityReminder[] }>;
  failed: string[];
}> => {
  const today = options.asOf ?? todayInBangkok();
  const result = {
    today,
    sent: [] as Array<{ to: string; steps: IntegrityReminder[] }>,
    failed: [] as string[],
  };
  const fiscalYear = fiscalYearOfDateString(today);
  if (fiscalYear === null) return result;
  const horizon = addDays(today, integrityRemindDays());
  const plans = await loadPlansAllUnits(strapi, fiscalYear);
  if (!plans.length) return result;
  const progress = await loadProgress(
    strapi,
    plans.map((p) => p.documentId),
  );

  // What is due: (plan, step, period) with no row, the period closing within the notice.
  type Due = IntegrityReminder & { unitId: number; workGroupId: number | null; key: string };
  const due: Due[] = [];
  for (const plan of plans) {
    const unitId = plan.unit?.id ?? plan.unitRef;
    if (typeof unitId !== 'number') continue;
    const periods = periodsOf(plan.progressCadence).filter((p) => {
      const closes = monthLastDay(plan.fiscalYear, p);
      return closes >= today && closes <= horizon;
    });
    if (!periods.length) continue;
    for (const m of plan.measures ?? [])
      for (const s of m.steps ?? []) {
        if (!s.key) continue;
        const rows = progress.get(`${plan.documentId}:${s.key}`) ?? [];
        const { startMonth } = stepMonths(s, m);
        for (const p of periods) {
          if (fiscalMonthIndex(startMonth) > fiscalMonthIndex(p)) continue;
          if (rows.some((r) => r.period === p)) continue;
          if (
            rows.some(
              (r) =>
                fiscalMonthIndex(r.period) < fiscalMonthIndex(p) &&
                (r.status === 'done' || r.status === 'cancelled'),
            )
          )
            continue;
          due.push({
            unit: plan.unit?.code ?? '',
            unitId,
            plan: plan.documentId,
            step: s.key,
            stepText: s.text ?? '',
            measure: m.measure ?? '',
            period: p,
            closes: monthLastDay(plan.fiscalYear, p),
            workGroupId: s.workGroup?.id ?? m.workGroup?.id ?? null,
            key: `${KEY_PREFIX}${plan.documentId}:${s.key}:${p}`,
          });
        }
      }
  }
  if (!due.length) return result;

  // Once per (plan, step, period): one query for those already reminded of.
  const done = new Set(
    (
      (await strapi.db.query(STORE).findMany({
        where: { key: { $in: due.map((d) => d.key) } },
        select: ['key'],
      })) as Array<{ key: string }>
    ).map((r) => r.key),
  );
  const open = due.filter((d) => !done.has(d.key));
  if (!open.length) return result;

  // Owners: work-group members with an e-mail, else the unit's editors (one query each).
  const groupIds = [...new Set(open.map((d) => d.workGroupId).filter((x): x is number => !!x))];
  const groups = groupIds.length
    ? ((await strapi.db.query('api::work-group.work-group').findMany({
        where: { id: { $in: groupIds } },
        select: ['id'],
        populate: { members: { select: ['email'] } },
      })) as WorkGroup[])
    : [];
  const groupMails = new Map(
    groups.map((g) => [
      g.id,
      [
        ...new Set(
          (g.members ?? [])
            .map((m) => (m.email ?? '').trim().toLowerCase())
            .filter((e) => e.includes('@')),
        ),
      ],
    ]),
  );
  const editors = (await strapi.db.query('api::unit-membership.unit-membership').findMany({
    where: {
      active: { $ne: false },
      role: 'editor',
      unit: { id: { $in: [...new Set(open.map((d) => d.unitId))] } },
    },
    select: ['userEmail'],
    populate: { unit: { select: ['id'] } },
  })) as Array<{ userEmail: string | null; unit: { id: number } | null }>;
  const editorMails = new Map<number, string[]>();
  for (const e of editors) {
    if (!e.unit || !e.userEmail) continue;
    editorMails.set(e.unit.id, [
      ...new Set([...(editorMails.get(e.unit.id) ?? []), e.userEmail.toLowerCase()]),
    ]);
  }

  // Claim each before sending (the lowest row of a key wins when instances race).
  const claimed: Due[] = [];
  for (const d of open) {
    const mine = (await strapi.db
      .query(STORE)
      .create({ data: { key: d.key, value: JSON.stringify(today), type: 'string' } })) as {
      id: number;
    };
    const first = (await strapi.db.query(STORE).findOne({
      where: { key: d.key },
      select: ['id'],
      orderBy: { id: 'asc' },
    })) as { id: number } | null;
    if (first?.id === mine.id) claimed.push(d);
    else await strapi.db.query(STORE).delete({ where: { id: mine.id } });
  }

  const byPerson = new Map<string, Due[]>();
  for (const d of claimed) {
    const group = d.workGroupId ? (groupMails.get(d.workGroupId) ?? []) : [];
    const to = group.length ? group : (editorMails.get(d.unitId) ?? []);
    for (const mail of to) byPerson.set(mail, [...(byPerson.get(mail) ?? []), d]);
  }
  const link = `${(
    process.env.PUBLIC_URL || `http://localhost:${strapi.config.get('server.port', 1337)}`
  ).replace(/\/$/, '')}/admin`;
  const thaiDay = (iso: string) => {
    const [y, m, dd] = iso.split('-').map(Number);
    const names = [
      'มกราคม',
      'กุมภาพันธ์',
      'มีนาคม',
      'เมษายน',
      'พฤษภาคม',
      'มิถุนายน',
      'กรกฎาคม',
      'สิงหาคม',
      'กันยายน',
      'ตุลาคม',
      'พฤศจิกายน',
      'ธันวาคม',
    ];
    return `${dd} ${names[m - 1]} ${y + 543}`;
  };
  const failedKeys = new Set<string>();
  const reminded = new Set<string>();
  for (const [to, list] of [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const text = [
      'เรียน ผู้รับผิดชอบมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
      '',
      'ขั้นตอนต่อไปนี้ยังไม่ได้รายงานความก้าวหน้าของรอบรายงานที่ใกล้ครบกำหนด:',
      '',
      ...list.map(
        (d) =>
          `- [${d.unit}] ${d.measure.slice(0, 200)} — ขั้นตอน: ${d.stepText.slice(0, 200)} — รอบเดือน${monthTh(d.period)} ปิดรอบวันที่ ${thaiDay(d.closes)}`,
      ),
      '',
      `รายงานความก้าวหน้าได้ในระบบ Prongsai: ${link}`,
      '',
      'อีเมลนี้ส่งโดยอัตโนมัติ / This is an automatic reminder from Prongsai.',
    ].join('\n');
    try {
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to,
          subject: `[Prongsai] แจ้งเตือน: รายงานความก้าวหน้าตามมาตรการ ${list.length} ขั้นตอน`,
          text,
        });
      for (const d of list) reminded.add(d.key);
      result.sent.push({
        to,
        steps: list.map(({ unit, plan, step, stepText, measure, period, closes }) => ({
          unit,
          plan,
          step,
          stepText,
          measure,
          period,
          closes,
        })),
      });
    } catch (error) {
      result.failed.push(to);
      for (const d of list) failedKeys.add(d.key);
      strapi.log.warn(`[integrity] reminder to ${to} not sent: ${(error as Error).message}`);
    }
  }
  // A step nobody could be told of (every e-mail failed) is tried again tomorrow.
  const release = [...failedKeys].filter((k) => !reminded.has(k));
  if (release.length) await strapi.db.query(STORE).deleteMany({ where: { key: { $in: release } } });
  return result;
};

/** Daily at 08:30 Bangkok, with SMTP only; COMPLIANCE_SCHEDULER=false turns it off. */
export const registerIntegrityReminders = (strapi: Core.Strapi) =>
  addDailyReminderJob(strapi, 'integrityReminders', 'integrity', '0 30 8 * * *', () =>
    sendIntegrityReminders(strapi),
  );
