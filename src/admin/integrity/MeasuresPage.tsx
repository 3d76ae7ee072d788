import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  Tabs,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import { query } from '../compliance/api';
import { currentFiscalYear } from '../compliance/labels';
import type { Me } from '../participation/api';
import { STATE_LABEL, type State } from '../workflow/constants';
import {
  CADENCE_LABEL,
  PLAN_UID,
  editPath,
  failureText,
  monthLabel,
  type PlanData,
  type PlanStep,
} from './api';
import { Documents } from './Documents';
import { Overview } from './Overview';
import { PlanTable } from './PlanTable';
import { PlanEditor } from './PlanEditor';
import { ProgressDialog, type OpenStep } from './ProgressDialog';
import { Scores } from './Scores';

/** The workflow states in which a plan's measures may still change (as in the edit view). */
const EDITABLE_STATES = new Set(['draft', 'changes_requested']);

const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) => (
  <Box
    tag="section"
    background="neutral0"
    padding={6}
    hasRadius
    shadow="tableShadow"
    data-testid={testId}
    aria-label={title}
  >
    <Box paddingBottom={3}>
      <Typography variant="beta" tag="h2">
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

type Unit = Me['units'][number];

/** One unit's year: its ITA scores, its measures plan with the latest progress, its documents. */
const UnitYear = ({ unit, fiscalYear }: { unit: Unit; fiscalYear: number }) => {
  const { get } = useFetchClient();
  const [plan, setPlan] = React.useState<PlanData | null>(null);
  const [mediaFolder, setMediaFolder] = React.useState<number | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [reload, setReload] = React.useState(0);
  const [open, setOpen] = React.useState<OpenStep | null>(null);
  const [saved, setSaved] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState(false);
  const mayWrite = unit.answer;

  React.useEffect(() => {
    let live = true;
    setFailure(null);
    get<{ data: PlanData; meta?: { mediaFolder?: number | null } }>(
      `/integrity/plan${query({ unit: unit.code, fiscalYear })}`,
    )
      .then((res) => {
        if (!live) return;
        setPlan(res.data.data);
        setMediaFolder(res.data.meta?.mediaFolder ?? null);
      })
      .catch((error) => {
        if (!live) return;
        setPlan(null);
        setFailure(failureText(error, 'โหลดแผนมาตรการไม่สำเร็จ'));
      });
    return () => {
      live = false;
    };
  }, [get, unit.code, fiscalYear, reload]);

  // A plan of another unit or year is not shown while the new one loads.
  const current =
    plan && plan.unit?.code === unit.code && plan.fiscalYear === fiscalYear ? plan : null;
  const info = current?.plan ?? null;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Section title="ผลคะแนน ITA" testId="integrity-scores-section">
        <Scores
          unit={unit.code}
          fiscalYear={fiscalYear}
          mayCreatePlan={mayWrite && current !== null && info === null}
          onPlanCreated={() => setReload((n) => n + 1)}
        />
      </Section>

      <Section title="แผนมาตรการ" testId="integrity-plan-section">
        {failure ? (
          <Typography tag="p" textColor="neutral700" data-testid="integrity-plan-unavailable">
            {failure}
          </Typography>
        ) : !current ? (
          <Typography tag="p">กำลังโหลด…</Typography>
        ) : !info ? (
          <Typography tag="p" data-testid="integrity-no-plan">
            ยังไม่มีแผนมาตรการส่งเสริมคุณธรรมของปีงบประมาณ {fiscalYear}
            {mayWrite
              ? ' — สร้างจากผลคะแนนด้านบน หรือสร้างแผนประเภท "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" ใน Content Manager'
              : ''}
          </Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Flex gap={4} wrap="wrap" alignItems="baseline">
              <Typography variant="delta" tag="p">
                {info.title}
              </Typography>
              <Typography variant="pi" data-testid="integrity-plan-state">
                สถานะ:{' '}
                {STATE_LABEL[info.workflowState as State] ?? info.workflowState ?? 'ฉบับร่าง'}
              </Typography>
              <Typography variant="pi">
                รายงานความก้าวหน้า
                {CADENCE_LABEL[info.progressCadence ?? ''] ?? ''} (สิ้นเดือน{' '}
                {(info.periods ?? []).map((p) => monthLabel(fiscalYear, p, false)).join(', ')})
              </Typography>
              <Link href={editPath(PLAN_UID, info.documentId)}>แก้ไขแผนใน Content Manager</Link>
              {mayWrite && EDITABLE_STATES.has(info.workflowState ?? 'draft') && !editing ? (
                <Button
                  variant="secondary"
                  size="S"
                  onClick={() => {
                    setSaved(null);
                    setEditing(true);
                  }}
                >
                  แก้ไขในตาราง
                </Button>
              ) : null}
            </Flex>
            {saved ? (
              <Typography tag="p" role="status" textColor="success700">
                {saved}
              </Typography>
            ) : null}
            {editing ? (
              <PlanEditor
                data={current}
                onCancel={() => setEditing(false)}
                onSaved={(text) => {
                  setEditing(false);
                  setSaved(text);
                  setReload((n) => n + 1);
                }}
              />
            ) : current.measures.length === 0 ? (
              <Typography tag="p">แผนนี้ยังไม่มีประเด็นและมาตรการ</Typography>
            ) : (
              <PlanTable
                data={current}
                mayReport={mayWrite}
                onReport={(step: PlanStep, label: string) => {
                  setSaved(null);
                  setOpen({ step, label });
                }}
              />
            )}
            <ProgressDialog
              plan={info}
              fiscalYear={fiscalYear}
              open={open}
              mediaFolder={mediaFolder}
              onClose={() => setOpen(null)}
              onSaved={(text) => {
                setOpen(null);
                setSaved(text);
                setReload((n) => n + 1);
              }}
            />
          </Flex>
        )}
      </Section>

      {mayWrite && info ? (
        <Section title="เอกสารแผนและรายงานผล" testId="integrity-documents-section">
          <Documents unit={unit.code} fiscalYear={fiscalYear} />
        </Section>
      ) : null}
    </Flex>
  );
};

