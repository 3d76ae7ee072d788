import { Badge } from '@strapi/design-system';
import type { HeaderActionComponent } from '@strapi/content-manager/strapi-admin';
import { STATE_BADGE, STATE_LABEL, WORKFLOW_TYPES, type State } from './constants';

/**
 * One status in the edit view's header: for the workflow types, Strapi's draft / published /
 * modified badge says less than the workflow state and sometimes the opposite (a submitted entry
 * is Strapi's "draft"), so it is hidden and the workflow state is shown in its place.
 *
 * Strapi 5.54 has no hook to replace the header's status: the state goes in as a header action's
 * status (`_status`, the slot Strapi's own AI-translation status uses), and a style rule, present
 * only while a workflow type's edit view is open, hides Strapi's badge — the one right below the
 * header's title row (relation lists further down keep theirs).
 */
const HIDE_STRAPI_STATUS = ['draft', 'published', 'modified']
  .map((s) => `div:has(> div h1) > div > [role='status'][aria-label='${s}']`)
  .join(',\n');

export const stateOf = (document: unknown): State =>
  ((document as { workflowState?: State } | undefined)?.workflowState ?? 'draft') as State;

export const WorkflowStatusHeader: HeaderActionComponent = ({ model, document }) => {
  if (!WORKFLOW_TYPES.has(model) || !document) return null;
  const state = stateOf(document);
  return {
    label: `สถานะ: ${STATE_LABEL[state]}`,
    _status: {
      message: (
        <>
          <style>{`${HIDE_STRAPI_STATUS} { display: none !important; }`}</style>
          <Badge
            {...STATE_BADGE[state]}
            size="M"
            data-testid="workflow-state"
            data-state={state}
            aria-label={`สถานะ: ${STATE_LABEL[state]}`}
            style={{ whiteSpace: 'nowrap' }}
          >
            {STATE_LABEL[state]}
          </Badge>
        </>
      ),
    },
  };
};
