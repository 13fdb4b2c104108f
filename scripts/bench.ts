/**
 * `pnpm bench`: speed and memory figures, reported as medians (never asserted in tests).
 *   - assessment: whole-school year summary (packages/assessment/bench)
 *   - cms: cold start of the built admin to a usable login page, login and list latency, RSS memory
 *   - rest: anonymous REST list of 20 published posts, 50 connections, 34 schools × 200 posts,
 *     with and without this project's access rules and hooks: req/s, p50 and p95 latency, ratios
 *   - import: 1,000 students from .xlsx (parse, validate, write), seconds and peak memory
 *   - sites: full build of 34 schools × 200 posts (pages/s, peak memory), with and without the
 *     Pagefind step, against Hugo on the same content at the same number of schools built at a time
 *     (BENCH_SITES_CONCURRENCY, default 2; 1 = both serial), the two taking turns BENCH_SITES_RUNS
 *     times (default 3; medians and their ratio); home page weight; publish → live for a
 *     school with 500 posts. Needs `hugo` on PATH for the comparison (Debian: apt-get install hugo).
 *   - lighthouse: Lighthouse 13 (pnpm dlx, Debian's Chromium) mobile scores of a built school site's
 *     home page and a post page, the four categories against the goal of ≥ 95 (scripts/bench/lighthouse.ts)
 *   - seed: the demo seed into a fresh SQLite file (34 schools, 37 accounts, websites, ~10,700
 *     students), median of 3; and one school's records through the fast path against the Local API
 *     and Excel importer path it replaces (cms/src/seed/fastRecords.ts)
 *   - gradebook: a THCS school of ~1,500 students and 100 teachers (cms/bench/gradebook.ts): one cell
 *     saved by 100 teachers over 50 connections (p50, p95), every class's year results, a 45-student
 *     sheet imported
 *   - teaching: the teaching day of a THCS school of 60 teachers and the district's 34 schools
 *     (cms/bench/teaching.ts): every teacher's weekly plan generated (per request and total), the
 *     plan status board and a team leader's, a class's class-log day (first read and repeat), a
 *     teacher's and a class's week, the attendance feed of 34 schools (JSON, CSV); medians (p95 where
 *     there are enough requests) against the goal of 300 ms server time per screen
 *   - documents: education records (issue 15, cms/bench/documents.ts): a signed 10 MB PDF uploaded
 *     through REST (content check, SHA-256, signature reading) against sha256Hex + readPdfSignatures
 *     alone on the same buffer, and a team leader's lesson-plan week view of a 15-teacher department;
 *     medians (min, max) of 7 runs and the upload / pure-check ratio
 *   - books: printed books (issue 16, cms/bench/books.ts): a 40-student class's THCS book over REST
 *     (median of 5, pages/s), a 480-student school's transcripts rendered as the archive job does
 *     (total, per transcript, pages/s), the school's year-end archive job (time, files, zip size),
 *     peak RSS of Node and of Chromium; against the goals (book ≤ 5 s, 500 transcripts ≤ 2 min)
 *   - oversight: the oversight dashboard's data (issue 17, cms/bench/oversight.ts) for the 34 seeded
 *     schools and a simulated province of 700 (666 generated): median server time over REST against
 *     the goal of ≤ 1 s for 700, the 700 / 34 ratio, and the Local API engine (MongoDB's path) against
 *     the SQL GROUP BY
 *   - writes: mixed writes (records, posts, workflow steps, logins) at 1, 4, 8 and 16 concurrent
 *     clients on SQLite and PostgreSQL: errors (the figure that matters: 0), writes/s, p50, p95
 * Run one section with `pnpm bench assessment`, `pnpm bench import`, `pnpm bench cms`,
 * `pnpm bench rest`, `pnpm bench seed`, `pnpm bench gradebook`, `pnpm bench teaching`,
 * `pnpm bench documents`, `pnpm bench books`, `pnpm bench oversight`, `pnpm bench sites`, `pnpm bench lighthouse` or `pnpm bench writes`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { BuildAllResult } from '../sites/scripts/buildAll.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cmsDir = path.join(root, 'cms')
const sections = process.argv.slice(2)
const wants = (name: string) => sections.length === 0 || sections.includes(name)

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function rssMiB(pid: number): number {
  // The Next server runs as a child of `pnpm exec`; sum the process tree.
  let total = 0
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8')
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
      for (const child of children) visit(Number(child))
    } catch {
      // process gone
    }
  }
  visit(pid)
  return total
}

async function benchAssessment() {
  const file = path.join(root, 'packages/assessment/bench/classSummary.bench.ts')
  if (!existsSync(file)) return console.log('assessment: benchmark not present')
  const mod = (await import(pathToFileURL(file).href)) as { runAssessmentBench?: () => Promise<unknown> }
  if (mod.runAssessmentBench) console.log('assessment:', await mod.runAssessmentBench())
}

async function benchCms() {
  if (!existsSync(path.join(cmsDir, '.next', 'BUILD_ID'))) {
    spawnSync('pnpm', ['exec', 'next', 'build', '--webpack'], { cwd: cmsDir, stdio: 'inherit' })
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-'))
  const env = { ...process.env, TRUONGSO_DATA_DIR: dataDir, NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'warn' }
  const seedStart = performance.now()
  spawnSync(process.execPath, ['--no-deprecation', 'src/seed/run.ts'], { cwd: cmsDir, env, stdio: 'ignore' })
  const seedMs = performance.now() - seedStart
  const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as { email: string; password: string; school: string | null; roles: string[] }[]
  const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))!

  const port = 3100
  const base = `http://127.0.0.1:${port}`
  const starts: number[] = []
  const logins: number[] = []
  const lists: number[] = []
  let rss = 0
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now()
    const server: ChildProcess = spawn('pnpm', ['exec', 'next', 'start', '--port', String(port)], { cwd: cmsDir, env, stdio: 'ignore' })
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`${base}/admin/login`).then((r) => r.status === 200, () => false)
      if (ok) break
      await sleep(100)
    }
    starts.push(performance.now() - t0)
    const l0 = performance.now()
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: principal.email, password: principal.password }),
    }).then((r) => r.json() as Promise<{ token: string }>)
    logins.push(performance.now() - l0)
    for (let i = 0; i < 20; i++) {
      const q0 = performance.now()
      await fetch(`${base}/api/users?limit=20`, { headers: { authorization: `JWT ${login.token}` } }).then((r) => r.text())
      lists.push(performance.now() - q0)
    }
    await fetch(`${base}/admin`, { headers: { authorization: `JWT ${login.token}` } }).then((r) => r.text())
    rss = Math.max(rss, rssMiB(server.pid!))
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await sleep(500)
  }
  rmSync(dataDir, { recursive: true, force: true })
  console.table({
    'seed 34 schools + 37 accounts (ms)': Math.round(seedMs),
    'cold start to login page, median of 3 (ms)': Math.round(median(starts)),
    'login, median (ms)': Math.round(median(logins)),
    'GET /api/users?limit=20 as principal, median of 60 (ms)': Number(median(lists).toFixed(1)),
    'CMS server RSS after admin render (MiB)': Math.round(rss),
  })
}

/** One seed into a fresh data folder: its total seconds, and the seconds its progress line gives a school's records. */
function timeSeed(extraEnv: Record<string, string>, school = 'THCS Kim Đồng'): { total: number; records: number } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-seed-'))
  const env = { ...process.env, ...extraEnv, TRUONGSO_DATA_DIR: dataDir, TRUONGSO_DISABLE_JOBS: '1', LOG_LEVEL: 'warn' }
  const t0 = performance.now()
  const result = spawnSync(process.execPath, ['--no-deprecation', 'src/seed/run.ts'], { cwd: cmsDir, env, encoding: 'utf8' })
  const total = (performance.now() - t0) / 1000
  rmSync(dataDir, { recursive: true, force: true })
  if (result.status !== 0) throw new Error(`the seed failed (exit ${result.status}): ${result.stderr.slice(-500)}`)
  const line = new RegExp(`${school}: [\\d,]+ students \\((\\d+\\.\\d)s\\)`).exec(result.stdout)
  return { total, records: line ? Number(line[1]) : Number.NaN }
}

