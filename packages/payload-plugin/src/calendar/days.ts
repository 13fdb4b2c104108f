/**
 * Calendar days of the school, one module for all of them (timetable, plans, attendance, class log,
 * the gradebook's deadlines): `YYYY-MM-DD` text, in UTC arithmetic (no time zone can shift a day);
 * a stored instant read back as the day it is in Vietnam (calendarDay).
 */

const DAY_MS = 86_400_000
const VIETNAM_OFFSET_MS = 7 * 3_600_000
const YMD = /^(\d{4})-(\d{2})-(\d{2})$/

/** A `YYYY-MM-DD` that is a real calendar day, or null. */
export function parseDay(value: unknown): string | null {
  if (typeof value !== 'string' || !YMD.test(value)) return null
  const date = new Date(`${value}T00:00:00.000Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null
}

/** A real calendar day written YYYY-MM-DD (zod refinements, request checks). */
export const isDay = (value: unknown): value is string => parseDay(value) !== null

/**
 * The calendar day in Vietnam (UTC+7, no daylight saving) of a stored date: a date picked in the
 * admin as 5 September is stored as that day's midnight or noon in the browser's zone (17:00Z the
 * day before from Vietnam); either reads back as 5 September. A `YYYY-MM-DD` is taken as it is.
 */
export function calendarDay(value: unknown): string | null {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  if (typeof value === 'string' && YMD.test(value)) return value
  const time = value instanceof Date ? value.getTime() : Date.parse(value)
  if (Number.isNaN(time)) return null
  return new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 10)
}

/** Today, or the day of an instant, in Vietnam. */
export const vietnamDay = (value: string | Date = new Date()): string => calendarDay(value) ?? ''

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

/** "HH:mm dd/mm/yyyy" of an instant in Vietnam, whatever the browser's or server's time zone. */
export function displayDateTime(value: string | Date): string {
  const at = new Date(new Date(value).getTime() + 7 * 3_600_000).toISOString()
  return `${at.slice(11, 16)} ${displayDay(at.slice(0, 10))}`
}

/** The school year a day belongs to (September to May; August opens the next one). */
export function schoolYearOfDay(day: string): string {
  const year = Number(day.slice(0, 4))
  const start = Number(day.slice(5, 7)) >= 8 ? year : year - 1
  return `${start}-${start + 1}`
}
