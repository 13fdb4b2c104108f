/**
 * `pnpm bench`: speed and memory figures, reported as medians (never asserted in tests).
 *   - assessment: whole-school year summary (packages/assessment/bench)
 *   - cms: cold start of the built admin to a usable login page, login and list latency, RSS memory
 * Run one section with `pnpm bench assessment` or `pnpm bench cms`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
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

if (wants('assessment')) await benchAssessment()
if (wants('cms')) await benchCms()
