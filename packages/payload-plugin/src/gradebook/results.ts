import {
  AssessmentInputError,
  classSummary,
  primaryYear,
  thcsCatalogue,
  type GradebookSubject,
  type InputIssue,
  type LearningLevelResult,
  type Level,
  type MissingEntry,
  type PrimaryTraitLevel,
  type PrimaryYearResult,
  type StudentYearRecord,
  type SubjectResult,
  type Term,
} from '@truongso/assessment'
import { STORED_MARK_FIELDS, STORED_TERM_RECORD_FIELDS, type ClassGradebook, type StudentDoc } from './loadGradebook.ts'
import { primaryPeriodicTests, PRIMARY_PERIODS, type GradebookSubjectDoc } from './subjects.ts'
import { competenceLabels, conductLabels, qualityLabels, traitLevelLabels } from './traits.ts'

/**
 * Class results (issue 13 item 8): the stored marks and student term records of a class's students
 * for a school year, mapped to the engine's shapes and computed by @truongso/assessment only —
 * `classSummary` for THCS, `primaryYear` for TH. Nothing here decides a level, an average or an award.
 */

type ID = number | string
type Doc = Record<string, unknown>
export type ResultsPeriod = Term | 'year'

// ── Mapping stored values to the engine's words ────────────────────────────────────────────────

const valueOf = (cell: unknown): unknown => (cell && typeof cell === 'object' && 'value' in cell ? (cell as { value: unknown }).value : null)

/** A stored THCS mark → the engine's term entry `{ tx, gk, ck }` (null = not entered). */
export function termEntryOf(mark: Doc | undefined): { tx: unknown[]; gk: unknown; ck: unknown } | undefined {
  if (!mark) return undefined
  return { tx: (Array.isArray(mark.regular) ? mark.regular : []).map(valueOf), gk: valueOf(mark.midTerm), ck: valueOf(mark.endTerm) }
}

export const conductLevelOf = (code: unknown): Level | null => (typeof code === 'string' && code in conductLabels ? conductLabels[code as keyof typeof conductLabels] : null)
const traitLevelOf = (code: unknown): PrimaryTraitLevel | null =>
  typeof code === 'string' && code in traitLevelLabels ? traitLevelLabels[code as keyof typeof traitLevelLabels] : null

const absencesOf = (record: Doc | undefined) => Number(record?.absencesExcused ?? 0) + Number(record?.absencesUnexcused ?? 0)

/**
 * A THCS subject as the engine takes it. Periods come from the school's subject, else the
 * catalogue's default for the grade (the same count the entry grid offers).
 */
function engineSubject(subject: GradebookSubjectDoc): GradebookSubject {
  const grade = Number(subject.grade) as 6 | 7 | 8 | 9
  const fromCatalogue = [6, 7, 8, 9].includes(grade) ? thcsCatalogue(grade).find((entry) => entry.name === subject.name)?.periodsPerYear : undefined
  return { name: subject.name, kind: subject.kind as 'scored' | 'comment', periodsPerYear: subject.periodsPerYear ?? fromCatalogue ?? (undefined as unknown as number) }
}

/** The engine's input for a THCS class, from what is stored. */
export function classSummaryInputOf(book: ClassGradebook): { subjects: GradebookSubject[]; students: StudentYearRecord[] } {
  return {
    subjects: book.subjects.map(engineSubject),
    students: book.students.map((student) => {
      const marks = book.marks.get(String(student.id))
      const records = book.termRecords.get(String(student.id))
      const subjects: StudentYearRecord['subjects'] = {}
      for (const subject of book.subjects) {
        const byTerm = marks?.get(String(subject.id))
        subjects[subject.name] = { hk1: termEntryOf(byTerm?.hk1) as never, hk2: termEntryOf(byTerm?.hk2) as never }
      }
      return {
        id: String(student.id),
        name: student.fullName,
        subjects,
        conduct: { hk1: conductLevelOf(records?.hk1?.conduct), hk2: conductLevelOf(records?.hk2?.conduct) },
        absences: absencesOf(records?.hk1) + absencesOf(records?.hk2),
      }
    }),
  }
}

// ── Results ────────────────────────────────────────────────────────────────────────────────────

/** Something not entered yet. THCS: the engine's entries; TH: a subject's level or test, a quality, a competence. */
export type ResultsMissing =
  | MissingEntry
  | { term: Term; subject: string | null; item: 'level' | 'test' | 'quality' | 'competence'; name?: string; count: number }

