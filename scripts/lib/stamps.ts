import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const cmsDir = path.join(root, 'cms')

/** A fingerprint of the files something is built from, so a stale build is noticed. */
export function sourceStamp(dirs: string[], files: string[]): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'data') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else hash.update(`${full}:${statSync(full).size}:${statSync(full).mtimeMs}\n`)
    }
  }
  for (const dir of dirs) walk(path.join(root, dir))
  for (const file of files) hash.update(readFileSync(path.join(root, file)))
  return hash.digest('hex')
}

/** Builds the admin (Next.js) unless the last build was made from the same sources. */
export function ensureAdminBuilt(): void {
  const stampFile = path.join(cmsDir, '.next', 'truongso-build-stamp')
  const stamp = sourceStamp(['cms/src', 'packages/payload-plugin/src', 'packages/registry', 'packages/snapshot/src'], ['pnpm-lock.yaml', 'cms/next.config.mjs'])
  const fresh = existsSync(path.join(cmsDir, '.next', 'BUILD_ID')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp
  if (fresh) return
  console.log('[admin] building the admin (first run or sources changed; about a minute on 2 cores)…')
  const result = spawnSync('pnpm', ['exec', 'next', 'build', '--webpack'], {
    cwd: cmsDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation --max-old-space-size=6000', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
  writeFileSync(stampFile, stamp)
}
