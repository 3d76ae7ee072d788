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
 * they are not set the admin panel shows Strapi's registration form as usual. Only the *first*:
 * once any super admin exists nothing is created, so a deployment that keeps the variables set
 * never re-creates an administrator whose address changed or whose account was removed.
 */
export const ensureFirstAdmin = async (strapi: Core.Strapi) => {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const exists = await strapi.db.query('admin::user').count({ where: { email } });
  if (exists > 0 || (await hasSuperAdmin(strapi))) return;
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
  await ensureDemoUsers(strapi);
  return { units: DEMO_UNITS.length, entries };
};

/**
 * Demo accounts (development only; the password is in README.md): in every unit that has demo
 * entries an editor and an approver (the unit head), so each unit's flow can be completed; the
 * provincial office's publisher publishes for the centrally published ones (PVO and PV-AGRI,
 * `publishingMode: 'central'`: their approvers approve, only the publisher publishes); a central
 * monitor reads every unit.
 */
export const DEMO_PASSWORD = 'Prongsai123';
type DemoUser = {
  email: string;
  firstname: string;
  lastname: string;
  unit?: string;
  role: 'editor' | 'approver' | 'publisher' | 'monitor';
};
const staff = (key: string, unit: string, lastname: string): DemoUser[] => [
  {
    email: `editor.${key}@demo.prongsai.local`,
    firstname: 'บรรณาธิการ',
    lastname,
    unit,
    role: 'editor',
  },
  {
    email: `approver.${key}@demo.prongsai.local`,
    firstname: 'ผู้อนุมัติ',
    lastname,
    unit,
    role: 'approver',
  },
];
/** The centrally published demo units with entries (seed 002), for the provincial publisher. */
export const DEMO_CENTRAL_UNITS = DEMO_ENTRY_UNITS.filter(
  (code) => DEMO_UNITS.find((u) => u.code === code)?.group === 'provincial_agency',
);
export const DEMO_USERS: readonly DemoUser[] = [
  ...staff('oqa', 'OQA', 'สำนักมาตรฐาน'),
  ...staff('sci', 'SCI', 'คณะวิทยาศาสตร์'),
  ...staff('dproc', 'DPROC', 'กองพัสดุ'),
  ...staff('pvo', 'PVO', 'สำนักงานจังหวัด'),
  ...staff('agri', 'PV-AGRI', 'เกษตรจังหวัด'),
  ...staff('voc', 'PV-VOC', 'วิทยาลัยเทคนิค'),
  ...DEMO_CENTRAL_UNITS.map(
    (unit): DemoUser => ({
      email: 'publisher.pvo@demo.prongsai.local',
      firstname: 'ผู้เผยแพร่',
      lastname: 'สำนักงานจังหวัด',
      unit,
      role: 'publisher',
    }),
  ),
  {
    email: 'monitor@demo.prongsai.local',
    firstname: 'ผู้ติดตาม',
    lastname: 'ส่วนกลาง',
    role: 'monitor',
  },
];

const SUPER_ADMIN_CODE = 'strapi-super-admin';

/** Whether an administrator exists (someone registered, or ADMIN_EMAIL created one). */
const hasSuperAdmin = async (strapi: Core.Strapi) =>
  (await strapi.db.query('admin::user').count({ where: { roles: { code: SUPER_ADMIN_CODE } } })) >
  0;

let demoUsersRun: Promise<number> | null = null;

/**
 * Creates the demo accounts (idempotent: existing accounts and memberships stay) once the first
 * super admin exists. Strapi opens its registration form only while there is no admin user at
 * all, so creating them earlier would close it ("You cannot register a new super admin"): on a
 * first run they follow the first administrator's registration (`user.create`, see bootstrap).
 * Returns the number of accounts ensured (0 while there is no administrator).
 */
export const ensureDemoUsers = async (strapi: Core.Strapi): Promise<number> => {
  if (demoUsersRun) return demoUsersRun;
  demoUsersRun = (async () => {
    if (!(await hasSuperAdmin(strapi))) return 0;
    for (const u of DEMO_USERS)
      await upsertUserMembership(strapi, { ...u, password: DEMO_PASSWORD });
    await seedDemoResponsibilities(strapi, fiscalYearOf());
    return new Set(DEMO_USERS.map((u) => u.email)).size;
  })();
  try {
    return await demoUsersRun;
  } finally {
    demoUsersRun = null;
  }
};

/** Who answers for each item in two demo units (seed 004 §1), so "my items" and reminders show. */
const DEMO_RESPONSIBLE: Record<string, [string, string | null]> = {
  OQA: ['editor.oqa@demo.prongsai.local', 'approver.oqa@demo.prongsai.local'],
  SCI: ['editor.sci@demo.prongsai.local', 'approver.sci@demo.prongsai.local'],
};

/** Once the demo accounts exist (responsibilities name admin users); skipped for a unit that has some. */
const seedDemoResponsibilities = async (strapi: Core.Strapi, fiscalYear: number) => {
  const items = (await strapi.db.query('api::ita-item.ita-item').findMany({
    where: { checklist: { fiscalYear, scheme: 'general' } },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  for (const [code, [primaryEmail, secondaryEmail]] of Object.entries(DEMO_RESPONSIBLE)) {
    const unit = (await strapi.db.query(UNIT_UID).findOne({ where: { code } })) as {
      id: number;
      documentId: string;
    } | null;
    if (!unit) continue;
    const existing = await strapi.db
      .query('api::item-responsibility.item-responsibility')
      .count({ where: { unit: { id: unit.id } } });
    if (existing > 0) continue;
    for (const item of items) {
      await strapi.documents('api::item-responsibility.item-responsibility').create({
        data: { unit: unit.documentId, item: item.documentId, primaryEmail, secondaryEmail },
      } as never);
    }
  }
};

export default {
  async bootstrap(strapi: Core.Strapi) {
    await ensureFirstAdmin(strapi);
    if (!shouldSeedDemo(strapi)) return;
    const { units, entries } = await seedDemo(strapi);
    if (units > 0) strapi.log.info(`[seed] demo data: ${units} units, ${entries} entries`);
    if ((await ensureDemoUsers(strapi)) > 0) return;
    strapi.log.info(
      '[seed] demo accounts will be created once the first administrator registers at /admin',
    );
    // The first administrator registered through the form (or created in any other way): the
    // demo accounts follow. Strapi emits `user.create` without awaiting it, so errors are logged.
    let done = false;
    const off = strapi.eventHub.on('user.create', async () => {
      if (done) return;
      try {
        const created = await ensureDemoUsers(strapi);
        if (created > 0 && !done) {
          done = true;
          off();
          strapi.log.info(`[seed] demo accounts created (${created})`);
        }
      } catch (error) {
        strapi.log.error(`[seed] demo accounts: ${(error as Error).message}`);
      }
    });
  },
};
