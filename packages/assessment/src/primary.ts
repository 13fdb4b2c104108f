import { parseInput } from './errors.ts'
import { primaryYearInput, type PrimarySubjectResult, type PrimaryTraitLevel, type PrimaryYearInput } from './schemas.ts'

export const PRIMARY_YEAR_RESULTS = ['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Chưa hoàn thành'] as const
export type PrimaryYearResult = (typeof PRIMARY_YEAR_RESULTS)[number]

/**
 * Year result of a primary pupil (Circular 27/2020, Art. 9):
 * Hoàn thành xuất sắc: every subject HTT, every quality and competence Tốt, every end-of-year test ≥ 9;
 * Hoàn thành tốt: the same with tests ≥ 7;
 * Hoàn thành: subjects HTT or HT, qualities and competences Tốt or Đạt, tests ≥ 5;
 * Chưa hoàn thành: otherwise. Test scores are whole numbers 0–10.
 */
export function primaryYear(input: PrimaryYearInput): PrimaryYearResult {
  const { subjects, qualities, competences, endOfYearTests } = parseInput(primaryYearInput, input)
  const results = Object.values(subjects)
  const traits = [...Object.values(qualities), ...Object.values(competences)]
  const tests = Object.values(endOfYearTests)
  const subjectsAre = (...allowed: PrimarySubjectResult[]) => results.every((result) => allowed.includes(result))
  const traitsAre = (...allowed: PrimaryTraitLevel[]) => traits.every((trait) => allowed.includes(trait))
  const testsAtLeast = (min: number) => tests.every((score) => score >= min)
  if (subjectsAre('HTT') && traitsAre('Tốt') && testsAtLeast(9)) return 'Hoàn thành xuất sắc'
  if (subjectsAre('HTT') && traitsAre('Tốt') && testsAtLeast(7)) return 'Hoàn thành tốt'
  if (subjectsAre('HTT', 'HT') && traitsAre('Tốt', 'Đạt') && testsAtLeast(5)) return 'Hoàn thành'
  return 'Chưa hoàn thành'
}
