import { APIError, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { relationId } from '../roles.ts'
import { languageOf, message } from '../translations/index.ts'
import { isClassYearApproved } from './approvals.ts'
import { changedValues } from './audit.ts'
import { lockKindLabels, MARK_LOCKS_SLUG, type LockKind } from './MarkLocks.ts'

/**
 * Locks refuse writes (issue 13 § 5): every save of a mark or a student term record passes here
 * after it is checked and before it is stored, whatever its path (REST, GraphQL, the Local API with
 * or without a user, the import). A change to a column kind locked for the school, year and term is
 * refused with a message naming the lock; only an approved correction passes (APPROVED_CORRECTION,
 * set by corrections code alone: not the seed's or the workflow's TRUSTED_WRITE).
 */
export const APPROVED_CORRECTION = 'truongsoApprovedCorrection'

type Doc = Record<string, unknown>
type ID = number | string
export type LockDoc = { id: ID; kind: LockKind; schoolYear: string; term: string; lockAt?: string | null; locked?: boolean; lockApplied?: boolean; lockedAt?: string | null }

/** The lock kind of a mark's value (by its audit path: regular.0, midTerm, endTermLevel…); null: only `termResults` covers it. */
export function lockKindOfMarkField(field: string): LockKind | null {
  if (field.startsWith('regular')) return 'regular'
  if (field.startsWith('midTerm')) return 'midTerm'
  if (field.startsWith('endTerm')) return 'endTerm'
  return null
}

/** Term records: conduct (THCS) and qualities/competences (primary) are the homeroom teacher's term assessment. */
const TERM_RECORD_KINDS: Record<string, LockKind | null> = { conduct: 'conduct', qualities: 'conduct', competences: 'conduct', absencesExcused: null, absencesUnexcused: null }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The first applied lock among these kinds (plus `termResults`, which covers every column). */
export async function findLock(req: PayloadRequest, school: ID, schoolYear: string, term: string, kinds: LockKind[]): Promise<LockDoc | null> {
  const found = await req.payload.find({
    collection: MARK_LOCKS_SLUG as never,
    where: {
      and: [
        { school: { equals: school } },
        { schoolYear: { equals: schoolYear } },
        { term: { equals: term } },
        { kind: { in: [...new Set<LockKind>([...kinds, 'termResults'])] } },
        { locked: { equals: true } },
      ],
    },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return (found.docs[0] as unknown as LockDoc | undefined) ?? null
}

/** dd/MM/yyyy in Vietnam's time zone. */
export function vietnamDate(value: string | Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(value))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('day')}/${part('month')}/${part('year')}`
}

/** The variables of a lock's messages: the column (in the request's language), the term in Roman numerals, the year and since when. */
export function lockVars(req: PayloadRequest | null, lock: Pick<LockDoc, 'kind' | 'schoolYear' | 'term' | 'lockAt' | 'lockApplied' | 'lockedAt'>): Record<string, string> {
  // Locked by the schedule: since the calendar's date; by hand: since the moment it was locked.
  const since = (lock.lockApplied && lock.lockAt) || lock.lockedAt || lock.lockAt
  return {
    column: lockKindLabels[lock.kind][languageOf(req)],
    term: lock.term === 'hk2' ? 'II' : 'I',
    year: lock.schoolYear,
    date: since ? vietnamDate(since) : '',
  }
}

/** The kinds a save touches: only values that change (a retried save of the same values passes). */
function touchedKinds(slug: string, previous: Doc | undefined, next: Doc): LockKind[] | null {
  const kinds = new Set<LockKind>()
  let changed = false
  if (slug === 'marks') {
    for (const { field } of changedValues(previous, next)) {
      changed = true
      const kind = lockKindOfMarkField(field)
      if (kind) kinds.add(kind)
    }
  } else {
    for (const [field, kind] of Object.entries(TERM_RECORD_KINDS)) {
      if (same(previous?.[field], next[field])) continue
      changed = true
      if (kind) kinds.add(kind)
    }
  }
  return changed ? [...kinds] : null
}

export const refuseLockedWrites: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context, operation }) => {
  if (context?.[APPROVED_CORRECTION] === true) return data
  const previous = operation === 'create' ? undefined : (originalDoc as Doc | undefined)
  const merged = { ...previous, ...(data as Doc) }
  const school = relationId(merged.school)
  if (school === null || typeof merged.schoolYear !== 'string' || typeof merged.term !== 'string') return data
  const kinds = touchedKinds(collection.slug, previous, merged)
  if (kinds === null) return data
  // A class's approved year results freeze its marks and term records like a lock (Art. 4.2.d).
  const klass = relationId(merged.class)
  if (klass !== null && (await isClassYearApproved(req, klass, merged.schoolYear))) {
    const found = await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: klass } }, req })
    throw new APIError(message(req, 'results.year-approved-locked', { class: String((found as { name?: unknown } | null)?.name ?? klass), year: merged.schoolYear }), 403, undefined, true)
  }
  const lock = await findLock(req, school, merged.schoolYear, merged.term, kinds)
  if (lock) throw new APIError(message(req, 'gradebook.locked', lockVars(req, lock)), 403, undefined, true)
  return data
}
