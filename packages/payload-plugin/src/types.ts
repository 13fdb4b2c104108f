import type { Registry } from '@truongso/registry'

export type TruongsoPluginOptions = {
  /** The district's schools; the Schools collection can hold only these. Default: `@truongso/registry`. */
  registry?: Registry
  /** Failed logins before an account is locked. Default: 5. */
  maxLoginAttempts?: number
  /** How long a locked account stays locked, in minutes. Default: 15. */
  lockMinutes?: number
  /** Passwords older than this many days are listed for a reminder. Default: 180. */
  maxPasswordAgeDays?: number
  /** Login session length in hours. Default: 8 (a school day). */
  sessionHours?: number
  /** Set to false to register the collections without adding them (for tests of other plugins). Default: true. */
  enabled?: boolean
}

export type ResolvedOptions = Required<TruongsoPluginOptions>
