import type { PayloadRequest } from 'payload'

import { relationId } from '../roles.ts'

type ID = number | string
export type SchoolTeacher = { id: ID; name: string; department: ID | null }

/** Roles that teach (a folder of their own in the tree, lesson plans of their own). */
const TEACHING_ROLES = ['teacher', 'homeroom-teacher', 'team-leader']

/** The school's teachers by name, each with the department of their membership there. */
export async function teachersOfSchool(req: PayloadRequest, school: ID): Promise<SchoolTeacher[]> {
  const members = await req.payload.find({ collection: 'users', where: { 'memberships.school': { equals: school } }, sort: 'fullName', depth: 0, pagination: false, overrideAccess: true, req })
  return members.docs
    .map((u) => {
      const user = u as { id: ID; fullName?: unknown; email?: unknown; memberships?: { school: unknown; roles?: string[]; department?: unknown }[] }
      const m = (user.memberships ?? []).find((row) => String(relationId(row.school)) === String(school))
      return m && (m.roles ?? []).some((r) => TEACHING_ROLES.includes(r)) ? { id: user.id, name: String(user.fullName || user.email), department: relationId(m.department ?? null) } : null
    })
    .filter((t): t is SchoolTeacher => t !== null)
}
