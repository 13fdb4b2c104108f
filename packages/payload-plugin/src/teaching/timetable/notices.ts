import { ValidationError, type Access, type CollectionBeforeChangeHook, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { addDays, dayNumberOf, displayDay, isDay, mondayOf, schoolYearOfDay } from '../../calendar/days.ts'
import { TRUSTED_WRITE } from '../../context.ts'
import { managesSchool, readHomeroomRecords } from '../../records/rights.ts'
import { currentUser, relationId } from '../../roles.ts'
import { errorResponse, issueDetails, refusalResponse } from '../../translations/errorResponse.ts'
import { message } from '../../translations/index.ts'
import { idTypeOf, parseId } from '../../validation/ids.ts'
import { jsonBody } from '../../validation/jsonBody.ts'
import { studentsOnDay } from '../attendance/enrolled.ts'
import { classWeek, type TimetableWeek } from './week.ts'

/**
 * A week's timetable for the families of a class (issue 14 item 1: "can be sent to the class's
 * students' families later, store it, no sending yet"). One notice per class × week holds a frozen
 * copy of the class's week (what GET /api/timetables/week?class= answers) and how many families it
 * is addressed to: counts only, never a name or a phone, so the notice can be shown or handed to a
 * sender without exposing the students' records. Nothing sends it yet: every notice stays `queued`.
 *
 * The only way in is POST /api/timetable-notices/week (below), for the class's homeroom teacher, the
 * board and the school admin; the save hook refuses every other write.
 */

type ID = number | string
type ClassDoc = { id: ID; name?: unknown; school?: unknown; schoolYear?: unknown; homeroomTeacher?: unknown }
type NoticeDoc = { id: ID; status?: string; message?: string | null }

export const TIMETABLE_NOTICES_SLUG = 'timetable-notices'
/** `sent` is for the sender to come; until then every notice is `queued`. */
export const NOTICE_STATUSES = ['queued', 'sent'] as const
export const MESSAGE_MAX = 500

/** The natural key: one notice per class and week (its Monday). */
export const noticeKey = (classId: ID, monday: string): string => `${String(classId)}:${monday}`

/** May the caller send (store) the class's week for its families? Its homeroom teacher, the board, the school admin. */
export function maySendTimetableNotice(req: PayloadRequest, klass: ClassDoc): boolean {
  const actor = currentUser(req)
  if (!actor) return false
  if (String(relationId(klass.homeroomTeacher)) === String(actor.id)) return true
  return managesSchool(actor, klass.school)
}

/** Read: the board and the school admin their school's notices, the homeroom teacher their class's; nobody else (district staff included). */
export const readTimetableNotices: Access = readHomeroomRecords

/** Every write goes through the endpoint (TRUSTED_WRITE); REST, GraphQL and the admin form are refused. */
export const onlyThroughNoticeEndpoint: CollectionBeforeChangeHook = ({ data, req, context }) => {
  if (context?.[TRUSTED_WRITE] === true) return data
  throw new ValidationError({ collection: TIMETABLE_NOTICES_SLUG, errors: [{ path: 'snapshot', message: message(req, 'timetable-notice.hand-edit') }], req }, req.t)
}

/**
 * How many families the class's students on `day` reach: the distinct contact phones (Số điện thoại
 * liên lạc, the family's number in the student record), so siblings in one class count once; and the
 * students with no usable number. Counts only: nothing personal leaves this function.
 */
export async function familiesOfClass(req: PayloadRequest, classId: ID, day: string): Promise<{ students: number; families: number; withoutContact: number }> {
  const type = idTypeOf(req.payload, 'students')
  const ids = [...((await studentsOnDay(req, [classId], day)).get(String(classId)) ?? [])].map((id) => parseId(id, type)).filter((id): id is ID => id !== null)
  if (ids.length === 0) return { students: 0, families: 0, withoutContact: 0 }
  const { docs } = await req.payload.db.find({ collection: 'students', where: { id: { in: ids } }, select: { phone: true }, pagination: false, limit: 0, req })
  const phones = new Set<string>()
  let withoutContact = 0
  for (const doc of docs as { phone?: unknown }[]) {
    const digits = String(doc.phone ?? '').replace(/\D/g, '')
    // A Vietnamese number has 10 digits (0xxxxxxxxx), or 11 written +84xxxxxxxxx: one family either way.
    const number = digits.length === 11 && digits.startsWith('84') ? `0${digits.slice(2)}` : digits
    if (number.length >= 9) phones.add(number)
    else withoutContact++
  }
  return { students: ids.length, families: phones.size, withoutContact }
}

const id = z.union([z.number().int().positive(), z.string().min(1).max(64)])
const noticeBody = z.object({
  class: id,
  weekStart: z.string().refine(isDay, { error: 'timetable-notice.bad-day' }),
  message: z.string().trim().max(MESSAGE_MAX, { error: 'timetable-notice.message-too-long' }).nullish(),
})


const trusted = { overrideAccess: true, depth: 0, context: { [TRUSTED_WRITE]: true } } as const


const findNotice = async (req: PayloadRequest, key: string) =>
  ((await req.payload.db.findOne({ collection: TIMETABLE_NOTICES_SLUG, where: { key: { equals: key } }, req })) as NoticeDoc | null) ?? null

/**
 * POST /api/timetable-notices/week { class, weekStart, message? }: stores (or, while still queued,
 * replaces) the notice of the week containing `weekStart` (Monday to Saturday). 201 on create, 200
 * with the same id on a repeat. A message left out keeps the stored one; null or '' clears it.
 */
export const timetableNoticeEndpoint: Endpoint = {
  path: '/week',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = noticeBody.safeParse(await jsonBody(req))
    if (!body.success) return errorResponse(req, 400, 'timetable-notice.bad-request', { details: issueDetails(req, body.error.issues) })
    const classId = parseId(body.data.class, idTypeOf(req.payload, 'classes'))
    const klass = classId === null ? null : ((await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: classId } }, req })) as ClassDoc | null)
    if (!klass) return errorResponse(req, 404, 'timetable.class-not-found')
    const name = String(klass.name ?? '')
    // Who may send before anything about the week: a stranger learns only that they may not.
    if (!maySendTimetableNotice(req, klass)) return errorResponse(req, 403, 'timetable-notice.forbidden', { class: name })
    const day = body.data.weekStart
    if (dayNumberOf(day) === 8) return errorResponse(req, 400, 'timetable-notice.sunday', { date: displayDay(day) })
    const monday = mondayOf(day)
    const saturday = addDays(monday, 5)
    const year = String(klass.schoolYear ?? '')
    const range = { class: name, from: displayDay(monday), to: displayDay(saturday), year }
    if (schoolYearOfDay(monday) !== year && schoolYearOfDay(saturday) !== year) return errorResponse(req, 400, 'timetable-notice.other-year', range)
    const week: TimetableWeek = await classWeek(req, klass.id, monday)
    if (week.slots.length === 0) return errorResponse(req, 400, 'timetable-notice.no-timetable', range)
    const counts = await familiesOfClass(req, klass.id, monday)
    const key = noticeKey(klass.id, monday)
    const fresh = { snapshot: week, lessons: week.slots.length, ...counts, ...(body.data.message === undefined ? {} : { message: body.data.message || null }) }
    try {
      const replace = async (stored: NoticeDoc) => {
        if (stored.status !== 'queued') return errorResponse(req, 409, 'timetable-notice.already-sent', range)
        const doc = await req.payload.update({ collection: TIMETABLE_NOTICES_SLUG as never, id: stored.id, data: fresh as never, ...trusted, req })
        return Response.json({ doc, created: false })
      }
      const stored = await findNotice(req, key)
      if (stored) return await replace(stored)
      const data = { school: relationId(klass.school), class: klass.id, weekStart: monday, weekEnd: saturday, schoolYear: year, key, status: 'queued', createdBy: actor.id, message: null, ...fresh }
      try {
        const doc = await req.payload.create({ collection: TIMETABLE_NOTICES_SLUG as never, data: data as never, ...trusted, req })
        return Response.json({ doc, created: true }, { status: 201 })
      } catch (error) {
        // The same week sent twice at once: the unique key keeps the first, this one replaces it.
        const first = await findNotice(req, key)
        if (!first) throw error
        return await replace(first)
      }
    } catch (error) {
      return refusalResponse(error)
    }
  },
}
