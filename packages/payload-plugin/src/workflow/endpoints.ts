import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import { isDistrictUser, schoolsWhereUserHas, type RoleHolder } from '../roles.ts'
import { message } from '../translations/index.ts'
import type { WorkflowOptions } from './options.ts'
import { isAwaitingActor } from './rules.ts'
import { WORKFLOW_ACTIONS, type WorkflowState } from './states.ts'
import { performTransition, toSubject, WorkflowRefusal } from './transition.ts'

const transitionBody = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  reason: z.string().max(2000).optional().nullable(),
  publishAt: z.coerce.date().optional().nullable(),
  unpublishAt: z.coerce.date().optional().nullable(),
})

async function readJson(req: PayloadRequest): Promise<unknown> {
  try {
    return req.json ? await req.json() : {}
  } catch {
    return null
  }
}

/** POST /api/<collection>/:id/workflow  { action, reason?, publishAt?, unpublishAt? } */
export function transitionEndpoint(collection: string, options: WorkflowOptions): Endpoint {
  return {
    path: '/:id/workflow',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: message(req, 'workflow.not-in-school') }] }, { status: 401 })
      const parsed = transitionBody.safeParse(await readJson(req))
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
        return Response.json({ errors: [{ message: message(req, 'workflow.bad-request', { details }) }] }, { status: 400 })
      }
      const id = String(req.routeParams?.id ?? '')
      try {
        const result = await performTransition(req, { collection, id, ...parsed.data }, options)
        return Response.json({ ok: true, ...result })
      } catch (error) {
        if (error instanceof WorkflowRefusal) {
          return Response.json({ errors: [{ message: error.message, data: error.data }] }, { status: error.status })
        }
        throw error
      }
    },
  }
}

/** GET /api/<collection>/review-queue: what awaits my review, and my returned work with the reason. */
export function reviewQueueEndpoint(collection: string, options: WorkflowOptions): Endpoint {
  return {
    path: '/review-queue',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return Response.json({ errors: [{ message: message(req, 'workflow.not-in-school') }] }, { status: 401 })
      const queue = await reviewQueue(req.payload, req.user as unknown as RoleHolder, collection, options)
      return Response.json(queue)
    },
  }
}

export type QueueItem = { id: number | string; title: string; state: WorkflowState; department: string | null; updatedAt: string; reason?: string | null }

export async function reviewQueue(payload: Payload, user: RoleHolder, collection: string, options: WorkflowOptions) {
  const schools = schoolsWhereUserHas(user)
  const awaiting: QueueItem[] = []
  const returned: QueueItem[] = []
  if (schools.length === 0 && !isDistrictUser(user)) return { awaitingMyReview: awaiting, returnedToMe: returned }
  const toItem = (doc: Record<string, any>): QueueItem => ({
    id: doc.id,
    title: String(doc.title ?? doc.id),
    state: doc.workflowState,
    department: doc.department ?? null,
    updatedAt: doc.updatedAt,
    reason: doc.lastReturnReason ?? null,
  })
  const inReview: Where = { and: [{ school: { in: schools } }, { workflowState: { in: ['submitted', 'leader-approved'] } }] }
  const pending = await payload.find({ collection, where: inReview, draft: true, depth: 0, limit: 200, sort: 'updatedAt', overrideAccess: true })
  for (const doc of pending.docs) {
    if (isAwaitingActor(user, toSubject(doc as never, null), options.roles)) awaiting.push(toItem(doc))
  }
  const mine = await payload.find({
    collection,
    where: { and: [{ author: { equals: user.id } }, { workflowState: { equals: 'returned' } }] },
    draft: true,
    depth: 0,
    limit: 200,
    sort: '-updatedAt',
    overrideAccess: true,
  })
  returned.push(...mine.docs.map(toItem))
  return { awaitingMyReview: awaiting, returnedToMe: returned }
}

export { WorkflowRefusal }
