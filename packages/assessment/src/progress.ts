import { requiredRegularAssessments, type CatalogueSubject } from './catalogue.ts'

export type StudentTermEntry = { tx: (number | string)[]; gk?: number | string | null; ck?: number | string | null }

export type EntryProgress = {
  required: number
  /** Regular assessments due by mid-term: half of the required count, rounded up (interpretation). */
  dueByMidTerm: number
  students: number
  /** Students with at least `dueByMidTerm` regular assessments. */
  midTermRegularComplete: number
  /** Students with all required regular assessments. */
  termRegularComplete: number
  midTermScores: number
  endTermScores: number
  /** Students still missing something due at the end of term. */
  incomplete: number
}

/**
 * How far score entry of one class-subject has come for a term (DOMAIN.md §3: half of the regular
 * assessments by mid-term, all by term end; periodic scores once the test is held).
 */
export function entryProgress(subject: CatalogueSubject, entries: StudentTermEntry[]): EntryProgress {
  const required = requiredRegularAssessments(subject)
  const dueByMidTerm = Math.ceil(required / 2)
  const has = (value: unknown) => value !== null && value !== undefined && value !== ''
  const comment = subject.kind === 'comment'
  let midTermRegularComplete = 0
  let termRegularComplete = 0
  let midTermScores = 0
  let endTermScores = 0
  let incomplete = 0
  for (const entry of entries) {
    const regular = entry.tx.filter(has).length
    if (regular >= dueByMidTerm) midTermRegularComplete++
    if (regular >= required) termRegularComplete++
    if (has(entry.gk)) midTermScores++
    if (has(entry.ck)) endTermScores++
    if (regular < required || (!comment && (!has(entry.gk) || !has(entry.ck)))) incomplete++
  }
  return { required, dueByMidTerm, students: entries.length, midTermRegularComplete, termRegularComplete, midTermScores, endTermScores, incomplete }
}
