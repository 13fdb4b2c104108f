import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'

import type { SiteBuildOptions } from '@truongso/payload-plugin'

import { exportSchoolSnapshot } from './exportSnapshot.ts'

export type SitePaths = {
  /** Where snapshots are written (one folder per build, removed after it). */
  snapshotsDir: string
  /** Where built sites go (`<distRoot>/<slug>/`). */
  distRoot: string
  /** Uploaded files of the CMS (media/ and documents/). */
  uploadsDir: string
  /** The sites package (runs its build script). */
  sitesDir: string
}

/** Runs `node sites/scripts/buildSchool.ts <slug>`; rejects with the build's own error output. */
function runSiteBuild(slug: string, paths: SitePaths): Promise<{ pages?: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--no-deprecation', path.join(paths.sitesDir, 'scripts/buildSchool.ts'), slug, '--snapshots', paths.snapshotsDir, '--out', paths.distRoot],
      { cwd: paths.sitesDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    )
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) {
        const pages = /(\d+)\s+pages?/i.exec(output)?.[1]
        resolve({ pages: pages ? Number(pages) : undefined })
      } else reject(new Error(`site build of ${slug} exited with ${code}: ${output.trim().split('\n').slice(-15).join('\n')}`))
    })
  })
}

/** Removes per-build snapshot folders of this school left by a killed process (older than an hour). */
async function removeLeftovers(snapshotsDir: string, slug: string): Promise<void> {
  const names = await readdir(snapshotsDir).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(`.build-${slug}-`)) continue
    const dir = path.join(snapshotsDir, name)
    const age = await stat(dir).then((s) => Date.now() - s.mtimeMs, () => 0)
    if (age > 3_600_000) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The CMS's half of a site rebuild: export the school's published snapshot (the only thing that
 * crosses to sites/), then build the site from it. Plugged into the plugin's `sites.build`.
 *
 * Each build exports into its own folder, `<snapshotsDir>/.build-<slug>-<buildId>-<random>/<slug>/`,
 * and removes it afterwards: no other export (a later build, `exportAll.ts`) can replace or delete
 * the snapshot a running build reads. (The plugin also never runs two builds of one school at once.)
 */
export function siteBuilder(paths: SitePaths): SiteBuildOptions['build'] {
  return async ({ slug, payload, buildId }) => {
    await removeLeftovers(paths.snapshotsDir, slug)
    const own = path.join(paths.snapshotsDir, `.build-${slug}-${buildId}-${randomBytes(4).toString('hex')}`)
    try {
      await exportSchoolSnapshot(payload, slug, { snapshotsDir: own, uploadsDir: paths.uploadsDir })
      return await runSiteBuild(slug, { ...paths, snapshotsDir: own })
    } finally {
      await rm(own, { recursive: true, force: true })
    }
  }
}
