import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomBytes } from 'crypto';
import fs from 'fs';
import path from 'path';
import { DISCLOSURE_TYPES } from '../disclosures/types';
import { fiscalYearOf } from '../ita/fiscal-year';
import { seal } from './crypto';
import { participationSettings } from './settings';
import {
  escapeHtml,
  RATING_FIELDS,
  type ComplaintBody,
  type CorrectionBody,
  type QuestionBody,
  type SurveyBody,
} from './validate';

export const REQUEST_UID = 'api::participation-request.participation-request' as UID.ContentType;
export const SURVEY_UID = 'api::participation-survey.participation-survey' as UID.ContentType;
export const COMPLAINT_UID =
  'api::participation-complaint.participation-complaint' as UID.ContentType;
const UNIT_UID = 'api::unit.unit';

export type UnitRow = { id: number; code: string; nameTh: string; nameEn: string | null };

/**
 * The PDPA notice recorded with every submission that carries personal data (name, e-mail,
 * contact). Shown by the widget above the form; `PARTICIPATION_CONSENT_TEXT` replaces it, and
 * `PARTICIPATION_CONSENT_VERSION` names the version stored with each submission.
 */
export const DEFAULT_CONSENT_TEXT =
  'ข้าพเจ้ายินยอมให้หน่วยงานเก็บและใช้ชื่อ อีเมล และช่องทางติดต่อที่ให้ไว้ เพื่อตอบและติดตามเรื่องนี้เท่านั้น ' +
  'ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ข้อมูลจะถูกลบเมื่อพ้นระยะเวลาเก็บรักษาที่หน่วยงานกำหนด ' +
  'และจะไม่เปิดเผยต่อสาธารณะ / I consent to the unit keeping and using the name, e-mail and contact ' +
  'details given here only to answer and follow up this matter (Thailand PDPA B.E. 2562); they are ' +
  'deleted when the retention period ends and never published.';

export const consent = () => ({
  text: process.env.PARTICIPATION_CONSENT_TEXT || DEFAULT_CONSENT_TEXT,
  version: process.env.PARTICIPATION_CONSENT_VERSION || '2569-1',
});

const notFoundUnit = (code: string) =>
  new errors.NotFoundError(
    `ไม่พบหน่วยงานรหัส ${code.slice(0, 20)} / No unit with code ${code.slice(0, 20)}`,
  );

/** The unit of a public route, by code (case-insensitive); 404 when unknown or inactive. */
export const unitByCode = async (strapi: Core.Strapi, raw: unknown): Promise<UnitRow> => {
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  if (!/^[A-Z0-9][A-Z0-9_-]{1,19}$/.test(code)) throw notFoundUnit(String(raw ?? ''));
  const unit = (await strapi.db.query(UNIT_UID).findOne({
    where: { code, active: { $ne: false } },
    select: ['id', 'code', 'nameTh', 'nameEn'],
  })) as UnitRow | null;
  if (!unit) throw notFoundUnit(code);
  return unit;
};

/** Ten characters of Crockford base32 in two groups (50 random bits), e.g. `7KQ2M-X9D4P`. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = () => {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};
export const TRACKING_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

const codeTaken = async (strapi: Core.Strapi, code: string) => {
  for (const uid of [REQUEST_UID, SURVEY_UID, COMPLAINT_UID])
    if (await strapi.db.query(uid).findOne({ where: { trackingCode: code }, select: ['id'] }))
      return true;
  return false;
};

export const newTrackingCode = async (strapi: Core.Strapi) => {
  for (let i = 0; i < 5; i++) {
    const code = randomCode();
    if (!(await codeTaken(strapi, code))) return code;
  }
  throw new Error('could not draw a free tracking code');
};

/** A fake code for a submission the honeypot caught: looks the same, names nothing. */
export const decoyTrackingCode = randomCode;

const dueAt = (from: Date) =>
  new Date(from.getTime() + participationSettings().dueDays * 24 * 60 * 60 * 1000);

/** `YYYY-MM` of an instant in Bangkok time. */
export const bangkokMonth = (d: Date) =>
  new Date(d.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 7);

/** The published entry a correction is about: it must belong to the unit. */
const findEntry = async (strapi: Core.Strapi, unitId: number, documentId: string) => {
  for (const t of DISCLOSURE_TYPES) {
    const row = await strapi.db.query(t.uid as UID.ContentType).findOne({
      where: { documentId, unit: { id: unitId }, publishedAt: { $notNull: true } },
      select: ['id'],
    });
    if (row) return t.uid;
  }
  return null;
};

