import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useTheme, type DefaultTheme } from 'styled-components';
import type { MatrixCell, MatrixItem, MatrixUnit, UnitProgress } from './api';
import {
  STATUSES,
  STATUS_LABEL,
  STATUS_STYLE,
  fiscalMonthLabel,
  groupLabel,
  percent,
  thaiDate,
  type Status,
} from './labels';

/** "O12 คณะวิศวกรรมศาสตร์: เกินกำหนด (ครบกำหนด 31 มี.ค. 2569)" */
export const cellLabel = (
  unit: Pick<MatrixUnit, 'nameTh'>,
  item: Pick<MatrixItem, 'code'>,
  cell: Pick<MatrixCell, 'status' | 'dueDate' | 'missingMonths'>,
  fiscalYear: number,
) => {
  const due = cell.dueDate ? ` (ครบกำหนด ${thaiDate(cell.dueDate)})` : '';
  const months = cell.missingMonths?.length
    ? ` ยังขาด ${cell.missingMonths.length} เดือน: ${cell.missingMonths
        .map((m) => fiscalMonthLabel(fiscalYear, m))
        .join(', ')}`
    : '';
  return `${item.code} ${unit.nameTh}: ${STATUS_LABEL[cell.status]}${due}${months}`;
};

/** A coloured swatch with the status symbol: the colour is never the only cue. */
export const StatusSwatch = ({ status, size = 20 }: { status: Status; size?: number }) => (
  <span
    aria-hidden
    data-status={status}
    style={{
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: size,
      height: size,
      borderRadius: 4,
      background: STATUS_STYLE[status].background,
      color: STATUS_STYLE[status].color,
      fontSize: Math.round(size * 0.65),
      fontWeight: 700,
      lineHeight: 1,
      flexShrink: 0,
    }}
  >
    {STATUS_STYLE[status].symbol}
  </span>
);

export const StatusTag = ({ status }: { status: Status }) => (
  <Flex gap={2} alignItems="center" tag="span" data-status={status}>
    <StatusSwatch status={status} size={16} />
    <Typography variant="omega">{STATUS_LABEL[status]}</Typography>
  </Flex>
);

export const Legend = ({ counts }: { counts?: Record<Status, number> }) => (
  <Flex
    tag="ul"
    gap={4}
    wrap="wrap"
    data-testid="status-legend"
    aria-label="คำอธิบายสัญลักษณ์สถานะ"
    style={{ listStyle: 'none', padding: 0, margin: 0 }}
  >
    {STATUSES.map((s) => (
      <Flex tag="li" key={s} gap={2} alignItems="center" data-status={s}>
        <StatusSwatch status={s} />
        <Typography variant="omega">
          {STATUS_LABEL[s]}
          {counts ? ` (${counts[s]})` : ''}
        </Typography>
      </Flex>
    ))}
  </Flex>
);

/** Neutral colours of the admin theme (light or dark), with light fall-backs. */
export const usePalette = () => {
  const c: Partial<DefaultTheme['colors']> = useTheme()?.colors ?? {};
  return {
    surface: c.neutral0 ?? '#ffffff',
    subtle: c.neutral100 ?? '#f6f6f9',
    band: c.neutral150 ?? '#eaeaef',
    line: c.neutral200 ?? '#dcdce4',
    text: c.neutral800 ?? '#32324d',
    muted: c.neutral600 ?? '#666687',
    link: c.primary600 ?? '#4945ff',
  };
};

type MatrixProps = {
  fiscalYear: number;
  units: MatrixUnit[];
  items: MatrixItem[];
  cells: Map<string, MatrixCell>;
  progress: Map<string, UnitProgress>;
  onOpen: (unit: MatrixUnit, item: MatrixItem, cell: MatrixCell) => void;
};

