import type { TaskConfig } from 'payload'

import { relationId } from '../roles.ts'
import { SITE_BUILDS_SLUG, type SiteBuildOptions } from './options.ts'

/** The job that runs a queued build and records its outcome where the school admin sees it. */
export function rebuildSiteTask(options: SiteBuildOptions): TaskConfig {
  return {
    slug: 'truongsoRebuildSite',
    label: 'Xây dựng lại website trường',
    inputSchema: [{ name: 'buildId', type: 'text', required: true }],
    retries: 0,
    handler: async ({ input, req }) => {
      const { payload } = req
      const buildId = (input as { buildId: string }).buildId
      const build = await payload.findByID({ collection: SITE_BUILDS_SLUG, id: buildId, depth: 0, overrideAccess: true, disableErrors: true })
      if (!build || build.status !== 'queued') return { output: { skipped: true } }
      const school = await payload.findByID({ collection: 'schools', id: relationId(build.school as never)!, depth: 0, overrideAccess: true })
      const started = Date.now()
      // Mark running outside the job's transaction so new publishes see it and queue a fresh build.
      await payload.update({ collection: SITE_BUILDS_SLUG, id: buildId, overrideAccess: true, data: { status: 'running', startedAt: new Date(started).toISOString() } as never })
      try {
        const result = await options.build({ slug: String(school.slug), payload })
        await payload.update({
          collection: SITE_BUILDS_SLUG,
          id: buildId,
          overrideAccess: true,
          data: { status: 'succeeded', finishedAt: new Date().toISOString(), durationMs: Date.now() - started, pages: result.pages ?? null } as never,
        })
        return { output: { skipped: false } }
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error)
        payload.logger.error(`site build of ${school.slug} failed: ${text}`)
        await payload.update({
          collection: SITE_BUILDS_SLUG,
          id: buildId,
          overrideAccess: true,
          data: { status: 'failed', finishedAt: new Date().toISOString(), durationMs: Date.now() - started, error: text.slice(-4000) } as never,
        })
        return { output: { skipped: false } }
      }
    },
  } as TaskConfig
}
