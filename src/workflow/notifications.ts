import type { Core, UID } from '@strapi/strapi';
import { MEMBERSHIP_UID } from '../units/scope';
import { lastEvent, type TransitionResult } from './service';
import { STATE_LABELS, type Action } from './states';

const SUBJECT: Partial<Record<Action, string>> = {
  submit: 'รออนุมัติ',
  request_changes: 'ขอให้แก้ไข',
  approve: 'อนุมัติแล้ว',
  publish: 'เผยแพร่แล้ว',
};

type Unit = { id: number; nameTh: string; code: string };

const adminUrl = (strapi: Core.Strapi, uid: string, documentId: string) => {
  const base = (
    process.env.PUBLIC_URL || `http://localhost:${strapi.config.get('server.port', 1337)}`
  ).replace(/\/$/, '');
  return `${base}/admin/content-manager/collection-types/${uid}/${documentId}`;
};

/** Who hears about a transition: submit → the unit's approvers; the rest → the author. */
const recipients = async (
  strapi: Core.Strapi,
  action: Action,
  r: TransitionResult,
  unitId: number | null,
) => {
  if (action === 'submit') {
    if (unitId === null) return [];
    const rows = (await strapi.db.query(MEMBERSHIP_UID).findMany({
      where: { unit: { id: unitId }, role: 'approver', active: true },
      select: ['userEmail'],
    })) as Array<{ userEmail: string }>;
    return [...new Set(rows.map((m) => m.userEmail))];
  }
  const submitted = await lastEvent(strapi, r.uid, r.documentId, 'submit');
  return submitted?.actorEmail ? [submitted.actorEmail] : [];
};

/**
 * E-mail on transitions through Strapi's email plugin (nodemailer SMTP, configured by
 * environment). A failed send is logged; it never undoes a transition.
 */
export const notify = async (strapi: Core.Strapi, action: Action, r: TransitionResult) => {
  const subject = SUBJECT[action];
  if (!subject) return;
  const entry = (await strapi.db.query(r.uid as UID.ContentType).findOne({
    where: { documentId: r.documentId, publishedAt: null },
    select: ['title'],
    populate: { unit: { select: ['id', 'nameTh', 'code'] } },
  })) as { title: string; unit: Unit | null } | null;
  if (!entry) return;
  const to = (await recipients(strapi, action, r, entry.unit?.id ?? null)).filter(
    (e) => e !== r.event.actorEmail,
  );
  if (to.length === 0) return;
  const link = adminUrl(strapi, r.uid, r.documentId);
  const lines = [
    `${subject}: ${entry.title}`,
    entry.unit ? `หน่วยงาน: ${entry.unit.code} ${entry.unit.nameTh}` : '',
    `สถานะ: ${STATE_LABELS[r.state]}`,
    r.event.actorEmail ? `โดย: ${r.event.actorEmail}` : '',
    r.event.comment ? `ความเห็น: ${r.event.comment}` : '',
    '',
    `เปิดดู: ${link}`,
  ].filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''));
  try {
    await strapi
      .plugin('email')
      .service('email')
      .send({
        to: to.join(', '),
        subject: `[Prongsai] ${subject}: ${entry.title}`,
        text: lines.join('\n'),
      });
  } catch (error) {
    strapi.log.warn(
      `[workflow] e-mail for ${action} of ${r.documentId} not sent: ${(error as Error).message}`,
    );
  }
};

/** E-mail is sent when SMTP_HOST is set (see .env.example); otherwise transitions are silent. */
export const registerNotifications = (strapi: Core.Strapi) => {
  if (!process.env.SMTP_HOST) return;
  for (const action of Object.keys(SUBJECT) as Action[]) {
    strapi.eventHub.on(`workflow.${action}`, (payload: unknown) =>
      notify(strapi, action, payload as TransitionResult),
    );
  }
};
