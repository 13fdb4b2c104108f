import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** cms/ — resolved from this file so it works from the repo root, from cms/ and in Next's server. */
export const cmsDir = process.env.TRUONGSO_CMS_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Where the embedded database, the generated secret, uploads and demo credentials live (git-ignored). */
export const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(cmsDir, 'data')

export const demoAccountsFile = path.join(dataDir, 'demo-accounts.json')

/** The repository root (cms/..), where sites/ lives. */
export const repoDir = path.resolve(cmsDir, '..')

/** Published-content snapshots, one folder per school (the boundary the site build reads). */
export const snapshotsDir = process.env.SITES_SNAPSHOT_DIR ?? path.join(repoDir, 'sites', '.snapshots')

/** Built static sites, one folder per school. */
export const sitesDistDir = process.env.SITES_DIST_DIR ?? path.join(repoDir, 'sites', 'dist')
