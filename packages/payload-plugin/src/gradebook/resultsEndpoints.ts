import type { CollectionConfig, Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { teachersOfLedDepartments } from '../records/rights.ts'
import { currentUser, relationId, rolesInSchool } from '../roles.ts'
import { errorResponse } from '../translations/errorResponse.ts'
import { isMessageKey, message } from '../translations/index.ts'
import { isSchoolYear } from '../website/schoolYear.ts'
import { approvalKey, CLASS_RESULTS_APPROVALS_SLUG, isClassYearApproved } from './approvals.ts'
import { loadClassGradebook, type ClassDoc } from './loadGradebook.ts'
import { schoolClassResults } from './resultsCache.ts'
import { computeClassResults, storedClassMarks, type ResultsPeriod } from './results.ts'

/**
 * GET /api/classes/:id/results, GET /api/classes/:id/marks, POST /api/classes/:id/results/approve.
 *
 * Who (decided here, issue 13 item 8):
 * - results: the school's board (principal, vice-principals) and school admin, and the class's
 *   homeroom teacher (who compiles them). Subject teachers and team leaders: 403 (they have their
 *   class-subjects' marks; a class's learning levels and awards are the board's and the homeroom's).
 * - marks: the same readers see every subject and the term records; a teacher of the class sees the
 *   subjects of their own teaching assignments there that year, a team leader also those of their
 *   department's teachers (as the marks collection's read access), without term records.
 * - approve: the principal or a vice-principal of the class's school, once every mark is in.
 * District staff: none of these (marks are a child's personal data). Anonymous: 401.
 */

type ID = number | string
const TERMS = { '1': 'hk1', '2': 'hk2', year: 'year' } as const

const schoolYearParam = z.string({ error: 'results.bad-school-year' }).refine(isSchoolYear, { error: 'results.bad-school-year' }).optional()
const resultsQuery = z.object({ schoolYear: schoolYearParam, term: z.enum(['1', '2', 'year'], { error: 'results.bad-term' }) })
const marksQuery = z.object({ schoolYear: schoolYearParam, term: z.enum(['1', '2'], { error: 'results.bad-marks-term' }) })
const approveQuery = z.object({ schoolYear: schoolYearParam })

function parseQuery<T>(req: PayloadRequest, schema: z.ZodType<T>): { ok: true; data: T } | { ok: false; response: Response } {
  const parsed = schema.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
  if (parsed.success) return { ok: true, data: parsed.data }
  const details = parsed.error.issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ')
  return { ok: false, response: errorResponse(req, 400, 'records.bad-request', { details }) }
}

/** The class, and the school year asked for (the class's own when none): 404 / 400 otherwise. */
async function classAndYear(req: PayloadRequest, schoolYear: string | undefined): Promise<{ ok: true; klass: ClassDoc; year: string } | { ok: false; response: Response }> {
  const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: String(req.routeParams?.id) } }, req })) as ClassDoc | null
  if (!klass) return { ok: false, response: errorResponse(req, 404, 'records.class-not-found') }
  const year = schoolYear ?? String(klass.schoolYear)
  if (year !== String(klass.schoolYear)) return { ok: false, response: errorResponse(req, 400, 'results.class-other-year', { class: String(klass.name), year: String(klass.schoolYear) }) }
  return { ok: true, klass, year }
}

const BOARD_AND_ADMIN = ['principal', 'vice-principal', 'school-admin'] as const

/** Reads the whole class (results, every subject, term records; its printed books): the board, the school admin, the homeroom teacher. */
export function readsWholeClass(req: PayloadRequest, klass: ClassDoc): boolean {
  const actor = currentUser(req)
  if (!actor) return false
  const school = relationId(klass.school)
  if (school !== null && rolesInSchool(actor, school).some((role) => (BOARD_AND_ADMIN as readonly string[]).includes(role))) return true
  return String(relationId(klass.homeroomTeacher)) === String(actor.id)
}

