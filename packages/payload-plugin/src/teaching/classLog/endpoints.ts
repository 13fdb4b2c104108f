import { APIError, commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { TRUSTED_WRITE } from '../../context.ts'
import { currentUser, relationId } from '../../roles.ts'
import { errorResponse, issueDetails, refusalResponse } from '../../translations/errorResponse.ts'
import { message } from '../../translations/index.ts'
import { termOfDay } from '../attendance/terms.ts'
import { studentsOnDay } from '../attendance/enrolled.ts'
import { addDays, dayNumberOf, displayDay, isDay, mondayOf, schoolYearOfDay, vietnamDay } from '../../calendar/days.ts'
import { ATTENDANCE_SLUG } from '../attendance/context.ts'
import { classListOnDay } from '../attendance/classList.ts'
import { isHomeroomTeacherOf, mayCheckClassLog, mayReadClassDay, mayReadClassWeek } from './access.ts'
import { namesOf, uniqueIds } from './periodAbsences.ts'
import { classLogWeekSummary } from './weekSummary.ts'
import { normalised, prefilledRows, refreshedRows, type LogRow } from './prefill.ts'
import { CLASS_LOG_WEEKS_SLUG, CLASS_LOGS_SLUG, PERIOD_RATINGS } from './slugs.ts'
import { jsonBody } from '../../validation/jsonBody.ts'

/**
 * The class log's only ways in (issue 14 item 4):
 * - GET  /api/class-logs/day?class=&date=        the day's log, made on first read from the timetable and the plans;
 * - GET  /api/class-logs/week?class=&date=       the week's periods signed or not, and its closing;
 * - POST /api/class-logs/:id/periods/:period/sign the period's teacher signs (again, until the week is closed);
 * - POST /api/class-logs/close-week               the homeroom teacher closes Monday–Saturday with a comment;
 * - POST /api/class-logs/:id/board-note           the principal or a vice-principal adds a check note.
 * The writes carry TRUSTED_WRITE: the save hook refuses every other write.
 */

type ID = number | string
type Doc = Record<string, unknown>
type ClassDoc = { id: ID; name?: unknown; school?: unknown; schoolYear?: unknown; homeroomTeacher?: unknown }

const id = z.union([z.number().int().positive(), z.string().min(1).max(64)])
const dayQuery = z.object({ class: id, date: z.string().refine(isDay) })
const signBody = z.object({
  session: z.enum(['morning', 'afternoon'], { error: 'attendance.bad-session' }),
  absentStudents: z.array(id).max(100).default([]),
  oralCheck: z.string().max(500).nullish(),
  comment: z.string().max(2000).nullish(),
  rating: z.enum(PERIOD_RATINGS, { error: 'classlog.bad-rating' }).nullish(),
})
const weekBody = z.object({
  class: id,
  weekStart: z.string().refine(isDay),
  weeklyComment: z.string().trim().max(2000).default(''),
  /** The homeroom teacher has seen the periods nobody signed and closes the week anyway. */
  acceptUnsigned: z.boolean().default(false),
})
const weekQuery = z.object({ class: id, date: z.string().refine(isDay) })
const noteBody = z.object({ note: z.string().trim().min(3).max(2000) })


const trusted = { overrideAccess: true, depth: 0, context: { [TRUSTED_WRITE]: true } } as const


const findClass = async (req: PayloadRequest, classId: unknown) =>
  ((await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: classId as ID } }, req })) as ClassDoc | null) ?? null

const weekKey = (classId: unknown, monday: string) => `${String(relationId(classId))}:${monday}`
const findWeek = async (req: PayloadRequest, classId: unknown, day: string) =>
  ((await req.payload.db.findOne({ collection: CLASS_LOG_WEEKS_SLUG, where: { key: { equals: weekKey(classId, mondayOf(day)) } }, req })) as Doc | null) ?? null

const findLog = async (req: PayloadRequest, where: { key: string } | { id: unknown }) =>
  ((await req.payload.db.findOne({ collection: CLASS_LOGS_SLUG, where: 'key' in where ? { key: { equals: where.key } } : { id: { equals: where.id as ID } }, req })) as Doc | null) ?? null

/**
 * Changes a log's rows with the log locked for the rest of req's transaction: a no-op write takes
 * the row's lock first (PostgreSQL: a second signer of the same day waits here, then reads this one's
 * committed rows; SQLite: the writer lock is already the transaction's), so two teachers signing
 * different periods at the same instant never overwrite each other's signature.
 */
