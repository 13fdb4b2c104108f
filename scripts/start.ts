/**
 * Main job (`pnpm start`): create and seed the database, export every school's published snapshot
 * and build the 34 static sites (only those whose content or templates changed), build the admin
 * once (rebuilt when its sources change), then serve the CMS on http://localhost:3000/admin and the
 * sites on http://<slug>.localhost:4321/.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { BuildAllResult } from '../sites/scripts/buildAll.ts'
import { ensureAdminBuilt, sourceStamp } from './lib/stamps.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cmsDir = path.join(root, 'cms')
const port = process.env.PORT ?? '3000'

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Builds the sites whose snapshot (ignoring its timestamp) or templates changed since their last build. */
function buildStaleSites(): void {
  const snapshotsDir = path.join(root, 'sites', '.snapshots')
  const distRoot = path.join(root, 'sites', 'dist')
  // What each site was last built from; kept outside dist/ so it is never deployed with the site.
  const markersDir = path.join(root, 'sites', '.build-hashes')
  mkdirSync(markersDir, { recursive: true })
  const templates = sourceStamp(['sites/src', 'sites/scripts', 'packages/snapshot/src'], ['sites/astro.config.mjs'])
  const stale: { slug: string; hash: string }[] = []
  for (const slug of readdirSync(snapshotsDir).filter((d) => !d.startsWith('.'))) {
    const snapshot = JSON.parse(readFileSync(path.join(snapshotsDir, slug, 'snapshot.json'), 'utf8')) as Record<string, unknown>
    delete snapshot.generatedAt
    const hash = createHash('sha256').update(templates).update(JSON.stringify(snapshot)).digest('hex')
    const marker = path.join(markersDir, slug)
    if (!existsSync(marker) || readFileSync(marker, 'utf8') !== hash) stale.push({ slug, hash })
  }
  if (stale.length === 0) return console.log('[start] all sites are up to date')
  const t = performance.now()
  // Its progress goes to stderr (shown); stdout is its one JSON result line.
  const build = spawnSync(process.execPath, ['--no-deprecation', 'scripts/buildAll.ts', '--only', stale.map((s) => s.slug).join(','), '--snapshots', snapshotsDir, '--out', distRoot], {
    cwd: path.join(root, 'sites'),
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  })
  if (build.status !== 0) {
    // One school's failed build must not keep the CMS and the other 33 sites from starting.
    console.error('[start] some sites failed to build (listed above); serving the others, they are retried on the next start')
    return
  }
  const result = JSON.parse(build.stdout.trim().split('\n').at(-1) ?? '{}') as Partial<BuildAllResult>
  const built = new Set(result.built ?? [])
  for (const { slug, hash } of stale) {
    if (built.has(slug)) writeFileSync(path.join(markersDir, slug), hash)
  }
  console.log(`[start] built ${built.size} sites (${result.pages ?? 0} pages) in ${((performance.now() - t) / 1000).toFixed(1)}s`)
}

const t0 = performance.now()
console.log('[start] seeding the database (34 schools, demo accounts)…')
run(process.execPath, ['--no-deprecation', 'src/seed/run.ts'], cmsDir)

console.log('[start] exporting published snapshots and building the school sites…')
run(process.execPath, ['--no-deprecation', 'src/sites/exportAll.ts'], cmsDir)
buildStaleSites()

ensureAdminBuilt()

const accountsFile = path.join(cmsDir, 'data', 'demo-accounts.json')
const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as { email: string; roles: string[]; school: string | null }[]
const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))
console.log(`[start] ready to serve after ${((performance.now() - t0) / 1000).toFixed(1)}s of preparation`)
console.log(`[start] admin:  http://localhost:${port}/admin   (Vietnamese; English under Tài khoản → Ngôn ngữ)`)
console.log(`[start] API:    http://localhost:${port}/api`)
console.log(`[start] sites:  http://localhost:4321/ (index of the 34 schools), e.g. http://tieuhocledo.localhost:4321/`)
console.log(`[start] demo accounts and passwords: ${path.relative(root, accountsFile)}${principal ? ` (e.g. ${principal.email}, principal of TH Lê Độ)` : ''}`)

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
