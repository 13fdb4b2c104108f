import type { Access, PayloadRequest, Where } from 'payload'

import { homeroomClassesOf, managesAllTheirSchools, RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../../roles.ts'

/**
 * Who reads and writes the timetable (issue 14 items 1 and 7), for every path (REST, GraphQL, Local
 * API with overrideAccess: false; the save hooks check the school again against the class):
 *
 * - The board (principal, vice-principal) and the school admin write their school's timetables and
 *   slots, and read all of them.
 * - A teacher reads their own slots and the timetables of the classes they teach; a homeroom teacher
 *   reads their class's timetable and every slot of it.
 * - District staff and anonymous visitors: nothing (the district gets counts, not schedules).
 */

type ID = number | string

/** The classes the user teaches (any teaching assignment). Once per request. */
const taughtCache = new WeakMap<object, Promise<ID[]>>()
export function classesTaughtBy(req: PayloadRequest): Promise<ID[]> {
  const actor = currentUser(req)
  if (!actor) return Promise.resolve([])
  const cached = taughtCache.get(req)
  if (cached) return cached
  const load = req.payload
    .find({ collection: 'teaching-assignments', where: { teacher: { equals: actor.id } }, pagination: false, depth: 0, select: { class: true }, overrideAccess: true, req })
    .then((found) => [...new Map(found.docs.map((a) => relationId(a.class)).filter((id): id is ID => id !== null).map((id) => [String(id), id])).values()])
  taughtCache.set(req, load)
  return load
}

const managed = (req: PayloadRequest): ID[] => schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS)

export const readTimetables: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const schools = managed(req)
  const or: Where[] = schools.length > 0 ? [{ school: { in: schools } }] : []
  if (managesAllTheirSchools(actor)) return or.length > 0 ? { or } : false
  const classes = [...(await classesTaughtBy(req)), ...(await homeroomClassesOf(req))]
  if (classes.length > 0) or.push({ class: { in: classes } })
  return or.length > 0 ? { or } : false
}

export const readTimetableSlots: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const schools = managed(req)
  const or: Where[] = schools.length > 0 ? [{ school: { in: schools } }] : []
  if (managesAllTheirSchools(actor)) return or.length > 0 ? { or } : false
  or.push({ teacher: { equals: actor.id } })
  const homeroom = await homeroomClassesOf(req)
  if (homeroom.length > 0) or.push({ class: { in: homeroom } })
  return { or }
}

/** Create: a manager of some school (the save hook checks it is the class's school). */
export const writeTimetables: Access = ({ req }) => Boolean(currentUser(req)) && managed(req).length > 0

/** Update, delete: the documents of the schools one manages. */
export const manageTimetables: Access = ({ req }) => {
  const schools = managed(req)
  return currentUser(req) && schools.length > 0 ? { school: { in: schools } } : false
}

/** May the caller see every slot of this class (the week view by class)? The board, the school admin, its homeroom teacher. */
export async function maySeeClassTimetable(req: PayloadRequest, klass: { id: ID; school?: unknown }): Promise<boolean> {
  const actor = currentUser(req)
  if (!actor) return false
  if (managed(req).some((school) => String(school) === String(relationId(klass.school)))) return true
  return (await homeroomClassesOf(req)).some((id) => String(id) === String(klass.id))
}