async function changeLockedLog(req: PayloadRequest, id: ID, change: (latest: Doc) => LogRow[] | null | Response): Promise<Doc | Response> {
  const shouldCommit = await initTransaction(req)
  try {
    await req.payload.db.updateOne({ collection: CLASS_LOGS_SLUG, id, data: { updatedAt: new Date().toISOString() }, req, returning: false })
    const latest = await findLog(req, { id })
    if (!latest) throw new APIError('class log vanished', 404)
    const rows = change(latest)
    if (rows instanceof Response) {
      if (shouldCommit) await killTransaction(req)
      return rows
    }
    const doc = rows ? ((await req.payload.update({ collection: CLASS_LOGS_SLUG, id, data: { rows: writeRows(rows) } as never, ...trusted, req })) as unknown as Doc) : latest
    if (shouldCommit) await commitTransaction(req)
    return doc
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

const writeRows = (rows: LogRow[]) => rows.map(({ id: rowId, ...row }) => (rowId ? { id: rowId, ...row } : row))

const weekView = (week: Doc | null) =>
  week ? { closed: true, weekStart: week.weekStart, weeklyComment: week.weeklyComment ?? '', closedBy: relationId(week.closedBy), closedAt: week.closedAt ?? null } : { closed: false }

/** GET /api/class-logs/day?class=ID&date=YYYY-MM-DD */
const dayEndpoint: Endpoint = {
  path: '/day',
  method: 'get',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const parsed = dayQuery.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!parsed.success) return errorResponse(req, 400, 'classlog.bad-query')
    const day = parsed.data.date
    const klass = await findClass(req, parsed.data.class)
    if (!klass) return errorResponse(req, 404, 'records.class-not-found')
    const name = String(klass.name)
    const key = `${String(klass.id)}:${day}`
    const [stored, fresh] = await Promise.all([findLog(req, { key }), dayNumberOf(day) === 8 ? Promise.resolve([]) : prefilledRows(req, klass.id, day)])
    const teachers = [...fresh.map((row) => row.teacher), ...((stored?.rows as Doc[] | undefined) ?? []).map((row) => row.teacher)]
    // Access before any detail of the day: a stranger learns nothing but that they may not look.
    if (!mayReadClassDay(req, klass, teachers)) return errorResponse(req, 403, 'classlog.forbidden', { class: name })
    if (dayNumberOf(day) === 8) return errorResponse(req, 400, 'classlog.sunday', { date: day })
    const year = String(klass.schoolYear)
    if (schoolYearOfDay(day) !== year) return errorResponse(req, 400, 'classlog.other-year', { date: day, class: name, year })
    const week = await findWeek(req, klass.id, day)
    try {
      let doc = stored
      if (!doc) {
        const term = await termOfDay(req, klass.school, year, day)
        if (!term) return errorResponse(req, 400, 'classlog.outside-terms', { date: day, year })
        const data = { school: relationId(klass.school), class: klass.id, date: day, schoolYear: year, term, key, rows: writeRows(fresh) }
        try {
          doc = (await req.payload.create({ collection: CLASS_LOGS_SLUG, data: data as never, ...trusted, req })) as unknown as Doc
        } catch (error) {
          // Two first reads at once: the unique key keeps one, the other reads it.
          doc = await findLog(req, { key })
          if (!doc) throw error
        }
      } else if (!week && refreshedRows((doc.rows as Doc[] | undefined) ?? [], fresh)) {
        // On the locked log: a signature saved meanwhile is kept, not overwritten.
        const changed = await changeLockedLog(req, doc.id as ID, (latest) => refreshedRows((latest.rows as Doc[] | undefined) ?? [], fresh))
        if (changed instanceof Response) return changed
        doc = changed
      }
      return Response.json({ doc, class: { id: klass.id, name }, week: weekView(week), ...(await dayContext(req, klass, day, doc)) })
    } catch (error) {
      return refusalResponse(error)
    }
  },
}

/**
 * What the day's screen shows beside the rows: the class list of the day (the absentee picker), the
 * names of the rows' subjects and teachers, the homeroom teacher's attendance of the day (to
 * reconcile with the periods' absentees), and what the caller may do.
 */
