/**
 * `pnpm bench`: speed and memory figures, reported as medians (never asserted in tests).
 *   - assessment: whole-school year summary (packages/assessment/bench)
 *   - cms: cold start of the built admin to a usable login page, login and list latency, RSS memory
 *   - rest: anonymous REST list of 20 published posts, 50 connections, 34 schools × 200 posts,
 *     with and without this project's access rules and hooks (ratio)
 *   - import: 1,000 students from .xlsx (parse, validate, write), seconds and peak memory
 *   - sites: full build of 34 schools × 200 posts (pages/s, peak memory) against Hugo on the same
 *     content; home page weight; publish → live for a school with 500 posts
 * Run one section with `pnpm bench assessment`, `pnpm bench cms` or `pnpm bench rest`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

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

async function benchRest() {
  const autocannon = (await import('autocannon')).default
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-rest-'))
  const env = { ...process.env, TRUONGSO_DATA_DIR: dataDir, TRUONGSO_DISABLE_JOBS: '1', NODE_OPTIONS: '--no-deprecation' }
  const perSchool = Number(process.env.BENCH_POSTS_PER_SCHOOL ?? 200)
  const seeded = spawnSync(process.execPath, ['cms/bench/seedPosts.ts', String(perSchool)], { cwd: root, env, encoding: 'utf8' })
  console.log(seeded.stdout.trim().split('\n').at(-1))
  const results: Record<string, { rps: number[]; p50: number[]; p90: number[]; p97_5: number[]; p99: number[] }> = {}
  const port = 3210
  for (let round = 0; round < 3; round++) {
    for (const variant of ['truongso', 'plain']) {
      const server = spawn(process.execPath, ['cms/bench/restServer.ts'], { cwd: root, env: { ...env, VARIANT: variant, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()))
      const school = await fetch(`http://127.0.0.1:${port}/api/posts?limit=1&depth=0`).then((r) => r.json() as Promise<{ docs: { school: number }[] }>)
      const url = `http://127.0.0.1:${port}/api/posts?where[school][equals]=${school.docs[0]!.school}&limit=20&depth=0&sort=-publishedDate`
      await autocannon({ url, connections: 10, duration: 2 }) // warm-up
      const result = await autocannon({ url, connections: 50, duration: 10 })
      const entry = (results[variant] ??= { rps: [], p50: [], p90: [], p97_5: [], p99: [] })
      entry.rps.push(result.requests.average)
      entry.p50.push(result.latency.p50)
      entry.p90.push(result.latency.p90)
      entry.p97_5.push(result.latency.p97_5)
      entry.p99.push(result.latency.p99)
      if (result.non2xx > 0) console.warn(`${variant}: ${result.non2xx} non-2xx responses`)
      server.kill('SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
  }
  rmSync(dataDir, { recursive: true, force: true })
  const row = (v: string) => ({
    'req/s (median of 3)': Math.round(median(results[v]!.rps)),
    'p50 ms': median(results[v]!.p50),
    'p90 ms': median(results[v]!.p90),
    'p97.5 ms': median(results[v]!.p97_5),
    'p99 ms': median(results[v]!.p99),
  })
  console.table({ 'with Trường Số access + hooks': row('truongso'), 'plain Payload (same data)': row('plain') })
  console.log(`throughput ratio (ours / plain): ${(median(results.truongso!.rps) / median(results.plain!.rps)).toFixed(2)}`)
}

async function benchSites() {
  const { writeSyntheticSnapshots } = await import('./bench/generateSnapshots.ts')
  const { writeHugoSite } = await import('./bench/hugoSites.ts')
  const work = mkdtempSync(path.join(tmpdir(), 'truongso-sitesbench-'))
  const perSchool = Number(process.env.BENCH_POSTS_PER_SCHOOL ?? 200)
  const snapshots = path.join(work, 'snapshots')
  const schoolsCount = writeSyntheticSnapshots(snapshots, perSchool)

  // 1. Full build of every school (Astro + Pagefind), wall time and peak memory of the process tree.
  const t0 = performance.now()
  const child = spawn(process.execPath, ['scripts/buildAll.ts', '--snapshots', snapshots, '--out', path.join(work, 'dist')], { cwd: path.join(root, 'sites'), stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d))
  let peak = 0
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 200)
  await new Promise((resolve) => child.once('exit', resolve))
  clearInterval(sampler)
  const seconds = (performance.now() - t0) / 1000
  const pages = Number(/(\d+) pages in [\d.]+s \(/.exec(output)?.[1] ?? 0)

  // 2. The same content with Hugo (Debian package), one site per school.
  let hugoSeconds: number | null = null
  let hugoPages = 0
  if (spawnSync('hugo', ['version']).status === 0) {
    for (const slug of readdirSync(snapshots)) writeHugoSite(path.join(snapshots, slug, 'snapshot.json'), path.join(work, 'hugo', slug))
    const h0 = performance.now()
    for (const slug of readdirSync(snapshots)) {
      spawnSync('hugo', ['--quiet', '--source', path.join(work, 'hugo', slug), '--destination', path.join(work, 'hugo-out', slug)], { stdio: 'inherit' })
    }
    hugoSeconds = (performance.now() - h0) / 1000
    hugoPages = readdirSync(path.join(work, 'hugo-out'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length
  }

  // 3. Page weight: home page and a post (HTML with inlined CSS, plus any JS they load).
  const home = readFileSync(path.join(work, 'dist', 'tieuhocledo', 'index.html'))
  const postHtml = readFileSync(path.join(work, 'dist', 'tieuhocledo', 'bai-viet', 'tin-so-1', 'index.html'), 'utf8')
  const scripts = (html: string) => (html.match(/<script/g) ?? []).length

  // 4. Publish → live for a school with 500 posts, through the CMS's rebuild job.
  const publishDir = mkdtempSync(path.join(tmpdir(), 'truongso-publish-'))
  const live = spawnSync(process.execPath, ['--no-deprecation', 'cms/bench/publishToLive.ts', '500', '5'], { cwd: root, env: { ...process.env, TRUONGSO_DATA_DIR: publishDir, LOG_LEVEL: 'warn' }, encoding: 'utf8' })
  const liveRuns = (JSON.parse(live.stdout.trim().split('\n').at(-1) ?? '{}') as { runs?: number[] }).runs ?? []
  rmSync(publishDir, { recursive: true, force: true })

  console.table({
    'schools × posts': `${schoolsCount} × ${perSchool}`,
    'full build, Astro + Pagefind (s)': Number(seconds.toFixed(1)),
    'pages built': pages,
    'pages/s': Math.round(pages / seconds),
    'peak memory of the build (MiB)': Math.round(peak),
    'Hugo, same content (s)': hugoSeconds === null ? 'hugo not installed' : Number(hugoSeconds.toFixed(1)),
    'Hugo pages': hugoPages,
    'Astro time / Hugo time': hugoSeconds === null ? '-' : Number((seconds / hugoSeconds).toFixed(1)),
    'home page weight, HTML+CSS+JS (KiB)': Number((home.length / 1024).toFixed(1)),
    'scripts on the home page': scripts(home.toString('utf8')),
    'scripts needed to read a post': scripts(postHtml),
    'publish → page on disk, 500 posts, median (ms)': liveRuns.length ? Math.round(median(liveRuns)) : `failed: ${live.stderr.slice(-300)}`,
    'publish → page on disk, runs (ms)': liveRuns.join(', '),
  })
  rmSync(work, { recursive: true, force: true })
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

if (wants('assessment')) await benchAssessment()
if (wants('import')) await benchImport()
if (wants('sites')) await benchSites()
if (wants('rest')) await benchRest()
if (wants('cms')) await benchCms()
