/**
 * PostgreSQL schema migrations (cms/migrations; see cms/README.md § Database):
 * - `pnpm --filter @truongso/cms migrate:create <name>`: a new migration from the difference between
 *   the config and the last committed snapshot (no database needed), made loadable by Node.
 * - `pnpm --filter @truongso/cms migrate:adopt`: once, on a PostgreSQL database a release before
 *   migrations created by schema push: marks the baseline as applied, then runs the newer migrations.
 * `migrate` and `migrate:status` are Payload's own commands (package.json).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { cmsDir } from '../lib/paths.ts'
import { normaliseMigrationFiles } from './migrationFiles.ts'

const [command, ...rest] = process.argv.slice(2)
const migrationDir = path.join(cmsDir, 'migrations')

if (command === 'create') {
  const name = rest.find((a) => !a.startsWith('--'))
  if (!name) {
    console.error('[migrate] usage: pnpm --filter @truongso/cms migrate:create <name> [--skip-empty]')
    process.exit(2)
  }
  // The config imports migrations/index.ts: make sure it lists what is on disk before Payload loads it.
  const { writeMigrationIndex } = await import('payload')
  writeMigrationIndex({ migrationsDir: migrationDir })
  normaliseMigrationFiles(migrationDir)
  // migrate:create never connects; the URI only selects the PostgreSQL adapter.
  const uri = /^postgres(ql)?:/i.test(process.env.DATABASE_URI ?? '') ? process.env.DATABASE_URI! : 'postgres://unused@127.0.0.1:1/unused'
  const result = spawnSync('pnpm', ['exec', 'payload', 'migrate:create', ...rest], { cwd: cmsDir, stdio: 'inherit', env: { ...process.env, DATABASE_URI: uri } })
  const changed = normaliseMigrationFiles(migrationDir)
  if (changed.length) console.log(`[migrate] made loadable by Node: ${changed.join(', ')}`)
  process.exit(result.status ?? 1)
} else if (command === 'adopt') {
  // Connect without running migrations (Payload's migrate commands set the same flag).
  process.env.PAYLOAD_MIGRATING = 'true'
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config.ts')
  const { migrations } = await import('../../migrations/index.ts')
  const payload = await getPayload({ config })
  if (payload.db.name !== 'postgres') {
    console.error('[migrate] migrate:adopt is for PostgreSQL (DATABASE_URI=postgres://…); SQLite pushes its schema, MongoDB has none.')
    process.exit(2)
  }
  const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false })
  const baseline = migrations[0]!.name
  if (docs.some((doc) => doc.batch !== -1)) {
    console.log(`[migrate] this database already runs on migrations (${docs.length} recorded); nothing to adopt`)
  } else {
    await payload.delete({ collection: 'payload-migrations', where: { batch: { equals: -1 } } })
    await payload.create({ collection: 'payload-migrations', data: { name: baseline, batch: 1 } })
    console.log(`[migrate] adopted: ${baseline} marked as applied`)
  }
  await payload.db.migrate({ migrations: migrations as never })
  await payload.destroy()
  process.exit(0)
} else {
  console.error('[migrate] usage: migrationCommand.ts create <name> | adopt')
  process.exit(2)
}
