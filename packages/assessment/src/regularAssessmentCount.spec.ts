import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { COMMENT_SUBJECT_REGULAR_ASSESSMENTS, regularAssessmentCount, requiredRegularAssessments } from './index.ts'

describe('regularAssessmentCount', () => {
  it('follows the period bands at their edges', () => {
    expect([1, 35, 36, 70, 71, 140].map(regularAssessmentCount)).toEqual([2, 2, 3, 3, 4, 4])
  })

  it('comment-only subjects have 2 regular assessments whatever their periods', () => {
    expect(COMMENT_SUBJECT_REGULAR_ASSESSMENTS).toBe(2)
    expect(requiredRegularAssessments({ kind: 'comment', periodsPerYear: 105 })).toBe(2)
    expect(requiredRegularAssessments({ kind: 'scored', periodsPerYear: 105 })).toBe(4)
  })

  it('refuses periods that are not a positive whole number', () => {
    expect(expectIssues(() => regularAssessmentCount(0))).toEqual([{ path: 'periodsPerYear', message: expect.stringContaining('số nguyên dương') }])
    expect(expectIssues(() => regularAssessmentCount(35.5))[0]?.message).toContain('got 35.5')
  })
})