const parseYear = (raw: string | null) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2540 && n <= 2700 ? n : null;
};

/** "มาตรการส่งเสริมคุณธรรม": a unit's plan and progress, and the organisation at a glance. */
const MeasuresPage = () => {
  const { get } = useFetchClient();
  const [params, setParams] = useSearchParams();
  const [me, setMe] = React.useState<Me | null | 'error'>(null);
  const thisYear = currentFiscalYear();
  const fiscalYear = parseYear(params.get('fiscalYear')) ?? thisYear;
  const tab = params.get('view') === 'overview' ? 'overview' : 'unit';

  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  React.useEffect(() => {
    get<{ data: Me }>('/participation/me')
      .then((res) => setMe(res.data.data))
      .catch(() => setMe('error'));
  }, [get]);

  const units = me && me !== 'error' ? me.units : [];
  const unitCode = params.get('unit');
  const unit = units.find((u) => u.code === unitCode) ?? units.find((u) => u.answer) ?? units[0];

  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  if (!years.includes(fiscalYear)) years.push(fiscalYear);
  years.sort((a, b) => b - a);

  return (
    <Box padding={8} background="neutral100" data-testid="integrity-page">
      <Typography variant="alpha" tag="h1">
        มาตรการส่งเสริมคุณธรรม
      </Typography>
      <Box paddingTop={1}>
        <Typography variant="epsilon" textColor="neutral600">
          ผลคะแนน ITA แผนมาตรการส่งเสริมคุณธรรมและความโปร่งใส และความก้าวหน้าตามรอบรายงาน
        </Typography>
      </Box>
      {me === null ? (
        <Box paddingTop={4}>
          <Typography>กำลังโหลด…</Typography>
        </Box>
      ) : me === 'error' || units.length === 0 || !unit ? (
        <Box paddingTop={4} data-testid="integrity-no-access">
          <Typography>ท่านยังไม่ได้สังกัดหน่วยงานใด จึงยังไม่มีแผนมาตรการให้ดู</Typography>
        </Box>
      ) : (
        <>
          <Flex gap={4} paddingTop={6} paddingBottom={6} wrap="wrap" alignItems="flex-end">
            <Box style={{ minWidth: 200 }}>
              <Field.Root name="fiscalYear">
                <Field.Label>ปีงบประมาณ</Field.Label>
                <SingleSelect
                  value={String(fiscalYear)}
                  onChange={(v: string | number) =>
                    setParam('fiscalYear', Number(v) === thisYear ? '' : String(v))
                  }
                  data-testid="integrity-year"
                >
                  {years.map((y) => (
                    <SingleSelectOption key={y} value={String(y)}>
                      {`${y}${y === thisYear ? ' (ปีปัจจุบัน)' : ''}`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {tab === 'unit' && units.length > 1 ? (
              <Box style={{ minWidth: 360 }}>
                <Field.Root name="unit">
                  <Field.Label>หน่วยงาน</Field.Label>
                  <SingleSelect
                    value={unit.code}
                    onChange={(v: string | number) => setParam('unit', String(v))}
                    data-testid="integrity-unit"
                  >
                    {units.map((u) => (
                      <SingleSelectOption key={u.code} value={u.code}>
                        {`${u.code} ${u.nameTh}`}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Box>
            ) : tab === 'unit' ? (
              <Typography variant="omega">
                หน่วยงาน: {unit.code} {unit.nameTh}
              </Typography>
            ) : null}
          </Flex>
          <Tabs.Root
            value={tab}
            onValueChange={(v: string) => setParam('view', v === 'overview' ? 'overview' : '')}
          >
            <Tabs.List aria-label="มุมมอง">
              <Tabs.Trigger value="unit">แผนและความก้าวหน้ารายหน่วยงาน</Tabs.Trigger>
              <Tabs.Trigger value="overview">ภาพรวมทั้งองค์กร</Tabs.Trigger>
            </Tabs.List>
            <Box paddingTop={6}>
              <Tabs.Content value="unit">
                {tab === 'unit' ? <UnitYear unit={unit} fiscalYear={fiscalYear} /> : null}
              </Tabs.Content>
              <Tabs.Content value="overview">
                {tab === 'overview' ? <Overview fiscalYear={fiscalYear} /> : null}
              </Tabs.Content>
            </Box>
          </Tabs.Root>
        </>
      )}
    </Box>
  );
};

export default MeasuresPage;
