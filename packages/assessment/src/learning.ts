import { z } from 'zod'

import { parseInput } from './errors.ts'
import { commentMark, LEVELS, score, type CommentMark, type Level } from './schemas.ts'
import { toTenths } from './tenths.ts'

export type LearningInput = { scored: Record<string, number>; comment: Record<string, CommentMark> }

const learningSchema = z.object({ scored: z.record(z.string(), score), comment: z.record(z.string(), commentMark) })

const rank = (level: Level) => LEVELS.length - 1 - LEVELS.indexOf(level) // Chưa đạt 0 … Tốt 3

/** Learning result from term or year averages and comment results (Circular 22, Art. 9.1–9.2). */
export function computedLearningLevel(input: LearningInput): Level {
  const scores = Object.values(input.scored).map(toTenths)
  const comments = Object.values(input.comment)
  const failedComments = comments.filter((mark) => mark !== 'Đ').length
  const atLeast = (tenths: number) => scores.filter((s) => s >= tenths).length
  const all = (tenths: number) => scores.every((s) => s >= tenths)
  if (failedComments === 0 && all(65) && atLeast(80) >= 6) return 'Tốt'
  if (failedComments === 0 && all(50) && atLeast(65) >= 6) return 'Khá'
  if (failedComments <= 1 && atLeast(50) >= 6 && all(35)) return 'Đạt'
  return 'Chưa đạt'
}

/**
 * *Interpretation* of Art. 9.3 (DOMAIN.md §4): if improving one single subject (its score to 10, or a
 * Chưa đạt to Đạt) would give Tốt or Khá two or more levels above the computed result, the result is
 * raised by one level.
 */
export function art93Adjustment(input: LearningInput, computed: Level): Level {
  const target = rank(computed) + 2
  let best = rank(computed)
  for (const subject of Object.keys(input.scored)) {
    const level = computedLearningLevel({ ...input, scored: { ...input.scored, [subject]: 10 } })
    best = Math.max(best, rank(level))
  }
  for (const [subject, mark] of Object.entries(input.comment)) {
    if (mark === 'Đ') continue
    const level = computedLearningLevel({ ...input, comment: { ...input.comment, [subject]: 'Đ' } })
    best = Math.max(best, rank(level))
  }
  const reachesGoodLevel = best >= rank('Khá')
  return reachesGoodLevel && best >= target ? (LEVELS[LEVELS.length - 1 - (rank(computed) + 1)] as Level) : computed
}

/** Learning level with the Art. 9.3 adjustment, and the level before it. */
export function learningLevel(input: LearningInput): { level: Level; beforeAdjustment: Level } {
  const parsed = parseInput(learningSchema, input) as LearningInput
  const beforeAdjustment = computedLearningLevel(parsed)
  return { level: art93Adjustment(parsed, beforeAdjustment), beforeAdjustment }
}

export { rank as levelRank }
