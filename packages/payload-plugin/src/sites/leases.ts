import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'

import { ValidationError, type Payload } from 'payload'

import { whenNotBusy } from './busyRetry.ts'
import { SITE_BUILD_LOCKS_SLUG } from './SiteBuildLocks.ts'

/**
 * A lock held in the database, for coordination between processes (web and worker processes on
 * one database), through the Local API only so it works on every adapter.
 *
 * Each acquisition creates a document `<name>#<generation>` (a unique key), one generation above
 * the latest: of two processes that both saw the lock free, only one create succeeds. The holder
 * renews `expiresAt` by a heartbeat and sets it to the past when it releases; a lock whose
 * holder died expires and the next caller takes it over with the next generation. Taking over
 * with a conditional update would not do: Payload's update-by-`where` is a find then an update by
 * id on every adapter, so two processes could both "win" it.
 *
 * Older generations are left in place (a stale reader's create then collides with them) and
 * removed only long after, once no reader can be that late.
 */
export type Lease = {
  /** Whether the previous holder died holding it (its work may be left half done). */
  tookOver: boolean
  /** Stops the heartbeat and frees the lock. Never throws. */
  release: () => Promise<void>
}

type LockDoc = { id: number | string; generation: number; expiresAt: string; releasedAt?: string | null }

/** This process, as a lock holder. */
const PROCESS_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
/** Generations older than this (and this long unused) are deleted by the next holder. */
const KEEP_GENERATIONS = 20
const KEEP_MS = 10 * 60_000

const iso = (ms: number) => new Date(ms).toISOString()

/** Takes the lock `name` if it is free (or its holder's lease ran out); null when someone holds it. */
export async function tryAcquireLease(payload: Payload, name: string, ttlMs: number): Promise<Lease | null> {
  const latest = await payload.find({ collection: SITE_BUILD_LOCKS_SLUG as never, where: { name: { equals: name } }, sort: '-generation', limit: 1, depth: 0, overrideAccess: true })
  const current = latest.docs[0] as unknown as LockDoc | undefined
  const now = Date.now()
  if (current && new Date(current.expiresAt).getTime() > now) return null
  const generation = (current?.generation ?? 0) + 1
  const holder = `${PROCESS_ID}:${randomBytes(3).toString('hex')}`
  let doc: LockDoc
  try {
    doc = (await whenNotBusy(() =>
      payload.create({
        collection: SITE_BUILD_LOCKS_SLUG as never,
        overrideAccess: true,
        depth: 0,
        data: { name, generation, key: `${name}#${generation}`, holder, expiresAt: iso(now + ttlMs) } as never,
      }),
    )) as unknown as LockDoc
  } catch (error) {
    // Another process took this generation first.
    if (error instanceof ValidationError) return null
    throw error
  }

  const write = (data: Record<string, unknown>) =>
    whenNotBusy(() => payload.update({ collection: SITE_BUILD_LOCKS_SLUG as never, id: doc.id, overrideAccess: true, depth: 0, data: data as never }))
  const heartbeat = setInterval(() => {
    write({ expiresAt: iso(Date.now() + ttlMs) }).catch((err: unknown) => payload.logger.warn({ err, msg: `lock ${name}: heartbeat failed` }))
  }, Math.max(50, Math.floor(ttlMs / 3)))
  heartbeat.unref()

  let released = false
  return {
    tookOver: Boolean(current && !current.releasedAt),
    release: async () => {
      if (released) return
      released = true
      clearInterval(heartbeat)
      const at = iso(Date.now())
      await write({ expiresAt: at, releasedAt: at }).catch((err: unknown) => payload.logger.warn({ err, msg: `lock ${name}: release failed (it expires by itself)` }))
      if (generation % KEEP_GENERATIONS === 0) {
        await payload
          .delete({
            collection: SITE_BUILD_LOCKS_SLUG as never,
            where: { and: [{ name: { equals: name } }, { generation: { less_than: generation - KEEP_GENERATIONS } }, { updatedAt: { less_than: iso(Date.now() - KEEP_MS) } }] },
            overrideAccess: true,
          })
          .catch(() => undefined)
      }
    },
  }
}

/** Whether someone holds `name` now (a live, unreleased lease). */
export async function leaseHeld(payload: Payload, name: string): Promise<boolean> {
  const latest = await payload.find({ collection: SITE_BUILD_LOCKS_SLUG as never, where: { name: { equals: name } }, sort: '-generation', limit: 1, depth: 0, overrideAccess: true })
  const current = latest.docs[0] as unknown as LockDoc | undefined
  return Boolean(current && new Date(current.expiresAt).getTime() > Date.now())
}

/**
 * Waits (polling) until the lock is ours; after `maxWaitMs` returns null and the caller decides
 * whether to go on without it.
 */
export async function acquireLease(payload: Payload, name: string, ttlMs: number, maxWaitMs: number): Promise<Lease | null> {
  const deadline = Date.now() + maxWaitMs
  for (;;) {
    const lease = await tryAcquireLease(payload, name, ttlMs)
    if (lease || Date.now() >= deadline) return lease
    await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 40))
  }
}
