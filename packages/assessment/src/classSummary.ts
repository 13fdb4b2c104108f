import { z } from 'zod'

import { awardOf, type Award } from './award.ts'
import { commentResult } from './commentSubject.ts'
import { conductYearOf } from './conduct.ts'
import { AssessmentInputError, parseInput } from './errors.ts'
import { learningLevelOf, type LearningLevelResult } from './learningLevel.ts'
import { FIELDS, MESSAGES } from './messages.ts'
import { yearEndDecisionOf, type YearEndOutcome } from './promotion.ts'
import { COMMENT_SUBJECT_REGULAR_ASSESSMENTS, regularCountForPeriods } from './regularAssessmentCount.ts'
import { fromTenths, toTenths } from './rounding.ts'
import {
  gradebookSubjectSchema,
  LEVELS,
  levelSchema,
  listSchema,
  nonNegativeWholeSchema,
  objectSchema,
  termEntrySchema,
  textSchema,
  type CommentMark,
  type GradebookSubject,
  type Level,
  type TermEntry,
} from './schemas.ts'
import { termAverageTenths } from './termAverage.ts'
import { yearAverageTenths } from './yearAverage.ts'

export type Term = 'hk1' | 'hk2'
const TERMS: readonly Term[] = ['hk1', 'hk2']

/** One student's gradebook for a school year, as entered. */
export type StudentYearRecord = {
  id: string
  name?: string
  /** By subject name, each term's entries: scores for scored subjects, Đ/CĐ for comment subjects. */
  subjects: Record<string, { hk1?: TermEntry; hk2?: TermEntry }>
  /** Conduct per term, set by the homeroom teacher. */
  conduct?: { hk1?: Level | null; hk2?: Level | null }
  /** Sessions absent in the year (a morning or an afternoon each). */
  absences: number
}

export type ClassSummaryInput = {
  /** The class's subjects (catalogue entries fit); lower secondary only. */
  subjects: GradebookSubject[]
  students: StudentYearRecord[]
}

/** A term average or year average (scored), or Đ/CĐ (comment); null while entries are missing. */
export type SubjectResult = { hk1: number | CommentMark | null; hk2: number | CommentMark | null; year: number | CommentMark | null }

/** Something not entered yet: `count` regular assessments, or the mid-term, end-of-term or conduct. */
export type MissingEntry = { term: Term; subject: string | null; item: 'tx' | 'gk' | 'ck' | 'conduct'; count: number }

export type StudentSummary = {
  id: string
  name?: string
  subjects: Record<string, SubjectResult>
  learning: Record<Term | 'year', LearningLevelResult | null>
  conduct: Record<Term | 'year', Level | null>
  absences: number
  award: Award | null
  /** null until every result the decision needs is in. */
  promoted: boolean | null
  outcome: YearEndOutcome | null
  /** Subjects to re-test in summer: comment subjects CĐ and scored subjects below 5.0 for the year. */
  retests: string[]
  summerConductTraining: boolean
  missing: MissingEntry[]
}

export type RetestEntry = { id: string; name?: string; retests: string[]; summerConductTraining: boolean }

export type ClassSummary = {
  students: StudentSummary[]
  /** Students waiting for summer re-assessment: what to re-test, and who needs conduct training. */
  retestList: RetestEntry[]
  counts: {
    students: number
    complete: number
    incomplete: number
    promoted: number
    reassessment: number
    retained: number
    awards: Record<Award, number>
    /** Year learning levels (after the Art. 9.3 adjustment) of complete students. */
    learning: Record<Level, number>
    conduct: Record<Level, number>
  }
}

type Subject = { name: string; kind: 'scored' | 'comment'; required: number }

function parseClass(input: ClassSummaryInput): { subjects: Subject[]; students: ParsedStudent[] } {
  const head = parseInput(objectSchema({ subjects: listSchema(gradebookSubjectSchema, FIELDS.list).min(1, { error: MESSAGES.noSubjects() }) }), input)
  const seen = new Set<string>()
  for (const [index, subject] of head.subjects.entries()) {
    if (seen.has(subject.name)) throw new AssessmentInputError([{ path: `subjects[${index}].name`, message: MESSAGES.duplicateSubject(subject.name) }])
    seen.add(subject.name)
  }
  const { students } = parseInput(classSchema(head.subjects), input)
  const ids = new Set<string>()
  for (const [index, student] of students.entries()) {
    if (ids.has(student.id)) throw new AssessmentInputError([{ path: `students[${index}].id`, message: MESSAGES.duplicateStudent(student.id) }])
    ids.add(student.id)
  }
  const subjects = head.subjects.map((subject) => ({
    name: subject.name,
    kind: subject.kind,
    required: subject.kind === 'comment' ? COMMENT_SUBJECT_REGULAR_ASSESSMENTS : regularCountForPeriods(subject.periodsPerYear),
  }))
  return { subjects, students }
}

