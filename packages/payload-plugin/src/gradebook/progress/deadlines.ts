import { addDays, calendarDay } from '../../calendar/days.ts'
import { primaryPeriodicTests, PRIMARY_PERIODS, regularSlots, type GradebookSubjectDoc } from '../subjects.ts'

/**
 * When marks are due (issue 13 item 4; seed 001 Art. 12), as pure functions of the school's term
 * dates and the stored marks, never of a hard-coded calendar:
 * - THCS regular assessments (ĐĐGtx, comment subjects too): half of each student's required slots
 *   (rounded up) by the term's mid-term date, all of them by the term's end;
 * - mid-term (GK) and end-term (CK) marks: within 14 days of the test date when one is recorded
 *   (the earliest date on the class-subject's cells: a class sits a test together), otherwise by
 *   the term's end;
 * - TH (Circular 27): the mid-term level, and the mid-term test score where the grade has one, by
 *   the mid-term date; the end-of-term (end-of-year) level and test by the term's end.
 * A deadline is a calendar day (Vietnam time): what is due "by" that day is late from the next day.
 */

export type Term = 'hk1' | 'hk2'
export type ProgressKind = 'regular' | 'midTerm' | 'endTerm' | 'midTermLevel' | 'midTermTest' | 'endTermLevel' | 'endTermTest'
/** The display order of the kinds (THCS first, then primary). */
export const PROGRESS_KINDS: readonly ProgressKind[] = ['regular', 'midTerm', 'endTerm', 'midTermLevel', 'midTermTest', 'endTermLevel', 'endTermTest']

/** Days after a periodic test by which its marks must be in (seed 001 Art. 12: "trong 2 tuần"). */
export const PERIODIC_GRACE_DAYS = 14

/** One row of a school year's `terms` (records/SchoolYears.ts): dates as stored (ISO date-times). */
export type TermRow = { term?: string | null; start?: string | null; end?: string | null; midTerm?: string | null }
/** A term's three dates as calendar days (YYYY-MM-DD); `midTermEstimated` when the school left mid-term empty. */
export type TermCalendar = { start: string; midTerm: string; end: string; midTermEstimated: boolean }

const DAY_MS = 86_400_000
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The term's dates from the school year's rows; the mid-term falls back to the midpoint of start and end. Null without start and end. */
export function termCalendar(rows: readonly TermRow[] | null | undefined, term: Term): TermCalendar | null {
  const row = rows?.find((r) => r.term === term)
  const start = calendarDay(row?.start)
  const end = calendarDay(row?.end)
  if (!start || !end || end < start) return null
  const given = calendarDay(row?.midTerm)
  if (given && given >= start && given <= end) return { start, midTerm: given, end, midTermEstimated: false }
  const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS)
  return { start, midTerm: addDays(start, Math.floor(days / 2)), end, midTermEstimated: true }
}

/** The kinds of marks a subject holds in a term, in display order (those `columnsOf` shows, the comment aside). */
export function progressKinds(subject: GradebookSubjectDoc, term: Term): ProgressKind[] {
  if (subject.kind !== 'primary') return regularSlots(subject) > 0 ? ['regular', 'midTerm', 'endTerm'] : ['midTerm', 'endTerm']
  const tests = primaryPeriodicTests(subject)
  const kinds: ProgressKind[] = ['midTermLevel']
  if (tests.includes(PRIMARY_PERIODS[term].midTerm)) kinds.push('midTermTest')
  kinds.push('endTermLevel')
  if (tests.includes(PRIMARY_PERIODS[term].endTerm)) kinds.push('endTermTest')
  return kinds
}

/** The stored cells of one student's mark document that progress reads (a `select` of the marks collection). */
export type MarkCells = {
  regular?: unknown
  midTerm?: unknown
  endTerm?: unknown
  midTermLevel?: unknown
  endTermLevel?: unknown
  midTermTest?: unknown
  endTermTest?: unknown
}

const filled = (value: unknown) => value !== null && value !== undefined && value !== ''
const datedValue = (cell: unknown) => (cell && typeof cell === 'object' ? (cell as { value?: unknown }).value : undefined)

/** How many cells of a kind one student has (regular: the filled TX slots, at most the subject's count; others 0 or 1). */
export function cellsEntered(marks: MarkCells | null | undefined, kind: ProgressKind, slots: number): number {
  if (!marks) return 0
  if (kind === 'regular') return Array.isArray(marks.regular) ? Math.min(slots, marks.regular.filter((cell) => filled(datedValue(cell))).length) : 0
  if (kind === 'midTerm' || kind === 'endTerm') return filled(datedValue(marks[kind])) ? 1 : 0
  return filled(marks[kind]) ? 1 : 0
}

