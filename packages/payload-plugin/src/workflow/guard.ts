import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { currentUser, relationId, rolesInSchool, schoolsWhereUserHas } from '../roles.ts'
import { TRUSTED_WRITE } from '../context.ts'
import { EVENTS_SLUG, type WorkflowOptions } from './options.ts'
import { isAwaitingActor, isBoardMember, type WorkflowSubject } from './rules.ts'
import type { WorkflowState } from './states.ts'
import { WorkflowRefusal } from './transition.ts'

const isTransition = (req: PayloadRequest) => Boolean(req.context?.[TRUSTED_WRITE])

/**
 * Every write by a signed-in user (admin UI, REST, GraphQL, Local API with a user) is a draft save:
 * nobody publishes or changes the review state except through the workflow actions.
 */
export function guardWorkflowWrites(options: WorkflowOptions): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (!req.user || isTransition(req)) return args
    if (operation === 'restoreVersion') return refuseLiveRestore(args, req)
    if (operation !== 'create' && operation !== 'update') return args
    const mutable = args as { data?: Record<string, unknown>; draft?: boolean; id?: number | string; collection: { config: { slug: string } } }
    const data = mutable.data
    if (!data) return args
    if (data._status === 'published') throw new WorkflowRefusal(req, 'workflow.direct-publish')
    if ('workflowState' in data && data.workflowState !== undefined) {
      let current: unknown = 'draft'
      if (operation === 'update' && mutable.id !== undefined) {
        const latest = await req.payload.findByID({ collection: mutable.collection.config.slug, id: mutable.id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
        current = latest?.workflowState
      }
      // The admin form sends the state back unchanged; only a change is refused.
      if (operation === 'update' && mutable.id === undefined) throw new WorkflowRefusal(req, 'workflow.state-readonly')
      if (data.workflowState !== current) throw new WorkflowRefusal(req, 'workflow.state-readonly')
    }
    // The school of new content must be one where the user writes.
    if (operation === 'create') {
      const schools = schoolsWhereUserHas(currentUser(req), options.roles.authors)
      const requested = relationId(data.school)
      if (requested === null) {
        if (schools.length === 1) data.school = schools[0]
        else throw new WorkflowRefusal(req, 'content.school-required', {}, 400)
      } else if (!schools.some((s) => String(s) === String(requested))) {
        throw new WorkflowRefusal(req, 'content.not-member')
      }
    } else if ('school' in data) {
      const schools = schoolsWhereUserHas(currentUser(req), options.roles.authors)
      if (!schools.some((s) => String(s) === String(relationId(data.school)))) throw new WorkflowRefusal(req, 'content.not-member')
    }
    // Dates and reasons the workflow writes are not the author's to set (a teacher could otherwise pin
    // a post to the top of the site by backdating it, or erase a reviewer's reason).
    for (const key of WORKFLOW_OWNED_FIELDS) delete data[key]
    // The department (a choice of the author's own) is checked by its field hook (departments.ts).
    data._status = 'draft'
    mutable.draft = true
    return args
  }
}

/**
 * Restoring an old version straight into the live document would publish (or take down) content
 * behind the reviewers' backs. Payload reads the draft flag before the beforeOperation hooks run, so a
 * hook cannot turn the restore into a draft: only "restore as draft" is let through.
 */
export function refuseLiveRestore<T>(args: T, req: PayloadRequest): T {
  if (!(args as { draft?: boolean }).draft) throw new WorkflowRefusal(req, 'workflow.restore-as-draft')
  return args
}

/** The school a create or update writes to: from the data, else from the stored document. */
export async function schoolOfWrite(req: PayloadRequest, collection: string, data: Record<string, unknown> | undefined, id: number | string | undefined) {
  const school = relationId(data?.school)
  if (school !== null || id === undefined) return school
  const current = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
  return relationId(current?.school)
}

const WORKFLOW_OWNED_FIELDS = ['publishedDate', 'lastReturnReason', 'author'] as const

/** Sets the author on creation and decides the state an ordinary edit leaves the working copy in. */
export function setWorkingState(options: WorkflowOptions): CollectionBeforeChangeHook {
  return async ({ collection, data, operation, originalDoc, req }) => {
    if (isTransition(req)) return data
    if (operation === 'create') {
      return { ...data, workflowState: 'draft', author: req.user?.id ?? data.author ?? null }
    }
    const actor = currentUser(req)
    if (!actor) return data // trusted server code (seed, migrations)
    const previous = (originalDoc?.workflowState as WorkflowState | undefined) ?? 'draft'
    const subject: WorkflowSubject = {
      school: originalDoc?.school,
      author: originalDoc?.author,
      department: originalDoc?.department,
      state: previous,
      isLive: false,
    }
    let next: WorkflowState = 'draft'
    // A reviewer fixing a typo at their own step keeps the document where it is; any other edit
    // must go through review again, so approved content cannot change behind the reviewers' backs.
    if (isAwaitingActor(actor, subject, options.roles)) next = previous
    else if (previous === 'returned' && String(relationId(subject.author)) === String(actor.id)) next = 'returned'
    else if (previous === 'published' || previous === 'scheduled') {
      const schoolId = relationId(subject.school)
      next = schoolId !== null && isBoardMember(actor, schoolId, options.roles) ? 'leader-approved' : 'draft'
    }
    if (IN_REVIEW.includes(previous) && next === 'draft' && originalDoc?.id !== undefined) {
      // Editing content under review takes it back from the reviewers (the admin asks first): say so
      // in the history instead of silently turning it into a draft.
      await recordWithdrawal(req, collection.slug, originalDoc as Record<string, unknown> & { id: number | string }, previous)
    }
    return { ...data, workflowState: next, author: originalDoc?.author ?? data.author }
  }
}

const IN_REVIEW: WorkflowState[] = ['submitted', 'leader-approved', 'scheduled']

async function recordWithdrawal(req: PayloadRequest, collection: string, doc: Record<string, unknown> & { id: number | string }, from: WorkflowState) {
  await req.payload.create({
    collection: EVENTS_SLUG,
    overrideAccess: true,
    req,
    data: {
      collectionSlug: collection,
      documentId: String(doc.id),
      [collection]: doc.id,
      school: doc.school,
      action: 'withdraw',
      fromState: from,
      toState: 'draft',
      actor: req.user?.id,
      actorRole: String(relationId(doc.author)) === String(req.user?.id) ? 'author' : (rolesInSchool(currentUser(req), relationId(doc.school) ?? '')[0] ?? null),
      reason: null,
      title: (doc.title as string | undefined) ?? null,
    } as never,
  })
}
