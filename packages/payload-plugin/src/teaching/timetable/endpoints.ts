import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { currentUser, isDistrictUser } from '../../roles.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { idTypeOf, parseId } from '../../validation/ids.ts'
import { maySeeClassTimetable } from './access.ts'
import { parseDay } from '../../calendar/days.ts'
import { timetableImportEndpoint, timetableTemplateEndpoint } from './excel.ts'
import { classWeek, teacherWeek } from './week.ts'

const weekQuery = z.object({
  date: z.string().refine((value) => parseDay(value) !== null, { error: 'timetable.bad-date' }),
  class: z.string().min(1).max(40).optional(),
  teacher: z.literal('me').optional(),
})

const details = (req: PayloadRequest, issues: { message: string }[]) => issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ')

/**
 * GET /api/timetables/week?date=YYYY-MM-DD[&class=ID|&teacher=me]: the week (Monday–Saturday)
 * containing the date, each lesson with its real date from the timetable in force that day
 * (week.ts). Default, or `teacher=me`: the caller's own lessons. `class=`: every lesson of the
 * class, for the board, the school admin and its homeroom teacher. District staff: none (403).
 */
export const timetableWeekEndpoint: Endpoint = {
  path: '/week',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const query = weekQuery.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!query.success) return errorResponse(req, 400, 'records.bad-request', { details: details(req, query.error.issues) })
    if (isDistrictUser(actor)) return errorResponse(req, 403, 'timetable.week-forbidden')
    const { date, class: classId } = query.data
    if (classId === undefined) return Response.json(await teacherWeek(req, actor.id, date))
    const id = parseId(classId, idTypeOf(req.payload, 'classes'))
    const klass = id === null ? null : ((await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: id } }, req })) as { id: number | string; school?: unknown } | null)
    if (!klass) return errorResponse(req, 404, 'timetable.class-not-found')
    if (!(await maySeeClassTimetable(req, klass))) return errorResponse(req, 403, 'timetable.week-forbidden')
    return Response.json(await classWeek(req, klass.id, date))
  },
}

export const timetableEndpoints: Endpoint[] = [timetableWeekEndpoint, timetableTemplateEndpoint, timetableImportEndpoint]
