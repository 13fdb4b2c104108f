import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { currentUser, relationId } from '../roles.ts'
import { refreshStudentPlacement } from './hooks.ts'
import { canSeeClassList, managesSchool } from './rights.ts'
import { rollOver } from './rollOver.ts'
import { errorResponse, errorResponseText } from '../translations/errorResponse.ts'
import { isMessageKey, message } from '../translations/index.ts'
import { jsonBody } from '../validation/jsonBody.ts'

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'records.bad-date' })

// zod issues carry catalogue keys as messages; spelled out in the request's language.
function issuesText(req: PayloadRequest, issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.join('.')}: ${isMessageKey(i.message) ? message(req, i.message) : i.message}`).join('; ')
}

/**
 * The class list on a date (default today): who was enrolled then, from the enrolment history.
 * GET /api/classes/:id/roster?date=2026-10-01 → name, code, date of birth, sex (no personal data).
 */
export const rosterEndpoint: Endpoint = {
  path: '/:id/roster',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const url = new URL(req.url ?? 'http://x')
    const date = isoDate.safeParse(url.searchParams.get('date') ?? new Date().toISOString().slice(0, 10))
    if (!date.success) return errorResponse(req, 400, 'records.bad-roster-date')
    const klass = await req.payload.findByID({ collection: 'classes', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
    if (!klass) return errorResponse(req, 404, 'records.class-not-found')
    if (!(await canSeeClassList(req, klass))) return errorResponse(req, 403, 'records.class-list-forbidden')
    const on = `${date.data}T23:59:59.999Z`
    const enrolments = await req.payload.find({
      collection: 'enrolments',
      where: {
        and: [
          { class: { equals: klass.id } },
          { startDate: { less_than_equal: on } },
          { or: [{ endDate: { exists: false } }, { endDate: { greater_than: on } }] },
        ],
      },
      depth: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const students = enrolments.docs
      .map((e) => e.student as { id: number | string; fullName: string; studentCode: string; dateOfBirth?: string; sex?: string })
      .map((s) => ({ id: s.id, fullName: s.fullName, studentCode: s.studentCode, dateOfBirth: s.dateOfBirth ?? null, sex: s.sex ?? null }))
      .sort((a, b) => a.fullName.split(' ').at(-1)!.localeCompare(b.fullName.split(' ').at(-1)!, 'vi') || a.fullName.localeCompare(b.fullName, 'vi'))
    return Response.json({ class: { id: klass.id, name: klass.name }, date: date.data, size: students.length, students })
  },
}

const transferBody = z.object({
  kind: z.enum(['class-change', 'transfer-in', 'transfer-out', 'drop-out'], { error: 'records.bad-transfer-kind' }),
  date: isoDate,
  reason: z.string().trim().min(3, { error: 'records.reason-required' }),
  toClass: z.union([z.string(), z.number()]).optional(),
})

/**
 * POST /api/students/:id/transfer { kind, date, reason, toClass? }: a class change, a transfer in
 * (a student arriving from another school, or coming back, into `toClass`), a transfer out or a
 * drop-out, recorded as events on the enrolment history (nothing is deleted).
 */
export const transferEndpoint: Endpoint = {
  path: '/:id/transfer',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const body = await jsonBody(req)
    const parsed = transferBody.safeParse(body)
    if (!parsed.success) return errorResponse(req, 400, 'records.bad-request', { details: issuesText(req, parsed.error.issues) })
    const { kind, date, reason, toClass } = parsed.data
    const student = await req.payload.findByID({ collection: 'students', id: String(req.routeParams?.id), depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!student) return errorResponse(req, 404, 'records.student-not-found')
    if (!managesSchool(currentUser(req), student.school)) return errorResponse(req, 403, 'records.transfer-forbidden')
    if ((kind === 'class-change' || kind === 'transfer-in') && toClass === undefined) return errorResponse(req, 400, 'records.target-class-required')
    const shouldCommit = await initTransaction(req)
    try {
      const open = await req.payload.find({
        collection: 'enrolments',
        where: { and: [{ student: { equals: student.id } }, { endDate: { exists: false } }] },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const current = open.docs[0]
      const day = `${date}T00:00:00.000Z`
      if (kind === 'transfer-in') {
        if (current) throw new Error(message(req, 'records.already-enrolled'))
      } else {
        if (!current) throw new Error(message(req, 'records.no-current-class'))
        if (String(current.startDate).slice(0, 10) > date) throw new Error(message(req, 'records.transfer-before-start'))
        await req.payload.update({ collection: 'enrolments', id: current.id, overrideAccess: true, req, data: { endDate: day, endKind: kind, reason } as never })
      }
      if (kind === 'class-change' || kind === 'transfer-in') {
        const target = await req.payload.findByID({ collection: 'classes', id: String(toClass), depth: 0, overrideAccess: true, disableErrors: true, req })
        if (!target || String(relationId(target.school)) !== String(relationId(student.school))) throw new Error(message(req, 'records.class-other-school'))
        await req.payload.create({
          collection: 'enrolments',
          overrideAccess: true,
          req,
          data: { student: student.id, class: target.id, schoolYear: target.schoolYear, startDate: day, startKind: kind, reason, school: relationId(student.school) } as never,
        })
      } else {
        await req.payload.update({ collection: 'students', id: student.id, overrideAccess: true, req, data: { status: kind === 'drop-out' ? 'dropped-out' : 'transferred-out' } as never })
      }
      await refreshStudentPlacement(req, student.id)
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ ok: true })
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      return errorResponseText(400, error instanceof Error ? error.message : String(error))
    }
  },
}

const rollOverBody = z.object({
  fromYear: z.string().regex(/^\d{4}-\d{4}$/, { error: 'records.bad-from-year' }),
  toYear: z.string().regex(/^\d{4}-\d{4}$/, { error: 'records.bad-to-year' }),
  retain: z.array(z.union([z.string(), z.number()])).optional(),
  apply: z.boolean().optional(),
  school: z.union([z.string(), z.number()]).optional(),
})

/** POST /api/classes/roll-over { fromYear, toYear, retain?, apply? }: dry-run unless apply is true. */
export const rollOverEndpoint: Endpoint = {
  path: '/roll-over',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = await jsonBody(req)
    const parsed = rollOverBody.safeParse(body)
    if (!parsed.success) return errorResponse(req, 400, 'records.bad-request', { details: issuesText(req, parsed.error.issues) })
    if (Number(parsed.data.toYear.slice(0, 4)) !== Number(parsed.data.fromYear.slice(0, 4)) + 1) return errorResponse(req, 400, 'records.years-not-consecutive')
    const managed = (actor.memberships ?? []).map((m) => relationId(m.school)).filter((id) => id !== null && managesSchool(actor, id))
    const school = parsed.data.school ?? (managed.length === 1 ? managed[0] : undefined)
    if (school === undefined || school === null || !managesSchool(actor, school)) return errorResponse(req, 403, 'records.roll-over-forbidden')
    const schoolDoc = await req.payload.findByID({ collection: 'schools', id: school, depth: 0, overrideAccess: true, req })
    const lastGrade = schoolDoc.level === 'TH' ? 5 : 9
    const plan = await rollOver(req, { school, fromYear: parsed.data.fromYear, toYear: parsed.data.toYear, retain: parsed.data.retain, apply: parsed.data.apply === true, lastGrade })
    return Response.json({ applied: parsed.data.apply === true, plan })
  },
}
