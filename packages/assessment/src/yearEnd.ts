import { z } from 'zod'

import { parseInput } from './errors.ts'
import { level, score, type Level } from './schemas.ts'
import { toTenths } from './tenths.ts'

export type Award = 'Học sinh Xuất sắc' | 'Học sinh Giỏi'

const awardSchema = z.object({ conduct: level, learning: level, yearAverages: z.record(z.string(), score) })

/** Year-end award (Circular 22, Art. 15): Xuất sắc needs 6+ subjects at 9.0; Giỏi needs Tốt/Tốt. */
export function award(input: { conduct: Level; learning: Level; yearAverages: Record<string, number> }): Award | null {
  const { conduct, learning, yearAverages } = parseInput(awardSchema, input)
  if (conduct !== 'Tốt' || learning !== 'Tốt') return null
  const atNine = Object.values(yearAverages).filter((s) => toTenths(s) >= 90).length
  return atNine >= 6 ? 'Học sinh Xuất sắc' : 'Học sinh Giỏi'
}

export const MAX_ABSENCES_FOR_PROMOTION = 45

const promotionSchema = z.object({
  conduct: level,
  learning: level,
  absences: z.number().int({ error: 'số buổi nghỉ phải là số nguyên (absences must be whole)' }).nonnegative({ error: 'số buổi nghỉ không âm' }),
})

/** Promoted when year conduct and learning are at least Đạt and absences ≤ 45 sessions (Art. 12). */
export function promotion(input: { conduct: Level; learning: Level; absences: number }): boolean {
  const { conduct, learning, absences } = parseInput(promotionSchema, input)
  return conduct !== 'Chưa đạt' && learning !== 'Chưa đạt' && absences <= MAX_ABSENCES_FOR_PROMOTION
}
