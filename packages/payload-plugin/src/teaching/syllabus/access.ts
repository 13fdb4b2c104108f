import type { Access, Where } from 'payload'

import { managesSchool, RECORD_MANAGERS, RECORD_READERS } from '../../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'

/**
 * Who reads and writes a PPCT (issue 14 item 2), on every path: these access functions (REST,
 * GraphQL, Local API with overrideAccess: false) and the save hook (syllabi.ts), which checks the
 * stored result — a team leader cannot move a PPCT to another department.
 *
 * - Written by the team leader of the department that shares it (a membership with the
 *   team-leader role and that department, as records/rights.ts finds team leaders) and by the
 *   school's board and admin team.
 * - Read by everyone of the school (a department shares one PPCT; the plans and the class log read
 *   it for every teacher). District staff and anonymous users: nothing.
 */

type ID = number | string

/** The (school, department) pairs the user leads as team leader. */
export function ledDepartments(actor: RoleHolder | null | undefined): { school: ID; department: ID }[] {
  const led: { school: ID; department: ID }[] = []
  for (const membership of actor?.memberships ?? []) {
    const school = relationId(membership.school)
    const department = relationId(membership.department)
    if (school !== null && department !== null && (membership.roles ?? []).includes('team-leader')) led.push({ school, department })
  }
  return led
}

/** May the user write the PPCT of this school shared by this department? */
export function maySyllabusWrite(actor: RoleHolder | null | undefined, school: unknown, department: unknown): boolean {
  if (!actor) return false
  if (managesSchool(actor, school)) return true
  return ledDepartments(actor).some((led) => String(led.school) === String(relationId(school)) && String(led.department) === String(relationId(department)))
}

/** Schools where the user may write some PPCT (managers' schools, team leaders' schools). */
export function schoolsWhereSyllabusWriter(actor: RoleHolder | null | undefined): ID[] {
  const ids = [...schoolsWhereUserHas(actor, RECORD_MANAGERS), ...ledDepartments(actor).map((led) => led.school)]
  return [...new Map(ids.map((id) => [String(id), id])).values()]
}

export const readSyllabi: Access = ({ req }) => {
  const schools = schoolsWhereUserHas(currentUser(req), RECORD_READERS)
  return schools.length > 0 ? { school: { in: schools } } : false
}

/** Create: without data Payload asks whether to show the button; with data, the school and department sent. */
export const createSyllabi: Access = ({ req, data }) => {
  const actor = currentUser(req)
  if (!data) return schoolsWhereSyllabusWriter(actor).length > 0
  const { school, department } = data as { school?: unknown; department?: unknown }
  // A missing school is filled in by the tenant field before the save hook, which checks again.
  if (relationId(school) === null) return schoolsWhereSyllabusWriter(actor).length > 0
  return maySyllabusWrite(actor, school, department)
}

/** Update and delete: the managers' schools' PPCTs and the led departments' ones. */
export const writeSyllabi: Access = ({ req }) => {
  const actor = currentUser(req)
  const or: Where[] = []
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  if (managed.length > 0) or.push({ school: { in: managed } })
  for (const led of ledDepartments(actor)) or.push({ and: [{ school: { equals: led.school } }, { department: { equals: led.department } }] })
  return or.length > 0 ? { or } : false
}
