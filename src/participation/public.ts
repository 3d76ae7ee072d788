import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import path from 'path';
import { clientKey } from '../auth/limits';
import { assertAcceptableFiles } from '../files';
import { parseFiscalYear } from '../ita/fiscal-year';
import { createParticipationChallenge, verifyAltcha, type AltchaVerdict } from './altcha';
import { takeChallenge, takeSubmission } from './limits';
import {
  complaintStatistics,
  createComplaint,
  createCorrection,
  createQuestion,
  consent,
  createSurvey,
  decoyTrackingCode,
  publicStatus,
  surveyAggregate,
  unitByCode,
  type IncomingAttachment,
  type UnitRow,
} from './service';
import { participationSettings } from './settings';
import {
  bad,
  COMPLAINT_CATEGORIES,
  complaintBody,
  correctionBody,
  HONEYPOT,
  LIMITS,
  objectBody,
  questionBody,
  surveyBody,
} from './validate';
import { notifyComplaintOfficers } from './notify';

/**
 * The public's routes (no account): GET /api/participation/challenge, POST
 * /api/participation/{unitCode}/corrections|questions|survey|complaints, GET
 * /api/participation/requests/{trackingCode}, GET /api/participation/{unitCode}/{fiscalYear}/survey
 * and …/complaint-statistics. See docs/participation.md.
 */

const tooMany = (ctx: Context, retryAfter: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  ctx.status = 429;
  ctx.set('Retry-After', String(retryAfter));
  ctx.body = {
    data: null,
    error: {
      status: 429,
      name: 'RateLimitError',
      message: `ส่งเรื่องจากที่อยู่นี้หรือถึงหน่วยงานนี้มากเกินไป โปรดลองใหม่ในอีก ${minutes} นาที / Too many submissions; try again in ${minutes} minute(s).`,
      details: { retryAfter },
    },
  };
};

const ALTCHA_MESSAGES: Record<Exclude<AltchaVerdict, 'ok'>, [string, string]> = {
  missing: [
    'กรุณายืนยันว่าไม่ใช่โปรแกรมอัตโนมัติ (altcha)',
    'altcha is required: solve the challenge from GET /api/participation/challenge',
  ],
  malformed: ['ข้อมูลยืนยัน (altcha) ไม่ถูกต้อง', 'altcha is not a solved challenge'],
  invalid: ['การยืนยัน (altcha) ไม่ผ่าน', 'altcha: the solution does not verify'],
  expired: [
    'การยืนยัน (altcha) หมดอายุ โปรดลองใหม่',
    'altcha: the challenge has expired; fetch a new one',
  ],
  reused: [
    'การยืนยัน (altcha) ถูกใช้ไปแล้ว โปรดลองใหม่',
    'altcha: this solution was already used; fetch a new challenge',
  ],
};

const noQuery = (ctx: Context) => {
  const extra = Object.keys(ctx.query ?? {});
  if (extra.length)
    throw bad(
      `ไม่รู้จักพารามิเตอร์ ${extra.join(', ').slice(0, 60)}`,
      `Unknown query parameter ${extra.join(', ').slice(0, 60)}`,
    );
};

type FormFile = {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string;
  size?: number;
  mimetype?: string | null;
};

/** The files of a multipart complaint, checked like any upload (type from the bytes, size). */
const incomingFiles = (ctx: Context): IncomingAttachment[] => {
  const raw = (ctx.request as unknown as { files?: Record<string, FormFile | FormFile[]> }).files;
  if (!raw) return [];
  const list: FormFile[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if (field !== 'files' && field !== 'attachments')
      throw bad(
        `ไม่รู้จักฟิลด์ไฟล์ ${field.slice(0, 40)} (ใช้ files)`,
        `Unknown file field ${field.slice(0, 40)} (use files)`,
      );
    list.push(...(Array.isArray(value) ? value : [value]));
  }
  const s = participationSettings();
  if (list.length > s.maxFiles)
    throw bad(`แนบไฟล์ได้ไม่เกิน ${s.maxFiles} ไฟล์`, `At most ${s.maxFiles} files`, 'files');
  for (const f of list)
    if ((f.size ?? 0) > s.maxFileBytes)
      throw new errors.PayloadTooLargeError(
        `ไฟล์แนบแต่ละไฟล์ต้องไม่เกิน ${s.maxFileBytes / 1024 / 1024} MB / Each file must be at most ${s.maxFileBytes / 1024 / 1024} MB`,
      );
  assertAcceptableFiles(list);
  return list.map((f) => ({
    filepath: (f.filepath ?? f.path) as string,
    name: path.basename(f.originalFilename ?? f.name ?? 'file'),
    mime: f.mimetype ?? 'application/octet-stream',
    size: f.size ?? 0,
  }));
};

