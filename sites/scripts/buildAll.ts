/**
 * Builds every school that has a snapshot (or those named with --only a,b,c), a few at a time.
 *   node sites/scripts/buildAll.ts [--snapshots <dir>] [--out <distRoot>] [--only a,b] [--concurrency 2]
 */
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

import { buildSchoolSite, defaultDistRoot, defaultSnapshotsDir } from './buildSchool.ts'

const option = (name: string) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
const snapshotsDir = option('--snapshots') ?? defaultSnapshotsDir
const distRoot = option('--out') ?? defaultDistRoot
// Astro builds take turns (see buildSchool.ts); a second worker overlaps the search indexing and copying.
const concurrency = Number(option('--concurrency') ?? 2)
const only = option('--only')?.split(',').filter(Boolean)

const slugs = readdirSync(snapshotsDir)
  .filter((d) => !d.startsWith('.') && existsSync(path.join(snapshotsDir, d, 'snapshot.json')))
  .filter((d) => !only || only.includes(d))
const started = performance.now()
let pages = 0
const failures: string[] = []
const queue = [...slugs]
await Promise.all(
  Array.from({ length: Math.max(1, concurrency) }, async () => {
    for (let slug = queue.shift(); slug; slug = queue.shift()) {
      try {
        const result = await buildSchoolSite({ slug, snapshotsDir, distRoot })
        pages += result.pages
        console.log(`[sites] ${slug}: ${result.pages} pages in ${(result.ms / 1000).toFixed(1)}s`)
      } catch (error) {
        failures.push(slug)
        console.error(`[sites] ${slug}: FAILED (previous site kept): ${error instanceof Error ? error.message : error}`)
      }
    }
  }),
)
const seconds = (performance.now() - started) / 1000
console.log(`[sites] ${slugs.length - failures.length}/${slugs.length} schools, ${pages} pages in ${seconds.toFixed(1)}s (${(pages / seconds).toFixed(0)} pages/s)`)
if (failures.length) process.exit(1)