// Building a zod schema costs more than using it: keep one per subject list (a school has a few).
const classSchemas = new Map<string, ReturnType<typeof buildClassSchema>>()

function classSchema(subjects: readonly z.output<typeof gradebookSubjectSchema>[]) {
  const key = JSON.stringify(subjects.map((subject) => [subject.name, subject.kind]))
  let schema = classSchemas.get(key)
  if (!schema) {
    if (classSchemas.size >= 64) classSchemas.clear()
    schema = buildClassSchema(subjects)
    classSchemas.set(key, schema)
  }
  return schema
}

function buildClassSchema(subjects: readonly z.output<typeof gradebookSubjectSchema>[]) {
  return objectSchema({ subjects: z.unknown(), students: listSchema(buildStudentSchema(subjects), FIELDS.list) })
}

function buildStudentSchema(subjects: readonly z.output<typeof gradebookSubjectSchema>[]) {
  const bySubject = Object.fromEntries(
    subjects.map((subject) => {
      const entry = termEntrySchema(subject.kind).optional()
      return [subject.name, objectSchema({ hk1: entry, hk2: entry }).optional()]
    }),
  )
  return objectSchema({
    id: textSchema(FIELDS.studentId),
    name: textSchema(FIELDS.studentName).optional(),
    subjects: z.strictObject(bySubject, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? MESSAGES.unknownSubject(issue.keys) : MESSAGES.notAnObject(FIELDS.subjectName, issue.input)),
    }),
    conduct: objectSchema({ hk1: levelSchema(FIELDS.conduct).nullish(), hk2: levelSchema(FIELDS.conduct).nullish() }).default({}),
    absences: nonNegativeWholeSchema(FIELDS.absences),
  })
}

type ParsedStudent = z.output<ReturnType<typeof buildStudentSchema>>

