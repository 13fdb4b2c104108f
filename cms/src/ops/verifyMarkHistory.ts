/**
 * `pnpm gradebook:verify <schoolSlug>|--all`: re-computes each school's mark history chain
 * (gradebook/history.ts) and prints "ok, N entries" or the first broken entry. Exit code 1 when any
 * chain is broken, 2 for a wrong argument.
 */
import { message, verifyMarkHistory } from '@truongso/payload-plugin'
import type { Where } from 'payload'

const argument = process.argv[2]
if (!argument) {
  console.error(message(null, 'history.verify-usage'))
  process.exit(2)
}

// Verifying is read-only: no scheduled job may start in this process.
process.env.TRUONGSO_DISABLE_JOBS = '1'
const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config.ts')
const payload = await getPayload({ config })

let status = 0
try {
  const where: Where = argument === '--all' ? {} : { slug: { equals: argument } }
  const { docs: schools } = await payload.find({ collection: 'schools', where, pagination: false, depth: 0, overrideAccess: true, sort: 'slug' })
  if (schools.length === 0) {
    console.error(message(null, 'history.school-not-found', { school: argument }))
    status = 2
  }
  for (const school of schools) {
    const name = String(school.slug ?? school.id)
    const verdict = await verifyMarkHistory(payload, school.id)
    if (verdict.ok) {
      console.log(message(null, 'history.verify-ok', { school: name, entries: verdict.entries }))
    } else {
      status = 1
      const { sequence, id, reason } = verdict.firstBroken
      console.log(message(null, 'history.verify-broken', { school: name, sequence, id, reason }))
    }
  }
} finally {
  await payload.destroy()
}
process.exit(status)
