/**
 * The site build worker: a long-lived child process that keeps Astro warm between builds. The CMS
 * starts it once with child_process.fork (an IPC channel) and sends it its site builds; it builds them
 * one at a time with the batch build of scripts/buildBatch.ts, Astro running inline (its programmatic
 * build(), in this process), and answers each with the schools' results.
 *
 * Why: a one-shot `node scripts/buildSchool.ts` of a 500-post school spends about 1 s of its ~2.5 s
 * before Astro renders anything (Node's start-up, loading Astro, Vite and Rolldown, compiling them
 * on first use). Here that is paid once, by a warm-up build of the test fixture when the worker
 * starts; the next builds only bundle the pages (fresh each time: a template changed on disk is
 * picked up), render and write them.
 *
 * The guarantees stay those of the batch build (content only from the snapshot folder named in the
 * request, validated; atomic swap per school; a failed school keeps its previous site), and a build
 * that crashes or runs out of memory takes down this process only: the CMS rejects the builds it had
 * sent and starts a fresh worker for the next one. It never outlives the CMS (it exits when the IPC
 * channel closes). Every build leaves a few MB behind (its prerender bundle is a module that cannot
 * be unloaded), so after MAX_BUILDS builds, or once its memory passes MAX_RSS_MIB, it marks its
 * result `retiring`; the CMS sends its next builds to a successor and answers `stop`, and this worker
 * exits once it has built everything it was sent before that.
 *
 * The messages (types in @truongso/snapshot/build-result, shared with the CMS):
 *   fork('sites/scripts/buildWorker.ts')            (no arguments; refuses to run without IPC)
 *   → { type: 'build', id, slugs, snapshotsDir, distRoot }
 *   → { type: 'stop' }                              exit after the builds sent before
 *   ← { type: 'ready', warmUpMs }                   once warmed up (builds sent before wait for it)
 *   ← { type: 'result', id, results: SchoolBuild[], retiring? }  one per build, in order
 * Environment: SITE_WORKER_WARM_UP=0 skips the warm-up build; SITE_WORKER_MAX_BUILDS and
 * SITE_WORKER_MAX_RSS_MIB change when it retires.
 */
import { existsSync } from 'node:fs'
import { enableCompileCache } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { BuildWorkerMessage, BuildWorkerRequest } from '@truongso/snapshot/build-result'
import { withScratchFolder } from '@truongso/snapshot/folders'

import { buildSchoolSites, sitesDir, type SchoolBuild } from './buildBatch.ts'


const MAX_BUILDS = Number(process.env.SITE_WORKER_MAX_BUILDS ?? 50) || 50
const MAX_RSS_MIB = Number(process.env.SITE_WORKER_MAX_RSS_MIB ?? 1536) || 1536

/** The school the warm-up builds: the test fixture, kept valid for the snapshot schema by the tests. */
const WARM_UP = { snapshotsDir: path.join(sitesDir, 'test', 'fixtures'), slug: 'ththcslythuongkiet' }

let sent: Promise<unknown> = Promise.resolve()
/** Sends a message; `sent` settles once every message so far has been handed to the channel. */
const send = (message: BuildWorkerMessage) => {
  sent = new Promise((resolve) => process.send?.(message, undefined, undefined, resolve) ?? resolve(undefined))
}
const log = (line: string) => console.error(line)

/** One build into a throwaway folder, so the first real build finds Astro loaded and compiled. */
async function warmUp(): Promise<number> {
  const t = performance.now()
  if (process.env.SITE_WORKER_WARM_UP === '0' || !existsSync(path.join(WARM_UP.snapshotsDir, WARM_UP.slug, 'snapshot.json'))) {
    await import('astro')
  } else {
    await withScratchFolder(tmpdir(), 'sites-warm-up', String(process.pid), async (distRoot) => {
      const [result] = await buildSchoolSites({ slugs: [WARM_UP.slug], snapshotsDir: WARM_UP.snapshotsDir, distRoot, astro: 'inline', log: () => {} })
      if (!result?.ok) log(`[sites] build worker: the warm-up build failed (the worker still builds): ${result?.error.split('\n')[0]}`)
    })
  }
  return Math.round(performance.now() - t)
}

if (!process.send) {
  console.error('buildWorker.ts runs as a child process of the CMS (child_process.fork); use buildSchool.ts or buildAll.ts from a shell')
  process.exit(2)
}

// Astro is loaded by the warm-up build: from Node's compile cache once a build has run on this machine.
enableCompileCache()

// The CMS is gone: nobody would read the results. A build cut short leaves its scratch folders
// (removed by a later build) and the school's previous site (the swap is the last step).
process.on('disconnect', () => process.exit(0))

let builds = 0
let retiring = false
let queue: Promise<void> = warmUp().then(
  (warmUpMs) => void send({ type: 'ready', warmUpMs }),
  (error: unknown) => {
    // Astro cannot even be loaded: every build would fail the same way; let the CMS see it.
    log(`[sites] build worker: cannot load Astro: ${error instanceof Error ? error.stack : String(error)}`)
    process.exit(1)
  },
)

process.on('message', (request: BuildWorkerRequest) => {
  if (request?.type === 'stop') return void queue.then(() => sent).then(() => process.exit(0))
  if (request?.type !== 'build') return
  queue = queue.then(async () => {
    const results = await buildSchoolSites({ slugs: request.slugs, snapshotsDir: request.snapshotsDir, distRoot: request.distRoot, astro: 'inline', log }).catch(
      // buildSchoolSites reports each school's error in its result; this is a bug or a broken disk.
      (error: unknown) => request.slugs.map((slug): SchoolBuild => ({ slug, ok: false, error: error instanceof Error ? error.message : String(error) })),
    )
    builds++
    const retire = !retiring && (builds >= MAX_BUILDS || process.memoryUsage().rss / 2 ** 20 > MAX_RSS_MIB)
    if (retire) retiring = true
    send({ type: 'result', id: request.id, results, ...(retire ? { retiring: true as const } : {}) })
  })
})