async function dayContext(req: PayloadRequest, klass: ClassDoc, day: string, doc: Doc) {
  const rows = (doc.rows as Doc[] | undefined) ?? []
  const [students, subjects, teachers, sessions] = await Promise.all([
    classListOnDay(req, klass.id, day),
    namesOf(req, 'subjects', uniqueIds(rows.map((r) => r.subject))),
    namesOf(req, 'users', uniqueIds([...rows.map((r) => r.teacher), ...rows.map((r) => r.signedBy), ...((doc.boardNotes as Doc[] | undefined) ?? []).map((n) => n.by)])),
    req.payload.db.find({ collection: ATTENDANCE_SLUG, where: { and: [{ class: { equals: klass.id } }, { date: { equals: day } }] }, pagination: false, limit: 0, req }),
  ])
  const actor = currentUser(req)!
  return {
    students,
    // `teachers`: every person the day names (the periods' teachers, signers, the board's checkers).
    names: { subjects: Object.fromEntries(subjects), teachers: Object.fromEntries(teachers) },
    attendance: (sessions.docs as Doc[]).map((session) => ({
      session: session.session,
      takenAt: session.takenAt ?? null,
      absences: ((session.absences as Doc[] | undefined) ?? []).map((a) => ({ student: relationId(a.student), status: a.status })),
    })),
    you: { id: actor.id, homeroom: isHomeroomTeacherOf(req, klass), checker: mayCheckClassLog(req, klass.school) },
  }
}

/** GET /api/class-logs/week?class=ID&date=YYYY-MM-DD: the week's periods signed or not, and its closing. */
const weekEndpoint: Endpoint = {
  path: '/week',
  method: 'get',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const parsed = weekQuery.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!parsed.success) return errorResponse(req, 400, 'classlog.bad-query')
    const klass = await findClass(req, parsed.data.class)
    if (!klass) return errorResponse(req, 404, 'records.class-not-found')
    if (!mayReadClassWeek(req, klass)) return errorResponse(req, 403, 'classlog.week-forbidden', { class: String(klass.name) })
    const [summary, week] = await Promise.all([classLogWeekSummary(req, klass.id, parsed.data.date), findWeek(req, klass.id, parsed.data.date)])
    return Response.json({ class: { id: klass.id, name: String(klass.name) }, ...summary, closing: weekView(week) })
  },
}

/** POST /api/class-logs/:id/periods/:period/sign { session, absentStudents, oralCheck, comment, rating } */
const signEndpoint: Endpoint = {
  path: '/:id/periods/:period/sign',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const log = await findLog(req, { id: req.routeParams?.id })
    const klass = log ? await findClass(req, relationId(log.class)) : null
    const rows = ((log?.rows as Doc[] | undefined) ?? []).map(normalised)
    if (!log || !klass || !mayReadClassDay(req, klass, rows.map((row) => row.teacher))) return errorResponse(req, 404, 'classlog.not-found')
    const body = signBody.safeParse(await jsonBody(req))
    const period = Number(req.routeParams?.period)
    if (!body.success) return errorResponse(req, 400, 'classlog.bad-signature', { details: issueDetails(req, body.error.issues) })
    const day = String(log.date)
    const name = String(klass.name)
    const { session } = body.data
    const sessionName = message(req, session === 'morning' ? 'ui.attendance.morning' : 'ui.attendance.afternoon').toLowerCase()
    const index = rows.findIndex((row) => row.session === session && row.period === period)
    if (index < 0) return errorResponse(req, 404, 'classlog.no-period', { class: name, date: day, period: String(req.routeParams?.period), session: sessionName })
    const row = rows[index]!
    if (String(row.teacher) !== String(actor.id)) {
      const teacher = row.teacher === null ? null : ((await req.payload.db.findOne({ collection: 'users', where: { id: { equals: row.teacher } }, req })) as { fullName?: string; email?: string } | null)
      return errorResponse(req, 403, 'classlog.not-your-period', { period, session: sessionName, date: day, class: name, teacher: String(teacher?.fullName || teacher?.email || '') })
    }
    if (await findWeek(req, klass.id, day)) return errorResponse(req, 409, 'classlog.week-closed', { class: name, week: mondayOf(day) })
    // A signature confirms a period taught: not one still to come.
    if (day > vietnamDay(new Date())) return errorResponse(req, 400, 'classlog.future-day', { date: displayDay(day) })
    const absent = [...new Map(body.data.absentStudents.map((student) => [String(student), student])).values()]
    const inClass = (await studentsOnDay(req, [klass.id], day)).get(String(klass.id)) ?? new Set<string>()
    const stranger = absent.findIndex((student) => !inClass.has(String(student)))
    if (stranger >= 0) return errorResponse(req, 400, 'classlog.student-not-in-class', { row: stranger + 1, class: name, date: day })
    const signature = {
      absentStudents: absent,
      oralCheck: body.data.oralCheck?.trim() || null,
      comment: body.data.comment?.trim() || null,
      rating: body.data.rating ?? null,
      signedBy: actor.id,
      signedAt: new Date().toISOString(),
    }
    try {
      // On the locked log, re-read: only this period's row changes, whatever was signed meanwhile.
      const doc = await changeLockedLog(req, log.id as ID, (latest) => {
        const now = ((latest.rows as Doc[] | undefined) ?? []).map(normalised)
        const at = now.findIndex((r) => r.session === session && r.period === period && String(r.teacher) === String(actor.id))
        if (at < 0) return errorResponse(req, 404, 'classlog.no-period', { class: name, date: day, period, session: sessionName })
        now[at] = { ...now[at]!, ...signature }
        return now
      })
      if (doc instanceof Response) return doc
      return Response.json({ doc })
    } catch (error) {
      return refusalResponse(error)
    }
  },
}

