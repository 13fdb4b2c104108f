import type { PayloadRequest, Where } from 'payload'

import { currentUser, relationId, schoolsWhereUserHas, type SchoolRole } from '../roles.ts'

type ID = number | string

export type PickableClass = { id: ID; name: string; homeroom: boolean }

/**
 * The classes an admin screen offers the user, of the latest school year among them (last year's are
 * read-only history): every class of the schools where they hold one of `managerRoles`, the classes
 * they are the homeroom teacher of, and with `taught` the classes of their teaching assignments.
 * Ordered by grade and name; `homeroom` marks their own class.
 */
export async function classesToPick(req: PayloadRequest, { managerRoles, taught = false }: { managerRoles: readonly SchoolRole[]; taught?: boolean }): Promise<PickableClass[]> {
  const user = currentUser(req)
  if (!user) return []
  const managed = schoolsWhereUserHas(user, managerRoles)
  const or: Where[] = [{ homeroomTeacher: { equals: user.id } }]
  if (managed.length > 0) or.push({ school: { in: managed } })
  if (taught) {
    const { docs } = await req.payload.db.find({ collection: 'teaching-assignments', where: { teacher: { equals: user.id } }, pagination: false, limit: 0, select: { class: true }, req })
    const ids = [...new Set(docs.map((a) => relationId((a as { class?: unknown }).class)).filter((id): id is ID => id !== null))]
    if (ids.length > 0) or.push({ id: { in: ids } })
  }
  const { docs } = await req.payload.find({ collection: 'classes', where: { or }, sort: ['-schoolYear', 'grade', 'name'], pagination: false, depth: 0, overrideAccess: true, req })
  const latest = docs.map((doc) => String((doc as { schoolYear?: string }).schoolYear ?? '')).sort().at(-1)
  return docs
    .filter((doc) => String((doc as { schoolYear?: string }).schoolYear) === latest)
    .map((doc) => ({ id: doc.id as ID, name: String((doc as { name?: string }).name ?? ''), homeroom: String(relationId((doc as { homeroomTeacher?: unknown }).homeroomTeacher)) === String(user.id) }))
}
