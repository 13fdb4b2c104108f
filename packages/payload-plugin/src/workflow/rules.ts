import { DEFAULT_BOARD_ROLES, relationId, rolesInSchool, SCHOOL_ROLES, type RoleHolder, type SchoolRole } from '../roles.ts'
import type { ReviewState, WorkflowAction } from './states.ts'

/** Which school roles act at which step; by default the team leader reviews, then the board (docs/domain.md § Approval). */
export type WorkflowRoles = {
  /** Roles that may write and submit. */
  authors: readonly SchoolRole[]
  /** First step: reviewers of their own department. */
  leaders: readonly SchoolRole[]
  /** Final step: approve and publish, return, unpublish. */
  board: readonly SchoolRole[]
}

export const DEFAULT_WORKFLOW_ROLES: WorkflowRoles = {
  authors: SCHOOL_ROLES,
  leaders: ['team-leader'],
  board: DEFAULT_BOARD_ROLES,
}

/**
 * How a collection's documents are reviewed. Website content goes author → team leader → board and
 * ends published; a record (a filed document, a lesson plan) ends approved, and a folder may leave
 * the team leader out. One rule set serves both (decideTransition).
 */
export type ApprovalChain = {
  /** Whether the team leader of the document's department reviews before the board. */
  leaderStep: boolean
  /** What the board's last step does: put the content live (`publish`), or approve the record (`approve`). */
  outcome: 'published' | 'approved'
}
export const WEBSITE_CHAIN: ApprovalChain = { leaderStep: true, outcome: 'published' }
/** Lesson plans, and folders whose files a department's leader checks first (a department's, a teacher's). */
export const LEADER_THEN_BOARD: ApprovalChain = { leaderStep: true, outcome: 'approved' }
/** The school's own folders: the board approves. */
export const BOARD_ONLY: ApprovalChain = { leaderStep: false, outcome: 'approved' }

type ID = number | string

/** What the rules need to know of a document. */
export type WorkflowSubject = {
  school: ID | { id: ID } | null | undefined
  author: ID | { id: ID } | null | undefined
  /** A `departments` id (or the populated department). */
  department?: ID | { id: ID } | null
  /** State of the working copy (the latest version). */
  state: ReviewState
  /** Whether a version is live on the website. */
  isLive: boolean
  showsStudents?: boolean | null
  consent?: string | null
}

export type TransitionRefusal =
  | 'workflow.not-in-school'
  | 'workflow.not-author'
  | 'workflow.wrong-state'
  | 'workflow.not-leader'
  | 'workflow.other-department'
  | 'workflow.not-board'
  | 'workflow.reason-required'
  | 'workflow.department-required'
  | 'workflow.consent-required'

export type TransitionDecision =
  | { ok: true; to: ReviewState; actingAs: SchoolRole | 'author' }
  | { ok: false; refusal: TransitionRefusal }

/** Departments are records: compared by id, so one spelling is one department. */
const normaliseDepartment = (value: ID | { id: ID } | null | undefined) => {
  const id = relationId(value ?? null)
  return id === null || id === '' ? '' : String(id)
}

/** Departments the actor leads in a school. */
function ledDepartments(actor: RoleHolder, schoolId: ID, leaders: readonly SchoolRole[]): string[] {
  return (actor.memberships ?? [])
    .filter((m) => String(relationId(m.school)) === String(schoolId))
    .filter((m) => (m.roles ?? []).some((r) => leaders.includes(r as SchoolRole)))
    .map((m) => normaliseDepartment(m.department))
    .filter(Boolean)
}

export function isBoardMember(actor: RoleHolder, schoolId: ID, roles: WorkflowRoles) {
  return rolesInSchool(actor, schoolId).some((role) => roles.board.includes(role))
}

export function leadsDepartment(actor: RoleHolder, schoolId: ID, department: ID | { id: ID } | null | undefined, roles: WorkflowRoles) {
  const wanted = normaliseDepartment(department)
  return wanted !== '' && ledDepartments(actor, schoolId, roles.leaders).includes(wanted)
}

/**
 * The one place that says who may move a document from which state to which. Pure: the caller
 * loads the document and the actor, and applies the decision.
 */
