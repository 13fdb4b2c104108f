/** Calendar days as the timetable counts them: `YYYY-MM-DD`, in UTC arithmetic (no time zone can shift a day). */

const DAY_MS = 86_400_000
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/

/** A `YYYY-MM-DD` that is a real calendar day, or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string' || !YMD.test(value)) return null
  const date = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null
}

/** The calendar day of a stored date (ISO string or Date), or of a `YYYY-MM-DD`; null when it is none. */
export function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10)
  if (typeof value !== 'string') return null
  const plain = parseDay(value.slice(0, 10))
  if (plain && value.length === 10) return plain
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)
}

/** How the timetable stores a day in a date field: midnight UTC, so stored values compare as strings. */
export const storedDay = (day: string): string => `${day}T00:00:00.000Z`

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The Monday of the week containing `day`. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay() // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7))
}

/** The timetable's day number of a date: 2 = Thứ 2 (Monday) … 7 = Thứ 7 (Saturday), 8 = Chủ nhật. */
export function dayNumberOf(day: string): number {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay()
  return weekday === 0 ? 8 : weekday + 1
}

/** dd/mm/yyyy, as Vietnamese documents write a date. */
export const displayDay = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`

/** The school year a day belongs to (September to May; August opens the next one). */
export function schoolYearOfDay(day: string): string {
  const year = Number(day.slice(0, 4))
  const start = Number(day.slice(5, 7)) >= 8 ? year : year - 1
  return `${start}-${start + 1}`
}
