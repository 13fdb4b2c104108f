import type { DisclosureGroup } from '@truongso/snapshot'

import { addDays, calendarDay } from '../calendar/days.ts'
import { addWorkingDays } from '../calendar/workingDays.ts'

type ID = number | string

/** Which rule of Circular 09/2024 a deadline comes from. */
export type DisclosureRule = 'yearly' | 'monthly' | 'weekly' | 'change'

/** One required disclosure and where the school stands; `late`: published, but after its deadline. */
export type DisclosureStatus = {
  group: DisclosureGroup
  rule: DisclosureRule
  due: string
  status: 'published' | 'missing' | 'overdue' | 'late'
  /** The change rule names its disclosure. */
  disclosure?: { id: ID; title: string; changedOn: string }
}

/** A published disclosure of the year, as the tracker reads it. */
export type PublishedDisclosure = { id?: ID; title?: string; group: DisclosureGroup; periodStart?: string | null; changedOn?: string | null; publishedDate?: string | null }

/** A change not published yet: the latest draft names a `changedOn` its published version does not have. */
export type PendingChange = { id: ID; title: string; group: DisclosureGroup; changedOn: string }

const YEARLY: DisclosureGroup[] = ['general', 'finance', 'quality', 'plan-results', 'annual-report']

/** A change is published within this many working days (Circular 09/2024). */
export const CHANGE_WORKING_DAYS = 10

/** Saturday before the Monday-started week that contains `date`. */
function saturdayBeforeWeekOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const day = (d.getUTCDay() + 6) % 7 // Monday = 0
  d.setUTCDate(d.getUTCDate() - day - 2)
  return d
}

const firstOfMonth = (day: string, months: number): string => {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 + months, 1))
  return d.toISOString().slice(0, 10)
}

/**
 * Circular 09/2024 deadlines, *interpretation* (docs/domain.md § Public disclosure):
 * - each yearly group of school year Y–(Y+1) by 30 June of Y+1;
 * - preschools: each month's plan by the 25th of the month before (this month's and next month's
 *   are checked), and next week's plan and menu by the Saturday before that week;
 * - any change of a disclosed fact published within 10 working days of the change (`changedOn`;
 *   working days skip weekends and public holidays, calendar/workingDays.ts).
 */
export function disclosureStatuses(args: {
  schoolYear: string
  isPreschool: boolean
  published: PublishedDisclosure[]
  pendingChanges?: PendingChange[]
  holidays?: ReadonlySet<string>
  today: Date
}): DisclosureStatus[] {
  const endYear = Number(args.schoolYear.split('-')[1])
  const yearlyDue = new Date(Date.UTC(endYear, 5, 30, 23, 59, 59))
  const statuses: DisclosureStatus[] = YEARLY.map((group) => {
    const done = args.published.some((p) => p.group === group)
    return { group, rule: 'yearly', due: yearlyDue.toISOString().slice(0, 10), status: done ? 'published' : args.today > yearlyDue ? 'overdue' : 'missing' }
  })
  const today = calendarDay(args.today)!
  if (args.isPreschool) {
    for (const months of [0, 1]) {
      const month = firstOfMonth(today, months)
      const due = addDays(firstOfMonth(today, months - 1), 24) // the 25th of the month before
      const done = args.published.some((p) => p.group === 'preschool-monthly' && calendarDay(p.periodStart) === month)
      statuses.push({ group: 'preschool-monthly', rule: 'monthly', due, status: done ? 'published' : today > due ? 'overdue' : 'missing' })
    }
    const nextMonday = new Date(Date.UTC(args.today.getUTCFullYear(), args.today.getUTCMonth(), args.today.getUTCDate()))
    nextMonday.setUTCDate(nextMonday.getUTCDate() + ((8 - nextMonday.getUTCDay()) % 7 || 7))
    const due = saturdayBeforeWeekOf(nextMonday)
    const done = args.published.some((p) => p.group === 'preschool-weekly' && p.periodStart?.slice(0, 10) === nextMonday.toISOString().slice(0, 10))
    const endOfDue = new Date(due.getTime() + 24 * 60 * 60 * 1000 - 1)
    statuses.push({ group: 'preschool-weekly', rule: 'weekly', due: due.toISOString().slice(0, 10), status: done ? 'published' : args.today > endOfDue ? 'overdue' : 'missing' })
  }
  const holidays = args.holidays ?? new Set<string>()
  for (const p of args.published) {
    const changedOn = calendarDay(p.changedOn)
    if (!changedOn || p.id === undefined) continue
    const due = addWorkingDays(changedOn, CHANGE_WORKING_DAYS, holidays)
    const on = calendarDay(p.publishedDate) ?? today
    statuses.push({ group: p.group, rule: 'change', due, status: on <= due ? 'published' : 'late', disclosure: { id: p.id, title: p.title ?? '', changedOn } })
  }
  for (const c of args.pendingChanges ?? []) {
    const due = addWorkingDays(c.changedOn, CHANGE_WORKING_DAYS, holidays)
    statuses.push({ group: c.group, rule: 'change', due, status: today > due ? 'overdue' : 'missing', disclosure: { id: c.id, title: c.title, changedOn: c.changedOn } })
  }
  return statuses
}
