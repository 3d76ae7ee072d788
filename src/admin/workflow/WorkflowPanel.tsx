import * as React from 'react';
import { Box, Button, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { unstable_useDocument, useNotification } from '@strapi/strapi/admin';
import {
  useGetWorkflowAllowedQuery,
  useGetWorkflowHistoryQuery,
  useWorkflowTransitionMutation,
  type HistoryEvent,
} from './api';
import { CurrencyConfirm } from './CurrencyConfirm';
import {
  ACTION_LABEL,
  ACTIONS_FROM,
  EVENT_LABEL,
  NEEDS_COMMENT,
  STATE_LABEL,
  WORKFLOW_TYPES,
  type Action,
  type State,
} from './constants';
import { ElementsSection, untickedCount, useEntryElements, type Ticks } from './Elements';
import { stateOf } from './status';

type PanelProps = { model: string; documentId?: string; collectionType: string };

/** What the person sees when the server offers them nothing on this entry. */
const WAITING: Partial<Record<State, string>> = {
  submitted: 'รอผู้อนุมัติตรวจ',
  approved: 'อนุมัติแล้ว รอเผยแพร่',
};

const errorMessage = (error: unknown) =>
  (error as { message?: string })?.message ||
  (error as { data?: { error?: { message?: string } } })?.data?.error?.message ||
  'เกิดข้อผิดพลาด';

/** Long words (addresses, file names) wrap inside the card. */
const WRAP: React.CSSProperties = { overflowWrap: 'anywhere', wordBreak: 'break-word' };

const when = (iso: string) =>
  new Date(iso).toLocaleString('th-TH', { dateStyle: 'medium', timeStyle: 'short' });

/** "ส่งตรวจ → รออนุมัติ"; the new state is left out when it only repeats the step's name. */
const stepOf = (e: HistoryEvent) => {
  const step = EVENT_LABEL[e.action] ?? 'ขั้นตอนอื่น';
  const to = e.to && e.to !== e.from ? STATE_LABEL[e.to as State] : undefined;
  return to && to !== step ? `${step} → ${to}` : step;
};

const WorkflowPanelContent = ({
  model,
  documentId,
  collectionType,
}: PanelProps & { documentId: string }) => {
  const { toggleNotification } = useNotification();
  const { document } = unstable_useDocument({ model, documentId, collectionType });
  const entry = { model, documentId };
  const { data: allowed } = useGetWorkflowAllowedQuery(entry);
  const { data: history = [], refetch: refetchHistory } = useGetWorkflowHistoryQuery(entry);
  const [move, { isLoading: busy }] = useWorkflowTransitionMutation();
  const [comment, setComment] = React.useState('');
  // The publication time (local date-time); empty clears the schedule.
  const [publishAt, setPublishAt] = React.useState('');
  // The server's state (GET /workflow/allowed) once it answered; the document's until then.
  const state = allowed?.state ?? stateOf(document);
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

  const run = async (action: Action) => {
    if (NEEDS_COMMENT.has(action) && comment.trim() === '') {
      toggleNotification({ type: 'warning', message: 'กรุณาระบุความเห็นหรือเหตุผล' });
      return;
    }
    try {
      // The mutation refreshes the entry everywhere it is shown (api.ts): Strapi's header and
      // Publish button, this panel, the lists — without a reload.
      await move({
        model,
        documentId,
        body: {
          action,
          comment,
          ...(action === 'schedule'
            ? { publishAt: publishAt ? new Date(publishAt).toISOString() : null }
            : {}),
          ...(action === 'approve'
            ? {
                elements: Object.fromEntries(
                  withElements.map((i) => [i.documentId, ticks[i.documentId] ?? []]),
                ),
              }
            : {}),
        },
      }).unwrap();
      toggleNotification({ type: 'success', message: `${ACTION_LABEL[action]}แล้ว` });
      setComment('');
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  // Only what the server allows this person now, in the usual order.
  const offered = allowed?.actions ?? [];
  const actions = ACTIONS_FROM[state].filter((a) => offered.includes(a));
  // The approver's latest request for changes, for the editor who has to act on it.
  const request =
    state === 'changes_requested'
      ? [...history].reverse().find((e) => e.action === 'request_changes')
      : undefined;
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={3}
      data-testid="workflow-panel"
      data-state={state}
      style={WRAP}
    >
      {request ? (
        <Box
          background="danger100"
          borderColor="danger600"
          borderStyle="solid"
          borderWidth="1px"
          hasRadius
          padding={3}
          data-testid="workflow-change-request"
          role="note"
        >
          <Typography variant="sigma" textColor="danger700" tag="p">
            ผู้อนุมัติขอให้แก้ไข
          </Typography>
          <Typography tag="p" style={{ ...WRAP, whiteSpace: 'pre-wrap' }}>
            {request.comment}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {request.actor ?? ''} · {when(request.createdAt)}
          </Typography>
        </Box>
      ) : null}
      {allowed && actions.length === 0 && WAITING[state] ? (
        <Typography variant="pi" textColor="neutral600" data-testid="workflow-waiting">
          {WAITING[state]}
        </Typography>
      ) : null}
      {actions.some((a) => NEEDS_COMMENT.has(a)) || actions.includes('submit') ? (
        <Textarea
          name="workflow-comment"
          aria-label="ความเห็น"
          placeholder="ความเห็น (จำเป็นเมื่อขอให้แก้ไขหรือยกเลิกการเผยแพร่)"
          value={comment}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)}
        />
      ) : null}
      {actions.includes('schedule') ? (
        <TextInput
          type="datetime-local"
          name="workflow-publish-at"
          aria-label="เวลาเผยแพร่"
          value={publishAt}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPublishAt(e.target.value)}
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
        onDone={() => void refetchHistory()}
      />
      {elements?.canTick ? null : (
        <ElementsSection data={elements} ticks={ticks} onToggle={toggle} />
      )}
      {history.length > 0 ? (
        <Box paddingTop={2}>
          <Typography variant="sigma" tag="h3">
            ประวัติ
          </Typography>
          <ol style={{ margin: 0, paddingLeft: 16, ...WRAP }} data-testid="workflow-history">
            {history.map((e, i) => (
              <li key={i} style={{ marginTop: 4 }}>
                <Typography variant="pi" tag="p" textColor="neutral600">
                  {when(e.createdAt)}
                </Typography>
                <Typography variant="pi" tag="p" style={WRAP}>
                  <strong>{e.actor ?? 'ระบบ'}</strong> · {stepOf(e)}
                </Typography>
                {e.comment ? (
                  <Typography variant="pi" tag="p" style={{ ...WRAP, whiteSpace: 'pre-wrap' }}>
                    “{e.comment}”
                  </Typography>
                ) : null}
              </li>
            ))}
          </ol>
        </Box>
      ) : null}
    </Flex>
  );
};

/**
 * Edit-view side panel: the approver's request for changes, the buttons the server allows this
 * person now, the history (names, Thai step names). The state itself is in the header
 * (status.tsx).
 */
export const WorkflowPanel = (props: PanelProps) => {
  if (!WORKFLOW_TYPES.has(props.model) || !props.documentId) return null;
  return {
    title: 'ขั้นตอนอนุมัติ',
    content: <WorkflowPanelContent {...props} documentId={props.documentId} />,
  };
};
