import { addDays } from './days.ts'

/**
 * Working days (Circular 09/2024: "a change is published within 10 working days"): Monday to
 * Friday, minus the public holidays. The fixed-date ones are the Labour Code's (2019, Art. 112):
 * 1/1, 30/4, 1/5 and 2/9 with the day before it (the Code says one day before or after; the
 * government has chosen 1/9 in recent years). Tết and the Hùng Kings' day follow the lunar calendar
 * and the government's yearly decision, so they come from the district's list (the global
 * `public-holidays`), never from code.
 */
export const FIXED_PUBLIC_HOLIDAYS = ['01-01', '04-30', '05-01', '09-01', '09-02'] as const

/** Every holiday of the years around `day` (fixed ones) plus the listed days (YYYY-MM-DD). */
export function holidaysAround(day: string, listed: readonly string[]): Set<string> {
  const year = Number(day.slice(0, 4))
  const fixed = [year - 1, year, year + 1].flatMap((y) => FIXED_PUBLIC_HOLIDAYS.map((md) => `${y}-${md}`))
  return new Set([...fixed, ...listed])
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !holidays.has(day)
}

/** The `count`-th working day after `day` (the day itself does not count, as a legal period runs from the next day). */
export function addWorkingDays(day: string, count: number, holidays: ReadonlySet<string>): string {
  let current = day
  for (let left = count; left > 0; ) {
    current = addDays(current, 1)
    if (isWorkingDay(current, holidays)) left -= 1
  }
  return current
}
