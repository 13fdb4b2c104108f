import { ofOverseen } from './access.ts'
import { APIError, type Access, type CollectionBeforeOperationHook, type PayloadRequest, type Where } from 'payload'

import { currentUser, hasDistrictRole, relationId, SCHOOL_ACCOUNT_ADMIN_ROLES, schoolsWhereUserHas, type SchoolRole } from '../roles.ts'
import { message } from '../translations/index.ts'

/**
 * Lifting a login lockout undoes the guard against password guessing, so only those who answer for
 * a school's accounts may do it: its school admin and principal, and the district admin.
 */
export const UNLOCK_ROLES: readonly SchoolRole[] = SCHOOL_ACCOUNT_ADMIN_ROLES

function refuse(req: PayloadRequest, why: string): never {
  req.payload.logger.warn(`unlock refused (user ${req.user?.id ?? 'none'}): ${why}`)
  throw new APIError(message(req, 'accounts.unlock-forbidden'), 403, null, true)
}

/**
 * Collection access: the accounts of the schools the user administers (everything for the district
 * admin). Never throws: the admin evaluates every access function to build each page's permissions;
 * the refusal with its reason comes from guardUnlock when someone actually tries.
 */
export const unlockUsers: Access = ({ req }) => {
  const user = currentUser(req)
  if (!user) return false
  if (hasDistrictRole(user, 'district-admin')) return ofOverseen(user)
  const schools = schoolsWhereUserHas(user, UNLOCK_ROLES)
  if (schools.length === 0) return false
  const accounts: Where = { 'memberships.school': { in: schools } }
  return accounts
}

type Target = { id: number | string; districtRoles?: string[] | null; memberships?: { school: unknown }[] | null }

/**
 * Says why before Payload's generic "not allowed": the account must be of a school the actor
 * administers, and a district account is unlocked by the district admin only. The same answer for an
 * unknown e-mail, so the endpoint does not tell which addresses exist.
 */
export const guardUnlock: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'unlock') return args
  const actor = currentUser(req)
  // Trusted server code (overrideAccess) and anonymous callers are left to Payload (the latter get 403 there).
  if ((args as { overrideAccess?: boolean }).overrideAccess || !actor) return args
  if (hasDistrictRole(actor, 'district-admin')) return args
  const administered = schoolsWhereUserHas(actor, UNLOCK_ROLES).map(String)
  if (administered.length === 0) refuse(req, 'holds no role that unlocks accounts')
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (typeof email !== 'string') return args // Payload answers "Missing email." with 400
  const found = await req.payload.find({
    collection: 'users',
    where: { email: { equals: email.toLowerCase().trim() } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const target = found.docs[0] as unknown as Target | undefined
  if (!target) refuse(req, 'no such account')
  if ((target.districtRoles ?? []).length > 0) refuse(req, `account ${target.id} is a district account`)
  const ofAdministered = (target.memberships ?? []).some((m) => administered.includes(String(relationId(m.school))))
  if (!ofAdministered) refuse(req, `account ${target.id} is not of a school the user administers`)
  return args
}
