import type { Access, Where } from 'payload'

import {
  hasDistrictRole,
  isDistrictUser,
  overseenSchools,
  overseenTiers,
  SCHOOL_ACCOUNT_ADMIN_ROLES,
  SCHOOL_MANAGER_ROLES,
  schoolsWhereUserHas,
  type RoleHolder,
} from '../roles.ts'

const self = (user: RoleHolder): Where => ({ id: { equals: user.id } })

/** Accounts of the given schools, or the user's own. */
function selfOrMembersOf(user: RoleHolder, schoolIds: readonly (number | string)[]): Where {
  if (schoolIds.length === 0) return self(user)
  return { or: [self(user), { 'memberships.school': { in: [...schoolIds] } }] }
}

/** The accounts of the schools a district user oversees, and the district accounts of their tiers. */
export function ofOverseen(user: RoleHolder): Where {
  return { or: [self(user), { 'memberships.school': { in: overseenSchools(user) } }, { tier: { in: overseenTiers(user) } }] }
}

/** District staff read the accounts of their tier's schools; the board and school admins their school's; others their own. */
export const readUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isDistrictUser(user)) return { or: [ofOverseen(user), selfOrMembersOf(user, schoolsWhereUserHas(user, SCHOOL_MANAGER_ROLES))] }
  return selfOrMembersOf(user, schoolsWhereUserHas(user, SCHOOL_MANAGER_ROLES))
}

/** Creating accounts: district admins, and school admins/principals (for their schools; see guardRoleGrants). */
export const createUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  return hasDistrictRole(user, 'district-admin') || schoolsWhereUserHas(user, SCHOOL_ACCOUNT_ADMIN_ROLES).length > 0
}

/** Everyone edits their own account; account admins edit their schools' accounts. */
export const updateUsers: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasDistrictRole(user, 'district-admin')) return { or: [ofOverseen(user), selfOrMembersOf(user, schoolsWhereUserHas(user, SCHOOL_ACCOUNT_ADMIN_ROLES))] }
  return selfOrMembersOf(user, schoolsWhereUserHas(user, SCHOOL_ACCOUNT_ADMIN_ROLES))
}

/** Deleting accounts: district admins, and school admins for their schools; never one's own. */
export const deleteUsers: Access = ({ req: { user } }): boolean | Where => {
  if (!user) return false
  if (hasDistrictRole(user, 'district-admin')) return { and: [{ id: { not_equals: user.id } }, ofOverseen(user)] } satisfies Where
  const schools = schoolsWhereUserHas(user, ['school-admin'])
  if (schools.length === 0) return false
  return { and: [{ id: { not_equals: user.id } }, { 'memberships.school': { in: schools } }] }
}

/** Field access for role fields: only those who could ever grant roles see them as editable. */
export const canEditSchoolRoles = ({ req: { user } }: { req: { user?: RoleHolder | null } }): boolean =>
  Boolean(user) && (hasDistrictRole(user, 'district-admin') || schoolsWhereUserHas(user, SCHOOL_ACCOUNT_ADMIN_ROLES).length > 0)

export const canEditDistrictRoles = ({ req: { user } }: { req: { user?: RoleHolder | null } }): boolean =>
  hasDistrictRole(user, 'district-admin')
