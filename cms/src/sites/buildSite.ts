import { spawn } from 'node:child_process'
import path from 'node:path'

import type { SiteBuildOptions } from '@truongso/payload-plugin'

import { exportSchoolSnapshot } from './exportSnapshot.ts'

export type SitePaths = {
  /** Where snapshots are written (one folder per school). */
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

/**
 * The CMS's half of a site rebuild: export the school's published snapshot (the only thing that
 * crosses to sites/), then build the site from it. Plugged into the plugin's `sites.build`.
 */
export function siteBuilder(paths: SitePaths): SiteBuildOptions['build'] {
  return async ({ slug, payload }) => {
    await exportSchoolSnapshot(payload, slug, paths)
    return runSiteBuild(slug, paths)
  }
}
