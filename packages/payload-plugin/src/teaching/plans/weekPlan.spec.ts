import { describe, expect, it } from 'vitest'

import type { WeekSlot } from '../timetable/index.ts'
import { generateWeekPlan, planSlotKey, type PlanSlot, type SyllabusLessons } from './weekPlan.ts'

const lessons = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => ({ number: i + 1, title: `${prefix} ${i + 1}`, chapter: i < 3 ? 'Chương I' : null }))
const syllabi: SyllabusLessons[] = [
  { subjectName: 'Toán', grade: 6, lessons: lessons(8, 'Toán 6 bài') },
  { subjectName: 'Toán', grade: 7, lessons: lessons(8, 'Toán 7 bài') },
]
const c61 = { id: 61, name: '6/1', grade: 6 }
const c62 = { id: 62, name: '6/2', grade: 6 }
const c71 = { id: 71, name: '7/1', grade: 7 }

const slot = (date: string, day: number, session: PlanSlot['session'], period: number, klass: typeof c61, subject: string, assignment: number): PlanSlot => ({
  date,
  day,
  session,
  period,
  class: klass,
  subject: { id: 1, name: subject },
  teachingAssignment: { id: assignment },
  room: { id: 9, name: 'P.101' },
})

describe('generateWeekPlan', () => {
  it('continues across the week boundary: 3 periods this week after lesson 4 get lessons 5, 6, 7', () => {
    const { rows, last } = generateWeekPlan({
      slots: [slot('2026-11-09', 2, 'morning', 1, c61, 'Toán', 100), slot('2026-11-11', 4, 'morning', 3, c61, 'Toán', 100), slot('2026-11-13', 6, 'afternoon', 2, c61, 'Toán', 100)],
      syllabi,
      previous: { '100': 4 },
    })
    expect(rows.map((r) => [r.lessonNumber, r.lessonTitle])).toEqual([
      [5, 'Toán 6 bài 5'],
      [6, 'Toán 6 bài 6'],
      [7, 'Toán 6 bài 7'],
    ])
    expect(rows.every((r) => r.missing === null)).toBe(true)
    expect(last).toEqual({ '100': 7 })
    // The next week continues from `last`.
    const next = generateWeekPlan({ slots: [slot('2026-11-16', 2, 'morning', 1, c61, 'Toán', 100)], syllabi, previous: last })
    expect(next.rows[0]).toMatchObject({ lessonNumber: 8, lessonTitle: 'Toán 6 bài 8' })
  })

  it('keeps a hand-set lesson number for its slot, the later periods of that class continuing from it', () => {
    const monday = slot('2026-11-09', 2, 'morning', 1, c61, 'Toán', 100)
    const { rows, last } = generateWeekPlan({
      slots: [monday, slot('2026-11-09', 2, 'morning', 2, c62, 'Toán', 200), slot('2026-11-10', 3, 'morning', 1, c61, 'Toán', 100)],
      syllabi,
      previous: { '100': 2, '200': 2 },
      adjusted: new Map([[planSlotKey(monday), 5]]),
    })
    expect(planSlotKey(monday)).toBe('2026-11-09|morning|1|100')
    expect(rows.map((r) => [r.className, r.lessonNumber, r.lessonTitle])).toEqual([
      ['6/1', 5, 'Toán 6 bài 5'],
      ['6/2', 3, 'Toán 6 bài 3'],
      ['6/1', 6, 'Toán 6 bài 6'],
    ])
    expect(last).toEqual({ '100': 6, '200': 3 })
  })

  it('starts at lesson 1 without a previous week, and reads the chapter', () => {
    const { rows } = generateWeekPlan({ slots: [slot('2026-09-07', 2, 'morning', 2, c61, 'Toán', 100)], syllabi, previous: {} })
    expect(rows[0]).toMatchObject({ lessonNumber: 1, lessonTitle: 'Toán 6 bài 1', chapter: 'Chương I', classId: 61, className: '6/1', subjectName: 'Toán', grade: 6, teachingAssignment: 100 })
  })

  it('two classes of the same subject continue independently', () => {
    const { rows, last } = generateWeekPlan({
      slots: [
        slot('2026-11-09', 2, 'morning', 1, c61, 'Toán', 100),
        slot('2026-11-09', 2, 'morning', 2, c62, 'Toán', 200),
        slot('2026-11-10', 3, 'morning', 1, c62, 'Toán', 200),
        slot('2026-11-10', 3, 'morning', 2, c61, 'Toán', 100),
      ],
      syllabi,
      previous: new Map([[100, 2], [200, 5]]),
    })
    expect(rows.map((r) => [r.className, r.lessonNumber])).toEqual([
      ['6/1', 3],
      ['6/2', 6],
      ['6/2', 7],
      ['6/1', 4],
    ])
    expect(last).toEqual({ '100': 4, '200': 7 })
  })

  it('reads the PPCT of the slot’s grade', () => {
    const { rows } = generateWeekPlan({ slots: [slot('2026-11-09', 2, 'morning', 1, c71, 'toán', 300)], syllabi, previous: {} })
    expect(rows[0]).toMatchObject({ lessonNumber: 1, lessonTitle: 'Toán 7 bài 1', grade: 7 })
  })

  it('a subject without a PPCT gets no lesson and a flag; others are unaffected', () => {
    const { rows, last } = generateWeekPlan({
      slots: [slot('2026-11-09', 2, 'morning', 1, c61, 'Ngữ văn', 400), slot('2026-11-09', 2, 'morning', 2, c61, 'Toán', 100)],
      syllabi,
      previous: { '400': 3 },
    })
    expect(rows[0]).toMatchObject({ subjectName: 'Ngữ văn', lessonNumber: null, lessonTitle: null, missing: 'no-syllabus' })
    expect(rows[1]).toMatchObject({ subjectName: 'Toán', lessonNumber: 1, missing: null })
    expect(last).toEqual({ '400': 3, '100': 1 })
  })

  it('an exhausted PPCT gives no lesson and a flag, and stops the count at its last lesson', () => {
    const { rows, last } = generateWeekPlan({
      slots: [slot('2026-11-09', 2, 'morning', 1, c61, 'Toán', 100), slot('2026-11-10', 3, 'morning', 1, c61, 'Toán', 100), slot('2026-11-11', 4, 'morning', 1, c61, 'Toán', 100)],
      syllabi,
      previous: { '100': 7 },
    })
    expect(rows.map((r) => [r.lessonNumber, r.missing])).toEqual([
      [8, null],
      [null, 'syllabus-exhausted'],
      [null, 'syllabus-exhausted'],
    ])
    expect(last).toEqual({ '100': 8 })
  })

  it('orders rows by date, morning before afternoon, then period, whatever the input order', () => {
    const { rows } = generateWeekPlan({
      slots: [
        slot('2026-11-10', 3, 'morning', 1, c61, 'Toán', 100),
        slot('2026-11-09', 2, 'afternoon', 1, c62, 'Toán', 200),
        slot('2026-11-09', 2, 'morning', 4, c61, 'Toán', 100),
        slot('2026-11-09', 2, 'morning', 2, c62, 'Toán', 200),
      ],
      syllabi,
      previous: {},
    })
    expect(rows.map((r) => `${r.date} ${r.session} ${r.period} ${r.className}#${r.lessonNumber}`)).toEqual([
      '2026-11-09 morning 2 6/2#1',
      '2026-11-09 morning 4 6/1#1',
      '2026-11-09 afternoon 1 6/2#2',
      '2026-11-10 morning 1 6/1#2',
    ])
  })

  it('takes the timetable’s slots as they are, the grade from the subject ids', () => {
    // Compile-time: the timetable's WeekSlot is a PlanSlot (pnpm typecheck fails otherwise).
    const fromTimetable: WeekSlot = {
      date: '2026-11-09',
      day: 2,
      session: 'morning',
      period: 1,
      slot: 1,
      timetable: 1,
      schoolYear: '2026-2027',
      term: 'hk1',
      teachingAssignment: 100,
      class: { id: 61, name: '6/1' },
      subject: { id: 5, name: 'Toán' },
      teacher: { id: 7, name: 'Hoàng Thị Giáo' },
      room: 'P.101',
    }
    const asPlanSlot: PlanSlot = fromTimetable
    const { rows } = generateWeekPlan({ slots: [asPlanSlot], syllabi, previous: { '100': 2 }, subjectGrades: { '5': 7 } })
    expect(rows[0]).toMatchObject({ grade: 7, lessonNumber: 3, lessonTitle: 'Toán 7 bài 3', room: 'P.101', className: '6/1' })
  })
})
