import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import type { Core } from '@strapi/strapi';
import { FILE_UID, withKnex } from './owners';

/**
 * The SHA-256 of a file's bytes. Written on the file row at upload and replace (from the same
 * stream the provider stored); for the local provider the approval's content hash reads the bytes
 * on disk (cached by path, size and modification time), so bytes changed behind Strapi's back are
 * seen too. Rows from before this column get their digest on first use.
 */
export const digestStream = (stream: Readable) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    stream.on('data', (chunk) => h.update(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(h.digest('hex')));
  });

type FileRow = {
  id: number;
  url?: string | null;
  provider?: string | null;
  sha256?: string | null;
};

/** Where the local provider keeps a file (null for other providers or odd URLs). */
export const localPath = (strapi: Core.Strapi, url: string | null | undefined) => {
  if (typeof url !== 'string' || !url.startsWith('/uploads/')) return null;
  const root = path.join(strapi.dirs.static.public, 'uploads');
  const full = path.join(strapi.dirs.static.public, decodeURIComponent(url.split('?')[0]));
  return full.startsWith(`${root}${path.sep}`) ? full : null;
};

const diskCache = new Map<string, { key: string; digest: string }>();

const diskDigest = async (file: string): Promise<string | null> => {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return null;
  }
  const key = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
  const hit = diskCache.get(file);
  if (hit && hit.key === key) return hit.digest;
  const digest = await digestStream(fs.createReadStream(file));
  diskCache.set(file, { key, digest });
  if (diskCache.size > 10000) diskCache.delete(diskCache.keys().next().value as string);
  return digest;
};

/** Digests of the given files' bytes, by file id (null when the bytes cannot be read). */
export const digestsOf = async (strapi: Core.Strapi, ids: number[]) => {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  const m = (
    strapi.db.metadata as unknown as {
      get(uid: string): { tableName: string; attributes: Record<string, { columnName?: string }> };
    }
  ).get(FILE_UID);
  const table = m.tableName;
  // lodash's snake case makes the column `sha_256`: ask the metadata.
  const col = m.attributes.sha256?.columnName ?? 'sha_256';
  const rows = (await withKnex(strapi, (knex) =>
    knex(table).select('id', 'url', 'provider', { sha256: col }).whereIn('id', ids),
  )) as FileRow[];
  const provider = (strapi.config.get('plugin::upload') as { provider?: string } | undefined)
    ?.provider;
  for (const row of rows) {
    const local = row.provider === provider ? localPath(strapi, row.url) : null;
    const digest = local ? await diskDigest(local) : null;
    out.set(Number(row.id), digest ?? row.sha256 ?? null);
    if (digest && !row.sha256) {
      // Lazy back-fill of rows stored before the column existed (no lifecycle: not a content change).
      await withKnex(strapi, (knex) =>
        knex(table)
          .where('id', row.id)
          .update({ [col]: digest }),
      );
    }
  }
  return out;
};

type Data = { getStream?: () => Readable; sha256?: string; servedPublicly?: boolean };

/** Every upload and replace records the digest of the bytes it stored; new files start private. */
export const registerDigests = (strapi: Core.Strapi) => {
  const record = async (data: Data | undefined) => {
    if (data && typeof data.getStream === 'function') {
      data.sha256 = await digestStream(data.getStream());
    }
  };
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    beforeCreate: async (event: { params: { data?: Data } }) => {
      await record(event.params.data);
      if (event.params.data && event.params.data.servedPublicly === undefined)
        event.params.data.servedPublicly = false;
    },
    beforeUpdate: async (event: { params: { data?: Data } }) => record(event.params.data),
  } as never);
};
