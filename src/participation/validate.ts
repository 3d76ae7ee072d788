import { errors } from '@strapi/utils';

/**
 * The bodies of the public's forms (docs/participation.md), checked field by field: unknown
 * fields, wrong types and sizes are a 400 with a Thai and an English message, never a 500.
 */

export const LIMITS = {
  message: 5000,
  question: 5000,
  comment: 2000,
  name: 200,
  email: 254,
  contactField: 300,
  category: 40,
} as const;

/** Fields every form may carry besides its own: the solved challenge and the honeypot. */
export const COMMON_FIELDS = ['altcha', 'website'] as const;
export const HONEYPOT = 'website';

export const COMPLAINT_CATEGORIES = [
  'bribery',
  'procurement',
  'abuse_of_power',
  'conflict_of_interest',
  'misconduct',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const RATING_FIELDS = ['findability', 'currency', 'ease', 'overall'] as const;

export const bad = (th: string, en: string, field?: string) =>
  new errors.ValidationError(`${th} / ${en}`, field ? { field } : undefined);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const objectBody = (body: unknown): Record<string, unknown> => {
  if (!isObject(body))
    throw bad('ข้อมูลที่ส่งต้องเป็นออบเจกต์ JSON', 'The body must be a JSON object');
  return body;
};

export const onlyFields = (body: Record<string, unknown>, allowed: readonly string[]) => {
  const all = [...allowed, ...COMMON_FIELDS];
  const extra = Object.keys(body).filter((k) => !all.includes(k));
  if (extra.length) {
    const names = extra.join(', ').slice(0, 80);
    throw bad(`ไม่รู้จักฟิลด์ ${names}`, `Unknown field(s) ${names} (allowed: ${all.join(', ')})`);
  }
};

/** Control characters other than tab and line breaks are removed; the text is trimmed. */
const clean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .trim();

export const text = (
  body: Record<string, unknown>,
  field: string,
  max: number,
  required: boolean,
  labelTh: string,
): string | null => {
  const v = body[field];
  if (v === undefined || v === null || v === '') {
    if (required) throw bad(`กรุณากรอก${labelTh}`, `${field} is required`, field);
    return null;
  }
  if (typeof v !== 'string')
    throw bad(`${labelTh}ต้องเป็นข้อความ`, `${field} must be a string`, field);
  const s = clean(v);
  if (!s) {
    if (required) throw bad(`กรุณากรอก${labelTh}`, `${field} is required`, field);
    return null;
  }
  if ([...s].length > max)
    throw bad(
      `${labelTh}ยาวเกิน ${max} ตัวอักษร`,
      `${field} is longer than ${max} characters`,
      field,
    );
  return s;
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

export const email = (body: Record<string, unknown>, field = 'email'): string | null => {
  const s = text(body, field, LIMITS.email, false, 'อีเมล');
  if (s === null) return null;
  if (!EMAIL.test(s)) throw bad('อีเมลไม่ถูกต้อง', `${field} is not an e-mail address`, field);
  return s.toLowerCase();
};

export const bool = (
  body: Record<string, unknown>,
  field: string,
  required: boolean,
  labelTh: string,
): boolean => {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw bad(`กรุณาระบุ${labelTh}`, `${field} is required (true or false)`, field);
    return false;
  }
  // Multipart forms send strings.
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw bad(`${labelTh}ต้องเป็น true หรือ false`, `${field} must be true or false`, field);
};

export type CorrectionBody = { entry: string | null; message: string; email: string | null };
export type QuestionBody = {
  question: string;
  name: string | null;
  email: string | null;
  publishConsent: boolean;
};
export type SurveyBody = {
  ratings: Record<(typeof RATING_FIELDS)[number], number>;
  comment: string | null;
};
export type Contact = { name: string | null; email: string | null; phone: string | null };
export type ComplaintBody = {
  message: string;
  category: ComplaintCategory;
  anonymous: boolean;
  contact: Contact | null;
};

export const correctionBody = (raw: unknown): CorrectionBody => {
  const body = objectBody(raw);
  onlyFields(body, ['entry', 'message', 'email']);
  const entry = text(body, 'entry', 64, false, 'รหัสรายการ');
  if (entry !== null && !/^[a-z0-9]{10,64}$/i.test(entry))
    throw bad('รหัสรายการ (documentId) ไม่ถูกต้อง', 'entry must be a documentId', 'entry');
  return {
    entry,
    message: text(body, 'message', LIMITS.message, true, 'รายละเอียดข้อมูลที่ไม่ถูกต้อง') as string,
    email: email(body),
  };
};

export const questionBody = (raw: unknown): QuestionBody => {
  const body = objectBody(raw);
  onlyFields(body, ['question', 'name', 'email', 'publishConsent']);
  return {
    question: text(body, 'question', LIMITS.question, true, 'คำถาม') as string,
    name: text(body, 'name', LIMITS.name, false, 'ชื่อ'),
    email: email(body),
    publishConsent: bool(body, 'publishConsent', true, 'ความยินยอมให้เผยแพร่คำถามและคำตอบ'),
  };
};

export const surveyBody = (raw: unknown): SurveyBody => {
  const body = objectBody(raw);
  onlyFields(body, ['ratings', 'comment']);
  const r = body.ratings;
  if (!isObject(r))
    throw bad(
      'กรุณาให้คะแนนทุกข้อ (1–5)',
      `ratings must be an object { ${RATING_FIELDS.join(', ')} } of integers 1–5`,
      'ratings',
    );
  const extra = Object.keys(r).filter((k) => !(RATING_FIELDS as readonly string[]).includes(k));
  if (extra.length)
    throw bad(
      `ไม่รู้จักหัวข้อคะแนน ${extra.join(', ').slice(0, 60)}`,
      `Unknown rating(s) ${extra.join(', ').slice(0, 60)}`,
      'ratings',
    );
  const ratings = {} as SurveyBody['ratings'];
  for (const f of RATING_FIELDS) {
    const v = typeof r[f] === 'string' && /^[1-5]$/.test(r[f] as string) ? Number(r[f]) : r[f];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5)
      throw bad(
        `คะแนน ${f} ต้องเป็นจำนวนเต็ม 1–5`,
        `ratings.${f} must be an integer 1–5`,
        `ratings.${f}`,
      );
    ratings[f] = v;
  }
  return { ratings, comment: text(body, 'comment', LIMITS.comment, false, 'ความคิดเห็น') };
};