export const createCorrection = async (strapi: Core.Strapi, unit: UnitRow, b: CorrectionBody) => {
  let entryUid: string | null = null;
  if (b.entry) {
    entryUid = await findEntry(strapi, unit.id, b.entry);
    if (!entryUid)
      throw new errors.ValidationError(
        `ไม่พบรายการที่เผยแพร่ของหน่วยงาน ${unit.code} รหัส ${b.entry} / No published entry ${b.entry} of unit ${unit.code}`,
        { field: 'entry' },
      );
  }
  const now = new Date();
  const c = b.email ? consent() : null;
  const trackingCode = await newTrackingCode(strapi);
  await strapi.db.query(REQUEST_UID).create({
    data: {
      trackingCode,
      kind: 'correction',
      unit: unit.id,
      unitRef: unit.id,
      entryUid,
      entryDocumentId: b.entry,
      message: b.message,
      emailEnc: seal(b.email),
      consentText: c?.text ?? null,
      consentVersion: c?.version ?? null,
      status: 'received',
      receivedAt: now,
      dueAt: dueAt(now),
      fiscalYear: fiscalYearOf(now),
    },
  });
  return trackingCode;
};

export const createQuestion = async (strapi: Core.Strapi, unit: UnitRow, b: QuestionBody) => {
  const now = new Date();
  const c = b.email || b.name ? consent() : null;
  const trackingCode = await newTrackingCode(strapi);
  await strapi.db.query(REQUEST_UID).create({
    data: {
      trackingCode,
      kind: 'question',
      unit: unit.id,
      unitRef: unit.id,
      message: b.question,
      nameEnc: seal(b.name),
      emailEnc: seal(b.email),
      publishConsent: b.publishConsent,
      consentText: c?.text ?? null,
      consentVersion: c?.version ?? null,
      status: 'received',
      receivedAt: now,
      dueAt: dueAt(now),
      fiscalYear: fiscalYearOf(now),
    },
  });
  return trackingCode;
};

export const createSurvey = async (strapi: Core.Strapi, unit: UnitRow, b: SurveyBody) => {
  const now = new Date();
  const trackingCode = await newTrackingCode(strapi);
  await strapi.db.query(SURVEY_UID).create({
    data: {
      trackingCode,
      unit: unit.id,
      unitRef: unit.id,
      fiscalYear: fiscalYearOf(now),
      ...b.ratings,
      comment: b.comment,
      receivedAt: now,
    },
  });
  return trackingCode;
};

export type StoredAttachment = {
  id: string;
  name: string;
  mime: string;
  size: number;
  /** The file name under the private directory (never under public/). */
  stored: string;
};

/**
 * Where complaint attachments live: `PARTICIPATION_FILES_DIR`, by default `private/participation`
 * in the app's root — outside `public/`, so no URL of the static server reaches them; officers
 * download them through the admin API only.
 */
export const attachmentsDir = (strapi: Core.Strapi) => {
  const root = (strapi.dirs as unknown as { app?: { root?: string } })?.app?.root ?? process.cwd();
  return path.resolve(
    process.env.PARTICIPATION_FILES_DIR || path.join(root, 'private', 'participation'),
  );
};

export type IncomingAttachment = { filepath: string; name: string; mime: string; size: number };

