import { describe, expect, it } from 'vitest'

import { BOARD_ONLY, decideTransition, DEFAULT_WORKFLOW_ROLES as roles, isAwaitingActor, LEADER_THEN_BOARD, type WorkflowSubject } from './rules.ts'

const SCHOOL = 1
const OTHER = 2
// Departments are `departments` records, compared by id.
const MATH = 7
const LIT = 8
const member = (id: number, roles: string[], department?: number, school = SCHOOL) => ({
  id,
  memberships: [{ school, roles, department: department ?? null }],
})
const teacher = member(10, ['teacher'], MATH)
const leaderMath = member(11, ['team-leader', 'teacher'], MATH)
const leaderLit = member(12, ['team-leader'], LIT)
const principal = member(13, ['principal'])
const otherPrincipal = member(14, ['principal'], undefined, OTHER)
const officer = { id: 15, districtRoles: ['district-officer'], memberships: [] }

const post = (over: Partial<WorkflowSubject> = {}): WorkflowSubject => ({
  school: SCHOOL,
  author: teacher.id,
  department: MATH,
  state: 'draft',
  isLive: false,
  ...over,
})

describe('workflow rules', () => {
  it('walks the full path author → team leader → board', () => {
    expect(decideTransition({ roles, action: 'submit', actor: teacher, doc: post() })).toMatchObject({ ok: true, to: 'submitted' })
    expect(decideTransition({ roles, action: 'approve', actor: leaderMath, doc: post({ state: 'submitted' }) })).toMatchObject({ ok: true, to: 'leader-approved' })
    expect(decideTransition({ roles, action: 'publish', actor: principal, doc: post({ state: 'leader-approved' }) })).toMatchObject({ ok: true, to: 'published' })
    expect(decideTransition({ roles, action: 'unpublish', actor: principal, doc: post({ state: 'published', isLive: true }) })).toMatchObject({ ok: true, to: 'unpublished' })
  })

  it('matches a department given as an id, a populated record or a numeric string', () => {
    expect(decideTransition({ roles, action: 'approve', actor: leaderMath, doc: post({ state: 'submitted', department: { id: MATH } }) }).ok).toBe(true)
    expect(decideTransition({ roles, action: 'approve', actor: leaderMath, doc: post({ state: 'submitted', department: String(MATH) }) }).ok).toBe(true)
    expect(decideTransition({ roles, action: 'approve', actor: leaderMath, doc: post({ state: 'submitted', department: LIT }) }).ok).toBe(false)
  })

  it.each([
    ['a teacher approves', 'approve', teacher, post({ state: 'submitted' }), 'workflow.not-leader'],
    ['a leader of another department approves', 'approve', leaderLit, post({ state: 'submitted' }), 'workflow.other-department'],
    ['a teacher publishes', 'publish', teacher, post({ state: 'leader-approved' }), 'workflow.not-board'],
    ['the board publishes before the team leader approved', 'publish', principal, post({ state: 'submitted' }), 'workflow.wrong-state'],
    ['another school’s principal publishes', 'publish', otherPrincipal, post({ state: 'leader-approved' }), 'workflow.not-in-school'],
    ['the district officer publishes', 'publish', officer, post({ state: 'leader-approved' }), 'workflow.not-in-school'],
    ['someone else submits the author’s post', 'submit', leaderMath, post(), 'workflow.not-author'],
    ['a return without a reason', 'return', leaderMath, post({ state: 'submitted' }), 'workflow.reason-required'],
    ['a team leader returns at the board step', 'return', leaderMath, post({ state: 'leader-approved' }), 'workflow.not-board'],
    ['a teacher unpublishes', 'unpublish', teacher, post({ state: 'published', isLive: true }), 'workflow.not-board'],
    ['unpublishing what is not live', 'unpublish', principal, post({ state: 'draft' }), 'workflow.wrong-state'],
    ['submitting without a department', 'submit', teacher, post({ department: '' }), 'workflow.department-required'],
    ['publishing students without consent', 'publish', principal, post({ state: 'leader-approved', showsStudents: true }), 'workflow.consent-required'],
  ] as const)('refuses: %s', (_, action, actor, doc, refusal) => {
    expect(decideTransition({ roles, action, actor, doc, reason: action === 'return' && refusal !== 'workflow.reason-required' ? 'Sửa lại' : '' })).toEqual({ ok: false, refusal })
  })

  it('lets a team leader’s own post skip their step, and the board publish its own post directly', () => {
    expect(decideTransition({ roles, action: 'submit', actor: leaderMath, doc: post({ author: leaderMath.id }) })).toMatchObject({ to: 'leader-approved' })
    expect(decideTransition({ roles, action: 'publish', actor: principal, doc: post({ author: principal.id, department: null }) })).toMatchObject({ to: 'published' })
    expect(decideTransition({ roles, action: 'publish', actor: principal, doc: post({ state: 'draft' }) })).toEqual({ ok: false, refusal: 'workflow.wrong-state' })
  })

  it('schedules a publish in the future and accepts consent', () => {
    const now = new Date('2026-11-24T08:00:00Z')
    expect(
      decideTransition({
        roles,
        action: 'publish',
        actor: principal,
        doc: post({ state: 'leader-approved', showsStudents: true, consent: 'Cha mẹ HS lớp 5/1 đồng ý (biên bản họp 2/9)' }),
        publishAt: new Date('2026-11-25T00:00:00Z'),
        now,
      }),
    ).toMatchObject({ ok: true, to: 'scheduled' })
  })

  it('knows whose review a document awaits', () => {
    expect(isAwaitingActor(leaderMath, post({ state: 'submitted' }), roles)).toBe(true)
    expect(isAwaitingActor(leaderLit, post({ state: 'submitted' }), roles)).toBe(false)
    expect(isAwaitingActor(principal, post({ state: 'leader-approved' }), roles)).toBe(true)
    expect(isAwaitingActor(principal, post({ state: 'submitted' }), roles)).toBe(false)
  })

  // Education records (issue 15): the same rules, with a chain that ends approved and may leave the leader out.
  describe('records', () => {
    const chain = LEADER_THEN_BOARD
    it('walks teacher → team leader → board and ends approved, never published', () => {
      expect(decideTransition({ roles, chain, action: 'submit', actor: teacher, doc: post() })).toMatchObject({ ok: true, to: 'submitted' })
      expect(decideTransition({ roles, chain, action: 'approve', actor: leaderMath, doc: post({ state: 'submitted' }) })).toMatchObject({ ok: true, to: 'leader-approved', actingAs: 'team-leader' })
      expect(decideTransition({ roles, chain, action: 'approve', actor: principal, doc: post({ state: 'leader-approved' }) })).toMatchObject({ ok: true, to: 'approved', actingAs: 'principal' })
      expect(decideTransition({ roles, chain, action: 'publish', actor: principal, doc: post({ state: 'leader-approved' }) })).toEqual({ ok: false, refusal: 'workflow.wrong-state' })
      expect(decideTransition({ roles, chain, action: 'unpublish', actor: principal, doc: post({ state: 'approved' }) })).toEqual({ ok: false, refusal: 'workflow.wrong-state' })
    })

    it('does not let the board skip the team leader, nor a team leader approve at the board step', () => {
      expect(decideTransition({ roles, chain, action: 'approve', actor: principal, doc: post({ state: 'submitted' }) })).toEqual({ ok: false, refusal: 'workflow.not-leader' })
      expect(decideTransition({ roles, chain, action: 'approve', actor: leaderMath, doc: post({ state: 'leader-approved' }) })).toEqual({ ok: false, refusal: 'workflow.not-board' })
      expect(decideTransition({ roles, chain, action: 'approve', actor: leaderLit, doc: post({ state: 'submitted' }) })).toEqual({ ok: false, refusal: 'workflow.other-department' })
    })

    it('returns with a note at either step, and takes a returned or approved record back for its new version', () => {
      expect(decideTransition({ roles, chain, action: 'return', actor: leaderMath, doc: post({ state: 'submitted' }), reason: 'Bổ sung mục tiêu' })).toMatchObject({ ok: true, to: 'returned' })
      expect(decideTransition({ roles, chain, action: 'return', actor: principal, doc: post({ state: 'leader-approved' }), reason: 'Sửa phần đánh giá' })).toMatchObject({ ok: true, to: 'returned' })
      expect(decideTransition({ roles, chain, action: 'return', actor: leaderMath, doc: post({ state: 'submitted' }) })).toEqual({ ok: false, refusal: 'workflow.reason-required' })
      expect(decideTransition({ roles, chain, action: 'submit', actor: teacher, doc: post({ state: 'returned' }) })).toMatchObject({ ok: true, to: 'submitted' })
      expect(decideTransition({ roles, chain, action: 'submit', actor: teacher, doc: post({ state: 'approved' }) })).toMatchObject({ ok: true, to: 'submitted' })
      expect(decideTransition({ roles, chain, action: 'submit', actor: teacher, doc: post({ state: 'submitted' }) })).toEqual({ ok: false, refusal: 'workflow.wrong-state' })
    })

    it('goes straight to the board where the folder has no leader step, without a department', () => {
      expect(decideTransition({ roles, chain: BOARD_ONLY, action: 'submit', actor: teacher, doc: post({ department: null }) })).toMatchObject({ ok: true, to: 'leader-approved' })
      expect(decideTransition({ roles, chain: BOARD_ONLY, action: 'approve', actor: principal, doc: post({ state: 'leader-approved' }) })).toMatchObject({ ok: true, to: 'approved' })
      expect(decideTransition({ roles, chain: BOARD_ONLY, action: 'approve', actor: teacher, doc: post({ state: 'leader-approved' }) })).toEqual({ ok: false, refusal: 'workflow.not-board' })
    })
  })
})
