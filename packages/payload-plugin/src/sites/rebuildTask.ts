import type { Payload, TaskConfig } from 'payload'

import { relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import { buildSummary } from './buildLogWords.ts'
import { SITE_BUILDS_SLUG, type SiteBuildOptions } from './options.ts'
import { buildKey, drainSchool } from './schoolLock.ts'

type ID = number | string

/**
 * Retries a write that SQLite refused because another write was under way (Payload's SQLite
 * adapter opens each transaction on a fresh connection without a busy timeout, so it fails at once
 * instead of waiting). Other databases never throw this and pass straight through.
 */
async function whenNotBusy<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write()
    } catch (error) {
      if (attempt >= 40 || !/SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50))
    }
  }
}

/**
 * Builds the school's site once for all its `queued` builds, if any; false when there were none.
 * The build records are claimed (`running`) before the content is exported, so every request
 * already recorded is in this build, and any later request queues a fresh build.
 */
async function buildQueued(payload: Payload, schoolId: ID, options: SiteBuildOptions): Promise<boolean> {
  const started = Date.now()
  // Reads and writes of the records go outside the job's transaction (no req): requests see them at once.
  const claimed = await whenNotBusy(() =>
    payload.update({
      collection: SITE_BUILDS_SLUG,
      where: { and: [{ school: { equals: schoolId } }, { status: { equals: 'queued' } }] },
      overrideAccess: true,
      depth: 0,
      data: { status: 'running', summary: buildSummary({ status: 'running' }), startedAt: new Date(started).toISOString() } as never,
    }),
  )
  const ids = claimed.docs.map((doc) => doc.id as ID)
  if (ids.length === 0) return false
  const school = await payload.findByID({ collection: 'schools', id: schoolId, depth: 0, overrideAccess: true })
  const record = (data: Record<string, unknown>) =>
    whenNotBusy(() => payload.update({ collection: SITE_BUILDS_SLUG, where: { id: { in: ids } }, overrideAccess: true, depth: 0, data: data as never }))
  try {
    // A record is claimed by one build only, so any of its ids names this build uniquely.
    const result = await options.build({ slug: String(school.slug), payload, buildId: ids[0]! })
    const durationMs = Date.now() - started
    const pages = result.pages ?? null
    await record({ status: 'succeeded', finishedAt: new Date().toISOString(), durationMs, pages, summary: buildSummary({ status: 'succeeded', pages, durationMs }) })
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    payload.logger.error(`site build of ${school.slug} failed: ${text}`)
    const durationMs = Date.now() - started
    await record({ status: 'failed', finishedAt: new Date().toISOString(), durationMs, summary: buildSummary({ status: 'failed', durationMs }), error: text.slice(-4000) })
  }
  return true
}

/**
 * The job that runs a queued build and records its outcome where the school admin sees it.
 *
 * Several job runs may be under way at once (the `sites` queue's scheduled run, the run started
 * after each publish), so builds of a school go through `drainSchool` (schoolLock.ts): the first job
 * of a school builds, and keeps building while builds of that school are queued; a job arriving
 * meanwhile leaves its build to that one and ends at once. So at most one build per school runs at a
 * time, and publishes during a build give exactly one follow-up build, right after it.
 */
export function rebuildSiteTask(options: SiteBuildOptions): TaskConfig {
  return {
    slug: 'truongsoRebuildSite',
    label: message(null, 'jobs.rebuild-site'),
    inputSchema: [{ name: 'buildId', type: 'text', required: true }],
    retries: 0,
    handler: async ({ input, req }) => {
      const { payload } = req
      const buildId = (input as { buildId: string }).buildId
      const build = await payload.findByID({ collection: SITE_BUILDS_SLUG, id: buildId, depth: 0, overrideAccess: true, disableErrors: true })
      // Already built along with another request of the school (or gone).
      if (!build || build.status !== 'queued') return { output: { skipped: true } }
      const schoolId = relationId(build.school)!
      const outcome = await drainSchool(buildKey(schoolId), () => buildQueued(payload, schoolId, options))
      return { output: { skipped: outcome === 'deferred' } }
    },
  } as TaskConfig
}
