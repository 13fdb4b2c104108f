import type { Where } from 'payload'

/** Why an account should be reminded to change its password, or null when it need not be. */
export type PasswordReminderReason = 'set-by-admin' | 'expired'

export const DEFAULT_MAX_PASSWORD_AGE_DAYS = 180

export type PasswordState = {
  passwordChangedAt?: string | Date | null
  passwordSetByAdmin?: boolean | null
}

export function passwordReminderReason(
  state: PasswordState,
  now: Date,
  maxAgeDays: number = DEFAULT_MAX_PASSWORD_AGE_DAYS,
): PasswordReminderReason | null {
  if (state.passwordSetByAdmin) return 'set-by-admin'
  if (!state.passwordChangedAt) return 'expired'
  const changed = new Date(state.passwordChangedAt).getTime()
  const ageMs = now.getTime() - changed
  return ageMs > maxAgeDays * 24 * 60 * 60 * 1000 ? 'expired' : null
}

/** The moment before which a password counts as too old. */
const passwordCutoff = (maxAgeDays: number, now: Date) => new Date(now.getTime() - maxAgeDays * 24 * 60 * 60 * 1000).toISOString()

/** Accounts to remind (one definition for the reminder list, the dashboard count and its link). */
export function stalePasswordWhere(maxAgeDays: number, now: Date = new Date()): Where {
  const cutoff = passwordCutoff(maxAgeDays, now)
  return {
    or: [
      { passwordSetByAdmin: { equals: true } },
      { passwordChangedAt: { less_than: cutoff } },
      { passwordChangedAt: { exists: false } },
    ],
  }
}

/** The users list filtered to the accounts of `stalePasswordWhere`, as an admin URL query. */
export function stalePasswordListQuery(maxAgeDays: number, now: Date = new Date()): string {
  const cutoff = passwordCutoff(maxAgeDays, now)
  return [
    'where[or][0][passwordSetByAdmin][equals]=true',
    `where[or][1][passwordChangedAt][less_than]=${encodeURIComponent(cutoff)}`,
    'where[or][2][passwordChangedAt][exists]=false',
  ].join('&')
}
