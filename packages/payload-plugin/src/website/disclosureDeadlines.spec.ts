import { describe, expect, it } from 'vitest'

import { holidaysAround } from '../calendar/workingDays.ts'
import { disclosureStatuses } from './disclosureDeadlines.ts'

describe('disclosure deadlines (Circular 09/2024, interpretation)', () => {
  it('marks yearly groups missing before 30 June and overdue after', () => {
    const before = disclosureStatuses({ schoolYear: '2025-2026', isPreschool: false, published: [{ group: 'finance' }], today: new Date('2026-06-30T12:00:00Z') })
    expect(before.find((s) => s.group === 'finance')?.status).toBe('published')
    expect(before.find((s) => s.group === 'general')).toEqual({ group: 'general', rule: 'yearly', due: '2026-06-30', status: 'missing' })
    const after = disclosureStatuses({ schoolYear: '2025-2026', isPreschool: false, published: [], today: new Date('2026-07-01T00:00:01Z') })
    expect(after.every((s) => s.status === 'overdue')).toBe(true)
    expect(after.some((s) => s.group === 'preschool-weekly' || s.group === 'preschool-monthly')).toBe(false)
  })
  it('asks preschools for next week’s plan by the Saturday before', () => {
    // Tuesday 24 Nov 2026 → next week starts Monday 30 Nov, due Saturday 28 Nov.
    const today = new Date('2026-11-24T08:00:00Z')
    const open = disclosureStatuses({ schoolYear: '2026-2027', isPreschool: true, published: [], today })
    expect(open.find((s) => s.group === 'preschool-weekly')).toEqual({ group: 'preschool-weekly', rule: 'weekly', due: '2026-11-28', status: 'missing' })
    const done = disclosureStatuses({ schoolYear: '2026-2027', isPreschool: true, published: [{ group: 'preschool-weekly', periodStart: '2026-11-30' }], today })
    expect(done.find((s) => s.group === 'preschool-weekly')?.status).toBe('published')
  })
  it('asks preschools for each month’s plan by the 25th of the month before', () => {
    // 24 Nov 2026: November's plan was due 25 Oct (overdue when missing), December's is due 25 Nov.
    const today = new Date('2026-11-24T08:00:00Z')
    const monthly = (published: { group: 'preschool-monthly'; periodStart: string }[], on = today) =>
      disclosureStatuses({ schoolYear: '2026-2027', isPreschool: true, published, today: on }).filter((s) => s.group === 'preschool-monthly')
    expect(monthly([])).toEqual([
      { group: 'preschool-monthly', rule: 'monthly', due: '2026-10-25', status: 'overdue' },
      { group: 'preschool-monthly', rule: 'monthly', due: '2026-11-25', status: 'missing' },
    ])
    expect(monthly([{ group: 'preschool-monthly', periodStart: '2026-11-01' }, { group: 'preschool-monthly', periodStart: '2026-12-01T00:00:00.000Z' }]).map((s) => s.status)).toEqual(['published', 'published'])
    // The 26th: December's plan is late.
    expect(monthly([{ group: 'preschool-monthly', periodStart: '2026-11-01' }], new Date('2026-11-26T03:00:00Z'))[1]?.status).toBe('overdue')
    // A plan stored as the browser's midnight (17:00Z the day before) still counts for its month.
    expect(monthly([{ group: 'preschool-monthly', periodStart: '2026-11-30T17:00:00.000Z' }])[1]?.status).toBe('published')
  })
  it('wants a change published within 10 working days, holidays skipped', () => {
    const holidays = holidaysAround('2026-12-30', [])
    // Changed Wed 23 Dec 2026: ten working days skip two weekends and 1/1 → due Thu 7 Jan 2027.
    const base = { schoolYear: '2026-2027', isPreschool: false, holidays, today: new Date('2027-01-05T03:00:00Z') }
    const onTime = disclosureStatuses({ ...base, published: [{ id: 7, title: 'Danh sách giáo viên', group: 'general', changedOn: '2026-12-23', publishedDate: '2027-01-07T02:00:00.000Z' }] })
    expect(onTime.find((s) => s.rule === 'change')).toEqual({ group: 'general', rule: 'change', due: '2027-01-07', status: 'published', disclosure: { id: 7, title: 'Danh sách giáo viên', changedOn: '2026-12-23' } })
    const late = disclosureStatuses({ ...base, published: [{ id: 7, title: 'Danh sách giáo viên', group: 'general', changedOn: '2026-12-23', publishedDate: '2027-01-11T02:00:00.000Z' }] })
    expect(late.find((s) => s.rule === 'change')?.status).toBe('late')
    const pending = (today: string) => disclosureStatuses({ ...base, today: new Date(today), published: [], pendingChanges: [{ id: 8, title: 'Thu chi', group: 'finance', changedOn: '2026-12-23' }] }).find((s) => s.rule === 'change')
    expect(pending('2027-01-07T10:00:00Z')?.status).toBe('missing')
    expect(pending('2027-01-08T02:00:00Z')?.status).toBe('overdue')
  })
})
