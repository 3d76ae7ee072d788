/**
 * What editors may attach: PDF, Office and ODF documents, CSV and raster images (ITA evidence is
 * documents; SVG and HTML can carry scripts and are refused). The size limit is UPLOAD_MAX_MB.
 */
export const ALLOWED_UPLOAD_MIME_TYPES = [
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'text/csv',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
] as const;

export type AllowedMime = (typeof ALLOWED_UPLOAD_MIME_TYPES)[number];

export const DEFAULT_UPLOAD_MAX_MB = 50;

export const uploadSizeLimitBytes = (): number => {
  const raw = Number(process.env.UPLOAD_MAX_MB);
  const mb = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_UPLOAD_MAX_MB;
  return Math.round(mb * 1024 * 1024);
};
