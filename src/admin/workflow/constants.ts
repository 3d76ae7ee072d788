/** Workflow vocabulary for the admin panel; mirrors src/workflow/states.ts on the server. */
import { WORKFLOW_STATE_LABELS } from '../../common/enum-labels';

export type State = 'draft' | 'submitted' | 'changes_requested' | 'approved' | 'published';
export type Action =
  | 'submit'
  | 'approve'
  | 'request_changes'
  | 'publish'
  | 'unpublish'
  | 'schedule';

export const WORKFLOW_TYPES = new Set([
  'api::unit-profile.unit-profile',
  'api::executive.executive',
  'api::law.law',
  'api::news.news',
  'api::qa.qa',
  'api::e-service.e-service',
  'api::plan.plan',
  'api::report.report',
  'api::manual.manual',
  'api::procurement-announcement.procurement-announcement',
  'api::procurement-summary.procurement-summary',
  'api::activity.activity',
  'api::policy-declaration.policy-declaration',
]);

/** The workflow states' Thai names: the one label source the server uses too. */
export const STATE_LABEL = WORKFLOW_STATE_LABELS as Record<State, string>;

/** The buttons of the workflow panel. */
export const ACTION_LABEL: Record<Action, string> = {
  submit: 'ส่งตรวจ',
  approve: 'อนุมัติ',
  request_changes: 'ขอให้แก้ไข',
  publish: 'เผยแพร่',
  unpublish: 'ยกเลิกการเผยแพร่',
  schedule: 'ตั้งเวลาเผยแพร่',
};

/** Every step the history records (src/workflow, src/compliance), as the history shows it. */
export const EVENT_LABEL: Record<string, string> = {
  ...ACTION_LABEL,
  edit: 'แก้ไขเนื้อหา',
  discard: 'ยกเลิกการแก้ไขฉบับร่าง',
  delete: 'ลบข้อมูล',
  confirm: 'ยืนยันว่ายังเป็นปัจจุบัน',
  acknowledge: 'รับทราบ',
};

/** The state badge's colours (design-system tokens). */
export const STATE_BADGE: Record<State, { backgroundColor: string; textColor: string }> = {
  draft: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  submitted: { backgroundColor: 'warning100', textColor: 'warning700' },
  changes_requested: { backgroundColor: 'danger100', textColor: 'danger700' },
  approved: { backgroundColor: 'primary100', textColor: 'primary700' },
  published: { backgroundColor: 'success100', textColor: 'success700' },
};

/**
 * Actions that can start from each state. Which of them a person may take is the server's answer
 * (GET /workflow/allowed); this only orders the buttons.
 */
export const ACTIONS_FROM: Record<State, Action[]> = {
  draft: ['submit'],
  submitted: ['approve', 'request_changes'],
  changes_requested: ['submit'],
  approved: ['publish', 'schedule', 'request_changes'],
  published: ['unpublish'],
};

export const NEEDS_COMMENT = new Set<Action>(['request_changes', 'unpublish']);
