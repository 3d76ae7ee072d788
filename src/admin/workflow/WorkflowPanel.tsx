import * as React from 'react';
import { Badge, Box, Button, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { unstable_useDocument, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { CurrencyConfirm } from './CurrencyConfirm';
import {
  ACTION_LABEL,
  ACTIONS_FROM,
  NEEDS_COMMENT,
  STATE_LABEL,
  WORKFLOW_TYPES,
  type Action,
  type State,
} from './constants';
import { ElementsSection, untickedCount, useEntryElements, type Ticks } from './Elements';

type PanelProps = { model: string; documentId?: string; collectionType: string };
type HistoryEvent = {
  action: string;
  from: string | null;
  to: string;
  actor: string | null;
  comment: string | null;
  createdAt: string;
};

const BADGE: Record<State, { backgroundColor: string; textColor: string }> = {
  draft: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  submitted: { backgroundColor: 'warning100', textColor: 'warning700' },
  changes_requested: { backgroundColor: 'danger100', textColor: 'danger700' },
  approved: { backgroundColor: 'primary100', textColor: 'primary700' },
  published: { backgroundColor: 'success100', textColor: 'success700' },
};

const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error
    ?.message ??
  (error as Error)?.message ??
  'Error';

const WorkflowPanelContent = ({
  model,
  documentId,
  collectionType,
}: PanelProps & { documentId: string }) => {
  const { post, get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { document, refetch } = unstable_useDocument({ model, documentId, collectionType });
  const [comment, setComment] = React.useState('');
  // The publication time (local date-time); empty clears the schedule.
  const [when, setWhen] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [history, setHistory] = React.useState<HistoryEvent[]>([]);
  const state = ((document as { workflowState?: State } | undefined)?.workflowState ??
    'draft') as State;
  // The evidence elements of the linked items; the approver ticks them when approving.
  const elements = useEntryElements(model, documentId, `${state}:${history.length}`);
  const [ticks, setTicks] = React.useState<Ticks>({});
  React.useEffect(() => setTicks({}), [state, documentId]);
  const toggle = (item: string, index: number, on: boolean) =>
    setTicks((t) => {
      const rest = (t[item] ?? []).filter((i) => i !== index);
      return { ...t, [item]: on ? [...rest, index].sort((a, b) => a - b) : rest };
    });
  const withElements = elements?.items.filter((i) => i.elements.length > 0) ?? [];
  const unticked = untickedCount(withElements, ticks);

  const loadHistory = React.useCallback(async () => {
    try {
      const res = await get<{ data: HistoryEvent[] }>(
        `/workflow/history?uid=${encodeURIComponent(model)}&documentId=${documentId}`,
      );
      setHistory(res.data.data);
    } catch {
      setHistory([]);
    }
  }, [get, model, documentId]);

  React.useEffect(() => {
    void loadHistory();
  }, [loadHistory, state]);

  const run = async (action: Action) => {
    if (NEEDS_COMMENT.has(action) && comment.trim() === '') {
      toggleNotification({
        type: 'warning',
        message: 'กรุณาระบุความเห็นหรือเหตุผล / A comment is required',
      });
      return;
    }
    setBusy(true);
    try {
      await post('/workflow/transition', {
        uid: model,
        documentId,
        action,
        comment,
        ...(action === 'schedule' ? { publishAt: when ? new Date(when).toISOString() : null } : {}),
        ...(action === 'approve'
          ? {
              elements: Object.fromEntries(
                withElements.map((i) => [i.documentId, ticks[i.documentId] ?? []]),
              ),
            }
          : {}),
      });
      toggleNotification({ type: 'success', message: ACTION_LABEL[action] });
      setComment('');
      refetch();
      await loadHistory();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  // Approve is offered only to whoever may approve this entry now (the server checks again).
  const actions = ACTIONS_FROM[state].filter(
    (a) => a !== 'approve' || elements === null || elements.canTick,
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="workflow-panel">
      <Flex gap={2}>
        <Typography variant="sigma">สถานะ</Typography>
        <Badge {...BADGE[state]} data-testid="workflow-state" data-state={state}>
          {STATE_LABEL[state]}
        </Badge>
      </Flex>
      {actions.some((a) => NEEDS_COMMENT.has(a)) || actions.includes('submit') ? (
        <Textarea
          name="workflow-comment"
          aria-label="ความเห็น / Comment"
          placeholder="ความเห็น (จำเป็นเมื่อขอให้แก้ไขหรือยกเลิกการเผยแพร่) / Comment"
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
        />
      ) : null}
      {actions.includes('schedule') ? (
        <TextInput
          type="datetime-local"
          name="workflow-publish-at"
          aria-label="เวลาเผยแพร่ / Publication time"
          value={when}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setWhen(e.target.value)}
          data-testid="workflow-publish-at"
        />
      ) : null}
      {/* Whoever approves ticks the elements first, above the button. */}
      {elements?.canTick ? (
        <ElementsSection data={elements} ticks={ticks} onToggle={toggle} />
      ) : null}
      {actions.includes('approve') && withElements.length > 0 && unticked > 0 ? (
        <Typography variant="pi" textColor="warning700" data-testid="evidence-unticked">
          ยังไม่ได้ติ๊ก {unticked} องค์ประกอบ: หากอนุมัติ ข้อนั้นจะแสดงว่า “หลักฐานไม่ครบองค์ประกอบ”
          ในหน้าติดตาม ITA
        </Typography>
      ) : null}
      {actions.map((action) => (
        <Button
          key={action}
          fullWidth
          loading={busy}
          variant={
            action === 'request_changes' || action === 'unpublish' ? 'danger-light' : 'default'
          }
          onClick={() => run(action)}
          data-testid={`workflow-${action}`}
        >
          {ACTION_LABEL[action]}
        </Button>
      ))}
      <CurrencyConfirm
        model={model}
        documentId={documentId}
        refreshKey={state}
        onDone={loadHistory}
      />
      {elements?.canTick ? null : (
        <ElementsSection data={elements} ticks={ticks} onToggle={toggle} />
      )}
      {history.length > 0 ? (
        <Box paddingTop={2}>
          <Typography variant="sigma">ประวัติ · History</Typography>
          <ol style={{ margin: 0, paddingLeft: 16 }} data-testid="workflow-history">
            {history.map((e, i) => (
              <li key={i}>
                <Typography variant="pi">
                  {new Date(e.createdAt).toLocaleString('th-TH')} · {e.actor ?? ''} · {e.action} →{' '}
                  {STATE_LABEL[e.to as State] ?? e.to}
                  {e.comment ? ` — “${e.comment}”` : ''}
                </Typography>
              </li>
            ))}
          </ol>
        </Box>
      ) : null}
    </Flex>
  );
};

/** Edit-view side panel: the state as a badge, the buttons for this state, the history. */
export const WorkflowPanel = (props: PanelProps) => {
  if (!WORKFLOW_TYPES.has(props.model) || !props.documentId) return null;
  return {
    title: 'ขั้นตอนอนุมัติ · Workflow',
    content: <WorkflowPanelContent {...props} documentId={props.documentId} />,
  };
};
