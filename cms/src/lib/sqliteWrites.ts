import { createClient, type Client, type InStatement, type Transaction, type TransactionMode } from '@libsql/client'
import { message } from '@truongso/payload-plugin'
import { APIError, type AfterErrorHook, type DatabaseAdapterObj, type Payload } from 'payload'

/**
 * Concurrent writes on the embedded SQLite database, made safe.
 *
 * Why writes froze: the SQLite driver (libsql) is synchronous. A transaction holds SQLite's single
 * write lock across `await`s (Payload runs hooks inside it), so when a second request in the same
 * process began a write, SQLite's busy timeout made it *block the event loop* waiting for a lock
 * that only the (now frozen) first request could release: a self-deadlock ending in SQLITE_BUSY
 * after the timeout, over and over. Worse, libsql hands each transaction the client's connection and
 * opens a new one for the next caller without the busy_timeout pragma, so later writes failed at
 * once with SQLITE_BUSY, and a read snapshot left on a connection turned BEGIN into
 * SQLITE_BUSY_SNAPSHOT (which no timeout can cure).
 *
 * The fix, below the Local API so every write path is covered: one in-process writer lock (an async
 * FIFO queue) taken by every write transaction and every write statement outside a transaction, so
 * requests *wait their turn without blocking the event loop*; every connection gets the busy
 * timeout (it then only matters for other processes, e.g. a backup); write transactions run on one
 * dedicated writer connection with BEGIN IMMEDIATE (never from a stale snapshot). A request that waits longer than `maxWaitMs` fails with
 * 503 and "Hệ thống đang bận…" (DatabaseBusyError), never 500. Reads never wait (WAL).
 */

/** The database stayed busy too long for this request: 503, with a message the admin shows. */
export class DatabaseBusyError extends APIError {
  constructor(detail: string) {
    super(message(null, 'system.busy'), 503, { detail }, true)
  }
}

/**
 * Config-level afterError hook: a busy database answers 503 with Retry-After and the message in the
 * user's language, also when a layer above us re-wrapped the error in a plain Error.
 */
export const busyDatabaseResponse: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof DatabaseBusyError) && !isBusy(error)) return
  req.payload?.logger.warn({ msg: `database busy: ${error.message}` })
  req.responseHeaders = new Headers({ ...Object.fromEntries(req.responseHeaders ?? []), 'Retry-After': '2' })
  return { response: { errors: [{ message: message(req, 'system.busy') }] }, status: 503 }
}

export type WriterLockOptions = { maxWaitMs: number }

/** A FIFO async mutex with a bounded wait. */
export class WriterLock {
  private held = false
  private readonly queue: { grant: () => void; timer: NodeJS.Timeout }[] = []
  private readonly options: WriterLockOptions

  constructor(options: WriterLockOptions) {
    this.options = options
  }

  /** Resolves with a release function once the lock is ours; rejects with DatabaseBusyError after maxWaitMs. */
  acquire(): Promise<() => void> {
    const release = once(() => this.release())
    if (!this.held) {
      this.held = true
      return Promise.resolve(release)
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          clearTimeout(entry.timer)
          resolve(release)
        },
        timer: setTimeout(() => {
          const index = this.queue.indexOf(entry)
          if (index >= 0) this.queue.splice(index, 1)
          reject(new DatabaseBusyError(`waited ${this.options.maxWaitMs} ms for the SQLite writer lock`))
        }, this.options.maxWaitMs),
      }
      this.queue.push(entry)
    })
  }

  get waiting(): number {
    return this.queue.length
  }

  private release() {
    const next = this.queue.shift()
    if (next) next.grant()
    else this.held = false
  }
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}

const READ_ONLY = /^\s*(select|pragma|explain|with)\b/i
const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql)
const BUSY_TEXT = /SQLITE_BUSY|database is locked|writer lock|Hệ thống đang bận/i
const isBusy = (err: unknown) => BUSY_TEXT.test(err instanceof Error ? `${err.message} ${(err as { code?: string }).code ?? ''}` : String(err))

/** SQLite's busy errors become DatabaseBusyError (503); anything else passes through unchanged. */
function translateBusy(err: unknown): never {
  if (isBusy(err) && !(err instanceof DatabaseBusyError)) throw new DatabaseBusyError(err instanceof Error ? err.message : String(err))
  throw err
}

export type SerialisedClientOptions = {
  url: string
  /** SQLite's own wait for a lock held by another process. */
  busyTimeoutMs: number
  /** How long a request waits for the writer lock before answering 503. */
  maxWaitMs: number
  /** A write transaction open longer than this is rolled back (default 120 s). */
  maxHoldMs?: number
}

/**
 * A libsql client whose writes take the writer lock. Write transactions run on one dedicated writer
 * connection (the lock makes it exclusive), each starting with BEGIN IMMEDIATE on a connection that
 * holds no snapshot; reads and short writes use the shared connection.
 */