/** The earliest test date recorded on a class-subject's GK or CK cells, or null. */
export function testDate(marks: readonly (MarkCells | null | undefined)[], kind: 'midTerm' | 'endTerm'): string | null {
  let earliest: string | null = null
  for (const mark of marks) {
    const cell = mark?.[kind] as { value?: unknown; date?: unknown } | null | undefined
    if (!cell || !filled(cell.value) || typeof cell.date !== 'string' || !DAY.test(cell.date)) continue
    if (earliest === null || cell.date < earliest) earliest = cell.date
  }
  return earliest
}

/** A step of a kind's schedule: by `date`, `perStudent` cells of each student are due (cumulative). */
export type Deadline = { date: string; perStudent: number }

/** The schedule of one kind for a class-subject, earliest first. */
export function deadlinesOf(subject: GradebookSubjectDoc, kind: ProgressKind, calendar: TermCalendar, marks: readonly (MarkCells | null | undefined)[]): Deadline[] {
  switch (kind) {
    case 'regular': {
      const slots = regularSlots(subject)
      if (slots === 0) return []
      const half = Math.ceil(slots / 2)
      return half === slots ? [{ date: calendar.midTerm, perStudent: slots }] : [{ date: calendar.midTerm, perStudent: half }, { date: calendar.end, perStudent: slots }]
    }
    case 'midTerm':
    case 'endTerm': {
      const tested = testDate(marks, kind)
      return [{ date: tested ? addDays(tested, PERIODIC_GRACE_DAYS) : calendar.end, perStudent: 1 }]
    }
    case 'midTermLevel':
    case 'midTermTest':
      return [{ date: calendar.midTerm, perStudent: 1 }]
    case 'endTermLevel':
    case 'endTermTest':
      return [{ date: calendar.end, perStudent: 1 }]
  }
}

export type KindProgress = {
  kind: ProgressKind
  /** Cells the class-subject needs by the term's end (students × per-student count). */
  required: number
  /** Cells entered (each student's counted up to what the subject requires). */
  entered: number
  /** Cells that should be in by `asOf` (deadlines already passed). */
  due: number
  /** Of those due, how many are missing (each student's own shortfall, summed). */
  missing: number
  overdue: boolean
  /** The next deadline on or after `asOf` with cells still to enter; null when none. */
  nextDeadline: string | null
  /** The kind's last deadline (when everything must be in); null without a calendar. */
  finalDeadline: string | null
}

export type ClassSubjectProgress = { kinds: KindProgress[]; overdue: boolean; missing: number; nextDeadline: string | null }

export type ProgressInput = {
  subject: GradebookSubjectDoc
  term: Term
  /** Null when the school has no dates for the term: nothing is due yet, nothing is late. */
  calendar: TermCalendar | null
  /** The students of the class today. */
  students: number
  /** The mark documents of those students for the subject and term (students without one: nothing entered). */
  marks: readonly (MarkCells | null | undefined)[]
  /** The day progress is measured on (YYYY-MM-DD). */
  asOf: string
}

/** Entered / due / required per kind for one class-subject, and whether it is behind. */
export function classSubjectProgress({ subject, term, calendar, students, marks, asOf }: ProgressInput): ClassSubjectProgress {
  const slots = regularSlots(subject)
  const kinds = progressKinds(subject, term).map((kind): KindProgress => {
    const perStudentRequired = kind === 'regular' ? slots : 1
    const counts = marks.map((mark) => cellsEntered(mark, kind, slots))
    // Toward a deadline asking n cells per student, a student counts at most n: one student's extra TX do not cover another's.
    const towards = (perStudent: number) => counts.reduce((sum, n) => sum + Math.min(n, perStudent), 0)
    const schedule = calendar ? deadlinesOf(subject, kind, calendar, marks) : []
    const passed = schedule.filter((d) => d.date < asOf).at(-1)
    const due = passed ? passed.perStudent * students : 0
    const missing = passed ? Math.max(0, due - towards(passed.perStudent)) : 0
    const upcoming = schedule.find((d) => d.date >= asOf && towards(d.perStudent) < d.perStudent * students)
    return {
      kind,
      required: perStudentRequired * students,
      entered: towards(perStudentRequired),
      due,
      missing,
      overdue: missing > 0,
      nextDeadline: upcoming?.date ?? null,
      finalDeadline: schedule.at(-1)?.date ?? null,
    }
  })
  const next = kinds.map((k) => k.nextDeadline).filter((d): d is string => d !== null).sort()[0] ?? null
  return { kinds, overdue: kinds.some((k) => k.overdue), missing: kinds.reduce((sum, k) => sum + k.missing, 0), nextDeadline: next }
}
