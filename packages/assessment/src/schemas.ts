import { z } from 'zod'

import { hasAtMostOneDecimal } from './tenths.ts'

/** A score on the 10-point scale with at most one decimal (Circular 22, Art. 6). */
function scoreSchema(missing = 'thiếu điểm (missing score)') {
  return z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : 'phải là một điểm số (must be a number)') })
    .min(0, { error: 'điểm phải từ 0 đến 10 (score must be 0–10)' })
    .max(10, { error: 'điểm phải từ 0 đến 10 (score must be 0–10)' })
    .refine(hasAtMostOneDecimal, { error: 'điểm chỉ có một chữ số thập phân (at most one decimal)' })
}
export const score = scoreSchema()

/** Primary periodic test: whole number 0–10 (Circular 27, Art. 7). */
export const wholeScore = z
  .number({ error: 'phải là một điểm số (must be a number)' })
  .int({ error: 'điểm kiểm tra định kì tiểu học là số nguyên (whole number)' })
  .min(0, { error: 'điểm phải từ 0 đến 10 (score must be 0–10)' })
  .max(10, { error: 'điểm phải từ 0 đến 10 (score must be 0–10)' })

export const LEVELS = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'] as const
export type Level = (typeof LEVELS)[number]
export const level = z.enum(LEVELS, { error: `mức phải là một trong ${LEVELS.join(', ')} (unknown level)` })

export const COMMENT_MARKS = ['Đ', 'CĐ'] as const
export type CommentMark = (typeof COMMENT_MARKS)[number]
export const commentMark = z.enum(COMMENT_MARKS, { error: 'nhận xét phải là Đ hoặc CĐ (unknown mark)' })

export const termScoresSchema = z.object({
  tx: z.array(score, { error: 'thiếu điểm đánh giá thường xuyên (tx must be a list)' }),
  gk: scoreSchema('thiếu điểm giữa kì (missing mid-term)'),
  ck: scoreSchema('thiếu điểm cuối kì (missing end-of-term)'),
})

export const yearInputSchema = z.object({ hk1: score, hk2: score })

export const PRIMARY_SUBJECT_RESULTS = ['HTT', 'HT', 'CHT'] as const
export type PrimarySubjectResult = (typeof PRIMARY_SUBJECT_RESULTS)[number]
export const PRIMARY_QUALITY_LEVELS = ['Tốt', 'Đạt', 'Cần cố gắng'] as const
export type PrimaryQualityLevel = (typeof PRIMARY_QUALITY_LEVELS)[number]
