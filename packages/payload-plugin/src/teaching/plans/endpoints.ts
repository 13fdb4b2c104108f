import { APIError, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { TRUSTED_WRITE } from '../../context.ts'
import { currentUser, isDistrictUser, relationId } from '../../roles.ts'
import { errorResponse, errorResponseText } from '../../translations/errorResponse.ts'
import { mondayOf, parseDay } from '../../calendar/days.ts'
import { mayAcknowledge, mayReadPlan } from './access.ts'
import { isLate } from './deadline.ts'
import { generatePlan, PlanRefusal } from './generate.ts'
import { TEACHING_PLANS_SLUG } from './slugs.ts'
import { planStatusReport } from './status.ts'
import { jsonBody } from '../../validation/jsonBody.ts'

type ID = number | string
type Doc = Record<string, unknown>

const weekBody = z.object({ weekStart: z.string().refine((value) => parseDay(value) !== null) })
const acknowledgeBody = z.object({ note: z.string().max(2000).optional() }).strict()

function failure(req: PayloadRequest, error: unknown): Response {
  if (error instanceof PlanRefusal) return errorResponse(req, error.status, error.key, error.vars)
  if (error instanceof ValidationError) return errorResponseText(400, error.message, {}, error.data)
  if (error instanceof APIError) return errorResponseText(error.status, error.message)
  throw error
}

/** POST /api/teaching-plans/generate { weekStart }: the caller's plan of that week, built or rebuilt (a draft only). */
const generateEndpoint: Endpoint = {
  path: '/generate',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = weekBody.safeParse(await jsonBody(req))
    if (!body.success) return errorResponse(req, 400, 'plans.bad-week')
    if (isDistrictUser(actor)) return errorResponse(req, 403, 'plans.forbidden')
    try {
      const { doc, created } = await generatePlan(req, actor.id, mondayOf(body.data.weekStart))
      return Response.json({ doc }, { status: created ? 201 : 200 })
    } catch (error) {
      return failure(req, error)
    }
  },
}

/** The plan of `:id` the caller may read, or the error response. */
async function planOf(req: PayloadRequest): Promise<Doc | Response> {
  const plan = (await req.payload.findByID({ collection: TEACHING_PLANS_SLUG, id: String(req.routeParams?.id), depth: 0, overrideAccess: true, disableErrors: true, req })) as unknown as Doc | null
  if (!plan || !(await mayReadPlan(req, plan))) return errorResponse(req, 404, 'plans.not-found')
  return plan
}

const transition = (req: PayloadRequest, id: unknown, data: Doc) =>
  req.payload.update({ collection: TEACHING_PLANS_SLUG, id: id as ID, data: data as never, depth: 0, overrideAccess: true, req, context: { [TRUSTED_WRITE]: true } })

/** POST /api/teaching-plans/:id/submit: the plan's teacher hands in their draft; `late` from the deadline. */
const submitEndpoint: Endpoint = {
  path: '/:id/submit',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const plan = await planOf(req)
    if (plan instanceof Response) return plan
    if (String(relationId(plan.teacher)) !== String(actor.id)) return errorResponse(req, 403, 'plans.submit-forbidden')
    if (plan.status !== 'draft') return errorResponse(req, 409, 'plans.not-draft')
    const submittedAt = new Date().toISOString()
    try {
      const doc = await transition(req, plan.id, { status: 'submitted', submittedAt, late: isLate(submittedAt, String(plan.deadline)) })
      return Response.json({ doc })
    } catch (error) {
      return failure(req, error)
    }
  },
}

/** POST /api/teaching-plans/:id/acknowledge { note? }: the principal or a vice-principal of the plan's school. */
const acknowledgeEndpoint: Endpoint = {
  path: '/:id/acknowledge',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = acknowledgeBody.safeParse((await jsonBody(req)) ?? {})
    if (!body.success) return errorResponse(req, 400, 'plans.bad-note')
    const plan = await planOf(req)
    if (plan instanceof Response) return plan
    if (!mayAcknowledge(req, plan.school)) return errorResponse(req, 403, 'plans.acknowledge-forbidden')
    if (plan.status !== 'submitted') return errorResponse(req, 409, 'plans.not-submitted')
    try {
      const doc = await transition(req, plan.id, { status: 'acknowledged', acknowledgedBy: actor.id, acknowledgedAt: new Date().toISOString(), boardNote: body.data.note?.trim() || null })
      return Response.json({ doc })
    } catch (error) {
      return failure(req, error)
    }
  },
}

const returnBody = z.object({ note: z.string().trim().min(3).max(2000) }).strict()

/**
 * POST /api/teaching-plans/:id/return { note }: the board sends a submitted plan back to its teacher
 * with the reason; it is a draft again (editable, regenerable) and its lateness is decided on the
 * next submission.
 */
const returnEndpoint: Endpoint = {
  path: '/:id/return',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = returnBody.safeParse(await jsonBody(req))
    if (!body.success) return errorResponse(req, 400, 'plans.return-note-required')
    const plan = await planOf(req)
    if (plan instanceof Response) return plan
    if (!mayAcknowledge(req, plan.school)) return errorResponse(req, 403, 'plans.acknowledge-forbidden')
    if (plan.status !== 'submitted') return errorResponse(req, 409, 'plans.not-submitted')
    try {
      const doc = await transition(req, plan.id, { status: 'draft', submittedAt: null, late: false, boardNote: body.data.note })
      return Response.json({ doc })
    } catch (error) {
      return failure(req, error)
    }
  },
}

/**
 * GET /api/teaching-plans/status?weekStart=YYYY-MM-DD: per teacher with lessons that week, the
 * plan's state against its deadline (status.ts). The board and the school admin: every such teacher
 * of their schools; a team leader: their department's teachers. Others: 403.
 */
const statusEndpoint: Endpoint = {
  path: '/status',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const query = weekBody.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!query.success) return errorResponse(req, 400, 'plans.bad-week')
    const report = await planStatusReport(req, query.data.weekStart)
    return report ? Response.json(report) : errorResponse(req, 403, 'plans.status-forbidden')
  },
}

export const teachingPlanEndpoints: Endpoint[] = [generateEndpoint, statusEndpoint, submitEndpoint, acknowledgeEndpoint, returnEndpoint]
