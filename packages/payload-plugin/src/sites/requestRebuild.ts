import type { Payload, PayloadRequest } from 'payload'

import { SITE_BUILDS_SLUG, SITES_QUEUE, type SiteBuildOptions } from './options.ts'

/**
 * Asks for a rebuild of one school's site. A burst of publishes coalesces: while a build of that
 * school is still waiting in the queue, new requests join it (it exports the content when it runs,
 * so it includes them); once it is running, the next request queues a fresh build.
 */
export async function requestSiteRebuild(
  payload: Payload,
  school: number | string,
  trigger: string,
  options: SiteBuildOptions,
  req?: PayloadRequest,
): Promise<{ buildId: number | string; coalesced: boolean }> {
  const waiting = await payload.find({
    collection: SITE_BUILDS_SLUG,
    where: { and: [{ school: { equals: school } }, { status: { equals: 'queued' } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (waiting.docs[0]) return { buildId: waiting.docs[0].id, coalesced: true }
  const build = await payload.create({
    collection: SITE_BUILDS_SLUG,
    overrideAccess: true,
    req,
    data: { school, status: 'queued', trigger, requestedAt: new Date().toISOString() } as never,
  })
  await payload.jobs.queue({ task: 'truongsoRebuildSite' as never, input: { buildId: String(build.id) } as never, queue: SITES_QUEUE, req })
  if ((options.runImmediately ?? true) && process.env.TRUONGSO_DISABLE_JOBS !== '1') {
    // After the current request's transaction has committed.
    setTimeout(() => {
      payload.jobs.run({ queue: SITES_QUEUE, sequential: true }).catch((err: unknown) => payload.logger.error({ err, msg: 'site rebuild run failed' }))
    }, 50)
  }
  return { buildId: build.id, coalesced: false }
}