function benchSeed() {
  const full = [0, 1, 2].map(() => timeSeed({}))
  const oneSchool = { SEED_RECORDS: 'thcskimdong' }
  const localApi = [0, 1, 2].map(() => timeSeed({ ...oneSchool, SEED_RECORD_WRITES: 'local-api' }))
  const fast = median(full.map((r) => r.records))
  const slow = median(localApi.map((r) => r.records))
  console.table({
    'full demo seed, 34 schools + 10,736 students, median of 3 (s)': Number(median(full.map((r) => r.total)).toFixed(1)),
    'THCS Kim Đồng records (515 students), fast path (s)': fast,
    'THCS Kim Đồng records, Local API + Excel importer (s)': slow,
    'ratio Local API / fast path': Number((slow / fast).toFixed(1)),
  })
}

function benchGradebook() {
  const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/gradebook.ts'], { cwd: root, encoding: 'utf8' })
  const last = out.stdout.trim().split('\n').at(-1) ?? ''
  if (out.status !== 0 || !last.startsWith('{')) return console.log(`gradebook: failed: ${out.stderr.slice(-800)}`)
  console.table(JSON.parse(last))
}

/** The teaching day's screens must answer within this (issue 14), server time. */
const TEACHING_GOAL_MS = 300

function benchTeaching() {
  const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/teaching.ts'], { cwd: root, encoding: 'utf8' })
  const last = out.stdout.trim().split('\n').at(-1) ?? ''
  if (out.status !== 0 || !last.startsWith('{')) return console.log(`teaching: failed: ${out.stderr.slice(-800)}`)
  type Screen = { 'median (ms)': number; 'p95 (ms)': number | null; requests: number }
  const { setup, screens } = JSON.parse(last) as { setup: Record<string, unknown>; screens: Record<string, Screen> }
  console.table(setup)
  // The goal is judged on the median (the issue asks for medians); p95 shown beside it where measured.
  const rows = Object.fromEntries(
    Object.entries(screens).map(([name, s]) => [name, { 'median (ms)': s['median (ms)'], 'p95 (ms)': s['p95 (ms)'] ?? '', requests: s.requests, [`≤ ${TEACHING_GOAL_MS} ms`]: s['median (ms)'] <= TEACHING_GOAL_MS ? 'yes' : 'NO' }]),
  )
  console.log(`teaching: medians of server time per screen (in-process REST, real logins, SQLite); goal ≤ ${TEACHING_GOAL_MS} ms`)
  console.table(rows)
}