export type ThcsStudentResult = {
  id: ID
  studentCode: string
  fullName: string
  /** Per subject: the term average (scored) or Đ/CĐ (comment) for the period asked, null while missing. */
  subjects: Record<string, number | string | null>
  /** With `beforeAdjustment`: the level before Art. 9.3's one-subject adjustment. */
  learning: LearningLevelResult | null
  conduct: Level | null
  absences: number
  /** Year only. */
  award?: string | null
  promoted?: boolean | null
  outcome?: string | null
  retests?: string[]
  summerConductTraining?: boolean
  missing: ResultsMissing[]
  complete: boolean
}

export type PrimaryStudentResult = {
  id: ID
  studentCode: string
  fullName: string
  /** Per subject: the stored levels, tests and comment of the term (hk2 = end of year). */
  subjects: Record<string, { midTermLevel: string | null; endTermLevel: string | null; midTermTest: number | null; endTermTest: number | null; comment: string | null }>
  qualities: Record<string, PrimaryTraitLevel | null>
  competences: Record<string, PrimaryTraitLevel | null>
  /** Year only: the engine's primaryYear, null while anything is missing. */
  yearResult?: PrimaryYearResult | null
  missing: ResultsMissing[]
  complete: boolean
}

export type ClassResults = {
  class: { id: ID; name: string; grade: number }
  schoolYear: string
  period: ResultsPeriod
  level: 'THCS' | 'TH'
  subjects: { id: ID; name: string; kind: string }[]
  students: (ThcsStudentResult | PrimaryStudentResult)[]
  /** The engine's input errors (e.g. a subject without periods): results are then empty. */
  errors: InputIssue[]
  /** THCS year: the engine's class counts and re-test list. */
  counts?: unknown
  retestList?: unknown
  complete: boolean
}

const inPeriod = (period: ResultsPeriod) => (entry: { term: Term }) => period === 'year' || entry.term === period

function thcsResults(book: ClassGradebook, period: ResultsPeriod): Pick<ClassResults, 'students' | 'errors' | 'counts' | 'retestList'> {
  if (book.subjects.length === 0 || book.students.length === 0) return { students: [], errors: [] }
  let summary
  try {
    summary = classSummary(classSummaryInputOf(book))
  } catch (error) {
    if (error instanceof AssessmentInputError) return { students: [], errors: [...error.issues] }
    throw error
  }
  const codes = new Map(book.students.map((s) => [String(s.id), s]))
  const commentSubjects = new Set(book.subjects.filter((subject) => subject.kind === 'comment').map((subject) => subject.name))
  const students = summary.students.map((s): ThcsStudentResult => {
    const student = codes.get(s.id)!
    const missing = s.missing.filter(inPeriod(period))
    // A comment subject still missing an assessment is CĐ by the rule (the engine), but shown as
    // "not yet" (null, as a missing score is) until its term is complete; `missing` says what is due.
    // Its year result is term II's.
    const commentTerm: Term = period === 'year' ? 'hk2' : period
    const incomplete = new Set(s.missing.filter((m) => m.term === commentTerm && m.subject !== null).map((m) => m.subject!))
    const pick = (name: string, result: SubjectResult) => (commentSubjects.has(name) && incomplete.has(name) ? null : result[period])
    const base: ThcsStudentResult = {
      id: student.id,
      studentCode: student.studentCode,
      fullName: student.fullName,
      subjects: Object.fromEntries(Object.entries(s.subjects).map(([name, result]) => [name, pick(name, result)])),
      learning: s.learning[period],
      conduct: s.conduct[period],
      absences: s.absences,
      missing,
      complete: missing.length === 0,
    }
    if (period !== 'year') return base
    return { ...base, award: s.award, promoted: s.promoted, outcome: s.outcome, retests: s.retests, summerConductTraining: s.summerConductTraining }
  })
  return period === 'year' ? { students, errors: [], counts: summary.counts, retestList: summary.retestList } : { students, errors: [] }
}

function primaryTermResult(book: ClassGradebook, student: StudentDoc, term: Term): PrimaryStudentResult {
  const marks = book.marks.get(String(student.id))
  const record = book.termRecords.get(String(student.id))?.[term]
  const missing: ResultsMissing[] = []
  const subjects: PrimaryStudentResult['subjects'] = {}
  for (const subject of book.subjects) {
    const mark = marks?.get(String(subject.id))?.[term]
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
    const number = (value: unknown) => (typeof value === 'number' ? value : null)
    subjects[subject.name] = {
      midTermLevel: text(mark?.midTermLevel),
      endTermLevel: text(mark?.endTermLevel),
      midTermTest: number(mark?.midTermTest),
      endTermTest: number(mark?.endTermTest),
      comment: text(mark?.comment),
    }
    if (!text(mark?.endTermLevel)) missing.push({ term, subject: subject.name, item: 'level', count: 1 })
    // The term's periodic tests the grade holds (catalogue): end of term I / end of year, and mid-terms in grades 4–5.
    const tests = primaryPeriodicTests(subject)
    for (const [field, period] of [['midTermTest', PRIMARY_PERIODS[term].midTerm], ['endTermTest', PRIMARY_PERIODS[term].endTerm]] as const) {
      if (tests.includes(period) && number(mark?.[field]) === null) missing.push({ term, subject: subject.name, item: 'test', name: period, count: 1 })
    }
  }
  const traits = (group: 'qualities' | 'competences', labels: Record<string, string>, item: 'quality' | 'competence') => {
    const stored = (record?.[group] ?? {}) as Doc
    const out: Record<string, PrimaryTraitLevel | null> = {}
    for (const [field, label] of Object.entries(labels)) {
      out[label] = traitLevelOf(stored[field])
      if (out[label] === null) missing.push({ term, subject: null, item, name: label, count: 1 })
    }
    return out
  }
  const qualities = traits('qualities', qualityLabels, 'quality')
  const competences = traits('competences', competenceLabels, 'competence')
  return { id: student.id, studentCode: student.studentCode, fullName: student.fullName, subjects, qualities, competences, missing, complete: missing.length === 0 }
}

