import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { learningLevel, levelRank, termAverage, yearAverage } from './index.ts'

// Scores are generated as whole tenths, so the checks below do their own exact integer arithmetic.
const tenths = fc.integer({ min: 0, max: 100 })
const termScores = fc.record({ tx: fc.array(tenths, { minLength: 1, maxLength: 4 }), gk: tenths, ck: tenths })
const asScores = ({ tx, gk, ck }: { tx: number[]; gk: number; ck: number }) => ({ tx: tx.map((t) => t / 10), gk: gk / 10, ck: ck / 10 })

/** r (in tenths) is n/d rounded half up iff (2r − 1)·d ≤ 2n < (2r + 1)·d. */
function expectHalfUpRounding(resultTenths: number, numerator: number, denominator: number) {
  expect((2 * resultTenths - 1) * denominator).toBeLessThanOrEqual(2 * numerator)
  expect(2 * numerator).toBeLessThan((2 * resultTenths + 1) * denominator)
}

describe('term average (properties)', () => {
  it('is the weighted mean rounded half up to one decimal, exactly', () => {
    fc.assert(
      fc.property(termScores, (t) => {
        const average = termAverage(asScores(t))
        const sum = t.tx.reduce((a, b) => a + b, 0) + 2 * t.gk + 3 * t.ck
        expect(Math.round(average * 10) / 10).toBe(average) // one decimal at most
        expectHalfUpRounding(Math.round(average * 10), sum, t.tx.length + 5)
      }),
    )
  })

  it('stays within the lowest and highest score', () => {
    fc.assert(
      fc.property(termScores, (t) => {
        const scores = asScores(t)
        const all = [...scores.tx, scores.gk, scores.ck]
        const average = termAverage(scores)
        expect(average).toBeGreaterThanOrEqual(Math.min(...all))
        expect(average).toBeLessThanOrEqual(Math.max(...all))
      }),
    )
  })

  it('raising one score never lowers it', () => {
    fc.assert(
      fc.property(termScores, fc.nat(), fc.integer({ min: 1, max: 100 }), (t, which, raise) => {
        const slot = which % (t.tx.length + 2)
        const up = (value: number) => Math.min(100, value + raise)
        const raised =
          slot < t.tx.length
            ? { ...t, tx: t.tx.map((value, i) => (i === slot ? up(value) : value)) }
            : slot === t.tx.length
              ? { ...t, gk: up(t.gk) }
              : { ...t, ck: up(t.ck) }
        expect(termAverage(asScores(raised))).toBeGreaterThanOrEqual(termAverage(asScores(t)))
      }),
    )
  })

  it('gives a one-decimal score back unchanged when every score equals it', () => {
    fc.assert(
      fc.property(tenths, fc.integer({ min: 1, max: 4 }), (t, n) => {
        const score = t / 10
        expect(termAverage({ tx: Array.from({ length: n }, () => score), gk: score, ck: score })).toBe(score)
      }),
    )
  })
})

describe('year average (properties)', () => {
  it('is (hk1 + 2·hk2) / 3 rounded half up, exactly', () => {
    fc.assert(
      fc.property(tenths, tenths, (hk1, hk2) => {
        expectHalfUpRounding(Math.round(yearAverage({ hk1: hk1 / 10, hk2: hk2 / 10 }) * 10), hk1 + 2 * hk2, 3)
      }),
    )
  })

  it('stays within [min(hk1, hk2), max(hk1, hk2)] and is idempotent on equal terms', () => {
    fc.assert(
      fc.property(tenths, tenths, (a, b) => {
        const hk1 = a / 10
        const hk2 = b / 10
        const average = yearAverage({ hk1, hk2 })
        expect(average).toBeGreaterThanOrEqual(Math.min(hk1, hk2))
        expect(average).toBeLessThanOrEqual(Math.max(hk1, hk2))
        expect(yearAverage({ hk1, hk2: hk1 })).toBe(hk1)
      }),
    )
  })
})

describe('learning level (properties)', () => {
  const names = ['Ngữ văn', 'Toán', 'Ngoại ngữ 1', 'Lịch sử và Địa lí', 'Khoa học tự nhiên', 'GDCD', 'Công nghệ', 'Tin học']
  const comments = ['Giáo dục thể chất', 'Nghệ thuật', 'HĐTN-HN', 'GD địa phương']
  const student = fc.record({
    scores: fc.array(tenths, { minLength: 8, maxLength: 8 }),
    marks: fc.array(fc.constantFrom('Đ' as const, 'CĐ' as const), { minLength: 4, maxLength: 4 }),
  })
  const input = (s: { scores: number[]; marks: ('Đ' | 'CĐ')[] }) => ({
    scored: Object.fromEntries(names.map((name, i) => [name, s.scores[i]! / 10])),
    comment: Object.fromEntries(comments.map((name, i) => [name, s.marks[i]!])),
  })

  it('the adjustment raises by at most one level and never lowers', () => {
    fc.assert(
      fc.property(student, (s) => {
        const { level, beforeAdjustment } = learningLevel(input(s))
        expect(levelRank(level) - levelRank(beforeAdjustment)).toBeGreaterThanOrEqual(0)
        expect(levelRank(level) - levelRank(beforeAdjustment)).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('raising one subject average never lowers the level, before or after the adjustment', () => {
    fc.assert(
      fc.property(student, fc.nat(7), fc.integer({ min: 1, max: 100 }), (s, which, raise) => {
        const before = learningLevel(input(s))
        const after = learningLevel(input({ ...s, scores: s.scores.map((t, i) => (i === which ? Math.min(100, t + raise) : t)) }))
        expect(levelRank(after.beforeAdjustment)).toBeGreaterThanOrEqual(levelRank(before.beforeAdjustment))
        expect(levelRank(after.level)).toBeGreaterThanOrEqual(levelRank(before.level))
      }),
    )
  })
})
