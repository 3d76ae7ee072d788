/** Workflow vocabulary for the admin panel; mirrors src/workflow/states.ts on the server. */
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

export const STATE_LABEL: Record<State, string> = {
  draft: 'ฉบับร่าง · Draft',
  submitted: 'รออนุมัติ · Submitted',
  changes_requested: 'ขอให้แก้ไข · Changes requested',
  approved: 'อนุมัติแล้ว · Approved',
  published: 'เผยแพร่แล้ว · Published',
};

export const ACTION_LABEL: Record<Action, string> = {
  submit: 'ส่งอนุมัติ · Submit',
  approve: 'อนุมัติ · Approve',
  request_changes: 'ขอให้แก้ไข · Request changes',
  publish: 'เผยแพร่ · Publish',
  unpublish: 'ยกเลิกการเผยแพร่ · Unpublish',
  schedule: 'ตั้งเวลาเผยแพร่ · Schedule',
};

/** Actions that can start from each state (the server still checks roles, four-eyes, etc.). */
export const ACTIONS_FROM: Record<State, Action[]> = {
  draft: ['submit'],
  submitted: ['approve', 'request_changes'],
  changes_requested: ['submit'],
  approved: ['publish', 'schedule', 'request_changes'],
  published: ['unpublish'],
};

export const NEEDS_COMMENT = new Set<Action>(['request_changes', 'unpublish']);
