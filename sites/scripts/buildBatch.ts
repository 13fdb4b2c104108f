/**
 * Builds the sites of several schools with one `astro build`, then gives each school its own
 * `<distRoot>/<slug>/`, swapped in atomically (@truongso/snapshot/folders).
 *
 * Why one build for many: a school's site is ~40 small pages, so `astro build` spends nearly all of
 * its 2–4 s starting up (loading Astro and Vite, bundling the pages); rendering is milliseconds a
 * page. Every page therefore lives under `src/pages/[school]/` and one build renders the pages of
 * every school named in SITE_SCHOOLS into `<batch>/<slug>/`; each of those folders is a complete site
 * for the root of the school's own host (links are root-relative, absolute URLs come from the school's
 * snapshot, src/lib/routes.ts). What Astro writes once for the whole build (the files of public/,
 * and `_astro/` assets, none today as the CSS is inlined) is copied into each school's folder.
 *
 * The guarantees of a one-school build are kept per school:
 * - content only from the published snapshot: every snapshot is validated before the build, and a
 *   school whose snapshot is missing or invalid fails alone, before Astro starts;
 * - a failed school keeps its previous site and does not fail the others: if the Astro build of a
 *   batch fails (one school's content can make it throw, e.g. a date the feed rejects), the batch is
 *   split in two and each half built again, down to single schools, so the error ends up reported
 *   for the school that caused it and every other school is built (a few extra Astro start-ups
 *   instead of one per school);
 * - atomic swap per school: a school's folder is moved out of the batch into the scratch folder of
 *   its own replaceFolder, completed there (files/, search index) and swapped in.
 * "One build per school at a time" and coalescing stay with the caller (the CMS's build queue).
 */
import { spawn } from 'node:child_process'
import { constants, existsSync } from 'node:fs'
import { cp, readdir, readFile, rename, rmdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { parseSnapshot, type Snapshot } from '@truongso/snapshot'
import type { SiteBuildResultLine } from '@truongso/snapshot/build-result'
import { removeLeftovers, replaceFolder, withScratchFolder } from '@truongso/snapshot/folders'

import { allPagePaths } from '../src/lib/routes.ts'
import { describeAstroError } from './astroBuild.ts'
import { carryOverPages, postPageKeys, reusedPageCount, reusablePosts, templateFingerprint, writeBuildState } from './pageReuse.ts'
import { writeSearchIndex } from './searchIndex.ts'

export const sitesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const defaultSnapshotsDir = path.join(sitesDir, '.snapshots')
export const defaultDistRoot = path.join(sitesDir, 'dist')

/** One school's outcome: its site is online (pages, ms since the batch started) or its previous one is kept. */
export type SchoolBuild = SiteBuildResultLine

export type BatchArgs = {
  slugs: string[]
  snapshotsDir?: string
  distRoot?: string
  /** How many Astro builds (batches, halves of a failed batch) and search indexes at a time; default 2. */
  concurrency?: number
  /** At most this many schools per Astro build (default: defaultBatchSize). */
  batchSize?: number
  /**
   * Where Astro runs: 'process' (default), one `astro build` child process per batch; 'inline', Astro's
   * programmatic build() in this process, which then keeps Astro and Vite loaded and compiled for
   * the next build (the long-lived build worker, scripts/buildWorker.ts). Inline builds run one at
   * a time (Astro works in process.cwd() and the pages read the SITE_* variables of process.env).
   */
  astro?: 'process' | 'inline'
  /**
   * Reuse the pages of unchanged posts from each school's live site (scripts/pageReuse.ts); default
   * true. False renders every page (and writes no build state).
   */
  reusePages?: boolean
  /** Progress lines (default: stderr). */
  log?: (line: string) => void
}

/** A school of the build: its snapshot, its post pages' keys, and the posts whose pages the live site already has (scripts/pageReuse.ts). */
type School = { slug: string; snapshot: Snapshot; keys: Map<string, string>; reused: string[] }

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** At most `limit` of the functions given to `run` at a time. */
function limiter(limit: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async function run<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await fn()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
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

/** Reads and validates `<snapshotsDir>/<slug>/snapshot.json`; throws a message naming what is wrong. */
export async function loadSnapshot(snapshotsDir: string, slug: string): Promise<Snapshot> {
  const snapshotDir = path.join(snapshotsDir, slug)
  const raw = await readFile(path.join(snapshotDir, 'snapshot.json'), 'utf8').catch(() => {
    throw new Error(`no snapshot for "${slug}" in ${snapshotsDir}`)
  })
  const snapshot = parseSnapshot(JSON.parse(raw))
  if (snapshot.school.slug !== slug) throw new Error(`snapshot in ${snapshotDir} belongs to "${snapshot.school.slug}"`)
  return snapshot
}

/** The variables a build gives its pages (src/lib/snapshot.ts) and Astro (astro.config.mjs). */
type AstroEnv = { SITE_SNAPSHOTS_DIR: string; SITE_SCHOOLS: string; SITE_OUT_DIR: string; SITE_CACHE_DIR: string; SITE_REUSE_FILE: string }

/**
 * `astro build` in a child process (scripts/astroBuild.ts), run from its own empty working folder
 * inside sites/.astro/. Astro writes its intermediate prerender bundle to `<cwd>/.astro/.prerender/`
 * when outDir is outside the working directory, and that bundle imports packages by name, so it must
 * sit inside sites/ (to find sites/node_modules) and be private to this build (Astro deletes it at
 * the end): with one working folder per build, builds run side by side.
 */
function runAstroProcess(cwd: string, env: AstroEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(sitesDir, 'scripts', 'astroBuild.ts')], {
      cwd,
      env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '', FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // Astro's warnings and errors go to stderr; the last lines of both streams make the report.
    let tail = ''
    const keep = (chunk: string) => (tail = (tail + chunk).slice(-4000))
    child.stdout.setEncoding('utf8').on('data', keep)
    child.stderr.setEncoding('utf8').on('data', keep)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) return resolve()
      reject(new Error(`astro build failed (exit ${code}):\n${tail.trim().split('\n').slice(-20).join('\n')}`))
    })
  })
}

