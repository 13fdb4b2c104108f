import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { award } from './index.ts'

const years = (...values: number[]) => Object.fromEntries(values.map((value, i) => [`môn ${i + 1}`, value]))

describe('award (Art. 15)', () => {
  it('exactly 6 subjects at 9.0 make Học sinh Xuất sắc; 5 make Học sinh Giỏi', () => {
    expect(award({ conduct: 'Tốt', learning: 'Tốt', yearAverages: years(9, 9, 9, 9, 9, 9, 8.9, 8) })).toBe('Học sinh Xuất sắc')
    expect(award({ conduct: 'Tốt', learning: 'Tốt', yearAverages: years(9, 9, 9, 9, 9, 8.9, 8.9, 8) })).toBe('Học sinh Giỏi')
  })

  it('needs conduct Tốt and learning Tốt', () => {
    const allTen = years(10, 10, 10, 10, 10, 10, 10, 10)
    expect(award({ conduct: 'Khá', learning: 'Tốt', yearAverages: allTen })).toBeNull()
    expect(award({ conduct: 'Tốt', learning: 'Khá', yearAverages: allTen })).toBeNull()
  })

  it('names an invalid year average', () => {
    expect(expectIssues(() => award({ conduct: 'Tốt', learning: 'Tốt', yearAverages: { Toán: 9.05 } }))).toEqual([
      { path: 'yearAverages.Toán', message: expect.stringContaining('một chữ số thập phân') },
    ])
  })
})
