import * as React from 'react';
import {
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  FISCAL_MONTHS,
  PLAN_UID,
  failureText,
  monthLabel,
  type FiscalMonth,
  type PlanData,
  type PlanMeasure,
} from './api';

/**
 * "แก้ไขในตาราง": the measures plan edited as the table of seed 001 (issue, measure, steps,
 * period, responsible), saved through the Content Manager's own update of the plan entry, so the
 * unit guard, the plan rules (src/integrity/plan-rules.ts) and the workflow's "only drafts and
 * entries sent back may change" hold exactly as in the edit view. Steps keep their `key`, so they
 * keep their progress reports.
 */

type StepRow = {
  key: string;
  text: string;
  startMonth: string;
  endMonth: string;
  owner: string;
  workGroup: string;
};
type MeasureRow = {
  issue: string;
  indicatorCode: string;
  measure: string;
  target: string;
  startMonth: string;
  endMonth: string;
  owner: string;
  workGroup: string;
  steps: StepRow[];
};
type WorkGroup = { documentId: string; name: string };

const rowsOf = (measures: PlanMeasure[]): MeasureRow[] =>
  measures.map((m) => ({
    issue: m.issue.replace(/^\s*[\d๐-๙]+[.)]\s*/, ''),
    indicatorCode: m.indicatorCode ?? '',
    measure: m.measure,
    target: m.target ?? '',
    startMonth: m.startMonth ?? '',
    endMonth: m.endMonth ?? '',
    owner: m.owner ?? '',
    workGroup: m.workGroup?.documentId ?? '',
    steps: m.steps.map((s) => ({
      key: s.key,
      text: s.text,
      // The answer gives a step's effective months: the measure's are shown as "ตามมาตรการ".
      startMonth: s.startMonth && s.startMonth !== m.startMonth ? s.startMonth : '',
      endMonth: s.endMonth && s.endMonth !== m.endMonth ? s.endMonth : '',
      owner: s.owner ?? '',
      workGroup: s.workGroup?.documentId ?? '',
    })),
  }));

