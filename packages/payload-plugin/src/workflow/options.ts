import type { PayloadRequest } from 'payload'

import type { WorkflowRoles } from './rules.ts'

export type WorkflowOptions = {
  /** Collections that go through the approval workflow. Default: ['posts', 'disclosures']. */
  collections: string[]
  /** Who acts at each step. Default: DEFAULT_WORKFLOW_ROLES (seed 004 §5). */
  roles: WorkflowRoles
  /** Send e-mail on submit/approve/return/publish. Default: true. */
  notify: boolean
  /** Jobs queue used for scheduled publish/unpublish. Default: 'workflow'. */
  queue: string
  /** Called after the live version of a school's content changed (publish, unpublish, scheduled). */
  onLiveChange?: (req: PayloadRequest, school: number | string, trigger: string) => Promise<void>
}

/** Request context flag set by the workflow itself, so its own writes pass its guard. */
export const WORKFLOW_CONTEXT = 'truongsoWorkflowTransition'
export const EVENTS_SLUG = 'workflow-events'
