/**
 * Builds one school's static site from its snapshot into `<distRoot>/<slug>/`, atomically: the new
 * site is built in a temporary folder and swapped in only when everything succeeded, so a failed
 * build leaves the previous site online.
 *   node sites/scripts/buildSchool.ts <slug> [--snapshots <dir>] [--out <distRoot>]
 */
import { spawn } from 'node:child_process'
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseSnapshot } from '@truongso/snapshot'

import { writeSearchIndex } from './searchIndex.ts'

const sitesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const defaultSnapshotsDir = path.join(sitesDir, '.snapshots')
export const defaultDistRoot = path.join(sitesDir, 'dist')

function astroBin(): string {
  const pkg = createRequire(import.meta.url).resolve('astro/package.json')
  return path.join(path.dirname(pkg), 'bin/astro.mjs')
}

function runAstro(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin(), 'build', '--silent'], { cwd: sitesDir, env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (${code}):\n${output.trim().split('\n').slice(-20).join('\n')}`))))
  })
}

/**
 * Astro keeps intermediate build files in sites/.astro, shared by every build of this checkout, so
 * builds (from the main job, the CMS's rebuild jobs, a benchmark) take turns. Each takes a second or two.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(sitesDir, '.astro', 'build.lock')
  await mkdir(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch {
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0)
      if (age > 5 * 60_000) await rm(lock, { recursive: true, force: true }) // left by a killed build
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    return await fn()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

async function countPages(dir: string): Promise<number> {
  let pages = 0
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name.endsWith('.html')) pages++
  return pages
}

export async function buildSchoolSite(args: { slug: string; snapshotsDir?: string; distRoot?: string }): Promise<{ pages: number; ms: number }> {
  const started = performance.now()
  const snapshotsDir = path.resolve(args.snapshotsDir ?? defaultSnapshotsDir)
  const distRoot = path.resolve(args.distRoot ?? defaultDistRoot)
  const snapshotDir = path.join(snapshotsDir, args.slug)
  const raw = await readFile(path.join(snapshotDir, 'snapshot.json'), 'utf8').catch(() => {
    throw new Error(`no snapshot for "${args.slug}" in ${snapshotsDir}`)
  })
  const snapshot = parseSnapshot(JSON.parse(raw))
  if (snapshot.school.slug !== args.slug) throw new Error(`snapshot in ${snapshotDir} belongs to "${snapshot.school.slug}"`)
  await mkdir(distRoot, { recursive: true })
  const stamp = `${args.slug}-${process.pid}-${Date.now()}`
  const tmp = path.join(distRoot, `.tmp-${stamp}`)
  const cache = path.join(distRoot, `.cache-${stamp}`)
  try {
    await withBuildLock(() => runAstro({ SITE_SNAPSHOT_DIR: snapshotDir, SITE_OUT_DIR: tmp, SITE_CACHE_DIR: cache, SITE_URL: snapshot.school.url }))
    if (existsSync(path.join(snapshotDir, 'files'))) await cp(path.join(snapshotDir, 'files'), path.join(tmp, 'files'), { recursive: true })
    await writeSearchIndex(snapshot, tmp)
    const pages = await countPages(tmp)
    const target = path.join(distRoot, args.slug)
    const old = path.join(distRoot, `.old-${stamp}`)
    if (existsSync(target)) await rename(target, old)
    await rename(tmp, target)
    await rm(old, { recursive: true, force: true })
    return { pages, ms: Math.round(performance.now() - started) }
  } finally {
    await rm(tmp, { recursive: true, force: true })
    await rm(cache, { recursive: true, force: true })
  }
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const slug = process.argv[2]
  if (!slug || slug.startsWith('--')) {
    console.error('usage: node sites/scripts/buildSchool.ts <slug> [--snapshots <dir>] [--out <distRoot>]')
    process.exit(2)
  }
  try {
    const result = await buildSchoolSite({ slug, snapshotsDir: option('--snapshots'), distRoot: option('--out') })
    console.log(`[sites] ${slug}: ${result.pages} pages in ${(result.ms / 1000).toFixed(1)}s`)
  } catch (error) {
    console.error(`[sites] ${slug}: build failed, previous site kept. ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  }
}
