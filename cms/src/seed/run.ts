/**
 * `node cms/src/seed/run.ts [--export]`: creates the database if needed and seeds the district (34
 * schools, demo accounts, websites, school records), then exits. Safe to run again: it only adds
 * what is missing. Prints a progress line per school.
 *
 * With --export (the main job), every school's published snapshot is written as soon as the
 * websites are seeded, before the records (the longer part), and a parent started with an IPC
 * channel is told `{ snapshots: 'ready' }`, so it builds the sites while the records are written.
 */
import path from 'node:path'

import { schools } from '@truongso/registry'
import { getPayload } from 'payload'

import { redactUri } from '../lib/database.ts'
import { dataDir, demoAccountsFile, repoDir, snapshotsDir } from '../lib/paths.ts'
import config from '../payload.config.ts'
import { exportSchoolSnapshot } from '../sites/exportSnapshot.ts'
import { seedDistrict } from './index.ts'

const started = performance.now()
const seconds = (since = started) => ((performance.now() - since) / 1000).toFixed(1)
let payload: Awaited<ReturnType<typeof getPayload>>
try {
  payload = await getPayload({ config })
} catch (error) {
  // An unreachable or refused database: one line naming it (credentials hidden), not a stack trace.
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
  console.error(`[seed] cannot open the database ${redactUri(process.env.DATABASE_URI ?? 'SQLite (cms/data)')}: ${reason}`)
  process.exit(1)
}
console.log(`[seed] database open in ${seconds()}s`)

async function exportSnapshots(): Promise<void> {
  const t = performance.now()
  for (const school of schools) await exportSchoolSnapshot(payload, school.slug, { snapshotsDir, uploadsDir: path.join(dataDir, 'uploads') })
  console.log(`[seed] ${schools.length} published snapshots exported to ${path.relative(repoDir, snapshotsDir) || snapshotsDir} in ${seconds(t)}s`)
  process.send?.({ snapshots: 'ready' })
}

// SEED_RECORDS=all (default) | none | slug,slug — which schools get generated school records.
const wanted = process.env.SEED_RECORDS?.trim()
const records = !wanted || wanted === 'all' ? 'all' : wanted === 'none' ? [] : wanted.split(',')
// SEED_RECORD_WRITES=local-api writes the records through the Local API and the importer (slow; the benchmark's reference).
const recordWrites = process.env.SEED_RECORD_WRITES === 'local-api' ? 'local-api' : 'fast'
const result = await seedDistrict(payload, demoAccountsFile, {
  records,
  recordWrites,
  progress: (line) => console.log(line),
  afterWebsites: process.argv.includes('--export') ? exportSnapshots : undefined,
})
console.log(
  `[seed] ${result.schools} schools, ${result.accounts.length} demo accounts (${demoAccountsFile}), ${result.websiteDocuments} new website documents, ${result.students.toLocaleString('en-US')} new students in ${seconds()}s`,
)
await payload.destroy()
process.exit(0)
