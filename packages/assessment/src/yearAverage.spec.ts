import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { yearAverage } from './index.ts'

describe('yearAverage', () => {
  it('counts term II twice, from the rounded term averages', () => {
    // (6.2 + 2·6.3) / 3 = 18.8 / 3 = 6.266… → 6.3
    expect(yearAverage({ hk1: 6.2, hk2: 6.3 })).toBe(6.3)
    // (8.0 + 2·5.0) / 3 = 6.0 exactly
    expect(yearAverage({ hk1: 8, hk2: 5 })).toBe(6)
    // (9.9 + 2·8.4) / 3 = 26.7 / 3 = 8.9 exactly
    expect(yearAverage({ hk1: 9.9, hk2: 8.4 })).toBe(8.9)
    // (0.1 + 2·0) / 3 = 0.033… → 0.0 ; (0.2 + 0) / 3 = 0.066… → 0.1
    expect(yearAverage({ hk1: 0.1, hk2: 0 })).toBe(0)
    expect(yearAverage({ hk1: 0.2, hk2: 0 })).toBe(0.1)
  })

  it('names the term average that is wrong', () => {
    expect(expectIssues(() => yearAverage({ hk1: 6.55, hk2: 10.1 })).map((issue) => issue.path)).toEqual(['hk1', 'hk2'])
    expect(expectIssues(() => yearAverage({ hk1: 6 } as never))).toEqual([{ path: 'hk2', message: expect.stringContaining('thiếu điểm trung bình môn học kì II') }])
  })
})
