import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { uploadSizeLimitBytes, ALLOWED_UPLOAD_MIME_TYPES } from './policy';
import { extensionsOf, sniffFile } from './sniff';
import path from 'path';
import { registerDigests } from './digest';
import { guardFrozenFiles } from './frozen';
import {
  backfillVisibility,
  overrideSignFileUrls,
  registerSigning,
  registerVisibility,
} from './visibility';

type IncomingFile = {
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string;
  size?: number;
  mimetype?: string | null;
};

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Refuses a file whose bytes are not an allowed type (PDF, Office, ODF, CSV, raster image) or
 * whose size is over the limit. Called for every file of a request before any is stored, so a
 * refused batch stores nothing.
 */
export const assertAcceptableFiles = (files: IncomingFile | IncomingFile[] | undefined) => {
  const list = Array.isArray(files) ? files : files ? [files] : [];
  const limit = uploadSizeLimitBytes();
  for (const file of list) {
    const name = file.originalFilename ?? file.name ?? 'file';
    const filepath = file.filepath ?? file.path;
    if (typeof file.size === 'number' && file.size > limit) {
      throw new errors.PayloadTooLargeError(
        `ไฟล์ "${name}" มีขนาด ${mb(file.size)} เกินขีดจำกัด ${mb(limit)} / "${name}" is ${mb(file.size)}, over the ${mb(limit)} limit`,
      );
    }
    const real = filepath ? sniffFile(filepath, name) : null;
    if (!real) {
      throw new errors.ValidationError(
        `ไม่รับไฟล์ "${name}": รับเฉพาะ PDF, เอกสาร Office/ODF, CSV และรูปภาพ (JPEG, PNG, GIF, WebP) ตรวจจากเนื้อไฟล์ / ` +
          `"${name}" refused: only PDF, Office/ODF documents, CSV and images are accepted (checked from the file's content)`,
        { allowedTypes: [...ALLOWED_UPLOAD_MIME_TYPES] },
      );
    }
    const ext = path.extname(name).toLowerCase();
    if (ext && !extensionsOf(real).includes(ext)) {
      throw new errors.ValidationError(
        `ไม่รับไฟล์ "${name}": เนื้อไฟล์เป็น ${real} แต่ชื่อไฟล์ลงท้ายด้วย ${ext} / "${name}" refused: its content is ${real} but its name ends in ${ext}`,
      );
    }
    // Store the type the bytes prove, not the one the client declared.
    file.mimetype = real;
  }
};

type UploadService = {
  upload: (
    args: { data: unknown; files: IncomingFile | IncomingFile[] },
    opts?: unknown,
  ) => Promise<unknown>;
  replace: (
    id: unknown,
    args: { data: unknown; file: IncomingFile },
    opts?: unknown,
  ) => Promise<unknown>;
};

/**
 * Wraps the upload service itself, so the admin Media Library, REST and scripts all pass the
 * checks: allowed types and size; frozen files (src/files/frozen.ts); digests of the bytes
 * (digest.ts); draft files not public (visibility.ts, src/middlewares/private-files.ts).
 */
export default {
  register(strapi: Core.Strapi) {
    registerDigests(strapi);
    registerVisibility(strapi);
    registerSigning(strapi);
  },
  async bootstrap(strapi: Core.Strapi) {
    const service = strapi.plugin('upload').service('upload') as UploadService;
    const upload = service.upload.bind(service);
    const replace = service.replace.bind(service);
    service.upload = async (args, opts) => {
      assertAcceptableFiles(args?.files);
      return upload(args, opts);
    };
    service.replace = async (id, args, opts) => {
      assertAcceptableFiles(args?.file);
      return replace(id, args, opts);
    };
    guardFrozenFiles(strapi);
    overrideSignFileUrls(strapi);
    await backfillVisibility(strapi);
  },
};
