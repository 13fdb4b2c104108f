import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parseSnapshot, type Snapshot } from '@truongso/snapshot'

let cached: Snapshot | null = null

/** The school's published-content snapshot: the only input of the build (SITE_SNAPSHOT_DIR). */
export function snapshot(): Snapshot {
  if (cached) return cached
  const dir = process.env.SITE_SNAPSHOT_DIR
  if (!dir) throw new Error('SITE_SNAPSHOT_DIR is not set: build through scripts/buildSchool.ts')
  cached = parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')))
  return cached
}
