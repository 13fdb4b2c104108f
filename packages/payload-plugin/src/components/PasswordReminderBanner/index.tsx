import type { Where } from 'payload'
import React from 'react'

import { passwordReminderReason, stalePasswordListQuery, stalePasswordWhere } from '../../accounts/passwordAge.ts'
import { ofOverseen } from '../../accounts/access.ts'
import { isDistrictUser, SCHOOL_ACCOUNT_ADMIN_ROLES, schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { labels, languageOf, message } from '../../translations/index.ts'

type Props = {
  user?: (RoleHolder & { passwordChangedAt?: string | null; passwordSetByAdmin?: boolean | null }) | null
  i18n?: { language?: string }
  payload?: {
    count: (args: { collection: 'users'; where: Where; overrideAccess: boolean }) => Promise<{ totalDocs: number }>
    config: { custom?: Record<string, unknown> }
  }
}

const style: React.CSSProperties = {
  border: '1px solid var(--theme-warning-500, #d97706)',
  background: 'var(--theme-warning-50, #fffbeb)',
  color: 'var(--theme-text, #1f2937)',
  borderRadius: 4,
  padding: '12px 16px',
  marginBottom: 16,
}

/**
 * Dashboard notice (admins must chase passwords never changed or too old): tells a user whose password was set by an admin or is too old to
 * change it, and tells account admins how many of their school's accounts still need to.
 */
export async function PasswordReminderBanner({ user, i18n, payload }: Props) {
  if (!user) return null
  const lang = languageOf({ i18n })
  const maxAgeDays = Number(payload?.config.custom?.truongsoMaxPasswordAgeDays ?? 180)
  const reason = passwordReminderReason(user, new Date(), maxAgeDays)
  const adminSchools = schoolsWhereUserHas(user, SCHOOL_ACCOUNT_ADMIN_ROLES)
  let pending = 0
  if (payload && (adminSchools.length > 0 || isDistrictUser(user))) {
    const stale = stalePasswordWhere(maxAgeDays)
    const where: Where = isDistrictUser(user) ? { and: [stale, { or: [ofOverseen(user), { 'memberships.school': { in: adminSchools } }] }] } : { and: [stale, { 'memberships.school': { in: adminSchools } }] }
    pending = (await payload.count({ collection: 'users', where, overrideAccess: true })).totalDocs
  }
  if (!reason && pending === 0) return null
  return (
    <div style={style} role="status">
      {reason ? (
        <p style={{ margin: 0 }}>
          <strong>{message({ i18n }, 'ui.reminder.change')}</strong>
          {labels.reminderReasons[reason][lang]}.{' '}
          <a href="/admin/account">{message({ i18n }, 'ui.reminder.where')}</a>
        </p>
      ) : null}
      {pending > 0 ? (
        <p style={{ margin: reason ? '8px 0 0' : 0 }}>
          {message({ i18n }, 'ui.reminder.pending', { count: pending, days: maxAgeDays })}
          <a href={`/admin/collections/users?${stalePasswordListQuery(maxAgeDays)}`}>{message({ i18n }, 'ui.reminder.list')}</a>
        </p>
      ) : null}
    </div>
  )
}

export default PasswordReminderBanner
