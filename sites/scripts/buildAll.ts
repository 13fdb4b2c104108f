/**
 * Builds every school that has a snapshot folder (or those named with --only a,b,c) in one Astro
 * build (scripts/buildBatch.ts: a school that fails, fails alone; --concurrency is how many Astro
 * builds and search indexes run at a time when a failed batch is built again in halves).
 *   node sites/scripts/buildAll.ts [--snapshots <dir>] [--out <distRoot>] [--concurrency 2] [--only a,b]
 * Prints pages and seconds per school and in total on stderr, then one JSON line on stdout (a
 * `BuildAllResult`, read by `pnpm start` and the benchmark); exits 1 when any school failed (its
 * previous site is kept).
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

import { buildSchoolSites } from './buildBatch.ts'
import { defaultDistRoot, defaultSnapshotsDir, option } from './buildSchool.ts'

export type BuildAllResult = { schools: number; built: string[]; failed: string[]; pages: number; seconds: number }

const argv = process.argv.slice(2)
const snapshotsDir = path.resolve(option(argv, '--snapshots') ?? defaultSnapshotsDir)
const distRoot = path.resolve(option(argv, '--out') ?? defaultDistRoot)
const concurrency = Math.max(1, Number(option(argv, '--concurrency') ?? 2) || 1)
const only = option(argv, '--only')?.split(',').filter(Boolean)

if (!existsSync(snapshotsDir)) {
  console.error(`[sites] no snapshots folder ${snapshotsDir}`)
  process.exit(2)
}
const slugs = readdirSync(snapshotsDir)
  .filter((d) => !d.startsWith('.') && existsSync(path.join(snapshotsDir, d, 'snapshot.json')))
  .filter((d) => !only || only.includes(d))
  .sort()

const started = performance.now()
console.error(`[sites] building ${slugs.length} school sites…`)
let pages = 0
const built: string[] = []
const failures: string[] = []
for (const result of await buildSchoolSites({ slugs, snapshotsDir, distRoot, concurrency })) {
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
