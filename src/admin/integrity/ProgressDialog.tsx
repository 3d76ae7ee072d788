import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  PROGRESS_STATUSES,
  PROGRESS_STATUS_LABEL,
  defaultPeriod,
  failureText,
  monthLabel,
  periodsOfStep,
  type FiscalMonth,
  type PlanInfo,
  type PlanStep,
  type ProgressStatus,
} from './api';

export type OpenStep = { step: PlanStep; label: string };

const Form = ({
  plan,
  fiscalYear,
  open,
  onSaved,
}: {
  plan: PlanInfo;
  fiscalYear: number;
  open: OpenStep;
  onSaved: (text: string) => void;
}) => {
  const { post } = useFetchClient();
  const { step } = open;
  const allowed = periodsOfStep(plan.periods ?? [], step);
  const [period, setPeriod] = React.useState<FiscalMonth | ''>(
    () => defaultPeriod(fiscalYear, allowed, step) ?? '',
  );
  const fromLatest = step.latest && step.latest.period === period ? step.latest : null;
  const [status, setStatus] = React.useState<ProgressStatus>(
    fromLatest?.status ?? (step.latest?.status === 'done' ? 'done' : 'in_progress'),
  );
  const [percent, setPercent] = React.useState<number | undefined>(
    fromLatest?.percent ?? step.latest?.percent ?? 0,
  );
  const [done, setDone] = React.useState(fromLatest?.done ?? '');
  const [problems, setProblems] = React.useState(fromLatest?.problems ?? '');
  // The design system's number input keeps what was typed over its value prop: a per cent set
  // here (from the status or the period chosen) remounts it.
  const [percentSet, setPercentSet] = React.useState(0);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const choosePeriod = (p: FiscalMonth) => {
    setPeriod(p);
    // What was reported for that period already, to correct it.
    if (step.latest && step.latest.period === p) {
      setStatus(step.latest.status);
      setPercent(step.latest.percent ?? 0);
      setPercentSet((n) => n + 1);
      setDone(step.latest.done ?? '');
      setProblems(step.latest.problems ?? '');
    }
  };
  const chooseStatus = (s: ProgressStatus) => {
    setStatus(s);
    if (s === 'done' || s === 'not_started') {
      setPercent(s === 'done' ? 100 : 0);
      setPercentSet((n) => n + 1);
    }
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await post('/integrity/progress', {
        plan: plan.documentId,
        step: step.key,
        period,
        status,
        percent: percent ?? 0,
        done: done.trim() || null,
        problems: problems.trim() || null,
      });
      onSaved(
        `บันทึกความก้าวหน้าขั้นตอนที่ ${open.label} รอบ ${monthLabel(fiscalYear, period, false)} แล้ว`,
      );
    } catch (err) {
      setError(failureText(err, 'บันทึกความก้าวหน้าไม่สำเร็จ'));
      setBusy(false);
    }
  };

  if (!allowed.length)
    return (
      <>
        <Modal.Body>
          <Typography tag="p">
            ขั้นตอนนี้ไม่มีรอบรายงานตามแผน (รอบรายงานของแผนอยู่ก่อนเดือนที่ขั้นตอนเริ่ม)
          </Typography>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">ปิด</Button>
          </Modal.Close>
        </Modal.Footer>
      </>
    );

  return (
    <form onSubmit={save} data-testid="integrity-progress-form">
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="p" variant="omega" style={{ whiteSpace: 'pre-wrap' }}>
            {open.label} {step.text}
          </Typography>
          <Field.Root name="period" required>
            <Field.Label>รอบรายงาน</Field.Label>
            <SingleSelect
              value={period}
              onChange={(v: string | number) => choosePeriod(String(v) as FiscalMonth)}
              data-testid="integrity-progress-period"
            >
              {allowed.map((p) => (
                <SingleSelectOption key={p} value={p}>
                  {`สิ้นเดือน${monthLabel(fiscalYear, p)}`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="status" required>
            <Field.Label>สถานะ</Field.Label>
            <SingleSelect
              value={status}
              onChange={(v: string | number) => chooseStatus(String(v) as ProgressStatus)}
              data-testid="integrity-progress-status"
            >
              {PROGRESS_STATUSES.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {PROGRESS_STATUS_LABEL[s]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Field.Root name="percent" hint="0 ถึง 100">
            <Field.Label>ร้อยละความก้าวหน้า</Field.Label>
            <NumberInput
              key={percentSet}
              value={percent}
              onValueChange={(v: number | undefined) => setPercent(v)}
              step={5}
            />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="done">
            <Field.Label>ผลการดำเนินงาน (สิ่งที่ได้ดำเนินการ)</Field.Label>
            <Textarea
              value={done}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDone(e.target.value)}
            />
          </Field.Root>
          <Field.Root name="problems">
            <Field.Label>ปัญหา/อุปสรรค/ข้อจำกัด</Field.Label>
            <Textarea
              value={problems}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setProblems(e.target.value)}
            />
          </Field.Root>
          {error ? (
            <Box background="danger100" padding={3} hasRadius>
              <Typography tag="p" textColor="danger700" role="alert">
                {error}
              </Typography>
            </Box>
          ) : null}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">ยกเลิก</Button>
        </Modal.Close>
        <Button type="submit" loading={busy} disabled={!period}>
          บันทึกความก้าวหน้า
        </Button>
      </Modal.Footer>
    </form>
  );
};

/** "รายงานความก้าวหน้า": one step's progress in one of the plan's reporting periods. */
export const ProgressDialog = ({
  plan,
  fiscalYear,
  open,
  onClose,
  onSaved,
}: {
  plan: PlanInfo;
  fiscalYear: number;
  open: OpenStep | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}) => (
  <Modal.Root open={open !== null} onOpenChange={(o: boolean) => (o ? undefined : onClose())}>
    {open ? (
      <Modal.Content data-testid="integrity-progress-dialog">
        <Modal.Header closeLabel="ปิด">
          <Modal.Title>รายงานความก้าวหน้า ขั้นตอนที่ {open.label}</Modal.Title>
        </Modal.Header>
        <Form
          key={open.step.key}
          plan={plan}
          fiscalYear={fiscalYear}
          open={open}
          onSaved={onSaved}
        />
      </Modal.Content>
    ) : null}
  </Modal.Root>
);
