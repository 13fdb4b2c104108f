import { describe, expect, it } from 'vitest'

import { chooseDatabase, databaseAdapter, DatabaseUriError, redactUri } from './database.ts'

describe('DATABASE_URI selects the adapter', () => {
  it('unset or blank → the embedded SQLite file under the data folder', () => {
    expect(chooseDatabase(undefined, '/srv/cms/data')).toEqual({ kind: 'sqlite', url: 'file:/srv/cms/data/truongso.db' })
    expect(chooseDatabase('  ', '/srv/cms/data').kind).toBe('sqlite')
  })

  it.each([
    ['mongodb://localhost:27017/truongso', 'mongodb'],
    ['mongodb+srv://user:pw@cluster0.example.net/truongso', 'mongodb'],
    ['postgres://u:p@db:5432/truongso', 'postgres'],
    ['postgresql://u:p@db/truongso', 'postgres'],
    ['file:/tmp/other.db', 'sqlite'],
  ])('%s → %s', (uri, kind) => {
    const choice = chooseDatabase(uri, '/data')
    expect(choice.kind).toBe(kind)
    expect(choice.url).toBe(uri)
  })

  it('anything else stops with one line saying what is accepted, without leaking the password', () => {
    let error: unknown
    try {
      chooseDatabase('mysql://root:hunter2@db/truongso', '/data')
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DatabaseUriError)
    const message = (error as Error).message
    expect(message.split('\n')).toHaveLength(1)
    expect(message).toContain('mongodb://')
    expect(message).toContain('postgres://')
    expect(message).toContain('unset')
    expect(message).not.toContain('hunter2')
    expect(redactUri('postgres://u:secret@h/db')).toBe('postgres://u:***@h/db')
  })

  it('builds each adapter without connecting (MongoDB cannot run here: selected and constructed only)', () => {
    expect(databaseAdapter({ kind: 'mongodb', url: 'mongodb://127.0.0.1:1/none' }).name).toBe('mongoose')
    expect(databaseAdapter({ kind: 'postgres', url: 'postgres://u:p@127.0.0.1:1/none' }).name).toBe('postgres')
    expect(databaseAdapter({ kind: 'sqlite', url: 'file:/tmp/x.db' }).name).toBe('sqlite')
  })
})

describe('start-up with a DATABASE_URI it cannot use', () => {
  it('stops with exactly one line saying what is accepted, before touching any data', async () => {
    const { spawnSync } = await import('node:child_process')
    const { fileURLToPath } = await import('node:url')
    const seed = fileURLToPath(new URL('../seed/run.ts', import.meta.url))
    const result = spawnSync(process.execPath, [seed], {
      env: { ...process.env, DATABASE_URI: 'mysql://root:secret@db/truongso', TRUONGSO_DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n').filter(Boolean)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('mysql://root:***@db/truongso')
    expect(lines[0]).toMatch(/mongodb:\/\/.*postgres:\/\//)
    expect(result.stderr).not.toContain('secret')
  }, 60_000)
})