/** POST /api/class-logs/close-week { class, weekStart, weeklyComment } */
const closeWeekEndpoint: Endpoint = {
  path: '/close-week',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = weekBody.safeParse(await jsonBody(req))
    if (!body.success) return errorResponse(req, 400, 'classlog.bad-week')
    const klass = await findClass(req, body.data.class)
    if (!klass) return errorResponse(req, 404, 'records.class-not-found')
    const name = String(klass.name)
    if (!isHomeroomTeacherOf(req, klass)) return errorResponse(req, 403, 'classlog.not-homeroom', { class: name })
    const monday = mondayOf(body.data.weekStart)
    if (await findWeek(req, klass.id, monday)) return errorResponse(req, 409, 'classlog.week-already-closed', { class: name, week: monday })
    // Art. 7.f: the week is closed on its Saturday, not before.
    const saturday = addDays(monday, 5)
    if (vietnamDay(new Date()) < saturday) return errorResponse(req, 400, 'classlog.week-not-over', { class: name, saturday: displayDay(saturday) })
    // Periods nobody signed stay unsigned for good once the week is closed: say which, and close
    // only when the homeroom teacher confirms having seen them.
    const { unsigned } = await classLogWeekSummary(req, klass.id, monday)
    if (unsigned.length > 0 && !body.data.acceptUnsigned) {
      const list = unsigned.map((p) => `${displayDay(p.date).slice(0, 5)} ${message(req, p.session === 'morning' ? 'ui.attendance.morning' : 'ui.attendance.afternoon').toLowerCase()} ${message(req, 'ui.classlog.period-short', { period: p.period })} ${p.subject} (${p.teacher})`).join('; ')
      return errorResponse(req, 409, 'classlog.unsigned-periods', { class: name, count: unsigned.length, list }, { unsigned })
    }
    try {
      const data = { school: relationId(klass.school), class: klass.id, weekStart: monday, key: weekKey(klass.id, monday), weeklyComment: body.data.weeklyComment || null, closedBy: actor.id, closedAt: new Date().toISOString() }
      const doc = await req.payload.create({ collection: CLASS_LOG_WEEKS_SLUG, data: data as never, ...trusted, req })
      return Response.json({ doc }, { status: 201 })
    } catch (error) {
      // The same week closed at once by a second request: the unique key refuses it.
      if (await findWeek(req, klass.id, monday)) return errorResponse(req, 409, 'classlog.week-already-closed', { class: name, week: monday })
      return refusalResponse(error)
    }
  },
}

/** POST /api/class-logs/:id/board-note { note } */
const boardNoteEndpoint: Endpoint = {
  path: '/:id/board-note',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const log = await findLog(req, { id: req.routeParams?.id })
    if (!log) return errorResponse(req, 404, 'classlog.not-found')
    if (!mayCheckClassLog(req, log.school)) return errorResponse(req, 403, 'classlog.board-only')
    const body = noteBody.safeParse(await jsonBody(req))
    if (!body.success) return errorResponse(req, 400, 'classlog.bad-note')
    const notes = ((log.boardNotes as Doc[] | undefined) ?? []).map((n) => ({ id: n.id, note: n.note, by: relationId(n.by), at: n.at }))
    try {
      const doc = await req.payload.update({
        collection: CLASS_LOGS_SLUG,
        id: log.id as ID,
        data: { boardNotes: [...notes, { note: body.data.note, by: actor.id, at: new Date().toISOString() }] } as never,
        ...trusted,
        req,
      })
      return Response.json({ doc })
    } catch (error) {
      return refusalResponse(error)
    }
  },
}

export const classLogEndpoints: Endpoint[] = [dayEndpoint, weekEndpoint, closeWeekEndpoint, signEndpoint, boardNoteEndpoint]
