import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { divideRoundHalfUp, fromTenths, hasAtMostOneDecimal, roundToTenths, toTenths } from './rounding.ts'

describe('divideRoundHalfUp', () => {
  it('rounds on the remainder: below half down, exactly half and above up', () => {
    expect(divideRoundHalfUp(563, 8)).toBe(70) // 70.375
    expect(divideRoundHalfUp(564, 8)).toBe(71) // 70.5 exactly
    expect(divideRoundHalfUp(565, 8)).toBe(71) // 70.625
    expect(divideRoundHalfUp(100, 3)).toBe(33) // 33.33…
    expect(divideRoundHalfUp(101, 3)).toBe(34) // 33.66…
    expect(divideRoundHalfUp(0, 7)).toBe(0)
    expect(divideRoundHalfUp(1, 2)).toBe(1) // 0.5
  })

  it('matches the definition of half-up rounding for any integers', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        const q = divideRoundHalfUp(n, d)
        // q is the rounded value iff q − ½ ≤ n/d < q + ½, i.e. (2q − 1)·d ≤ 2n < (2q + 1)·d.
        expect((2 * q - 1) * d).toBeLessThanOrEqual(2 * n)
        expect(2 * n).toBeLessThan((2 * q + 1) * d)
      }),
    )
  })

  it('refuses what is not a whole-number division', () => {
    expect(() => divideRoundHalfUp(1.5, 2)).toThrow(RangeError)
    expect(() => divideRoundHalfUp(-1, 2)).toThrow(RangeError)
    expect(() => divideRoundHalfUp(1, 0)).toThrow(RangeError)
  })
})

describe('tenths', () => {
  it('converts one-decimal scores to whole tenths and back exactly', () => {
    expect(toTenths(7.3)).toBe(73)
    expect(toTenths(0.1)).toBe(1)
    expect(toTenths(10)).toBe(100)
    expect(fromTenths(73)).toBe(7.3)
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (t) => {
        expect(toTenths(fromTenths(t))).toBe(t)
      }),
    )
  })

  it('tells one-decimal numbers from the rest', () => {
    expect(hasAtMostOneDecimal(7)).toBe(true)
    expect(hasAtMostOneDecimal(7.5)).toBe(true)
    expect(hasAtMostOneDecimal(7.25)).toBe(false)
    expect(hasAtMostOneDecimal(0.1 + 0.2)).toBe(false) // 0.30000000000000004
    expect(hasAtMostOneDecimal(Number.NaN)).toBe(false)
    expect(hasAtMostOneDecimal(Number.POSITIVE_INFINITY)).toBe(false)
  })
})

describe('roundToTenths', () => {
  it('rounds x.x5 half-way cases up, from the decimal digits', () => {
    expect(roundToTenths(0.05)).toBe(0.1)
    expect(roundToTenths(1.45)).toBe(1.5)
    expect(roundToTenths(6.25)).toBe(6.3)
    expect(roundToTenths(8.05)).toBe(8.1) // 8.05 is 8.0499999… in binary
    expect(roundToTenths(2.675)).toBe(2.7)
    expect(roundToTenths(9.95)).toBe(10)
    expect(roundToTenths(7.04)).toBe(7)
    expect(roundToTenths(7.049999)).toBe(7)
    expect(roundToTenths(0.0000001)).toBe(0)
  })

  it('is idempotent on values that already have one decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (t) => {
        expect(roundToTenths(t / 10)).toBe(t / 10)
      }),
    )
  })

  it('rounding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (x) => {
        const once = roundToTenths(x)
        expect(roundToTenths(once)).toBe(once)
        expect(hasAtMostOneDecimal(once)).toBe(true)
        expect(Math.abs(once - x)).toBeLessThanOrEqual(0.05 + 1e-12)
      }),
    )
  })

  it('refuses negative and non-finite values', () => {
    expect(() => roundToTenths(-0.1)).toThrow(RangeError)
    expect(() => roundToTenths(Number.NaN)).toThrow(RangeError)
  })
})
