import { registry } from '@truongso/registry'

import { DEFAULT_MAX_PASSWORD_AGE_DAYS } from './auth/passwordAge.ts'
import type { ResolvedOptions, TruongsoPluginOptions } from './types.ts'

export function resolveOptions(options: TruongsoPluginOptions = {}): ResolvedOptions {
  return {
    registry: options.registry ?? registry,
    maxLoginAttempts: options.maxLoginAttempts ?? 5,
    lockMinutes: options.lockMinutes ?? 15,
    maxPasswordAgeDays: options.maxPasswordAgeDays ?? DEFAULT_MAX_PASSWORD_AGE_DAYS,
    sessionHours: options.sessionHours ?? 8,
    enabled: options.enabled ?? true,
  }
}
