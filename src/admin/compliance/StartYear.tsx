/**
 * For administrators, where a year has no checklist yet: start it by copying the previous
 * year's list (provisional) and carrying the previous year's evidence into it
 * (POST /ita/checklists/start-year), then show what was carried per unit.
 */
import * as React from 'react';
import { Box, Button, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from './api';

type CarrySummary = {
  fiscalYear: number;
  fromYear: number;
  units: Array<{ unit: string; nameTh: string; carried: number; toConfirm: number }>;
  total: { carried: number; toConfirm: number };
};

export const StartYear = ({
  fiscalYear,
  scheme,
  onStarted,
}: {
  fiscalYear: number;
  scheme: string;
  onStarted: () => void;
}) => {
  const { post } = useFetchClient();
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);
  const [summary, setSummary] = React.useState<CarrySummary | null>(null);

  const start = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await post<{ meta: { carryOver: CarrySummary } }>('/ita/checklists/start-year', {
        fiscalYear,
        scheme,
      });
      setSummary(res.data.meta.carryOver);
    } catch (error) {
      setMessage(errorMessage(error) ?? 'เริ่มปีงบประมาณไม่สำเร็จ');
    } finally {
      setBusy(false);
    }
  };

  if (summary)
    return (
      <Box paddingTop={4} data-testid="start-year-summary">
        <Typography variant="omega" tag="p">
          เริ่มปีงบประมาณ {summary.fiscalYear} แล้ว: ยกข้อมูลจากปี {summary.fromYear} มาใช้{' '}
          {summary.total.carried} รายการ รอหน่วยงานยืนยันความเป็นปัจจุบัน {summary.total.toConfirm}{' '}
          รายการ
        </Typography>
        <ul>
          {summary.units.map((u) => (
            <li key={u.unit}>
              <Typography variant="pi">
                {u.unit} {u.nameTh}: ยกมา {u.carried} · รอยืนยัน {u.toConfirm}
              </Typography>
            </li>
          ))}
        </ul>
        <Button onClick={onStarted}>ดูตารางสถานะปี {summary.fiscalYear}</Button>
      </Box>
    );
  return (
    <Box paddingTop={4}>
      <Button onClick={start} loading={busy} data-testid="start-year">
        เริ่มปีงบประมาณ {fiscalYear} (คัดลอกชุดตัวชี้วัดปี {fiscalYear - 1} และยกข้อมูลมาใช้)
      </Button>
      {message ? (
        <Typography variant="pi" tag="p" textColor="danger700">
          {message}
        </Typography>
      ) : null}
    </Box>
  );
};
