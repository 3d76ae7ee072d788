import { DISCLOSURE_TYPES } from '../disclosures/types';

/**
 * The admin roles Prongsai creates at start (docs/roles.md). Unit-bound roles carry a condition
 * that limits them to the units where the user holds that role (src/units/conditions.ts).
 * Administrators use Strapi's own Super Admin role.
 */
export type MembershipRole =
  | 'editor'
  | 'approver'
  | 'publisher'
  | 'monitor'
  | 'complaint-officer'
  | 'admin';

export type RoleDefinition = {
  role: Exclude<MembershipRole, 'admin'>;
  code: string;
  name: string;
  description: string;
};

export const ROLE_DEFINITIONS: readonly RoleDefinition[] = [
  {
    role: 'editor',
    code: 'prongsai-unit-editor',
    name: 'บรรณาธิการหน่วยงาน (Unit editor)',
    description:
      'เขียนและแก้ไขฉบับร่างของหน่วยงานตนเอง ไม่อนุมัติและไม่เผยแพร่ / Writes drafts for their units; cannot approve or publish',
  },
  {
    role: 'approver',
    code: 'prongsai-unit-approver',
    name: 'ผู้อนุมัติหน่วยงาน (Unit approver)',
    description:
      'หัวหน้าหน่วยงาน: ตรวจ ขอแก้ไข อนุมัติ และเผยแพร่ข้อมูลของหน่วยงานตนเอง / The unit head: reviews, approves and publishes for their units',
  },
  {
    role: 'publisher',
    code: 'prongsai-central-publisher',
    name: 'ผู้เผยแพร่ส่วนกลาง (Central publisher)',
    description:
      'หน่วยงานกลาง: ตรวจและเผยแพร่แทนหน่วยงานที่ได้รับมอบหมาย / The central office: checks and publishes for its assigned units',
  },
  {
    role: 'monitor',
    code: 'prongsai-central-monitor',
    name: 'ผู้ติดตามส่วนกลาง (Central monitor)',
    description:
      "อ่านข้อมูลและสถานะของทุกหน่วยงาน ไม่แก้ไขใด ๆ / Reads every unit's content and status; changes nothing",
  },
  {
    // Reads confidential corruption complaints only, through the participation admin API
    // (src/participation/admin.ts); no Content Manager or Media Library permission at all.
    role: 'complaint-officer',
    code: 'prongsai-complaint-officer',
    name: 'เจ้าหน้าที่รับเรื่องร้องเรียน (Complaint officer)',
    description:
      'รับและติดตามเรื่องร้องเรียนการทุจริตที่เป็นความลับ ของหน่วยงานที่ได้รับมอบหมาย หรือทั้งองค์กรเมื่อไม่ระบุหน่วยงาน / Handles confidential corruption complaints of their unit, or of every unit when no unit is set',
  },
];

export const SUPER_ADMIN_CODE = 'strapi-super-admin';
export const MANAGED_ROLE_CODES = new Set(ROLE_DEFINITIONS.map((r) => r.code));

export const CONDITION = {
  editor: 'api::units.editor-of',
  approver: 'api::units.approver-of',
  publisher: 'api::units.publisher-of',
  member: 'api::units.member-of',
} as const;

export type Permission = {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
};

const CM = 'plugin::content-manager.explorer';
const REFERENCE_TYPES = ['api::ita-checklist.ita-checklist', 'api::ita-item.ita-item'];
const UPLOAD_READ = [
  'plugin::upload.read',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];
const UPLOAD_WRITE = ['plugin::upload.assets.create', 'plugin::upload.assets.update'];

const forTypes = (actions: string[], conditions: string[]): Permission[] =>
  DISCLOSURE_TYPES.flatMap((t) =>
    actions.map((a) => ({ action: `${CM}.${a}`, subject: t.uid, conditions })),
  );

const readReference = (unitCondition: string[]): Permission[] => [
  { action: `${CM}.read`, subject: 'api::unit.unit', conditions: unitCondition },
  ...REFERENCE_TYPES.map((subject) => ({ action: `${CM}.read`, subject })),
];

// --- Issue 14 (helper A): ITA scores and work groups, unit-owned (src/units/owned.ts). -------
// Unit editors and approvers manage those of their units in the Content Manager (the same
// conditions as disclosures); central monitors read them. The unit guard enforces the same on
// every Document Service path.
const SCORE_AND_WORK_GROUP_UIDS = ['api::ita-score.ita-score', 'api::work-group.work-group'];
const scoresAndWorkGroups = (actions: string[], conditions: string[]): Permission[] =>
  SCORE_AND_WORK_GROUP_UIDS.flatMap((subject) =>
    actions.map((a) => ({ action: `${CM}.${a}`, subject, conditions })),
  );
// --- end of issue 14 (helper A) -------------------------------------------------------------

/** The exact permissions of each role. Media scoping is enforced by src/units/media.ts. */
export const permissionsOf = (role: RoleDefinition['role']): Permission[] => {
  switch (role) {
    case 'editor':
      return [
        ...forTypes(['create', 'read', 'update', 'delete'], [CONDITION.editor]),
        ...scoresAndWorkGroups(['create', 'read', 'update', 'delete'], [CONDITION.editor]),
        ...readReference([CONDITION.member]),
        ...[...UPLOAD_READ, ...UPLOAD_WRITE].map((action) => ({ action })),
      ];
    case 'approver':
      return [
        ...forTypes(['create', 'read', 'update', 'delete', 'publish'], [CONDITION.approver]),
        ...scoresAndWorkGroups(['create', 'read', 'update', 'delete'], [CONDITION.approver]),
        ...readReference([CONDITION.member]),
        ...[...UPLOAD_READ, ...UPLOAD_WRITE].map((action) => ({ action })),
      ];
    case 'publisher':
      return [
        ...forTypes(['read', 'update', 'publish'], [CONDITION.publisher]),
        ...readReference([CONDITION.member]),
        ...UPLOAD_READ.map((action) => ({ action })),
      ];
    case 'monitor':
      return [
        ...forTypes(['read'], []),
        ...scoresAndWorkGroups(['read'], []),
        ...readReference([]),
        { action: `${CM}.read`, subject: 'api::unit-membership.unit-membership' },
        // Compliance: who is responsible for what, and the monthly reports.
        { action: `${CM}.read`, subject: 'api::item-responsibility.item-responsibility' },
        { action: `${CM}.read`, subject: 'api::compliance-report.compliance-report' },
        ...UPLOAD_READ.map((action) => ({ action })),
      ];
    case 'complaint-officer':
      return [];
  }
};
