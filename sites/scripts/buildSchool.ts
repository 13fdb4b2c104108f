/**
 * Builds one school's static site from its snapshot into `<distRoot>/<slug>/`, atomically: the new
 * site is built in a scratch folder and swapped in only when everything (Astro, files, search index)
 * succeeded, so a failed build leaves the previous site online (@truongso/snapshot/folders).
 *   node sites/scripts/buildSchool.ts <slug> [--snapshots <dir>] [--out <distRoot>]
 * Run so, it prints one JSON result line on stdout (@truongso/snapshot/build-result), which the CMS
 * reads; its other output goes to stderr.
 */
import { spawn } from 'node:child_process'
import { constants, existsSync, readFileSync } from 'node:fs'
import { cp, readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseSnapshot, type Snapshot } from '@truongso/snapshot'
import { formatBuildResult } from '@truongso/snapshot/build-result'
import { removeLeftovers, replaceFolder, withScratchFolder } from '@truongso/snapshot/folders'

import { writeSearchIndex } from './searchIndex.ts'

export const sitesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const defaultSnapshotsDir = path.join(sitesDir, '.snapshots')
export const defaultDistRoot = path.join(sitesDir, 'dist')

function astroBin(): string {
  const pkg = createRequire(import.meta.url).resolve('astro/package.json')
  const bin = JSON.parse(readFileSync(pkg, 'utf8')).bin
  return path.join(path.dirname(pkg), typeof bin === 'string' ? bin : bin.astro)
}

/**
 * `astro build` in a child process, run from its own empty working folder inside sites/.astro/.
 * Astro writes its intermediate prerender bundle to `<cwd>/.astro/.prerender/` when outDir is
 * outside the working directory, and that bundle imports packages by name, so it must sit inside
 * sites/ (to find sites/node_modules) and be private to this build (Astro deletes it at the end):
 * with one working folder per build, builds of different schools run side by side.
 */
function runAstro(cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin(), 'build', '--root', sitesDir, '--silent'], {
      cwd,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`astro build failed (exit ${code}):\n${output.trim().split('\n').slice(-20).join('\n')}`))
    })
  })
}

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length
}

/** Files the snapshot refers to that its files/ folder lacks (reported, not fatal). */
function missingFiles(snapshot: Snapshot, snapshotDir: string): string[] {
  const images = [...snapshot.posts.map((p) => p.cover), snapshot.introduction?.orgChart].filter((i) => i != null)
  const paths = [
    ...images.flatMap((i) => [i.path, ...i.sizes.map((s) => s.path)]),
    ...[...snapshot.posts, ...snapshot.disclosures].flatMap((x) => x.attachments.map((a) => a.path)),
  ]
  return [...new Set(paths)].filter((p) => !existsSync(path.join(snapshotDir, p)))
}

export type BuildArgs = { slug: string; snapshotsDir?: string; distRoot?: string }

/** Builds `<distRoot>/<slug>/` from `<snapshotsDir>/<slug>/`; rejects (keeping the old site) on any error. */
export async function buildSchoolSite(args: BuildArgs): Promise<{ pages: number; ms: number }> {
  const started = performance.now()
  const snapshotsDir = path.resolve(args.snapshotsDir ?? defaultSnapshotsDir)
  const distRoot = path.resolve(args.distRoot ?? defaultDistRoot)
  const snapshotDir = path.join(snapshotsDir, args.slug)
  const raw = await readFile(path.join(snapshotDir, 'snapshot.json'), 'utf8').catch(() => {
    throw new Error(`no snapshot for "${args.slug}" in ${snapshotsDir}`)
  })
  const snapshot = parseSnapshot(JSON.parse(raw))
  if (snapshot.school.slug !== args.slug) throw new Error(`snapshot in ${snapshotDir} belongs to "${snapshot.school.slug}"`)
  const missing = missingFiles(snapshot, snapshotDir)
  if (missing.length) console.warn(`[sites] ${args.slug}: ${missing.length} referenced file(s) missing from the snapshot, e.g. ${missing[0]}`)

  // Astro's working folder (see runAstro) lives in sites/.astro/, its private cache beside the site.
  const astroDir = path.join(sitesDir, '.astro')
  await removeLeftovers(astroDir, args.slug)
  const pages = await replaceFolder(path.join(distRoot, args.slug), (tmp) =>
    withScratchFolder(distRoot, 'cache', args.slug, (cache) =>
      withScratchFolder(astroDir, 'work', args.slug, async (work) => {
        await runAstro(work, { SITE_SNAPSHOT_DIR: snapshotDir, SITE_OUT_DIR: tmp, SITE_CACHE_DIR: cache })
        const files = path.join(snapshotDir, 'files')
        // Copy-on-write clones where the file system can, plain copies elsewhere.
        if (existsSync(files)) await cp(files, path.join(tmp, 'files'), { recursive: true, mode: constants.COPYFILE_FICLONE })
        await writeSearchIndex(snapshot, tmp)
        return countPages(tmp)
      }),
    ),
  )
  return { pages, ms: Math.round(performance.now() - started) }
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
