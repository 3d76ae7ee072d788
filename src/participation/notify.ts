import type { Core } from '@strapi/strapi';
import { MEMBERSHIP_UID } from '../units/scope';

/**
 * E-mail of the participation inbox, through Strapi's email plugin (as src/workflow/notifications.ts):
 * sent only when SMTP_HOST is set, always detached from the request — a failed send is logged
 * and never fails or delays the answer.
 */

const STATUS_TH: Record<string, string> = {
  received: 'ได้รับเรื่องแล้ว',
  assigned: 'มอบหมายผู้รับผิดชอบแล้ว',
  answered: 'ตอบแล้ว',
  resolved: 'ดำเนินการเสร็จแล้ว',
  rejected: 'ไม่รับดำเนินการ',
  investigating: 'อยู่ระหว่างตรวจสอบ',
};

const base = (strapi: Core.Strapi) =>
  (process.env.PUBLIC_URL || `http://localhost:${strapi.config.get('server.port', 1337)}`).replace(
    /\/$/,
    '',
  );

const send = (strapi: Core.Strapi, to: string[], subject: string, text: string, what: string) => {
  if (!process.env.SMTP_HOST || to.length === 0) return;
  setImmediate(() => {
    Promise.resolve()
      .then(() =>
        strapi
          .plugin('email')
          .service('email')
          .send({ to: to.join(', '), subject, text }),
      )
      .catch((error: Error) =>
        strapi.log.warn(`[participation] e-mail (${what}) not sent: ${error.message}`),
      );
  });
};

/** To the person who left an address: the new status of their submission (no content, no names). */
export const notifyReporter = (
  strapi: Core.Strapi,
  email: string | null,
  trackingCode: string,
  status: string,
  unitName: string,
) => {
  if (!email) return;
  const lines = [
    `เรื่องรหัส ${trackingCode} ถึง ${unitName}`,
    `สถานะ: ${STATUS_TH[status] ?? status}`,
    '',
    `ติดตามเรื่อง: ${base(strapi)}/api/participation/requests/${trackingCode}`,
  ];
  send(
    strapi,
    [email],
    `[Prongsai] ${STATUS_TH[status] ?? status}: ${trackingCode}`,
    lines.join('\n'),
    `status ${status} of ${trackingCode}`,
  );
};

/** To the complaint officers of the unit (and organisation-wide ones): that one arrived — never what it says. */
export const notifyComplaintOfficers = (
  strapi: Core.Strapi,
  unit: { id: number; code: string; nameTh: string },
  trackingCode: string,
) => {
  if (!process.env.SMTP_HOST) return;
  void (async () => {
    const rows = (await strapi.db.query(MEMBERSHIP_UID).findMany({
      where: {
        role: 'complaint-officer',
        active: true,
        $or: [{ unit: { id: unit.id } }, { unit: { id: { $null: true } } }],
      },
      select: ['userEmail'],
    })) as Array<{ userEmail: string }>;
    send(
      strapi,
      [...new Set(rows.map((r) => r.userEmail))],
      `[Prongsai] เรื่องร้องเรียนใหม่ ${trackingCode}`,
      `มีเรื่องร้องเรียนใหม่ถึง ${unit.code} ${unit.nameTh} รหัส ${trackingCode}\nเปิดดูในระบบ (เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน)`,
      `new complaint ${trackingCode}`,
    );
  })().catch((error: Error) =>
    strapi.log.warn(`[participation] complaint officers not notified: ${error.message}`),
  );
};
