import { z } from 'zod'

import type { MessageKey } from '../../translations/index.ts'

/**
 * The lessons of a PPCT (phân phối chương trình): tiết 1…n, each with a title, an optional chapter
 * or topic and its number of periods. One check for every path (the save hook, the Excel import):
 * each row's shape (zod), then the numbering — every number 1…n exactly once, in any order.
 */

export type Lesson = { number: number; title: string; chapter?: string | null; periods: number }
export type LessonField = 'number' | 'title' | 'chapter' | 'periods'
/** A problem of one row (`index` in the list as given), its message a catalogue key. */
export type LessonIssue = { index: number; field: LessonField; key: MessageKey; vars?: Record<string, string | number> }

export const MAX_TITLE_LENGTH = 300
export const MAX_PERIODS_PER_LESSON = 10

const emptyToNull = (value: unknown) => (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value)

// Issue messages are catalogue keys; the caller spells them out in the request's language.
const lessonSchema = z.object({
  number: z.number({ error: 'syllabus.bad-number' }).int({ error: 'syllabus.bad-number' }).min(1, { error: 'syllabus.bad-number' }),
  title: z.string({ error: 'syllabus.missing-title' }).trim().min(1, { error: 'syllabus.missing-title' }).max(MAX_TITLE_LENGTH, { error: 'syllabus.title-too-long' }),
  chapter: z.preprocess(emptyToNull, z.string({ error: 'syllabus.chapter-too-long' }).trim().max(MAX_TITLE_LENGTH, { error: 'syllabus.chapter-too-long' }).nullable()),
  periods: z.preprocess(
    (value) => emptyToNull(value) ?? 1,
    z.number({ error: 'syllabus.bad-periods' }).int({ error: 'syllabus.bad-periods' }).min(1, { error: 'syllabus.bad-periods' }).max(MAX_PERIODS_PER_LESSON, { error: 'syllabus.bad-periods' }),
  ),
})

/** `3-4`, or `3` for a single missing number. */
const span = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`)

/**
 * Checks a list of lessons as sent (unknown shapes included). Returns the lessons normalised
 * (trimmed, periods defaulted, sorted by number) when there is no issue, and every issue otherwise.
 */
export function checkLessons(input: readonly unknown[]): { ok: true; lessons: (Lesson & { id?: string })[] } | { ok: false; issues: LessonIssue[] } {
  const issues: LessonIssue[] = []
  const good: (Lesson & { id?: string })[] = []
  // Every valid number takes part in the numbering, even on a row with another bad cell: no false gap.
  const numbered: { index: number; number: number }[] = []
  input.forEach((row, index) => {
    const parsed = lessonSchema.safeParse(row ?? {})
    if (!parsed.success) {
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'number') as LessonField
        if (seen.has(field)) continue
        seen.add(field)
        issues.push({ index, field, key: issue.message as MessageKey, vars: { max: field === 'periods' ? MAX_PERIODS_PER_LESSON : MAX_TITLE_LENGTH } })
      }
      const number = lessonSchema.shape.number.safeParse((row as { number?: unknown } | null)?.number)
      if (!seen.has('number') && number.success) numbered.push({ index, number: number.data })
      return
    }
    // Payload's array rows carry an id: kept so a save updates the rows rather than replacing them.
    const id = row && typeof row === 'object' && typeof (row as { id?: unknown }).id === 'string' ? (row as { id: string }).id : undefined
    good.push({ ...parsed.data, ...(id ? { id } : {}) })
    numbered.push({ index, number: parsed.data.number })
  })
  const firstRowOf = new Map<number, number>()
  for (const { index, number } of numbered) {
    const first = firstRowOf.get(number)
    if (first === undefined) firstRowOf.set(number, index)
    else issues.push({ index, field: 'number', key: 'syllabus.repeated-number', vars: { number, first: first + 1 } })
  }
  // A gap is reported on the row of the number after it: "tiết 5, but 3–4 are missing". Not while
  // some number is unreadable: fixing that row may fill the gap.
  const numbers = issues.some((issue) => issue.key === 'syllabus.bad-number') ? [] : [...firstRowOf.keys()].sort((a, b) => a - b)
  numbers.forEach((number, i) => {
    const before = i === 0 ? 0 : numbers[i - 1]!
    if (number > before + 1) issues.push({ index: firstRowOf.get(number)!, field: 'number', key: 'syllabus.gap', vars: { number, missing: span(before + 1, number - 1) } })
  })
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.index - b.index) }
  return { ok: true, lessons: good.sort((a, b) => a.number - b.number) }
}
