/** Shapes of the /compliance admin routes (docs/compliance.md) and small fetch helpers. */
import type { Status } from './labels';

export type MatrixUnit = {
  id: number;
  code: string;
  nameTh: string;
  nameEn: string | null;
  group: string;
  scheme: string;
};
export type MatrixItem = {
  id: number;
  code: string;
  titleTh: string;
  titleEn: string | null;
  scheme: string;
  cadence: string | null;
  indicatorCode: string | null;
  dueDate: string | null;
  position: number | null;
};
export type CellEntry = {
  type: string;
  documentId: string;
  title: string;
  published: boolean;
  publishedAt: string | null;
  workflowState: string | null;
  isNone: boolean;
  /** false: the approval of the published version did not tick every evidence element. */
  elementsConfirmed?: boolean | null;
};
export type MatrixCell = {
  unit: string;
  item: string;
  status: Status;
  dueDate: string | null;
  missingMonths?: number[];
  /** All entries behind the status; `entries` holds the newest twelve. */
  entryCount?: number;
  entries: CellEntry[];
};
export type UnitProgress = {
  unit: string;
  total: number;
  counts: Record<Status, number>;
  progress: number;
};
export type MatrixResponse = {
  data: { units: MatrixUnit[]; items: MatrixItem[]; cells: MatrixCell[] };
  meta: {
    fiscalYear: number;
    today: string;
    progress: UnitProgress[];
    overall: UnitProgress;
    central: boolean;
  };
};
export type HistoryPoint = {
  month: string;
  asOf: string;
  complete: number;
  total: number;
  progress: number;
};
export type MyItem = {
  unit: string;
  unitNameTh: string;
  item: string;
  titleTh: string;
  role: 'primary' | 'secondary' | 'work_group';
  workGroup?: string;
  status: Status;
  dueDate: string | null;
  missingMonths?: number[];
};
export type RankingRow = {
  group: string;
  rank: number;
  unit: string;
  nameTh: string;
  score: number;
  completeness: number;
  timeliness: number;
  freshness: number;
};

type ErrorLike = {
  status?: number;
  message?: string;
  response?: { data?: { error?: { status?: number; message?: string } } };
};

/** The HTTP status of a failed useFetchClient call (0 when the network failed). */
export const errorStatus = (error: unknown): number => {
  const e = error as ErrorLike;
  return e?.status ?? e?.response?.data?.error?.status ?? 0;
};

/** The server's message of a failed call, when it gave one. */
export const errorMessage = (error: unknown): string | null => {
  const e = error as ErrorLike;
  const message = e?.response?.data?.error?.message ?? e?.message;
  return message && message !== 'Server Error' && message !== 'Unknown Server Error'
    ? message
    : null;
};

/** A query string of the non-empty parameters. */
export const query = (params: Record<string, string | number | null | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** The file name a download gave in Content-Disposition, else the fallback. */
export const filenameOf = (headers: Headers | undefined, fallback: string) => {
  const cd = headers?.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
};

/** Saves a blob under a name through a temporary object URL (the download needs the admin JWT). */
export const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
};

/** The message inside an error body that came back as a blob ({ error: { message } } JSON). */
export const blobErrorMessage = async (blob: Blob): Promise<string | null> => {
  try {
    const body = JSON.parse(await blob.text()) as { error?: { message?: string } };
    return body?.error?.message ?? null;
  } catch {
    return null;
  }
};
