import type { Payload } from 'payload'

export type IdType = 'number' | 'text'

/** The id type of a collection: its custom id field's, else the database adapter's default. */
export function idTypeOf(payload: Payload, collection: string): IdType {
  const custom = payload.collections[collection]?.customIDType
  if (custom) return custom
  return payload.db.defaultIDType === 'number' ? 'number' : 'text'
}

const POSITIVE_INTEGER = /^[1-9]\d*$/

/**
 * A valid id of that type, or null. Number ids are positive safe integers (a canonical digit
 * string counts: forms and query strings carry text); "abc", 1.5, NaN or 2^60 are not ids.
 */
export function parseId(value: unknown, type: IdType): number | string | null {
  if (type === 'text') return typeof value === 'string' && value.trim() !== '' && !/[\u0000-\u001F]/.test(value) ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : null
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null
  if (typeof value === 'string' && POSITIVE_INTEGER.test(value)) {
    const n = Number(value)
    return Number.isSafeInteger(n) ? n : null
  }
  return null
}
