import type { PayloadRequest } from 'payload'

import { relationId, rolesInSchool, type RoleHolder } from '../roles.ts'
import { message } from '../translations/index.ts'
import { leadsDepartment } from './rules.ts'
import type { WorkflowOptions } from './options.ts'
import { stateLabels, type ReviewState } from './states.ts'
import { queueEmail } from './sendEmailTask.ts'

type Doc = { id: number | string; title?: string; school: unknown; author: unknown; department?: unknown }
export type Recipient = { email: string; name: string }

const toRecipient = (user: Record<string, unknown>): Recipient => ({
  email: String(user.email ?? ''),
  name: String(user.fullName || user.email || user.id),
})

/** Who should hear about a document entering a state: the next reviewers, or the author. */
export async function recipients(req: PayloadRequest, doc: Doc, to: ReviewState, options: WorkflowOptions): Promise<Recipient[]> {
  const schoolId = relationId(doc.school)
  if (to === 'returned' || to === 'published' || to === 'unpublished' || to === 'scheduled' || to === 'approved') {
    const authorId = relationId(doc.author)
    if (authorId === null) return []
    const author = await req.payload.findByID({ collection: 'users', id: authorId, depth: 0, overrideAccess: true, disableErrors: true, req })
    return author ? [toRecipient(author as never)] : []
  }
  if (schoolId === null) return []
  const members = await req.payload.find({
    collection: 'users',
    where: { 'memberships.school': { equals: schoolId } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return members.docs
    .filter((user) => {
      const holder = user as unknown as RoleHolder
      if (to === 'submitted') return leadsDepartment(holder, schoolId, doc.department as never, options.roles)
      if (to === 'leader-approved') return rolesInSchool(holder, schoolId).some((r) => options.roles.board.includes(r))
      return false
    })
    .map((user) => toRecipient(user as never))
}

/**
 * E-mails the people concerned, through the `email` jobs queue (sendEmailTask.ts): the step never
 * waits for the mail server, and a failed send is logged and retried by the job. Failures here
 * (queueing) are logged too, and never undo the transition.
 */
export async function notifyTransition(
  req: PayloadRequest,
  collection: string,
  doc: Doc,
  to: ReviewState,
  reason: string | null | undefined,
  options: WorkflowOptions,
  people?: Recipient[],
  /** Where the recipient opens it; the collection's edit view by default. */
  adminPath?: string,
): Promise<void> {
  if (!options.notify) return
  try {
    const to_ = (people ?? (await recipients(req, doc, to, options))).map((p) => p.email).filter(Boolean)
    if (to_.length === 0) return
    // The recipients are other people, whose language the request does not know: Vietnamese.
    const vi = null
    const state = stateLabels[to].vi
    const link = `${req.payload.config.serverURL || ''}/admin${adminPath ?? `/collections/${collection}/${doc.id}`}`
    const lines = [
      message(vi, 'workflow.mail-body', { title: doc.title ?? doc.id, state }),
      reason ? message(vi, 'workflow.mail-reason', { reason }) : '',
      message(vi, 'workflow.mail-link', { link }),
      '',
      message(vi, 'workflow.mail-signature'),
    ].filter((line, i) => line !== '' || i > 2)
    await queueEmail(req, { to: to_.join(', '), subject: message(vi, 'workflow.mail-subject', { state, title: doc.title ?? '' }), text: lines.join('\n') })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `workflow notification failed for ${collection}/${doc.id}` })
  }
}
