import path from 'node:path'

import { registry, type Registry } from '@truongso/registry'

import { DEFAULT_MAX_PASSWORD_AGE_DAYS } from './accounts/passwordAge.ts'
import type { SiteBuildOptions } from './sites/options.ts'
import type { TruongsoPluginOptions } from './types.ts'
import type { WorkflowOptions } from './workflow/options.ts'
import { DEFAULT_WORKFLOW_ROLES } from './workflow/rules.ts'

export type ResolvedOptions = {
  registry: Registry
  maxLoginAttempts: number
  lockMinutes: number
  maxPasswordAgeDays: number
  sessionHours: number
  uploadsDir: string
  maxDocumentMegabytes: number
  maxJsonMegabytes: number
  workflow: WorkflowOptions
  sites: SiteBuildOptions | null
  enabled: boolean
}

export function resolveOptions(options: TruongsoPluginOptions = {}): ResolvedOptions {
  return {
    registry: options.registry ?? registry,
    maxLoginAttempts: options.maxLoginAttempts ?? 5,
    lockMinutes: options.lockMinutes ?? 15,
    maxPasswordAgeDays: options.maxPasswordAgeDays ?? DEFAULT_MAX_PASSWORD_AGE_DAYS,
    sessionHours: options.sessionHours ?? 8,
    uploadsDir: options.uploadsDir ?? path.resolve('uploads'),
    maxDocumentMegabytes: options.maxDocumentMegabytes ?? 20,
    maxJsonMegabytes: options.maxJsonMegabytes ?? 2,
    workflow: {
      collections: options.workflow?.collections ?? ['posts', 'disclosures'],
      roles: { ...DEFAULT_WORKFLOW_ROLES, ...options.workflow?.roles },
      notify: options.workflow?.notify ?? true,
      queue: 'workflow',
    },
    sites: options.sites ?? null,
    enabled: options.enabled ?? true,
  }
}
