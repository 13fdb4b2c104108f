import { describe, expect, it } from 'vitest'

import type { GradebookSubjectDoc } from '../subjects.ts'
import { addDays, calendarDay } from '../../calendar/days.ts'
import { classSubjectProgress, deadlinesOf, progressKinds, termCalendar, testDate, type MarkCells, type TermCalendar } from './deadlines.ts'

const toan6: GradebookSubjectDoc = { id: 1, name: 'Toán', grade: 6, schoolYear: '2026-2027', kind: 'scored', periodsPerYear: 140 }
const gdtc6: GradebookSubjectDoc = { id: 2, name: 'Giáo dục thể chất', grade: 6, schoolYear: '2026-2027', kind: 'comment', periodsPerYear: 70 }
const congNghe6: GradebookSubjectDoc = { id: 3, name: 'Công nghệ', grade: 6, schoolYear: '2026-2027', kind: 'scored', periodsPerYear: 35 }
const toan4: GradebookSubjectDoc = { id: 4, name: 'Toán', grade: 4, schoolYear: '2026-2027', kind: 'primary' }
const daoDuc4: GradebookSubjectDoc = { id: 5, name: 'Đạo đức', grade: 4, schoolYear: '2026-2027', kind: 'primary' }
const toan2: GradebookSubjectDoc = { id: 6, name: 'Toán', grade: 2, schoolYear: '2026-2027', kind: 'primary' }

const hk1: TermCalendar = { start: '2026-09-05', midTerm: '2026-11-07', end: '2027-01-15', midTermEstimated: false }
const tx = (n: number, date = '2026-10-01') => Array.from({ length: n }, () => ({ value: 8, date }))

describe('term calendar', () => {
  it('reads stored date-times as Vietnamese calendar days', () => {
    expect(calendarDay('2026-09-05T00:00:00.000Z')).toBe('2026-09-05')
    // Picked as 5 September in a browser at UTC+7: stored as the previous evening in UTC.
    expect(calendarDay('2026-09-04T17:00:00.000Z')).toBe('2026-09-05')
    expect(calendarDay('2026-09-05T12:00:00.000Z')).toBe('2026-09-05')
    expect(calendarDay('2026-09-05')).toBe('2026-09-05')
    expect(calendarDay('not a date')).toBeNull()
    expect(calendarDay(null)).toBeNull()
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08')
  })

  it('takes the mid-term date given, or the midpoint of the term', () => {
    const rows = [
      { term: 'hk1', start: '2026-09-05T00:00:00.000Z', end: '2027-01-15T00:00:00.000Z', midTerm: '2026-11-07T00:00:00.000Z' },
      { term: 'hk2', start: '2027-01-19T00:00:00.000Z', end: '2027-05-31T00:00:00.000Z', midTerm: null },
    ]
    expect(termCalendar(rows, 'hk1')).toEqual(hk1)
    // 19 January → 31 May is 132 days: the mid-term falls 66 days in.
    expect(termCalendar(rows, 'hk2')).toEqual({ start: '2027-01-19', midTerm: '2027-03-26', end: '2027-05-31', midTermEstimated: true })
    // A mid-term outside the term is a slip: the midpoint is used.
    expect(termCalendar([{ ...rows[0]!, midTerm: '2027-03-01' }], 'hk1')?.midTermEstimated).toBe(true)
    expect(termCalendar(rows.slice(0, 1), 'hk2')).toBeNull()
    expect(termCalendar(undefined, 'hk1')).toBeNull()
  })
})

describe('what a subject holds and when it is due', () => {
  it('THCS: TX, GK, CK; primary: the levels and the grade\'s periodic tests', () => {
    expect(progressKinds(toan6, 'hk1')).toEqual(['regular', 'midTerm', 'endTerm'])
    expect(progressKinds(gdtc6, 'hk1')).toEqual(['regular', 'midTerm', 'endTerm'])
    expect(progressKinds(toan4, 'hk1')).toEqual(['midTermLevel', 'midTermTest', 'endTermLevel', 'endTermTest'])
    expect(progressKinds(daoDuc4, 'hk2')).toEqual(['midTermLevel', 'endTermLevel'])
    // Grade 2 Toán: tests at the end of term I and of the year only.
    expect(progressKinds(toan2, 'hk1')).toEqual(['midTermLevel', 'endTermLevel', 'endTermTest'])
  })

  it('regular marks: half (rounded up) by mid-term, all by the term end', () => {
    expect(deadlinesOf(toan6, 'regular', hk1, [])).toEqual([{ date: '2026-11-07', perStudent: 2 }, { date: '2027-01-15', perStudent: 4 }])
    // 70 periods: 3 TX, 2 of them by mid-term.
    expect(deadlinesOf({ ...toan6, periodsPerYear: 70 }, 'regular', hk1, [])).toEqual([{ date: '2026-11-07', perStudent: 2 }, { date: '2027-01-15', perStudent: 3 }])
    // Comment subjects: 2 (Đ/CĐ), one by mid-term.
    expect(deadlinesOf(gdtc6, 'regular', hk1, [])).toEqual([{ date: '2026-11-07', perStudent: 1 }, { date: '2027-01-15', perStudent: 2 }])
    expect(deadlinesOf(congNghe6, 'regular', hk1, [])).toEqual([{ date: '2026-11-07', perStudent: 1 }, { date: '2027-01-15', perStudent: 2 }])
  })

  it('GK and CK: 14 days after the earliest test date recorded, else the term end', () => {
    const marks: MarkCells[] = [{ midTerm: { value: 7, date: '2026-11-05' } }, { midTerm: { value: 6, date: '2026-11-03' } }, { midTerm: { value: null, date: '2026-10-01' } }, {}]
    expect(testDate(marks, 'midTerm')).toBe('2026-11-03')
    expect(deadlinesOf(toan6, 'midTerm', hk1, marks)).toEqual([{ date: '2026-11-17', perStudent: 1 }])
    expect(deadlinesOf(toan6, 'endTerm', hk1, marks)).toEqual([{ date: '2027-01-15', perStudent: 1 }])
    expect(deadlinesOf(toan4, 'midTermTest', hk1, [])).toEqual([{ date: '2026-11-07', perStudent: 1 }])
    expect(deadlinesOf(toan4, 'endTermLevel', hk1, [])).toEqual([{ date: '2027-01-15', perStudent: 1 }])
  })
})

