import { describe, expect, it } from 'vitest'

import { addWorkingDays, holidaysAround, isWorkingDay } from './workingDays.ts'

describe('working days', () => {
  it('skips weekends', () => {
    const none = new Set<string>()
    // Friday 4 Dec 2026 + 1 working day = Monday 7 Dec.
    expect(addWorkingDays('2026-12-04', 1, none)).toBe('2026-12-07')
    // Wednesday 2 Dec + 10 working days = Wednesday 16 Dec.
    expect(addWorkingDays('2026-12-02', 10, none)).toBe('2026-12-16')
    expect(isWorkingDay('2026-12-05', none)).toBe(false)
  })
  it('skips the fixed public holidays and the listed ones', () => {
    // Wed 29 Apr 2026: 30/4 and 1/5 are holidays, 2–3/5 a weekend → the first working day is Mon 4 May.
    const fixed = holidaysAround('2026-04-29', [])
    expect(addWorkingDays('2026-04-29', 1, fixed)).toBe('2026-05-04')
    // A listed Tết break (Mon 8 – Fri 12 Feb 2027) pushes ten working days from Fri 5 Feb to Fri 26 Feb.
    const tet = holidaysAround('2027-02-05', ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'])
    expect(addWorkingDays('2027-02-05', 10, tet)).toBe('2027-02-26')
    expect(addWorkingDays('2027-02-05', 10, holidaysAround('2027-02-05', []))).toBe('2027-02-19')
  })
})
