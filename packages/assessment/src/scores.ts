import { z } from 'zod'

import { parseInput } from './errors.ts'
import { commentMark, termScoresSchema, yearInputSchema, type CommentMark } from './schemas.ts'
import { divideRoundHalfUp, fromTenths, toTenths } from './tenths.ts'

/** ĐTBmhk = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (nTX + 5), rounded half up to one decimal (Circular 22, Art. 9). */
export function termAverage(input: { tx: number[]; gk: number; ck: number }): number {
  const { tx, gk, ck } = parseInput(termScoresSchema, input)
  const sum = tx.reduce((total, s) => total + toTenths(s), 0) + 2 * toTenths(gk) + 3 * toTenths(ck)
  return fromTenths(divideRoundHalfUp(sum, tx.length + 5))
}

/** ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3, from the rounded term averages. */
export function yearAverage(input: { hk1: number; hk2: number }): number {
  const { hk1, hk2 } = parseInput(yearInputSchema, input)
  return fromTenths(divideRoundHalfUp(toTenths(hk1) + 2 * toTenths(hk2), 3))
}

const periodsSchema = z.number({ error: 'số tiết phải là số (periods must be a number)' }).int().positive({ error: 'số tiết phải dương (periods must be positive)' })

/** Regular assessments per term by periods per school year: ≤35 → 2; ≤70 → 3; more → 4. */
export function regularAssessmentCount(periodsPerYear: number): number {
  const periods = parseInput(periodsSchema, periodsPerYear)
  if (periods <= 35) return 2
  if (periods <= 70) return 3
  return 4
}

const commentTermSchema = z.object({
  required: z.number().int().nonnegative({ error: 'số lần đánh giá bắt buộc không hợp lệ (invalid required count)' }),
  marks: z.array(commentMark),
})

/** A comment-only subject for a term: Đ when every required assessment exists and all are Đ. */
export function commentSubjectTerm(input: { required: number; marks: CommentMark[] }): CommentMark {
  const { required, marks } = parseInput(commentTermSchema, input)
  return marks.length >= required && marks.every((mark) => mark === 'Đ') ? 'Đ' : 'CĐ'
}
