import { z } from 'zod'

import { parseInput } from './errors.ts'
import { PRIMARY_QUALITY_LEVELS, PRIMARY_SUBJECT_RESULTS, wholeScore, type PrimaryQualityLevel, type PrimarySubjectResult } from './schemas.ts'

export type PrimaryYearResult = 'Hoàn thành xuất sắc' | 'Hoàn thành tốt' | 'Hoàn thành' | 'Chưa hoàn thành'

const primarySchema = z.object({
  subjects: z.record(z.string(), z.enum(PRIMARY_SUBJECT_RESULTS, { error: 'kết quả môn phải là HTT, HT hoặc CHT' })),
  qualities: z.record(z.string(), z.enum(PRIMARY_QUALITY_LEVELS, { error: 'phẩm chất phải là Tốt, Đạt hoặc Cần cố gắng' })),
  competences: z.record(z.string(), z.enum(PRIMARY_QUALITY_LEVELS, { error: 'năng lực phải là Tốt, Đạt hoặc Cần cố gắng' })),
  endOfYearTests: z.record(z.string(), wholeScore),
})

/** Year result of a primary pupil (Circular 27/2020, Art. 9). */
export function primaryYear(input: {
  subjects: Record<string, PrimarySubjectResult>
  qualities: Record<string, PrimaryQualityLevel>
  competences: Record<string, PrimaryQualityLevel>
  endOfYearTests: Record<string, number>
}): PrimaryYearResult {
  const { subjects, qualities, competences, endOfYearTests } = parseInput(primarySchema, input)
  const results = Object.values(subjects)
  const traits = [...Object.values(qualities), ...Object.values(competences)]
  const tests = Object.values(endOfYearTests)
  const allSubjects = (...ok: PrimarySubjectResult[]) => results.every((r) => ok.includes(r))
  const allTraits = (...ok: PrimaryQualityLevel[]) => traits.every((t) => ok.includes(t))
  const testsAtLeast = (min: number) => tests.every((t) => t >= min)
  if (allSubjects('HTT') && allTraits('Tốt') && testsAtLeast(9)) return 'Hoàn thành xuất sắc'
  if (allSubjects('HTT') && allTraits('Tốt') && testsAtLeast(7)) return 'Hoàn thành tốt'
  if (allSubjects('HTT', 'HT') && allTraits('Tốt', 'Đạt') && testsAtLeast(5)) return 'Hoàn thành'
  return 'Chưa hoàn thành'
}
