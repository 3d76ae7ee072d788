import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useSearchParams } from 'react-router-dom';
import {
  errorMessage,
  errorStatus,
  query,
  type HistoryPoint,
  type MatrixCell,
  type MatrixItem,
  type MatrixResponse,
  type MatrixUnit,
  type MyItem,
  type RankingRow,
  type UnitProgress,
} from './api';
import { CellDialog, type OpenCell } from './CellDialog';
import { HistoryChart } from './HistoryChart';
import {
  GROUPS,
  STATUSES,
  currentFiscalYear,
  groupLabel,
  groupOrder,
  percent,
  schemeLabel,
  thaiDate,
  type Status,
} from './labels';
import { LinkCheck } from './LinkCheck';
import { IntegrityOverdue } from './IntegrityOverdue';
import { ParticipationFigures } from './ParticipationFigures';
import { StartYear } from './StartYear';
import { ToConfirm } from './ToConfirm';
import { Legend, Matrix, ProgressList } from './Matrix';
import { MyItems, Ranking, ReportDownloads, SubmissionDownloads } from './Sections';

type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; status: number; message: string | null }
  | { state: 'ok'; value: T };

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
    <Box paddingBottom={4}>
      <Typography variant="beta" tag="h2">
        {title}
      </Typography>
    </Box>
    {children}
  </Box>
);

const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** Most units' scheme (ties: 'general', then alphabetical). */
const mostCommonScheme = (units: MatrixUnit[]) => {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.scheme, (counts.get(u.scheme) ?? 0) + 1);
  return [...counts.entries()].sort(
    (a, b) =>
      b[1] - a[1] ||
      Number(b[0] === 'general') - Number(a[0] === 'general') ||
      a[0].localeCompare(b[0]),
  )[0]?.[0];
};

const parseYear = (raw: string | null) => {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2540 && n <= 2700 ? n : null;
};