const emptyStep = (): StepRow => ({
  key: '',
  text: '',
  startMonth: '',
  endMonth: '',
  owner: '',
  workGroup: '',
});
const emptyMeasure = (): MeasureRow => ({
  issue: '',
  indicatorCode: '',
  measure: '',
  target: '',
  startMonth: '',
  endMonth: '',
  owner: '',
  workGroup: '',
  steps: [emptyStep()],
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body of the Content Manager update: the measures only (every other field stays). */
export const measuresBody = (rows: MeasureRow[]) => ({
  measures: rows.map((m, i) => ({
    issueNo: i + 1,
    issue: m.issue.trim(),
    indicatorCode: orNull(m.indicatorCode),
    measure: m.measure.trim(),
    target: orNull(m.target),
    startMonth: m.startMonth || null,
    endMonth: m.endMonth || null,
    owner: orNull(m.owner),
    ...(m.workGroup ? { workGroup: m.workGroup } : {}),
    steps: m.steps.map((s) => ({
      ...(s.key ? { key: s.key } : {}),
      text: s.text.trim(),
      startMonth: s.startMonth || null,
      endMonth: s.endMonth || null,
      owner: orNull(s.owner),
      ...(s.workGroup ? { workGroup: s.workGroup } : {}),
    })),
  })),
});

const cell: React.CSSProperties = {
  border: '1px solid #c0c0cf',
  padding: 8,
  verticalAlign: 'top',
  textAlign: 'left',
};

const MonthSelect = ({
  label,
  value,
  fiscalYear,
  emptyLabel,
  onChange,
}: {
  label: string;
  value: string;
  fiscalYear: number;
  emptyLabel: string;
  onChange: (v: string) => void;
}) => (
  <SingleSelect
    aria-label={label}
    placeholder={emptyLabel}
    value={value || '-'}
    onChange={(v: string | number) => onChange(v === '-' ? '' : String(v))}
    size="S"
  >
    <SingleSelectOption value="-">{emptyLabel}</SingleSelectOption>
    {FISCAL_MONTHS.map((m: FiscalMonth) => (
      <SingleSelectOption key={m} value={m}>
        {monthLabel(fiscalYear, m, false)}
      </SingleSelectOption>
    ))}
  </SingleSelect>
);

const GroupSelect = ({
  label,
  value,
  groups,
  onChange,
}: {
  label: string;
  value: string;
  groups: WorkGroup[];
  onChange: (v: string) => void;
}) =>
  groups.length ? (
    <SingleSelect
      aria-label={label}
      value={value || '-'}
      onChange={(v: string | number) => onChange(v === '-' ? '' : String(v))}
      size="S"
    >
      <SingleSelectOption value="-">ไม่ระบุคณะทำงาน</SingleSelectOption>
      {groups.map((g) => (
        <SingleSelectOption key={g.documentId} value={g.documentId}>
          {g.name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  ) : null;

export const PlanEditor = ({
  data,
  onSaved,
  onCancel,
}: {
  data: PlanData;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) => {
  const { get, put } = useFetchClient();
  const plan = data.plan!;
  const fy = data.fiscalYear;
  const [rows, setRows] = React.useState<MeasureRow[]>(() => rowsOf(data.measures));
  // Steps already reported on are not deleted here (their reports would lose their step): they
  // are set to "ยกเลิก" in the progress dialog instead.
  const reported = React.useMemo(
    () => new Set(data.measures.flatMap((m) => m.steps.filter((s) => s.latest).map((s) => s.key))),
    [data.measures],
  );
  const hasReports = (m: MeasureRow) => m.steps.some((s) => reported.has(s.key));
  const [groups, setGroups] = React.useState<WorkGroup[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    const q = new URLSearchParams({
      page: '1',
      pageSize: '100',
      sort: 'name:ASC',
      'filters[unit][code][$eq]': data.unit.code,
    });
    get<{ results: WorkGroup[] }>(
      `/content-manager/collection-types/api::work-group.work-group?${q.toString()}`,
    )
      .then((res) => live && setGroups(res.data.results ?? []))
      .catch(() => live && setGroups([]));
    return () => {
      live = false;
    };
  }, [get, data.unit.code]);

  const setMeasure = (i: number, patch: Partial<MeasureRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setStep = (i: number, k: number, patch: Partial<StepRow>) =>
    setRows((rs) =>
      rs.map((r, j) =>
        j === i ? { ...r, steps: r.steps.map((s, l) => (l === k ? { ...s, ...patch } : s)) } : r,
      ),
    );
  const moveStep = (i: number, k: number, by: number) =>
    setRows((rs) =>
      rs.map((r, j) => {
        if (j !== i || k + by < 0 || k + by >= r.steps.length) return r;
        const steps = [...r.steps];
        [steps[k], steps[k + by]] = [steps[k + by], steps[k]];
        return { ...r, steps };
      }),
    );

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const empty = rows.findIndex(
      (m) => !m.issue.trim() || !m.measure.trim() || m.steps.some((s) => !s.text.trim()),
    );
    if (empty >= 0) {
      setError(`แถวที่ ${empty + 1}: กรอกประเด็น มาตรการ และข้อความของทุกขั้นตอน`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await put(`/content-manager/collection-types/${PLAN_UID}/${plan.documentId}`, {
        ...measuresBody(rows),
      });
      onSaved(`บันทึกแผนมาตรการแล้ว (${rows.length} มาตรการ)`);
    } catch (err) {
      setError(failureText(err, 'บันทึกแผนมาตรการไม่สำเร็จ'));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} data-testid="integrity-plan-editor">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="pi" textColor="neutral700" tag="p">
          แก้ไขประเด็น มาตรการ ขั้นตอน ระยะเวลา และผู้รับผิดชอบในตาราง แล้วกด &quot;บันทึกแผน&quot;
          — เดือนของขั้นตอนที่ไม่ระบุเป็นไปตามมาตรการ ความก้าวหน้าที่รายงานแล้วยังอยู่กับขั้นตอนเดิม
        </Typography>
        <Box style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', width: '100%', minWidth: 1100 }}>
            <thead>
              <tr>
                {[
                  'ลำดับ',
                  'ประเด็น / ตัวชี้วัด',
                  'มาตรการ/แนวทาง / เป้าหมาย',
                  'ระยะเวลา',
                  'ผู้รับผิดชอบ',
                  'ขั้นตอนหรือวิธีการปฏิบัติ',
                ].map((h) => (
                  <th key={h} style={{ ...cell, background: '#f0f0ff' }}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((m, i) => (
                <tr key={i} data-testid="integrity-editor-row">
                  <td style={{ ...cell, width: 70 }}>
                    <Flex direction="column" gap={2} alignItems="flex-start">
                      <Typography fontWeight="bold">{i + 1}</Typography>
                      <Button
                        variant="danger-light"
                        size="S"
                        type="button"
                        disabled={hasReports(m)}
                        title={hasReports(m) ? 'มาตรการนี้มีการรายงานความก้าวหน้าแล้ว' : undefined}
                        onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                      >
                        ลบ
                      </Button>
                    </Flex>
                  </td>
                  <td style={{ ...cell, width: 210 }}>
                    <Flex direction="column" gap={2} alignItems="stretch">
                      <Textarea
                        aria-label={`ประเด็น แถวที่ ${i + 1}`}
                        value={m.issue}
                        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                          setMeasure(i, { issue: e.target.value })
                        }
                      />
                      <TextInput
                        aria-label={`รหัสตัวชี้วัด แถวที่ ${i + 1}`}
                        placeholder="รหัสตัวชี้วัด"
                        size="S"
                        value={m.indicatorCode}
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                          setMeasure(i, { indicatorCode: e.target.value })
                        }
                      />
                    </Flex>
                  </td>
                  <td style={{ ...cell, width: 240 }}>
                    <Flex direction="column" gap={2} alignItems="stretch">
                      <Textarea
                        aria-label={`มาตรการ แถวที่ ${i + 1}`}
                        value={m.measure}
                        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                          setMeasure(i, { measure: e.target.value })
                        }
                      />
                      <Textarea
                        aria-label={`เป้าหมาย แถวที่ ${i + 1}`}
                        placeholder="เป้าหมาย/ตัวชี้วัดความสำเร็จ"
                        value={m.target}
                        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                          setMeasure(i, { target: e.target.value })
                        }
                      />
                    </Flex>
                  </td>
                  <td style={{ ...cell, width: 150 }}>
                    <Flex direction="column" gap={2} alignItems="stretch">
                      <MonthSelect
                        label={`เดือนเริ่ม แถวที่ ${i + 1}`}
                        value={m.startMonth}
                        fiscalYear={fy}
                        emptyLabel="ต้นปีงบประมาณ"
                        onChange={(v) => setMeasure(i, { startMonth: v })}
                      />
                      <MonthSelect
                        label={`เดือนสิ้นสุด แถวที่ ${i + 1}`}
                        value={m.endMonth}
                        fiscalYear={fy}
                        emptyLabel="สิ้นปีงบประมาณ"
                        onChange={(v) => setMeasure(i, { endMonth: v })}
                      />
                    </Flex>
                  </td>
                  <td style={{ ...cell, width: 190 }}>
                    <Flex direction="column" gap={2} alignItems="stretch">
                      <TextInput
                        aria-label={`ผู้รับผิดชอบ แถวที่ ${i + 1}`}
                        size="S"
                        value={m.owner}
                        onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                          setMeasure(i, { owner: e.target.value })
                        }
                      />
                      <GroupSelect
                        label={`คณะทำงาน แถวที่ ${i + 1}`}
                        value={m.workGroup}
                        groups={groups}
                        onChange={(v) => setMeasure(i, { workGroup: v })}
                      />
                    </Flex>
                  </td>
                  <td style={cell}>
                    <Flex direction="column" gap={3} alignItems="stretch">
                      {m.steps.map((s, k) => {
                        const n = `${i + 1}.${k + 1}`;
                        return (
                          <Flex
                            key={s.key || `new-${k}`}
                            direction="column"
                            gap={1}
                            alignItems="stretch"
                            data-testid="integrity-editor-step"
                            style={{ borderBottom: '1px dashed #dcdce4', paddingBottom: 8 }}
                          >
                            <Flex gap={2} alignItems="flex-start">
                              <Typography fontWeight="bold">{n}</Typography>
                              <Box flex="1">
                                <Textarea
                                  aria-label={`ขั้นตอนที่ ${n}`}
                                  value={s.text}
                                  onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                                    setStep(i, k, { text: e.target.value })
                                  }
                                />
                              </Box>
                            </Flex>
                            <Flex gap={2} wrap="wrap">
                              <MonthSelect
                                label={`เดือนเริ่ม ขั้นตอนที่ ${n}`}
                                value={s.startMonth}
                                fiscalYear={fy}
                                emptyLabel="เริ่มตามมาตรการ"
                                onChange={(v) => setStep(i, k, { startMonth: v })}
                              />
                              <MonthSelect
                                label={`เดือนสิ้นสุด ขั้นตอนที่ ${n}`}
                                value={s.endMonth}
                                fiscalYear={fy}
                                emptyLabel="สิ้นสุดตามมาตรการ"
                                onChange={(v) => setStep(i, k, { endMonth: v })}
                              />
                              <TextInput
                                aria-label={`ผู้รับผิดชอบ ขั้นตอนที่ ${n}`}
                                placeholder="ผู้รับผิดชอบ (ถ้าต่างจากมาตรการ)"
                                size="S"
                                value={s.owner}
                                onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                                  setStep(i, k, { owner: e.target.value })
                                }
                              />
                              <GroupSelect
                                label={`คณะทำงาน ขั้นตอนที่ ${n}`}
                                value={s.workGroup}
                                groups={groups}
                                onChange={(v) => setStep(i, k, { workGroup: v })}
                              />
                            </Flex>
                            <Flex gap={1}>
                              <Button
                                variant="tertiary"
                                size="S"
                                type="button"
                                disabled={k === 0}
                                onClick={() => moveStep(i, k, -1)}
                              >
                                เลื่อนขึ้น
                              </Button>
                              <Button
                                variant="tertiary"
                                size="S"
                                type="button"
                                disabled={k === m.steps.length - 1}
                                onClick={() => moveStep(i, k, 1)}
                              >
                                เลื่อนลง
                              </Button>
                              <Button
                                variant="danger-light"
                                size="S"
                                type="button"
                                disabled={reported.has(s.key)}
                                onClick={() =>
                                  setMeasure(i, { steps: m.steps.filter((_, l) => l !== k) })
                                }
                              >
                                ลบขั้นตอน
                              </Button>
                            </Flex>
                            {reported.has(s.key) ? (
                              <Typography variant="pi" textColor="neutral600">
                                มีการรายงานความก้าวหน้าแล้ว จึงลบไม่ได้ หากไม่ดำเนินการต่อ
                                ให้รายงานสถานะ &quot;ยกเลิก&quot;
                              </Typography>
                            ) : null}
                          </Flex>
                        );
                      })}
                      <Box>
                        <Button
                          variant="secondary"
                          size="S"
                          type="button"
                          onClick={() => setMeasure(i, { steps: [...m.steps, emptyStep()] })}
                        >
                          เพิ่มขั้นตอน
                        </Button>
                      </Box>
                    </Flex>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
        <Box>
          <Button
            variant="secondary"
            type="button"
            onClick={() => setRows((rs) => [...rs, emptyMeasure()])}
          >
            เพิ่มมาตรการ
          </Button>
        </Box>
        {error ? (
          <Box background="danger100" padding={3} hasRadius>
            <Typography tag="p" textColor="danger700" role="alert">
              {error}
            </Typography>
          </Box>
        ) : null}
        <Flex gap={2}>
          <Button type="submit" loading={busy}>
            บันทึกแผน
          </Button>
          <Button variant="tertiary" type="button" onClick={onCancel}>
            ยกเลิก
          </Button>
        </Flex>
      </Flex>
    </form>
  );
};
