import path from 'node:path'

import { registry, type Registry } from '@truongso/registry'

import { DEFAULT_MAX_PASSWORD_AGE_DAYS } from './accounts/passwordAge.ts'
import { SKIP_SITE_REBUILD } from './context.ts'
import type { BookOptions } from './books/school.ts'
import type { SiteBuildOptions } from './sites/options.ts'
import { requestSiteRebuild } from './sites/requestRebuild.ts'
import type { TruongsoPluginOptions } from './types.ts'
import type { LiveChange, WorkflowOptions } from './workflow/options.ts'
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
  books: BookOptions
  enabled: boolean
}

export function resolveOptions(options: TruongsoPluginOptions = {}): ResolvedOptions {
  const sites = options.sites ?? null
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
      onLiveChange: liveChange(sites),
    },
    sites,
    books: options.books ?? {},
    enabled: options.enabled ?? true,
  }
}

/**
 * The one answer to "a school's public site changed" (a publish or unpublish, the delete of a live
 * document, the introduction put live or taken down): a rebuild of its site when sites are
 * configured, none otherwise; none either for writes that say so (the seed builds every site afterwards).
 */
function liveChange(sites: SiteBuildOptions | null): LiveChange | undefined {
  if (!sites) return undefined
  return async (req, school, trigger) => {
    if (req.context?.[SKIP_SITE_REBUILD]) return
    await requestSiteRebuild(req.payload, school, trigger, sites, req)
  }
}
