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
