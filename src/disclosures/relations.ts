/**
 * Reads a to-one relation value as the Document Service receives it: a documentId string, a
 * numeric id, { documentId } / { id }, { connect: [...] , disconnect: [...] }, { set: [...] },
 * or null. Returns 'absent' when the payload does not touch the relation.
 */
export type RelationRef = { id?: number; documentId?: string };
export type RelationChange =
  | { kind: 'absent' }
  | { kind: 'cleared' }
  | { kind: 'set'; ref: RelationRef };

/**
 * One target as Strapi's Document Service reads it (`mapRelation`,
 * @strapi/core/dist/services/document-service/transform/relations/utils/map-relation.js): an
 * object with an `id` or `documentId` key is that target — whatever `connect`/`set` it also
 * carries; a string that parseInt reads as a number is an id; any other string a documentId.
 * Anything Strapi would read differently from us is null (refused by the callers).
 */
const refOf = (v: unknown): RelationRef | null => {
  if (typeof v === 'number') return Number.isInteger(v) ? { id: v } : null;
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    if (Number.isNaN(parseInt(v, 10))) return { documentId: v };
    return /^\d+$/.test(v) ? { id: Number(v) } : null;
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (!('id' in o) && !('documentId' in o)) return null;
    if (o.documentId) return typeof o.documentId === 'string' ? { documentId: o.documentId } : null;
    const id = typeof o.id === 'number' || typeof o.id === 'string' ? Number(o.id) : NaN;
    return Number.isInteger(id) && String(o.id).trim() !== '' ? { id } : null;
  }
  return null;
};

const hasTarget = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && ('id' in v || 'documentId' in v);

/** The single target of a list: Strapi keeps the last of a to-one `set`/array; `connect` must name one. */
const single = (list: unknown[], keepLast: boolean): RelationChange => {
  if (list.length === 0) return { kind: 'cleared' };
  if (!keepLast && list.length > 1) return { kind: 'cleared' };
  const ref = refOf(list[list.length - 1]);
  return ref ? { kind: 'set', ref } : { kind: 'cleared' };
};

/**
 * Reads a to-one relation the way Strapi applies it. Shapes Strapi would apply differently from
 * what a check reads (`{ documentId: B, connect: [A] }`, `{ set: { documentId: B }, connect: [A] }`,
 * several `connect` targets, an id Strapi cannot parse) are 'cleared', which every caller refuses.
 */
export const readToOne = (value: unknown): RelationChange => {
  if (value === undefined) return { kind: 'absent' };
  if (value === null) return { kind: 'cleared' };
  if (typeof value !== 'object') {
    const ref = refOf(value);
    return ref ? { kind: 'set', ref } : { kind: 'cleared' };
  }
  if (Array.isArray(value)) return single(value, true);
  if (hasTarget(value)) {
    const ref = refOf(value);
    return ref ? { kind: 'set', ref } : { kind: 'cleared' };
  }
  const o = value as Record<string, unknown>;
  if (o.set) return single(Array.isArray(o.set) ? o.set : [o.set], true);
  if ('set' in o && o.set !== null && o.set !== undefined) return { kind: 'cleared' };
  if (o.connect) {
    const list = Array.isArray(o.connect) ? o.connect : [o.connect];
    if (list.length > 0) return single(list, false);
  }
  const disconnect = o.disconnect
    ? Array.isArray(o.disconnect)
      ? o.disconnect
      : [o.disconnect]
    : [];
  if (disconnect.length > 0) return { kind: 'cleared' };
  if (Array.isArray(o.connect) || Array.isArray(o.disconnect)) return { kind: 'absent' };
  return { kind: 'cleared' };
};

/** True when a to-many relation value in the payload carries at least one target. */
export const hasToManyTargets = (value: unknown): boolean => {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return (
      (Array.isArray(o.set) && o.set.length > 0) ||
      (Array.isArray(o.connect) && o.connect.length > 0)
    );
  }
  return true;
};

/**
 * True when a relation value names no target at all (null, [], { set: [] }, { disconnect: [...] },
 * { connect: [] }): a plain clear. A value that readToOne reads as 'cleared' but that is not a
 * plain clear (several `connect` targets on a to-one, an id Strapi parses differently from us…)
 * may still be applied by Strapi as a connection — Strapi keeps the last of two `connect` targets
 * — so a check of an optional relation must refuse it rather than skip it as "cleared".
 */
export const isPlainClear = (value: unknown): boolean => {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object' || value === undefined) return false;
  if ('id' in value || 'documentId' in value) return false;
  const o = value as Record<string, unknown>;
  const empty = (v: unknown) =>
    v === undefined || v === null || (Array.isArray(v) && v.length === 0);
  return empty(o.connect) && empty(o.set);
};
