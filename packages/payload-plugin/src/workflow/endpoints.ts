import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import { currentUser, isDistrictUser, relationId, schoolsWhereUserHas, type RoleHolder } from '../roles.ts'
import { DEPARTMENTS_SLUG } from './departments.ts'
import type { WorkflowOptions } from './options.ts'
import { isAwaitingActor } from './rules.ts'
import { WORKFLOW_ACTIONS, type WorkflowState } from './states.ts'
import { performTransition, toSubject, WorkflowRefusal } from './transition.ts'
import { errorResponse, errorResponseText } from '../translations/errorResponse.ts'

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
      if (!req.user) return errorResponse(req, 401, 'workflow.not-in-school')
      const parsed = transitionBody.safeParse(await readJson(req))
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
        return errorResponse(req, 400, 'workflow.bad-request', { details })
      }
      const id = String(req.routeParams?.id ?? '')
      try {
        const result = await performTransition(req, { collection, id, ...parsed.data }, options)
        return Response.json({ ok: true, ...result })
      } catch (error) {
        if (error instanceof WorkflowRefusal) {
          return errorResponseText(error.status, error.message, {}, error.data)
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
      const user = currentUser(req)
      if (!user) return errorResponse(req, 401, 'workflow.not-in-school')
      const queue = await reviewQueue(req.payload, user, collection, options)
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
  // Departments are records: the queue shows their names.
  const names = new Map<string, string>()
  const departments = await payload.find({ collection: DEPARTMENTS_SLUG, where: { school: { in: schools } }, pagination: false, depth: 0, overrideAccess: true })
  for (const d of departments.docs) names.set(String(d.id), String((d as { name?: unknown }).name ?? d.id))
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the plugin has no generated types for its documents
  const toItem = (doc: Record<string, any>): QueueItem => ({
    id: doc.id,
    title: String(doc.title ?? doc.id),
    state: doc.workflowState,
    department: doc.department == null ? null : (names.get(String(relationId(doc.department))) ?? null),
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

/** Where a collection's documents live on a school's site (sites/src/pages). */
const SITE_PATHS: Record<string, string> = { posts: 'bai-viet', disclosures: 'cong-khai' }

/**
 * The school's website address: SITES_PUBLIC_URL (a template with {slug} and {host}) when set, the
 * local preview (http://<slug>.localhost:4321, scripts/serveSites.ts) in development, else the
 * school's registered address.
 */
export function schoolSiteUrl(school: { slug?: unknown; host?: unknown; url?: unknown }): string {
  const slug = String(school.slug ?? '')
  const template = process.env.SITES_PUBLIC_URL
  if (template) return template.replaceAll('{slug}', slug).replaceAll('{host}', String(school.host ?? '')).replace(/\/$/, '')
  if (process.env.NODE_ENV !== 'production' || !school.url) return `http://${slug}.localhost:${process.env.SITES_PORT ?? 4321}`
  return String(school.url).replace(/\/$/, '')
}

/** GET /api/<collection>/:id/site-link → { url }: the public page of a live document ("Xem trên website"). */
export function siteLinkEndpoint(collection: string): Endpoint {
  return {
    path: '/:id/site-link',
    method: 'get',
    handler: async (req) => {
      if (!req.user) return errorResponse(req, 401, 'workflow.not-in-school')
      const id = String(req.routeParams?.id ?? '')
      // Read as the user (their school only), the live version: a draft has no page yet.
      const doc = (await req.payload.findByID({ collection, id, depth: 1, draft: false, overrideAccess: false, user: req.user, disableErrors: true, req })) as Record<string, unknown> | null
      if (!doc) return errorResponse(req, 404, 'workflow.not-found')
      const school = doc.school as { slug?: unknown } | null
      const section = SITE_PATHS[collection]
      if (doc._status !== 'published' || !doc.slug || !section || !school || typeof school !== 'object') return Response.json({ url: null })
      return Response.json({ url: `${schoolSiteUrl(school)}/${section}/${String(doc.slug)}/` })
    },
  }
}
