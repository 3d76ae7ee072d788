import * as React from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { beDate } from '../participation/api';
import {
  monthLabel,
  pct,
  progressStatusLabel,
  spanLabel,
  type PlanData,
  type PlanMeasure,
  type PlanStep,
} from './api';

const cell: React.CSSProperties = {
  border: '1px solid #c0c0cf',
  padding: '8px 10px',
  verticalAlign: 'top',
  textAlign: 'left',
};
const text: React.CSSProperties = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };

const issueText = (m: PlanMeasure) => {
  const issue = m.issue ?? '';
  return m.issueNo && !/^\s*[\d๐-๙]+[.)]/.test(issue) ? `${m.issueNo}. ${issue}` : issue;
};

const ownerOf = (s: PlanStep | null, m: PlanMeasure) =>
  s?.workGroup?.name ?? s?.owner ?? m.workGroup?.name ?? m.owner ?? '-';

export const stepLabel = (m: PlanMeasure, s: PlanStep, j: number) =>
  `${m.issueNo ?? m.index + 1}.${s.no ?? j + 1}`;

const Latest = ({ step, fiscalYear }: { step: PlanStep; fiscalYear: number }) => {
  const l = step.latest;
  const missing = step.missingPeriods ?? [];
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="integrity-step-latest">
      {l ? (
        <>
          <Typography fontWeight="bold">
            {progressStatusLabel(l.status)} · {pct(l.percent)}
          </Typography>
          <Typography variant="pi" textColor="neutral700">
            รอบ {monthLabel(fiscalYear, l.period, false)}
            {l.updatedAt ? ` · บันทึก ${beDate(l.updatedAt)}` : ''}
          </Typography>
          {l.done ? (
            <Typography variant="pi" style={text}>
              ผลการดำเนินงาน: {l.done}
            </Typography>
          ) : null}
          {l.problems ? (
            <Typography variant="pi" style={text}>
              ปัญหา/อุปสรรค: {l.problems}
            </Typography>
          ) : null}
          {(l.evidence ?? []).map((f) => (
            <Link key={f.id} href={f.url} isExternal>
              {`หลักฐาน: ${f.name}`}
            </Link>
          ))}
        </>
      ) : (
        <Typography textColor="neutral700">ยังไม่รายงาน</Typography>
      )}
      {step.overdue ? (
        <Typography
          fontWeight="bold"
          textColor="danger700"
          data-testid="integrity-step-overdue"
          style={{ background: '#fdecea', padding: '0 4px', borderRadius: 4 }}
        >
          เลยกำหนด
        </Typography>
      ) : null}
      {missing.length ? (
        <Typography variant="pi" textColor="danger700">
          ยังไม่รายงานรอบ {missing.map((p) => monthLabel(fiscalYear, p, false)).join(', ')}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** The plan as the seed's table: one row per step, the issue and measure spanning its steps. */
export const PlanTable = ({
  data,
  mayReport,
  onReport,
}: {
  data: PlanData;
  mayReport: boolean;
  onReport: (step: PlanStep, label: string) => void;
}) => {
  const fy = data.fiscalYear;
  const headers = [
    'ประเด็น',
    'มาตรการ/แนวทาง',
    'ขั้นตอนหรือวิธีการปฏิบัติ',
    'ระยะเวลา',
    'ผู้รับผิดชอบ',
    'ความก้าวหน้าล่าสุด',
  ];
  return (
    <Box style={{ overflowX: 'auto' }}>
      <table
        style={{ borderCollapse: 'collapse', width: '100%', minWidth: 1000 }}
        data-testid="integrity-plan-table"
      >
        <caption style={{ textAlign: 'left', paddingBottom: 6 }}>
          <Typography variant="sigma">
            การนำผลการวิเคราะห์ไปสู่การปฏิบัติ ปีงบประมาณ {fy}
          </Typography>
        </caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" style={{ ...cell, background: '#f0f0ff' }}>
                <Typography variant="sigma" textColor="neutral800">
                  {h}
                </Typography>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.measures.map((m) => {
            const steps: Array<PlanStep | null> = m.steps.length ? m.steps : [null];
            return steps.map((s, j) => (
              <tr
                key={`${m.index}:${s?.key ?? 'none'}`}
                data-testid={s ? 'integrity-step-row' : 'integrity-measure-row'}
                data-step-key={s?.key}
                data-overdue={s?.overdue ? 'true' : undefined}
              >
                {j === 0 ? (
                  <>
                    <th
                      scope="rowgroup"
                      rowSpan={steps.length}
                      style={{ ...cell, fontWeight: 'normal' }}
                    >
                      <Typography style={text}>{issueText(m)}</Typography>
                      {m.indicatorCode ? (
                        <Typography variant="pi" tag="p" textColor="neutral700">
                          ตัวชี้วัดที่ {m.indicatorCode}
                        </Typography>
                      ) : null}
                    </th>
                    <td rowSpan={steps.length} style={cell}>
                      <Typography style={text}>{m.measure}</Typography>
                      {m.target ? (
                        <Typography variant="pi" tag="p" textColor="neutral700" style={text}>
                          เป้าหมาย: {m.target}
                        </Typography>
                      ) : null}
                    </td>
                  </>
                ) : null}
                {s ? (
                  <>
                    <td style={cell}>
                      <Typography style={text}>
                        {stepLabel(m, s, j)} {s.text}
                      </Typography>
                    </td>
                    <td style={{ ...cell, minWidth: 140 }}>
                      <Typography>
                        {spanLabel(fy, s.startMonth ?? m.startMonth, s.endMonth ?? m.endMonth)}
                      </Typography>
                    </td>
                    <td style={{ ...cell, minWidth: 140 }}>
                      <Typography style={text}>{ownerOf(s, m)}</Typography>
                    </td>
                    <td style={{ ...cell, minWidth: 220 }}>
                      <Latest step={s} fiscalYear={fy} />
                      {mayReport ? (
                        <Box paddingTop={2}>
                          <Button
                            size="S"
                            variant="secondary"
                            onClick={() => onReport(s, stepLabel(m, s, j))}
                            aria-label={`รายงานความก้าวหน้า ขั้นตอนที่ ${stepLabel(m, s, j)}`}
                            data-testid="integrity-report-progress"
                          >
                            รายงานความก้าวหน้า
                          </Button>
                        </Box>
                      ) : null}
                    </td>
                  </>
                ) : (
                  <>
                    <td style={cell}>
                      <Typography textColor="neutral700">ยังไม่ได้กำหนดขั้นตอน</Typography>
                    </td>
                    <td style={cell}>
                      <Typography>{spanLabel(fy, m.startMonth, m.endMonth)}</Typography>
                    </td>
                    <td style={cell}>
                      <Typography style={text}>{ownerOf(null, m)}</Typography>
                    </td>
                    <td style={cell}>
                      <Typography textColor="neutral700">-</Typography>
                    </td>
                  </>
                )}
              </tr>
            ));
          })}
        </tbody>
      </table>
    </Box>
  );
};