/** The ITA dashboard: who has published what, for the central office and for each unit. */
const DashboardPage = () => {
  const { get } = useFetchClient();
  const [params, setParams] = useSearchParams();
  const thisYear = currentFiscalYear();
  const fiscalYear = parseYear(params.get('fiscalYear')) ?? thisYear;
  const group = params.get('group') ?? '';
  const schemeParam = params.get('scheme') ?? '';

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

  const [matrix, setMatrix] = React.useState<Load<MatrixResponse>>({ state: 'loading' });
  const [history, setHistory] = React.useState<HistoryPoint[] | null>(null);
  const [myItems, setMyItems] = React.useState<MyItem[] | null>(null);
  const [ranking, setRanking] = React.useState<RankingRow[] | null>(null);
  const [reload, setReload] = React.useState(0);
  const [open, setOpen] = React.useState<OpenCell | null>(null);

  React.useEffect(() => {
    let live = true;
    const q = query({ fiscalYear, group });
    setMatrix({ state: 'loading' });
    setHistory(null);
    get<MatrixResponse>(`/compliance/matrix${q}`)
      .then((res) => live && setMatrix({ state: 'ok', value: res.data }))
      .catch(
        (error) =>
          live &&
          setMatrix({
            state: 'error',
            status: errorStatus(error),
            message: errorMessage(error),
          }),
      );
    return () => {
      live = false;
    };
  }, [get, fiscalYear, group, reload]);

  // The matrix says whether this person sees the whole organisation; only then are the ranking
  // and the monthly reports asked for (unit staff would be refused).
  const central = matrix.state === 'ok' && matrix.value.meta.central === true;
  React.useEffect(() => {
    let live = true;
    setRanking(null);
    if (!central) return undefined;
    get<{ data: RankingRow[] }>(`/compliance/ranking${query({ fiscalYear, group })}`)
      .then((res) => live && setRanking(res.data.data))
      .catch(() => live && setRanking(null));
    return () => {
      live = false;
    };
  }, [get, fiscalYear, group, reload, central]);

  React.useEffect(() => {
    let live = true;
    get<{ data: MyItem[] }>(`/compliance/my-items${query({ fiscalYear })}`)
      .then((res) => live && setMyItems(res.data.data))
      .catch(() => live && setMyItems(null));
    return () => {
      live = false;
    };
  }, [get, fiscalYear, reload]);

  const body = matrix.state === 'ok' ? matrix.value : null;
  const schemes = React.useMemo(
    () => [...new Set((body?.data.units ?? []).map((u) => u.scheme))].sort(),
    [body],
  );
  const scheme =
    schemes.includes(schemeParam) || !body
      ? schemeParam
      : (mostCommonScheme(body.data.units) ?? '');

  // The month-by-month chart follows the scheme shown (units of other schemes have other items).
  React.useEffect(() => {
    if (!scheme) return undefined;
    let live = true;
    setHistory(null);
    get<{ data: HistoryPoint[] }>(`/compliance/history${query({ fiscalYear, group, scheme })}`)
      .then((res) => live && setHistory(res.data.data))
      .catch(() => live && setHistory(null));
    return () => {
      live = false;
    };
  }, [get, fiscalYear, group, scheme, reload]);

  const view = React.useMemo(() => {
    if (!body) return null;
    const units = body.data.units
      .filter((u) => u.scheme === scheme)
      .sort((a, b) => groupOrder(a.group) - groupOrder(b.group) || byCode(a.code, b.code));
    const items = body.data.items
      .filter((i) => i.scheme === scheme)
      .sort(
        (a, b) =>
          (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
          byCode(a.code, b.code),
      );
    const cells = new Map<string, MatrixCell>(
      body.data.cells.map((c) => [`${c.unit}:${c.item}`, c]),
    );
    const progress = new Map<string, UnitProgress>(body.meta.progress.map((p) => [p.unit, p]));
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    let total = 0;
    for (const u of units) {
      const p = progress.get(u.code);
      if (!p) continue;
      total += p.total;
      for (const s of STATUSES) counts[s] += p.counts[s];
    }
    const allUnits = [...body.data.units].sort(
      (a, b) => groupOrder(a.group) - groupOrder(b.group) || byCode(a.code, b.code),
    );
    return { units, allUnits, items, cells, progress, counts, total };
  }, [body, scheme]);

  const openCell = (unit: MatrixUnit, item: MatrixItem, cell: MatrixCell) =>
    setOpen({ unit, item, cell });
  const openByCodes = (unitCode: string, itemCode: string) => {
    const unit = body?.data.units.find((u) => u.code === unitCode);
    const item = body?.data.items.find((i) => i.code === itemCode && i.scheme === unit?.scheme);
    const cell = view?.cells.get(`${unitCode}:${itemCode}`);
    if (!unit || !item || !cell) return false;
    setOpen({ unit, item, cell });
    return true;
  };

  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  if (!years.includes(fiscalYear)) years.push(fiscalYear);
  years.sort((a, b) => b - a);

  const done = view ? view.counts.complete + view.counts.declared_none : 0;

  return (
    <Box padding={8} background="neutral100" data-testid="compliance-dashboard">
      <Typography variant="alpha" tag="h1">
        ITA · ติดตามการเปิดเผยข้อมูล
      </Typography>
      <Box paddingTop={1}>
        <Typography variant="epsilon" textColor="neutral600">
          สถานะการเผยแพร่ข้อมูลสาธารณะตามตัวชี้วัด OIT รายหน่วยงาน ปีงบประมาณ {fiscalYear}
          {body ? ` · ข้อมูล ณ ${thaiDate(body.meta.today, true)}` : ''}
        </Typography>
      </Box>

      <Flex gap={4} paddingTop={6} paddingBottom={6} wrap="wrap" alignItems="flex-end">
        <Box style={{ minWidth: 180 }}>
          <Field.Root name="fiscalYear">
            <Field.Label>ปีงบประมาณ</Field.Label>
            <SingleSelect
              value={String(fiscalYear)}
              onChange={(v: string | number) =>
                setParam('fiscalYear', Number(v) === thisYear ? '' : String(v))
              }
              data-testid="filter-fiscal-year"
            >
              {years.map((y) => (
                <SingleSelectOption key={y} value={String(y)}>
                  {`${y}${y === thisYear ? ' (ปีปัจจุบัน)' : ''}`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box style={{ minWidth: 220 }}>
          <Field.Root name="group">
            <Field.Label>กลุ่มหน่วยงาน</Field.Label>
            <SingleSelect
              value={group || 'all'}
              onChange={(v: string | number) => setParam('group', v === 'all' ? '' : String(v))}
              data-testid="filter-group"
            >
              <SingleSelectOption value="all">ทั้งหมด</SingleSelectOption>
              {GROUPS.map((g) => (
                <SingleSelectOption key={g} value={g}>
                  {groupLabel(g)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        {schemes.length > 1 ? (
          <Box style={{ minWidth: 300 }}>
            <Field.Root name="scheme">
              <Field.Label>ชุดตัวชี้วัด</Field.Label>
              <SingleSelect
                value={scheme}
                onChange={(v: string | number) => setParam('scheme', String(v))}
                data-testid="filter-scheme"
              >
                {schemes.map((s) => (
                  <SingleSelectOption key={s} value={s}>
                    {`${schemeLabel(s)} · ${body?.data.units.filter((u) => u.scheme === s).length ?? 0} หน่วยงาน`}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
        ) : null}
      </Flex>

      {matrix.state === 'loading' ? (
        <Flex justifyContent="center" padding={8}>
          <Loader>กำลังโหลด…</Loader>
        </Flex>
      ) : matrix.state === 'error' ? (
        <Box
          background="danger100"
          padding={6}
          hasRadius
          role="alert"
          data-testid="compliance-error"
          data-status-code={matrix.status}
        >
          <Typography variant="delta" tag="p">
            {matrix.status === 403
              ? 'ท่านยังไม่มีสิทธิ์ดูข้อมูลการเปิดเผยข้อมูล: บัญชีของท่านยังไม่ได้สังกัดหน่วยงานใด กรุณาติดต่อผู้ดูแลระบบ'
              : matrix.status === 400
                ? 'ตัวกรองไม่ถูกต้อง'
                : 'โหลดข้อมูลไม่สำเร็จ กรุณาลองใหม่อีกครั้ง'}
          </Typography>
          {matrix.message ? (
            <Typography variant="pi" tag="p" textColor="neutral700">
              {matrix.message}
            </Typography>
          ) : null}
          {matrix.status !== 403 ? (
            <Box paddingTop={3}>
              <Button variant="secondary" onClick={() => setReload((n) => n + 1)}>
                ลองใหม่
              </Button>
            </Box>
          ) : null}
        </Box>
      ) : body && view && view.units.length > 0 && body.data.items.length === 0 ? (
        <Box
          background="neutral0"
          padding={6}
          hasRadius
          shadow="tableShadow"
          data-testid="compliance-no-checklist"
        >
          <Typography variant="delta" tag="p">
            ยังไม่มีชุดตัวชี้วัด ITA ของปีงบประมาณ {fiscalYear}
          </Typography>
          <Typography variant="omega" tag="p" textColor="neutral700">
            ผู้ดูแลระบบเริ่มปีใหม่ได้โดยคัดลอกชุดตัวชี้วัดของปีก่อนเป็นฉบับชั่วคราว (npm run cli --
            ita:start-year {fiscalYear} general) แล้วนำเข้าฉบับจริงเมื่อ ป.ป.ช. ประกาศ
            ข้อมูลที่เผยแพร่แล้วของปีก่อนจะถูกยกมาใช้กับข้อที่ถามเรื่องเดียวกัน
          </Typography>
          {central ? (
            <StartYear
              fiscalYear={fiscalYear}
              scheme={view?.units[0]?.scheme ?? 'general'}
              onStarted={() => setReload((n) => n + 1)}
            />
          ) : null}
          <Box paddingTop={4}>
            <Button
              variant="secondary"
              onClick={() => setParam('fiscalYear', String(fiscalYear - 1))}
            >
              ดูปีงบประมาณ {fiscalYear - 1}
            </Button>
          </Box>
        </Box>
      ) : view && view.units.length === 0 ? (
        <Box background="neutral0" padding={6} hasRadius data-testid="compliance-empty">
          <Typography variant="delta" tag="p">
            {group
              ? `ไม่พบหน่วยงานในกลุ่ม "${groupLabel(group)}" ที่ท่านดูได้`
              : 'ไม่พบหน่วยงานที่ท่านดูได้'}
          </Typography>
        </Box>
      ) : view ? (
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Section title="ภาพรวม" testId="compliance-summary">
            <Flex gap={8} wrap="wrap" alignItems="flex-start">
              <Box>
                <Typography variant="alpha" tag="p" data-testid="overall-progress">
                  {percent(view.total ? done / view.total : 0)}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  ครบถ้วนหรือประกาศว่าไม่มี {done} จาก {view.total} ข้อ · {view.units.length}{' '}
                  หน่วยงาน
                </Typography>
              </Box>
              <Box>
                <Typography variant="sigma" textColor="neutral600" tag="p">
                  คำอธิบายสัญลักษณ์
                </Typography>
                <Box paddingTop={2}>
                  <Legend counts={view.counts} />
                </Box>
              </Box>
            </Flex>
          </Section>

          <Section title="ตารางสถานะรายหน่วยงาน × ข้อตัวชี้วัด" testId="compliance-matrix-section">
            {view.items.length === 0 ? (
              <Typography variant="omega">
                ยังไม่มีชุดตัวชี้วัด ({schemeLabel(scheme)}) ของปีงบประมาณ {fiscalYear}
              </Typography>
            ) : (
              <>
                <Box paddingBottom={3}>
                  <Typography variant="pi" textColor="neutral600">
                    คลิกที่ช่องเพื่อดูรายการที่เชื่อมกับข้อนั้น · วางเมาส์บนรหัสข้อเพื่อดูชื่อข้อ
                  </Typography>
                </Box>
                <Matrix
                  fiscalYear={fiscalYear}
                  units={view.units}
                  items={view.items}
                  cells={view.cells}
                  progress={view.progress}
                  onOpen={openCell}
                />
              </>
            )}
          </Section>

          <Section title="ความคืบหน้ารายหน่วยงาน" testId="compliance-progress-section">
            <ProgressList units={view.units} progress={view.progress} />
          </Section>

          <Section title="ความครบถ้วนรายเดือน" testId="compliance-history-section">
            {history ? (
              <HistoryChart fiscalYear={fiscalYear} points={history} />
            ) : (
              <Typography variant="omega">ยังไม่มีข้อมูลรายเดือน</Typography>
            )}
          </Section>

          {myItems ? (
            <Section title="งานของฉัน (ข้อที่รับผิดชอบ)" testId="compliance-my-items">
              <MyItems items={myItems} fiscalYear={fiscalYear} onOpen={openByCodes} />
            </Section>
          ) : null}

          <Section title="รายการที่ต้องยืนยัน/ทบทวน" testId="compliance-to-confirm">
            <ToConfirm fiscalYear={fiscalYear} onChanged={() => setReload((n) => n + 1)} />
          </Section>

          <Section title="ดาวน์โหลดรายงาน" testId="compliance-downloads">
            <Flex direction="column" alignItems="stretch" gap={6}>
              {central ? <ReportDownloads key={fiscalYear} fiscalYear={fiscalYear} /> : null}
              <SubmissionDownloads fiscalYear={fiscalYear} units={view.allUnits} />
            </Flex>
          </Section>

          <Section title="ขั้นตอนตามมาตรการที่เลยกำหนด" testId="compliance-integrity-overdue">
            <IntegrityOverdue fiscalYear={fiscalYear} />
          </Section>

          <Section title="เรื่องจากประชาชน (แจ้งแก้ไขและคำถาม)" testId="compliance-participation">
            <ParticipationFigures fiscalYear={fiscalYear} />
          </Section>

          <Section title="ตรวจลิงก์บนเว็บไซต์หน่วยงาน" testId="compliance-link-check">
            <LinkCheck fiscalYear={fiscalYear} />
          </Section>

          {ranking ? (
            <Section title="อันดับการประกวดเว็บไซต์ (แยกตามกลุ่ม)" testId="compliance-ranking">
              <Ranking rows={ranking} fiscalYear={fiscalYear} group={group} />
            </Section>
          ) : null}
        </Flex>
      ) : null}

      <CellDialog open={open} fiscalYear={fiscalYear} onClose={() => setOpen(null)} />
    </Box>
  );
};

export default DashboardPage;