/** The subjects of the class a teacher (or the teachers of a team leader's department) is assigned that year. */
async function assignedSubjects(req: PayloadRequest, klass: ClassDoc, schoolYear: string): Promise<Set<string>> {
  const actor = currentUser(req)
  if (!actor) return new Set()
  const teachers: ID[] = [actor.id as ID, ...(await teachersOfLedDepartments(req))]
  const found = await req.payload.find({
    collection: 'teaching-assignments',
    where: { and: [{ class: { equals: klass.id } }, { schoolYear: { equals: schoolYear } }, { teacher: { in: teachers } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Set(found.docs.map((doc) => String(relationId(doc.subject))))
}

async function approvalOf(req: PayloadRequest, klass: ClassDoc, year: string) {
  const found = await req.payload.find({ collection: CLASS_RESULTS_APPROVALS_SLUG as never, where: { key: { equals: approvalKey(klass.id, year) } }, depth: 0, limit: 1, overrideAccess: true, req })
  const doc = found.docs[0] as { approvedBy?: unknown; approvedAt?: string } | undefined
  return doc ? { approvedBy: relationId(doc.approvedBy), approvedAt: doc.approvedAt ?? null } : null
}

/** GET /api/classes/:id/results?schoolYear=2026-2027&term=1|2|year */
export const classResultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const query = parseQuery(req, resultsQuery)
    if (!query.ok) return query.response
    const found = await classAndYear(req, query.data.schoolYear)
    if (!found.ok) return found.response
    if (!readsWholeClass(req, found.klass)) return errorResponse(req, 403, 'results.forbidden', { class: String(found.klass.name) })
    const period: ResultsPeriod = TERMS[query.data.term]
    const book = await loadClassGradebook(req, found.klass, found.year)
    const results = computeClassResults(book, period)
    return Response.json({ ...results, approval: period === 'year' ? await approvalOf(req, found.klass, found.year) : undefined })
  },
}

/** GET /api/classes/:id/marks?schoolYear=2026-2027&term=1|2 */
export const classMarksEndpoint: Endpoint = {
  path: '/:id/marks',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const query = parseQuery(req, marksQuery)
    if (!query.ok) return query.response
    const found = await classAndYear(req, query.data.schoolYear)
    if (!found.ok) return found.response
    const whole = readsWholeClass(req, found.klass)
    const subjects = whole ? ('all' as const) : await assignedSubjects(req, found.klass, found.year)
    if (subjects !== 'all' && subjects.size === 0) return errorResponse(req, 403, 'results.marks-forbidden', { class: String(found.klass.name) })
    const book = await loadClassGradebook(req, found.klass, found.year)
    return Response.json(storedClassMarks(book, TERMS[query.data.term] as 'hk1' | 'hk2', subjects, whole))
  },
}

/** POST /api/classes/:id/results/approve?schoolYear=2026-2027: 201 with the approval, 409 with what is missing. */
export const approveClassResultsEndpoint: Endpoint = {
  path: '/:id/results/approve',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const query = parseQuery(req, approveQuery)
    if (!query.ok) return query.response
    const found = await classAndYear(req, query.data.schoolYear)
    if (!found.ok) return found.response
    const { klass, year } = found
    const school = relationId(klass.school)
    if (school === null || !rolesInSchool(actor, school).some((role) => role === 'principal' || role === 'vice-principal')) {
      return errorResponse(req, 403, 'results.approve-forbidden')
    }
    const vars = { class: String(klass.name), year }
    if (await isClassYearApproved(req, klass.id, year)) return errorResponse(req, 409, 'results.already-approved', vars, { approval: await approvalOf(req, klass, year) })
    const results = computeClassResults(await loadClassGradebook(req, klass, year), 'year')
    if (!results.complete) {
      const missing = results.students.filter((s) => !s.complete).map((s) => ({ id: s.id, studentCode: s.studentCode, fullName: s.fullName, missing: s.missing }))
      return errorResponse(req, 409, 'results.incomplete', { ...vars, count: missing.length }, { missing, errorsOfInput: results.errors })
    }
    const approvedAt = new Date().toISOString()
    try {
      await req.payload.create({
        collection: CLASS_RESULTS_APPROVALS_SLUG as never,
        data: { key: approvalKey(klass.id, year), school, class: klass.id, schoolYear: year, approvedBy: actor.id, approvedAt } as never,
        overrideAccess: true,
        req,
      })
    } catch {
      // A concurrent approval won the unique key.
      return errorResponse(req, 409, 'results.already-approved', vars)
    }
    return Response.json({ ok: true, approval: { class: klass.id, schoolYear: year, approvedBy: actor.id, approvedAt }, message: message(req, 'results.approved', vars) }, { status: 201 })
  },
}

export const classResultsEndpoints: Endpoint[] = [classResultsEndpoint, classMarksEndpoint, approveClassResultsEndpoint]

const schoolResultsQuery = z.object({ schoolYear: z.string({ error: 'results.bad-school-year' }).refine(isSchoolYear, { error: 'results.bad-school-year' }), term: z.enum(['1', '2', 'year'], { error: 'results.bad-term' }) })

/**
 * GET /api/schools/:id/results?schoolYear=2026-2027&term=1|2|year: the results of every class of the
 * school, as GET /api/classes/:id/results gives them one by one, in one answer and five queries
 * (the board's overview and the year-end reports). The school's board and school admin only.
 */
export const schoolResultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const query = parseQuery(req, schoolResultsQuery)
    if (!query.ok) return query.response
    const school = String(req.routeParams?.id)
    if (!rolesInSchool(actor, school).some((role) => (BOARD_AND_ADMIN as readonly string[]).includes(role))) return errorResponse(req, 403, 'results.school-forbidden')
    const { schoolYear } = query.data
    const period: ResultsPeriod = TERMS[query.data.term]
    const results = await schoolClassResults(req, school, schoolYear, period)
    const approvals = period === 'year' ? await approvalsOf(req, results.map((r) => r.class.id), schoolYear) : new Map<string, Approval>()
    return Response.json({
      school,
      schoolYear,
      period,
      classes: results.map((r) => ({ ...r, ...(period === 'year' ? { approval: approvals.get(String(r.class.id)) ?? null } : {}) })),
    })
  },
}

type Approval = { approvedBy: ID | null; approvedAt: string | null }

async function approvalsOf(req: PayloadRequest, classes: ID[], year: string): Promise<Map<string, Approval>> {
  if (classes.length === 0) return new Map()
  const found = await req.payload.db.find({ collection: CLASS_RESULTS_APPROVALS_SLUG, where: { key: { in: classes.map((klass) => approvalKey(klass, year)) } }, pagination: false, limit: 0, req })
  return new Map(
    (found.docs as { class?: unknown; approvedBy?: unknown; approvedAt?: string }[]).map((doc) => [String(relationId(doc.class)), { approvedBy: relationId(doc.approvedBy), approvedAt: doc.approvedAt ?? null }]),
  )
}

/** The schools collection with GET /api/schools/:id/results. */
export const withSchoolResults = (schools: CollectionConfig): CollectionConfig => ({ ...schools, endpoints: [...(schools.endpoints || []), schoolResultsEndpoint] })
