import {
  ValidationError,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

import { MIN_PASSWORD_LENGTH, passwordPolicyViolations } from './passwordPolicy.ts'
import { message } from '../translations/index.ts'

function assertPasswordPolicy(req: PayloadRequest, password: unknown, email: unknown): void {
  if (typeof password !== 'string' || password.length === 0) return
  const violations = passwordPolicyViolations(password, typeof email === 'string' ? email : null)
  if (violations.length === 0) return
  throw new ValidationError({
    collection: 'users',
    errors: violations.map((rule) => ({
      path: 'password',
      message: message(req, `password.${rule}`, { min: MIN_PASSWORD_LENGTH }),
    })),
  })
}

/** Password policy on create and update (admin UI, REST, GraphQL, Local API). */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  assertPasswordPolicy(req, data?.password, data?.email ?? originalDoc?.email)
  return data
}

/** The reset-password flow (token from the e-mail) bypasses validate hooks for the password: check it here. */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const data = (args as { data?: { token?: string; password?: string } }).data
  if (!data?.token) return args
  const found = await req.payload.find({
    collection: 'users',
    where: { resetPasswordToken: { equals: data.token } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  assertPasswordPolicy(req, data.password, found.docs[0]?.email)
  return args
}

/** Context flag for the server's own writes of the password bookkeeping fields. */
const PASSWORD_BOOKKEEPING = 'truongsoPasswordBookkeeping'

/**
 * Records when a password was set and whether its owner chose it: a password typed by someone else
 * (an admin creating the account or resetting it) must be changed by its owner (accounts are personal).
 */
export const trackPasswordChange: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (typeof data.password !== 'string' || data.password.length === 0) {
    // Through the API nobody may silence their own reminder or backdate a password: these two
    // fields follow the password only. Trusted server code (no user: seed, reset flow) may set them.
    if (req.user && operation === 'update' && !req.context?.[PASSWORD_BOOKKEEPING]) {
      return { ...data, passwordChangedAt: originalDoc?.passwordChangedAt ?? null, passwordSetByAdmin: originalDoc?.passwordSetByAdmin ?? true }
    }
    return data
  }
  const isOwner = operation === 'update' && req.user && String(req.user.id) === String(originalDoc?.id)
  return { ...data, passwordChangedAt: new Date().toISOString(), passwordSetByAdmin: !isOwner }
}

/** After a reset through the e-mailed token the owner chose the password. */
export const markPasswordResetByOwner: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const user = (result as { user?: { id?: number | string } } | undefined)?.user
  if (user?.id !== undefined) {
    await req.payload.update({
      collection: 'users',
      id: user.id,
      data: { passwordChangedAt: new Date().toISOString(), passwordSetByAdmin: false },
      overrideAccess: true,
      context: { [PASSWORD_BOOKKEEPING]: true },
      req,
    })
  }
  return result
}
