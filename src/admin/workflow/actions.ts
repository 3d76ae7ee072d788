import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { WORKFLOW_TYPES } from './constants';

/**
 * Strapi's own Publish button stays, but is disabled unless the entry is approved; its
 * Unpublish is hidden (unpublishing needs a reason: the workflow panel asks for it). The server
 * refuses both anyway (src/workflow/guard.ts) — this only keeps editors from a dead end.
 */
export const gateDefaultActions = (actions: DocumentActionComponent[]): DocumentActionComponent[] =>
  actions.flatMap((Action) => {
    if (Action.type === 'unpublish') {
      const Hidden: DocumentActionComponent = (props) =>
        WORKFLOW_TYPES.has(props.model) ? null : Action(props);
      Hidden.type = 'unpublish';
      return [Hidden];
    }
    if (Action.type !== 'publish') return [Action];
    const Gated: DocumentActionComponent = (props) => {
      const description = Action(props);
      if (!description || !WORKFLOW_TYPES.has(props.model)) return description;
      const state = (props.document as { workflowState?: string } | undefined)?.workflowState;
      return state === 'approved'
        ? description
        : {
            ...description,
            disabled: true,
            label: 'เผยแพร่ได้เมื่ออนุมัติแล้ว · Publish after approval',
          };
    };
    Gated.type = 'publish';
    Gated.position = Action.position;
    return [Gated];
  });
