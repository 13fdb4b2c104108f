import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

import { currentUser, isDistrictUser, overseesSchool, relationId, rolesInSchool, SCHOOL_MANAGER_ROLES, SCHOOL_ROLES, schoolsWhereUserHas, type RoleHolder, type SchoolRole } from '../roles.ts'

/** Roles that read and edit every record of their school: the board and the admin team. */
export const RECORD_MANAGERS: readonly SchoolRole[] = SCHOOL_MANAGER_ROLES
/** Roles that see the records of their school at all. */
export const RECORD_READERS: readonly SchoolRole[] = SCHOOL_ROLES

type Doc = { school?: unknown; homeroomTeacher?: unknown; user?: unknown } | undefined

const user = currentUser

export function managesSchool(actor: RoleHolder | null | undefined, school: unknown): boolean {
  const id = relationId(school)
  return Boolean(actor) && id !== null && rolesInSchool(actor, id).some((r) => RECORD_MANAGERS.includes(r))
}

/**
 * Students' personal data (CCCD, addresses, phones, parents, religion, ethnicity, policy category):
 * the school's managers, and the homeroom teacher of the student's current class.
 */
export function canReadStudentPersonalData(actor: RoleHolder | null | undefined, student: Doc): boolean {
  if (!actor || !student) return false
  if (managesSchool(actor, student.school)) return true
  return String(relationId(student.homeroomTeacher)) === String(actor.id)
}

/** Records of a school: readable by its members (the multi-tenant plugin scopes to their schools) and district staff. */
export const readRecords: Access = ({ req }) => {
  const actor = user(req)
  if (!actor) return false
  if (isDistrictUser(actor)) return true
  return schoolsWhereUserHas(actor, RECORD_READERS).length > 0
}

/**
 * The teachers of the departments a user leads as team leader (by the teachers' department
 * membership in that school, the leader included): whose gradebooks they check. Once per request.
 */
const departmentCache = new WeakMap<object, Promise<(number | string)[]>>()
export function teachersOfLedDepartments(req: PayloadRequest): Promise<(number | string)[]> {
  const actor = user(req)
  if (!actor) return Promise.resolve([])
  const cached = departmentCache.get(req)
  if (cached) return cached
  const load = (async () => {
    const teachers: (number | string)[] = []
    for (const m of actor.memberships ?? []) {
      const school = relationId(m.school)
      if (school === null || !m.department || !(m.roles ?? []).includes('team-leader')) continue
      const colleagues = await req.payload.find({
        collection: 'users',
        where: { and: [{ 'memberships.school': { equals: school } }, { 'memberships.department': { equals: relationId(m.department) } }] },
        pagination: false,
        depth: 0,
        select: {},
        overrideAccess: true,
        req,
      })
      teachers.push(...colleagues.docs.map((u) => u.id))
    }
    return teachers
  })()
  departmentCache.set(req, load)
  return load
}

/** The classes the user is homeroom teacher of. Once per request. */
const homeroomCache = new WeakMap<object, Promise<(number | string)[]>>()
export function homeroomClassesOf(req: PayloadRequest): Promise<(number | string)[]> {
  const actor = user(req)
  if (!actor) return Promise.resolve([])
  const cached = homeroomCache.get(req)
  if (cached) return cached
  const load = req.payload
    .find({ collection: 'classes', where: { homeroomTeacher: { equals: actor.id } }, pagination: false, depth: 0, select: {}, overrideAccess: true, req })
    .then((found) => found.docs.map((c) => c.id as number | string))
  homeroomCache.set(req, load)
  return load
}

/**
 * The classes whose students a teacher may see: those they teach (teaching assignments) or lead as
 * homeroom teacher; a team leader also those taught by their department's teachers (they check
 * their gradebooks). Computed once per request.
 */
const classesCache = new WeakMap<object, Promise<(number | string)[]>>()
export function classesOfTeacher(req: PayloadRequest): Promise<(number | string)[]> {
  const actor = user(req)
  if (!actor) return Promise.resolve([])
  const cached = classesCache.get(req)
  if (cached) return cached
  const load = (async () => {
    const teachers: (number | string)[] = [actor.id as number | string, ...(await teachersOfLedDepartments(req))]
    const [assigned, homeroom] = await Promise.all([
      req.payload.find({ collection: 'teaching-assignments', where: { teacher: { in: teachers } }, pagination: false, depth: 0, select: { class: true }, overrideAccess: true, req }),
      homeroomClassesOf(req),
    ])
    const ids = [...assigned.docs.map((a) => relationId(a.class)), ...homeroom]
    return [...new Map(ids.filter((id) => id !== null).map((id) => [String(id), id!])).values()]
  })()
  classesCache.set(req, load)
  return load
}

