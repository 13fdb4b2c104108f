import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { learningLevel, learningLevelBeforeAdjustment, singleSubjectAdjustment } from './index.ts'

const allĐ = { 'Giáo dục thể chất': 'Đ', 'Nghệ thuật': 'Đ', 'HĐTN-HN': 'Đ', 'GD địa phương': 'Đ' } as const
const NAMES = ['Ngữ văn', 'Toán', 'Ngoại ngữ 1', 'Lịch sử và Địa lí', 'Khoa học tự nhiên', 'GDCD', 'Công nghệ', 'Tin học'] as const
/** The eight scored subjects with these averages, in catalogue order. */
const scores = (...values: number[]) => Object.fromEntries(NAMES.map((name, i) => [name, values[i]!]))

describe('learning level (Art. 9.2)', () => {
  it('exactly 6 subjects at 8.0 make Tốt; 5 make only Khá', () => {
    expect(learningLevel({ scored: scores(8, 8, 8, 8, 8, 8, 6.5, 7.9), comment: allĐ })).toEqual({ level: 'Tốt', beforeAdjustment: 'Tốt' })
    expect(learningLevel({ scored: scores(8, 8, 8, 8, 8, 7.9, 6.5, 7.9), comment: allĐ })).toEqual({ level: 'Khá', beforeAdjustment: 'Khá' })
  })

  it('Tốt needs every score ≥ 6.5: one 6.4 gives Khá', () => {
    expect(learningLevelBeforeAdjustment({ scored: scores(9, 9, 9, 9, 9, 9, 9, 6.4), comment: allĐ })).toBe('Khá')
  })

  it('Khá needs every score ≥ 5.0 and 6 at 6.5; Đạt needs 6 at 5.0 and none below 3.5', () => {
    expect(learningLevelBeforeAdjustment({ scored: scores(6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 5, 5), comment: allĐ })).toBe('Khá')
    expect(learningLevelBeforeAdjustment({ scored: scores(6.5, 6.5, 6.5, 6.5, 6.5, 6.4, 5, 5), comment: allĐ })).toBe('Đạt')
    expect(learningLevelBeforeAdjustment({ scored: scores(5, 5, 5, 5, 5, 5, 3.5, 4.9), comment: allĐ })).toBe('Đạt')
    expect(learningLevelBeforeAdjustment({ scored: scores(5, 5, 5, 5, 5, 5, 3.4, 4.9), comment: allĐ })).toBe('Chưa đạt')
    expect(learningLevelBeforeAdjustment({ scored: scores(5, 5, 5, 5, 5, 4.9, 4.9, 4.9), comment: allĐ })).toBe('Chưa đạt')
  })

  it('one comment subject Chưa đạt caps the computed level at Đạt; two give Chưa đạt', () => {
    const nines = scores(9, 9, 9, 9, 9, 9, 9, 9)
    expect(learningLevelBeforeAdjustment({ scored: nines, comment: { ...allĐ, 'Nghệ thuật': 'CĐ' } })).toBe('Đạt')
    expect(learningLevelBeforeAdjustment({ scored: nines, comment: { ...allĐ, 'Nghệ thuật': 'CĐ', 'HĐTN-HN': 'CĐ' } })).toBe('Chưa đạt')
  })
})

describe('single-subject adjustment (Art. 9.3, interpretation)', () => {
  it('one comment subject CĐ with Tốt scores: Đ would give Tốt, two levels up, so Đạt rises to Khá', () => {
    expect(learningLevel({ scored: scores(9, 9, 9, 9, 9, 9, 9, 9), comment: { ...allĐ, 'Nghệ thuật': 'CĐ' } })).toEqual({
      level: 'Khá',
      beforeAdjustment: 'Đạt',
    })
  })

  it('one score below 3.5 holding back a Tốt student: Chưa đạt rises one level only, to Đạt', () => {
    expect(learningLevel({ scored: scores(9, 9, 9, 9, 9, 9, 9, 3.4), comment: allĐ })).toEqual({ level: 'Đạt', beforeAdjustment: 'Chưa đạt' })
  })

  it('no adjustment when the single subject would lift the level by only one', () => {
    // 4.0 → 10 gives Khá (not six scores at 8.0): one level above Đạt.
    expect(learningLevel({ scored: scores(6.6, 6.6, 6.6, 6.6, 6.6, 6.6, 6.6, 4), comment: allĐ })).toEqual({ level: 'Đạt', beforeAdjustment: 'Đạt' })
  })

  it('no adjustment when two subjects hold the level back', () => {
    expect(learningLevel({ scored: scores(9, 9, 9, 9, 9, 9, 4, 4), comment: allĐ })).toEqual({ level: 'Đạt', beforeAdjustment: 'Đạt' })
    expect(learningLevel({ scored: scores(9, 9, 9, 9, 9, 9, 9, 4), comment: { ...allĐ, 'Nghệ thuật': 'CĐ' } })).toEqual({
      level: 'Đạt',
      beforeAdjustment: 'Đạt',
    })
  })

  it('is a function of its own, given the computed level', () => {
    const input = { scored: scores(9, 9, 9, 9, 9, 9, 9, 4.2), comment: allĐ }
    expect(singleSubjectAdjustment(input, 'Đạt')).toBe('Khá')
    expect(singleSubjectAdjustment(input, 'Khá')).toBe('Khá')
    expect(singleSubjectAdjustment(input, 'Tốt')).toBe('Tốt')
    expect(expectIssues(() => singleSubjectAdjustment(input, 'Giỏi' as never))).toEqual([
      { path: 'computed', message: expect.stringContaining('unknown learning level') },
    ])
  })
})

describe('learning level input', () => {
  it('names the subject whose average is invalid', () => {
    expect(expectIssues(() => learningLevel({ scored: { ...scores(9, 9, 9, 9, 9, 9, 9, 9), Toán: 10.5 }, comment: allĐ }))).toEqual([
      { path: 'scored.Toán', message: expect.stringContaining('got 10.5') },
    ])
    expect(expectIssues(() => learningLevel({ scored: scores(9, 9, 9, 9, 9, 9, 9, 9), comment: { ...allĐ, 'Nghệ thuật': 'Chưa đạt' as never } }))[0]?.path).toBe(
      'comment.Nghệ thuật',
    )
  })
})
