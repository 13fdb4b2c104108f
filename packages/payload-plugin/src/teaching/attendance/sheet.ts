import { APIError, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { isDay } from '../../calendar/days.ts'
import { currentUser, relationId } from '../../roles.ts'
import { errorResponse, errorResponseText } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { takesAttendanceOf } from './access.ts'
import { ABSENCE_STATUSES, ATTENDANCE_SLUG } from './context.ts'
import { classListOnDay } from './classList.ts'
import { periodAbsencesOfDay } from '../classLog/periodAbsences.ts'
import { jsonBody } from '../../validation/jsonBody.ts'

/**
 * The attendance sheet of the admin's *Điểm danh* screen: GET the class's students on a day with the
 * session's absences so far, PUT the whole session back. The PUT is idempotent (found by its natural
 * key, created or updated through the Local API as the user, so the collection's checks and the
 * absences fed to the gradebook apply as on every path): a retry from a phone changes nothing more.
 */

type ID = number | string
const id = z.union([z.number().int().positive(), z.string().min(1).max(64)])
const session = z.enum(['morning', 'afternoon'], { error: 'attendance.bad-session' })
const day = z.string({ error: 'attendance.bad-day' }).refine(isDay, { error: 'attendance.bad-day' })
const sheetQuery = z.object({ class: id, date: day, session })
const sheetBody = z.object({
  class: id,
  date: day,
  session,
  absences: z.array(z.object({ student: id, status: z.enum(ABSENCE_STATUSES, { error: 'attendance.bad-status' }), reason: z.string().max(500).optional() })).max(200),
})

function badRequest(req: PayloadRequest, issues: z.core.$ZodIssue[]): Response {
  const details = issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : `${i.path.join('.')}: ${i.message}`)).join('; ')
  return errorResponse(req, 400, 'records.bad-request', { details })
}

type ClassDoc = { id: ID; name?: unknown; school?: unknown; homeroomTeacher?: unknown }

async function classFor(req: PayloadRequest, classId: ID): Promise<{ ok: true; klass: ClassDoc } | { ok: false; response: Response }> {
  const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: classId } }, req })) as ClassDoc | null
  if (!klass) return { ok: false, response: errorResponse(req, 404, 'records.class-not-found') }
  if (!(await takesAttendanceOf(req, klass))) return { ok: false, response: errorResponse(req, 403, 'attendance.not-homeroom', { class: String(klass.name) }) }
  return { ok: true, klass }
}

const findSession = async (req: PayloadRequest, key: string) =>
  ((await req.payload.db.findOne({ collection: ATTENDANCE_SLUG, where: { key: { equals: key } }, req })) as Record<string, unknown> | null) ?? null

/** GET /api/attendance-sessions/sheet?class=…&date=YYYY-MM-DD&session=morning|afternoon */
export const attendanceSheetEndpoint: Endpoint = {
  path: '/sheet',
  method: 'get',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const parsed = sheetQuery.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!parsed.success) return badRequest(req, parsed.error.issues)
    const found = await classFor(req, parsed.data.class)
    if (!found.ok) return found.response
    const { klass } = found
    const { date } = parsed.data
    const students = await classListOnDay(req, klass.id, date)
    const [stored, periods] = await Promise.all([findSession(req, `${String(klass.id)}:${date}:${parsed.data.session}`), periodAbsencesOfDay(req, klass.id, date)])
    return Response.json({
      class: { id: klass.id, name: String(klass.name) },
      date,
      session: parsed.data.session,
      students,
      // The class log's periods of this session, for reconciling (issue 14 item 5).
      periods: periods.filter((p) => p.session === parsed.data.session),
      taken: stored ? { id: stored.id, takenAt: stored.takenAt ?? null, absences: ((stored.absences as { student?: unknown; status?: string; reason?: string | null }[]) ?? []).map((a) => ({ student: relationId(a.student), status: a.status, reason: a.reason ?? '' })) } : null,
    })
  },
}

/** PUT /api/attendance-sessions/sheet { class, date, session, absences: [{ student, status, reason? }] } */
export const saveAttendanceSheetEndpoint: Endpoint = {
  path: '/sheet',
  method: 'put',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const raw = await jsonBody(req)
    const parsed = sheetBody.safeParse(raw)
    if (!parsed.success) return badRequest(req, parsed.error.issues)
    const found = await classFor(req, parsed.data.class)
    if (!found.ok) return found.response
    const { date, absences } = parsed.data
    const key = `${String(found.klass.id)}:${date}:${parsed.data.session}`
    const data = { class: found.klass.id, date, session: parsed.data.session, absences: absences.map((a) => ({ student: a.student, status: a.status, reason: a.reason?.trim() || null })) }
    const options = { depth: 0, overrideAccess: false, user: req.user, req } as const
    try {
      const existing = await findSession(req, key)
      const doc = existing
        ? await req.payload.update({ collection: ATTENDANCE_SLUG, id: existing.id as ID, data: data as never, ...options })
        : await req.payload.create({ collection: ATTENDANCE_SLUG, data: data as never, ...options })
      return Response.json({ id: doc.id, takenAt: (doc as { takenAt?: string }).takenAt ?? null, absences: absences.length, message: message(req, 'attendance.saved', { class: String(found.klass.name), date }) })
    } catch (error) {
      if (error instanceof ValidationError) {
        const first = (error.data?.errors ?? [])[0] as { message?: string } | undefined
        return errorResponseText(400, first?.message ?? error.message)
      }
      if (error instanceof APIError && error.status >= 400 && error.status < 500) return errorResponseText(error.status, error.message)
      throw error
    }
  },
}
