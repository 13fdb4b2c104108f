import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { AssessmentInputError, termAverage } from './index.ts'

describe('termAverage', () => {
  it('weighs regular scores once, mid-term twice, end-of-term three times', () => {
    // (6 + 8 + 2·7 + 3·9) / 7 = 55 / 7 = 7.857… → 7.9
    expect(termAverage({ tx: [6, 8], gk: 7, ck: 9 })).toBe(7.9)
    // (5 + 6 + 7 + 8 + 2·9 + 3·10) / 9 = 74 / 9 = 8.222… → 8.2
    expect(termAverage({ tx: [5, 6, 7, 8], gk: 9, ck: 10 })).toBe(8.2)
  })

  it('rounds exact half-way averages up where binary floating point rounds down', () => {
    // Three regular scores divide by 8, so an average can end in exactly …5.
    // (0.1 + 7 + 7.4 + 2·5.1 + 3·6.3) / 8 = 43.6 / 8 = 5.45 exactly → 5.5
    expect(termAverage({ tx: [0.1, 7, 7.4], gk: 5.1, ck: 6.3 })).toBe(5.5)
    // …the float formula gets 5.4 here, which is why the package works in tenths.
    expect(Math.round(((0.1 + 7 + 7.4 + 2 * 5.1 + 3 * 6.3) / 8) * 10) / 10).toBe(5.4)
    // (0.2 + 7 + 7.4 + 2·8.1 + 3·5.6) / 8 = 47.6 / 8 = 5.95 exactly → 6.0
    expect(termAverage({ tx: [0.2, 7, 7.4], gk: 8.1, ck: 5.6 })).toBe(6)
    // (7 + 7 + 7.4 + 2·7 + 3·7) / 8 = 56.4 / 8 = 7.05 → 7.1
    expect(termAverage({ tx: [7, 7, 7.4], gk: 7, ck: 7 })).toBe(7.1)
    // 7.0375 (56.3 / 8) stays 7.0
    expect(termAverage({ tx: [7, 7, 7.3], gk: 7, ck: 7 })).toBe(7)
  })

  it('a missing mid-term is an error naming gk, not a zero', () => {
    const issues = expectIssues(() => termAverage({ tx: [7, 8], ck: 8 } as never))
    expect(issues).toEqual([{ path: 'gk', message: 'thiếu điểm giữa kì (missing mid-term score)' }])
    expect(() => termAverage({ tx: [7, 8], gk: null, ck: 8 } as never)).toThrow('gk: thiếu điểm giữa kì')
  })

  it('names the field of a score outside 0–10, in Vietnamese and English', () => {
    expect(expectIssues(() => termAverage({ tx: [7, 8], gk: 11, ck: 8 }))).toEqual([
      { path: 'gk', message: 'điểm giữa kì phải từ 0 đến 10 (mid-term score must be between 0 and 10; got 11)' },
    ])
    expect(expectIssues(() => termAverage({ tx: [7, -0.5], gk: 8, ck: 8 }))[0]?.path).toBe('tx[1]')
  })

  it('refuses a score with more than one decimal', () => {
    const [issue] = expectIssues(() => termAverage({ tx: [7, 8], gk: 8, ck: 8.25 }))
    expect(issue).toEqual({ path: 'ck', message: expect.stringContaining('một chữ số thập phân') })
    expect(issue?.message).toContain('got 8.25')
  })

  it('lists every problem at once, and the error message joins them', () => {
    let error: AssessmentInputError | undefined
    try {
      termAverage({ tx: [], gk: 'x', ck: 12 } as never)
    } catch (caught) {
      error = caught as AssessmentInputError
    }
    expect(error?.issues.map((issue) => issue.path)).toEqual(['tx', 'gk', 'ck'])
    expect(error?.message).toMatch(/^tx: .*; gk: .*; ck: /)
    expect(error?.name).toBe('AssessmentInputError')
  })
})
