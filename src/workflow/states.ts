/**
 * The editorial workflow as named states and guarded transitions (seed 002: units prepare →
 * the unit head or the central office checks → publishes).
 */
import { WORKFLOW_STATE_LABELS } from '../common/enum-labels';

export const STATES = ['draft', 'submitted', 'changes_requested', 'approved', 'published'] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  'submit',
  'approve',
  'request_changes',
  'publish',
  'unpublish',
  'schedule',
] as const;
export type Action = (typeof ACTIONS)[number];

export const isAction = (v: unknown): v is Action =>
  typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);

/** Who may take an action, by the role they hold in the entry's unit. */
export type Capacity = 'editor' | 'approver' | 'publisher';

export type Transition = {
  from: readonly State[];
  to: State;
  by: readonly Capacity[];
  /** A comment is required (request changes, unpublish). */
  needsComment?: boolean;
};

export const TRANSITIONS: Record<Action, Transition> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', by: ['editor', 'approver'] },
  approve: { from: ['submitted'], to: 'approved', by: ['approver'] },
  request_changes: {
    from: ['submitted', 'approved'],
    to: 'changes_requested',
    by: ['approver', 'publisher'],
    needsComment: true,
  },
  publish: { from: ['approved'], to: 'published', by: ['approver', 'publisher'] },
  unpublish: {
    from: ['published'],
    to: 'draft',
    by: ['approver', 'publisher'],
    needsComment: true,
  },
  // Setting, moving or clearing the publication time of an approved entry: a decision of
  // whoever may publish it (in a centrally published unit, the central publisher).
  schedule: { from: ['approved'], to: 'approved', by: ['approver', 'publisher'] },
};

/** Actions that only whoever may publish in the unit takes (central units: the publisher). */
export const PUBLISHING_ACTIONS: ReadonlySet<Action> = new Set(['publish', 'schedule']);

/** Thai with the English state name, e.g. "ขอให้แก้ไข (changes requested)" (e-mails). */
export const STATE_LABELS = Object.fromEntries(
  STATES.map((state) => [state, `${WORKFLOW_STATE_LABELS[state]} (${state.replace('_', ' ')})`]),
) as Record<State, string>;
