import { parseInput } from './errors.ts'
import { toTenths } from './rounding.ts'
import { awardInput, type AwardInput, type Level } from './schemas.ts'

export type Award = 'Học sinh Xuất sắc' | 'Học sinh Giỏi'

/** Subjects with a year average ≥ 9.0 needed for Học sinh Xuất sắc. */
export const EXCELLENT_SUBJECTS_NEEDED = 6

/** The award rule on validated values (year averages in whole tenths). */
export function awardOf(conduct: Level, learning: Level, yearAveragesTenths: readonly number[]): Award | null {
  if (conduct !== 'Tốt' || learning !== 'Tốt') return null
  let atNine = 0
  for (const tenths of yearAveragesTenths) if (tenths >= 90) atNine++
  return atNine >= EXCELLENT_SUBJECTS_NEEDED ? 'Học sinh Xuất sắc' : 'Học sinh Giỏi'
}

/**
 * Year-end award (Circular 22, Art. 15): Học sinh Xuất sắc for conduct Tốt, learning Tốt and at
 * least 6 subjects with a year average ≥ 9.0; Học sinh Giỏi for conduct Tốt and learning Tốt;
 * otherwise none (null).
 */
export function award(input: AwardInput): Award | null {
  const { conduct, learning, yearAverages } = parseInput(awardInput, input)
  return awardOf(conduct, learning, Object.values(yearAverages).map(toTenths))
}
