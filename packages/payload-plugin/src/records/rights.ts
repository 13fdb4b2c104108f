import type { Access, FieldAccess, Where } from 'payload'

import { isDistrictUser, relationId, rolesInSchool, schoolsWhereUserHas, type RoleHolder, type SchoolRole } from '../roles.ts'

/** Roles that read and edit every record of their school (DOMAIN.md §1). */
export const RECORD_MANAGERS: readonly SchoolRole[] = ['school-admin', 'principal', 'vice-principal']
/** Roles that see the records of their school at all. */
export const RECORD_READERS: readonly SchoolRole[] = ['school-admin', 'principal', 'vice-principal', 'team-leader', 'teacher', 'homeroom-teacher', 'staff']

type Doc = { school?: unknown; homeroomTeacher?: unknown; user?: unknown } | undefined

const user = (req: { user?: unknown }) => req.user as RoleHolder | null | undefined

export function managesSchool(actor: RoleHolder | null | undefined, school: unknown): boolean {
  const id = relationId(school as never)
  return Boolean(actor) && id !== null && rolesInSchool(actor, id).some((r) => RECORD_MANAGERS.includes(r))
}

/**
 * Students' personal data (CCCD, addresses, phones, parents, religion, ethnicity, policy category):
 * the school's managers, and the homeroom teacher of the student's current class.
 */
export function canReadStudentPersonalData(actor: RoleHolder | null | undefined, student: Doc): boolean {
  if (!actor || !student) return false
  if (managesSchool(actor, student.school)) return true
  return String(relationId(student.homeroomTeacher as never)) === String(actor.id)
}

/** Records of a school: readable by its members (the multi-tenant plugin scopes to their schools) and district staff. */
export const readRecords: Access = ({ req }) => {
  const actor = user(req)
  if (!actor) return false
  if (isDistrictUser(actor)) return true
  return schoolsWhereUserHas(actor, RECORD_READERS).length > 0
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
  return managesSchool(actor, (doc as Doc)?.school) || String(relationId((doc as Doc)?.user as never)) === String(actor.id)
}

/** Staff work and qualification fields: edited by managers only; read by the person and managers. */
export const staffManagerField: FieldAccess = ({ req, doc }) => {
  const actor = user(req)
  if (!actor) return false
  if (!doc) return schoolsWhereUserHas(actor, RECORD_MANAGERS).length > 0
  return managesSchool(actor, (doc as Doc)?.school)
}
