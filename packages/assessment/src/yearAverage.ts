import { parseInput } from './errors.ts'
import { divideRoundHalfUp, fromTenths, toTenths } from './rounding.ts'
import { yearAverageInput, type YearAverageInput } from './schemas.ts'

/** The year formula on whole tenths: (hk1 + 2·hk2) / 3, rounded half up. */
export function yearAverageTenths(hk1Tenths: number, hk2Tenths: number): number {
  return divideRoundHalfUp(hk1Tenths + 2 * hk2Tenths, 3)
}

/**
 * Year subject average ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3 (Circular 22, Art. 9.1), from the
 * already rounded term averages.
 *
 * yearAverage({ hk1: 6.0, hk2: 7.1 }) // 6.7
 */
export function yearAverage(input: YearAverageInput): number {
  const { hk1, hk2 } = parseInput(yearAverageInput, input)
  return fromTenths(yearAverageTenths(toTenths(hk1), toTenths(hk2)))
}
