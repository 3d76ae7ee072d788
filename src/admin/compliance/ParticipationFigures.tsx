/**
 * The public's corrections and questions per unit on the dashboard (docs/participation.md,
 * "Figures per unit"): received, answered, open, overdue and the median days to answer for the
 * fiscal year, from GET /compliance/participation (the caller's units only).
 */
import * as React from 'react';
import { Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, query } from './api';

type Figures = {
  received: number;
  answered: number;
  rejected: number;
  open: number;
  overdue: number;
  medianDaysToAnswer: number | null;
};
type UnitFigures = Figures & { unit: string; nameTh: string };

const cell: React.CSSProperties = {
  textAlign: 'left',
  padding: '4px 12px 4px 0',
  borderBottom: '1px solid rgba(128, 128, 148, 0.25)',
};

export const ParticipationFigures = ({ fiscalYear }: { fiscalYear: number }) => {
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<UnitFigures[] | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    setRows(null);
    setMessage(null);
    get<{ data: { units: UnitFigures[] } }>(`/compliance/participation${query({ fiscalYear })}`)
      .then((res) => live && setRows(res.data.data.units))
      .catch(
        (error: unknown) =>
          live && setMessage(errorMessage(error) ?? 'โหลดสถิติเรื่องจากประชาชนไม่สำเร็จ'),
      );
    return () => {
      live = false;
    };
  }, [get, fiscalYear]);

  if (message) return <Typography textColor="danger600">{message}</Typography>;
  if (!rows) return <Typography textColor="neutral600">กำลังโหลด…</Typography>;
  const shown = rows.filter((r) => r.received || r.open);
  if (!shown.length)
    return <Typography textColor="neutral600">ยังไม่มีเรื่องจากประชาชนในปีงบประมาณนี้</Typography>;
  return (
    <table
      style={{ borderCollapse: 'collapse', width: '100%' }}
      data-testid="participation-figures"
    >
      <thead>
        <tr>
          {[
            'หน่วยงาน',
            'ได้รับ',
            'ตอบแล้ว',
            'ไม่รับดำเนินการ',
            'ค้างอยู่',
            'เกินกำหนด',
            'ระยะเวลาตอบ (มัธยฐาน, วัน)',
          ].map((h) => (
            <th key={h} style={cell}>
              <Typography variant="sigma">{h}</Typography>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.unit}>
            <td style={cell}>
              <Typography>
                {r.nameTh} ({r.unit})
              </Typography>
            </td>
            {[r.received, r.answered, r.rejected, r.open].map((n, i) => (
              <td key={i} style={cell}>
                <Typography>{n}</Typography>
              </td>
            ))}
            <td style={cell}>
              <Typography textColor={r.overdue ? 'danger600' : undefined}>{r.overdue}</Typography>
            </td>
            <td style={cell}>
              <Typography>{r.medianDaysToAnswer ?? '—'}</Typography>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