function benchDocuments() {
  const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/documents.ts'], { cwd: root, encoding: 'utf8' })
  const last = out.stdout.trim().split('\n').at(-1) ?? ''
  if (out.status !== 0 || !last.startsWith('{')) return console.log(`documents: failed: ${out.stderr.slice(-800)}`)
  const { setup, timings, ratios } = JSON.parse(last) as { setup: Record<string, unknown>; timings: Record<string, unknown>; ratios: Record<string, number> }
  console.table(setup)
  console.log('documents: medians of 7 runs after a warm-up (in-process REST, real logins, SQLite; the pure checks in-process on the same buffer)')
  console.table(timings)
  console.table(ratios)
}

function benchBooks() {
  const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/books.ts'], { cwd: root, encoding: 'utf8' })
  const last = out.stdout.trim().split('\n').at(-1) ?? ''
  if (out.status !== 0 || !last.startsWith('{')) return console.log(`books: failed: ${out.stderr.slice(-800)}`)
  const result = JSON.parse(last) as Record<string, Record<string, unknown>>
  console.table(result.setup)
  console.log('books: one class\'s THCS book over REST (median of 5 after a warm-up), the school\'s transcripts and its archive job (headless Chromium, two pages at a time)')
  console.table({ 'class book': result.classBook, transcripts: result.transcripts })
  console.table({ archive: result.archive, memory: result.memory })
}

function benchOversight() {
  const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/oversight.ts'], { cwd: root, encoding: 'utf8' })
  const last = out.stdout.trim().split('\n').at(-1) ?? ''
  if (out.status !== 0 || !last.startsWith('{')) return console.log(`oversight: failed: ${out.stderr.slice(-800)}`)
  console.log('oversight: GET /api/oversight/schools over REST (in-process, real login, SQLite), median of 7 after a warm-up')
  console.table(JSON.parse(last))
}

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!
}