export function decideTransition(args: {
  action: WorkflowAction
  actor: RoleHolder
  doc: WorkflowSubject
  reason?: string | null
  /** The project's roles (options.workflow.roles): required, so no caller falls back to the defaults unseen. */
  roles: WorkflowRoles
  /** For publish: when the approved version should go live (default now). */
  publishAt?: Date | null
  now?: Date
  /** The collection's review chain; website content's by default. */
  chain?: ApprovalChain
}): TransitionDecision {
  const { action, actor, doc, roles } = args
  const chain = args.chain ?? WEBSITE_CHAIN
  const isRecord = chain.outcome === 'approved'
  const schoolId = relationId(doc.school)
  const refuse = (refusal: TransitionRefusal): TransitionDecision => ({ ok: false, refusal })
  if (schoolId === null) return refuse('workflow.not-in-school')
  const held = rolesInSchool(actor, schoolId)
  if (held.length === 0) return refuse('workflow.not-in-school')

  const isAuthor = String(relationId(doc.author)) === String(actor.id)
  const board = held.some((role) => roles.board.includes(role))
  const leader = leadsDepartment(actor, schoolId, doc.department, roles)
  const authorIsBoard = isAuthor && board
  // A record approved earlier is submitted again with its new version.
  const editable: ReviewState[] = isRecord ? ['draft', 'returned', 'approved'] : ['draft', 'returned', 'unpublished']
  const boardRole = () => held.find((r) => roles.board.includes(r))!

  switch (action) {
    case 'submit': {
      if (!isAuthor) return refuse('workflow.not-author')
      if (!editable.includes(doc.state)) return refuse('workflow.wrong-state')
      // Without a leader step the board reviews at once; a team leader's own work skips their step; so does the board's.
      if (!chain.leaderStep || board || leader) return { ok: true, to: 'leader-approved', actingAs: 'author' }
      if (!normaliseDepartment(doc.department)) return refuse('workflow.department-required')
      return { ok: true, to: 'submitted', actingAs: 'author' }
    }
    case 'approve': {
      // A record's last step is the board's approval (no publishing).
      if (isRecord && doc.state === 'leader-approved') {
        if (!board) return refuse('workflow.not-board')
        return { ok: true, to: 'approved', actingAs: boardRole() }
      }
      if (doc.state !== 'submitted') return refuse('workflow.wrong-state')
      if (!held.some((role) => roles.leaders.includes(role))) return refuse('workflow.not-leader')
      if (!leader) return refuse('workflow.other-department')
      return { ok: true, to: 'leader-approved', actingAs: 'team-leader' }
    }
    case 'publish': {
      if (isRecord) return refuse('workflow.wrong-state')
      if (!board) return refuse('workflow.not-board')
      const fromReview = doc.state === 'leader-approved'
      const ownPost = authorIsBoard && editable.includes(doc.state)
      if (!fromReview && !ownPost) return refuse('workflow.wrong-state')
      if (doc.showsStudents && !(doc.consent ?? '').trim()) return refuse('workflow.consent-required')
      const now = args.now ?? new Date()
      const later = args.publishAt && args.publishAt.getTime() > now.getTime()
      return { ok: true, to: later ? 'scheduled' : 'published', actingAs: held.find((r) => roles.board.includes(r))! }
    }
    case 'return': {
      if ((args.reason ?? '').trim().length < 3) return refuse('workflow.reason-required')
      if (doc.state === 'submitted') {
        if (leader) return { ok: true, to: 'returned', actingAs: 'team-leader' }
        if (board) return { ok: true, to: 'returned', actingAs: boardRole() }
        return held.some((role) => roles.leaders.includes(role)) ? refuse('workflow.other-department') : refuse('workflow.not-leader')
      }
      if (doc.state === 'leader-approved' || doc.state === 'scheduled') {
        if (board) return { ok: true, to: 'returned', actingAs: held.find((r) => roles.board.includes(r))! }
        return refuse('workflow.not-board')
      }
      return refuse('workflow.wrong-state')
    }
    case 'unpublish': {
      if (isRecord) return refuse('workflow.wrong-state')
      if (!board) return refuse('workflow.not-board')
      if (!doc.isLive) return refuse('workflow.wrong-state')
      return { ok: true, to: 'unpublished', actingAs: held.find((r) => roles.board.includes(r))! }
    }
  }
}

/** Whether the actor is the reviewer the document is waiting for (for queues and edit rules). */
export function isAwaitingActor(actor: RoleHolder, doc: WorkflowSubject, roles: WorkflowRoles): boolean {
  const schoolId = relationId(doc.school)
  if (schoolId === null) return false
  if (doc.state === 'submitted') return leadsDepartment(actor, schoolId, doc.department, roles)
  if (doc.state === 'leader-approved') return isBoardMember(actor, schoolId, roles)
  return false
}
