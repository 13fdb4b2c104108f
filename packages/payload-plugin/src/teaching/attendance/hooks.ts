import { APIError, ValidationError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type PayloadRequest } from 'payload'

import { dayNumberOf, isDay, schoolYearOfDay } from '../../calendar/days.ts'
import { TRUSTED_WRITE } from '../../context.ts'
import { TERM_RECORDS_SLUG } from '../../gradebook/collections.ts'
import { currentUser, relationId } from '../../roles.ts'
import { message, type MessageKey } from '../../translations/index.ts'
import { takesAttendanceOf } from './access.ts'
import { ABSENCES_FROM_ATTENDANCE, ATTENDANCE_SLUG } from './context.ts'
import { termOfDay } from './terms.ts'
import { studentsOnDay } from './enrolled.ts'

type ID = number | string
type Doc = Record<string, unknown>
type ClassDoc = { id: ID; name?: unknown; school?: unknown; schoolYear?: unknown; homeroomTeacher?: unknown }
type Absence = { student?: unknown; status?: unknown; reason?: unknown }

function refuseInput(req: PayloadRequest, path: string, key: MessageKey, vars: Record<string, string | number> = {}): never {
  throw new ValidationError({ collection: ATTENDANCE_SLUG, errors: [{ path, message: message(req, key, vars) }], req }, req.t)
}

const absencesOf = (doc: Doc | undefined): Absence[] => (Array.isArray(doc?.absences) ? (doc.absences as Absence[]) : [])

/**
 * Every save of a session: a real school day (Monday–Saturday) inside a term of the class's year,
 * taken by the class's homeroom teacher or the school admin (403 otherwise, whatever the path), each
 * listed student enrolled in the class that day and listed once (400 naming the row). The server
 * sets the school, year, term, natural key, the day's class size and who took it.
 */
export const checkAttendance: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  const merged: Doc = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const classId = relationId(merged.class)
  const klass = classId === null ? null : ((await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: classId } }, req })) as ClassDoc | null)
  // A missing class is the input checks' business (validation/validateOnSave.ts).
  if (!klass) return data
  const day = merged.date
  if (!isDay(day)) refuseInput(req, 'date', 'attendance.bad-day')
  if (dayNumberOf(day) === 8) refuseInput(req, 'date', 'attendance.sunday', { date: day })
  const year = String(klass.schoolYear)
  if (schoolYearOfDay(day) !== year) refuseInput(req, 'date', 'attendance.other-year', { date: day, class: String(klass.name), year })
  const term = await termOfDay(req, klass.school, year, day)
  if (!term) refuseInput(req, 'date', 'attendance.outside-terms', { date: day, year })
  const user = currentUser(req)
  if (user && context?.[TRUSTED_WRITE] !== true && !(await takesAttendanceOf(req, klass))) {
    throw new APIError(message(req, 'attendance.not-homeroom', { class: String(klass.name) }), 403, undefined, true)
  }
  const inClass = (await studentsOnDay(req, [klass.id], day)).get(String(klass.id)) ?? new Set<string>()
  const seen = new Set<string>()
  absencesOf(merged).forEach((absence, row) => {
    const student = String(relationId(absence.student))
    if (!inClass.has(student)) refuseInput(req, `absences.${row}.student`, 'attendance.student-not-in-class', { row: row + 1, class: String(klass.name), date: day })
    if (seen.has(student)) refuseInput(req, `absences.${row}.student`, 'attendance.student-twice', { row: row + 1 })
    seen.add(student)
  })
  return {
    ...data,
    school: relationId(klass.school),
    schoolYear: year,
    term,
    key: `${String(klass.id)}:${day}:${String(merged.session)}`,
    enrolled: inClass.size,
    ...(user ? { takenBy: user.id } : {}),
    takenAt: new Date().toISOString(),
  }
}

/**
 * The gradebook's absences come from attendance (one source, no double entry): after a session is
 * saved, the term totals of every student it lists now or listed before are counted again over
 * all of the term's sessions and written to their student term records (absent with / without
 * permission, in sessions; late is not an absence), in the same transaction. A term whose results
 * are locked refuses the change like any other write to them (gradebook/locks.ts).
 */
export const feedTermAbsences: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const students = [...new Set([...absencesOf(doc as Doc), ...absencesOf(previousDoc as Doc)].map((a) => String(relationId(a.student))))]
  if (students.length === 0) return doc
  const { school, schoolYear, term } = doc as { school: unknown; schoolYear: string; term: string }
  const sessions = await req.payload.db.find({
    collection: ATTENDANCE_SLUG,
    where: { and: [{ school: { equals: relationId(school) } }, { schoolYear: { equals: schoolYear } }, { term: { equals: term } }, { 'absences.student': { in: students } }] },
    pagination: false,
    limit: 0,
    select: { absences: true },
    req,
  })
  const totals = new Map(students.map((student) => [student, { absencesExcused: 0, absencesUnexcused: 0 }]))
  for (const session of sessions.docs as Doc[]) {
    for (const absence of absencesOf(session)) {
      const total = totals.get(String(relationId(absence.student)))
      if (!total) continue
      if (absence.status === 'excused') total.absencesExcused++
      if (absence.status === 'unexcused') total.absencesUnexcused++
    }
  }
  const keys = students.map((student) => `${student}:${schoolYear}:${term}`)
  const existing = await req.payload.db.find({ collection: TERM_RECORDS_SLUG, where: { key: { in: keys } }, pagination: false, limit: 0, select: { key: true, absencesExcused: true, absencesUnexcused: true }, req })
  const byKey = new Map((existing.docs as Doc[]).map((record) => [String(record.key), record]))
  const options = { overrideAccess: true, depth: 0, req, context: { [TRUSTED_WRITE]: true, [ABSENCES_FROM_ATTENDANCE]: true } } as const
  for (const [student, total] of totals) {
    const record = byKey.get(`${student}:${schoolYear}:${term}`)
    if (record) {
      if (record.absencesExcused === total.absencesExcused && record.absencesUnexcused === total.absencesUnexcused) continue
      await req.payload.update({ collection: TERM_RECORDS_SLUG, id: record.id as ID, data: total, ...options })
    } else {
      await req.payload.create({ collection: TERM_RECORDS_SLUG, data: { school, student, class: relationId(doc.class), schoolYear, term, ...total } as never, ...options })
    }
  }
  return doc
}
