/**
 * `node cms/src/seed/run.ts`: creates the database if needed and seeds the district (34 schools, demo
 * accounts), then exits. Run by the main job before the server starts; safe to run again.
 */
import { getPayload } from 'payload'

import config from '../payload.config.ts'
import { redactUri } from '../lib/database.ts'
import { demoAccountsFile } from '../lib/paths.ts'
import { seedDistrict } from './index.ts'

const started = performance.now()
let payload: Awaited<ReturnType<typeof getPayload>>
try {
  payload = await getPayload({ config })
} catch (error) {
  // An unreachable or refused database: one line naming it (credentials hidden), not a stack trace.
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
  console.error(`[seed] cannot open the database ${redactUri(process.env.DATABASE_URI ?? 'SQLite (cms/data)')}: ${reason}`)
  process.exit(1)
}
// SEED_RECORDS=all (default) | none | slug,slug — which schools get generated school records.
const wanted = process.env.SEED_RECORDS?.trim()
const records = !wanted || wanted === 'all' ? 'all' : wanted === 'none' ? [] : wanted.split(',')
const result = await seedDistrict(payload, demoAccountsFile, { records })
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`[seed] ${result.schools} schools, ${result.accounts.length} demo accounts (${demoAccountsFile}), ${result.websiteDocuments} new website documents, ${result.students} new students in ${seconds}s`)
await payload.destroy()
process.exit(0)
