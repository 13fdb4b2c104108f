import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../../migrations/index.ts'
import { cmsDir } from './paths.ts'
import { postgresSchemaMode, withCommittedMigrations } from './postgresMigrations.ts'
import { withSerialisedWrites } from './sqliteWrites.ts'

/** Which database a DATABASE_URI selects. */
export type DatabaseChoice =
  | { kind: 'sqlite'; url: string }
  | { kind: 'mongodb'; url: string }
  | { kind: 'postgres'; url: string }

export class DatabaseUriError extends Error {
  override name = 'DatabaseUriError'
}

/** Hide credentials when a URI is shown in a message or log. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@')
}

/**
 * DATABASE_URI → database. Unset or empty: the embedded SQLite file `<dataDir>/truongso.db`.
 * `file:` URLs are accepted for SQLite too (tests use temporary files).
 */
export function chooseDatabase(uri: string | undefined, dataDir: string): DatabaseChoice {
  const value = uri?.trim() ?? ''
  if (value === '') return { kind: 'sqlite', url: `file:${path.join(dataDir, 'truongso.db')}` }
  if (/^mongodb(\+srv)?:\/\//i.test(value)) return { kind: 'mongodb', url: value }
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: 'postgres', url: value }
  if (/^file:/i.test(value)) return { kind: 'sqlite', url: value }
  throw new DatabaseUriError(
    `DATABASE_URI "${redactUri(value)}" is not supported: leave it unset for the embedded SQLite file, or use mongodb://, mongodb+srv://, postgres:// or postgresql:// (file: for another SQLite file).`,
  )
}

/** The Payload adapter for a choice. Nothing connects until Payload initialises. */
export function databaseAdapter(choice: DatabaseChoice): DatabaseAdapterObj {
  switch (choice.kind) {
    case 'sqlite':
      // Schema push, no migrations: the embedded demo database simply follows the config.
      // Transactions on: imports and multi-document changes must be all-or-nothing. Writes take one
      // in-process writer lock and wait their turn (sqliteWrites.ts explains why the driver's own
      // busy timeout froze the server); WAL keeps reads free while a write runs.
      return withSerialisedWrites(sqliteAdapter({ client: { url: choice.url }, transactionOptions: {}, push: true, wal: true }), {
        busyTimeoutMs: 5_000,
        maxWaitMs: Number(process.env.TRUONGSO_SQLITE_MAX_WAIT_MS ?? 30_000),
      })
    case 'postgres': {
      // Development and tests push the schema; production (and the seed, worker and ops commands)
      // apply the committed migrations in cms/migrations under a lock (postgresMigrations.ts). `push`
      // is set explicitly: the adapter would otherwise push whenever NODE_ENV is not 'production'.
      if (postgresSchemaMode() === 'push') return postgresAdapter({ pool: { connectionString: choice.url }, push: true })
      const migrationDir = path.join(cmsDir, 'migrations')
      return withCommittedMigrations(postgresAdapter({ pool: { connectionString: choice.url }, push: false, migrationDir, prodMigrations: migrations }), migrations)
    }
    case 'mongodb':
      // No schema migrations: MongoDB has no schema to migrate; Payload builds the indexes at start.
      return mongooseAdapter({ url: choice.url })
  }
}