let inlineTurn: Promise<unknown> = Promise.resolve()

/**
 * Astro's programmatic build() in this process (the build worker): the second and later builds skip
 * Node's start-up, loading Astro, Vite and Rolldown, and compiling them (about 1 s of a 2.5 s build
 * of a 500-post school). Each build still bundles the pages afresh (a template changed on disk is
 * picked up) into its own working folder, so its prerender bundle is a module of its own: nothing a
 * page cached (src/lib/snapshot.ts keeps each school's snapshot for the length of a build) survives
 * into the next build. Astro resolves paths against process.cwd() and the pages read process.env,
 * both process-wide, so inline builds take turns.
 */
function runAstroInline(cwd: string, env: AstroEnv): Promise<void> {
  const turn = inlineTurn.then(async () => {
    const { build } = await import('astro')
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
    const savedCwd = process.cwd()
    Object.assign(process.env, env, { ASTRO_TELEMETRY_DISABLED: '1' })
    process.chdir(cwd)
    try {
      await build({ root: sitesDir, logLevel: 'warn' })
    } catch (error) {
      throw new Error(`astro build failed:\n${describeAstroError(error)}`, { cause: error })
    } finally {
      process.chdir(savedCwd)
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
    }
  })
  inlineTurn = turn.catch(() => {})
  return turn
}

/**
 * At most this many pages per Astro build: memory grows with the pages of a build (Astro keeps every
 * route's props until it ends), so a district's schools are built in batches.
 */
export const DEFAULT_BATCH_PAGES = 20_000
/** From this many pages on, the schools are split over `concurrency` builds: each start-up (~1.5 s) is then worth the second core. */
export const SPLIT_MIN_PAGES = 3_000

/**
 * Schools per Astro build when the caller does not say: every school in one build (one start-up)
 * while they are fewer than SPLIT_MIN_PAGES pages; otherwise a multiple of `concurrency` equal
 * batches (every core renders), each of at most DEFAULT_BATCH_PAGES pages.
 */
export function defaultBatchSize(schools: School[], concurrency: number): number {
  const pages = schools.reduce((n, s) => n + sitePageCount(s), 0)
  let batches = Math.ceil(pages / DEFAULT_BATCH_PAGES)
  if (pages >= SPLIT_MIN_PAGES) batches = Math.ceil(Math.max(batches, concurrency) / concurrency) * concurrency
  return Math.max(1, Math.ceil(schools.length / Math.max(1, batches)))
}

/** The pages Astro writes for a school: every listed page, the 404 page and the three text files. */
const sitePageCount = (school: School) => allPagePaths(school.snapshot).length + 4

