import { COMMENT_SUBJECT_REGULAR_ASSESSMENTS, regularAssessmentCount, subjectCatalogue, type PeriodicTest } from '@truongso/assessment'
import type { PayloadRequest } from 'payload'

import { relationId } from '../roles.ts'

export type SubjectKind = 'scored' | 'comment' | 'primary'
export type GradebookSubjectDoc = { id: number | string; school?: unknown; name: string; grade: number; schoolYear: string; kind: SubjectKind; periodsPerYear?: number | null }

/** Most regular assessments a scored subject can have (over 70 periods a year). */
const MAX_REGULAR = 4

/** TX slots per term: from the subject's periods (Circular 22, Art. 7), 2 for comment subjects, none at primary. */
export function regularSlots(subject: GradebookSubjectDoc): number {
  if (subject.kind === 'comment') return COMMENT_SUBJECT_REGULAR_ASSESSMENTS
  if (subject.kind === 'scored') return subject.periodsPerYear ? regularAssessmentCount(subject.periodsPerYear) : MAX_REGULAR
  return 0
}

/**
 * Circular 27's four periods fall in the two terms: a primary mark of term hk1 holds mid-term I and
 * end of term I, one of hk2 holds mid-term II and end of year (the year's result is hk2's end).
 */
export const PRIMARY_PERIODS: Record<'hk1' | 'hk2', { midTerm: PeriodicTest; endTerm: PeriodicTest }> = {
  hk1: { midTerm: 'mid-term-1', endTerm: 'end-of-term-1' },
  hk2: { midTerm: 'mid-term-2', endTerm: 'end-of-year' },
}

/** The periodic tests (whole-number scores) a primary subject holds in its grade, from the engine's catalogue. */
export function primaryPeriodicTests(subject: GradebookSubjectDoc): PeriodicTest[] {
  if (subject.grade < 1 || subject.grade > 5) return []
  return subjectCatalogue({ level: 'TH', grade: subject.grade }).find((entry) => entry.name === subject.name)?.periodicTests ?? []
}

/** A subject document as the gradebook needs it; one read per subject per request. */
const cache = new WeakMap<object, Map<string, Promise<GradebookSubjectDoc | null>>>()
export function loadSubject(req: PayloadRequest, id: unknown): Promise<GradebookSubjectDoc | null> {
  const value = relationId(id)
  if (value === null) return Promise.resolve(null)
  let perRequest = cache.get(req)
  if (!perRequest) cache.set(req, (perRequest = new Map()))
  const key = String(value)
  let found = perRequest.get(key)
  if (!found) {
    found = req.payload.db.findOne({ collection: 'subjects', where: { id: { equals: value } }, req }).then((doc) => (doc as GradebookSubjectDoc | null) ?? null)
    perRequest.set(key, found)
  }
  return found
}
