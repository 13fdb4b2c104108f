import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { MAX_ABSENCES, promotion, retestSubjects, yearEndDecision } from './index.ts'

describe('promotion (Art. 12)', () => {
  it('exactly 45 absences still moves up; 46 does not', () => {
    expect(MAX_ABSENCES).toBe(45)
    expect(promotion({ conduct: 'Đạt', learning: 'Đạt', absences: 45 })).toBe(true)
    expect(promotion({ conduct: 'Đạt', learning: 'Đạt', absences: 46 })).toBe(false)
  })

  it('needs conduct and learning at least Đạt', () => {
    expect(promotion({ conduct: 'Chưa đạt', learning: 'Tốt', absences: 0 })).toBe(false)
    expect(promotion({ conduct: 'Tốt', learning: 'Chưa đạt', absences: 0 })).toBe(false)
  })

  it('names a bad absence count', () => {
    expect(expectIssues(() => promotion({ conduct: 'Tốt', learning: 'Tốt', absences: 2.5 }))).toEqual([
      { path: 'absences', message: expect.stringContaining('got 2.5') },
    ])
  })
})

describe('year-end decision', () => {
  it('sends learning Chưa đạt to re-tests and conduct Chưa đạt to summer training', () => {
    expect(yearEndDecision({ conduct: 'Tốt', learning: 'Chưa đạt', absences: 3 })).toEqual({ outcome: 'reassessment', retest: true, summerConductTraining: false })
    expect(yearEndDecision({ conduct: 'Chưa đạt', learning: 'Khá', absences: 3 })).toEqual({ outcome: 'reassessment', retest: false, summerConductTraining: true })
    expect(yearEndDecision({ conduct: 'Chưa đạt', learning: 'Chưa đạt', absences: 45 })).toEqual({ outcome: 'reassessment', retest: true, summerConductTraining: true })
  })

  it('keeps back a student absent more than 45 sessions, with no re-assessment', () => {
    expect(yearEndDecision({ conduct: 'Tốt', learning: 'Tốt', absences: 46 })).toEqual({ outcome: 'retained', retest: false, summerConductTraining: false })
    expect(yearEndDecision({ conduct: 'Chưa đạt', learning: 'Chưa đạt', absences: 60 }).outcome).toBe('retained')
  })

  it('lists comment subjects CĐ and scored subjects below 5.0 for re-test', () => {
    expect(
      retestSubjects({
        scored: { Toán: 4.9, 'Ngữ văn': 5, 'Tin học': 3.2 },
        comment: { 'Nghệ thuật': 'CĐ', 'Giáo dục thể chất': 'Đ' },
      }),
    ).toEqual(['Toán', 'Tin học', 'Nghệ thuật'])
  })
})
