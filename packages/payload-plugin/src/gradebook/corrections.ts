import type { SchoolRole } from '../roles.ts'
import { lockKindOfMarkField } from './locks.ts'
import type { LockKind } from './MarkLocks.ts'

/**
 * Corrections after the lock (issue 13 § 6, Giấy đề nghị sửa điểm, seed 003 § II.1): what a request
 * names and how its value is read from and written into a mark. The collection is MarkCorrections.ts,
 * the decision correctionDecision.ts.
 */
export const MARK_CORRECTIONS_SLUG = 'mark-corrections'
export const CORRECTION_STATES = ['pending', 'approved', 'refused'] as const
export type CorrectionState = (typeof CORRECTION_STATES)[number]

/**
 * Who decides: the principal, or a vice-principal. Seed 003 says "the vice-principal if delegated";
 * the delegation is the principal's decision outside the system and nothing records which
 * vice-principal is in charge, so any vice-principal of the school may decide (and is named in the
 * request and the mark's history as the one who did).
 */
export const CORRECTION_DECIDERS: readonly SchoolRole[] = ['principal', 'vice-principal']

/** Context flag of the decision's own update of the request (the only update a request ever gets). */
export const CORRECTION_DECISION = 'truongsoCorrectionDecision'

/** The mark values a request may name: THCS cells by data path (regular.0 = TX1), primary fields by name. */
const FIELD = /^(?:regular\.(\d)|midTerm|endTerm|midTermLevel|endTermLevel|midTermTest|endTermTest)$/
const CELL = /^(?:regular\.\d|midTerm|endTerm)$/

export type CorrectionField = { field: string; kind: LockKind; regularIndex: number | null; cell: boolean }

export function parseCorrectionField(value: unknown): CorrectionField | null {
  if (typeof value !== 'string') return null
  const match = FIELD.exec(value)
  if (!match) return null
  return { field: value, kind: lockKindOfMarkField(value)!, regularIndex: match[1] === undefined ? null : Number(match[1]), cell: CELL.test(value) }
}

type Doc = Record<string, unknown>

/** The value stored at the request's field (null: not entered). */
export function valueAt(mark: Doc, field: CorrectionField): unknown {
  if (field.regularIndex !== null) return (Array.isArray(mark.regular) ? mark.regular[field.regularIndex] : null) ?? null
  return mark[field.field] ?? null
}

/**
 * The new value as stored: a bare score or Đ/CĐ for a THCS cell becomes `{ value, date }` with the
 * old cell's date (the assessment's date does not change with its correction).
 */
export function normaliseNewValue(field: CorrectionField, oldValue: unknown, newValue: unknown): unknown {
  if (!field.cell || newValue === null || newValue === undefined || typeof newValue === 'object') return newValue ?? null
  const date = (oldValue as { date?: unknown } | null)?.date
  return date === undefined ? { value: newValue } : { value: newValue, date }
}

/** The update that puts `value` at the field (the TX list keeps its other cells). */
export function patchFor(mark: Doc, field: CorrectionField, value: unknown): Doc {
  if (field.regularIndex === null) return { [field.field]: value }
  const regular = Array.isArray(mark.regular) ? [...(mark.regular as unknown[])] : []
  while (regular.length <= field.regularIndex) regular.push(null)
  regular[field.regularIndex] = value
  return { regular }
}

export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
// PostgreSQL's jsonb reorders keys: compare with sorted keys.
const canonical = (value: unknown): unknown => {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Doc).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
  return value
}
