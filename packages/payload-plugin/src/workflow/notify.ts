import type { PayloadRequest } from 'payload'

import { relationId, rolesInSchool, type RoleHolder } from '../roles.ts'
import { leadsDepartment } from './rules.ts'
import type { WorkflowOptions } from './options.ts'
import { stateLabels, type WorkflowState } from './states.ts'

type Doc = { id: number | string; title?: string; school: unknown; author: unknown; department?: string | null }

/** Who should hear about a document entering a state: the next reviewers, or the author. */
async function recipients(req: PayloadRequest, doc: Doc, to: WorkflowState, options: WorkflowOptions): Promise<string[]> {
  const schoolId = relationId(doc.school as never)
  if (to === 'returned' || to === 'published' || to === 'unpublished' || to === 'scheduled') {
    const authorId = relationId(doc.author as never)
    if (authorId === null) return []
    const author = await req.payload.findByID({ collection: 'users', id: authorId, depth: 0, overrideAccess: true, disableErrors: true, req })
    return author?.email ? [String(author.email)] : []
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
      if (to === 'submitted') return leadsDepartment(holder, schoolId, doc.department, options.roles)
      if (to === 'leader-approved') return rolesInSchool(holder, schoolId).some((r) => options.roles.board.includes(r))
      return false
    })
    .map((user) => String(user.email))
}

/** E-mails the people concerned; failures are logged, never undo the transition. */
export async function notifyTransition(
  req: PayloadRequest,
  collection: string,
  doc: Doc,
  to: WorkflowState,
  reason: string | null | undefined,
  options: WorkflowOptions,
): Promise<void> {
  if (!options.notify) return
  try {
    const to_ = await recipients(req, doc, to, options)
    if (to_.length === 0) return
    const state = stateLabels[to].vi
    const link = `${req.payload.config.serverURL || ''}/admin/collections/${collection}/${doc.id}`
    const lines = [
      `Nội dung "${doc.title ?? doc.id}" chuyển sang trạng thái: ${state}.`,
      reason ? `Lý do: ${reason}` : '',
      `Xem tại: ${link}`,
      '',
      '— Trường Số',
    ].filter((line, i) => line !== '' || i > 2)
    await req.payload.sendEmail({ to: to_.join(', '), subject: `[Trường Số] ${state}: ${doc.title ?? ''}`, text: lines.join('\n') })
  } catch (error) {
    req.payload.logger.error({ err: error, msg: `workflow notification failed for ${collection}/${doc.id}` })
  }
}
