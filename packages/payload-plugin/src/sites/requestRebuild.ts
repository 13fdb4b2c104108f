import type { Payload, PayloadRequest } from 'payload'

import { buildSummary, describeTrigger } from './buildLogWords.ts'
import { requestLockTtlMs, SITE_BUILDS_SLUG, SITES_QUEUE, type SiteBuildOptions } from './options.ts'
import { requestLockKey, withSchoolLock } from './schoolLock.ts'

type ID = number | string

/** req.context key: builds created inside the request's open transaction, by school. */
const OWN_BUILDS = 'truongsoSiteBuildsInTransaction'
type OwnBuilds = { transaction: unknown; bySchool: Record<string, Promise<ID>> }

/** A build queued this long ago has surely lost its job (the `sites` queue runs every minute). */
const STALE_QUEUED_MS = 10 * 60_000

/**
 * Asks for a rebuild of one school's site. The site-builds records are the queue state:
 *
 * - `queued`: waiting. A request arriving now joins it (coalesces): the build exports the content
 *   when it starts, so it includes every change committed before then.
 * - `running`: being built (by at most one job at a time per school, see rebuildTask.ts). A request
 *   arriving now creates one new `queued` build; later ones join that one, so a burst during a build
 *   gives exactly one follow-up build.
 *
 * The find-or-create runs under a short per-school lock (schoolLock.ts: in this process, then in the
 * database), so two requests at the same moment, in one process or two, cannot both create a queued
 * build.
 *
 * A request made inside an open transaction (a hook of a delete or of an introduction's save) does
 * not join a build queued by someone else: that build might start, and export, before this
 * transaction commits, and so miss the change. It creates its own queued build in the transaction
 * instead (invisible to the job runner until the commit), which later requests of the same
 * transaction join (a bulk delete gives one build); a build that starts takes every build of the
 * school then queued, so the two still give one build if both wait. Nor does it take the lock: it may hold the
 * database's write lock (SQLite), and a request waiting on that while holding our lock would deadlock.
 *
 * A request that joins a build queues no job (its build has one): on SQLite, several jobs of one run
 * writing at once fail with SQLITE_BUSY. Only a build left `queued` for longer than a build can wait
 * (its job was lost, e.g. in a restart) gets a new job, so it cannot swallow requests forever; a
 * job for a build already done just skips.
 */
export async function requestSiteRebuild(
  payload: Payload,
  school: ID,
  trigger: string,
  options: SiteBuildOptions,
  req?: PayloadRequest,
): Promise<{ buildId: ID; coalesced: boolean }> {
  const create = async () => {
    const cause = await describeTrigger(payload, trigger, req)
    const doc = await payload.create({
      collection: SITE_BUILDS_SLUG,
      overrideAccess: true,
      req,
      data: { school, status: 'queued', trigger, cause, summary: buildSummary({ status: 'queued' }), requestedAt: new Date().toISOString() } as never,
    })
    return doc.id as ID
  }

  let buildId: ID
  let coalesced: boolean
  let kick = true
  if (req?.transactionID) {
    // Set up synchronously, before any await: a bulk delete runs its documents' hooks side by side.
    req.context ??= {}
    let own = req.context[OWN_BUILDS] as OwnBuilds | undefined
    if (!own || own.transaction !== req.transactionID) {
      own = { transaction: req.transactionID, bySchool: {} }
      req.context[OWN_BUILDS] = own // in place: the operation's other hooks share this context
    }
    const mine = own.bySchool[String(school)]
    // Same transaction, build already queued in it and not yet visible to any job: nothing to add.
    if (mine) return { buildId: await mine, coalesced: true }
    const created = create()
    own.bySchool[String(school)] = created
    buildId = await created
    coalesced = false
  } else {
    ;({ buildId, coalesced, kick } = await withSchoolLock(requestLockKey(school), { payload, ttlMs: requestLockTtlMs(options) }, async () => {
      const waiting = await payload.find({
        collection: SITE_BUILDS_SLUG,
        where: { and: [{ school: { equals: school } }, { status: { equals: 'queued' } }] },
        sort: 'requestedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      const queued = waiting.docs[0]
      if (queued) {
        const waited = Date.now() - new Date(String(queued.requestedAt ?? queued.createdAt)).getTime()
        return { buildId: queued.id as ID, coalesced: true, kick: !(waited < STALE_QUEUED_MS) }
      }
      return { buildId: await create(), coalesced: false, kick: true }
    }))
  }

  if (!kick) return { buildId, coalesced }
  await payload.jobs.queue({ task: 'truongsoRebuildSite' as never, input: { buildId: String(buildId) } as never, queue: SITES_QUEUE, req })
  if ((options.runImmediately ?? true) && process.env.TRUONGSO_DISABLE_JOBS !== '1') {
    // Shortly after, so a request's own transaction has usually committed; if not, the job is picked
    // up by the `sites` queue's next scheduled run.
    setTimeout(() => {
      payload.jobs.run({ queue: SITES_QUEUE, sequential: true }).catch((err: unknown) => payload.logger.error({ err, msg: 'site rebuild run failed' }))
    }, 50)
  }
  return { buildId, coalesced }
}