function primaryResults(book: ClassGradebook, period: ResultsPeriod): Pick<ClassResults, 'students' | 'errors'> {
  const errors: InputIssue[] = []
  const students = book.students.map((student) => {
    if (period !== 'year') return primaryTermResult(book, student, period)
    // The year is term II's end (Circular 27: end-of-year levels and tests), judged by primaryYear.
    const end = primaryTermResult(book, student, 'hk2')
    let yearResult: PrimaryYearResult | null = null
    if (end.complete) {
      const endOfYearTests: Record<string, number> = {}
      for (const subject of book.subjects) {
        const score = end.subjects[subject.name]!.endTermTest
        if (primaryPeriodicTests(subject).includes('end-of-year') && score !== null) endOfYearTests[subject.name] = score
      }
      try {
        yearResult = primaryYear({
          subjects: Object.fromEntries(Object.entries(end.subjects).map(([name, s]) => [name, s.endTermLevel as never])),
          qualities: end.qualities as Record<string, PrimaryTraitLevel>,
          competences: end.competences as Record<string, PrimaryTraitLevel>,
          endOfYearTests,
        })
      } catch (error) {
        if (!(error instanceof AssessmentInputError)) throw error
        errors.push(...error.issues.map((issue) => ({ ...issue, path: `${student.studentCode}.${issue.path}` })))
      }
    }
    return { ...end, yearResult }
  })
  return { students, errors }
}

/** The results of a class for a term or the year, every value from the engine. */
export function computeClassResults(book: ClassGradebook, period: ResultsPeriod): ClassResults {
  const computed = book.primary ? primaryResults(book, period) : thcsResults(book, period)
  return {
    class: { id: book.klass.id, name: String(book.klass.name), grade: Number(book.klass.grade) },
    schoolYear: book.schoolYear,
    period,
    level: book.primary ? 'TH' : 'THCS',
    subjects: book.subjects.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    ...computed,
    complete: computed.errors.length === 0 && computed.students.every((s) => s.complete),
  }
}

/** Per student, per subject, the stored marks of a term, exactly as saved; and the term record when the reader may see it. */
export type ClassMarks = {
  class: { id: ID; name: string; grade: number }
  schoolYear: string
  term: Term
  subjects: { id: ID; name: string; kind: string; periodsPerYear: number | null }[]
  students: { id: ID; studentCode: string; fullName: string; marks: Record<string, Doc | null>; termRecord?: Doc | null }[]
}

export function storedClassMarks(book: ClassGradebook, term: Term, visibleSubjects: Set<string> | 'all', withTermRecords: boolean): ClassMarks {
  const subjects = book.subjects.filter((s) => visibleSubjects === 'all' || visibleSubjects.has(String(s.id)))
  const pickFields = (doc: Doc | undefined, fields: readonly string[]) =>
    doc ? { id: doc.id, ...Object.fromEntries(fields.map((f) => [f, doc[f] ?? null])), updatedAt: doc.updatedAt ?? null } : null
  return {
    class: { id: book.klass.id, name: String(book.klass.name), grade: Number(book.klass.grade) },
    schoolYear: book.schoolYear,
    term,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, kind: s.kind, periodsPerYear: s.periodsPerYear ?? null })),
    students: book.students.map((student) => ({
      id: student.id,
      studentCode: student.studentCode,
      fullName: student.fullName,
      marks: Object.fromEntries(subjects.map((s) => [String(s.id), pickFields(book.marks.get(String(student.id))?.get(String(s.id))?.[term], STORED_MARK_FIELDS)])),
      ...(withTermRecords ? { termRecord: pickFields(book.termRecords.get(String(student.id))?.[term], STORED_TERM_RECORD_FIELDS) } : {}),
    })),
  }
}
