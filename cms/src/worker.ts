/**
 * `pnpm worker`: runs the CMS's jobs (site builds, workflow follow-ups, e-mail…) without serving
 * HTTP, so production can run N web processes with TRUONGSO_DISABLE_JOBS=1 and M workers on one
 * database. Builds of one school never overlap across processes (a lock in the database, see
 * packages/payload-plugin/src/sites/schoolLock.ts).
 *
 * SIGTERM/SIGINT: takes no new job, lets the running ones finish (their locks are released as they
 * end), then closes the database and exits 0. A second signal exits at once (the locks expire).
 *
 * Environment: as the CMS (DATABASE_URI, TRUONGSO_DATA_DIR…), plus TRUONGSO_WORKER_POLL_MS (how
 * often an idle queue is polled, default 1000).
 */
import { fileURLToPath } from 'node:url'

import { requeueStrandedBuilds } from '@truongso/payload-plugin'
import type { Payload } from 'payload'

export type WorkerOptions = {
  /** Pause of an idle queue before it is polled again. */
  pollMs?: number
  /** Ends the loops once the running jobs finish. */
  signal: AbortSignal
  /** Lock lifetime of site builds, when not the default (tests). */
  lockTtlMs?: number
}

/** The queues the configuration runs on a schedule (its autoRun entries), plus the default one. */
function queuesOf(payload: Payload): string[] {
  const autoRun = payload.config.jobs?.autoRun
  const names = new Set<string>(['default'])
  if (Array.isArray(autoRun)) for (const entry of autoRun) names.add(entry.queue ?? 'default')
  return [...names]
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })

/**
 * One loop per queue, each running its queue's jobs until none is left, then polling. Site builds
 * run one at a time per worker (the `sites` queue, sequential), so each worker adds one build's
 * worth of CPU; other queues run their jobs side by side.
 */
export async function runWorker(payload: Payload, options: WorkerOptions): Promise<void> {
  const pollMs = options.pollMs ?? 1000
  const { signal } = options
  const lane = async (queue: string) => {
    while (!signal.aborted) {
      try {
        const result = await payload.jobs.run({ queue, limit: queue === 'sites' ? 1 : 20, sequential: queue === 'sites', silent: { info: true } })
        const ran = Object.keys(result.jobStatus ?? {}).length
        if (ran === 0 || result.noJobsRemaining) await sleep(pollMs, signal)
      } catch (err) {
        payload.logger.error({ err, msg: `[worker] queue ${queue}: job run failed` })
        await sleep(pollMs, signal)
      }
    }
  }
  // Builds whose job deferred to a process that died since: queue them again now and then.
  const sweep = async () => {
    while (!signal.aborted) {
      await sleep(Math.max(pollMs, Math.min(30_000, (options.lockTtlMs ?? 120_000) / 2)), signal)
      if (signal.aborted) break
      try {
        const queued = await requeueStrandedBuilds(payload, { lockTtlMs: options.lockTtlMs })
        if (queued) payload.logger.warn(`[worker] requeued ${queued} site build(s) left by a stopped process`)
      } catch (err) {
        payload.logger.error({ err, msg: '[worker] stranded-build sweep failed' })
      }
    }
  }
  // Tasks with a `schedule` are queued by Payload's schedule handler; run it every minute.
  const schedules = async () => {
    while (!signal.aborted) {
      await payload.jobs.handleSchedules({ allQueues: true }).catch((err: unknown) => payload.logger.error({ err, msg: '[worker] schedules failed' }))
      await sleep(60_000, signal)
    }
  }
  await Promise.all([...queuesOf(payload).map(lane), sweep(), schedules()])
}

/** Stops on SIGTERM/SIGINT after the running jobs; a second signal exits at once. */
export function stopOnSignals(payload: Payload): AbortController {
  const controller = new AbortController()
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      payload.logger.warn(`[worker] ${signal} again: exiting now`)
      process.exit(1)
    }
    payload.logger.info(`[worker] ${signal}: finishing the running jobs, then stopping`)
    controller.abort()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  return controller
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // This process runs the jobs itself: no autoRun cron, no run started right after a publish.
  process.env.TRUONGSO_DISABLE_JOBS = '1'
  const { getPayload } = await import('payload')
  const { default: config } = await import('./payload.config.ts')
  const payload = await getPayload({ config })
  const controller = stopOnSignals(payload)
  const queues = queuesOf(payload)
  payload.logger.info(`[worker] running jobs of the queues ${queues.join(', ')} (pid ${process.pid}); SIGTERM stops it`)
  await runWorker(payload, { signal: controller.signal, pollMs: Number(process.env.TRUONGSO_WORKER_POLL_MS ?? 1000) })
  await payload.destroy()
  payload.logger.info('[worker] stopped')
  process.exit(0)
}
