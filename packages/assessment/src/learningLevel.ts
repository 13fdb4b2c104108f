import { parseInput } from './errors.ts'
import { FIELDS } from './messages.ts'
import { toTenths } from './rounding.ts'
import { learningLevelInput, levelSchema, type CommentMark, type Level, type LearningLevelInput } from './schemas.ts'

export type LearningLevelResult = { level: Level; beforeAdjustment: Level }

const LEVELS_BY_RANK: readonly Level[] = ['Chưa đạt', 'Đạt', 'Khá', 'Tốt']

/** Chưa đạt 0, Đạt 1, Khá 2, Tốt 3: compare levels with it. */
export function levelRank(level: Level): number {
  return LEVELS_BY_RANK.indexOf(level)
}

/** The Art. 9.2 thresholds on whole tenths (scores) and Đ/CĐ (comment subjects). */
export function learningLevelFromTenths(scoredTenths: readonly number[], comment: readonly CommentMark[]): Level {
  let failedComments = 0
  for (const mark of comment) if (mark !== 'Đ') failedComments++
  let lowest = Infinity
  let atLeast80 = 0
  let atLeast65 = 0
  let atLeast50 = 0
  for (const tenths of scoredTenths) {
    if (tenths < lowest) lowest = tenths
    if (tenths >= 80) atLeast80++
    if (tenths >= 65) atLeast65++
    if (tenths >= 50) atLeast50++
  }
  if (failedComments === 0 && lowest >= 65 && atLeast80 >= 6) return 'Tốt'
  if (failedComments === 0 && lowest >= 50 && atLeast65 >= 6) return 'Khá'
  if (failedComments <= 1 && atLeast50 >= 6 && lowest >= 35) return 'Đạt'
  return 'Chưa đạt'
}

/**
 * Art. 9.3 on whole tenths: if one single subject alone (its score raised to 10, or its Chưa đạt
 * turned into Đạt) would give a level two or more above `computed`, the result rises one level.
 */
export function singleSubjectAdjustmentFromTenths(scoredTenths: readonly number[], comment: readonly CommentMark[], computed: Level): Level {
  const rank = levelRank(computed)
  const wouldBe = rank + 2
  // Only Tốt and Khá lie two levels above something: a computed Khá or Tốt is never adjusted.
  if (wouldBe > levelRank('Tốt')) return computed
  const raised = LEVELS_BY_RANK[rank + 1]!
  for (let i = 0; i < scoredTenths.length; i++) {
    if (scoredTenths[i] === 100) continue
    const variant = scoredTenths.slice()
    variant[i] = 100
    if (levelRank(learningLevelFromTenths(variant, comment)) >= wouldBe) return raised
  }
  for (let i = 0; i < comment.length; i++) {
    if (comment[i] === 'Đ') continue
    const variant = comment.slice()
    variant[i] = 'Đ'
    if (levelRank(learningLevelFromTenths(scoredTenths, variant)) >= wouldBe) return raised
  }
  return computed
}

/** Both levels at once, on already validated values. */
export function learningLevelOf(scoredTenths: readonly number[], comment: readonly CommentMark[]): LearningLevelResult {
  const beforeAdjustment = learningLevelFromTenths(scoredTenths, comment)
  return { level: singleSubjectAdjustmentFromTenths(scoredTenths, comment, beforeAdjustment), beforeAdjustment }
}

function valuesOf(input: LearningLevelInput): { scoredTenths: number[]; comment: CommentMark[] } {
  const { scored, comment } = parseInput(learningLevelInput, input)
  return { scoredTenths: Object.values(scored).map(toTenths), comment: Object.values(comment) }
}

/**
 * The learning result of a term or the year before any adjustment (Circular 22, Art. 9.2), from
 * the subject averages of that period and the comment subjects' results:
 * Tốt: all comment subjects Đ, every score ≥ 6.5 and at least 6 ≥ 8.0;
 * Khá: all comment subjects Đ, every score ≥ 5.0 and at least 6 ≥ 6.5;
 * Đạt: at most one comment subject CĐ, at least 6 scores ≥ 5.0 and none < 3.5; else Chưa đạt.
 */
export function learningLevelBeforeAdjustment(input: LearningLevelInput): Level {
  const { scoredTenths, comment } = valuesOf(input)
  return learningLevelFromTenths(scoredTenths, comment)
}

/**
 * Art. 9.3 (*interpretation*, docs/domain.md § Grading): if changing the result of one single subject (its
 * score to 10, or Chưa đạt to Đạt) would lift the learning result to Tốt or Khá, two or more
 * levels above `computed`, the result is raised by one level. Returns the adjusted level.
 */
export function singleSubjectAdjustment(input: LearningLevelInput, computed: Level): Level {
  const { scoredTenths, comment } = valuesOf(input)
  return singleSubjectAdjustmentFromTenths(scoredTenths, comment, parseInput(levelSchema(FIELDS.learning), computed, 'computed'))
}

/**
 * The learning result of a term or the year: the Art. 9.2 level, then the Art. 9.3 adjustment.
 *
 * learningLevel({ scored: { Toán: 8.0, … }, comment: { 'Nghệ thuật': 'Đ', … } })
 * // { level: 'Khá', beforeAdjustment: 'Đạt' }
 */
export function learningLevel(input: LearningLevelInput): LearningLevelResult {
  const { scoredTenths, comment } = valuesOf(input)
  return learningLevelOf(scoredTenths, comment)
}
