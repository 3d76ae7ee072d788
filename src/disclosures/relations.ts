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

const refOf = (v: unknown): RelationRef | null => {
  if (typeof v === 'string' && v.trim() !== '') return { documentId: v };
  if (typeof v === 'number' && Number.isInteger(v)) return { id: v };
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (typeof o.documentId === 'string') return { documentId: o.documentId };
    if (typeof o.id === 'number' || typeof o.id === 'string') {
      const id = Number(o.id);
      if (Number.isInteger(id)) return { id };
    }
  }
  return null;
};

export const readToOne = (value: unknown): RelationChange => {
  if (value === undefined) return { kind: 'absent' };
  if (value === null) return { kind: 'cleared' };
  const direct = refOf(value);
  if (
    direct &&
    !(typeof value === 'object' && value !== null && ('connect' in value || 'set' in value))
  ) {
    return { kind: 'set', ref: direct };
  }
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    const list = Array.isArray(o.set) ? o.set : Array.isArray(o.connect) ? o.connect : null;
    if (list && list.length > 0) {
      const ref = refOf(list[list.length - 1]);
      return ref ? { kind: 'set', ref } : { kind: 'cleared' };
    }
    if (Array.isArray(o.set)) return { kind: 'cleared' };
    if (Array.isArray(o.disconnect) && o.disconnect.length > 0) return { kind: 'cleared' };
    if (Array.isArray(o.connect)) return { kind: 'absent' };
  }
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
