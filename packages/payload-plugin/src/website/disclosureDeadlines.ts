import type { DisclosureGroup } from '@truongso/snapshot'

/** One required disclosure group for a school year, and where the school stands. */
export type DisclosureStatus = {
  group: DisclosureGroup
  due: string
  status: 'published' | 'missing' | 'overdue'
}

const YEARLY: DisclosureGroup[] = ['general', 'finance', 'quality', 'plan-results', 'annual-report']

/** Saturday before the Monday-started week that contains `date`. */
function saturdayBeforeWeekOf(date: Date): Date {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
  const day = (d.getUTCDay() + 6) % 7 // Monday = 0
  d.setUTCDate(d.getUTCDate() - day - 2)
  return d
}

/**
 * Circular 09/2024 deadlines, *interpretation* (docs/domain.md § Public disclosure): each yearly group of school year
 * Y–(Y+1) is due by 30 June of Y+1; preschools also publish next week's plan and menu by the Saturday
 * before that week. Returns every group with its due date and status.
 */
export function disclosureStatuses(args: {
  schoolYear: string
  isPreschool: boolean
  published: { group: DisclosureGroup; periodStart?: string | null }[]
  today: Date
}): DisclosureStatus[] {
  const endYear = Number(args.schoolYear.split('-')[1])
  const yearlyDue = new Date(Date.UTC(endYear, 5, 30, 23, 59, 59))
  const statuses: DisclosureStatus[] = YEARLY.map((group) => {
    const done = args.published.some((p) => p.group === group)
    return {
      group,
      due: yearlyDue.toISOString().slice(0, 10),
      status: done ? 'published' : args.today > yearlyDue ? 'overdue' : 'missing',
    }
  })
  if (args.isPreschool) {
    const nextMonday = new Date(Date.UTC(args.today.getUTCFullYear(), args.today.getUTCMonth(), args.today.getUTCDate()))
    nextMonday.setUTCDate(nextMonday.getUTCDate() + ((8 - nextMonday.getUTCDay()) % 7 || 7))
    const due = saturdayBeforeWeekOf(nextMonday)
    const done = args.published.some((p) => p.group === 'preschool-weekly' && p.periodStart?.slice(0, 10) === nextMonday.toISOString().slice(0, 10))
    const endOfDue = new Date(due.getTime() + 24 * 60 * 60 * 1000 - 1)
    statuses.push({ group: 'preschool-weekly', due: due.toISOString().slice(0, 10), status: done ? 'published' : args.today > endOfDue ? 'overdue' : 'missing' })
  }
  return statuses
}
