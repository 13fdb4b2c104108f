import type { Payload, TaskConfig, Where } from 'payload'

import { relationId } from '../roles.ts'
import { message, messageEn } from '../translations/index.ts'
import { buildSummary } from './buildLogWords.ts'
import { whenNotBusy } from './busyRetry.ts'
import { leaseHeld } from './leases.ts'
import { DEFAULT_LOCK_TTL_MS, SITE_BUILDS_SLUG, SITES_QUEUE, type SiteBuildOptions } from './options.ts'
import { buildKey, drainSchool, type LockSettings } from './schoolLock.ts'

type ID = number | string

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

const lockOf = (payload: Payload, options: SiteBuildOptions): LockSettings => ({ payload, ttlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS })
const queuedOf = (schoolId: ID): Where => ({ and: [{ school: { equals: schoolId } }, { status: { equals: 'queued' } }] })

/** Builds the school's queued builds, unless a drain of the school runs elsewhere ('deferred'). */
function buildSchoolSite(payload: Payload, schoolId: ID, options: SiteBuildOptions): Promise<'ran' | 'deferred'> {
  return drainSchool(buildKey(schoolId), lockOf(payload, options), {
    step: () => buildQueued(payload, schoolId, options),
    hasWork: async () => (await payload.count({ collection: SITE_BUILDS_SLUG, where: queuedOf(schoolId), overrideAccess: true })).totalDocs > 0,
    // Its holder died mid-build: the builds it claimed will never finish. The site it was making
    // is not online (a build replaces the site only when it succeeds).
    onTakeover: async () => {
      const interrupted = await whenNotBusy(() =>
        payload.update({
          collection: SITE_BUILDS_SLUG,
          where: { and: [{ school: { equals: schoolId } }, { status: { equals: 'running' } }] },
          overrideAccess: true,
          depth: 0,
          data: { status: 'failed', finishedAt: new Date().toISOString(), summary: buildSummary({ status: 'failed' }), error: `${message(null, 'sites.build-interrupted')} (${messageEn('sites.build-interrupted')})` } as never,
        }),
      )
      if (interrupted.docs.length) payload.logger.warn(`site builds of school ${schoolId}: ${interrupted.docs.length} left running by a stopped process marked failed`)
    },
  })
}

/**
 * Finds schools whose queued builds have waited longer than a lock lives while nobody builds them
 * (their job deferred to a process that then died) and queues a job for each. `pnpm worker` calls
 * this now and then; returns how many jobs it queued.
 */
export async function requeueStrandedBuilds(payload: Payload, options: Pick<SiteBuildOptions, 'lockTtlMs'> = {}): Promise<number> {
  const ttlMs = options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS
  const old = await payload.find({
    collection: SITE_BUILDS_SLUG,
    where: { and: [{ status: { equals: 'queued' } }, { requestedAt: { less_than: new Date(Date.now() - ttlMs).toISOString() } }] },
    sort: 'requestedAt',
    limit: 200,
    depth: 0,
    overrideAccess: true,
  })
  const bySchool = new Map<string, ID>()
  for (const build of old.docs) {
    const school = relationId(build.school)
    if (school != null && !bySchool.has(String(school))) bySchool.set(String(school), build.id as ID)
  }
  let queued = 0
  for (const [school, buildId] of bySchool) {
    if (await leaseHeld(payload, buildKey(school))) continue
    await payload.jobs.queue({ task: 'truongsoRebuildSite' as never, input: { buildId: String(buildId) } as never, queue: SITES_QUEUE })
    queued++
  }
  return queued
}

/**
 * The job that runs a queued build and records its outcome where the school admin sees it.
 *
 * Several job runs may be under way at once (the `sites` queue's scheduled run, the run started
 * after each publish, other web processes, `pnpm worker`s), so builds of a school go through
 * `drainSchool` (schoolLock.ts, a lock in this process and in the database): the first job of a
 * school builds, and keeps building while builds of that school are queued; a job arriving meanwhile
 * leaves its build to that one and ends at once. So at most one build per school runs at a time,
 * and publishes during a build give exactly one follow-up build, right after it.
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
      const outcome = await buildSchoolSite(payload, schoolId, options)
      return { output: { skipped: outcome === 'deferred' } }
    },
  } as TaskConfig
}
