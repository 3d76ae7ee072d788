import * as React from 'react';
import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLAN_UID, REPORT_UID, editPath, failureText } from './api';

type Kind = 'plan' | 'half' | 'year';
const BUTTONS: Array<{ kind: Kind; label: string; done: string }> = [
  {
    kind: 'plan',
    label: 'สร้างเอกสารแผน (PDF/XLSX)',
    done: 'แนบเอกสารแผน (PDF และ XLSX) กับแผนแล้ว',
  },
  { kind: 'half', label: 'สร้างรายงานรอบ 6 เดือน', done: 'สร้างร่างรายงานรอบ 6 เดือนแล้ว' },
  { kind: 'year', label: 'สร้างรายงานประจำปี', done: 'สร้างร่างรายงานประจำปีแล้ว' },
];

type Result = {
  uid?: string;
  documentId?: string;
  created?: boolean;
  entry?: { uid?: string; documentId?: string };
};

/**
 * The plan and the 6-month and annual reports generated from the data (POST
 * /integrity/documents): each ends in an entry that goes through the workflow; the link opens it.
 */
export const Documents = ({ unit, fiscalYear }: { unit: string; fiscalYear: number }) => {
  const { post } = useFetchClient();
  const [busy, setBusy] = React.useState<Kind | null>(null);
  const [result, setResult] = React.useState<{
    ok: boolean;
    text: string;
    href?: string;
  } | null>(null);

  const generate = async (kind: Kind) => {
    setBusy(kind);
    setResult(null);
    try {
      const res = await post<{ data: Result }>('/integrity/documents', {
        unit,
        fiscalYear,
        document: kind,
      });
      const d = res.data?.data ?? {};
      const documentId = d.documentId ?? d.entry?.documentId;
      const uid = d.uid ?? d.entry?.uid ?? (kind === 'plan' ? PLAN_UID : REPORT_UID);
      const button = BUTTONS.find((b) => b.kind === kind);
      setResult({
        ok: true,
        text:
          kind !== 'plan' && d.created === false
            ? `ปรับปรุงร่าง${kind === 'half' ? 'รายงานรอบ 6 เดือน' : 'รายงานประจำปี'}เดิมแล้ว`
            : (button?.done ?? 'สร้างเอกสารแล้ว'),
        href: documentId ? editPath(uid, documentId) : undefined,
      });
    } catch (error) {
      setResult({ ok: false, text: failureText(error, 'สร้างเอกสารไม่สำเร็จ') });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box data-testid="integrity-documents">
      <Typography tag="p" variant="pi" textColor="neutral700">
        เอกสารสร้างจากข้อมูลในระบบเป็น PDF และ XLSX: เอกสารแผนแนบกับแผนมาตรการ (ขณะยังเป็นฉบับร่าง)
        รายงานสร้างเป็นร่างรายงานที่ผูกกับข้อการประเมิน แล้วส่งอนุมัติและเผยแพร่ตามขั้นตอนปกติ
      </Typography>
      <Flex gap={2} paddingTop={3} wrap="wrap">
        {BUTTONS.map((b) => (
          <Button
            key={b.kind}
            variant="secondary"
            loading={busy === b.kind}
            disabled={busy !== null && busy !== b.kind}
            onClick={() => generate(b.kind)}
            data-testid={`integrity-document-${b.kind}`}
          >
            {b.label}
          </Button>
        ))}
      </Flex>
      {result ? (
        <Box paddingTop={3} data-testid="integrity-document-result">
          <Typography
            tag="p"
            role={result.ok ? 'status' : 'alert'}
            textColor={result.ok ? 'success700' : 'danger700'}
          >
            {result.text}
          </Typography>
          {result.href ? <Link href={result.href}>เปิดรายการใน Content Manager</Link> : null}
        </Box>
      ) : null}
    </Box>
  );
};
