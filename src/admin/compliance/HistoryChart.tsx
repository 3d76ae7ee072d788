import { Box, Typography } from '@strapi/design-system';
import type { HistoryPoint } from './api';
import { usePalette } from './Matrix';
import { STATUS_STYLE, fiscalYearPeriods, percent, thaiDate, thaiMonth } from './labels';

const W = 720;
const H = 240;
const PAD = { left: 44, right: 12, top: 16, bottom: 40 };

/**
 * Completion month by month through the fiscal year: an inline SVG bar chart (no chart library)
 * with Thai month labels, and the same numbers as a table for screen readers and copying.
 */
export const HistoryChart = ({
  fiscalYear,
  points,
}: {
  fiscalYear: number;
  points: HistoryPoint[];
}) => {
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const months = fiscalYearPeriods(fiscalYear);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / months.length;
  const barW = slot * 0.6;
  const y = (ratio: number) => PAD.top + plotH * (1 - ratio);
  const titleId = `history-title-${fiscalYear}`;
  const descId = `history-desc-${fiscalYear}`;
  const last = points[points.length - 1];
  const palette = usePalette();
  return (
    <Box data-testid="history">
      <svg
        data-testid="history-chart"
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W, display: 'block' }}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>ความครบถ้วนรายเดือน ปีงบประมาณ {fiscalYear}</title>
        <desc id={descId}>
          {last
            ? `ณ ${thaiDate(last.asOf)} ครบถ้วน ${percent(last.progress)} (${last.complete} จาก ${last.total} ข้อ)`
            : 'ยังไม่มีข้อมูล'}
        </desc>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(t)}
              y2={y(t)}
              stroke={palette.line}
              strokeDasharray={t === 0 ? undefined : '3 3'}
            />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill={palette.muted}>
              {t * 100}%
            </text>
          </g>
        ))}
        {months.map((month, i) => {
          const p = byMonth.get(month);
          const x = PAD.left + slot * i + (slot - barW) / 2;
          return (
            <g
              key={month}
              data-testid="history-bar"
              data-month={month}
              data-progress={p?.progress ?? ''}
            >
              {p ? (
                <>
                  <rect
                    x={x}
                    y={y(p.progress)}
                    width={barW}
                    height={Math.max(plotH * p.progress, p.progress > 0 ? 1 : 0)}
                    fill={STATUS_STYLE.complete.background}
                    rx={2}
                  >
                    <title>
                      {thaiMonth(month, true)}: {percent(p.progress)} ({p.complete}/{p.total})
                    </title>
                  </rect>
                  <text
                    x={x + barW / 2}
                    y={y(p.progress) - 4}
                    textAnchor="middle"
                    fontSize={10}
                    fill={palette.text}
                  >
                    {Math.round(p.progress * 100)}%
                  </text>
                </>
              ) : (
                <rect
                  x={x}
                  y={PAD.top}
                  width={barW}
                  height={plotH}
                  fill="none"
                  stroke={palette.line}
                  strokeDasharray="2 3"
                />
              )}
              <text
                x={x + barW / 2}
                y={H - PAD.bottom + 16}
                textAnchor="middle"
                fontSize={11}
                fill={palette.text}
              >
                {thaiMonth(month)}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>
          <Typography variant="pi">ดูข้อมูลเป็นตาราง</Typography>
        </summary>
        <table data-testid="history-table" style={{ borderCollapse: 'collapse', marginTop: 8 }}>
          <caption style={{ textAlign: 'left' }}>
            <Typography variant="pi">ความครบถ้วนรายเดือน ปีงบประมาณ {fiscalYear}</Typography>
          </caption>
          <thead>
            <tr>
              {['เดือน', 'ณ วันที่', 'ครบถ้วน (ข้อ)', 'ทั้งหมด (ข้อ)', 'ร้อยละ'].map((h) => (
                <th key={h} scope="col" style={{ textAlign: 'left', padding: '2px 12px 2px 0' }}>
                  <Typography variant="pi" fontWeight="bold">
                    {h}
                  </Typography>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => {
              const p = byMonth.get(month);
              return (
                <tr key={month}>
                  <th scope="row" style={{ textAlign: 'left', padding: '2px 12px 2px 0' }}>
                    <Typography variant="pi">{thaiMonth(month, true)}</Typography>
                  </th>
                  {(p
                    ? [thaiDate(p.asOf), p.complete, p.total, percent(p.progress)]
                    : ['ยังไม่ถึง', '-', '-', '-']
                  ).map((v, i) => (
                    <td key={i} style={{ padding: '2px 12px 2px 0' }}>
                      <Typography variant="pi">{v}</Typography>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </Box>
  );
};
