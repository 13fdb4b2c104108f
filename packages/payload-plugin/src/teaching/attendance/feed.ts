import type { Endpoint, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import { isDay, schoolYearOfDay } from '../../calendar/days.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, isDistrictUser, overseenSchools, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { ATTENDANCE_SLUG } from './context.ts'
import { enrolledOnDay, studentsOnDay } from './enrolled.ts'

/**
 * GET /api/attendance/daily?date=YYYY-MM-DD[&format=csv]: the day's attendance counts per school,
 * class and session for the tier above the schools (seed 002: daily data to the province's
 * operations centre, IOC). Counts only: no names, no student ids, nothing personal. District staff
 * get every school (the oversight tier of issue 17 will narrow this), a school's board and admin
 * their own school; anyone else 403, anonymous 401. A class that took no attendance that day is
 * listed with `reported: false`, so a missing report is visible, not silently zero.
 */

type ID = number | string
type Counts = { enrolled: number; present: number; absentExcused: number; absentUnexcused: number; late: number }
type SessionCounts = Counts & { session: 'morning' | 'afternoon' }
type ClassRow = { class: { id: ID; name: string; grade: number }; enrolled: number; reported: boolean; sessions: SessionCounts[] }
type SchoolRow = { school: { id: ID; slug: string; name: string }; classes: ClassRow[]; classesReported: number; totals: Record<'morning' | 'afternoon', Counts & { classes: number }> }

const query = z.object({ date: z.string({ error: 'attendance.bad-day' }).refine(isDay, { error: 'attendance.bad-day' }), format: z.enum(['json', 'csv']).optional() })

/** Class names as a person sorts them (6/2 before 6/10); one collator, not one per comparison (652 classes: ~6,000 comparisons). */
const classNames = new Intl.Collator('vi', { numeric: true })

/**
 * Per class id, how many students it has on the day (studentsOnDay's sets, counted). Reading every
 * enrolment of the district costs ~20 µs a row (34 schools: ~20,000 rows, 300–600 ms); counting
 * per class in the database costs ~0.2 ms a class. The counts are exact when each enrolment in force
 * that day is a different student (the usual day: the distinct students equal the enrolments); on a
 * day one student has two (moved class that day, or enrolled twice), the full read counts each
 * student once per class, as before.
 */
async function classSizesOnDay(req: PayloadRequest, classes: ID[], day: string): Promise<Map<string, number>> {
  if (classes.length === 0) return new Map()
  const where = enrolledOnDay(classes, day)
  const rows = (await req.payload.db.count({ collection: 'enrolments', where, req })).totalDocs
  const students = (await req.payload.db.findDistinct({ collection: 'enrolments', field: 'student', where, limit: 1, req })).totalDocs
  if (students !== rows) return new Map([...(await studentsOnDay(req, classes, day))].map(([klass, set]) => [klass, set.size]))
  // One after the other: they may run in req's transaction (one database connection).
  const sizes = new Map<string, number>()
  for (const klass of classes) sizes.set(String(klass), (await req.payload.db.count({ collection: 'enrolments', where: enrolledOnDay([klass], day), req })).totalDocs)
  return sizes
}

const zero = (): Counts & { classes: number } => ({ classes: 0, enrolled: 0, present: 0, absentExcused: 0, absentUnexcused: 0, late: 0 })

async function dailyCounts(req: PayloadRequest, schools: ID[], day: string): Promise<SchoolRow[]> {
  const schoolYear = schoolYearOfDay(day)
  const bySchool: Where = { id: { in: schools } }
  const [schoolDocs, classDocs, sessionDocs] = await Promise.all([
    req.payload.db.find({ collection: 'schools', where: bySchool, pagination: false, limit: 0, sort: 'stt', select: { slug: true, name: true }, req }),
    req.payload.db.find({ collection: 'classes', where: { and: [{ schoolYear: { equals: schoolYear } }, { school: { in: schools } }] }, pagination: false, limit: 0, select: { school: true, name: true, grade: true }, req }),
    req.payload.db.find({ collection: ATTENDANCE_SLUG, where: { and: [{ date: { equals: day } }, { school: { in: schools } }] }, pagination: false, limit: 0, select: { class: true, session: true, enrolled: true, absences: true }, req }),
  ])
  const classes = classDocs.docs as { id: ID; school?: unknown; name?: unknown; grade?: unknown }[]
  const enrolled = await classSizesOnDay(req, classes.map((c) => c.id), day)
  const sessionsOf = new Map<string, SessionCounts[]>()
  for (const doc of sessionDocs.docs as { class?: unknown; session?: 'morning' | 'afternoon'; enrolled?: number; absences?: { status?: string }[] }[]) {
    const absences = doc.absences ?? []
    const count = (status: string) => absences.filter((a) => a.status === status).length
    const size = Number(doc.enrolled ?? 0)
    const row: SessionCounts = { session: doc.session ?? 'morning', enrolled: size, absentExcused: count('excused'), absentUnexcused: count('unexcused'), late: count('late'), present: 0 }
    row.present = size - row.absentExcused - row.absentUnexcused
    const key = String(relationId(doc.class))
    sessionsOf.set(key, [...(sessionsOf.get(key) ?? []), row].sort((a, b) => Number(a.session === 'afternoon') - Number(b.session === 'afternoon')))
  }
  return (schoolDocs.docs as { id: ID; slug?: string; name?: string }[]).map((school) => {
    const rows: ClassRow[] = classes
      .filter((c) => String(relationId(c.school)) === String(school.id))
      .sort((a, b) => Number(a.grade) - Number(b.grade) || classNames.compare(String(a.name), String(b.name)))
      .map((c) => {
        const sessions = sessionsOf.get(String(c.id)) ?? []
        return { class: { id: c.id, name: String(c.name), grade: Number(c.grade) }, enrolled: enrolled.get(String(c.id)) ?? 0, reported: sessions.length > 0, sessions }
      })
    const totals = { morning: zero(), afternoon: zero() }
    for (const row of rows) {
      for (const s of row.sessions) {
        const t = totals[s.session]
        t.classes++
        t.enrolled += s.enrolled
        t.present += s.present
        t.absentExcused += s.absentExcused
        t.absentUnexcused += s.absentUnexcused
        t.late += s.late
      }
    }
    return { school: { id: school.id, slug: String(school.slug), name: String(school.name) }, classes: rows, classesReported: rows.filter((r) => r.reported).length, totals }
  })
}

const csvCell = (value: unknown) => {
  const text = String(value ?? '')
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One line per class and session taken (or one line `reported = 0` for a class without any). */
function toCsv(day: string, rows: SchoolRow[]): string {
  const header = ['date', 'school', 'school_name', 'class', 'grade', 'session', 'enrolled', 'present', 'absent_excused', 'absent_unexcused', 'late', 'reported']
  const lines = [header.join(',')]
  for (const school of rows) {
    for (const klass of school.classes) {
      const base = [day, school.school.slug, school.school.name, klass.class.name, klass.class.grade]
      if (klass.sessions.length === 0) lines.push([...base, '', klass.enrolled, '', '', '', '', 0].map(csvCell).join(','))
      for (const s of klass.sessions) lines.push([...base, s.session, s.enrolled, s.present, s.absentExcused, s.absentUnexcused, s.late, 1].map(csvCell).join(','))
    }
  }
  return `${lines.join('\r\n')}\r\n`
}

export const attendanceFeedEndpoint: Endpoint = {
  path: '/attendance/daily',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const parsed = query.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ')
      return errorResponse(req, 400, 'records.bad-request', { details })
    }
    const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
    // The office above reads the counts of the schools of its tier.
    const schools: ID[] = isDistrictUser(actor) ? [...overseenSchools(actor), ...managed] : managed
    if (schools.length === 0) return errorResponse(req, 403, 'attendance.feed-forbidden')
    const { date, format } = parsed.data
    const rows = await dailyCounts(req, schools, date)
    if (format === 'csv') {
      return new Response(toCsv(date, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="diem-danh-${date}.csv"` } })
    }
    return Response.json({ date, schoolYear: schoolYearOfDay(date), schools: rows })
  },
}
