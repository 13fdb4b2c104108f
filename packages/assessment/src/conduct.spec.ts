import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { conductYear, LEVELS, levelRank } from './index.ts'

describe('conductYear (Art. 8)', () => {
  it('term II decides, term I can pull Tốt and Khá down one level or lift Đạt to Khá', () => {
    expect(conductYear({ hk1: 'Khá', hk2: 'Tốt' })).toBe('Tốt')
    expect(conductYear({ hk1: 'Đạt', hk2: 'Tốt' })).toBe('Khá')
    expect(conductYear({ hk1: 'Đạt', hk2: 'Khá' })).toBe('Khá')
    expect(conductYear({ hk1: 'Chưa đạt', hk2: 'Khá' })).toBe('Đạt')
    expect(conductYear({ hk1: 'Tốt', hk2: 'Đạt' })).toBe('Khá')
    expect(conductYear({ hk1: 'Khá', hk2: 'Đạt' })).toBe('Đạt')
    expect(conductYear({ hk1: 'Tốt', hk2: 'Chưa đạt' })).toBe('Chưa đạt')
  })

  it('a better term never gives a worse year', () => {
    for (const hk1 of LEVELS)
      for (const hk2 of LEVELS)
        for (const better of LEVELS.filter((level) => levelRank(level) > levelRank(hk1))) {
          expect(levelRank(conductYear({ hk1: better, hk2 }))).toBeGreaterThanOrEqual(levelRank(conductYear({ hk1, hk2 })))
        }
  })

  it('names an unknown level', () => {
    expect(expectIssues(() => conductYear({ hk1: 'Tốt', hk2: 'Giỏi' as never }))).toEqual([
      { path: 'hk2', message: 'mức kết quả rèn luyện phải là một trong: Tốt, Khá, Đạt, Chưa đạt (unknown conduct level; got "Giỏi")' },
    ])
  })
})
