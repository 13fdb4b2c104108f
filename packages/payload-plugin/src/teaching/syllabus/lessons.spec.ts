import { describe, expect, it } from 'vitest'

import { checkLessons } from './lessons.ts'

describe('checkLessons', () => {
  it('accepts 1…n in any order, trims, defaults periods to 1 and sorts by number', () => {
    const result = checkLessons([
      { number: 2, title: ' Cách ghi số tự nhiên ', chapter: '' },
      { number: 1, title: 'Tập hợp', chapter: 'Chương I', periods: 2, id: 'row-a' },
    ])
    expect(result).toEqual({
      ok: true,
      lessons: [
        { number: 1, title: 'Tập hợp', chapter: 'Chương I', periods: 2, id: 'row-a' },
        { number: 2, title: 'Cách ghi số tự nhiên', chapter: null, periods: 1 },
      ],
    })
  })

  it('accepts an empty PPCT (filled in later)', () => {
    expect(checkLessons([])).toEqual({ ok: true, lessons: [] })
  })

  it('names the row of a repeat and the row it repeats', () => {
    const result = checkLessons([{ number: 1, title: 'A' }, { number: 2, title: 'B' }, { number: 2, title: 'C' }])
    expect(result).toEqual({ ok: false, issues: [{ index: 2, field: 'number', key: 'syllabus.repeated-number', vars: { number: 2, first: 2 } }] })
  })

  it('reports a gap on the row after it, with the missing numbers', () => {
    const result = checkLessons([{ number: 1, title: 'A' }, { number: 5, title: 'B' }, { number: 2, title: 'C' }])
    expect(result).toEqual({ ok: false, issues: [{ index: 1, field: 'number', key: 'syllabus.gap', vars: { number: 5, missing: '3–4' } }] })
    expect(checkLessons([{ number: 2, title: 'A' }])).toMatchObject({ ok: false, issues: [{ index: 0, key: 'syllabus.gap', vars: { number: 2, missing: '1' } }] })
  })

  it('refuses empty titles, bad numbers and bad periods, one issue per cell', () => {
    const result = checkLessons([{ number: 1, title: '  ' }, { number: 2.5, title: 'B' }, { number: 3, title: 'C', periods: 0 }, { title: 'D' }])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.index, i.field, i.key])).toEqual([
      [0, 'title', 'syllabus.missing-title'],
      [1, 'number', 'syllabus.bad-number'],
      [2, 'periods', 'syllabus.bad-periods'],
      [3, 'number', 'syllabus.bad-number'],
    ])
  })

  it('counts the number of a row with another bad cell: no false gap after it', () => {
    expect(checkLessons([{ number: 1, title: 'A' }, { number: 2, title: '' }, { number: 3, title: 'C' }])).toEqual({
      ok: false,
      issues: [{ index: 1, field: 'title', key: 'syllabus.missing-title', vars: { max: 300 } }],
    })
  })
})
