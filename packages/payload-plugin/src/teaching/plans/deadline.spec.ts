import { describe, expect, it } from 'vitest'

import { isLate, planDeadline } from './deadline.ts'

// 2026-11-09 is a Monday.
describe('planDeadline', () => {
  it('defaults to Monday before period 1, 07:00 Vietnam time', () => {
    expect(planDeadline('2026-11-09')).toBe('2026-11-09T00:00:00.000Z')
    expect(planDeadline('2026-11-09', { kind: 'before-first-period' }, '07:00')).toBe('2026-11-09T00:00:00.000Z')
  })

  it('follows the school’s first-period time', () => {
    expect(planDeadline('2026-11-09', { kind: 'before-first-period' }, '06:45')).toBe('2026-11-08T23:45:00.000Z')
  })

  it('expresses "10 days before the week" and "16 days before"', () => {
    expect(planDeadline('2026-11-09', { kind: 'days-before', days: 10 })).toBe('2026-10-30T00:00:00.000Z')
    expect(planDeadline('2026-11-09', { kind: 'days-before', days: 16 }, '07:30')).toBe('2026-10-24T00:30:00.000Z')
  })

  it('crosses month and year boundaries in the Vietnam calendar', () => {
    // Monday 2027-01-04 minus 10 days = Friday 2026-12-25, 07:00 +07:00.
    expect(planDeadline('2027-01-04', { kind: 'days-before', days: 10 })).toBe('2026-12-25T00:00:00.000Z')
  })

  it('takes any day of the week, or a stored Date, as the week', () => {
    expect(planDeadline('2026-11-12')).toBe('2026-11-09T00:00:00.000Z')
    expect(planDeadline('2026-11-15')).toBe('2026-11-09T00:00:00.000Z') // Sunday closes the week
    expect(planDeadline(new Date('2026-11-09T00:00:00.000Z'), { kind: 'days-before', days: 10 })).toBe('2026-10-30T00:00:00.000Z')
  })

  it('refuses a malformed date, time or rule', () => {
    expect(() => planDeadline(new Date('x'))).toThrow(RangeError)
    expect(() => planDeadline('2026-02-30')).toThrow(RangeError)
    expect(() => planDeadline('2026-11-09', undefined, '7h')).toThrow(RangeError)
    expect(() => planDeadline('2026-11-09', { kind: 'days-before', days: -1 })).toThrow()
    expect(() => planDeadline('2026-11-09', { kind: 'sometime' } as never)).toThrow()
  })
})

describe('isLate', () => {
  const deadline = planDeadline('2026-11-09')
  it('a plan submitted before or at the deadline is on time', () => {
    expect(isLate('2026-11-08T23:59:59.000Z', deadline, '2026-11-12T00:00:00.000Z')).toBe(false)
    expect(isLate(deadline, deadline, '2026-11-12T00:00:00.000Z')).toBe(false)
  })
  it('a plan submitted after the deadline is late, whenever one looks', () => {
    expect(isLate('2026-11-09T00:00:01.000Z', deadline, '2026-11-09T00:00:02.000Z')).toBe(true)
  })
  it('an unsubmitted plan is late only once the deadline has passed', () => {
    expect(isLate(null, deadline, '2026-11-08T12:00:00.000Z')).toBe(false)
    expect(isLate(null, deadline, new Date('2026-11-09T00:05:00.000Z'))).toBe(true)
  })
})
