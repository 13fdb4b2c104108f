import type { PayloadRequest } from 'payload'

import { relationId } from '../../roles.ts'

/**
 * Calendar days of the school: `YYYY-MM-DD` text, a day in Vietnam (no time zone to get wrong),
 * Monday to Saturday; the term a day falls in comes from the school's `school-years` document.
 */

export const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY.test(value)) return false
  const parsed = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value)
}

/** 1 = Monday … 7 = Sunday. */
export const weekdayOf = (day: string) => ((new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7) + 1

/** The school year a day belongs to: August opens the next one (as website/schoolYear.ts). */
export function schoolYearOfDay(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number]
  const start = month >= 8 ? year : year - 1
  return `${start}-${start + 1}`
}

const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' })

/** The day in Vietnam of a stored date (the admin's date picker stores local midnight, i.e. 17:00Z the day before). */
export const vietnamDay = (value: string | Date) => VIETNAM_DAY.format(new Date(value))

type TermRow = { term?: string; start?: string | null; end?: string | null }

/** The term (hk1/hk2) of the school's year that holds the day, or null outside both. */
export async function termOfDay(req: PayloadRequest, school: unknown, schoolYear: string, day: string): Promise<'hk1' | 'hk2' | null> {
  const found = await req.payload.db.findOne({
    collection: 'school-years',
    where: { and: [{ school: { equals: relationId(school) } }, { name: { equals: schoolYear } }] },
    req,
  })
  const terms = ((found as { terms?: TermRow[] } | null)?.terms ?? []) as TermRow[]
  for (const row of terms) {
    if (!row.start || !row.end || (row.term !== 'hk1' && row.term !== 'hk2')) continue
    if (vietnamDay(row.start) <= day && day <= vietnamDay(row.end)) return row.term
  }
  return null
}
