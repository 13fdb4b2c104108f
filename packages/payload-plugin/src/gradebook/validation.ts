import { COMMENT_MARKS, hasAtMostOneDecimal } from '@truongso/assessment'
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { message } from '../translations/index.ts'
import { primaryPeriodicTests, PRIMARY_PERIODS, regularSlots, type GradebookSubjectDoc } from './subjects.ts'

export type Issue = { path: string; message: string }
export type Cell = { value: number | string; date?: string | null }

/** Column names as printed in the gradebook: TX1…TXn, GK, CK (THCS); KTĐK for primary tests. */
export const columnLabels = {
  regular: (index: number) => `TX${index + 1}`,
  midTerm: 'GK',
  endTerm: 'CK',
  midTermTest: 'KTĐK giữa kì',
  endTermTest: 'KTĐK cuối kì',
} as const

const score = z.number().min(0).max(10).refine(hasAtMostOneDecimal)
const commentMark = z.enum(COMMENT_MARKS)
const testScore = z.number().int().min(0).max(10)
const day = z.union([z.null(), z.string().regex(/^\d{4}-\d{2}-\d{2}/).refine((text) => !Number.isNaN(Date.parse(text)))])
const cellShape = z.object({ value: z.unknown(), date: z.unknown().optional() }).strict()

/** One THCS cell `{ value, date }` (null: not entered): the value by the subject's kind, then the date. */
function checkCell(req: PayloadRequest, subject: GradebookSubjectDoc, raw: unknown, path: string, column: string, issues: Issue[]): void {
  if (raw === null || raw === undefined) return
  const shape = cellShape.safeParse(raw)
  if (!shape.success) {
    issues.push({ path, message: message(req, 'gradebook.bad-cell', { column }) })
    return
  }
  const scored = subject.kind === 'scored'
  if (!(scored ? score : commentMark).safeParse(shape.data.value).success) {
    issues.push({ path, message: message(req, scored ? 'gradebook.bad-score' : 'gradebook.bad-comment-mark', { column }) })
  }
  if (shape.data.date !== undefined && !day.safeParse(shape.data.date).success) issues.push({ path, message: message(req, 'gradebook.bad-date', { column }) })
}

const present = (value: unknown) => value !== null && value !== undefined

/**
 * Every value of a mark against its subject (the zod boundary): THCS scores 0–10 with one decimal
 * or Đ/CĐ by the subject's kind, at most the subject's TX slots; primary levels, and whole-number
 * periodic tests only where the grade holds them. Columns of the other level are refused.
 */
export function markIssues(req: PayloadRequest, subject: GradebookSubjectDoc, term: 'hk1' | 'hk2', data: Record<string, unknown>): Issue[] {
  const issues: Issue[] = []
  const vars = { subject: subject.name, kind: subject.kind, grade: subject.grade }
  const notFor = (path: string, column: string) => issues.push({ path, message: message(req, 'gradebook.not-for-subject', { ...vars, column }) })
  if (subject.kind === 'primary') {
    if (present(data.regular) && !(Array.isArray(data.regular) && data.regular.length === 0)) notFor('regular', 'TX')
    if (present(data.midTerm)) notFor('midTerm', columnLabels.midTerm)
    if (present(data.endTerm)) notFor('endTerm', columnLabels.endTerm)
    const tests = primaryPeriodicTests(subject)
    for (const field of ['midTermTest', 'endTermTest'] as const) {
      const value = data[field]
      if (!present(value)) continue
      const column = columnLabels[field]
      if (!tests.includes(PRIMARY_PERIODS[term][field === 'midTermTest' ? 'midTerm' : 'endTerm'])) issues.push({ path: field, message: message(req, 'gradebook.no-periodic-test', { ...vars, column }) })
      else if (!testScore.safeParse(value).success) issues.push({ path: field, message: message(req, 'gradebook.bad-test-score', { column }) })
    }
    return issues
  }
  for (const field of ['midTermLevel', 'endTermLevel', 'midTermTest', 'endTermTest'] as const) if (present(data[field])) notFor(field, field)
  if (present(data.regular)) {
    if (!Array.isArray(data.regular)) issues.push({ path: 'regular', message: message(req, 'gradebook.bad-cell', { column: 'TX' }) })
    else {
      const slots = regularSlots(subject)
      if (data.regular.length > slots) issues.push({ path: 'regular', message: message(req, 'gradebook.too-many-regular', { subject: subject.name, count: slots }) })
      data.regular.forEach((cell, index) => checkCell(req, subject, cell, `regular.${index}`, columnLabels.regular(index), issues))
    }
  }
  checkCell(req, subject, data.midTerm, 'midTerm', columnLabels.midTerm, issues)
  checkCell(req, subject, data.endTerm, 'endTerm', columnLabels.endTerm, issues)
  return issues
}
