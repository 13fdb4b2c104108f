/**
 * Roles (docs/domain.md § Roles). District roles are held on the account; school roles are held per school
 * (a membership row), so one person can be a teacher in one school and staff in another.
 */
export const DISTRICT_ROLES = ['district-officer', 'district-admin'] as const
export const SCHOOL_ROLES = [
  'school-admin',
  'principal',
  'vice-principal',
  'team-leader',
  'teacher',
  'homeroom-teacher',
  'staff',
] as const
export const ALL_ROLES = [...DISTRICT_ROLES, ...SCHOOL_ROLES] as const

export type DistrictRole = (typeof DISTRICT_ROLES)[number]
export type SchoolRole = (typeof SCHOOL_ROLES)[number]
export type Role = DistrictRole | SchoolRole

/**
 * The school's managers (the board and the admin team): they manage the school's pages and records
 * and see every account of the school.
 */
export const SCHOOL_MANAGER_ROLES: readonly SchoolRole[] = ['school-admin', 'principal', 'vice-principal']
/** Roles that administer a school's accounts: create users, grant school roles, reset passwords, unlock. */
export const SCHOOL_ACCOUNT_ADMIN_ROLES: readonly SchoolRole[] = ['school-admin', 'principal']
/** The default board of the approval workflow: approve and publish, return, unpublish. */
export const DEFAULT_BOARD_ROLES: readonly SchoolRole[] = ['principal', 'vice-principal']

type ID = number | string
type Relation = ID | { id: ID } | null | undefined

export type Membership = {
  school: Relation
  roles?: readonly string[] | null
  /** A `departments` id (or the populated department). */
  department?: Relation
}

/** The user shape the rules need; Payload's user documents satisfy it. */
export type RoleHolder = {
  id: ID
  districtRoles?: readonly string[] | null
  memberships?: readonly Membership[] | null
  /**
   * What a district user oversees: their tier, its sub-tiers and their schools. Computed when the
   * account is read (oversight/overseen.ts), never stored; empty for everyone else.
   */
  oversight?: Oversight | null
}

/** The tiers (oversight bodies) and schools a district user acts on. */
export type Oversight = { tiers: readonly ID[]; schools: readonly ID[] }

/**
 * The id of a relation as Payload gives it: the id itself, or the populated document (depth ≥ 1);
 * null for none or for anything else.
 */
export function relationId(value: unknown): ID | null {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id
    return typeof id === 'number' || typeof id === 'string' ? id : null
  }
  return null
}

/**
 * The signed-in user of a request (or a component's `user` prop) as the role rules read it, null when
 * anonymous. Payload types `req.user` per project (its generated `User`); every users document of
 * this plugin has the fields a RoleHolder needs, so this is the one place that says so.
 */
export function currentUser(req: { user?: unknown } | null | undefined): RoleHolder | null {
  return (req?.user ?? null) as RoleHolder | null
}

export function hasDistrictRole(user: RoleHolder | null | undefined, ...roles: DistrictRole[]): boolean {
  const held = user?.districtRoles ?? []
  return roles.length === 0 ? held.length > 0 : roles.some((role) => held.includes(role))
}

/**
 * Holds a district role (officer or admin) — the office above the schools. What they act on is their
 * tier's schools only: `overseenSchools`, `overseesSchool`.
 */
export function isDistrictUser(user: RoleHolder | null | undefined): boolean {
  return hasDistrictRole(user)
}

/** The schools a district user oversees (their tier and its sub-tiers); none for anyone else. */
export function overseenSchools(user: RoleHolder | null | undefined): ID[] {
  return isDistrictUser(user) ? [...(user?.oversight?.schools ?? [])] : []
}

/** The tiers a district user acts on: their own and every tier below it. */
export function overseenTiers(user: RoleHolder | null | undefined): ID[] {
  return isDistrictUser(user) ? [...(user?.oversight?.tiers ?? [])] : []
}

/** Does this district user oversee the school (an id or a populated relation)? */
export function overseesSchool(user: RoleHolder | null | undefined, school: unknown): boolean {
  const id = relationId(school)
  return id !== null && overseenSchools(user).some((overseen) => String(overseen) === String(id))
}

/** The school roles the user holds in one school. */
export function rolesInSchool(user: RoleHolder | null | undefined, schoolId: ID): SchoolRole[] {
  const roles = new Set<SchoolRole>()
  for (const membership of user?.memberships ?? []) {
    if (String(relationId(membership.school)) !== String(schoolId)) continue
    for (const role of membership.roles ?? []) roles.add(role as SchoolRole)
  }
  return [...roles]
}

/** Ids of the schools where the user holds at least one of `roles` (any role when empty). */
export function schoolsWhereUserHas(user: RoleHolder | null | undefined, roles: readonly SchoolRole[] = []): ID[] {
  const ids: ID[] = []
  for (const membership of user?.memberships ?? []) {
    const id = relationId(membership.school)
    if (id === null) continue
    const held = membership.roles ?? []
    if (roles.length === 0 || held.some((role) => roles.includes(role as SchoolRole))) {
      if (!ids.some((existing) => String(existing) === String(id))) ids.push(id)
    }
  }
  return ids
}

/** May `actor` grant or withdraw roles of school `schoolId`? */
export function canAdministerSchoolAccounts(actor: RoleHolder | null | undefined, schoolId: ID): boolean {
  if (hasDistrictRole(actor, 'district-admin') && overseesSchool(actor, schoolId)) return true
  return rolesInSchool(actor, schoolId).some((role) => SCHOOL_ACCOUNT_ADMIN_ROLES.includes(role))
}
