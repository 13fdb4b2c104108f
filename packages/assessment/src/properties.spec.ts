import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { divideRoundHalfUp, termAverage, yearAverage } from './index.ts'

const tenths = fc.integer({ min: 0, max: 100 })
const score = tenths.map((t) => t / 10)

describe('averages (property tests)', () => {
  it('a term average stays within the lowest and highest score', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 4 }), score, score, (tx, gk, ck) => {
        const avg = termAverage({ tx, gk, ck })
        const all = [...tx, gk, ck]
        expect(avg).toBeGreaterThanOrEqual(Math.min(...all))
        expect(avg).toBeLessThanOrEqual(Math.max(...all))
      }),
    )
  })

  it('raising one score never lowers the term average', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 2, maxLength: 4 }), score, score, fc.nat(5), fc.integer({ min: 1, max: 100 }), (tx, gk, ck, which, raiseBy) => {
        const before = termAverage({ tx, gk, ck })
        const bump = (s: number) => Math.min(100, Math.round(s * 10) + raiseBy) / 10
        const slot = which % (tx.length + 2)
        const after =
          slot < tx.length
            ? termAverage({ tx: tx.map((s, i) => (i === slot ? bump(s) : s)), gk, ck })
            : slot === tx.length
              ? termAverage({ tx, gk: bump(gk), ck })
              : termAverage({ tx, gk, ck: bump(ck) })
        expect(after).toBeGreaterThanOrEqual(before)
      }),
    )
  })

  it('a year average stays between the two term averages', () => {
    fc.assert(
      fc.property(score, score, (hk1, hk2) => {
        const avg = yearAverage({ hk1, hk2 })
        expect(avg).toBeGreaterThanOrEqual(Math.min(hk1, hk2))
        expect(avg).toBeLessThanOrEqual(Math.max(hk1, hk2))
      }),
    )
  })

  it('rounding is idempotent on values that already have one decimal', () => {
    fc.assert(
      fc.property(tenths, (t) => {
        // Averaging equal scores must give the score back exactly.
        const s = t / 10
        expect(termAverage({ tx: [s, s, s], gk: s, ck: s })).toBe(s)
        expect(yearAverage({ hk1: s, hk2: s })).toBe(s)
        expect(divideRoundHalfUp(t * 7, 7)).toBe(t)
      }),
    )
  })

  it('rounds exact halves up, unlike binary floating point', () => {
    // (6.2 + 2·6.3) / 3 = 6.2666… → 6.3 ; (7 + 8 + 2·7.5 + 3·7.5)/7 = 7.5 ; 6.25 → 6.3
    expect(yearAverage({ hk1: 6.2, hk2: 6.3 })).toBe(6.3)
    expect(termAverage({ tx: [6.0, 6.5], gk: 6.0, ck: 6.5 })).toBe(6.3) // 44.0 / 7 = 6.2857
    expect(divideRoundHalfUp(125, 2)).toBe(63) // 6.25 → 6.3
    expect(Math.round(6.25 * 10) / 10 === 6.3 || Math.round(1.005 * 100) / 100 !== 1.01).toBe(true)
  })
})
