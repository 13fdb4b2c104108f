/**
 * Per-school coordination of site builds, held in this Node process.
 *
 * Why in-process and not in the database: the CMS runs as one Node process (`next start`), which is
 * where every site build runs (the `sites` job queue: its scheduled run and the run started right
 * after a publish). Plain in-memory state serialises them with no schema change and works the same
 * on SQLite, PostgreSQL and MongoDB; Payload's own job `concurrencyKey` check is a find-then-update
 * (two runners can still pick two jobs of one school) and advisory locks exist only in PostgreSQL.
 * Should the CMS ever run as several processes, this must become a database lock.
 *
 * The state lives on globalThis under a registered symbol: Next.js may load this module more than
 * once in one process (one copy per server bundle), and all copies must share it.
 */
const REGISTRY = Symbol.for('truongso.siteBuildCoordination')

type Drain = { again: boolean }
type State = { locks: Map<string, Promise<void>>; drains: Map<string, Drain> }

function state(): State {
  const scope = globalThis as { [REGISTRY]?: State }
  scope[REGISTRY] ??= { locks: new Map(), drains: new Map() }
  return scope[REGISTRY]
}

/** Runs `fn` once every earlier holder of `key` has finished (first come, first served). */
export async function withSchoolLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
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
 * Runs `step` for `key` until it finds nothing to do, unless a drain of `key` is already running:
 * then that drain is told to look again and this call returns 'deferred' at once (the caller does
 * not wait, so a job runner is never held up behind another school's build).
 *
 * Race-free because JavaScript runs one thing at a time: a caller only defers after it has seen its
 * work (a committed `queued` build); the drain checks the flag synchronously after a step that found
 * nothing and, if it was raised meanwhile, steps again, and that step sees the work.
 */
export async function drainSchool(key: string, step: () => Promise<boolean>): Promise<'ran' | 'deferred'> {
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
      mine.again = false
      const worked = await step()
      if (!worked && !mine.again) return 'ran'
    }
  } finally {
    drains.delete(key)
  }
}

/** Key of a school's build drain (one build per school at a time). */
export const buildKey = (school: number | string) => `build:${school}`
/** Key of the short lock held while a rebuild is requested (find-or-create of the queued build). */
export const requestLockKey = (school: number | string) => `request:${school}`
