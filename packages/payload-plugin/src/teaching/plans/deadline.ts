import { z } from 'zod'

/**
 * When a teacher's weekly teaching plan is due (issue 14 item 3), from a per-school rule:
 * - `before-first-period` (the default, seed 001 Art. 8.b): the week's Monday, at the time period 1 starts;
 * - `days-before` (seed 004: "10 days before the week", department plans 16): that many days before
 *   the Monday, at the same time of day (so `days: 0` is the default rule).
 * Times are Vietnam's (Asia/Ho_Chi_Minh, UTC+7 all year: no daylight saving), returned as ISO instants.
 */

export const DEFAULT_FIRST_PERIOD_TIME = '07:00'

export const planDeadlineRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('before-first-period') }),
  z.object({ kind: z.literal('days-before'), days: z.number().int().min(0).max(60) }),
])
export type PlanDeadlineRule = z.infer<typeof planDeadlineRuleSchema>
export const DEFAULT_PLAN_DEADLINE_RULE: PlanDeadlineRule = { kind: 'before-first-period' }

const VIETNAM_OFFSET_HOURS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The Monday (UTC midnight) of the week containing `value`: a calendar day `YYYY-MM-DD` or a Date
 * stored as the timetable stores days (midnight UTC, its UTC date is the day); null when it is none.
 */
function mondayOf(value: string | Date): Date | null {
  let date: Date
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    date = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()))
  } else {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
    if (!match) return null
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  }
  // Sunday (0) belongs to the week that started six days before, as in the timetable.
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS)
}

/**
 * The deadline of the plan of the week containing `weekStart` (its Monday, or any day of it), period 1
 * starting at `firstPeriodTime` (`HH:MM`, Vietnam time). Throws a RangeError for a malformed
 * input: a caller passes what the timetable and the school's settings hold.
 */
export function planDeadline(weekStart: string | Date, rule: PlanDeadlineRule = DEFAULT_PLAN_DEADLINE_RULE, firstPeriodTime: string = DEFAULT_FIRST_PERIOD_TIME): string {
  const monday = mondayOf(weekStart)
  if (!monday) throw new RangeError(`weekStart must be a date YYYY-MM-DD, got ${String(weekStart)}`)
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(firstPeriodTime)
  if (!time) throw new RangeError(`firstPeriodTime must be HH:MM, got ${firstPeriodTime}`)
  const parsed = planDeadlineRuleSchema.parse(rule)
  const daysBefore = parsed.kind === 'days-before' ? parsed.days : 0
  const local = monday.getTime() - daysBefore * DAY_MS + (Number(time[1]) - VIETNAM_OFFSET_HOURS) * 60 * 60 * 1000 + Number(time[2]) * 60 * 1000
  return new Date(local).toISOString()
}

const instant = (value: string | Date): number => (value instanceof Date ? value.getTime() : Date.parse(value))

/** Late: submitted after the deadline, or not submitted and the deadline has passed. At the deadline itself is on time. */
export function isLate(submittedAt: string | Date | null | undefined, deadline: string | Date, now: string | Date = new Date()): boolean {
  const due = instant(deadline)
  if (Number.isNaN(due)) throw new RangeError('deadline must be an instant')
  if (submittedAt === null || submittedAt === undefined) return instant(now) > due
  return instant(submittedAt) > due
}