export function serialisedSqliteClient(options: SerialisedClientOptions): { client: Client; lock: WriterLock } {
  const lock = new WriterLock({ maxWaitMs: options.maxWaitMs })
  const pragmas = `PRAGMA busy_timeout = ${options.busyTimeoutMs};`
  const shared = createClient({ url: options.url })
  const writer = createClient({ url: options.url })
  let ready: Promise<unknown> | null = Promise.all([shared.execute(pragmas), writer.execute(pragmas)])
  const whenReady = async () => {
    if (ready) {
      await ready
      ready = null
    }
  }

  const withLock = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire()
    try {
      return await work()
    } catch (err) {
      return translateBusy(err)
    } finally {
      release()
    }
  }

  const client: Client = new Proxy(shared, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return async (stmtOrSql: InStatement, args?: unknown) => {
          await whenReady()
          const call = () => (target.execute as (...a: unknown[]) => Promise<unknown>)(...(args === undefined ? [stmtOrSql] : [stmtOrSql, args]))
          if (READ_ONLY.test(sqlOf(stmtOrSql))) return call().catch(translateBusy)
          return withLock(call)
        }
      }
      if (prop === 'batch') {
        return async (stmts: InStatement[], mode?: TransactionMode) => {
          await whenReady()
          if (mode === 'read' || stmts.every((s) => READ_ONLY.test(sqlOf(s)))) return target.batch(stmts, mode).catch(translateBusy)
          return withLock(() => target.batch(stmts, mode))
        }
      }
      if (prop === 'executeMultiple' || prop === 'migrate') {
        return async (...a: unknown[]) => {
          await whenReady()
          return withLock(() => (target[prop] as (...x: unknown[]) => Promise<unknown>)(...a))
        }
      }
      if (prop === 'transaction') {
        return async (mode: TransactionMode = 'write') => {
          await whenReady()
          const release = await lock.acquire()
          try {
            await writer.execute(mode === 'read' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE')
          } catch (err) {
            release()
            return translateBusy(err)
          }
          return new WriterTransaction(writer, release, options.maxHoldMs ?? 120_000, () =>
            console.error(`[db-sqlite] a write transaction was still open after ${options.maxHoldMs ?? 120_000} ms: rolled back so other writes can go on`),
          )
        }
      }
      if (prop === 'close') {
        return () => {
          writer.close()
          target.close()
        }
      }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { client, lock }
}

/** A transaction on the writer connection; ends (COMMIT or ROLLBACK) exactly once, then frees the lock. */
class WriterTransaction implements Transaction {
  private open = true
  private readonly connection: Client
  private readonly release: () => void
  private readonly watchdog: NodeJS.Timeout

  constructor(connection: Client, release: () => void, maxHoldMs: number, onAbandoned: () => void) {
    this.connection = connection
    this.release = release
    // A transaction nobody ends (a bug on some error path) must not freeze every write: after
    // maxHoldMs it is rolled back, the lock goes to the next writer, and its later statements fail.
    this.watchdog = setTimeout(() => {
      onAbandoned()
      void this.rollback()
    }, maxHoldMs)
    this.watchdog.unref()
  }

  get closed() {
    return !this.open
  }

  async execute(stmt: InStatement) {
    this.checkOpen()
    return this.connection.execute(stmt).catch(translateBusy)
  }

  async batch(stmts: InStatement[]) {
    this.checkOpen()
    const results = []
    for (const stmt of stmts) results.push(await this.connection.execute(stmt).catch(translateBusy))
    return results
  }

  async executeMultiple(sql: string) {
    this.checkOpen()
    return this.connection.executeMultiple(sql).catch(translateBusy)
  }

  async commit() {
    this.checkOpen()
    try {
      await this.connection.execute('COMMIT')
    } catch (err) {
      // drizzle answers a failed commit with rollback(), which ends the transaction.
      return translateBusy(err)
    }
    this.end()
  }

  async rollback() {
    if (!this.open) return
    try {
      await this.connection.execute('ROLLBACK')
    } catch {
      // SQLite may have rolled back already (e.g. after an I/O error): nothing left to undo.
    } finally {
      this.end()
    }
  }

  close() {
    if (this.open) void this.rollback()
  }

  private end() {
    this.open = false
    clearTimeout(this.watchdog)
    this.release()
  }

  private checkOpen() {
    if (!this.open) throw new Error('The transaction is closed')
  }
}

type AdapterWithClient = {
  client?: Client
  clientConfig: { url: string }
  payload: Payload
  connect?: (o?: unknown) => Promise<void>
  beginTransaction: (...a: unknown[]) => Promise<unknown>
}

/**
 * Wraps Payload's SQLite adapter so its libsql client is the serialised one above. Payload's
 * `connect` keeps a client it finds already set, so the wrapper installs ours just before it runs
 * (and sets the pragmas Payload would otherwise set on that first connection).
 */
export function withSerialisedWrites(base: DatabaseAdapterObj, options: Omit<SerialisedClientOptions, 'url'>): DatabaseAdapterObj {
  return {
    ...base,
    init: (args) => {
      const adapter = base.init(args) as unknown as AdapterWithClient
      const connect = adapter.connect
      adapter.connect = async function (this: AdapterWithClient, connectOptions?: unknown) {
        if (!this.client) {
          const { client } = serialisedSqliteClient({ url: this.clientConfig.url, ...options })
          const mode = await client.execute('PRAGMA journal_mode;')
          if (mode.rows[0]?.journal_mode !== 'wal') await client.execute('PRAGMA journal_mode = WAL;')
          await client.execute('PRAGMA synchronous = FULL;')
          this.client = client
        }
        return connect!.call(this, connectOptions)
      }
      // Payload's beginTransaction turns every failure into a plain Error (→ 500): keep "busy" a 503.
      const begin = adapter.beginTransaction
      adapter.beginTransaction = async function (this: AdapterWithClient, ...a: unknown[]) {
        try {
          return await begin.apply(this, a)
        } catch (err) {
          return translateBusy(err)
        }
      }
      return adapter as never
    },
  }
}
