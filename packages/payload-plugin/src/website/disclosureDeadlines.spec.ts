import { describe, expect, it } from 'vitest'

import { disclosureStatuses } from './disclosureDeadlines.ts'

describe('disclosure deadlines (Circular 09/2024, interpretation)', () => {
  it('marks yearly groups missing before 30 June and overdue after', () => {
    const before = disclosureStatuses({ schoolYear: '2025-2026', isPreschool: false, published: [{ group: 'finance' }], today: new Date('2026-06-30T12:00:00Z') })
    expect(before.find((s) => s.group === 'finance')?.status).toBe('published')
    expect(before.find((s) => s.group === 'general')).toEqual({ group: 'general', due: '2026-06-30', status: 'missing' })
    const after = disclosureStatuses({ schoolYear: '2025-2026', isPreschool: false, published: [], today: new Date('2026-07-01T00:00:01Z') })
    expect(after.every((s) => s.status === 'overdue')).toBe(true)
    expect(after.some((s) => s.group === 'preschool-weekly')).toBe(false)
  })
  it('asks preschools for next week’s plan by the Saturday before', () => {
    // Tuesday 24 Nov 2026 → next week starts Monday 30 Nov, due Saturday 28 Nov.
    const today = new Date('2026-11-24T08:00:00Z')
    const open = disclosureStatuses({ schoolYear: '2026-2027', isPreschool: true, published: [], today })
    expect(open.find((s) => s.group === 'preschool-weekly')).toEqual({ group: 'preschool-weekly', due: '2026-11-28', status: 'missing' })
    const done = disclosureStatuses({ schoolYear: '2026-2027', isPreschool: true, published: [{ group: 'preschool-weekly', periodStart: '2026-11-30' }], today })
    expect(done.find((s) => s.group === 'preschool-weekly')?.status).toBe('published')
  })
})