async function benchRest() {
  const autocannon = (await import('autocannon')).default
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-rest-'))
  const env = { ...process.env, TRUONGSO_DATA_DIR: dataDir, TRUONGSO_DISABLE_JOBS: '1', NODE_OPTIONS: '--no-deprecation' }
  const perSchool = Number(process.env.BENCH_POSTS_PER_SCHOOL ?? 200)
  const seeded = spawnSync(process.execPath, ['cms/bench/seedPosts.ts', String(perSchool)], { cwd: root, env, encoding: 'utf8' })
  console.log(seeded.stdout.trim().split('\n').at(-1))
  // Per round: throughput, and p50/p95 over every 2xx response's latency (autocannon's own summary
  // has p90 and p97.5 but no p95, so each response time is recorded from its 'response' event).
  const results: Record<string, { rps: number[]; p50: number[]; p95: number[]; responses: number[] }> = {}
  const port = 3210
  for (let round = 0; round < 3; round++) {
    for (const variant of ['truongso', 'plain']) {
      const server = spawn(process.execPath, ['cms/bench/restServer.ts'], { cwd: root, env: { ...env, VARIANT: variant, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()))
      const school = await fetch(`http://127.0.0.1:${port}/api/posts?limit=1&depth=0`).then((r) => r.json() as Promise<{ docs: { school: number }[] }>)
      const url = `http://127.0.0.1:${port}/api/posts?where[school][equals]=${school.docs[0]!.school}&limit=20&depth=0&sort=-publishedDate`
      await autocannon({ url, connections: 10, duration: 2 }) // warm-up
      const latencies: number[] = []
      const result = await new Promise<import('autocannon').Result>((resolve, reject) => {
        const instance = autocannon({ url, connections: 50, duration: 10 }, (error, done) => (error ? reject(error) : resolve(done)))
        instance.on('response', (_client, status, _bytes, ms) => {
          if (status >= 200 && status < 300) latencies.push(ms)
        })
      })
      const entry = (results[variant] ??= { rps: [], p50: [], p95: [], responses: [] })
      entry.rps.push(result.requests.average)
      entry.p50.push(percentile(latencies, 50))
      entry.p95.push(percentile(latencies, 95))
      entry.responses.push(latencies.length)
      if (result.non2xx > 0) console.warn(`${variant}: ${result.non2xx} non-2xx responses`)
      server.kill('SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
  }
  rmSync(dataDir, { recursive: true, force: true })
  const ms = (value: number) => Number(value.toFixed(1))
  const of = (v: string) => ({ rps: median(results[v]!.rps), p50: median(results[v]!.p50), p95: median(results[v]!.p95) })
  const ours = of('truongso')
  const plain = of('plain')
  const row = (v: ReturnType<typeof of>, runs: { responses: number[] }) => ({
    'req/s': Math.round(v.rps),
    'p50 ms': ms(v.p50),
    'p95 ms': ms(v.p95),
    '2xx responses per run': runs.responses.join(', '),
  })
  console.log('REST: 50 connections × 10 s, 3 rounds; medians of the 3 rounds; p50/p95 over every 2xx response of a round')
  console.table({
    'with Trường Số access + hooks': row(ours, results.truongso!),
    'plain Payload, no plugin rules (same data)': row(plain, results.plain!),
    'ratio ours / plain': { 'req/s': Number((ours.rps / plain.rps).toFixed(2)), 'p50 ms': Number((ours.p50 / plain.p50).toFixed(2)), 'p95 ms': Number((ours.p95 / plain.p95).toFixed(2)), '2xx responses per run': '' },
  })
  console.log(`throughput ratio (ours / plain): ${(ours.rps / plain.rps).toFixed(2)}; p50 ratio ${(ours.p50 / plain.p50).toFixed(2)}; p95 ratio ${(ours.p95 / plain.p95).toFixed(2)}`)
}

/** Runs `task` over `items`, at most `concurrency` at a time. */
async function pool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  await Promise.all(
    Array.from({ length: Math.min(concurrency, Math.max(1, items.length)) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item)
    }),
  )
}

const HUGO_MISSING = 'hugo not installed: install it with `apt-get install hugo` (Debian/Ubuntu) or see https://gohugo.io/installation/, then rerun `pnpm bench sites`'

type BuildRun = { seconds: number; pages: number; peakMiB: number; failed: string[]; batches: string }

/**
 * `node sites/scripts/buildAll.ts` on a snapshots folder: wall time, pages, peak memory of its
 * process tree (buildAll, its Astro builds, Pagefind), and the batches it used (its log line).
 */
async function runBuildAll(snapshots: string, out: string, extra: string[] = []): Promise<BuildRun> {
  const t0 = performance.now()
  const child = spawn(process.execPath, ['scripts/buildAll.ts', '--snapshots', snapshots, '--out', out, ...extra], {
    cwd: path.join(root, 'sites'),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  let output = ''
  let log = ''
  child.stdout!.on('data', (d: Buffer) => (output += d))
  child.stderr!.on('data', (d: Buffer) => (log += d))
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 200)
  const exitCode = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearInterval(sampler)
  const seconds = (performance.now() - t0) / 1000
  // buildAll's stdout is its one JSON result line (its progress goes to stderr).
  const result = JSON.parse(output.trim().split('\n').at(-1) || '{}') as Partial<BuildAllResult>
  if (exitCode !== 0) console.warn(`sites: buildAll exited ${exitCode}:\n${log.trim().split('\n').slice(-8).join('\n')}`)
  const batches = /in (\d+) Astro builds of up to (\d+) schools/.exec(log)
  return { seconds, pages: result.pages ?? 0, peakMiB: Math.round(peak), failed: result.failed ?? [], batches: batches ? `${batches[1]} × ≤ ${batches[2]} schools` : '1 build' }
}

/** Hugo over the same content into `work`, one site per school, `concurrency` sites at a time; null without hugo. */
async function runHugo(snapshots: string, work: string, concurrency: number): Promise<{ seconds: number; pages: number } | null> {
  if (spawnSync('hugo', ['version']).status !== 0) return null
  const { writeHugoSite } = await import('./bench/hugoSites.ts')
  const slugs = readdirSync(snapshots).sort()
  for (const slug of slugs) writeHugoSite(path.join(snapshots, slug, 'snapshot.json'), path.join(work, 'hugo', slug))
  const failures: string[] = []
  const h0 = performance.now()
  await pool(slugs, concurrency, async (slug) => {
    const hugo = spawn('hugo', ['--quiet', '--source', path.join(work, 'hugo', slug), '--destination', path.join(work, 'hugo-out', slug)], { stdio: ['ignore', 'ignore', 'inherit'] })
    const code = await new Promise<number | null>((resolve) => hugo.once('exit', resolve))
    if (code !== 0) failures.push(slug)
  })
  const seconds = (performance.now() - h0) / 1000
  if (failures.length) console.warn(`hugo failed for: ${failures.join(', ')}`)
  const pages = readdirSync(path.join(work, 'hugo-out'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length
  return { seconds, pages }
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

/** Goals of issue 18, judged in the tables. */
const SITES_GOALS = { hugoRatio: 3, seededSeconds: 15, publishP50Ms: 1500 }

async function benchSites() {
  const { writeDistrictSnapshots, writeSyntheticSnapshots } = await import('./bench/generateSnapshots.ts')
  // Nothing the runs write is deleted before the end: a file system that keeps freshly freed inodes
  // aside for a while (ext4 without a journal, as on these machines) makes a build that follows a
  // large delete pay for it in inode allocation (a full build here took up to 2.5× as long), so one
  // run's clean-up would slow down whichever run comes next, Astro or Hugo.
  const work = mkdtempSync(path.join(tmpdir(), 'truongso-sitesbench-'))
  const perSchool = Number(process.env.BENCH_POSTS_PER_SCHOOL ?? 200)
  // Astro and Hugo both build this many schools at a time (buildAll: Astro builds and Pagefind
  // indexes; Hugo: one process per school), so neither gets more of the machine than the other.
  const concurrency = Math.max(1, Number(process.env.BENCH_SITES_CONCURRENCY ?? 2) || 1)
  const districtSchools = Number(process.env.BENCH_DISTRICT_SCHOOLS ?? 700)
  const districtPosts = Number(process.env.BENCH_DISTRICT_POSTS ?? 30)
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO')
  const ratio = (x: number, y: number) => Number((x / y).toFixed(2))
  const s1 = (x: number) => Number(x.toFixed(1))
  console.log(`sites: load average before: ${loadAverage()} (${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores)`)
  // buildAll lowers its own priority (nice 10, so a publish's build goes first); against Hugo it runs at 0.
  const fair = ['--concurrency', String(concurrency), '--nice', '0']

  // 1. Full build of the 34 schools × 200 posts (Astro + Pagefind), against Hugo on the same content.
  const snapshots = path.join(work, 'snapshots')
  const schoolsCount = writeSyntheticSnapshots(snapshots, perSchool)
  // Astro and Hugo take turns, BENCH_SITES_RUNS times (default 3), each into a folder of its own; the
  // table gives the medians and the ratio of the medians (on this machine one run of either can be
  // ±30 % off the next).
  const buildRuns = Math.max(1, Number(process.env.BENCH_SITES_RUNS ?? 3) || 1)
  const { writeSearchIndex } = await import('../sites/scripts/searchIndex.ts')
  const { parseSnapshot } = await import('@truongso/snapshot')
  const fulls: BuildRun[] = []
  const pagefindRuns: number[] = []
  const hugoRuns: { seconds: number; pages: number }[] = []
  for (let run = 0; run < buildRuns; run++) {
    fulls.push(await runBuildAll(snapshots, path.join(work, `dist-${run}`), fair))
    // The Pagefind step alone, at the same concurrency, on the same snapshots (it runs inside the
    // build, alongside Astro): Astro without Pagefind is estimated as the full build minus this.
    const p0 = performance.now()
    await pool(readdirSync(snapshots).sort(), concurrency, async (slug) => {
      const snapshot = parseSnapshot(JSON.parse(readFileSync(path.join(snapshots, slug, 'snapshot.json'), 'utf8')))
      await writeSearchIndex(snapshot, path.join(work, `pagefind-only-${run}`, slug))
    })
    pagefindRuns.push((performance.now() - p0) / 1000)
    const hugoRun = await runHugo(snapshots, path.join(work, `hugo-full-${run}`), concurrency)
    if (hugoRun) hugoRuns.push(hugoRun)
  }
  const bySeconds = [...fulls].sort((a, b) => a.seconds - b.seconds)
  const full = { ...bySeconds[Math.floor((bySeconds.length - 1) / 2)]!, seconds: median(fulls.map((f) => f.seconds)), peakMiB: Math.max(...fulls.map((f) => f.peakMiB)) }
  const pagefindSeconds = median(pagefindRuns)
  const hugo = hugoRuns.length ? { seconds: median(hugoRuns.map((h) => h.seconds)), pages: hugoRuns[0]!.pages } : null
  if (!hugo) console.log(HUGO_MISSING)
  const runsOf = (list: number[]) => list.map((x) => x.toFixed(1)).join(', ')
  const hugoVersion = hugo ? spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.trim().split(' ').slice(0, 2).join(' ') : ''

  // Page weight: home page and a post (HTML with inlined CSS, plus any JS they load).
  const home = readFileSync(path.join(work, 'dist-0', 'tieuhocledo', 'index.html'))
  const postHtml = readFileSync(path.join(work, 'dist-0', 'tieuhocledo', 'bai-viet', 'tin-so-1', 'index.html'), 'utf8')
  const scripts = (html: string) => (html.match(/<script/g) ?? []).length

  console.log(`sites: full build, ${schoolsCount} schools × ${perSchool} posts, ${concurrency} at a time for both Astro and Hugo${hugo ? ` (${hugoVersion})` : ''}; medians of ${buildRuns} runs, taking turns`)
  console.table({
    'full build, Astro + Pagefind (s)': s1(full.seconds),
    '  runs (s)': runsOf(fulls.map((f) => f.seconds)),
    'Astro builds': full.batches,
    'Pagefind step alone, same concurrency (s)': s1(pagefindSeconds),
    'Astro without Pagefind, estimate = full − Pagefind (s)': s1(full.seconds - pagefindSeconds),
    'pages built': full.pages,
    'pages/s, Astro + Pagefind': Math.round(full.pages / full.seconds),
    'peak memory of the build, process tree, highest run (MiB)': full.peakMiB,
    'Hugo, same content (s)': hugo ? s1(hugo.seconds) : 'hugo not installed (apt-get install hugo)',
    '  Hugo runs (s)': runsOf(hugoRuns.map((h) => h.seconds)),
    'Hugo pages': hugo?.pages ?? '-',
    'Hugo pages/s': hugo ? Math.round(hugo.pages / hugo.seconds) : '-',
    'Astro + Pagefind time / Hugo time (medians)': hugo ? ratio(full.seconds, hugo.seconds) : '-',
    [`  ≤ ${SITES_GOALS.hugoRatio}× Hugo`]: hugo ? yes(full.seconds / hugo.seconds <= SITES_GOALS.hugoRatio) : '-',
    'Astro without Pagefind time / Hugo time': hugo ? ratio(full.seconds - pagefindSeconds, hugo.seconds) : '-',
    'home page weight, HTML+CSS+JS (KiB)': s1(home.length / 1024),
    'scripts on the home page': scripts(home.toString('utf8')),
    'scripts needed to read a post': scripts(postHtml),
  })

  // 2. The start's sites: the seeded snapshots (sites/.snapshots, written by `pnpm start`), as it builds them.
  const seededDir = path.join(root, 'sites', '.snapshots')
  const seeded = existsSync(seededDir) ? await runBuildAll(seededDir, path.join(work, 'seeded'), ['--concurrency', String(concurrency), '--nice', '0']) : null

  // 3. A simulated district: 34 and then 700 schools of `districtPosts` posts each, same templates.
  const small = path.join(work, 'district-34')
  const large = path.join(work, `district-${districtSchools}`)
  writeDistrictSnapshots(small, 34, districtPosts)
  writeDistrictSnapshots(large, districtSchools, districtPosts)
  const d34 = await runBuildAll(small, path.join(work, 'd34'), fair)
  const dN = await runBuildAll(large, path.join(work, 'dN'), fair)
  const h34 = await runHugo(small, path.join(work, 'hugo-34'), concurrency)
  const hN = await runHugo(large, path.join(work, `hugo-${districtSchools}`), concurrency)
  console.log(`sites: the start's seeded sites (sites/.snapshots) and a simulated district (${districtPosts} posts per school)`)
  console.table({
    "the start's seeded sites": seeded
      ? { schools: readdirSync(seededDir).filter((d) => !d.startsWith('.')).length, 'Astro builds': seeded.batches, pages: seeded.pages, 'time (s)': s1(seeded.seconds), 'pages/s': Math.round(seeded.pages / seeded.seconds), 'peak memory (MiB)': seeded.peakMiB, 'Hugo (s)': '-', [`≤ ${SITES_GOALS.seededSeconds} s`]: yes(seeded.seconds <= SITES_GOALS.seededSeconds && seeded.failed.length === 0) }
      : { schools: 'sites/.snapshots missing (pnpm start writes it)' },
    [`34 schools × ${districtPosts}`]: { schools: 34, 'Astro builds': d34.batches, pages: d34.pages, 'time (s)': s1(d34.seconds), 'pages/s': Math.round(d34.pages / d34.seconds), 'peak memory (MiB)': d34.peakMiB, 'Hugo (s)': h34 ? s1(h34.seconds) : '-', [`≤ ${SITES_GOALS.seededSeconds} s`]: '' },
    [`${districtSchools} schools × ${districtPosts}`]: { schools: districtSchools, 'Astro builds': dN.batches, pages: dN.pages, 'time (s)': s1(dN.seconds), 'pages/s': Math.round(dN.pages / dN.seconds), 'peak memory (MiB)': dN.peakMiB, 'Hugo (s)': hN ? s1(hN.seconds) : '-', [`≤ ${SITES_GOALS.seededSeconds} s`]: '' },
    [`ratio ${districtSchools} / 34`]: { schools: ratio(districtSchools, 34), 'Astro builds': '', pages: ratio(dN.pages, d34.pages), 'time (s)': ratio(dN.seconds, d34.seconds), 'pages/s': ratio(dN.pages / dN.seconds, d34.pages / d34.seconds), 'peak memory (MiB)': ratio(dN.peakMiB, d34.peakMiB), 'Hugo (s)': h34 && hN ? ratio(hN.seconds, h34.seconds) : '-', [`≤ ${SITES_GOALS.seededSeconds} s`]: '' },
  })

  // 4. Publish → live for a school with 500 posts, through the CMS's rebuild job and its build worker:
  // on the quiet machine, then while full builds of the 34 × 200 schools run (buildAll at its default
  // nice 10, then at 0, the load at equal priority).
  const publishDir = mkdtempSync(path.join(tmpdir(), 'truongso-publish-'))
  const runs = Number(process.env.BENCH_PUBLISH_RUNS ?? 7)
  const live = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/publishToLive.ts', '500', String(runs), '--load', snapshots, '--load-nice', '10,0'], {
    cwd: root,
    env: { ...process.env, TRUONGSO_DATA_DIR: publishDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  })
  rmSync(publishDir, { recursive: true, force: true })
  type Run = { ms: number; queuedMs: number | null; buildMs: number | null }
  const liveResult = JSON.parse(live.stdout.trim().split('\n').at(-1) || '{}') as { exportMs?: number[]; quiet?: Run[]; loaded?: Record<string, Run[]> }
  if (!liveResult.quiet) console.log(`publish → live failed: ${live.stderr.slice(-800)}`)
  else {
    const row = (list: Run[]) => {
      const ms = list.map((r) => r.ms)
      return {
        'p50 (ms)': Math.round(percentile(ms, 50)),
        'p95 (ms)': Math.round(percentile(ms, 95)),
        'job start after publish, p50 (ms)': Math.round(median(list.map((r) => r.queuedMs ?? Number.NaN))),
        'export + build + swap, p50 (ms)': Math.round(median(list.map((r) => r.buildMs ?? Number.NaN))),
        runs: ms.join(', '),
        [`p50 ≤ ${SITES_GOALS.publishP50Ms} ms`]: yes(percentile(ms, 50) <= SITES_GOALS.publishP50Ms),
      }
    }
    console.log(`sites: publish → new page on disk, school of 500 posts, warm build worker; snapshot export alone: ${liveResult.exportMs?.join(', ')} ms`)
    console.table({
      'quiet machine': row(liveResult.quiet),
      ...Object.fromEntries(Object.entries(liveResult.loaded ?? {}).map(([nice, list]) => [`during full builds of 34 × ${perSchool} (buildAll nice ${nice})`, row(list)])),
    })
  }
  console.log(`sites: load average after: ${loadAverage()}`)
  rmSync(work, { recursive: true, force: true })
}

/** Lighthouse's four categories, mobile, on a school's home page and a post page: each ≥ 95 (issue 18). */
async function benchLighthouse() {
  const { runLighthouse, LIGHTHOUSE_VERSION } = await import('./bench/lighthouse.ts')
  try {
    const { school, pages } = await runLighthouse(root)
    console.log(`lighthouse ${LIGHTHOUSE_VERSION}, mobile preset (simulated slow 4G, 4× CPU slowdown), Debian Chromium, site of ${school}`)
    console.table(Object.fromEntries(Object.entries(pages).map(([name, { url, ...scores }]) => [name, { ...scores, 'all ≥ 95': Object.values(scores).every((v) => v >= 95) ? 'yes' : 'NO', url }])))
  } catch (error) {
    console.log(`lighthouse: not measured: ${(error as Error).message.slice(0, 600)}`)
  }
}

async function benchImport() {
  const runs: { createSeconds: number; updateSeconds: number; peakRssMiB: number; fileKiB: number }[] = []
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'truongso-import-'))
    const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/importStudents.ts'], { cwd: root, env: { ...process.env, TRUONGSO_DATA_DIR: dir, TRUONGSO_DISABLE_JOBS: '1' }, encoding: 'utf8' })
    rmSync(dir, { recursive: true, force: true })
    runs.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!))
  }
  console.table({
    'import 1,000 students from .xlsx, new (s, median of 3)': Number(median(runs.map((r) => r.createSeconds)).toFixed(2)),
    're-import the same file, updates (s, median)': Number(median(runs.map((r) => r.updateSeconds)).toFixed(2)),
    'peak RSS of the process (MiB, max)': Math.max(...runs.map((r) => r.peakRssMiB)),
    'file size (KiB)': runs[0]!.fileKiB,
  })
}

