/**
 * `node cms/src/sites/exportAll.ts [slug…]`: writes the published-content snapshot of every school
 * (or the ones named) for the site build. Used by the main job before building all 34 sites.
 */
import path from 'node:path'

import { schools } from '@truongso/registry'
import { getPayload } from 'payload'

import { dataDir, snapshotsDir } from '../lib/paths.ts'
import config from '../payload.config.ts'
import { exportSchoolSnapshot } from './exportSnapshot.ts'

const wanted = process.argv.slice(2)
const started = performance.now()
const payload = await getPayload({ config })
let count = 0
for (const school of schools) {
  if (wanted.length > 0 && !wanted.includes(school.slug)) continue
  await exportSchoolSnapshot(payload, school.slug, { snapshotsDir, uploadsDir: path.join(dataDir, 'uploads') })
  count++
}
console.log(`[snapshots] ${count} schools exported to ${snapshotsDir} in ${((performance.now() - started) / 1000).toFixed(1)}s`)
await payload.destroy()
process.exit(0)
