import type { PayloadRequest } from 'payload'

import type { WorkflowRoles } from './rules.ts'

export type WorkflowOptions = {
  /** Collections that go through the approval workflow. Default: ['posts', 'disclosures']. */
  collections: string[]
  /** Who acts at each step. Default: DEFAULT_WORKFLOW_ROLES (every school role writes, the team leader reviews, the board publishes). */
  roles: WorkflowRoles
  /** Send e-mail on submit/approve/return/publish. Default: true. */
  notify: boolean
  /** Jobs queue used for scheduled publish/unpublish. Default: 'workflow'. */
  queue: string
  /** What a change of a school's live content does (a site rebuild); resolved in defaults.ts. */
  onLiveChange?: LiveChange
}

/**
 * Called when a school's public site changed: a publish or unpublish (by a user or the scheduler),
 * the delete of a live document, the introduction put live or taken down. Called with the request
 * of the change; when that request has an open transaction (a delete's or a save's hooks) the
 * rebuild request is written in it, so it commits or rolls back with the change.
 */
export type LiveChange = (req: PayloadRequest, school: number | string, trigger: string) => Promise<void>
export const EVENTS_SLUG = 'workflow-events'
