import type { PayloadRequest } from 'payload'

import { addDays, mondayOf, vietnamDay } from '../../calendar/days.ts'
import { relationId } from '../../roles.ts'
import { classWeek } from '../timetable/week.ts'
import { namesOf, uniqueIds } from './periodAbsences.ts'
import { CLASS_LOGS_SLUG } from './slugs.ts'

type ID = number | string
type Doc = Record<string, unknown>

export type WeekPeriod = { date: string; session: 'morning' | 'afternoon'; period: number; subject: string; teacher: string; signed: boolean }
export type ClassLogWeekSummary = {
  weekStart: string
  weekEnd: string
  days: { date: string; periods: number; signed: number }[]
  /** Periods up to today nobody has signed. */
  unsigned: WeekPeriod[]
  /** Periods of the days after today (not due yet). */
  upcoming: number
}

const sessionOrder = (s: string) => (s === 'afternoon' ? 1 : 0)

/**
 * A class's log over Monday–Saturday, as the homeroom teacher checks it before closing the week and
 * the board reads it: per day the periods and how many are signed, and every unsigned period with
 * its subject and teacher. A day whose log nobody has opened yet counts its timetable's periods as
 * unsigned (the log is made from the timetable on first read). Days after today are not due yet:
 * they are counted apart, not listed as unsigned.
 */
export async function classLogWeekSummary(req: PayloadRequest, classId: ID, day: string): Promise<ClassLogWeekSummary> {
  const monday = mondayOf(day)
  const dates = Array.from({ length: 6 }, (_, i) => addDays(monday, i))
  const [week, logs] = await Promise.all([
    classWeek(req, classId, monday),
    req.payload.db.find({ collection: CLASS_LOGS_SLUG, where: { and: [{ class: { equals: classId } }, { date: { in: dates } }] }, pagination: false, limit: 0, req }),
  ])
  const stored = new Map((logs.docs as Doc[]).map((log) => [String(log.date), ((log.rows as Doc[] | undefined) ?? []) as Doc[]]))
  const storedRows = [...stored.values()].flat()
  const [subjects, teachers] = await Promise.all([namesOf(req, 'subjects', uniqueIds(storedRows.map((r) => r.subject))), namesOf(req, 'users', uniqueIds(storedRows.map((r) => r.teacher)))])
  const periods: WeekPeriod[] = []
  for (const date of dates) {
    const rows = stored.get(date)
    if (rows) {
      for (const row of rows) {
        periods.push({
          date,
          session: row.session === 'afternoon' ? 'afternoon' : 'morning',
          period: Number(row.period),
          subject: subjects.get(String(relationId(row.subject))) ?? '',
          teacher: teachers.get(String(relationId(row.teacher))) ?? '',
          signed: Boolean(row.signedAt),
        })
      }
    } else {
      for (const slot of week.slots.filter((s) => s.date === date)) periods.push({ date, session: slot.session, period: slot.period, subject: slot.subject.name, teacher: slot.teacher.name, signed: false })
    }
  }
  const today = vietnamDay(new Date())
  periods.sort((a, b) => a.date.localeCompare(b.date) || sessionOrder(a.session) - sessionOrder(b.session) || a.period - b.period)
  return {
    weekStart: monday,
    weekEnd: dates[5]!,
    days: dates.map((date) => ({ date, periods: periods.filter((p) => p.date === date).length, signed: periods.filter((p) => p.date === date && p.signed).length })),
    unsigned: periods.filter((p) => !p.signed && p.date <= today),
    upcoming: periods.filter((p) => p.date > today).length,
  }
}
