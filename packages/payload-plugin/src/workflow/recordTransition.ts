import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { TRUSTED_WRITE } from '../context.ts'
import { currentUser } from '../roles.ts'
import { departmentName } from './departments.ts'
import { notifyTransition, recipients } from './notify.ts'
import { EVENTS_SLUG, type WorkflowOptions } from './options.ts'
import { decideTransition, type ApprovalChain, type TransitionRefusal } from './rules.ts'
import { actionLabels, stateLabels, type ReviewState, type WorkflowAction } from './states.ts'
import { WorkflowRefusal } from './transition.ts'

type ID = number | string
type AnyDoc = Record<string, unknown> & { id: ID }

/** What a reviewed record (a filed document, a lesson plan) gives the workflow. */
export type ReviewedRecord = {
  collection: string
  /** The review history's field linking an event to this record. */
  eventField: string
  /** The field naming the person who submits it (`author`, a lesson plan's `teacher`). */
  authorField: string
  chain: ApprovalChain
  /** The upload collection holding the record's versions, and its field naming the record. */
  files: { collection: string; ownerField: string }
  /** Where the people concerned open it in the admin (for the e-mail). */
  adminPath: (doc: AnyDoc) => string
  /** Extra fields written with the new state (a lesson plan's submission time). */
  extraData?: (doc: AnyDoc, to: ReviewState, now: Date) => Record<string, unknown>
}

export type RecordTransitionResult = { from: ReviewState; to: ReviewState; eventId: ID; versionHash: string | null; next: string[] }

const refusalStatus = (refusal: TransitionRefusal) =>
  refusal === 'workflow.reason-required' || refusal === 'workflow.department-required' ? 400 : refusal === 'workflow.wrong-state' ? 409 : 403

/**
 * Moves a record one step along its review chain with the same rules as website content
 * (rules.ts decideTransition; the chain says whether the department's leader reviews first and that
 * the board's step approves). A record has no drafts of its own: its versions are its files. Each
 * step names the file version it was taken on (id and SHA-256), in the same append-only history as
 * the website's, and the board's approval marks that version as the approved one.
 */
export async function performRecordTransition(
  req: PayloadRequest,
  record: ReviewedRecord,
  request: { id: ID; action: WorkflowAction; reason?: string | null },
  options: WorkflowOptions,
): Promise<RecordTransitionResult> {
  const { collection } = record
  const latest = (await req.payload.findByID({ collection: collection as never, id: request.id, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
  if (!latest) throw new WorkflowRefusal(req, 'workflow.not-found', {}, 404)
  const from = ((latest.workflowState as ReviewState | undefined) ?? 'draft')
  const actor = currentUser(req)
  if (!actor) throw new WorkflowRefusal(req, 'workflow.not-in-school', {}, 401)
  const subject = { school: latest.school as never, author: latest[record.authorField] as never, department: (latest.department as never) ?? null, state: from, isLive: false }
  const decision = decideTransition({ action: request.action, actor, doc: subject, reason: request.reason, roles: options.roles, chain: record.chain })
  const lang = req.i18n?.language === 'en' ? 'en' : 'vi'
  if (!decision.ok) {
    throw new WorkflowRefusal(
      req,
      decision.refusal,
      { action: actionLabels[request.action][lang], state: stateLabels[from][lang], department: await departmentName(req, subject.department) },
      refusalStatus(decision.refusal),
    )
  }
  const fileId = (latest.currentFile as ID | null | undefined) ?? null
  // Nothing to review without a file.
  if (request.action === 'submit' && fileId === null) throw new WorkflowRefusal(req, 'records.no-file', {}, 400)
  const file = fileId === null ? null : ((await req.payload.findByID({ collection: record.files.collection as never, id: fileId, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null)
  const versionHash = (file?.sha256 as string | undefined) ?? null
  const to = decision.to
  const now = new Date()
  const context = { ...req.context, [TRUSTED_WRITE]: true }
  const shouldCommit = await initTransaction(req)
  try {
    const data: Record<string, unknown> = { workflowState: to, ...record.extraData?.(latest, to, now) }
    if (to === 'returned') data.lastReturnReason = request.reason?.trim()
    if (to === 'approved' && fileId !== null) {
      data.approvedFile = fileId
      // One approved version: the one the board approved now.
      await req.payload.update({ collection: record.files.collection as never, where: { and: [{ [record.files.ownerField]: { equals: latest.id } }, { approved: { equals: true } }] }, data: { approved: false } as never, overrideAccess: true, depth: 0, req, context })
      await req.payload.update({ collection: record.files.collection as never, id: fileId, data: { approved: true } as never, overrideAccess: true, depth: 0, req, context })
    }
    await req.payload.update({ collection: collection as never, id: latest.id, data: data as never, overrideAccess: true, depth: 0, req, context })
    const event = await req.payload.create({
      collection: EVENTS_SLUG,
      overrideAccess: true,
      req,
      data: {
        collectionSlug: collection,
        documentId: String(latest.id),
        [record.eventField]: latest.id,
        school: latest.school,
        action: request.action,
        fromState: from,
        toState: to,
        actor: actor.id,
        actorRole: decision.actingAs,
        reason: request.reason?.trim() || null,
        versionId: fileId === null ? null : String(fileId),
        versionHash,
        title: latest.title ?? null,
      } as never,
    })
    if (shouldCommit) await commitTransaction(req)
    const doc = { ...latest, author: latest[record.authorField], title: String(latest.title ?? latest.id) }
    const people = await recipients(req, doc as never, to, options).catch(() => [])
    await notifyTransition(req, collection, doc as never, to, request.reason, options, people, record.adminPath(latest))
    return { from, to, eventId: event.id as ID, versionHash, next: people.map((p) => p.name) }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
