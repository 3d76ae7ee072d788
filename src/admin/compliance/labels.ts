/**
 * Vocabulary of the ITA dashboard: statuses (mirrors STATUS_LABELS_TH in
 * src/compliance/rules.ts), their colours and symbols, unit groups, schemes, disclosure types and
 * Thai Buddhist-Era dates. Pure functions, no React.
 */

import { UNIT_GROUP_LABELS } from '../../common/enum-labels';

export const STATUSES = [
  'complete',
  'declared_none',
  'in_review',
  'to_review',
  'incomplete_evidence',
  'overdue',
  'missing',
] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<Status, string> = {
  complete: 'ครบถ้วน',
  declared_none: 'ประกาศว่าไม่มี',
  in_review: 'อยู่ระหว่างพิจารณา',
  to_review: 'ต้องทบทวนความเป็นปัจจุบัน',
  incomplete_evidence: 'หลักฐานไม่ครบองค์ประกอบ',
  overdue: 'เกินกำหนด',
  missing: 'ยังไม่ถึงกำหนด',
};

/**
 * Colours are never the only cue: each status also has a symbol, and every cell an aria-label
 * and a tooltip in words. Text colours keep a contrast of at least 4.5:1 on their background.
 */
export const STATUS_STYLE: Record<Status, { background: string; color: string; symbol: string }> = {
  complete: { background: '#2e7d32', color: '#ffffff', symbol: '✓' },
  declared_none: { background: '#00796b', color: '#ffffff', symbol: '∅' },
  in_review: { background: '#ffb300', color: '#212121', symbol: '…' },
  to_review: { background: '#6a1b9a', color: '#ffffff', symbol: '↻' },
  incomplete_evidence: { background: '#ef6c00', color: '#212121', symbol: '◐' },
  overdue: { background: '#c62828', color: '#ffffff', symbol: '✗' },
  missing: { background: '#bdbdbd', color: '#212121', symbol: '○' },
};

export const GROUPS = [
  'faculty',
  'office',
  'division_centre',
  'school',
  'provincial_agency',
  'other',
] as const;

export const GROUP_LABEL: Record<string, string> = UNIT_GROUP_LABELS;

export const groupLabel = (group: string) => GROUP_LABEL[group] ?? group;
export const groupOrder = (group: string) => {
  const i = (GROUPS as readonly string[]).indexOf(group);
  return i < 0 ? GROUPS.length : i;
};

const SCHEME_LABEL: Record<string, string> = {
  general: 'ทั่วไป (general)',
  'vocational-college': 'สถานศึกษาอาชีวศึกษา (vocational-college)',
};
export const schemeLabel = (scheme: string) => SCHEME_LABEL[scheme] ?? scheme;

/** Disclosure type names (src/disclosures/types.ts) with their Thai display names. */
export const TYPE_LABEL: Record<string, string> = {
  'unit-profile': 'ข้อมูลพื้นฐานหน่วยงาน',
  executive: 'ผู้บริหาร',
  law: 'กฎหมายที่เกี่ยวข้อง',
  news: 'ข่าวประชาสัมพันธ์',
  qa: 'ถาม-ตอบ (Q&A)',
  'e-service': 'บริการออนไลน์และช่องทางติดต่อ',
  plan: 'แผน',
  report: 'รายงาน',
  manual: 'คู่มือและแนวทางปฏิบัติ',
  'procurement-announcement': 'ประกาศจัดซื้อจัดจ้าง',
  'procurement-summary': 'สรุปผลการจัดซื้อจัดจ้างรายเดือน (สขร.1)',
  activity: 'กิจกรรม',
  'policy-declaration': 'ประกาศนโยบายและเจตนารมณ์',
};

/** 'news' → 'api::news.news' (a full UID is kept as it is). */
export const typeUid = (type: string) => (type.includes('::') ? type : `api::${type}.${type}`);

/** The entry in the Content Manager. */
export const contentManagerPath = (type: string, documentId: string) =>
  `/admin/content-manager/collection-types/${typeUid(type)}/${encodeURIComponent(documentId)}`;

export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;

export const THAI_MONTHS_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Today's calendar date in Bangkok, `YYYY-MM-DD` (CE). */
export const todayInBangkok = (now: Date = new Date()) =>
  new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);

/** The Thai fiscal year (BE) of a date: October–December belong to the next year. */
export const fiscalYearOfDate = (isoDate: string) => {
  const [y, m] = isoDate.split('-').map(Number);
  return (m >= 10 ? y + 1 : y) + 543;
};

export const currentFiscalYear = (now: Date = new Date()) => fiscalYearOfDate(todayInBangkok(now));

/** '2026-03-31' → '31 มี.ค. 2569'. */
export const thaiDate = (isoDate: string | null | undefined, long = false) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate ?? '');
  if (!m) return '-';
  const months = long ? THAI_MONTHS_LONG : THAI_MONTHS_SHORT;
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${Number(m[1]) + 543}`;
};

/** An instant (ISO timestamp) as its date in Bangkok: '2025-10-12T03:00:00Z' → '12 ต.ค. 2568'. */
export const thaiDateOfInstant = (iso: string | null | undefined) => {
  if (!iso) return '-';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '-' : thaiDate(todayInBangkok(new Date(t)));
};

/** '2025-10' → 'ต.ค. 68' (short, for chart axes) or 'ตุลาคม 2568'. */
export const thaiMonth = (period: string, long = false) => {
  const [y, m] = period.split('-').map(Number);
  return long
    ? `${THAI_MONTHS_LONG[m - 1]} ${y + 543}`
    : `${THAI_MONTHS_SHORT[m - 1]} ${String(y + 543).slice(-2)}`;
};

/** The twelve months of a fiscal year, October first, as `YYYY-MM` (CE). */
export const fiscalYearPeriods = (fiscalYear: number) => {
  const endCe = fiscalYear - 543;
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((9 + i) % 12) + 1;
    return `${month >= 10 ? endCe - 1 : endCe}-${pad(month)}`;
  });
};

/** A month (1–12) of fiscal year Y as 'ธ.ค. 2568'. */
export const fiscalMonthLabel = (fiscalYear: number, month: number) =>
  `${THAI_MONTHS_SHORT[month - 1]} ${month >= 10 ? fiscalYear - 1 : fiscalYear}`;

export const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
