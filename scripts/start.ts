/**
 * Main job (`pnpm start`): create and seed the database, build the admin once (rebuilt when the
 * sources change), then serve the CMS on http://localhost:3000/admin.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cmsDir = path.join(root, 'cms')
const port = process.env.PORT ?? '3000'

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** A fingerprint of everything the admin bundle is built from, so a stale build is noticed. */
function sourceStamp(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'data') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(`${full}:${statSync(full).size}:${statSync(full).mtimeMs}\n`)
    }
  }
  for (const dir of ['cms/src', 'packages/payload-plugin/src', 'packages/registry']) walk(path.join(root, dir))
  hash.update(readFileSync(path.join(root, 'pnpm-lock.yaml')))
  hash.update(readFileSync(path.join(cmsDir, 'next.config.mjs')))
  return hash.digest('hex')
}

const t0 = performance.now()
console.log('[start] seeding the database (34 schools, demo accounts)…')
run(process.execPath, ['--no-deprecation', 'src/seed/run.ts'], cmsDir)

const stampFile = path.join(cmsDir, '.next', 'truongso-build-stamp')
const stamp = sourceStamp()
const built = existsSync(path.join(cmsDir, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
if (!built) {
  console.log('[start] building the admin (first run or sources changed; a few minutes on 2 cores)…')
  run('pnpm', ['exec', 'next', 'build', '--webpack'], cmsDir, {
    NODE_OPTIONS: '--no-deprecation --max-old-space-size=6000',
    NEXT_TELEMETRY_DISABLED: '1',
  })
  writeFileSync(stampFile, stamp)
}

const accountsFile = path.join(cmsDir, 'data', 'demo-accounts.json')
const accounts = JSON.parse(readFileSync(accountsFile, 'utf8')) as { email: string; roles: string[]; school: string | null }[]
const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))
console.log(`[start] ready to serve after ${((performance.now() - t0) / 1000).toFixed(1)}s of preparation`)
console.log(`[start] admin:  http://localhost:${port}/admin   (Vietnamese; English under Tài khoản → Ngôn ngữ)`)
console.log(`[start] API:    http://localhost:${port}/api`)
console.log(`[start] demo accounts and passwords: ${path.relative(root, accountsFile)}${principal ? ` (e.g. ${principal.email}, principal of TH Lê Độ)` : ''}`)

const server = spawn('pnpm', ['exec', 'next', 'start', '--port', port], {
  cwd: cmsDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: '--no-deprecation', NEXT_TELEMETRY_DISABLED: '1' },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
