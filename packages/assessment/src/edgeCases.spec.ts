import { describe, expect, it } from 'vitest'

import {
  AssessmentInputError,
  award,
  commentSubjectTerm,
  entryProgress,
  learningLevel,
  primaryPeriodicTests,
  primarySubjects,
  promotion,
  requiredRegularAssessments,
  termAverage,
  thcsCatalogue,
} from './index.ts'

const comments = { 'Giáo dục thể chất': 'Đ', 'Nghệ thuật': 'Đ', 'HĐTN-HN': 'Đ', 'GD địa phương': 'Đ' } as const

describe('edge cases named in DOMAIN.md', () => {
  it('a comment subject with a missing assessment, or one Chưa đạt, is CĐ', () => {
    expect(commentSubjectTerm({ required: 2, marks: ['Đ'] })).toBe('CĐ')
    expect(commentSubjectTerm({ required: 2, marks: ['Đ', 'CĐ'] })).toBe('CĐ')
    expect(commentSubjectTerm({ required: 2, marks: ['Đ', 'Đ'] })).toBe('Đ')
  })

  it('one comment subject Chưa đạt caps the learning level at Đạt', () => {
    const scored = { a: 9, b: 9, c: 9, d: 9, e: 9, f: 9, g: 9, h: 9 }
    expect(learningLevel({ scored, comment: { ...comments } }).beforeAdjustment).toBe('Tốt')
    expect(learningLevel({ scored, comment: { ...comments, 'Nghệ thuật': 'CĐ' } }).beforeAdjustment).toBe('Đạt')
    expect(learningLevel({ scored, comment: { ...comments, 'Nghệ thuật': 'CĐ', 'HĐTN-HN': 'CĐ' } }).beforeAdjustment).toBe('Chưa đạt')
  })

  it('promotion allows exactly 45 absences, not 46', () => {
    expect(promotion({ conduct: 'Đạt', learning: 'Đạt', absences: 45 })).toBe(true)
    expect(promotion({ conduct: 'Đạt', learning: 'Đạt', absences: 46 })).toBe(false)
  })

  it('exactly 6 subjects at 8.0 make Tốt; 5 do not', () => {
    const six = { a: 8.0, b: 8.0, c: 8.0, d: 8.0, e: 8.0, f: 8.0, g: 6.5, h: 7.9 }
    const five = { ...six, f: 7.9 }
    expect(learningLevel({ scored: six, comment: { ...comments } }).beforeAdjustment).toBe('Tốt')
    expect(learningLevel({ scored: five, comment: { ...comments } }).beforeAdjustment).toBe('Khá')
  })

  it('exactly 6 subjects at 9.0 make Học sinh Xuất sắc', () => {
    const years = { a: 9.0, b: 9.0, c: 9.0, d: 9.0, e: 9.0, f: 9.0, g: 8.9, h: 7 }
    expect(award({ conduct: 'Tốt', learning: 'Tốt', yearAverages: years })).toBe('Học sinh Xuất sắc')
    expect(award({ conduct: 'Tốt', learning: 'Tốt', yearAverages: { ...years, f: 8.9 } })).toBe('Học sinh Giỏi')
    expect(award({ conduct: 'Khá', learning: 'Tốt', yearAverages: years })).toBeNull()
  })
})

describe('input validation names the field', () => {
  const issues = (fn: () => unknown) => {
    try {
      fn()
    } catch (error) {
      expect(error).toBeInstanceOf(AssessmentInputError)
      return (error as AssessmentInputError).issues
    }
    throw new Error('expected an AssessmentInputError')
  }
  it('score out of range', () => {
    expect(issues(() => termAverage({ tx: [7, 11], gk: 8, ck: 8 }))).toEqual([{ path: 'tx.1', message: expect.stringContaining('0 đến 10') }])
  })
  it('more than one decimal', () => {
    expect(issues(() => termAverage({ tx: [7, 8], gk: 8.25, ck: 8 }))[0]).toMatchObject({ path: 'gk', message: expect.stringContaining('một chữ số thập phân') })
  })
  it('missing mid-term', () => {
    expect(issues(() => termAverage({ tx: [7, 8], ck: 8 } as never))[0]).toMatchObject({ path: 'gk', message: expect.stringContaining('missing mid-term') })
  })
  it('unknown level', () => {
    expect(issues(() => promotion({ conduct: 'Giỏi' as never, learning: 'Đạt', absences: 3 }))[0]).toMatchObject({ path: 'conduct', message: expect.stringContaining('unknown level') })
  })
})

describe('catalogue and entry progress', () => {
  it('has the programme-2018 periods and a school can override them', () => {
    const grade8 = thcsCatalogue(8)
    expect(grade8.find((s) => s.name === 'Công nghệ')?.periodsPerYear).toBe(35)
    expect(thcsCatalogue(9).find((s) => s.name === 'Công nghệ')?.periodsPerYear).toBe(52)
    expect(grade8.filter((s) => s.kind === 'comment').map((s) => s.name)).toEqual(['Giáo dục thể chất', 'Nghệ thuật', 'HĐTN-HN', 'GD địa phương'])
    expect(requiredRegularAssessments(thcsCatalogue(9).find((s) => s.name === 'Công nghệ')!)).toBe(3)
    expect(requiredRegularAssessments(thcsCatalogue(8, { 'Tin học': 70 }).find((s) => s.name === 'Tin học')!)).toBe(3)
  })

  it('knows which primary subjects are tested in which grade', () => {
    expect(primarySubjects(1)).not.toContain('Tin học và Công nghệ')
    expect(primaryPeriodicTests(3, 'Tin học và Công nghệ')).toEqual(['end-of-term-1', 'end-of-year'])
    expect(primaryPeriodicTests(5, 'Toán')).toEqual(['mid-term-1', 'end-of-term-1', 'mid-term-2', 'end-of-year'])
    expect(primaryPeriodicTests(2, 'Toán')).toEqual(['end-of-term-1', 'end-of-year'])
    expect(primaryPeriodicTests(4, 'Đạo đức')).toEqual([])
    expect(primaryPeriodicTests(2, 'Khoa học')).toEqual([])
  })

  it('counts what is due at mid-term (half, rounded up) and at term end', () => {
    const toan = thcsCatalogue(7).find((s) => s.name === 'Toán')! // 140 periods → 4 regular
    const progress = entryProgress(toan, [
      { tx: [7, 8, 9, 6], gk: 7, ck: 8 },
      { tx: [7, 8], gk: 6 },
      { tx: [5] },
    ])
    expect(progress).toEqual({
      required: 4,
      dueByMidTerm: 2,
      students: 3,
      midTermRegularComplete: 2,
      termRegularComplete: 1,
      midTermScores: 2,
      endTermScores: 1,
      incomplete: 2,
    })
  })
})
