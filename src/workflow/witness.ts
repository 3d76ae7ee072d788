import fs from 'fs';
import path from 'path';

/**
 * The audit witness: after every appended event has been committed, the chain's head (its
 * position, event id, hash, key id and time) is appended as one JSON line to a file outside the
 * database. Someone who can rewrite the database cannot take back what the witness has seen:
 * `npm run audit:verify` checks the chain against every line.
 *
 *   AUDIT_WITNESS_FILE   where (default <app>/.tmp/audit-witness.log); point it at a store the
 *                        database's administrators cannot rewrite (a WORM or append-only mount,
 *                        a file shipped by a syslog/log forwarder)
 *   AUDIT_WITNESS=false  no witness (not recommended)
 *
 * Every instance appends to the same file if they share it: each head is one write of one short
 * line with O_APPEND, which Linux does atomically, so lines never interleave.
 */

export type ChainHead = {
  /** Position of the event in the chain, 1-based. */
  seq: number;
  id: number;
  hash: string;
  keyId: string | null;
  /** The event's time. */
  at: string;
};

export type WitnessLine = ChainHead & { line: number; file: string };

const APP_ROOT = path.resolve(__dirname, '..', '..', '..');

export const witnessEnabled = (env: NodeJS.ProcessEnv = process.env) =>
  !['false', '0', 'off', 'no'].includes((env.AUDIT_WITNESS ?? '').trim().toLowerCase());

/** The witness file (absolute), or null when the witness is off. */
export const witnessFile = (
  env: NodeJS.ProcessEnv = process.env,
  appRoot = APP_ROOT,
): string | null => {
  if (!witnessEnabled(env)) return null;
  const file = (env.AUDIT_WITNESS_FILE ?? '').trim() || path.join('.tmp', 'audit-witness.log');
  return path.isAbsolute(file) ? file : path.join(appRoot, file);
};

export const witnessLine = (head: ChainHead, now: Date = new Date()) =>
  `${JSON.stringify({
    v: 1,
    seq: head.seq,
    id: head.id,
    hash: head.hash,
    keyId: head.keyId,
    at: head.at,
    written: now.toISOString(),
  })}\n`;

/**
 * Checks at start that the witness file can be appended to: its folder is created, the file is
 * not (an empty file would hide from the verifier that the witness was lost).
 */
export const checkWitness = (file: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) {
    if (!fs.statSync(file).isFile()) throw new Error('not a regular file');
    fs.accessSync(file, fs.constants.W_OK);
  } else fs.accessSync(path.dirname(file), fs.constants.W_OK);
};

/** One line, one write(2) with O_APPEND. Synchronous: the line is down before the caller goes on. */
export const appendWitness = (file: string, head: ChainHead) => {
  fs.appendFileSync(file, witnessLine(head), { flag: 'a' });
};

const HASH = /^[0-9a-f]{64}$/;

/**
 * The heads in a witness file. A line that is not a head (cut short by a crash, or not ours) is
 * returned in `bad`: the verifier skips it and says so (it removes no evidence).
 */
export const readWitness = (file: string): { heads: WitnessLine[]; bad: number[] } => {
  const heads: WitnessLine[] = [];
  const bad: number[] = [];
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const o = JSON.parse(raw) as Record<string, unknown>;
      const seq = Number(o.seq);
      const id = Number(o.id);
      if (
        !Number.isSafeInteger(seq) ||
        seq < 1 ||
        !Number.isSafeInteger(id) ||
        typeof o.hash !== 'string' ||
        !HASH.test(o.hash)
      )
        throw new Error('not a head');
      heads.push({
        seq,
        id,
        hash: o.hash,
        keyId: typeof o.keyId === 'string' ? o.keyId : null,
        at: typeof o.at === 'string' ? o.at : '',
        line: i + 1,
        file,
      });
    } catch {
      bad.push(i + 1);
    }
  });
  return { heads, bad };
};
