import type { Access, Where } from 'payload'

import { isDistrictUser, relationId, schoolsWhereUserHas, type RoleHolder, type SchoolRole } from '../roles.ts'
import type { WorkflowRoles } from './rules.ts'

/**
 * Website content: the public reads only what is published; members of a school read all of their
 * school's content (the multi-tenant plugin adds the school constraint); district staff read all.
 */
export const readPublishedOrMember: Access = ({ req: { user } }) => {
  if (!user) return { _status: { equals: 'published' } }
  return true
}

/** Only signed-in members (the multi-tenant plugin narrows it to their schools). */
export const signedIn: Access = ({ req: { user } }) => Boolean(user)

export function canWriteContent(roles: WorkflowRoles): Access {
  return ({ req: { user } }) => Boolean(user) && schoolsWhereUserHas(user, roles.authors).length > 0
}

/** Departments led by the user in a school, as stored (for a database constraint). */
function ledDepartmentRows(user: RoleHolder, roles: WorkflowRoles): { school: number | string; department: number | string }[] {
  const rows: { school: number | string; department: number | string }[] = []
  for (const m of user.memberships ?? []) {
    const school = relationId(m.school)
    const department = relationId(m.department)
    if (school === null || department === null) continue
    if ((m.roles ?? []).some((r) => roles.leaders.includes(r as SchoolRole))) rows.push({ school, department })
  }
  return rows
}

/**
 * Authors edit their own; team leaders their department's; the board all of its school's.
 * For one document (`id`), the team leader's right follows the latest draft: a draft save leaves the
 * main row as first saved, so a department filled in later would otherwise never reach its leader.
 */
export function updateWorkflowContent(roles: WorkflowRoles, collection?: string): Access {
  return async ({ req, id }) => {
    const { user } = req
    if (!user) return false
    if (isDistrictUser(user) && (user.memberships ?? []).length === 0) return false
    const or: Where[] = [{ author: { equals: user.id } }]
    const boardSchools = schoolsWhereUserHas(user, roles.board)
    if (boardSchools.length > 0) or.push({ school: { in: boardSchools } })
    const led = ledDepartmentRows(user, roles)
    if (led.length > 0 && collection && id !== undefined && id !== null) {
      const latest = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
      const school = relationId(latest?.school ?? null)
      const department = relationId(latest?.department ?? null)
      if (led.some((row) => String(row.school) === String(school) && String(row.department) === String(department))) {
        or.push({ id: { equals: id } })
      }
    } else {
      for (const row of led) {
        or.push({ and: [{ school: { equals: row.school } }, { department: { equals: row.department } }] })
      }
    }
    return { or }
  }
}

/** Authors delete their own unpublished work; the board deletes anything of its school. */
export function deleteWorkflowContent(roles: WorkflowRoles): Access {
  return ({ req: { user } }) => {
    if (!user) return false
    const or: Where[] = [
      { and: [{ author: { equals: user.id } }, { workflowState: { in: ['draft', 'returned'] } }] },
    ]
    const boardSchools = schoolsWhereUserHas(user, roles.board)
    if (boardSchools.length > 0) or.push({ school: { in: boardSchools } })
    return { or }
  }
}

/** The project's board and the school admins manage a school's own pages (introduction). */
export function manageSchoolPages(roles: WorkflowRoles): Access {
  const managers: readonly SchoolRole[] = ['school-admin', ...roles.board.filter((role) => role !== 'school-admin')]
  return ({ req: { user } }) => {
    if (!user) return false
    const schools = schoolsWhereUserHas(user, managers)
    return schools.length > 0 ? { school: { in: schools } } : false
  }
}
