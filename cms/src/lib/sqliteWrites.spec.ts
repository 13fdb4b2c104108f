import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { DatabaseBusyError, serialisedSqliteClient, WriterLock } from './sqliteWrites.ts'

const dirs: string[] = []
function database() {
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-sqlite-'))
  dirs.push(dir)
  return `file:${path.join(dir, 'test.db')}`
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('WriterLock', () => {
  it('grants in arrival order and hands over on release', async () => {
    const lock = new WriterLock({ maxWaitMs: 1_000 })
    const order: number[] = []
    const first = await lock.acquire()
    const second = lock.acquire().then((release) => {
      order.push(2)
      release()
    })
    const third = lock.acquire().then((release) => {
      order.push(3)
      release()
    })
    expect(lock.waiting).toBe(2)
    order.push(1)
    first()
    first() // releasing twice frees the lock once
    await Promise.all([second, third])
    expect(order).toEqual([1, 2, 3])
    expect(lock.waiting).toBe(0)
  })

  it('gives up after maxWaitMs with a 503 DatabaseBusyError, and the lock still works', async () => {
    const lock = new WriterLock({ maxWaitMs: 50 })
    const held = await lock.acquire()
    const error = await lock.acquire().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DatabaseBusyError)
    expect((error as DatabaseBusyError).status).toBe(503)
    expect((error as Error).message).toMatch(/Hệ thống đang bận/)
    held()
    const again = await lock.acquire()
    again()
  })
})

describe('serialised SQLite client', () => {
  it('runs concurrent write transactions one after another, none failing, none lost', async () => {
    const { client } = serialisedSqliteClient({ url: database(), busyTimeoutMs: 1_000, maxWaitMs: 10_000 })
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)')
    // Each transaction reads, yields to the event loop, then writes: the pattern that froze before.
    const work = Array.from({ length: 40 }, async (_, i) => {
      const tx = await client.transaction('write')
      const before = await tx.execute('SELECT count(*) AS c FROM t')
      await new Promise((r) => setTimeout(r, 1))
      await tx.execute({ sql: 'INSERT INTO t (n) VALUES (?)', args: [Number(before.rows[0]!.c) + i * 0] })
      await tx.commit()
    })
    await Promise.all(work)
    const rows = await client.execute('SELECT n FROM t ORDER BY id')
    // Serialised: every transaction saw all the earlier ones (0, 1, 2, …).
    expect(rows.rows.map((r) => Number(r.n))).toEqual(Array.from({ length: 40 }, (_, i) => i))
    client.close()
  })

  it('a rolled-back transaction releases the lock and leaves nothing behind', async () => {
    const { client, lock } = serialisedSqliteClient({ url: database(), busyTimeoutMs: 1_000, maxWaitMs: 1_000 })
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t (n) VALUES (1)')
    await tx.rollback()
    await tx.rollback() // a second rollback is harmless
    expect(lock.waiting).toBe(0)
    await client.execute('INSERT INTO t (n) VALUES (2)')
    expect((await client.execute('SELECT n FROM t')).rows.map((r) => Number(r.n))).toEqual([2])
    client.close()
  })

  it('reads are not held up by an open write transaction', async () => {
    const { client } = serialisedSqliteClient({ url: database(), busyTimeoutMs: 1_000, maxWaitMs: 200 })
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)')
    const tx = await client.transaction('write')
    await tx.execute('INSERT INTO t (n) VALUES (1)')
    // A read answers at once (from the last committed state) …
    expect((await client.execute('SELECT count(*) AS c FROM t')).rows[0]!.c).toBe(0)
    // … while a write outside the transaction waits, and gives up with 503 after maxWaitMs.
    await expect(client.execute('INSERT INTO t (n) VALUES (2)')).rejects.toBeInstanceOf(DatabaseBusyError)
    await tx.commit()
    await client.execute('INSERT INTO t (n) VALUES (3)')
    expect((await client.execute('SELECT n FROM t ORDER BY id')).rows.map((r) => Number(r.n))).toEqual([1, 3])
    client.close()
  })
})

describe('an abandoned write transaction', () => {
  it('is rolled back after maxHoldMs, so other writes go on and its own later statements fail', async () => {
    const { client } = serialisedSqliteClient({ url: database(), busyTimeoutMs: 1_000, maxWaitMs: 5_000, maxHoldMs: 100 })
    await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)')
    const abandoned = await client.transaction('write')
    await abandoned.execute('INSERT INTO t (n) VALUES (1)')
    // Nobody commits it: the next writer still gets through.
    await client.execute('INSERT INTO t (n) VALUES (2)')
    await expect(abandoned.execute('INSERT INTO t (n) VALUES (3)')).rejects.toThrow(/closed/)
    expect((await client.execute('SELECT n FROM t')).rows.map((r) => Number(r.n))).toEqual([2])
    client.close()
  })
})
