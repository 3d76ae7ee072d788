import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { useGetWorkflowAllowedQuery } from './api';
import { WORKFLOW_TYPES } from './constants';

/** The actions the server allows the current person on this entry (GET /workflow/allowed). */
export const useAllowedActions = (model: string, documentId: string | undefined) => {
  const workflow = WORKFLOW_TYPES.has(model) && Boolean(documentId);
  const { data } = useGetWorkflowAllowedQuery(
    { model, documentId: documentId ?? '' },
    { skip: !workflow },
  );
  return workflow ? (data?.actions ?? null) : null;
};

/**
 * Strapi's own document actions on the workflow types offer only what the person may do now:
 * Publish only when the server allows this person to publish this entry (approved, and they
 * publish for its unit); Unpublish never (it needs a reason: the workflow panel asks for it).
 * The server refuses both anyway (src/workflow/guard.ts) — this keeps people from a dead end.
 */
export const gateDefaultActions = (actions: DocumentActionComponent[]): DocumentActionComponent[] =>
  actions.flatMap((Action) => {
    if (Action.type === 'unpublish') {
      const Hidden: DocumentActionComponent = (props) =>
        WORKFLOW_TYPES.has(props.model) ? null : Action(props);
      Hidden.type = 'unpublish';
      Hidden.position = Action.position;
      return [Hidden];
    }
    if (Action.type !== 'publish') return [Action];
    const Gated: DocumentActionComponent = (props) => {
      // Hooks first, always in the same order.
      const allowed = useAllowedActions(props.model, props.documentId);
      const description = Action(props);
      if (!description || !WORKFLOW_TYPES.has(props.model)) return description;
      // A new entry is a draft; an existing one is published by whoever the server allows.
      return allowed?.includes('publish') ? { ...description, label: 'เผยแพร่' } : null;
    };
    Gated.type = 'publish';
    Gated.position = Action.position;
    return [Gated];
  });
