/**
 * Builds every school that has a snapshot folder (or those named with --only a,b,c) with as few
 * Astro builds as fit (scripts/buildBatch.ts: a school that fails, fails alone; --concurrency is how
 * many Astro builds and search indexes run at a time; --batch-size, at most how many schools one
 * Astro build renders, by default all of them up to DEFAULT_BATCH_PAGES pages, split over the
 * concurrent builds when there are enough pages, see defaultBatchSize).
 * A full build is background work: it runs at a lower CPU priority (--nice, default 10, inherited by
 * its Astro and Pagefind processes), so a publish's build in the CMS's build worker goes first on a
 * busy machine; on an idle one it changes nothing. --nice 0 to run at the normal priority.
 *   node sites/scripts/buildAll.ts [--snapshots <dir>] [--out <distRoot>] [--concurrency 2] [--batch-size N] [--nice 10] [--only a,b]
 * Prints pages and seconds per school and in total on stderr, then one JSON line on stdout (a
 * `BuildAllResult`, read by `pnpm start` and the benchmark); exits 1 when any school failed (its
 * previous site is kept).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { setPriority } from 'node:os'
import path from 'node:path'

import { buildSchoolSites } from './buildBatch.ts'
import { defaultDistRoot, defaultSnapshotsDir, option } from './buildSchool.ts'

export type BuildAllResult = { schools: number; built: string[]; failed: string[]; pages: number; seconds: number }

const argv = process.argv.slice(2)
const snapshotsDir = path.resolve(option(argv, '--snapshots') ?? defaultSnapshotsDir)
const distRoot = path.resolve(option(argv, '--out') ?? defaultDistRoot)
const concurrency = Math.max(1, Number(option(argv, '--concurrency') ?? 2) || 1)
const batchSize = option(argv, '--batch-size') ? Math.max(1, Number(option(argv, '--batch-size')) || 1) : undefined
const only = option(argv, '--only')?.split(',').filter(Boolean)
const nice = Math.min(19, Math.max(0, Number(option(argv, '--nice') ?? 10) || 0))

if (!existsSync(snapshotsDir)) {
  console.error(`[sites] no snapshots folder ${snapshotsDir}`)
  process.exit(2)
}
const slugs = readdirSync(snapshotsDir)
  .filter((d) => !d.startsWith('.') && existsSync(path.join(snapshotsDir, d, 'snapshot.json')))
  .filter((d) => !only || only.includes(d))
  .sort()

try {
  if (nice > 0) setPriority(nice)
} catch {
  // Not allowed here (some containers): the build runs at the priority it was started with.
}
if (nice > 0) lowerSessionPriority(nice)

/**
 * With the kernel's autogroup scheduling (most desktop and server Linux), CPU time is first shared
 * between sessions and only then by niceness inside one: a full build started in a session of its
 * own (cron, a shell, the benchmark) would still take half the machine from the CMS's publish
 * builds. Its session's group is lowered too, but only when this process leads the session, so
 * that a build started beside the CMS (`pnpm start`) does not lower the CMS with it.
 */
function lowerSessionPriority(value: number) {
  try {
    const session = Number(readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ')[3])
    if (session === process.pid) writeFileSync('/proc/self/autogroup', String(value))
  } catch {
    // No /proc or no autogroup (macOS, Windows, kernels without it): per-process niceness is all there is.
  }
}
const started = performance.now()
console.error(`[sites] building ${slugs.length} school sites…`)
let pages = 0
const built: string[] = []
const failures: string[] = []
for (const result of await buildSchoolSites({ slugs, snapshotsDir, distRoot, concurrency, batchSize })) {
  if (result.ok) {
    pages += result.pages
    built.push(result.slug)
    console.error(`[sites] ${result.slug}: ${result.pages} pages, online after ${(result.ms / 1000).toFixed(1)}s`)
  } else {
    failures.push(result.slug)
    console.error(`[sites] ${result.slug}: FAILED (previous site kept): ${result.error}`)
  }
}
const seconds = (performance.now() - started) / 1000
console.error(
  `[sites] ${slugs.length - failures.length}/${slugs.length} schools, ${pages} pages in ${seconds.toFixed(1)}s` +
    (seconds > 0 ? ` (${(pages / seconds).toFixed(0)} pages/s, concurrency ${concurrency})` : ''),
)
if (failures.length) console.error(`[sites] failed: ${failures.join(', ')}`)
const result: BuildAllResult = { schools: slugs.length, built: built.sort(), failed: failures.sort(), pages, seconds: Number(seconds.toFixed(1)) }
console.log(JSON.stringify(result))
if (failures.length) process.exit(1)
