/**
 * A ring of secret keys from the environment, for the audit chain's HMACs
 * (src/workflow/audit-keys.ts) and the participation encryption (src/participation/crypto.ts):
 *
 *   <LIST>="k2:secret2,k1:secret1"   the first key signs or encrypts; the others only verify or
 *                                   decrypt what was written before a rotation
 *   <SINGLE>=secret <SINGLE>_ID=k1   one key (the id defaults to "k1")
 *
 * Outside production a missing key falls back to a fixed development key; with
 * NODE_ENV=production a missing key stops the start. No library reads "id:secret" lists with
 * rotation semantics, hence this small parser.
 */
export type RingKey = { id: string; secret: string };
export type KeyRing<K extends RingKey = RingKey> = {
  /** The key new values are sealed with. */
  current: K;
  /** Every key that opens, the current one included, by id. */
  byId: Map<string, K>;
  /** The built-in development key is in use (no key in the environment). */
  development: boolean;
};

export type KeyRingSpec = {
  listVar: string;
  singleVar: string;
  idVar: string;
  devKey: RingKey;
  idPattern: RegExp;
  /** Describes the id pattern in error messages. */
  idRule: string;
  minSecretLength: number;
  /** The message when production has no key. */
  missing: string;
  fail: (message: string) => Error;
};

const parseList = (spec: KeyRingSpec, list: string): RingKey[] => {
  const keys: RingKey[] = [];
  for (const part of list.split(',')) {
    const item = part.trim();
    if (!item) continue;
    const colon = item.indexOf(':');
    const id = colon > 0 ? item.slice(0, colon).trim() : '';
    const secret = colon > 0 ? item.slice(colon + 1) : '';
    if (!spec.idPattern.test(id) || secret.trim().length < Math.max(1, spec.minSecretLength))
      throw spec.fail(
        `${spec.listVar} must be "id:secret,id:secret" (id: ${spec.idRule}` +
          (spec.minSecretLength > 1
            ? `; secret: at least ${spec.minSecretLength} characters)`
            : ')'),
      );
    if (keys.some((k) => k.id === id))
      throw spec.fail(`${spec.listVar} lists key id "${id}" twice`);
    keys.push({ id, secret });
  }
  return keys;
};

/** A reader of one key ring: re-reads the environment on every call, parses once per value. */
export const keyRingReader = (spec: KeyRingSpec) => {
  let cache: { source: string; ring: KeyRing } | null = null;
  return (env: NodeJS.ProcessEnv = process.env): KeyRing => {
    const list = env[spec.listVar] ?? '';
    const single = env[spec.singleVar] ?? '';
    const singleId = env[spec.idVar] ?? '';
    const source = JSON.stringify([list, single, singleId, env.NODE_ENV === 'production']);
    if (cache && cache.source === source) return cache.ring;
    let keys: RingKey[] = [];
    if (list.trim()) keys = parseList(spec, list);
    else if (single.trim()) {
      const id = singleId.trim() || 'k1';
      if (!spec.idPattern.test(id)) throw spec.fail(`${spec.idVar}: ${spec.idRule}`);
      if (single.trim().length < spec.minSecretLength)
        throw spec.fail(`${spec.singleVar}: at least ${spec.minSecretLength} characters`);
      keys = [{ id, secret: single }];
    }
    let development = false;
    if (!keys.length) {
      if (env.NODE_ENV === 'production') throw spec.fail(spec.missing);
      keys = [spec.devKey];
      development = true;
    }
    const ring = { current: keys[0], byId: new Map(keys.map((k) => [k.id, k])), development };
    cache = { source, ring };
    return ring;
  };
};
