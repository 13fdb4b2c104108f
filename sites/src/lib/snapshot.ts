import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parseSnapshot, type Snapshot } from '@truongso/snapshot'

let cached: Snapshot | null = null

const newestFirst = (a: { publishedDate: string }, b: { publishedDate: string }) => Date.parse(b.publishedDate) - Date.parse(a.publishedDate)

/**
 * The school's published-content snapshot: the only input of the build (SITE_SNAPSHOT_DIR), read and
 * validated once. Posts and disclosures come back newest first whatever order the file has.
 */
export function snapshot(): Snapshot {
  if (cached) return cached
  const dir = process.env.SITE_SNAPSHOT_DIR
  if (!dir) throw new Error('SITE_SNAPSHOT_DIR is not set: build through scripts/buildSchool.ts')
  const data = parseSnapshot(JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')))
  data.posts.sort(newestFirst)
  data.disclosures.sort(newestFirst)
  cached = data
  return cached
}
