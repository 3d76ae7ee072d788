import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  Link,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { currentFiscalYear } from '../compliance/labels';
import { beDate, kindLabel, statusLabel, thaiMessage, type Me } from './api';

type Request = {
  trackingCode: string;
  kind: 'correction' | 'question';
  status: string;
  unit: { code: string; nameTh: string } | null;
  message: string;
  name: string | null;
  hasEmail: boolean;
  publishConsent: boolean | null;
  entry: { uid: string | null; documentId: string } | null;
  assignee: string | null;
  reply: string | null;
  rejectionReason: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  closedAt: string | null;
  qa: { uid: string; documentId: string } | null;
  overdue: boolean;
};

const CLOSED = ['resolved', 'rejected'];
const editPath = (uid: string, documentId: string) =>
  `/admin/content-manager/collection-types/${uid}/${documentId}`;

/** Text the public wrote: shown as text (React escapes it), line breaks kept. */
const PublicText = ({ children }: { children: string | null }) => (
  <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {children ?? ''}
  </Typography>
);

const RequestCard = ({
  r,
  mayAnswer,
  onChanged,
}: {
  r: Request;
  mayAnswer: boolean;
  onChanged: (next: Request) => void;
}) => {
  const { post } = useFetchClient();
  const [assignee, setAssignee] = React.useState('');
  const [reply, setReply] = React.useState(r.reply ?? '');
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<string | null>(null);
  const act = async (action: string, body: Record<string, unknown>, fallback: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const res = await post<{ data: Request }>(
        `/participation/requests/${r.trackingCode}/${action}`,
        body,
      );
      onChanged(res.data.data);
    } catch (error) {
      setMessage(thaiMessage(error, fallback));
    } finally {
      setBusy(false);
    }
  };
  const open = !CLOSED.includes(r.status);
  return (
    <Box
      background="neutral0"
      padding={4}
      hasRadius
      shadow="tableShadow"
      data-testid="inbox-request"
      data-tracking-code={r.trackingCode}
      style={r.overdue ? { borderLeft: '4px solid #d02b20' } : undefined}
    >
      <Flex gap={2} wrap="wrap" alignItems="center">
        <Badge>{kindLabel(r.kind)}</Badge>
        <Badge data-testid="inbox-status">{statusLabel(r.status)}</Badge>
        {r.overdue ? (
          <Typography textColor="danger600" fontWeight="bold">
            เกินกำหนด
          </Typography>
        ) : null}
        <Typography variant="pi">
          เลขที่ {r.trackingCode}
          {r.unit ? ` · ${r.unit.code} ${r.unit.nameTh}` : ''}
        </Typography>
      </Flex>
      <Typography variant="pi" tag="p">
        รับเรื่อง {beDate(r.receivedAt)} · กำหนดตอบ{' '}
        <span style={r.overdue ? { color: '#d02b20', fontWeight: 700 } : undefined}>
          {beDate(r.dueAt)}
        </span>
        {r.closedAt ? ` · ปิดเรื่อง ${beDate(r.closedAt)}` : ''}
        {r.assignee ? ` · ผู้รับผิดชอบ ${r.assignee}` : ''}
      </Typography>
      <Box paddingTop={2}>
        {r.kind === 'question' && r.name ? (
          <Typography variant="pi" tag="p">
            ผู้ถาม: {r.name}
          </Typography>
        ) : null}
        <PublicText>{r.message}</PublicText>
        {r.kind === 'question' ? (
          <Typography variant="pi" tag="p">
            {r.publishConsent ? 'ยินยอมให้เผยแพร่เป็นถาม-ตอบ' : 'ไม่ยินยอมให้เผยแพร่'}
            {r.hasEmail ? ' · ระบบแจ้งผู้ถามทางอีเมลเมื่อเปลี่ยนสถานะ' : ''}
          </Typography>
        ) : null}
        {r.entry?.uid ? (
          <Link href={editPath(r.entry.uid, r.entry.documentId)}>
            เปิดรายการที่แจ้งว่าไม่ถูกต้อง (แก้ไขผ่านขั้นตอนอนุมัติตามปกติ)
          </Link>
        ) : r.kind === 'correction' ? (
          <Typography variant="pi" tag="p">
            แจ้งเกี่ยวกับข้อมูลของหน่วยงานโดยรวม
          </Typography>
        ) : null}
        {r.qa ? (
          <Box>
            <Link href={editPath(r.qa.uid, r.qa.documentId)}>
              เปิดร่างถาม-ตอบที่สร้างจากคำตอบนี้
            </Link>
          </Box>
        ) : null}
        {r.reply && !open ? (
          <Box paddingTop={2}>
            <Typography variant="sigma">คำตอบที่เผยแพร่</Typography>
            <PublicText>{r.reply}</PublicText>
          </Box>
        ) : null}
        {r.rejectionReason ? (
          <Box paddingTop={2}>
            <Typography variant="sigma">เหตุผลที่ไม่รับเรื่อง</Typography>
            <PublicText>{r.rejectionReason}</PublicText>
          </Box>
        ) : null}
      </Box>
      {open && mayAnswer ? (
        <Flex direction="column" alignItems="stretch" gap={3} paddingTop={4}>
          <Flex gap={2} alignItems="flex-end">
            <Box style={{ flex: 1 }}>
              <TextInput
                aria-label="อีเมลผู้รับผิดชอบ"
                placeholder="อีเมลสมาชิกของหน่วยงาน (เว้นว่าง = ตนเอง)"
                value={assignee}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAssignee(e.target.value)}
              />
            </Box>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() =>
                act(
                  'assign',
                  assignee.trim() ? { assignee: assignee.trim() } : {},
                  'มอบหมายไม่สำเร็จ',
                )
              }
            >
              มอบหมาย
            </Button>
          </Flex>
          <Textarea
            aria-label="คำตอบถึงผู้แจ้ง (เผยแพร่ต่อสาธารณะ)"
            placeholder="คำตอบถึงผู้แจ้ง (ผู้แจ้งเห็นทางหมายเลขติดตามเรื่อง)"
            value={reply}
            data-testid="inbox-reply"
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReply(e.target.value)}
          />
          <Flex gap={2}>
            <Button
              disabled={busy || !reply.trim()}
              onClick={() => act('reply', { reply: reply.trim() }, 'ส่งคำตอบไม่สำเร็จ')}
            >
              ส่งคำตอบ
            </Button>
            <Button
              variant="success"
              disabled={busy}
              onClick={() =>
                act(
                  'resolve',
                  reply.trim() && reply.trim() !== (r.reply ?? '') ? { reply: reply.trim() } : {},
                  'ปิดเรื่องไม่สำเร็จ',
                )
              }
            >
              ดำเนินการเสร็จ
            </Button>
          </Flex>
          <Flex gap={2} alignItems="flex-end">
            <Box style={{ flex: 1 }}>
              <TextInput
                aria-label="เหตุผลที่ไม่รับเรื่อง"
                placeholder="เหตุผลที่ไม่รับเรื่อง"
                value={reason}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
              />
            </Box>
            <Button
              variant="danger-light"
              disabled={busy || !reason.trim()}
              onClick={() => act('reject', { reason: reason.trim() }, 'บันทึกไม่สำเร็จ')}
            >
              ไม่รับเรื่อง
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {message ? (
        <Typography textColor="danger600" tag="p" role="alert">
          {message}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The statistics report button: a draft report entry of a unit's complaint figures and survey. */
const StatisticsReport = ({ units }: { units: Me['units'] }) => {
  const { post } = useFetchClient();
  const answerable = units.filter((u) => u.answer);
  const thisYear = currentFiscalYear();
  const [unit, setUnit] = React.useState(answerable[0]?.code ?? '');
  const [year, setYear] = React.useState(String(thisYear));
  const [period, setPeriod] = React.useState('half');
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<{ ok: boolean; text: string; href?: string } | null>(
    null,
  );
  if (!answerable.length) return null;
  const generate = async () => {
    setBusy(true);
    setResult(null);
    try {
      const res = await post<{ data: { uid: string; documentId: string; created: boolean } }>(
        '/participation/statistics-report',
        { unit, fiscalYear: Number(year), period },
      );
      const d = res.data.data;
      setResult({
        ok: true,
        text: d.created ? 'สร้างร่างรายงานแล้ว' : 'ปรับปรุงร่างรายงานเดิมแล้ว',
        href: editPath(d.uid, d.documentId),
      });
    } catch (error) {
      setResult({ ok: false, text: thaiMessage(error, 'สร้างรายงานไม่สำเร็จ') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" marginTop={4}>
      <Typography variant="delta" tag="h2">
        รายงานสถิติเรื่องร้องเรียนการทุจริตและผลสำรวจความพึงพอใจ
      </Typography>
      <Typography variant="pi" tag="p">
        สร้างเป็นร่างรายงาน (ตัวเลขและไฟล์ PDF) ผูกกับข้อการประเมินที่เกี่ยวข้อง
        แล้วส่งอนุมัติตามขั้นตอนปกติ
      </Typography>
      <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="flex-end">
        {answerable.length > 1 ? (
          <SingleSelect
            aria-label="หน่วยงาน"
            value={unit}
            onChange={(v: string | number) => setUnit(String(v))}
          >
            {answerable.map((u) => (
              <SingleSelectOption key={u.code} value={u.code}>
                {`${u.code} ${u.nameTh}`}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        ) : null}
        <SingleSelect
          aria-label="ปีงบประมาณ"
          value={year}
          onChange={(v: string | number) => setYear(String(v))}
        >
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <SingleSelectOption key={y} value={String(y)}>
              {`ปีงบประมาณ พ.ศ. ${y}`}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <SingleSelect
          aria-label="ช่วงเวลา"
          value={period}
          onChange={(v: string | number) => setPeriod(String(v))}
        >
          <SingleSelectOption value="half">รอบ 6 เดือน (ต.ค.–มี.ค.)</SingleSelectOption>
          <SingleSelectOption value="year">ทั้งปีงบประมาณ</SingleSelectOption>
        </SingleSelect>
        <Button disabled={busy || !unit} onClick={generate}>
          สร้างรายงานสถิติ (ฉบับร่าง)
        </Button>
      </Flex>
      {result ? (
        <Box paddingTop={2}>
          <Typography textColor={result.ok ? 'success600' : 'danger600'}>{result.text} </Typography>
          {result.href ? <Link href={result.href}>เปิดร่างรายงาน</Link> : null}
        </Box>
      ) : null}
    </Box>
  );
};

/** "กล่องรับเรื่อง": the public's corrections and questions of the person's units. */
const InboxPage = () => {
  const { get } = useFetchClient();
  const [me, setMe] = React.useState<Me | null | 'error'>(null);
  const [unit, setUnit] = React.useState('');
  const [rows, setRows] = React.useState<Request[] | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  React.useEffect(() => {
    get<{ data: Me }>('/participation/me')
      .then((res) => setMe(res.data.data))
      .catch(() => setMe('error'));
  }, [get]);
  React.useEffect(() => {
    if (!me || me === 'error' || !me.inbox) return;
    let live = true;
    setRows(null);
    setFailure(null);
    get<{ data: Request[] }>(
      `/participation/inbox${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`,
    )
      .then((res) => live && setRows(res.data.data))
      .catch((error) => live && setFailure(thaiMessage(error, 'โหลดรายการไม่สำเร็จ')));
    return () => {
      live = false;
    };
  }, [get, me, unit]);

  const answerCodes = new Set(
    me && me !== 'error' ? me.units.filter((u) => u.answer).map((u) => u.code) : [],
  );
  const open = rows?.filter((r) => !CLOSED.includes(r.status)) ?? [];
  const overdue = rows?.filter((r) => r.overdue).length ?? 0;
  return (
    <Box padding={8}>
      <Typography variant="alpha" tag="h1">
        กล่องรับเรื่อง
      </Typography>
      <Typography variant="epsilon" tag="p" textColor="neutral600">
        เรื่องแจ้งข้อมูลไม่ถูกต้องและคำถามจากประชาชนถึงหน่วยงานของท่าน
      </Typography>
      {me === null ? (
        <Box paddingTop={4}>
          <Typography>กำลังโหลด…</Typography>
        </Box>
      ) : me === 'error' || !me.inbox ? (
        <Box paddingTop={4} data-testid="inbox-no-access">
          <Typography>ท่านไม่มีสิทธิ์ใช้กล่องรับเรื่อง (เฉพาะสมาชิกของหน่วยงาน)</Typography>
        </Box>
      ) : (
        <>
          {me.units.length > 1 ? (
            <Box paddingTop={4} style={{ maxWidth: 420 }}>
              <SingleSelect
                aria-label="หน่วยงาน"
                value={unit}
                onChange={(v: string | number) => setUnit(String(v))}
              >
                <SingleSelectOption value="">ทุกหน่วยงานของท่าน</SingleSelectOption>
                {me.units.map((u) => (
                  <SingleSelectOption key={u.code} value={u.code}>
                    {`${u.code} ${u.nameTh}`}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          ) : null}
          <StatisticsReport units={me.units} />
          <Box paddingTop={4}>
            {failure ? (
              <Typography textColor="danger600">{failure}</Typography>
            ) : rows === null ? (
              <Typography>กำลังโหลด…</Typography>
            ) : (
              <>
                <Typography tag="p" data-testid="inbox-summary">
                  ทั้งหมด {rows.length} เรื่อง · รอดำเนินการ {open.length} เรื่อง · เกินกำหนด{' '}
                  {overdue} เรื่อง
                </Typography>
                {rows.length === 0 ? (
                  <Typography>ยังไม่มีเรื่องจากประชาชน</Typography>
                ) : (
                  <Flex direction="column" alignItems="stretch" gap={3} paddingTop={2}>
                    {rows.map((r) => (
                      <RequestCard
                        key={r.trackingCode}
                        r={r}
                        mayAnswer={Boolean(r.unit && answerCodes.has(r.unit.code))}
                        onChanged={(next) =>
                          setRows((list) =>
                            (list ?? []).map((x) =>
                              x.trackingCode === next.trackingCode ? next : x,
                            ),
                          )
                        }
                      />
                    ))}
                  </Flex>
                )}
              </>
            )}
          </Box>
        </>
      )}
    </Box>
  );
};

export default InboxPage;