export const complaintBody = (raw: unknown): ComplaintBody => {
  const body = objectBody(raw);
  onlyFields(body, ['message', 'category', 'anonymous', 'contact']);
  const message = text(
    body,
    'message',
    LIMITS.message,
    true,
    'รายละเอียดเรื่องร้องเรียน',
  ) as string;
  const cat = text(body, 'category', LIMITS.category, false, 'ประเภทเรื่องร้องเรียน') ?? 'other';
  if (!(COMPLAINT_CATEGORIES as readonly string[]).includes(cat))
    throw bad(
      'ประเภทเรื่องร้องเรียนไม่ถูกต้อง',
      `category must be one of ${COMPLAINT_CATEGORIES.join(', ')}`,
      'category',
    );
  const anonymous = bool(body, 'anonymous', true, 'การไม่เปิดเผยตัวตน');
  let contact: Contact | null = null;
  let rawContact = body.contact;
  if (typeof rawContact === 'string' && rawContact.trim().startsWith('{')) {
    try {
      rawContact = JSON.parse(rawContact);
    } catch {
      throw bad('ช่องทางติดต่อไม่ถูกต้อง', 'contact must be an object', 'contact');
    }
  }
  if (rawContact !== undefined && rawContact !== null && rawContact !== '') {
    if (!isObject(rawContact))
      throw bad(
        'ช่องทางติดต่อไม่ถูกต้อง',
        'contact must be an object { name?, email?, phone? }',
        'contact',
      );
    const extra = Object.keys(rawContact).filter((k) => !['name', 'email', 'phone'].includes(k));
    if (extra.length)
      throw bad(
        `ไม่รู้จักฟิลด์ contact.${extra[0].slice(0, 40)}`,
        `Unknown field contact.${extra[0].slice(0, 40)} (allowed: name, email, phone)`,
        'contact',
      );
    const phone = text(rawContact, 'phone', 40, false, 'หมายเลขโทรศัพท์');
    if (phone !== null && !/^[0-9+()\-\s]{3,40}$/.test(phone))
      throw bad('หมายเลขโทรศัพท์ไม่ถูกต้อง', 'contact.phone is not a phone number', 'contact');
    contact = {
      name: text(rawContact, 'name', LIMITS.name, false, 'ชื่อผู้ร้องเรียน'),
      email: email(rawContact),
      phone,
    };
    if (!contact.name && !contact.email && !contact.phone) contact = null;
  }
  if (anonymous && contact)
    throw bad(
      'เรื่องร้องเรียนแบบไม่เปิดเผยตัวตนต้องไม่มีช่องทางติดต่อ (เลือก anonymous: false เพื่อให้ติดต่อกลับได้)',
      'An anonymous complaint carries no contact: set anonymous to false to leave one',
      'contact',
    );
  return { message, category: cat as ComplaintCategory, anonymous, contact };
};

/** For public responses: text written by people never reaches a page as markup. */
export const escapeHtml = (s: string | null | undefined): string | null =>
  s === null || s === undefined
    ? null
    : s
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
