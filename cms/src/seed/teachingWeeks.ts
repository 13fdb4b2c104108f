import { addDays, mondayOf } from '@truongso/payload-plugin'

/**
 * Which weeks the teaching day's demo covers (plans, attendance, class logs): the two weeks (Monday
 * to Saturday) that end with the last complete week before today, so a demo opened today finds last
 * week's plans and logs; the first two complete weeks of term I when fewer have passed (term I not
 * started yet, or just started); the last two of term I once it is over. `next` is the week after
 * (today's week in the usual case).
 */
export function seededWeeks({ from, termEnd, today }: { from: string; termEnd: string; today: string }): { earlier: string; latest: string; next: string } {
  // A complete week: its Monday is on or after the first day (term start, the students' enrolment), its Saturday by the term's end.
  let first = mondayOf(from)
  if (first < from) first = addDays(first, 7)
  let last = mondayOf(termEnd)
  if (addDays(last, 5) > termEnd) last = addDays(last, -7)
  let latest = addDays(mondayOf(today), -7)
  if (latest > last) latest = last
  if (addDays(latest, -7) < first) latest = addDays(first, 7)
  return { earlier: addDays(latest, -7), latest, next: addDays(latest, 7) }
}

/** An instant given as a day and a time of day in Vietnam (UTC+7, no daylight saving), ISO. */
export const vietnamTime = (day: string, time: string): string => new Date(`${day}T${time}:00.000+07:00`).toISOString()
