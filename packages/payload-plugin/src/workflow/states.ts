import type { Label } from '../translations/index.ts'

/** Where a document stands on its way to the public website. */
export const WORKFLOW_STATES = [
  'draft',
  'submitted',
  'leader-approved',
  'scheduled',
  'published',
  'returned',
  'unpublished',
] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

/**
 * Every state a reviewed document can be in: the website's, plus `approved`, where the board's last
 * step leaves a record (a filed document, a lesson plan) that is approved rather than put live.
 */
export const REVIEW_STATES = [...WORKFLOW_STATES, 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]
/** The states of a record under review (education records): no scheduling, nothing goes live. */
export const RECORD_REVIEW_STATES = ['draft', 'submitted', 'leader-approved', 'approved', 'returned'] as const satisfies readonly ReviewState[]
export type RecordReviewState = (typeof RECORD_REVIEW_STATES)[number]

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'publish', 'return', 'unpublish'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

export const stateLabels: Record<ReviewState, Label> = {
  draft: { vi: 'Nháp', en: 'Draft' },
  submitted: { vi: 'Chờ tổ trưởng duyệt', en: 'Awaiting team leader' },
  'leader-approved': { vi: 'Chờ BGH duyệt', en: 'Awaiting the board' },
  scheduled: { vi: 'Đã duyệt, chờ đến giờ đăng', en: 'Approved, scheduled' },
  published: { vi: 'Đã đăng', en: 'Published' },
  returned: { vi: 'Bị trả lại', en: 'Returned to author' },
  unpublished: { vi: 'Đã gỡ', en: 'Unpublished' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
}

export const actionLabels: Record<WorkflowAction, Label> = {
  submit: { vi: 'Gửi duyệt', en: 'Submit for review' },
  approve: { vi: 'Tổ trưởng duyệt', en: 'Approve (team leader)' },
  publish: { vi: 'BGH duyệt và đăng', en: 'Approve and publish (board)' },
  return: { vi: 'Trả lại', en: 'Return to author' },
  unpublish: { vi: 'Gỡ bài', en: 'Unpublish' },
}
