import { APIError, type Access, type PayloadRequest, type Where } from 'payload'

import { TRUSTED_WRITE } from '../context.ts'
import { homeroomClassesOf, managesAllTheirSchools, readHomeroomRecords, RECORD_MANAGERS, teachersOfLedDepartments } from '../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../roles.ts'
import { message } from '../translations/index.ts'

/**
 * Who reads and writes the gradebook (issue 13 item 2), for every path: these access functions
 * (REST, GraphQL, Local API with overrideAccess: false) and the save hooks below them (any write
 * made with a user, whatever its path, the import included).
 *
 * - Marks are written only by the teacher of a teaching assignment of that class, subject, school
 *   year and term (or the whole year); student term records (conduct, absences, qualities,
 *   competences) only by the class's homeroom teacher.
 * - The board and the school admin read all of their school's; a team leader reads the marks of the
 *   assignments held by their department's teachers (department = the teacher's membership
 *   department, as for class lists); a homeroom teacher reads the marks of their class (they
 *   compile its results); a teacher reads the marks of their own assignments.
 * - District staff read none: marks and conduct are a child's personal data (docs/domain.md § Who
 *   sees personal data); the district gets results, not mark sheets. Anonymous: nothing.
 * - Nobody deletes through the API: a mark is corrected, never removed.
 */

type ID = number | string
const uniq = (ids: (ID | null)[]) => [...new Map(ids.filter((id): id is ID => id !== null).map((id) => [String(id), id])).values()]

/** Teaching assignments held by these teachers (ids); once per request per set. */
const assignmentsCache = new WeakMap<object, Map<string, Promise<ID[]>>>()
function assignmentsOf(req: PayloadRequest, teachers: ID[]): Promise<ID[]> {
  if (teachers.length === 0) return Promise.resolve([])
  let perRequest = assignmentsCache.get(req)
  if (!perRequest) assignmentsCache.set(req, (perRequest = new Map()))
  const key = teachers.map(String).sort().join(',')
  let found = perRequest.get(key)
  if (!found) {
    found = req.payload
      .find({ collection: 'teaching-assignments', where: { teacher: { in: teachers } }, pagination: false, depth: 0, select: {}, overrideAccess: true, req })
      .then((result) => result.docs.map((doc) => doc.id as ID))
    perRequest.set(key, found)
  }
  return found
}

export const readMarks: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  const or: Where[] = managed.length > 0 ? [{ school: { in: managed } }] : []
  if (managesAllTheirSchools(actor)) return or.length > 0 ? { or } : false
  const assignments = await assignmentsOf(req, uniq([actor.id as ID, ...(await teachersOfLedDepartments(req))]))
  if (assignments.length > 0) or.push({ teachingAssignment: { in: assignments } })
  const homeroom = await homeroomClassesOf(req)
  if (homeroom.length > 0) or.push({ class: { in: homeroom } })
  return or.length > 0 ? { or } : false
}

export type MarkIdentity = { class?: unknown; subject?: unknown; schoolYear?: unknown; term?: unknown }

/** The teaching assignment that covers this class-subject in this year and term, held by `teacher` when given. */
export async function assignmentFor(req: PayloadRequest, mark: MarkIdentity, teacher?: ID): Promise<{ id: ID; teacher: ID | null } | null> {
  const klass = relationId(mark.class)
  const subject = relationId(mark.subject)
  if (klass === null || subject === null || typeof mark.schoolYear !== 'string' || typeof mark.term !== 'string') return null
  const found = await req.payload.find({
    collection: 'teaching-assignments',
    where: {
      and: [
        { class: { equals: klass } },
        { subject: { equals: subject } },
        { schoolYear: { equals: mark.schoolYear } },
        { term: { in: [mark.term, 'year'] } },
        ...(teacher === undefined ? [] : [{ teacher: { equals: teacher } }]),
      ],
    },
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const doc = found.docs[0]
  return doc ? { id: doc.id as ID, teacher: relationId(doc.teacher) } : null
}

/** Create: only a teacher assigned to the mark's class-subject (without data, Payload asks whether the button shows). */
export const createMarks: Access = async ({ req, data }) => {
  const actor = currentUser(req)
  if (!actor) return false
  if (!data) return (await assignmentsOf(req, [actor.id as ID])).length > 0
  return (await assignmentFor(req, data as MarkIdentity, actor.id as ID)) !== null
}

/** Update: the marks of one's own assignments (the save hook checks the result still is). */
export const updateMarks: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const assignments = await assignmentsOf(req, [actor.id as ID])
  return assignments.length > 0 ? { teachingAssignment: { in: assignments } } : false
}

/** Student term records: the school's managers, and the homeroom teacher of the class. */
export const readTermRecords: Access = readHomeroomRecords

export const createTermRecords: Access = async ({ req, data }) => {
  if (!currentUser(req)) return false
  const homeroom = await homeroomClassesOf(req)
  if (!data) return homeroom.length > 0
  return homeroom.some((id) => String(id) === String(relationId((data as { class?: unknown }).class)))
}

export const updateTermRecords: Access = async ({ req }) => {
  if (!currentUser(req)) return false
  const homeroom = await homeroomClassesOf(req)
  return homeroom.length > 0 ? { class: { in: homeroom } } : false
}

export const nobody: Access = () => false

/** A write checked against the writer: made with a user, and not by trusted server code (seed, approved corrections). */
export function writerOf(req: PayloadRequest, context: Record<string, unknown> | undefined): ID | null {
  if (context?.[TRUSTED_WRITE] === true) return null
  const actor = currentUser(req)
  return actor ? (actor.id as ID) : null
}

export function refuse(req: PayloadRequest, key: Parameters<typeof message>[1], vars: Record<string, string | number>): never {
  throw new APIError(message(req, key, vars), 403, undefined, true)
}
