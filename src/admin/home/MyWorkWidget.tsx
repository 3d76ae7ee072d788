import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { STATUS_LABEL, type Status } from '../compliance/labels';
import { STATE_LABEL, type State } from '../workflow/constants';

type Entry = {
  uid: string;
  documentId: string;
  title: string;
  state: State;
  unit: { code: string; nameTh: string } | null;
  updatedAt: string;
  next?: string;
};
type MyItem = {
  unit: string;
  unitNameTh: string;
  item: string;
  titleTh: string;
  status: Status;
  dueDate: string | null;
};
type Work = {
  returned: Entry[];
  toDo: Entry[];
  drafts: Entry[];
  waiting: Entry[];
  due: MyItem[];
};

/** Items open and due within this many days (or overdue) count as "falling due soon". */
const DUE_DAYS = 30;
const OPEN: ReadonlySet<Status> = new Set([
  'overdue',
  'missing',
  'in_review',
  'incomplete_evidence',
  'to_review',
] as Status[]);

const NEXT_LABEL: Record<string, string> = {
  approve: 'รอคุณตรวจ',
  publish: 'รอคุณเผยแพร่',
  submit: 'ส่งกลับให้แก้ไข',
};

const thaiDate = (iso: string) =>
  new Date(iso).toLocaleDateString('th-TH', { day: 'numeric', month: 'short', year: 'numeric' });

const entryLink = (e: Entry) => `/content-manager/collection-types/${e.uid}/${e.documentId}`;

const Section = ({
  title,
  testId,
  children,
  count,
}: {
  title: string;
  testId: string;
  count: number;
  children: React.ReactNode;
}) =>
  count === 0 ? null : (
    <Box data-testid={testId}>
      <Typography variant="sigma" tag="h3" textColor="neutral600">
        {title} ({count})
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>{children}</ul>
    </Box>
  );

const Row = ({ to, title, detail }: { to?: string; title: string; detail: string }) => (
  <li style={{ padding: '4px 0', overflowWrap: 'anywhere' }}>
    {to ? (
      <RouterLink to={to} style={{ color: 'inherit', fontWeight: 600 }}>
        <Typography variant="omega" fontWeight="semiBold">
          {title}
        </Typography>
      </RouterLink>
    ) : (
      <Typography variant="omega" fontWeight="semiBold">
        {title}
      </Typography>
    )}
    <Typography variant="pi" textColor="neutral600" tag="p">
      {detail}
    </Typography>
  </li>
);

const unitOf = (e: Entry) => (e.unit ? `${e.unit.nameTh} · ` : '');

/**
 * Home page widget "งานของฉัน": what came back with changes, what waits for me, my unit's
 * drafts and submissions, and my checklist items falling due — from /workflow/tasks,
 * /workflow/my-work and /compliance/my-items (the same answers as My tasks and the dashboard).
 */
export const MyWorkWidget = () => {
  const { get } = useFetchClient();
  const [work, setWork] = React.useState<Work | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    Promise.all([
      get<{ data: Entry[] }>('/workflow/tasks'),
      get<{ data: { drafts: Entry[]; waiting: Entry[] } }>('/workflow/my-work'),
      get<{ data: MyItem[] }>('/compliance/my-items').catch(() => ({ data: { data: [] } })),
    ])
      .then(([tasks, mine, items]) => {
        if (!live) return;
        const soon = Date.now() + DUE_DAYS * 86400000;
        setWork({
          returned: tasks.data.data.filter((t) => t.state === 'changes_requested'),
          toDo: tasks.data.data.filter((t) => t.state !== 'changes_requested'),
          drafts: mine.data.data.drafts,
          waiting: mine.data.data.waiting,
          due: (items.data.data as MyItem[]).filter(
            (i) =>
              OPEN.has(i.status) &&
              (i.status === 'overdue' || (i.dueDate && new Date(i.dueDate).getTime() <= soon)),
          ),
        });
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [get]);

  if (failed) return <Widget.Error>โหลดงานของคุณไม่สำเร็จ</Widget.Error>;
  if (!work) return <Widget.Loading>กำลังโหลด…</Widget.Loading>;
  const total =
    work.returned.length +
    work.toDo.length +
    work.drafts.length +
    work.waiting.length +
    work.due.length;
  if (total === 0) return <Widget.NoData>ไม่มีงานที่รอคุณ</Widget.NoData>;
  const entries = (list: Entry[], detail: (e: Entry) => string) =>
    list
      .slice(0, 5)
      .map((e) => (
        <Row
          key={`${e.uid}:${e.documentId}`}
          to={entryLink(e)}
          title={e.title}
          detail={detail(e)}
        />
      ));
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="home-my-work">
      <Section title="ส่งกลับให้แก้ไข" testId="my-work-returned" count={work.returned.length}>
        {entries(work.returned, (e) => `${unitOf(e)}${thaiDate(e.updatedAt)}`)}
      </Section>
      <Section title="รอคุณดำเนินการ" testId="my-work-todo" count={work.toDo.length}>
        {entries(
          work.toDo,
          (e) => `${unitOf(e)}${NEXT_LABEL[e.next ?? ''] ?? STATE_LABEL[e.state] ?? ''}`,
        )}
      </Section>
      <Section title="ใกล้ครบกำหนด" testId="my-work-due" count={work.due.length}>
        {work.due.slice(0, 5).map((i) => (
          <Row
            key={`${i.unit}:${i.item}`}
            to="/ita-compliance"
            title={`${i.item} ${i.titleTh}`}
            detail={`${i.unitNameTh} · ${STATUS_LABEL[i.status] ?? ''}${
              i.dueDate ? ` · ครบกำหนด ${thaiDate(i.dueDate)}` : ''
            }`}
          />
        ))}
      </Section>
      <Section title="รออนุมัติ" testId="my-work-waiting" count={work.waiting.length}>
        {entries(work.waiting, (e) => `${unitOf(e)}ส่งเมื่อ ${thaiDate(e.updatedAt)}`)}
      </Section>
      <Section title="ฉบับร่างของฉัน" testId="my-work-drafts" count={work.drafts.length}>
        {entries(work.drafts, (e) => `${unitOf(e)}แก้ไขล่าสุด ${thaiDate(e.updatedAt)}`)}
      </Section>
    </Flex>
  );
};

export default MyWorkWidget;
