import { APIError, commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { currentUser, relationId } from '../roles.ts'
import { message, messageEn, type MessageKey } from '../translations/index.ts'
import { departmentName } from './departments.ts'
import { notifyTransition, recipients } from './notify.ts'
import { TRUSTED_WRITE } from '../context.ts'
import { EVENTS_SLUG, type WorkflowOptions } from './options.ts'
import { decideTransition, type TransitionRefusal, type WorkflowSubject } from './rules.ts'
import { actionLabels, stateLabels, type WorkflowAction, type WorkflowState } from './states.ts'

export type TransitionRequest = {
  collection: string
  id: number | string
  action: WorkflowAction
  reason?: string | null
  publishAt?: Date | null
  unpublishAt?: Date | null
}

export type TransitionResult = {
  from: WorkflowState
  to: WorkflowState
  versionId: string | null
  eventId: number | string
  /** Who acts next (reviewers) or hears of it (the author): names only, for the admin's toast. */
  next: string[]
}

type AnyDoc = Record<string, unknown> & { id: number | string }

/** Refusals are client errors with the user's-language message; the English goes to the log. */
export class WorkflowRefusal extends APIError {
  constructor(req: PayloadRequest, key: MessageKey, vars: Record<string, string> = {}, status = 403) {
    super(message(req, key, vars), status, { refusal: key }, true)
    req.payload.logger.info(`workflow refused (user ${req.user?.id ?? 'none'}): ${messageEn(key, vars)}`)
  }
}

const refusalStatus = (refusal: TransitionRefusal) =>
  refusal === 'workflow.reason-required' || refusal === 'workflow.department-required' || refusal === 'workflow.consent-required'
    ? 400
    : refusal === 'workflow.wrong-state'
      ? 409
      : 403

export function toSubject(latest: AnyDoc, live: AnyDoc | null): WorkflowSubject {
  return {
    school: latest.school as WorkflowSubject['school'],
    author: latest.author as WorkflowSubject['author'],
    department: (latest.department as WorkflowSubject['department']) ?? null,
    state: ((latest.workflowState as WorkflowState | undefined) ?? 'draft'),
    isLive: live?._status === 'published',
    showsStudents: Boolean(latest.showsStudents),
    consent: (latest.consent as string | null | undefined) ?? null,
  }
}

async function loadBoth(req: PayloadRequest, collection: string, id: number | string) {
  const latest = (await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
  const live = latest
    ? ((await req.payload.findByID({ collection, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null)
    : null
  return { latest, live }
}

async function latestVersionId(req: PayloadRequest, collection: string, id: number | string): Promise<string | null> {
  const versions = await req.payload.findVersions({
    collection,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return versions.docs[0] ? String(versions.docs[0].id) : null
}

/**
 * Moves a document one step along the workflow: checks the rule for the signed-in user (or runs as
 * the scheduler when `system`), writes the new state (a draft version, or the live document when
 * publishing/unpublishing) and the history event in one transaction, then notifies.
 */
export async function performTransition(
  req: PayloadRequest,
  request: TransitionRequest,
  options: WorkflowOptions,
  system: { as: 'auto-publish' | 'auto-unpublish' } | null = null,
): Promise<TransitionResult> {
  const { collection, id, action } = request
  const { latest, live } = await loadBoth(req, collection, id)
  if (!latest) throw new WorkflowRefusal(req, 'workflow.not-found', {}, 404)
  const subject = toSubject(latest, live)
  // Website content follows the website chain: it is never `approved` (a record's end state).
  const from = subject.state as WorkflowState

  let to: WorkflowState
  let actingAs: string
  if (system) {
    to = system.as === 'auto-publish' ? 'published' : 'unpublished'
    actingAs = 'system'
  } else {
    const actor = currentUser(req)
    if (!actor) throw new WorkflowRefusal(req, 'workflow.not-in-school', {}, 401)
    const decision = decideTransition({ action, actor, doc: subject, reason: request.reason, publishAt: request.publishAt ?? null, roles: options.roles })
    if (!decision.ok) {
      const lang = req.i18n?.language === 'en' ? 'en' : 'vi'
      throw new WorkflowRefusal(
        req,
        decision.refusal,
        { action: actionLabels[action][lang], state: stateLabels[from][lang], department: await departmentName(req, subject.department) },
        refusalStatus(decision.refusal),
      )
    }
    to = decision.to as WorkflowState
    actingAs = decision.actingAs
  }

  const context = { ...req.context, [TRUSTED_WRITE]: true }
  const shouldCommit = await initTransaction(req)
  try {
    const base: Record<string, unknown> = { workflowState: to }
    if (request.unpublishAt) base.unpublishAt = request.unpublishAt.toISOString()
    if (to === 'published') {
      // The working copy (latest version) becomes the live document.
      await req.payload.update({
        collection,
        id,
        draft: false,
        overrideAccess: true,
        req,
        context,
        data: { ...base, _status: 'published', lastReturnReason: null, publishedDate: latest.publishedDate ?? new Date().toISOString() },
      })
    } else if (to === 'unpublished') {
      await req.payload.update({ collection, id, draft: false, overrideAccess: true, req, context, data: { ...base, _status: 'draft' } })
    } else {
      const data: Record<string, unknown> = { ...base, _status: 'draft' }
      if (to === 'returned') data.lastReturnReason = request.reason?.trim()
      if (to === 'scheduled') {
        data.publishAt = request.publishAt?.toISOString()
      }
      await req.payload.update({ collection, id, draft: true, overrideAccess: true, req, context, data })
    }
    const versionId = await latestVersionId(req, collection, id)
    const event = await req.payload.create({
      collection: EVENTS_SLUG,
      overrideAccess: true,
      req,
      data: {
        collectionSlug: collection,
        documentId: String(id),
        [collection]: latest.id,
        school: latest.school,
        action: system ? system.as : action,
        fromState: from,
        toState: to,
        actor: system ? null : req.user?.id,
        actorRole: actingAs,
        reason: request.reason?.trim() || null,
        versionId,
        title: latest.title ?? null,
      } as never,
    })
    if (shouldCommit) await commitTransaction(req)
    const people = await recipients(req, latest as never, to, options).catch(() => [])
    await notifyTransition(req, collection, latest as never, to, request.reason, options, people)
    const school = relationId(latest.school)
    if ((to === 'published' || to === 'unpublished') && options.onLiveChange && school !== null) {
      // After the commit when this call opened the transaction, inside the caller's when it has one (options.ts).
      await options.onLiveChange(req, school, `${collection} ${id}: ${to}`)
    }
    await scheduleFollowUps(req, request, to, options)
    return { from, to, versionId, eventId: event.id, next: people.map((p) => p.name) }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/** Scheduled publish/unpublish run later as Payload jobs (see jobs.ts). */
async function scheduleFollowUps(req: PayloadRequest, request: TransitionRequest, to: WorkflowState, options: WorkflowOptions) {
  // Each job carries the time it was scheduled for, so a job left over from an earlier schedule
  // (the post was returned and scheduled again) does nothing.
  const input = { collection: request.collection, id: String(request.id) }
  if (to === 'scheduled' && request.publishAt) {
    const at = request.publishAt.toISOString()
    await req.payload.jobs.queue({ task: 'truongsoScheduledPublish' as never, input: { ...input, at } as never, queue: options.queue, waitUntil: request.publishAt, req })
  }
  if ((to === 'published' || to === 'scheduled') && request.unpublishAt) {
    const at = request.unpublishAt.toISOString()
    await req.payload.jobs.queue({ task: 'truongsoScheduledUnpublish' as never, input: { ...input, at } as never, queue: options.queue, waitUntil: request.unpublishAt, req })
  }
}
