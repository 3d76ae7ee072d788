import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { query } from '../compliance/api';
import { failureText, scoreText, type ScoresData } from './api';

const cell: React.CSSProperties = {
  border: '1px solid #c0c0cf',
  padding: '6px 10px',
  verticalAlign: 'top',
  textAlign: 'left',
};
const LOW = { background: '#fdecea', color: '#8a1c13' };

/**
 * ผลคะแนน ITA of a unit: three years side by side, those below the target marked (in words as
 * well as colour), and — when the unit has no measures plan for the year and the person writes in
 * the unit — the button that drafts the plan from the low indicators.
 */
export const Scores = ({
  unit,
  fiscalYear,
  mayCreatePlan,
  onPlanCreated,
}: {
  unit: string;
  fiscalYear: number;
  mayCreatePlan: boolean;
  onPlanCreated: (documentId: string) => void;
}) => {
  const { get, post } = useFetchClient();
  const [data, setData] = React.useState<ScoresData | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<{ ok: boolean; text: string } | null>(null);

  React.useEffect(() => {
    let live = true;
    setData(null);
    setFailure(null);
    setMessage(null);
    // The plan of year Y answers the assessment of year Y − 1 (the seed: the 2566 results
    // analysed for the 2567 plan): the scores asked for are those of Y − 1 and the two before.
    get<{ data: ScoresData }>(`/integrity/scores${query({ unit, fiscalYear: fiscalYear - 1 })}`)
      .then((res) => live && setData(res.data.data))
      .catch((error) => live && setFailure(failureText(error, 'โหลดผลคะแนนไม่สำเร็จ')));
    return () => {
      live = false;
    };
  }, [get, unit, fiscalYear]);

  const create = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await post<{ data: { documentId: string; measures: unknown[] | number } }>(
        '/integrity/plan/from-scores',
        { unit, fiscalYear },
      );
      const d = res.data.data;
      const count = Array.isArray(d.measures) ? d.measures.length : Number(d.measures ?? 0);
      setMessage({ ok: true, text: `สร้างร่างแผนมาตรการแล้ว (${count} ประเด็น)` });
      onPlanCreated(d.documentId);
    } catch (error) {
      setMessage({ ok: false, text: failureText(error, 'สร้างแผนมาตรการไม่สำเร็จ') });
    } finally {
      setBusy(false);
    }
  };

  if (failure)
    return (
      <Typography tag="p" textColor="neutral700" data-testid="integrity-scores-unavailable">
        {failure}
      </Typography>
    );
  if (!data) return <Typography tag="p">กำลังโหลด…</Typography>;
  const years = data.years ?? [];
  const lowCount = (data.proposals ?? []).length;
  return (
    <Box data-testid="integrity-scores">
      <Typography tag="p" variant="pi" textColor="neutral700">
        เป้าหมาย {scoreText(data.target)} คะแนน ·
        ตัวชี้วัดที่ต่ำกว่าเป้าหมายแสดงด้วยพื้นสีแดงและคำว่า “ต่ำกว่าเป้าหมาย”
      </Typography>
      {data.indicators.length === 0 ? (
        <Box paddingTop={2}>
          <Typography tag="p">
            ยังไม่มีผลคะแนน ITA ของหน่วยงานนี้ (นำเข้าด้วยคำสั่ง npm run cli -- ita-scores:import)
          </Typography>
        </Box>
      ) : (
        <Box paddingTop={3} style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <caption style={{ textAlign: 'left', paddingBottom: 6 }}>
              <Typography variant="sigma">
                คะแนนรายตัวชี้วัด ปีงบประมาณ {years.join(', ')}
              </Typography>
            </caption>
            <thead>
              <tr>
                <th scope="col" style={cell}>
                  <Typography variant="sigma">ตัวชี้วัด</Typography>
                </th>
                {years.map((y) => (
                  <th scope="col" key={y} style={{ ...cell, textAlign: 'right' }}>
                    <Typography variant="sigma">ปี {y}</Typography>
                  </th>
                ))}
                <th scope="col" style={cell}>
                  <Typography variant="sigma">เทียบเป้าหมาย</Typography>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.indicators.map((i) => (
                <tr key={i.code} data-testid="integrity-score-row" data-below={i.belowTarget}>
                  <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>
                    <Typography>
                      {i.code}. {i.name}
                    </Typography>
                  </th>
                  {years.map((y) => {
                    const v = i.scores?.[String(y)];
                    const low = v !== null && v !== undefined && Number(v) < data.target;
                    return (
                      <td
                        key={y}
                        style={{ ...cell, textAlign: 'right', ...(low ? LOW : {}) }}
                        data-low={low}
                      >
                        <Typography>{scoreText(v)}</Typography>
                      </td>
                    );
                  })}
                  <td style={{ ...cell, ...(i.belowTarget ? LOW : {}) }}>
                    <Typography
                      fontWeight={i.belowTarget ? 'bold' : undefined}
                      style={i.belowTarget ? { color: LOW.color } : undefined}
                    >
                      {i.belowTarget ? 'ต่ำกว่าเป้าหมาย' : 'ผ่านเป้าหมาย'}
                    </Typography>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Box>
      )}
      {mayCreatePlan ? (
        <Flex direction="column" alignItems="flex-start" gap={2} paddingTop={4}>
          <Typography tag="p" variant="pi">
            ยังไม่มีแผนมาตรการของปีงบประมาณ {fiscalYear}:
            สร้างร่างแผนโดยตั้งประเด็นจากตัวชี้วัดที่ต่ำกว่าเป้าหมายของปี {fiscalYear - 1} (
            {lowCount} ตัวชี้วัด)
          </Typography>
          <Button onClick={create} loading={busy} data-testid="integrity-from-scores">
            สร้างแผนมาตรการจากตัวชี้วัดที่ต่ำกว่าเป้าหมาย
          </Button>
        </Flex>
      ) : null}
      {message ? (
        <Box paddingTop={2}>
          <Typography
            tag="p"
            role={message.ok ? 'status' : 'alert'}
            textColor={message.ok ? 'success700' : 'danger700'}
          >
            {message.text}
          </Typography>
        </Box>
      ) : null}
    </Box>
  );
};
