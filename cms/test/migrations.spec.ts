import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { migrations } from '../migrations/index.ts'
import { PUSHED_DATABASE_MESSAGE } from '../src/lib/postgresMigrations.ts'

/**
 * PostgreSQL schema migrations (cms/migrations): a database at the previous release's schema, with
 * data, is upgraded by starting the CMS as production does, and keeps its data; the committed
 * migrations are up to date with the config (a schema change without a migration fails here). Each
 * phase runs in a process of its own (migrationPhase.ts), as the seed and the server do.
 */
const base = process.env.TEST_POSTGRES_URI
if (!base) console.warn('[migrations.spec] skipped: set TEST_POSTGRES_URI (e.g. TEST_POSTGRES_URI="$(bash scripts/postgres.sh)") to test the PostgreSQL migrations')

const phaseScript = fileURLToPath(new URL('./migrationPhase.ts', import.meta.url))
const created: string[] = []
const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-migrations-'))

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: base })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function newDatabase(): Promise<string> {
  const name = `truongso_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await admin((c) => c.query(`CREATE DATABASE ${name}`))
  created.push(name)
  const uri = new URL(base!)
  uri.pathname = `/${name}`
  return uri.toString()
}

type PhaseResult = { code: number | null; result: any; output: string }

/** One phase in a child process; NODE_ENV as given (the test runner's 'test' would mean push). */
function runPhase(phase: string, uri: string, env: Record<string, string> = {}): Promise<PhaseResult> {
  const childEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URI: uri, TRUONGSO_DATA_DIR: dataDir, TRUONGSO_DISABLE_JOBS: '1' }
  delete childEnv.NODE_ENV
  Object.assign(childEnv, env)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-deprecation', phaseScript, phase], {
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.split('\n').find((l) => l.startsWith('RESULT '))
      resolve({ code, output, result: line ? JSON.parse(line.slice('RESULT '.length)) : undefined })
    })
  })
}

afterAll(async () => {
  if (base) for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
  rmSync(dataDir, { recursive: true, force: true })
})

describe.skipIf(!base)('PostgreSQL migrations (needs TEST_POSTGRES_URI)', () => {
  const names = migrations.map((m) => m.name)

  it('commits a baseline and at least one migration after it', () => {
    expect(names.length).toBeGreaterThanOrEqual(2)
    expect(names[0]).toMatch(/_baseline$/)
  })

  it('upgrades a database at the previous release with data: same documents, logins work, schema up to date', async () => {
    const uri = await newDatabase()
    const before = await runPhase('baseline', uri)
    expect(before.code, before.output).toBe(0)
    const { ids, docs } = before.result as { ids: Record<string, number>; docs: Record<string, any> }
    expect(docs.postVersions).toBeGreaterThanOrEqual(2)
    expect(docs.draftPost.title).toBe('Khai giảng năm học mới (sửa)')
    expect(docs.publishedPost.title).toBe('Khai giảng năm học mới')

    // Starting as `next start` does (NODE_ENV=production) runs the rest of the migrations.
    const after = await runPhase('start', uri, { NODE_ENV: 'production', MIGRATION_IDS: JSON.stringify(ids) })
    expect(after.code, after.output).toBe(0)
    const upgraded = after.result
    expect(upgraded.applied).toEqual([...names.slice(0, -1).map((name) => ({ name, batch: 1 })), { name: names.at(-1), batch: 2 }])
    for (const key of Object.keys(docs)) {
      if (typeof docs[key] === 'object') expect(upgraded.docs[key], key).toMatchObject(docs[key])
      else expect(upgraded.docs[key], key).toBe(docs[key])
    }
    expect(upgraded.loggedIn).toBe(true)
    expect(upgraded.schools).toBeGreaterThan(0)
    expect(upgraded.schoolsWithoutTier).toBe(0)
    // A schema change without its migration fails here: `pnpm --filter @truongso/cms migrate:create <name>`.
    expect(upgraded.uncommitted, 'the config differs from the last committed migration').toEqual([])
    expect(upgraded.pushStatements, 'the migrated database differs from the config').toEqual([])
  }, 240_000)

  it('several processes starting together on an empty database migrate it once (seed and worker: no NODE_ENV)', async () => {
    const uri = await newDatabase()
    const [a, b] = await Promise.all([runPhase('fresh', uri), runPhase('fresh', uri, { NODE_ENV: 'production' })])
    expect(a.code, a.output).toBe(0)
    expect(b.code, b.output).toBe(0)
    expect(a.result.applied).toEqual(names.map((name) => ({ name, batch: 1 })))
    expect(b.result.applied).toEqual(a.result.applied)
  }, 240_000)

  it('refuses, in one line, a database whose schema was pushed (development mode)', async () => {
    const uri = await newDatabase()
    const pushed = await runPhase('fresh', uri, { NODE_ENV: 'development' })
    expect(pushed.code, pushed.output).toBe(0)
    expect(pushed.result.applied).toEqual([{ name: 'dev', batch: -1 }])
    const refused = await runPhase('fresh', uri)
    expect(refused.code).not.toBe(0)
    expect(refused.output).toContain(PUSHED_DATABASE_MESSAGE)
    expect(refused.output).toContain('migrate:adopt')
  }, 240_000)
})