describe('progress of a class-subject', () => {
  const kind = (p: ReturnType<typeof classSubjectProgress>, k: string) => p.kinds.find((x) => x.kind === k)!

  it('before the mid-term nothing is late; the next deadline is the mid-term', () => {
    const p = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 3, marks: [{ regular: tx(1) }], asOf: '2026-10-20' })
    expect(kind(p, 'regular')).toEqual({ kind: 'regular', required: 12, entered: 1, due: 0, missing: 0, overdue: false, nextDeadline: '2026-11-07', finalDeadline: '2027-01-15' })
    expect(p).toMatchObject({ overdue: false, missing: 0, nextDeadline: '2026-11-07' })
  })

  it('the mid-term day itself is on time; from the next day half the TX are due, per student', () => {
    // Student 1 has all four TX, student 2 one, student 3 none: the first's extras do not cover the others.
    const marks: (MarkCells | null)[] = [{ regular: tx(4) }, { regular: [null, { value: 5, date: '2026-10-01' }] }, null]
    const onTheDay = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 3, marks, asOf: '2026-11-07' })
    expect(kind(onTheDay, 'regular')).toMatchObject({ entered: 5, due: 0, overdue: false, nextDeadline: '2026-11-07' })
    const after = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 3, marks, asOf: '2026-11-08' })
    expect(kind(after, 'regular')).toMatchObject({ required: 12, entered: 5, due: 6, missing: 3, overdue: true, nextDeadline: '2027-01-15' })
    // GK without a test date: due by the term end, not late yet.
    expect(kind(after, 'midTerm')).toMatchObject({ due: 0, overdue: false, nextDeadline: '2027-01-15' })
    expect(after).toMatchObject({ overdue: true, missing: 3 })
  })

  it('after the term end every cell is due; a complete class-subject has no next deadline', () => {
    const full: MarkCells = { regular: tx(4), midTerm: { value: 7, date: '2026-11-05' }, endTerm: { value: 8, date: '2027-01-05' } }
    const p = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 2, marks: [full, full], asOf: '2027-02-01' })
    expect(p).toEqual({ kinds: expect.any(Array), overdue: false, missing: 0, nextDeadline: null })
    expect(p.kinds.map((k) => [k.kind, k.entered, k.due, k.required])).toEqual([['regular', 8, 8, 8], ['midTerm', 2, 2, 2], ['endTerm', 2, 2, 2]])
    const missingOne = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 3, marks: [full, full], asOf: '2027-02-01' })
    expect(missingOne.kinds.map((k) => [k.kind, k.missing])).toEqual([['regular', 4], ['midTerm', 1], ['endTerm', 1]])
  })

  it('a recorded GK date makes the GK due 14 days later', () => {
    const marks: MarkCells[] = [{ midTerm: { value: 7, date: '2026-11-02' } }, {}]
    const before = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 2, marks, asOf: '2026-11-16' })
    expect(kind(before, 'midTerm')).toMatchObject({ due: 0, nextDeadline: '2026-11-16' })
    const late = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: hk1, students: 2, marks, asOf: '2026-11-17' })
    expect(kind(late, 'midTerm')).toMatchObject({ entered: 1, due: 2, missing: 1, overdue: true, nextDeadline: null })
  })

  it('primary: the mid-term level and test by mid-term, the end ones by the term end', () => {
    const marks: MarkCells[] = [{ midTermLevel: 'HT', midTermTest: 8 }, { midTermLevel: 'HTT' }]
    const p = classSubjectProgress({ subject: toan4, term: 'hk1', calendar: hk1, students: 2, marks, asOf: '2026-11-20' })
    expect(p.kinds.map((k) => [k.kind, k.entered, k.due, k.missing])).toEqual([['midTermLevel', 2, 2, 0], ['midTermTest', 1, 2, 1], ['endTermLevel', 0, 0, 0], ['endTermTest', 0, 0, 0]])
    expect(p).toMatchObject({ overdue: true, missing: 1, nextDeadline: '2027-01-15' })
  })

  it('without term dates nothing is due', () => {
    const p = classSubjectProgress({ subject: toan6, term: 'hk1', calendar: null, students: 2, marks: [], asOf: '2027-06-01' })
    expect(p).toMatchObject({ overdue: false, missing: 0, nextDeadline: null })
    expect(kind(p, 'regular')).toMatchObject({ required: 8, due: 0, finalDeadline: null })
  })
})
