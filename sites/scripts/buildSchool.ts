/**
 * Builds one school's static site from its snapshot into `<distRoot>/<slug>/`, atomically: the new
 * site is built in a scratch folder and swapped in only when everything (Astro, files, search index)
 * succeeded, so a failed build leaves the previous site online (@truongso/snapshot/folders). It is
 * the batch build of scripts/buildBatch.ts with one school.
 *   node sites/scripts/buildSchool.ts <slug> [--snapshots <dir>] [--out <distRoot>]
 * Run so, it prints one JSON result line on stdout (@truongso/snapshot/build-result), which the CMS
 * reads; its other output goes to stderr.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { formatBuildResult } from '@truongso/snapshot/build-result'

import { buildSchoolSites, defaultDistRoot, defaultSnapshotsDir, sitesDir } from './buildBatch.ts'

export { defaultDistRoot, defaultSnapshotsDir, sitesDir }

export type BuildArgs = { slug: string; snapshotsDir?: string; distRoot?: string }

/** Builds `<distRoot>/<slug>/` from `<snapshotsDir>/<slug>/` (a batch of one); rejects (keeping the old site) on any error. */
export async function buildSchoolSite(args: BuildArgs): Promise<{ pages: number; ms: number }> {
  const [result] = await buildSchoolSites({ slugs: [args.slug], snapshotsDir: args.snapshotsDir, distRoot: args.distRoot })
  if (!result?.ok) throw new Error(result?.error ?? 'not built')
  return { pages: result.pages, ms: result.ms }
}

export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name)
  return i >= 0 ? argv[i + 1] : undefined
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const slug = process.argv[2]
  if (!slug || slug.startsWith('--')) {
    console.error('usage: node sites/scripts/buildSchool.ts <slug> [--snapshots <dir>] [--out <distRoot>]')
    process.exit(2)
  }
  try {
    const argv = process.argv.slice(3)
    const result = await buildSchoolSite({ slug, snapshotsDir: option(argv, '--snapshots'), distRoot: option(argv, '--out') })
    console.error(`[sites] ${slug}: ${result.pages} pages in ${(result.ms / 1000).toFixed(1)}s`)
    console.log(formatBuildResult({ ok: true, slug, ...result }))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[sites] ${slug}: build failed, previous site kept. ${message}`)
    console.log(formatBuildResult({ ok: false, slug, error: message }))
    process.exit(1)
  }
}
