import { parseInput } from './errors.ts'
import { toTenths } from './rounding.ts'
import { promotionInput, retestSubjectsInput, type Level, type PromotionInput, type RetestSubjectsInput } from './schemas.ts'

/** Most sessions (a morning or an afternoon) a student may miss in a year and still move up. */
export const MAX_ABSENCES = 45

/** The promotion rule on validated values. */
export function isPromoted(conduct: Level, learning: Level, absences: number): boolean {
  return conduct !== 'Chưa đạt' && learning !== 'Chưa đạt' && absences <= MAX_ABSENCES
}

/**
 * Promotion (lên lớp, Circular 22, Art. 12.1): year conduct at least Đạt, year learning at least
 * Đạt, and no more than 45 sessions absent. Exactly 45 still moves up; 46 does not.
 */
export function promotion(input: PromotionInput): boolean {
  const { conduct, learning, absences } = parseInput(promotionInput, input)
  return isPromoted(conduct, learning, absences)
}

/**
 * promoted: moves up. reassessment: waits for summer re-tests and/or conduct training, whose
 * results replace the year results. retained: more than 45 sessions absent, which no summer
 * re-assessment can change (Art. 12.2).
 */
export type YearEndOutcome = 'promoted' | 'reassessment' | 'retained'

export type YearEndDecision = {
  outcome: YearEndOutcome
  /** Learning Chưa đạt: re-test the subjects `retestSubjects` lists. */
  retest: boolean
  /** Conduct Chưa đạt: summer conduct training (rèn luyện trong hè). */
  summerConductTraining: boolean
}

/** The year-end decision on validated values. */
export function yearEndDecisionOf(conduct: Level, learning: Level, absences: number): YearEndDecision {
  if (isPromoted(conduct, learning, absences)) return { outcome: 'promoted', retest: false, summerConductTraining: false }
  if (absences > MAX_ABSENCES) return { outcome: 'retained', retest: false, summerConductTraining: false }
  return { outcome: 'reassessment', retest: learning === 'Chưa đạt', summerConductTraining: conduct === 'Chưa đạt' }
}

/**
 * What happens at year end when a student is not simply promoted: re-tests when learning is
 * Chưa đạt, summer conduct training when conduct is Chưa đạt, or kept back when absent more than
 * 45 sessions (*interpretation*: then no re-assessment is offered, since it could not promote).
 */
export function yearEndDecision(input: PromotionInput): YearEndDecision {
  const { conduct, learning, absences } = parseInput(promotionInput, input)
  return yearEndDecisionOf(conduct, learning, absences)
}

/**
 * Subjects to re-test in summer (Circular 22, Art. 12.3) from the year results: every comment
 * subject Chưa đạt and every scored subject with a year average below 5.0.
 */
export function retestSubjects(input: RetestSubjectsInput): string[] {
  const { scored, comment } = parseInput(retestSubjectsInput, input)
  return [
    ...Object.entries(scored)
      .filter(([, average]) => toTenths(average) < 50)
      .map(([name]) => name),
    ...Object.entries(comment)
      .filter(([, mark]) => mark !== 'Đ')
      .map(([name]) => name),
  ]
}
