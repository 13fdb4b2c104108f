import { spawn } from 'node:child_process'
import path from 'node:path'

import type { SiteBuildOptions } from '@truongso/payload-plugin'
import { readBuildResult } from '@truongso/snapshot/build-result'
import { removeLeftovers, withScratchFolder } from '@truongso/snapshot/folders'

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

type SiteBuildResult = Awaited<ReturnType<SiteBuildOptions['build']>>

const tail = (text: string, lines: number) => text.trim().split('\n').slice(-lines).join('\n')

/**
 * Runs `node sites/scripts/buildSchool.ts <slug>` and reads the JSON result line it prints on stdout;
 * rejects with the build's own error.
 *
 * A child process, not an import: Astro's build runs with its own configuration (sites/astro.config.mjs,
 * read from the environment), module graph and memory, none of which belongs in the CMS process,
 * and a build that fails or runs out of memory cannot take the CMS down with it.
 */
function runSiteBuild(slug: string, paths: SitePaths): Promise<SiteBuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--no-deprecation', path.join(paths.sitesDir, 'scripts/buildSchool.ts'), slug, '--snapshots', paths.snapshotsDir, '--out', paths.distRoot],
      { cwd: paths.sitesDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      const result = readBuildResult(stdout)
      if (code === 0 && result?.ok) resolve({ pages: result.pages })
      else if (result && !result.ok) reject(new Error(`site build of ${slug} failed: ${result.error}`))
      // No result line: the build died before it could say (killed, out of memory, bad install).
      else reject(new Error(`site build of ${slug} exited with ${code}: ${tail(`${stderr}\n${stdout}`, 15)}`))
    })
  })
}

/**
 * The CMS's half of a site rebuild: export the school's published snapshot (the only thing that
 * crosses to sites/), then build the site from it. Plugged into the plugin's `sites.build`.
 *
 * Each build exports into a scratch folder of its own, `<snapshotsDir>/.build-<slug>-<random>/<slug>/`,
 * removed afterwards: no other export (a later build, `exportAll.ts`) can replace or delete the
 * snapshot a running build reads. (The plugin also never runs two builds of one school at once.)
 */
export function siteBuilder(paths: SitePaths): SiteBuildOptions['build'] {
  return async ({ slug, payload }) => {
    await removeLeftovers(paths.snapshotsDir, slug)
    return withScratchFolder(paths.snapshotsDir, 'build', slug, async (own) => {
      await exportSchoolSnapshot(payload, slug, { snapshotsDir: own, uploadsDir: paths.uploadsDir })
      return runSiteBuild(slug, { ...paths, snapshotsDir: own })
    })
  }
}