async function countPages(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length
}

/**
 * Builds `<distRoot>/<slug>/` for every slug, from `<snapshotsDir>/<slug>/`, with as few Astro builds
 * as possible; never rejects for one school's error, which is returned in that school's result.
 */
export async function buildSchoolSites(args: BatchArgs): Promise<SchoolBuild[]> {
  const started = performance.now()
  const snapshotsDir = path.resolve(args.snapshotsDir ?? defaultSnapshotsDir)
  const distRoot = path.resolve(args.distRoot ?? defaultDistRoot)
  const log = args.log ?? ((line: string) => console.error(line))
  const concurrency = Math.max(1, args.concurrency ?? 2)
  const inline = args.astro === 'inline'
  const astroSlots = limiter(inline ? 1 : concurrency)
  const indexSlots = limiter(concurrency)
  const astroDir = path.join(sitesDir, '.astro')
  const results = new Map<string, SchoolBuild>()
  const fail = (slug: string, error: unknown) => results.set(slug, { slug, ok: false, error: errorMessage(error) })

  // 1. Validate every snapshot first: a bad one fails its school alone, before any build.
  const fingerprint = args.reusePages === false ? null : await templateFingerprint(sitesDir)
  const valid: School[] = []
  for (const slug of args.slugs) {
    try {
      const snapshot = await loadSnapshot(snapshotsDir, slug)
      const missing = missingFiles(snapshot, path.join(snapshotsDir, slug))
      if (missing.length) log(`[sites] ${slug}: ${missing.length} referenced file(s) missing from the snapshot, e.g. ${missing[0]}`)
      const keys = postPageKeys(snapshot, fingerprint ?? 'no reuse')
      valid.push({ slug, snapshot, keys, reused: fingerprint ? reusablePosts(snapshot, keys, path.join(distRoot, slug)) : [] })
    } catch (error) {
      fail(slug, error)
    }
  }

  const validated = performance.now()

  /** Moves one school out of the batch output into its own site folder, with its search index, and swaps it in. */
  const install = (batchOut: string, batch: School[], slug: string, searchIndex: Promise<string>) =>
    replaceFolder(path.join(distRoot, slug), async (tmp) => {
      await rmdir(tmp)
      await rename(path.join(batchOut, slug), tmp)
      const school = batch.find((s) => s.slug === slug)!
      await carryOverPages(school.snapshot, school.reused, path.join(distRoot, slug), tmp)
      if (fingerprint) await writeBuildState(tmp, school.keys)
      // Under [school]/ Astro writes the 404 page as 404/index.html; web servers look for /404.html.
      if (existsSync(path.join(tmp, '404', 'index.html'))) {
        await rename(path.join(tmp, '404', 'index.html'), path.join(tmp, '404.html'))
        await rmdir(path.join(tmp, '404'))
      }
      // What Astro wrote for the whole build (public/ files, _astro/ assets) belongs to every site.
      const schoolsOfBatch = new Set(batch.map((s) => s.slug))
      for (const entry of await readdir(batchOut)) {
        if (!schoolsOfBatch.has(entry)) await cp(path.join(batchOut, entry), path.join(tmp, entry), { recursive: true })
      }
      const files = path.join(snapshotsDir, slug, 'files')
      // Copy-on-write clones where the file system can, plain copies elsewhere.
      if (existsSync(files)) await cp(files, path.join(tmp, 'files'), { recursive: true, mode: constants.COPYFILE_FICLONE })
      await rename(await searchIndex, path.join(tmp, 'pagefind'))
      return countPages(tmp)
    })

  /** Astro renders the batch into `out` (`out/<slug>/…`), with a progress line every 3 s. */
  const render = (batch: School[], name: string, label: string, out: string) =>
    astroSlots(() =>
      withScratchFolder(astroDir, 'work', name, (work) =>
        withScratchFolder(distRoot, 'cache', name, async (cache) => {
          const t = performance.now()
          // The pages Astro will write (those of reused posts are carried over instead).
          const expected = batch.reduce((n, s) => n + sitePageCount(s) - reusedPageCount(s.snapshot, s.reused), 0)
          let written = 0
          const progress = setInterval(async () => {
            written = await countPages(out).catch(() => written)
            log(`[sites] astro (${label}): ${written === 0 ? 'starting, bundling the pages…' : `${written}/${expected} pages`}`)
          }, 3000)
          try {
            const reuseFile = path.join(work, 'reuse.json')
            await writeFile(reuseFile, JSON.stringify(Object.fromEntries(batch.map((s) => [s.slug, s.reused]))))
            const env = { SITE_SNAPSHOTS_DIR: snapshotsDir, SITE_SCHOOLS: batch.map((s) => s.slug).join(','), SITE_OUT_DIR: out, SITE_CACHE_DIR: cache, SITE_REUSE_FILE: reuseFile }
            await (inline ? runAstroInline(work, env) : runAstroProcess(work, env))
          } finally {
            clearInterval(progress)
          }
          if (batch.length > 1) log(`[sites] astro (${label}): ${expected} pages in ${((performance.now() - t) / 1000).toFixed(1)}s`)
        }),
      ),
    )

  /**
   * Starts every school's search index into `<indexes>/<slug>/pagefind/`. They come from the
   * snapshots alone and Pagefind runs in a process of its own, so they are written while Astro
   * renders, on the other core. Each promise resolves to the school's pagefind/ folder.
   */
  const startSearchIndexes = (batch: School[], indexes: string) =>
    new Map(
      batch.map(({ slug, snapshot }) => {
        const dir = path.join(indexes, slug)
        const written = indexSlots(() => writeSearchIndex(snapshot, dir)).then(() => path.join(dir, 'pagefind'))
        written.catch(() => {}) // awaited by install, or only settled when the Astro build failed
        return [slug, written] as const
      }),
    )

  /** One Astro build for `batch`; if it fails, each half again (one school: that school fails). */
  async function build(batch: School[]): Promise<void> {
    if (batch.length === 0) return
    const name = batch.length === 1 ? batch[0]!.slug : 'batch'
    const label = batch.length === 1 ? batch[0]!.slug : `${batch.length} schools`
    try {
      await withScratchFolder(distRoot, 'batch', name, (out) =>
        withScratchFolder(distRoot, 'index', name, async (indexes) => {
          const t0 = performance.now()
          const searchIndexes = startSearchIndexes(batch, indexes)
          let indexed = 0
          void Promise.allSettled(searchIndexes.values()).then(() => (indexed = performance.now()))
          try {
            await render(batch, name, label, out)
            const rendered = performance.now()
            await Promise.all(
              batch.map(async ({ slug }) => {
                try {
                  const pages = await install(out, batch, slug, searchIndexes.get(slug)!)
                  results.set(slug, { slug, ok: true, pages, ms: Math.round(performance.now() - started) })
                } catch (error) {
                  fail(slug, error)
                }
              }),
            )
            const ms = (from: number, to: number) => `${Math.round(to - from)} ms`
            const reused = batch.reduce((n, s) => n + s.reused.length, 0)
            log(`[sites] ${label}: snapshots validated in ${ms(started, validated)}, Astro ${ms(t0, rendered)}${reused ? ` (${reused} unchanged posts' pages reused)` : ''}, search indexes ${ms(t0, indexed || performance.now())} (alongside), files and swap ${ms(rendered, performance.now())}`)
          } finally {
            // Pagefind must be done with the folder before it is removed.
            await Promise.allSettled(searchIndexes.values())
          }
        }),
      )
    } catch (error) {
      if (batch.length === 1) return void fail(batch[0]!.slug, error)
      const half = Math.ceil(batch.length / 2)
      log(`[sites] the build of ${label} failed, building them again in two halves to find the school at fault: ${errorMessage(error).split('\n').slice(0, 3).join(' ')}`)
      await Promise.all([build(batch.slice(0, half)), build(batch.slice(half))])
    }
  }

  for (const { slug } of valid) await removeLeftovers(astroDir, slug)
  await removeLeftovers(astroDir, 'batch')
  await removeLeftovers(distRoot, 'batch')
  const size = Math.max(1, Math.floor(args.batchSize ?? defaultBatchSize(valid, concurrency)))
  const batches = Array.from({ length: Math.ceil(valid.length / size) }, (_, i) => valid.slice(i * size, (i + 1) * size))
  if (batches.length > 1) log(`[sites] ${valid.length} schools in ${batches.length} Astro builds of up to ${size} schools, ${inline ? 1 : concurrency} at a time`)
  await Promise.all(batches.map(build))
  return args.slugs.map((slug) => results.get(slug) ?? { slug, ok: false, error: 'not built' })
}