async function benchWrites() {
  const rows: Record<string, unknown>[] = []
  let postgres = process.env.TEST_POSTGRES_URI ?? ''
  if (!postgres) {
    const started = spawnSync('bash', ['scripts/postgres.sh'], { cwd: root, encoding: 'utf8' })
    postgres = started.status === 0 ? started.stdout.trim() : ''
  }
  for (const database of ['sqlite', ...(postgres ? ['postgres'] : [])]) {
    const out = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/writes.ts'], {
      cwd: root,
      env: { ...process.env, BENCH_DATABASE: database, TEST_POSTGRES_URI: postgres },
      encoding: 'utf8',
    })
    const last = out.stdout.trim().split('\n').at(-1) ?? ''
    if (out.status !== 0 || !last.startsWith('[')) {
      console.log(`writes (${database}): failed: ${out.stderr.slice(-500)}`)
      continue
    }
    rows.push(...(JSON.parse(last) as Record<string, unknown>[]))
  }
  if (!postgres) console.log('writes: PostgreSQL not available, SQLite only')
  console.table(rows)
}

if (wants('assessment')) await benchAssessment()
if (wants('writes')) await benchWrites()
if (wants('import')) await benchImport()
if (wants('seed')) benchSeed()
if (wants('gradebook')) benchGradebook()
if (wants('teaching')) benchTeaching()
if (wants('documents')) benchDocuments()
if (wants('books')) benchBooks()
if (wants('oversight')) benchOversight()
if (wants('sites')) await benchSites()
if (wants('lighthouse')) await benchLighthouse()
if (wants('rest')) await benchRest()
if (wants('cms')) await benchCms()
