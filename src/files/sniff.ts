import fs from 'fs';
import path from 'path';
import type { AllowedMime } from './policy';

/**
 * Tells a file's real type from its bytes, not its name. Office Open XML and ODF are ZIP
 * containers told apart by the names inside; legacy Office files are OLE2 containers; CSV has
 * no signature, so it must be text: no NUL bytes, no markup that a browser would run.
 */
const HEAD_BYTES = 64 * 1024;

const EXTENSIONS: Record<AllowedMime, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'application/msword': ['.doc'],
  'application/vnd.ms-excel': ['.xls'],
  'application/vnd.ms-powerpoint': ['.ppt', '.pps'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx', '.ppsx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['.ods'],
  'application/vnd.oasis.opendocument.presentation': ['.odp'],
  'text/csv': ['.csv'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
};

export const extensionsOf = (mime: AllowedMime): readonly string[] => EXTENSIONS[mime];

const readRange = (fd: number, position: number, length: number): Buffer => {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
};

/** Entry names from a ZIP's central directory (null when it is not a readable ZIP). */
const zipEntryNames = (fd: number, size: number): string[] | null => {
  const tailLen = Math.min(size, 65557);
  const tail = readRange(fd, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset + cdSize > size || cdSize > 16 * 1024 * 1024) return null;
  const cd = readRange(fd, cdOffset, cdSize);
  const names: string[] = [];
  let p = 0;
  while (p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50) {
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    names.push(cd.subarray(p + 46, p + 46 + nameLen).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
};

const ODF_TYPES: Record<string, AllowedMime> = {
  'application/vnd.oasis.opendocument.text': 'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet':
    'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation':
    'application/vnd.oasis.opendocument.presentation',
};

const sniffZip = (fd: number, size: number, head: Buffer): AllowedMime | null => {
  // ODF stores an uncompressed "mimetype" entry first (ODF 1.2 §3.3).
  if (head.subarray(30, 38).toString('latin1') === 'mimetype') {
    const declared = head
      .subarray(38, 38 + 80)
      .toString('latin1')
      .replace(/[^a-z0-9.\-/]+.*$/s, '');
    const odf = Object.keys(ODF_TYPES).find((m) => declared.startsWith(m));
    if (odf) return ODF_TYPES[odf];
  }
  const names = zipEntryNames(fd, size);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.startsWith('word/')))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.some((n) => n.startsWith('xl/')))
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (names.some((n) => n.startsWith('ppt/')))
    return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return null;
};

const looksLikeCsv = (head: Buffer): boolean => {
  if (head.length === 0) return false;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return (
    !/^(<!doctype|<html|<script|<svg|<\?php|<\?xml|<body|<iframe)/.test(text) &&
    !/<script[\s>]/.test(text)
  );
};

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The real type of the file at `filepath`, or null when it is none of the allowed types. */
export const sniffFile = (filepath: string, originalName: string): AllowedMime | null => {
  const ext = path.extname(originalName).toLowerCase();
  const fd = fs.openSync(filepath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = readRange(fd, 0, Math.min(size, HEAD_BYTES));
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
    if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
      return 'image/png';
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
    if (/^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1'))) return 'image/gif';
    if (
      head.subarray(0, 4).toString('latin1') === 'RIFF' &&
      head.subarray(8, 12).toString('latin1') === 'WEBP'
    )
      return 'image/webp';
    if (head.subarray(0, 8).equals(OLE2)) {
      if (ext === '.xls') return 'application/vnd.ms-excel';
      if (ext === '.ppt' || ext === '.pps') return 'application/vnd.ms-powerpoint';
      return 'application/msword';
    }
    if (head.readUInt32LE(0) === 0x04034b50) return sniffZip(fd, size, head);
    if (ext === '.csv' && looksLikeCsv(head)) return 'text/csv';
    return null;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
};