/** Units (rows, by group) × the scheme's items (columns); each cell a button opening its entries. */
export const Matrix = ({ fiscalYear, units, items, cells, progress, onOpen }: MatrixProps) => {
  const groups: Array<{ group: string; units: MatrixUnit[] }> = [];
  for (const unit of units) {
    const last = groups[groups.length - 1];
    if (last && last.group === unit.group) last.units.push(unit);
    else groups.push({ group: unit.group, units: [unit] });
  }
  const columns = items.length + 2;
  const palette = usePalette();
  const border = `1px solid ${palette.line}`;
  const stickyHead: React.CSSProperties = {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    background: palette.subtle,
    color: palette.text,
    borderBottom: border,
    padding: '6px 2px',
    fontSize: 12,
    fontWeight: 600,
  };
  const stickyRowHead: React.CSSProperties = {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    background: palette.surface,
    color: palette.text,
    textAlign: 'left',
    padding: '4px 8px',
    borderBottom: border,
    borderRight: border,
    fontSize: 13,
    fontWeight: 400,
    whiteSpace: 'nowrap',
    maxWidth: 320,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  };
  return (
    <Box
      style={{ overflow: 'auto', maxHeight: '70vh', border, borderRadius: 4 }}
      background="neutral0"
      data-testid="compliance-matrix-wrapper"
    >
      <table
        data-testid="compliance-matrix"
        style={{ borderCollapse: 'separate', borderSpacing: 0, width: 'max-content' }}
      >
        <caption
          style={{
            position: 'absolute',
            width: 1,
            height: 1,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
          }}
        >
          สถานะการเปิดเผยข้อมูล ปีงบประมาณ {fiscalYear}: หน่วยงาน (แถว) × ข้อตัวชี้วัด (คอลัมน์)
        </caption>
        <thead>
          <tr>
            <th
              scope="col"
              style={{
                ...stickyHead,
                ...{ left: 0, zIndex: 3, textAlign: 'left', padding: '6px 8px' },
              }}
            >
              หน่วยงาน
            </th>
            {items.map((item) => (
              <th
                key={item.code}
                scope="col"
                style={{ ...stickyHead, minWidth: 34 }}
                data-item={item.code}
              >
                <abbr title={item.titleTh} style={{ textDecoration: 'none', cursor: 'help' }}>
                  {item.code}
                </abbr>
              </th>
            ))}
            <th
              scope="col"
              style={{ ...stickyHead, padding: '6px 12px 6px 8px', whiteSpace: 'nowrap' }}
            >
              ความคืบหน้า
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map(({ group, units: members }) => (
            <React.Fragment key={group}>
              <tr data-testid="matrix-group" data-group={group}>
                <th
                  scope="colgroup"
                  colSpan={columns}
                  style={{
                    textAlign: 'left',
                    padding: '6px 8px',
                    background: palette.band,
                    color: palette.text,
                    fontSize: 13,
                    fontWeight: 700,
                    borderBottom: border,
                    position: 'sticky',
                    left: 0,
                  }}
                >
                  {groupLabel(group)} · {members.length} หน่วยงาน
                </th>
              </tr>
              {members.map((unit) => {
                const p = progress.get(unit.code);
                return (
                  <tr key={unit.code} data-testid="matrix-row" data-unit={unit.code}>
                    <th scope="row" style={stickyRowHead} title={`${unit.code} ${unit.nameTh}`}>
                      <strong>{unit.code}</strong> {unit.nameTh}
                    </th>
                    {items.map((item) => {
                      const cell = cells.get(`${unit.code}:${item.code}`);
                      if (!cell)
                        return (
                          <td key={item.code} style={{ borderBottom: border, textAlign: 'center' }}>
                            <span aria-label={`${item.code} ${unit.nameTh}: ไม่ใช้กับหน่วยงานนี้`}>
                              —
                            </span>
                          </td>
                        );
                      const style = STATUS_STYLE[cell.status];
                      const label = cellLabel(unit, item, cell, fiscalYear);
                      return (
                        <td key={item.code} style={{ borderBottom: border, padding: 2 }}>
                          <button
                            type="button"
                            data-testid="matrix-cell"
                            data-unit={unit.code}
                            data-item={item.code}
                            data-status={cell.status}
                            aria-label={label}
                            title={label}
                            onClick={() => onOpen(unit, item, cell)}
                            style={{
                              width: 30,
                              height: 26,
                              border: 'none',
                              borderRadius: 3,
                              background: style.background,
                              color: style.color,
                              fontSize: 14,
                              fontWeight: 700,
                              cursor: 'pointer',
                              padding: 0,
                            }}
                          >
                            <span aria-hidden>{style.symbol}</span>
                          </button>
                        </td>
                      );
                    })}
                    <td
                      style={{
                        borderBottom: border,
                        padding: '4px 8px',
                        fontSize: 13,
                        whiteSpace: 'nowrap',
                      }}
                      data-testid="matrix-row-progress"
                    >
                      {p ? percent(p.progress) : '-'}
                    </td>
                  </tr>
                );
              })}
            </React.Fragment>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

/** Per-unit progress: complete + declared_none over all the unit's items. */
export const ProgressList = ({
  units,
  progress,
}: {
  units: MatrixUnit[];
  progress: Map<string, UnitProgress>;
}) => {
  const palette = usePalette();
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="unit-progress-list">
      {units.map((unit) => {
        const p = progress.get(unit.code);
        if (!p) return null;
        const done = p.counts.complete + p.counts.declared_none;
        const pct = Math.round(p.progress * 1000) / 10;
        const share = (n: number) => (p.total ? `${(n / p.total) * 100}%` : '0%');
        return (
          <Box key={unit.code} data-testid="unit-progress" data-unit={unit.code}>
            <Flex justifyContent="space-between" gap={4}>
              <Typography variant="omega" fontWeight="semiBold">
                {unit.code} {unit.nameTh}
              </Typography>
              <Typography variant="omega" data-testid="unit-progress-value">
                {pct}% · {done}/{p.total} ข้อ
              </Typography>
            </Flex>
            <div
              role="progressbar"
              aria-label={`ความคืบหน้า ${unit.code} ${unit.nameTh}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={pct}
              aria-valuetext={`${pct}% (${done} จาก ${p.total} ข้อ)`}
              data-value={pct}
              style={{
                display: 'flex',
                height: 12,
                borderRadius: 6,
                overflow: 'hidden',
                background: palette.band,
                marginTop: 4,
                marginBottom: 4,
              }}
            >
              <div
                style={{
                  width: share(p.counts.complete),
                  background: STATUS_STYLE.complete.background,
                }}
              />
              <div
                style={{
                  width: share(p.counts.declared_none),
                  background: STATUS_STYLE.declared_none.background,
                }}
              />
            </div>
            <Typography variant="pi" textColor="neutral600" data-testid="unit-progress-counts">
              {STATUSES.map((s) => `${STATUS_LABEL[s]} ${p.counts[s]}`).join(' · ')}
            </Typography>
          </Box>
        );
      })}
    </Flex>
  );
};
