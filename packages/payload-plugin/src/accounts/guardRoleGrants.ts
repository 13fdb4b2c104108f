import {
  APIError,
  ValidationError,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

import { canAdministerSchoolAccounts, hasDistrictRole, relationId, type Membership } from '../roles.ts'
import { mayAssignTier } from '../oversight/overseen.ts'
import { message, messageEn } from '../translations/index.ts'

type Normalised = Map<string, string>

/** school id → "sorted roles|department", so unchanged rows compare equal however the admin UI sends them. */
function normalise(memberships: readonly Membership[] | null | undefined): Normalised {
  const bySchool: Normalised = new Map()
  for (const row of memberships ?? []) {
    const id = relationId(row.school)
    if (id === null) continue
    const value = `${[...(row.roles ?? [])].sort().join(',')}|${relationId(row.department) ?? ''}`
    const key = String(id)
    const previous = bySchool.get(key)
    bySchool.set(key, previous ? `${previous};${value}` : value)
  }
  return bySchool
}

function sameSet(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  return [...(a ?? [])].sort().join(',') === [...(b ?? [])].sort().join(',')
}

type UserData = { districtRoles?: string[] | null; memberships?: Membership[] | null; tier?: unknown }

function refuse(req: PayloadRequest, key: 'roles.forbidden-district' | 'roles.forbidden-school' | 'tiers.assign-forbidden', school = ''): never {
  req.payload.logger.warn(`user ${req.user?.id}: ${messageEn(key, { school })}`)
  throw new APIError(message(req, key, { school }), 403, null, true)
}

/** Throws (403, with a message) when `actor` changes roles it may not grant. */
export async function assertRoleChangesAllowed(req: PayloadRequest, data: UserData, original: UserData | null) {
  const actor = req.user
  if (!actor) return
  if ('districtRoles' in data && !sameSet(data.districtRoles, original?.districtRoles)) {
    if (!hasDistrictRole(actor, 'district-admin')) refuse(req, 'roles.forbidden-district')
  }
  if ('tier' in data && relationId(data.tier) !== null && String(relationId(data.tier)) !== String(relationId(original?.tier))) {
    if (!mayAssignTier(actor, data.tier)) refuse(req, 'tiers.assign-forbidden')
  }
  if (!('memberships' in data)) return
  const before = normalise(original?.memberships)
  const after = normalise(data.memberships)
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id))
  for (const schoolId of changed) {
    if (canAdministerSchoolAccounts(actor, schoolId)) continue
    const school = await req.payload
      .findByID({ collection: 'schools', id: schoolId, depth: 0, disableErrors: true, overrideAccess: true, req })
      .catch(() => null)
    refuse(req, 'roles.forbidden-school', (school as { name?: string } | null)?.name ?? String(schoolId))
  }
}

/**
 * Role changes are checked before anything else runs (field access would otherwise drop them
 * silently), for every path: admin UI, REST, GraphQL, Local API with a user. A refusal writes nothing.
 */
export const guardRoleGrants: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (!req.user || (operation !== 'create' && operation !== 'update')) return args
  const { data, id } = args as { data?: UserData; id?: number | string }
  if (!data || (!('memberships' in data) && !('districtRoles' in data) && !('tier' in data))) return args
  if (operation === 'update' && id === undefined) {
    // Bulk role changes are a district task; a school changes roles account by account.
    if (!hasDistrictRole(req.user, 'district-admin')) refuse(req, 'roles.forbidden-district')
    return args
  }
  const original =
    operation === 'update'
      ? ((await req.payload.findByID({ collection: 'users', id: id!, depth: 0, overrideAccess: true, disableErrors: true, req })) as UserData | null)
      : null
  await assertRoleChangesAllowed(req, data, original)
  return args
}

/** A team leader reviews their department's posts, so the role is meaningless without one. */
export const requireTeamLeaderDepartment: CollectionBeforeValidateHook = ({ data, req }) => {
  for (const row of (data?.memberships ?? []) as Membership[]) {
    if ((row.roles ?? []).includes('team-leader') && !String(row.department ?? '').trim()) {
      throw new ValidationError({
        collection: 'users',
        errors: [{ path: 'memberships', message: message(req, 'roles.department-required') }],
      })
    }
  }
  return data
}
