import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { beDate, categoryLabel, httpStatus, statusLabel, thaiMessage, type Me } from './api';

type Complaint = {
  trackingCode: string;
  unit: { code: string; nameTh: string } | null;
  category: string;
  anonymous: boolean;
  status: string;
  message: string | null;
  contact: { name?: string; email?: string; phone?: string } | null;
  statusNote: string | null;
  attachments: Array<{ id: string; name: string; mime: string; size: number }>;
  receivedAt: string | null;
  closedAt: string | null;
};

const STATUSES = ['received', 'investigating', 'resolved', 'rejected'];

const PublicText = ({ children }: { children: string | null }) => (
  <Typography tag="p" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {children ?? ''}
  </Typography>
);

/** One complaint, opened (the read is recorded in the audit chain by the server). */
const ComplaintDetail = ({
  code,
  onClose,
  onChanged,
}: {
  code: string;
  onClose: () => void;
  onChanged: (c: Complaint) => void;
}) => {
  const { get, post } = useFetchClient();
  const [c, setC] = React.useState<Complaint | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState('');
  const [note, setNote] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  React.useEffect(() => {
    get<{ data: Complaint }>(`/participation/complaints/${code}`)
      .then((res) => {
        setC(res.data.data);
        setStatus(res.data.data.status);
      })
      .catch((error) => setFailure(thaiMessage(error, 'เปิดเรื่องไม่สำเร็จ')));
  }, [get, code]);
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const res = await post<{ data: Complaint }>(`/participation/complaints/${code}/status`, {
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setC(res.data.data);
      setNote('');
      onChanged(res.data.data);
    } catch (error) {
      setFailure(thaiMessage(error, 'บันทึกสถานะไม่สำเร็จ'));
    } finally {
      setBusy(false);
    }
  };
  const download = async (id: string, name: string) => {
    try {
      const res = await get<Blob>(`/participation/complaints/${code}/attachments/${id}`, {
        responseType: 'blob',
      } as never);
      const url = URL.createObjectURL(res.data);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setFailure(thaiMessage(error, 'ดาวน์โหลดไฟล์แนบไม่สำเร็จ'));
    }
  };
  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="complaint">
      <Flex justifyContent="space-between">
        <Typography variant="delta" tag="h2">
          เรื่องร้องเรียนเลขที่ {code}
        </Typography>
        <Button variant="tertiary" onClick={onClose}>
          ปิด
        </Button>
      </Flex>
      {failure ? (
        <Typography textColor="danger600" tag="p" role="alert">
          {failure}
        </Typography>
      ) : null}
      {!c ? (
        failure ? null : (
          <Typography>กำลังโหลด…</Typography>
        )
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
          <Typography variant="pi">
            {c.unit ? `${c.unit.code} ${c.unit.nameTh} · ` : ''}
            {categoryLabel(c.category)} · {statusLabel(c.status)} · รับเรื่อง {beDate(c.receivedAt)}
            {c.closedAt ? ` · ปิดเรื่อง ${beDate(c.closedAt)}` : ''}
          </Typography>
          <PublicText>{c.message}</PublicText>
          <Typography variant="pi" tag="p">
            {c.anonymous || !c.contact
              ? 'ผู้ร้องเรียนไม่ประสงค์ออกนาม'
              : `ผู้ร้องเรียน: ${[c.contact.name, c.contact.email, c.contact.phone]
                  .filter(Boolean)
                  .join(' · ')}`}
          </Typography>
          {c.statusNote ? (
            <Box>
              <Typography variant="sigma">หมายเหตุ/เหตุผล</Typography>
              <PublicText>{c.statusNote}</PublicText>
            </Box>
          ) : null}
          {c.attachments.length ? (
            <Flex gap={2} wrap="wrap">
              {c.attachments.map((a) => (
                <Button key={a.id} variant="tertiary" onClick={() => download(a.id, a.name)}>
                  {`ไฟล์แนบ: ${a.name}`}
                </Button>
              ))}
            </Flex>
          ) : null}
          <Flex gap={2} alignItems="flex-end" wrap="wrap" paddingTop={2}>
            <SingleSelect
              aria-label="สถานะ"
              value={status}
              onChange={(v: string | number) => setStatus(String(v))}
            >
              {STATUSES.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {statusLabel(s)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Button disabled={busy || (status === 'rejected' && !note.trim())} onClick={save}>
              บันทึกสถานะ
            </Button>
          </Flex>
          <Textarea
            aria-label="หมายเหตุ/เหตุผล"
            placeholder="หมายเหตุ (ต้องระบุเหตุผลเมื่อไม่รับเรื่อง)"
            value={note}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
          />
        </Flex>
      )}
    </Box>
  );
};

/** "เรื่องร้องเรียนการทุจริต (ลับ)": complaint officers only; every read is audited. */
const ComplaintsPage = () => {
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<Complaint[] | null>(null);
  const [denied, setDenied] = React.useState(false);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [opened, setOpened] = React.useState<string | null>(null);
  React.useEffect(() => {
    // Asks first whether the person is a complaint officer (no refused request for the others);
    // the list itself is refused by the server to anybody else in any case.
    get<{ data: Me }>('/participation/me')
      .then(async (me) => {
        if (!me.data.data.complaintOfficer) return setDenied(true);
        const res = await get<{ data: Complaint[] }>('/participation/complaints');
        setRows(res.data.data);
      })
      .catch((error) => {
        if (httpStatus(error) === 403) setDenied(true);
        else setFailure(thaiMessage(error, 'โหลดรายการไม่สำเร็จ'));
      });
  }, [get]);
  return (
    <Box padding={8}>
      <Typography variant="alpha" tag="h1">
        เรื่องร้องเรียนการทุจริต (ลับ)
      </Typography>
      {denied ? (
        <Box paddingTop={4} data-testid="complaints-no-access">
          <Typography>
            ท่านไม่มีสิทธิ์เข้าถึงเรื่องร้องเรียน (เฉพาะเจ้าหน้าที่รับเรื่องร้องเรียน)
          </Typography>
        </Box>
      ) : failure ? (
        <Box paddingTop={4}>
          <Typography textColor="danger600">{failure}</Typography>
        </Box>
      ) : rows === null ? (
        <Box paddingTop={4}>
          <Typography>กำลังโหลด…</Typography>
        </Box>
      ) : (
        <>
          <Typography variant="pi" tag="p" textColor="neutral600">
            ข้อมูลลับ: การเปิดอ่านทุกครั้งถูกบันทึกไว้ในบันทึกการตรวจสอบ
          </Typography>
          {opened ? (
            <Box paddingTop={4}>
              <ComplaintDetail
                code={opened}
                onClose={() => setOpened(null)}
                onChanged={(c) =>
                  setRows((list) =>
                    (list ?? []).map((x) => (x.trackingCode === c.trackingCode ? c : x)),
                  )
                }
              />
            </Box>
          ) : null}
          <Box paddingTop={4}>
            {rows.length === 0 ? (
              <Typography>ยังไม่มีเรื่องร้องเรียน</Typography>
            ) : (
              <Flex direction="column" alignItems="stretch" gap={2} data-testid="complaints">
                {rows.map((c) => (
                  <Flex
                    key={c.trackingCode}
                    background="neutral0"
                    padding={3}
                    hasRadius
                    shadow="tableShadow"
                    gap={3}
                    justifyContent="space-between"
                  >
                    <Flex gap={2} wrap="wrap" alignItems="center">
                      <Badge>{statusLabel(c.status)}</Badge>
                      <Typography>
                        {c.trackingCode} · {c.unit ? `${c.unit.code} · ` : ''}
                        {categoryLabel(c.category)} · รับเรื่อง {beDate(c.receivedAt)}
                      </Typography>
                    </Flex>
                    <Button variant="secondary" onClick={() => setOpened(c.trackingCode)}>
                      เปิดอ่าน
                    </Button>
                  </Flex>
                ))}
              </Flex>
            )}
          </Box>
        </>
      )}
    </Box>
  );
};

export default ComplaintsPage;
