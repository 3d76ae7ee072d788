import { errorMessage } from '../compliance/api';
import { thaiDateOfInstant } from '../compliance/labels';
import {
  PARTICIPATION_CATEGORY_LABELS,
  PARTICIPATION_KIND_LABELS,
  STATUS_LABELS,
} from '../../common/enum-labels';

/** What GET /participation/me says about the signed-in person. */
export type Me = {
  inbox: boolean;
  units: Array<{ code: string; nameTh: string; answer: boolean }>;
  complaintOfficer: boolean;
};

/** The server's messages are "Thai / English": the panel shows the Thai part. */
export const thaiMessage = (error: unknown, fallback: string) => {
  const message = errorMessage(error);
  if (!message) return fallback;
  const th = message.split(' / ')[0].trim();
  return /[\u0E00-\u0E7F]/.test(th) ? th : fallback;
};

export const statusLabel = (s: string) => STATUS_LABELS[s] ?? s;
export const kindLabel = (k: string) => PARTICIPATION_KIND_LABELS[k] ?? k;
export const categoryLabel = (c: string) => PARTICIPATION_CATEGORY_LABELS[c] ?? c;
/** An instant as its Buddhist-Era date in Bangkok. */
export const beDate = (iso: string | null | undefined) => thaiDateOfInstant(iso);

export const httpStatus = (error: unknown): number | undefined =>
  (error as { status?: number; response?: { status?: number } })?.response?.status ??
  (error as { status?: number })?.status;
