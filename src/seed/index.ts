import type { Core } from '@strapi/strapi';
import { fiscalYearOf } from '../ita/fiscal-year';
import { findChecklist, startFiscalYear } from '../ita/checklists';
import { DEMO_ENTRY_UNITS, DEMO_UNITS } from './demo-data';
import { demoEntries } from './demo-entries';
import { upsertUserMembership } from '../units/provisioning';
import { publishAsSystem } from '../workflow/service';

const UNIT_UID = 'api::unit.unit';

/**
 * The first super admin from ADMIN_EMAIL / ADMIN_PASSWORD (any environment, idempotent); when
 * they are not set the admin panel shows Strapi's registration form as usual.
 */
export const ensureFirstAdmin = async (strapi: Core.Strapi) => {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const exists = await strapi.db.query('admin::user').count({ where: { email } });
  if (exists > 0) return;
  const superAdmin = await strapi.admin.services.role.getSuperAdmin();
  if (!superAdmin) return;
  await strapi.admin.services.user.create({
    email,
    password,
    firstname: process.env.ADMIN_FIRSTNAME || 'ผู้ดูแลระบบ',
    lastname: process.env.ADMIN_LASTNAME || 'Prongsai',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
    preferedLanguage: 'th',
  });
  strapi.log.info(`[seed] created the first super admin ${email}`);
};

/** Demo data seeds only under `strapi develop` (or SEED_DEMO=true), never in production. */
export const shouldSeedDemo = (strapi: Core.Strapi): boolean => {
  if (process.env.NODE_ENV === 'production') return false;
  if (process.env.SEED_DEMO === 'false') return false;
  if (process.env.SEED_DEMO === 'true') return true;
  return strapi.config.get('autoReload') === true;
};

export const seedDemo = async (
  strapi: Core.Strapi,
): Promise<{ units: number; entries: number }> => {
  if ((await strapi.db.query(UNIT_UID).count({ where: { code: 'DEMO-UNI' } })) > 0) {
    return { units: 0, entries: 0 };
  }
  const ids = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const created = await strapi.documents(UNIT_UID).create({
      data: {
        code: u.code,
        nameTh: u.nameTh,
        nameEn: u.nameEn,
        group: u.group,
        scheme: u.scheme ?? 'general',
        // Seed 002: the provincial office publishes on its agencies' behalf.
        publishingMode: u.group === 'provincial_agency' ? 'central' : 'self',
        parent: u.parent ? ids.get(u.parent) : undefined,
        websiteUrl: `https://${u.code.toLowerCase()}.example.ac.th`,
        contact: {
          phone: '0 4300 0000',
          email: `${u.code.toLowerCase()}@example.ac.th`,
          address: u.nameTh,
        },
        active: true,
      },
    });
    ids.set(u.code, created.documentId);
  }
  // Fiscal year 2570 began before NACC published its list: start it from 2569, provisional.
  const current = fiscalYearOf();
  for (const scheme of ['general', 'vocational-college']) {
    if (
      !(await findChecklist(strapi, current, scheme)) &&
      (await findChecklist(strapi, current - 1, scheme))
    ) {
      await startFiscalYear(strapi, current, scheme);
    }
  }
  let entries = 0;
  for (const code of DEMO_ENTRY_UNITS) {
    const unit = DEMO_UNITS.find((u) => u.code === code)!;
    for (const entry of demoEntries(unit, current)) {
      const created = await strapi.documents(entry.uid).create({
        data: { ...entry.data, unit: ids.get(code) },
      } as never);
      if (entry.publish) await publishAsSystem(strapi, entry.uid, created.documentId, 'demo-seed');
      entries += 1;
    }
  }
  await seedDemoUsers(strapi);
  await seedDemoResponsibilities(strapi, ids, current);
  return { units: DEMO_UNITS.length, entries };
};

/** Demo accounts (development only), one per role; the password is in README.md. */
export const DEMO_PASSWORD = 'Prongsai123';
export const DEMO_USERS = [
  {
    email: 'editor.oqa@demo.prongsai.local',
    firstname: 'บรรณาธิการ',
    lastname: 'สำนักมาตรฐาน',
    unit: 'OQA',
    role: 'editor',
  },
  {
    email: 'approver.oqa@demo.prongsai.local',
    firstname: 'ผู้อนุมัติ',
    lastname: 'สำนักมาตรฐาน',
    unit: 'OQA',
    role: 'approver',
  },
  {
    email: 'editor.sci@demo.prongsai.local',
    firstname: 'บรรณาธิการ',
    lastname: 'คณะวิทยาศาสตร์',
    unit: 'SCI',
    role: 'editor',
  },
  {
    email: 'editor.agri@demo.prongsai.local',
    firstname: 'บรรณาธิการ',
    lastname: 'เกษตรจังหวัด',
    unit: 'PV-AGRI',
    role: 'editor',
  },
  {
    email: 'publisher.pvo@demo.prongsai.local',
    firstname: 'ผู้เผยแพร่',
    lastname: 'สำนักงานจังหวัด',
    unit: 'PV-AGRI',
    role: 'publisher',
  },
  {
    email: 'monitor@demo.prongsai.local',
    firstname: 'ผู้ติดตาม',
    lastname: 'ส่วนกลาง',
    role: 'monitor',
  },
] as const;

const seedDemoUsers = async (strapi: Core.Strapi) => {
  for (const u of DEMO_USERS) {
    await upsertUserMembership(strapi, {
      ...u,
      unit: 'unit' in u ? u.unit : undefined,
      password: DEMO_PASSWORD,
    });
  }
};

/** Who answers for each item in two demo units (seed 004 §1), so "my items" and reminders show. */
const DEMO_RESPONSIBLE: Record<string, [string, string | null]> = {
  OQA: ['editor.oqa@demo.prongsai.local', 'approver.oqa@demo.prongsai.local'],
  SCI: ['editor.sci@demo.prongsai.local', null],
};

const seedDemoResponsibilities = async (
  strapi: Core.Strapi,
  unitIds: Map<string, string>,
  fiscalYear: number,
) => {
  const items = (await strapi.db.query('api::ita-item.ita-item').findMany({
    where: { checklist: { fiscalYear, scheme: 'general' } },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  for (const [code, [primaryEmail, secondaryEmail]] of Object.entries(DEMO_RESPONSIBLE)) {
    for (const item of items) {
      await strapi.documents('api::item-responsibility.item-responsibility').create({
        data: { unit: unitIds.get(code), item: item.documentId, primaryEmail, secondaryEmail },
      } as never);
    }
  }
};

export default {
  async bootstrap(strapi: Core.Strapi) {
    await ensureFirstAdmin(strapi);
    if (shouldSeedDemo(strapi)) {
      const { units, entries } = await seedDemo(strapi);
      if (units > 0) strapi.log.info(`[seed] demo data: ${units} units, ${entries} entries`);
    }
  },
};
