/**
 * Main job (`pnpm start`): the CMS with demo data for the 34 schools on http://localhost:3000/admin
 * and their built sites on http://<slug>.localhost:4321/.
 *
 * First start, with the two cores both busy:
 *   1. the seed (cms/src/seed/run.ts --export) writes the schools, accounts and websites, exports
 *      the published snapshots and says so; it then writes the school records, while
 *   2. the sites whose snapshot or templates changed are built (sites/scripts/buildAll.ts);
 *   3. the admin server starts as soon as the seed is done, and the job waits until it answers.
 * A later start skips the seed when the database was seeded by the same code (a stamp in the data
 * folder), and the site build when nothing changed: it only starts the servers.
 * The admin itself is built by the install command (scripts/setup.sh), or here if its sources changed.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { BuildAllResult } from '../sites/scripts/buildAll.ts'
import { cmsDir, ensureAdminBuilt, root, sourceStamp } from './lib/stamps.ts'

const port = process.env.PORT ?? '3000'
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(cmsDir, 'data')
const snapshotsDir = path.join(root, 'sites', '.snapshots')
const t0 = performance.now()
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`

/** Resolves with the exit code; the child's output goes to ours. */
function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/**
 * What the demo database was seeded from: the code that defines its schema and content, and where
 * it lives. Only the embedded SQLite file can be checked for existence; another database is seeded
 * every time (the seed only adds what is missing, it costs a few seconds more).
 */
function seedStamp(): string | null {
  if (process.env.DATABASE_URI?.trim()) return null
  if (!existsSync(path.join(dataDir, 'truongso.db'))) return null
  const everySnapshot = readdirSync(snapshotsDir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(path.join(snapshotsDir, d.name, 'snapshot.json')))
  if (everySnapshot.length === 0) return null
  // The sources do not change while the job runs: walked once, asked before and after the seed.
  sourcesHash ??= sourceStamp(['cms/src', 'packages'], ['pnpm-lock.yaml'])
  return sourcesHash
}
let sourcesHash: string | undefined
const seedStampFile = path.join(dataDir, '.seeded-from')

/** Seeds (unless the stamp says it is done); `onSnapshots` runs when the published snapshots are written. */
async function seed(onSnapshots: () => void): Promise<void> {
  mkdirSync(snapshotsDir, { recursive: true })
  const stamp = seedStamp()
  if (stamp && existsSync(seedStampFile) && readFileSync(seedStampFile, 'utf8') === stamp) {
    console.log('[start] database already seeded by this version (delete cms/data to start over)')
    onSnapshots()
    return
  }
  console.log('[start] seeding the database: 34 schools, demo accounts, websites, then school records…')
  const child = spawn(process.execPath, ['--no-deprecation', 'src/seed/run.ts', '--export'], { cwd: cmsDir, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  let exported = false
  child.on('message', (message: { snapshots?: string }) => {
    if (message.snapshots !== 'ready' || exported) return
    exported = true
    onSnapshots()
  })
  const code = await exited(child)
  if (code !== 0) {
    console.error(`[start] the seed failed (exit ${code}); nothing was started`)
    process.exit(code)
  }
  if (!exported) onSnapshots()
  const after = seedStamp()
  if (after) writeFileSync(seedStampFile, after)
}

/** Builds the sites whose snapshot (ignoring its timestamp) or templates changed since their last build. */
async function buildStaleSites(): Promise<void> {
  const distRoot = path.join(root, 'sites', 'dist')
  // What each site was last built from; kept outside dist/ so it is never deployed with the site.
  const markersDir = path.join(root, 'sites', '.build-hashes')
  mkdirSync(markersDir, { recursive: true })
  const templates = sourceStamp(['sites/src', 'sites/scripts', 'packages/snapshot/src'], ['sites/astro.config.mjs'])
  const stale: { slug: string; hash: string }[] = []
  for (const slug of readdirSync(snapshotsDir).filter((d) => !d.startsWith('.'))) {
    const file = path.join(snapshotsDir, slug, 'snapshot.json')
    if (!existsSync(file)) continue
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    delete snapshot.generatedAt
    const hash = createHash('sha256').update(templates).update(JSON.stringify(snapshot)).digest('hex')
    const marker = path.join(markersDir, slug)
    if (!existsSync(marker) || readFileSync(marker, 'utf8') !== hash) stale.push({ slug, hash })
  }
  if (stale.length === 0) return console.log('[start] all sites are up to date')
  const t = performance.now()
  // Its progress goes to stderr (shown); stdout is its one JSON result line.
  const build = spawn(process.execPath, ['--no-deprecation', 'scripts/buildAll.ts', '--only', stale.map((s) => s.slug).join(','), '--snapshots', snapshotsDir, '--out', distRoot], {
    cwd: path.join(root, 'sites'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let stdout = ''
  build.stdout!.on('data', (chunk) => (stdout += chunk))
  const code = await exited(build)
  const result = JSON.parse(stdout.trim().split('\n').at(-1) || '{}') as Partial<BuildAllResult>
  const built = new Set(result.built ?? [])
  for (const { slug, hash } of stale) if (built.has(slug)) writeFileSync(path.join(markersDir, slug), hash)
  // One school's failed build must not keep the CMS and the other sites from starting.
  if (code !== 0) console.error('[sites] some sites failed to build (listed above); serving the others, they are retried on the next start')
  console.log(`[sites] built ${built.size} sites (${result.pages ?? 0} pages) in ${((performance.now() - t) / 1000).toFixed(1)}s`)
}

/** Waits until the admin answers (its first request also opens the database). */
async function adminAnswers(server: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && server.exitCode === null; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`)
      .then((r) => r.status < 500)
      .catch(() => false)
    if (ok) return true
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

ensureAdminBuilt()

let sitesBuilt: Promise<void> = Promise.resolve()
await seed(() => {
  sitesBuilt = buildStaleSites()
})

const server = spawn('pnpm', ['exec', 'next', 'start', '--port', port], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { ...process.env, TRUONGSO_CMS_DIR: cmsDir, NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1' },
})
const preview = spawn(process.execPath, ['--no-deprecation', path.join(root, 'scripts/serveSites.ts')], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.kill(signal)
    preview.kill(signal)
  })
}
server.on('exit', (code) => {
  preview.kill('SIGTERM')
  process.exit(code ?? 0)
})

const [answering] = await Promise.all([adminAnswers(server), sitesBuilt])
if (!answering) {
  console.error('[start] the admin server did not answer; see its output above')
} else {
  const accountsFile = path.join(dataDir, 'demo-accounts.json')
  const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as { email: string; roles: string[]; school: string | null }[]
  const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))
  console.log(`[start] ready in ${elapsed()}`)
  console.log(`[start] admin:  http://localhost:${port}/admin   (Vietnamese; English under Tài khoản → Ngôn ngữ)`)
  console.log(`[start] API:    http://localhost:${port}/api`)
  console.log(`[start] sites:  http://localhost:4321/ (index of the 34 schools), e.g. http://tieuhocledo.localhost:4321/`)
  console.log(`[start] demo accounts and passwords: ${path.relative(root, accountsFile)}${principal ? ` (e.g. ${principal.email}, principal of TH Lê Độ)` : ''}`)
}
