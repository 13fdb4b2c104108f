import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { primaryYear, type PrimaryYearInput } from './index.ts'

const best: PrimaryYearInput = {
  subjects: { 'Tiếng Việt': 'HTT', Toán: 'HTT', 'Đạo đức': 'HTT', 'Giáo dục thể chất': 'HTT' },
  qualities: { 'Yêu nước': 'Tốt', 'Trung thực': 'Tốt' },
  competences: { 'Tự chủ và tự học': 'Tốt', 'Ngôn ngữ': 'Tốt' },
  endOfYearTests: { 'Tiếng Việt': 9, Toán: 9 },
}

describe('primaryYear (Circular 27, Art. 9)', () => {
  it('follows the test-score floors 9, 7, 5', () => {
    expect(primaryYear(best)).toBe('Hoàn thành xuất sắc')
    expect(primaryYear({ ...best, endOfYearTests: { 'Tiếng Việt': 9, Toán: 8 } })).toBe('Hoàn thành tốt')
    expect(primaryYear({ ...best, endOfYearTests: { 'Tiếng Việt': 7, Toán: 7 } })).toBe('Hoàn thành tốt')
    expect(primaryYear({ ...best, endOfYearTests: { 'Tiếng Việt': 9, Toán: 6 } })).toBe('Hoàn thành')
    expect(primaryYear({ ...best, endOfYearTests: { 'Tiếng Việt': 9, Toán: 5 } })).toBe('Hoàn thành')
    expect(primaryYear({ ...best, endOfYearTests: { 'Tiếng Việt': 9, Toán: 4 } })).toBe('Chưa hoàn thành')
  })

  it('one subject HT or one trait Đạt stops at Hoàn thành; CHT or Cần cố gắng at Chưa hoàn thành', () => {
    expect(primaryYear({ ...best, subjects: { ...best.subjects, 'Đạo đức': 'HT' } })).toBe('Hoàn thành')
    expect(primaryYear({ ...best, qualities: { ...best.qualities, 'Trung thực': 'Đạt' } })).toBe('Hoàn thành')
    expect(primaryYear({ ...best, subjects: { ...best.subjects, 'Đạo đức': 'CHT' } })).toBe('Chưa hoàn thành')
    expect(primaryYear({ ...best, competences: { ...best.competences, 'Ngôn ngữ': 'Cần cố gắng' } })).toBe('Chưa hoàn thành')
  })

  it('periodic test scores are whole numbers 0–10', () => {
    expect(expectIssues(() => primaryYear({ ...best, endOfYearTests: { Toán: 8.5, 'Tiếng Việt': 11 } }))).toEqual([
      { path: 'endOfYearTests.Toán', message: expect.stringContaining('phải là số nguyên') },
      { path: 'endOfYearTests.Tiếng Việt', message: expect.stringContaining('từ 0 đến 10') },
    ])
    expect(expectIssues(() => primaryYear({ ...best, subjects: { Toán: 'Tốt' as never } }))[0]?.path).toBe('subjects.Toán')
  })
})
