import type { Payload } from 'payload'

import { acquireLease, tryAcquireLease, type Lease } from './leases.ts'

/**
 * Per-school coordination of site builds, in two layers.
 *
 * - In this process: plain in-memory state, so jobs of one process never contend for the database
 *   lock and keep the old guarantees exactly (a job meeting a running drain of its school tells it
 *   to look again and ends at once). It lives on globalThis under a registered symbol: Next.js may
 *   load this module more than once in one process (one copy per server bundle).
 * - Across processes (several web processes and `pnpm worker`s on one database): a lease in the
 *   database (leases.ts), held while a drain builds and while a request finds or creates its
 *   queued build, renewed by a heartbeat, expiring when its process dies.
 *
 * Payload's own job `concurrencyKey` check is a find-then-update (two runners can still pick two jobs
 * of one school) and advisory locks exist only in PostgreSQL, hence our own.
 */
const REGISTRY = Symbol.for('truongso.siteBuildCoordination')

type Drain = { again: boolean }
type State = { locks: Map<string, Promise<void>>; drains: Map<string, Drain> }

function state(): State {
  const scope = globalThis as { [REGISTRY]?: State }
  scope[REGISTRY] ??= { locks: new Map(), drains: new Map() }
  return scope[REGISTRY]
}

export type LockSettings = { payload: Payload; ttlMs: number }

/** Runs `fn` once every earlier holder of `key` in this process has finished (first come, first served). */
async function inProcess<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const { locks } = state()
  const previous = locks.get(key) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((resolve) => (release = resolve))
  const tail = previous.then(() => mine)
  locks.set(key, tail)
  await previous
  try {
    return await fn()
  } finally {
    release()
    if (locks.get(key) === tail) locks.delete(key)
  }
}

/**
 * Runs `fn` holding `key` in this process and in the database. A short critical section: if the
 * database lock stays taken longer than a lease (its holder hangs), `fn` runs anyway — the worst
 * case is a second queued build, which the next build takes along with the first.
 */
export async function withSchoolLock<T>(key: string, lock: LockSettings, fn: () => Promise<T>): Promise<T> {
  return inProcess(key, async () => {
    const lease = await acquireLease(lock.payload, key, lock.ttlMs, lock.ttlMs)
    if (!lease) lock.payload.logger.warn(`lock ${key} still held after ${lock.ttlMs} ms: going on without it`)
    try {
      return await fn()
    } finally {
      await lease?.release()
    }
  })
}

export type DrainSteps = {
  /** Builds what is queued; false when there was nothing. */
  step: () => Promise<boolean>
  /** Is anything queued? Asked after releasing the lock. */
  hasWork: () => Promise<boolean>
  /** The previous holder died holding the lock: clean up what it left. */
  onTakeover?: () => Promise<void>
}

/**
 * Runs `step` for `key` until it finds nothing to do, unless a drain of `key` is already running,
 * here or in another process: then this call returns 'deferred' at once (a job runner is never held
 * up behind another school's build) and the running drain does the work:
 *
 * - here: it is told to look again (race-free because JavaScript runs one thing at a time: a caller
 *   only defers after it has seen its work, a committed `queued` build; the drain checks the flag
 *   synchronously after a step that found nothing and, if it was raised meanwhile, steps again);
 * - in another process: that drain looks for work again *after releasing* its lock, and takes the
 *   lock again if it finds some. Work committed before a caller failed to take the lock is seen
 *   either by that look or by the next holder's first step, so no request is left unbuilt.
 */
export async function drainSchool(key: string, lock: LockSettings, steps: DrainSteps): Promise<'ran' | 'deferred'> {
  const { drains } = state()
  const running = drains.get(key)
  if (running) {
    running.again = true
    return 'deferred'
  }
  const mine: Drain = { again: false }
  drains.set(key, mine)
  try {
    for (;;) {
      let lease: Lease | null = null
      try {
        lease = await tryAcquireLease(lock.payload, key, lock.ttlMs)
        if (!lease) return 'deferred'
        if (lease.tookOver) await steps.onTakeover?.()
        for (;;) {
          mine.again = false
          const worked = await steps.step()
          if (!worked && !mine.again) break
        }
      } finally {
        await lease?.release()
      }
      if (!(await steps.hasWork())) return 'ran'
    }
  } finally {
    drains.delete(key)
  }
}

/** Key of a school's build drain (one build per school at a time). */
export const buildKey = (school: number | string) => `build:${school}`
/** Key of the short lock held while a rebuild is requested (find-or-create of the queued build). */
export const requestLockKey = (school: number | string) => `request:${school}`