export const createComplaint = async (
  strapi: Core.Strapi,
  unit: UnitRow,
  b: ComplaintBody,
  files: IncomingAttachment[],
) => {
  const now = new Date();
  const c = b.contact ? consent() : null;
  const trackingCode = await newTrackingCode(strapi);
  const stored: StoredAttachment[] = [];
  if (files.length) {
    const dir = attachmentsDir(strapi);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const f of files) {
      const id = randomBytes(16).toString('hex');
      fs.copyFileSync(f.filepath, path.join(dir, id));
      fs.chmodSync(path.join(dir, id), 0o600);
      stored.push({ id, name: f.name.slice(0, 200), mime: f.mime, size: f.size, stored: id });
    }
  }
  try {
    await strapi.db.query(COMPLAINT_UID).create({
      data: {
        trackingCode,
        unit: unit.id,
        unitRef: unit.id,
        category: b.category,
        anonymous: b.anonymous,
        messageEnc: seal(b.message),
        contactEnc: b.contact ? seal(JSON.stringify(b.contact)) : null,
        attachments: stored,
        consentText: c?.text ?? null,
        consentVersion: c?.version ?? null,
        status: 'received',
        receivedAt: now,
        fiscalYear: fiscalYearOf(now),
        month: bangkokMonth(now),
      },
    });
  } catch (error) {
    for (const s of stored) fs.rmSync(path.join(attachmentsDir(strapi), s.stored), { force: true });
    throw error;
  }
  return trackingCode;
};

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/** What the public may know of a submission by its tracking code: never who sent it, nor what. */
export const publicStatus = async (strapi: Core.Strapi, raw: unknown) => {
  const code = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  const notFound = new errors.NotFoundError(
    'ไม่พบเรื่องที่มีรหัสติดตามนี้ / No submission with this tracking code',
  );
  if (!TRACKING_CODE.test(code)) throw notFound;
  const unitSel = { unit: { select: ['code', 'nameTh'] } };
  const req = (await strapi.db.query(REQUEST_UID).findOne({
    where: { trackingCode: code },
    select: [
      'trackingCode',
      'kind',
      'status',
      'reply',
      'rejectionReason',
      'receivedAt',
      'dueAt',
      'closedAt',
      'updatedAt',
    ],
    populate: unitSel,
  })) as Record<string, unknown> | null;
  if (req) {
    const answered = ['answered', 'resolved'].includes(req.status as string);
    return {
      trackingCode: code,
      kind: req.kind,
      status: req.status,
      unit: req.unit,
      receivedAt: iso(req.receivedAt),
      dueAt: iso(req.dueAt),
      closedAt: iso(req.closedAt),
      updatedAt: iso(req.updatedAt),
      reply: answered ? escapeHtml(req.reply as string | null) : null,
      rejectionReason:
        req.status === 'rejected' ? escapeHtml(req.rejectionReason as string | null) : null,
    };
  }
  const survey = (await strapi.db.query(SURVEY_UID).findOne({
    where: { trackingCode: code },
    select: ['receivedAt'],
    populate: unitSel,
  })) as Record<string, unknown> | null;
  if (survey)
    return {
      trackingCode: code,
      kind: 'survey',
      status: 'received',
      unit: survey.unit,
      receivedAt: iso(survey.receivedAt),
    };
  const complaint = (await strapi.db.query(COMPLAINT_UID).findOne({
    where: { trackingCode: code },
    select: ['status', 'receivedAt', 'closedAt', 'updatedAt'],
    populate: unitSel,
  })) as Record<string, unknown> | null;
  if (complaint)
    return {
      trackingCode: code,
      kind: 'complaint',
      status: complaint.status,
      unit: complaint.unit,
      receivedAt: iso(complaint.receivedAt),
      closedAt: iso(complaint.closedAt),
      updatedAt: iso(complaint.updatedAt),
    };
  throw notFound;
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The survey of a unit for a fiscal year: counts and averages only. */
export const surveyAggregate = async (strapi: Core.Strapi, unit: UnitRow, fiscalYear: number) => {
  const rows = (await strapi.db.query(SURVEY_UID).findMany({
    where: { unitRef: unit.id, fiscalYear },
    select: [...RATING_FIELDS],
  })) as Array<Record<string, number>>;
  const averages: Record<string, number | null> = {};
  const distribution: Record<string, Record<string, number>> = {};
  for (const f of RATING_FIELDS) {
    const values = rows.map((r) => Number(r[f])).filter((v) => v >= 1 && v <= 5);
    averages[f] = values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
    distribution[f] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
    for (const v of values) distribution[f][String(v)] += 1;
  }
  return {
    unit: { code: unit.code, nameTh: unit.nameTh },
    fiscalYear,
    responses: rows.length,
    averages,
    distribution,
  };
};

/** Complaint statistics of a unit for a fiscal year: counts by month, category and status; never content. */
export const complaintStatistics = async (
  strapi: Core.Strapi,
  unit: UnitRow,
  fiscalYear: number,
  categories: readonly string[],
  statuses: readonly string[],
) => {
  const rows = (await strapi.db.query(COMPLAINT_UID).findMany({
    where: { unitRef: unit.id, fiscalYear },
    select: ['month', 'category', 'status'],
  })) as Array<{ month: string; category: string; status: string }>;
  const ce = fiscalYear - 543;
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = ((9 + i) % 12) + 1;
    return `${m >= 10 ? ce - 1 : ce}-${String(m).padStart(2, '0')}`;
  });
  const count = (key: 'month' | 'category' | 'status', values: readonly string[]) =>
    Object.fromEntries(values.map((v) => [v, rows.filter((r) => r[key] === v).length]));
  return {
    unit: { code: unit.code, nameTh: unit.nameTh },
    fiscalYear,
    total: rows.length,
    byMonth: months.map((month) => ({
      month,
      count: rows.filter((r) => r.month === month).length,
    })),
    byCategory: count('category', categories),
    byStatus: count('status', statuses),
  };
};