/**
 * Students (and their enrolments): the school's managers and district staff see all; a teacher only
 * the students of the classes they teach or lead (access follows the teaching and homeroom assignments).
 */
export function readClassScoped(classField: 'currentClass' | 'class'): Access {
  return async ({ req }) => {
    const actor = user(req)
    if (!actor) return false
    if (isDistrictUser(actor)) return true
    const or: Where[] = []
    const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
    if (managed.length > 0) or.push({ school: { in: managed } })
    // Payload asks for this on every admin page: someone who manages all their schools sees them whole already.
    if (managesAllTheirSchools(actor)) return { or }
    const classes = await classesOfTeacher(req)
    if (classes.length > 0) or.push({ [classField]: { in: classes } })
    return or.length > 0 ? { or } : false
  }
}

/** True when every school the user belongs to is one they manage: school scope covers all they may read. */
export function managesAllTheirSchools(actor: RoleHolder): boolean {
  const managed = new Set(schoolsWhereUserHas(actor, RECORD_MANAGERS).map(String))
  const member = schoolsWhereUserHas(actor).map(String)
  return member.length > 0 && member.every((school) => managed.has(school))
}

/** May the caller see the list of this class (roster, export)? */
export async function canSeeClassList(req: PayloadRequest, klass: { id: number | string; school?: unknown }): Promise<boolean> {
  const actor = user(req)
  if (!actor) return false
  if (overseesSchool(actor, klass.school) || managesSchool(actor, klass.school)) return true
  return (await classesOfTeacher(req)).some((id) => String(id) === String(klass.id))
}

/** Writes by the school's managers only. */
export const manageRecords: Access = ({ req }) => {
  const actor = user(req)
  if (!actor) return false
  const schools = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  return schools.length > 0 ? ({ school: { in: schools } } satisfies Where) : false
}

export const createRecords: Access = ({ req }) => Boolean(user(req)) && schoolsWhereUserHas(user(req), RECORD_MANAGERS).length > 0

/**
 * Without a document Payload is asking whether the field may be filtered or sorted on (or written on
 * create): only managers may, or a reader could guess a CCCD digit by digit with `where[cccd][like]`.
 * Managers' own-school scope comes from the collection's access.
 */
const managesSomeSchool = (actor: RoleHolder | null | undefined): boolean =>
  Boolean(actor) && schoolsWhereUserHas(actor, RECORD_MANAGERS).length > 0

export const studentPersonalField: FieldAccess = ({ req, doc }) =>
  doc ? canReadStudentPersonalData(user(req), doc as Doc) : managesSomeSchool(user(req))

/** The CCCD is shown on every record a reader sees (masked for most), but only managers query by it. */
export const studentCccdField: FieldAccess = ({ req, doc }) => (doc ? Boolean(user(req)) : managesSomeSchool(user(req)))

/** Fields derived from events (current class, status, homeroom teacher): written by the server only. */
export const derivedField: FieldAccess = () => false

/** Staff personal fields: the person themself and the school's managers. */
export const staffPersonalField: FieldAccess = ({ req, doc }) => {
  const actor = user(req)
  if (!actor) return false
  if (!doc) return managesSomeSchool(actor)
  return managesSchool(actor, (doc as Doc)?.school) || String(relationId((doc as Doc)?.user)) === String(actor.id)
}

/** Staff work and qualification fields: edited by managers only; read by the person and managers. */
export const staffManagerField: FieldAccess = ({ req, doc }) => {
  const actor = user(req)
  if (!actor) return false
  if (!doc) return schoolsWhereUserHas(actor, RECORD_MANAGERS).length > 0
  return managesSchool(actor, (doc as Doc)?.school)
}

/**
 * Reads of what a class's homeroom teacher keeps (term records, attendance, the class log's weekly
 * closings): the school's managers read their school's, the homeroom teacher their class's.
 */
export const readHomeroomRecords: Access = async ({ req }) => {
  const actor = user(req)
  if (!actor) return false
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  const or: Where[] = managed.length > 0 ? [{ school: { in: managed } }] : []
  if (managesAllTheirSchools(actor)) return or.length > 0 ? { or } : false
  const homeroom = await homeroomClassesOf(req)
  if (homeroom.length > 0) or.push({ class: { in: homeroom } })
  return or.length > 0 ? { or } : false
}