function summariseStudent(subjects: readonly Subject[], student: ParsedStudent): StudentSummary {
  const results: Record<string, SubjectResult> = {}
  const missing: MissingEntry[] = []
  // Per period, the values the learning level is computed from (null once a score or a comment
  // mark that period depends on is missing; the year depends on both terms).
  const scored: Record<Term | 'year', number[] | null> = { hk1: [], hk2: [], year: [] }
  const comment: Record<Term | 'year', CommentMark[]> = { hk1: [], hk2: [], year: [] }
  const yearTenths: number[] = []

  for (const subject of subjects) {
    const termTenths: Record<Term, number | null> = { hk1: null, hk2: null }
    const result: SubjectResult = { hk1: null, hk2: null, year: null }
    for (const term of TERMS) {
      const entry = student.subjects[subject.name]?.[term]
      const tx = (entry?.tx ?? []).filter((value) => value != null)
      const gk = entry?.gk ?? null
      const ck = entry?.ck ?? null
      if (tx.length < subject.required) missing.push({ term, subject: subject.name, item: 'tx', count: subject.required - tx.length })
      if (gk === null) missing.push({ term, subject: subject.name, item: 'gk', count: 1 })
      if (ck === null) missing.push({ term, subject: subject.name, item: 'ck', count: 1 })
      if (subject.kind === 'comment') {
        // Regular marks plus the mid-term and end-of-term assessments must all exist and be Đ.
        // (Extra regular marks do not stand in for a missing mid-term or end-of-term one.)
        const incomplete = tx.length < subject.required || gk === null || ck === null
        const marks = [...tx, gk, ck].filter((mark) => mark !== null) as CommentMark[]
        const mark = incomplete ? 'CĐ' : commentResult(subject.required + 2, marks)
        result[term] = mark
        comment[term].push(mark)
        // The term still shows CĐ (the rule), but a level computed from an incomplete record would
        // look final: leave the term's and the year's level empty, as for a missing score.
        if (incomplete) {
          scored[term] = null
          scored.year = null
        }
      } else if (tx.length >= subject.required && gk !== null && ck !== null) {
        const tenths = termAverageTenths((tx as number[]).map(toTenths), toTenths(gk as number), toTenths(ck as number))
        termTenths[term] = tenths
        result[term] = fromTenths(tenths)
        scored[term]?.push(tenths)
      } else {
        scored[term] = null
      }
    }
    if (subject.kind === 'comment') {
      result.year = result.hk2
      comment.year.push(result.hk2 as CommentMark)
    } else if (termTenths.hk1 !== null && termTenths.hk2 !== null) {
      const tenths = yearAverageTenths(termTenths.hk1, termTenths.hk2)
      result.year = fromTenths(tenths)
      scored.year?.push(tenths)
      yearTenths.push(tenths)
    } else {
      scored.year = null
    }
    results[subject.name] = result
  }

  const levelOf = (period: Term | 'year') => {
    const scores = scored[period]
    return scores === null ? null : learningLevelOf(scores, comment[period])
  }
  const learning = { hk1: levelOf('hk1'), hk2: levelOf('hk2'), year: levelOf('year') }
  const conductHk1 = student.conduct.hk1 ?? null
  const conductHk2 = student.conduct.hk2 ?? null
  if (conductHk1 === null) missing.push({ term: 'hk1', subject: null, item: 'conduct', count: 1 })
  if (conductHk2 === null) missing.push({ term: 'hk2', subject: null, item: 'conduct', count: 1 })
  const conduct = { hk1: conductHk1, hk2: conductHk2, year: conductHk1 !== null && conductHk2 !== null ? conductYearOf(conductHk1, conductHk2) : null }

  const summary: StudentSummary = {
    id: student.id,
    ...(student.name === undefined ? {} : { name: student.name }),
    subjects: results,
    learning,
    conduct,
    absences: student.absences,
    award: null,
    promoted: null,
    outcome: null,
    retests: [],
    summerConductTraining: false,
    missing,
  }
  if (learning.year === null || conduct.year === null) return summary

  const decision = yearEndDecisionOf(conduct.year, learning.year.level, student.absences)
  summary.award = awardOf(conduct.year, learning.year.level, yearTenths)
  summary.promoted = decision.outcome === 'promoted'
  summary.outcome = decision.outcome
  summary.summerConductTraining = decision.summerConductTraining
  if (decision.retest) {
    summary.retests = subjects
      .filter((subject) => {
        const year = results[subject.name]!.year
        return subject.kind === 'comment' ? year !== 'Đ' : toTenths(year as number) < 50
      })
      .map((subject) => subject.name)
  }
  return summary
}

const countByLevel = (): Record<Level, number> => Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>

/**
 * The whole class's year in one call: every student's term and year averages per subject, comment
 * subject results, learning level per term and year (with the Art. 9.3 adjustment), conduct,
 * award, promotion, and the re-test list. Missing entries never throw: each is listed in the
 * student's `missing`, and whatever depends on it is null. A comment subject with a missing
 * assessment shows CĐ for the term, as the rule says, but the learning level of that term and of
 * the year (so award, promotion, re-tests) stay null until it is entered. A student counts as
 * complete exactly when nothing is missing.
 */
export function classSummary(input: ClassSummaryInput): ClassSummary {
  const { subjects, students } = parseClass(input)
  const summaries = students.map((student) => summariseStudent(subjects, student))
  const counts: ClassSummary['counts'] = {
    students: summaries.length,
    complete: 0,
    incomplete: 0,
    promoted: 0,
    reassessment: 0,
    retained: 0,
    awards: { 'Học sinh Xuất sắc': 0, 'Học sinh Giỏi': 0 },
    learning: countByLevel(),
    conduct: countByLevel(),
  }
  const retestList: RetestEntry[] = []
  for (const summary of summaries) {
    if (summary.outcome === null) {
      counts.incomplete++
      continue
    }
    counts.complete++
    counts[summary.outcome]++
    if (summary.award) counts.awards[summary.award]++
    counts.learning[summary.learning.year!.level]++
    counts.conduct[summary.conduct.year!]++
    if (summary.outcome === 'reassessment') {
      retestList.push({
        id: summary.id,
        ...(summary.name === undefined ? {} : { name: summary.name }),
        retests: summary.retests,
        summerConductTraining: summary.summerConductTraining,
      })
    }
  }
  return { students: summaries, retestList, counts }
}
