import { ofOverseen } from './access.ts'
import type { Endpoint, Where } from 'payload'

import { passwordReminderReason, stalePasswordWhere, type PasswordState } from './passwordAge.ts'
import { isDistrictUser, relationId, SCHOOL_ACCOUNT_ADMIN_ROLES, schoolsWhereUserHas } from '../roles.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { errorResponse } from '../translations/errorResponse.ts'

/**
 * GET /api/users/password-reminders: accounts of the caller's schools whose password was set by an
 * admin and never changed, or is older than the allowed age — the list admins must chase (docs/domain.md § Accounts).
 */
export function passwordRemindersEndpoint(options: ResolvedOptions): Endpoint {
  return {
    path: '/password-reminders',
    method: 'get',
    handler: async (req) => {
      const user = req.user
      if (!user) return errorResponse(req, 401, 'reminders.forbidden')
      const district = isDistrictUser(user)
      const schools = schoolsWhereUserHas(user, SCHOOL_ACCOUNT_ADMIN_ROLES)
      if (!district && schools.length === 0) {
        return errorResponse(req, 403, 'reminders.forbidden')
      }
      const stale = stalePasswordWhere(options.maxPasswordAgeDays)
      const where: Where = district ? { and: [stale, { or: [ofOverseen(user), { 'memberships.school': { in: schools } }] }] } : { and: [stale, { 'memberships.school': { in: schools } }] }
      const found = await req.payload.find({
        collection: 'users',
        where,
        depth: 0,
        pagination: false,
        sort: 'fullName',
        overrideAccess: true,
        req,
      })
      const now = new Date()
      const users = found.docs.map((doc) => ({
        id: doc.id,
        fullName: doc.fullName,
        email: doc.email,
        schools: (doc.memberships ?? []).map((m: { school: unknown }) => relationId(m.school)),
        reason: passwordReminderReason(doc as PasswordState, now, options.maxPasswordAgeDays),
      }))
      return Response.json({ maxAgeDays: options.maxPasswordAgeDays, totalDocs: users.length, users })
    },
  }
}