/** A multipart form may send the JSON body whole in a `data` field, or field by field. */
const formBody = (ctx: Context): unknown => {
  const body = (ctx.request as unknown as { body?: unknown }).body;
  if (!ctx.is('multipart')) return body;
  const fields = objectBody(body ?? {});
  if (typeof fields.data === 'string') {
    const { data, ...rest } = fields;
    try {
      return { ...objectBody(JSON.parse(data as string)), ...rest };
    } catch (error) {
      if (error instanceof errors.ValidationError) throw error;
      throw bad('ฟิลด์ data ต้องเป็น JSON', 'The data field must be JSON');
    }
  }
  return fields;
};

type Kind = 'corrections' | 'questions' | 'survey' | 'complaints';

const submit = async (strapi: Core.Strapi, ctx: Context, kind: Kind) => {
  noQuery(ctx);
  const unit: UnitRow = await unitByCode(strapi, ctx.params.unitCode);
  const wait = await takeSubmission(clientKey(ctx.ip), unit.code, kind);
  if (wait) return tooMany(ctx, wait);
  if (kind !== 'complaints' && ctx.is('multipart'))
    throw bad('แบบฟอร์มนี้รับเฉพาะ JSON', 'This form takes a JSON body (application/json)');
  const raw = objectBody(formBody(ctx));
  const honeypot = raw[HONEYPOT];
  // Validate first (a person gets their mistakes explained), then the challenge.
  const body =
    kind === 'corrections'
      ? correctionBody(raw)
      : kind === 'questions'
        ? questionBody(raw)
        : kind === 'survey'
          ? surveyBody(raw)
          : complaintBody(raw);
  const files = kind === 'complaints' ? incomingFiles(ctx) : [];
  const verdict = await verifyAltcha(raw.altcha);
  if (verdict !== 'ok') {
    const [th, en] = ALTCHA_MESSAGES[verdict];
    throw bad(th, en, 'altcha');
  }
  if (honeypot !== undefined && honeypot !== null && honeypot !== '') {
    // A form robot filled the hidden field: answer as usual, keep nothing.
    strapi.log.warn(`[participation] ${unit.code}: honeypot filled, ${kind} discarded`);
    ctx.status = 201;
    ctx.body = { data: { trackingCode: decoyTrackingCode() } };
    return;
  }
  let trackingCode: string;
  if (kind === 'corrections') trackingCode = await createCorrection(strapi, unit, body as never);
  else if (kind === 'questions') trackingCode = await createQuestion(strapi, unit, body as never);
  else if (kind === 'survey') trackingCode = await createSurvey(strapi, unit, body as never);
  else {
    trackingCode = await createComplaint(strapi, unit, body as never, files);
    notifyComplaintOfficers(strapi, unit, trackingCode);
  }
  ctx.status = 201;
  ctx.body = { data: { trackingCode } };
};

const yearParam = (raw: unknown) => {
  const year = parseFiscalYear(raw);
  if (year === null)
    throw bad(
      `ปีงบประมาณ "${String(raw).slice(0, 20)}" ไม่ถูกต้อง ต้องเป็นปี พ.ศ. เช่น 2569`,
      'Invalid fiscal year: use the Buddhist-era year, e.g. 2569',
    );
  return year;
};

export const participationController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async challenge(ctx: Context) {
    noQuery(ctx);
    const wait = await takeChallenge(clientKey(ctx.ip));
    if (wait) return tooMany(ctx, wait);
    ctx.set('Cache-Control', 'no-store');
    // The altcha widget reads the challenge itself as the response body.
    ctx.body = await createParticipationChallenge();
  },
  /**
   * What a form shows before anything is sent: the PDPA consent text (and its version) that is
   * recorded with a submission carrying personal data, the size limits and complaint categories.
   */
  settings(ctx: Context) {
    noQuery(ctx);
    const s = participationSettings();
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.body = {
      data: {
        consent: consent(),
        limits: {
          message: LIMITS.message,
          question: LIMITS.question,
          comment: LIMITS.comment,
          name: LIMITS.name,
          email: LIMITS.email,
          phone: 40,
          maxFiles: s.maxFiles,
          maxFileBytes: s.maxFileBytes,
        },
        complaintCategories: COMPLAINT_CATEGORIES,
      },
    };
  },
  corrections: (ctx: Context) => submit(strapi, ctx, 'corrections'),
  questions: (ctx: Context) => submit(strapi, ctx, 'questions'),
  survey: (ctx: Context) => submit(strapi, ctx, 'survey'),
  complaints: (ctx: Context) => submit(strapi, ctx, 'complaints'),
  async status(ctx: Context) {
    noQuery(ctx);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await publicStatus(strapi, ctx.params.trackingCode) };
  },
  async surveyResults(ctx: Context) {
    noQuery(ctx);
    const unit = await unitByCode(strapi, ctx.params.unitCode);
    ctx.body = { data: await surveyAggregate(strapi, unit, yearParam(ctx.params.fiscalYear)) };
  },
  async complaintStatistics(ctx: Context) {
    noQuery(ctx);
    const unit = await unitByCode(strapi, ctx.params.unitCode);
    ctx.body = {
      data: await complaintStatistics(
        strapi,
        unit,
        yearParam(ctx.params.fiscalYear),
        COMPLAINT_CATEGORIES,
        ['received', 'investigating', 'resolved', 'rejected'],
      ),
    };
  },
});
