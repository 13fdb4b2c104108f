import type { Access, PayloadRequest, Where } from 'payload'

import { homeroomClassesOf, readHomeroomRecords } from '../../records/rights.ts'
import { currentUser, relationId, rolesInSchool, schoolsWhereUserHas } from '../../roles.ts'

/**
 * Who sees and takes the daily attendance (issue 14 items 5 and 7), on every path:
 * - the class's homeroom teacher takes it; the school admin too (standing in for an absent one);
 * - the board and the school admin read the whole school's, the homeroom teacher their class's;
 * - district staff read counts only (GET /api/attendance/daily), never these documents, which name
 *   children; anonymous: nothing. Nobody deletes: a session is corrected by saving it again.
 */

type ID = number | string

const takers = (req: PayloadRequest) => schoolsWhereUserHas(currentUser(req), ['school-admin'])

export const readAttendance: Access = readHomeroomRecords

export const createAttendance: Access = async ({ req }) => Boolean(currentUser(req)) && (takers(req).length > 0 || (await homeroomClassesOf(req)).length > 0)

export const updateAttendance: Access = async ({ req }) => {
  if (!currentUser(req)) return false
  const or: Where[] = []
  const schools = takers(req)
  if (schools.length > 0) or.push({ school: { in: schools } })
  const homeroom = await homeroomClassesOf(req)
  if (homeroom.length > 0) or.push({ class: { in: homeroom } })
  return or.length > 0 ? { or } : false
}

/** The save hook's check: this user takes this class's attendance. */
export async function takesAttendanceOf(req: PayloadRequest, klass: { id: ID; school?: unknown; homeroomTeacher?: unknown }): Promise<boolean> {
  const actor = currentUser(req)
  if (!actor) return false
  if (String(relationId(klass.homeroomTeacher)) === String(actor.id)) return true
  const school = relationId(klass.school)
  return school !== null && rolesInSchool(actor, school).includes('school-admin')
}
