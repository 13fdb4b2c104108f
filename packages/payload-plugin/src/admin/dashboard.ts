import type { Payload } from 'payload'

import { schoolsWhereUserHas, type RoleHolder } from '../roles.ts'
import { DEFAULT_WORKFLOW_ROLES } from '../workflow/rules.ts'
import type { WorkflowOptions } from '../workflow/options.ts'
import type { WorkflowState } from '../workflow/states.ts'

/** States in which an author's work is with someone else (waiting for a reviewer or for its time). */
export const IN_REVIEW_STATES: readonly WorkflowState[] = ['submitted', 'leader-approved', 'scheduled']

export type MyItem = { collection: string; id: number | string; title: string; state: WorkflowState; updatedAt: string }
export type MyClass = { id: number | string; name: string; schoolYear: string; size: number }

/** What a staff member's dashboard shows: their own work under review, and the classes they lead. */
export async function myDashboard(payload: Payload, user: RoleHolder) {
  const options = payload.config.custom?.truongsoWorkflow as WorkflowOptions | undefined
  const collections = options?.collections ?? []
  const inReview: MyItem[] = []
  for (const collection of collections) {
    const found = await payload.find({
      collection,
      where: { and: [{ author: { equals: user.id } }, { workflowState: { in: [...IN_REVIEW_STATES] } }] },
      draft: true,
      depth: 0,
      limit: 50,
      sort: '-updatedAt',
      overrideAccess: true,
    })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the plugin has no generated types for its documents
    for (const doc of found.docs as Record<string, any>[]) {
      inReview.push({ collection, id: doc.id, title: String(doc.title ?? doc.id), state: doc.workflowState, updatedAt: doc.updatedAt })
    }
  }
  inReview.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  const classes = await payload.find({
    collection: 'classes',
    where: { homeroomTeacher: { equals: user.id } },
    depth: 0,
    limit: 20,
    sort: '-schoolYear',
    overrideAccess: true,
  })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the plugin has no generated types for its documents
  const homeroom: MyClass[] = (classes.docs as Record<string, any>[]).map((c) => ({ id: c.id, name: String(c.name), schoolYear: String(c.schoolYear), size: Number(c.size ?? 0) }))
  return { inReview, homeroom, canWritePosts: collections.includes('posts') && schoolsWhereUserHas(user, (options?.roles ?? DEFAULT_WORKFLOW_ROLES).authors).length > 0 }
}
