import { describe, expect, it } from 'vitest'

import { expectedLessons, isLateSubmission, lessonPlanDeadline, weekCounts, type PlanForCount } from './lessonPlanRules.ts'

const slot = (klass: number, subject: number) => ({ class: { id: klass }, subject: { id: subject } })

describe('lesson plan rules', () => {
  it('is due before Wednesday of the previous week, Vietnam time, or as many days before as the school says', () => {
    // Teaching week from Monday 16/11/2026: due before Wednesday 11/11 00:00 (+07:00) = 10/11 17:00 UTC.
    expect(lessonPlanDeadline('2026-11-16').toISOString()).toBe('2026-11-10T17:00:00.000Z')
    expect(lessonPlanDeadline('2026-11-16', 0).toISOString()).toBe('2026-11-15T17:00:00.000Z')
    expect(lessonPlanDeadline('2026-11-16', 10).toISOString()).toBe('2026-11-05T17:00:00.000Z')
    const deadline = lessonPlanDeadline('2026-11-16')
    expect(isLateSubmission(new Date('2026-11-10T16:59:59Z'), deadline)).toBe(false)
    expect(isLateSubmission(new Date('2026-11-10T17:00:01Z'), deadline)).toBe(true)
  })

  it('expects one plan per lesson of a subject of a grade: the most periods any one class has', () => {
    // Toán 8 (subject 1) in 8/1 four times and 8/2 four times: 4 plans serve both; Tin 8 (2) once.
    const slots = [...Array(4)].flatMap(() => [slot(81, 1), slot(82, 1)]).concat([slot(81, 2)])
    expect([...expectedLessons(slots)]).toEqual([['1', 4], ['2', 1]])
    expect(expectedLessons([]).size).toBe(0)
  })

  it('counts handed in, approved, returned, late, and missing only once the deadline has passed', () => {
    const expected = new Map([['1', 4], ['2', 1]])
    const plans: PlanForCount[] = [
      { subject: 1, workflowState: 'approved', late: false, submittedAt: '2026-11-09T00:00:00Z' },
      { subject: 1, workflowState: 'submitted', late: true, submittedAt: '2026-11-12T00:00:00Z' },
      { subject: 1, workflowState: 'returned', late: false, submittedAt: '2026-11-09T00:00:00Z' },
      { subject: 2, workflowState: 'draft', late: false, submittedAt: null },
    ]
    const deadline = lessonPlanDeadline('2026-11-16')
    const after = weekCounts(expected, plans, deadline, new Date('2026-11-13T00:00:00Z'))
    expect(after).toEqual({ expected: 5, handedIn: 3, approved: 1, inReview: 1, returned: 1, drafts: 1, late: 1, missing: 2, notYet: 0 })
    const before = weekCounts(expected, plans, deadline, new Date('2026-11-09T00:00:00Z'))
    expect(before.missing).toBe(0)
    expect(before.notYet).toBe(2)
    // More plans than lessons never makes "missing" negative.
    expect(weekCounts(new Map([['1', 1]]), plans, deadline, new Date('2026-12-01')).missing).toBe(0)
  })
})
