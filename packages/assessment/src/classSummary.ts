import { requiredRegularAssessments, type CatalogueSubject } from './catalogue.ts'
import { conductYear } from './conduct.ts'
import { learningLevel } from './learning.ts'
import type { CommentMark, Level } from './schemas.ts'
import { commentSubjectTerm, termAverage, yearAverage } from './scores.ts'
import { award, promotion, type Award } from './yearEnd.ts'

type Term = 'hk1' | 'hk2'

/** One student's raw entries for a school year, as the gradebook stores them. */
export type StudentRecord = {
  id: string
  name?: string
  /** Scored subjects: tx/gk/ck per term. Comment subjects: marks per term. */
  subjects: Record<string, Partial<Record<Term, { tx?: number[]; gk?: number | null; ck?: number | null; marks?: CommentMark[] }>>>
  conduct: Partial<Record<Term, Level>>
  absences: number
}

export type SubjectResult = {
  hk1: number | CommentMark | null
  hk2: number | CommentMark | null
  year: number | CommentMark | null
}

export type StudentSummary = {
  id: string
  name?: string
  subjects: Record<string, SubjectResult>
  learning: Record<Term | 'year', { level: Level; beforeAdjustment: Level } | null>
  conduct: Record<Term | 'year', Level | null>
  award: Award | null
  promoted: boolean | null
  /** What must be re-taken in summer: comment subjects CĐ, scored subjects below 5.0. */
  retests: string[]
  summerConductTraining: boolean
  /** Entries still missing: the year result waits for them. */
  missing: string[]
}

export type ClassSummary = {
  students: StudentSummary[]
  counts: { promoted: number; retest: number; xuatSac: number; gioi: number; incomplete: number }
}

/**
 * Everything the year-end report needs for a class, from one call: term and year averages,
 * comment results, learning level per term and year (with Art. 9.3), conduct, award, promotion or
 * re-test list. Missing entries never throw here: they are listed, and what depends on them is null.
 */
export function classSummary(catalogue: CatalogueSubject[], students: StudentRecord[]): ClassSummary {
  const summaries = students.map((student) => summariseStudent(catalogue, student))
  return {
    students: summaries,
    counts: {
      promoted: summaries.filter((s) => s.promoted === true).length,
      retest: summaries.filter((s) => s.retests.length > 0 || s.summerConductTraining).length,
      xuatSac: summaries.filter((s) => s.award === 'Học sinh Xuất sắc').length,
      gioi: summaries.filter((s) => s.award === 'Học sinh Giỏi').length,
      incomplete: summaries.filter((s) => s.missing.length > 0).length,
    },
  }
}

function summariseStudent(catalogue: CatalogueSubject[], student: StudentRecord): StudentSummary {
  const subjects: Record<string, SubjectResult> = {}
  const missing: string[] = []
  for (const subject of catalogue) {
    const entries = student.subjects[subject.name] ?? {}
    const result: SubjectResult = { hk1: null, hk2: null, year: null }
    for (const term of ['hk1', 'hk2'] as const) {
      const entry = entries[term]
      if (subject.kind === 'comment') {
        const marks = entry?.marks ?? []
        const required = requiredRegularAssessments(subject)
        if (marks.length < required) missing.push(`${subject.name} ${term}`)
        result[term] = commentSubjectTerm({ required, marks })
      } else if (entry?.tx && entry.gk != null && entry.ck != null && entry.tx.length >= requiredRegularAssessments(subject)) {
        result[term] = termAverage({ tx: entry.tx, gk: entry.gk, ck: entry.ck })
      } else {
        missing.push(`${subject.name} ${term}`)
      }
    }
    if (subject.kind === 'comment') result.year = result.hk2
    else if (typeof result.hk1 === 'number' && typeof result.hk2 === 'number') result.year = yearAverage({ hk1: result.hk1, hk2: result.hk2 })
    subjects[subject.name] = result
  }

  const levelFor = (period: Term | 'year') => {
    const scored: Record<string, number> = {}
    const comment: Record<string, CommentMark> = {}
    for (const subject of catalogue) {
      const value = subjects[subject.name]![period]
      if (value === null) return null
      if (subject.kind === 'comment') comment[subject.name] = value as CommentMark
      else scored[subject.name] = value as number
    }
    return learningLevel({ scored, comment })
  }
  const learning = { hk1: levelFor('hk1'), hk2: levelFor('hk2'), year: levelFor('year') }
  const conductTerms = { hk1: student.conduct.hk1 ?? null, hk2: student.conduct.hk2 ?? null }
  if (!conductTerms.hk1) missing.push('conduct hk1')
  if (!conductTerms.hk2) missing.push('conduct hk2')
  const yearConduct = conductTerms.hk1 && conductTerms.hk2 ? conductYear({ hk1: conductTerms.hk1, hk2: conductTerms.hk2 }) : null

  const yearAverages = Object.fromEntries(
    catalogue.filter((s) => s.kind === 'scored' && typeof subjects[s.name]!.year === 'number').map((s) => [s.name, subjects[s.name]!.year as number]),
  )
  const complete = learning.year !== null && yearConduct !== null
  const yearLevel = learning.year?.level ?? null
  const retests =
    yearLevel === 'Chưa đạt'
      ? catalogue
          .filter((s) => {
            const value = subjects[s.name]!.year
            return s.kind === 'comment' ? value === 'CĐ' : typeof value === 'number' && value < 5
          })
          .map((s) => s.name)
      : []
  return {
    id: student.id,
    name: student.name,
    subjects,
    learning,
    conduct: { ...conductTerms, year: yearConduct },
    award: complete ? award({ conduct: yearConduct!, learning: yearLevel!, yearAverages }) : null,
    promoted: complete ? promotion({ conduct: yearConduct!, learning: yearLevel!, absences: student.absences }) : null,
    retests,
    summerConductTraining: yearConduct === 'Chưa đạt',
    missing,
  }
}
