import { parseInput } from './errors.ts'
import { divideRoundHalfUp, fromTenths, toTenths } from './rounding.ts'
import { termAverageInput, type TermAverageInput } from './schemas.ts'

/** The term formula on whole tenths: (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (nTX + 5), rounded half up. */
export function termAverageTenths(txTenths: readonly number[], gkTenths: number, ckTenths: number): number {
  let sum = 2 * gkTenths + 3 * ckTenths
  for (const tenths of txTenths) sum += tenths
  return divideRoundHalfUp(sum, txTenths.length + 5)
}

/**
 * Term subject average ĐTBmhk (Circular 22, Art. 9.1): regular scores count once, the mid-term
 * twice, the end-of-term three times; one decimal, rounded half up exactly.
 *
 * termAverage({ tx: [7.2, 4.4, 8.2], gk: 6.4, ck: 5.8 }) // 6.3
 */
export function termAverage(input: TermAverageInput): number {
  const { tx, gk, ck } = parseInput(termAverageInput, input)
  return fromTenths(termAverageTenths(tx.map(toTenths), toTenths(gk), toTenths(ck)))
}
