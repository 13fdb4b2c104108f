import type { Access, Where } from 'payload'

import { RECORD_MANAGERS } from '../records/rights.ts'
import { currentUser, isDistrictUser, relationId, schoolsWhereUserHas, type RoleHolder } from '../roles.ts'

/**
 * Who reads the education records (issue 15 items 1, 3, 7), on every path (REST, GraphQL, admin):
 * - the writer (author, the lesson plan's teacher, a file's uploader) reads their own;
 * - the school's board and admin read everything of their school;
 * - a team leader reads their department's (they review it first);
 * - colleagues of the school read what was approved;
 * - the office above reads approved work only, never drafts;
 * - anonymous callers read nothing: none of it reaches a public site.
 */

type ID = number | string

/** The departments the actor leads (team leader with a department in the membership). */
export function ledDepartmentIds(actor: RoleHolder | null | undefined): ID[] {
  return (actor?.memberships ?? [])
    .filter((m) => (m.roles ?? []).includes('team-leader'))
    .map((m) => relationId(m.department ?? null))
    .filter((id): id is ID => id !== null)
}

function readScoped(ownerField: string, approved: Where): Access {
  return ({ req }) => {
    const actor = currentUser(req)
    if (!actor) return false
    if (isDistrictUser(actor)) return approved
    const or: Where[] = [{ [ownerField]: { equals: actor.id } }]
    const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
    if (managed.length > 0) or.push({ school: { in: managed } })
    const led = ledDepartmentIds(actor)
    if (led.length > 0) or.push({ department: { in: led } })
    const schools = schoolsWhereUserHas(actor)
    if (schools.length > 0) or.push({ and: [{ school: { in: schools } }, approved] })
    return { or }
  }
}

/** A document is shared once a version of it was approved (that version; see the files' rule). */
export const readEducationDocuments = readScoped('author', { approvedFile: { exists: true } })
export const readLessonPlans = readScoped('teacher', { approvedFile: { exists: true } })
export const readEducationFiles = readScoped('uploadedBy', { approved: { equals: true } })

/** Members of a school reach the hooks, which say who may file where (filers.ts); others get 403. */
export const membersOfASchool: Access = ({ req }) => schoolsWhereUserHas(currentUser(req)).length > 0

/** The folders: the school's members and the office above read them; the board and the school admin adjust them. */
export const readFolders: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  if (isDistrictUser(actor)) return true
  const schools = schoolsWhereUserHas(actor)
  return schools.length > 0 ? { school: { in: schools } } : false
}
export const manageFolders: Access = ({ req }) => {
  const managed = schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS)
  return managed.length > 0 ? { school: { in: managed } } : false
}
