import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'

import { chooseDatabase, redactUri } from '../lib/database.ts'

/**
 * Backups and restore of everything the CMS keeps: the database (a consistent copy taken while the CMS
 * runs), the uploaded files and the generated secret, in one dated folder with a manifest of SHA-256
 * hashes. Database-specific by nature, so it lives beside the database selection, not in business code:
 *   SQLite      `VACUUM INTO` (a consistent snapshot, safe while others write: WAL)
 *   PostgreSQL  `pg_dump --format=custom`, restored with `pg_restore`
 *   MongoDB     `mongodump --archive` / `mongorestore` (not runnable on these machines)
 */

export type ManifestEntry = { path: string; bytes: number; sha256: string }
export type Manifest = { createdAt: string; database: 'sqlite' | 'postgres' | 'mongodb'; source: string; files: ManifestEntry[] }

const DATABASE_FILE = { sqlite: 'database.sqlite', postgres: 'database.pgdump', mongodb: 'database.mongo.archive' } as const
/** What of the data folder is kept besides the database (the SQLite file itself is copied by VACUUM INTO). */
const DATA_ENTRIES = ['uploads', '.payload-secret', 'demo-accounts.json']

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Every file below dir, as paths relative to it. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(path.join(dir, file)).isFile())
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } })
  if (result.error) throw new Error(`${command} could not be started: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`)
}

/** A dated folder name that sorts by time: 2026-12-01T23-40-05Z. */
export const backupName = (date = new Date()) => date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')

export type BackupOptions = { databaseUri: string | undefined; dataDir: string; backupsDir: string; now?: Date }

/** Writes a backup into `<backupsDir>/<date>/` (built in a temporary folder, renamed when complete). */
export async function createBackup(options: BackupOptions): Promise<{ folder: string; manifest: Manifest }> {
  const choice = chooseDatabase(options.databaseUri, options.dataDir)
  const now = options.now ?? new Date()
  // Two backups within one second (a manual one beside the nightly one) get the milliseconds too.
  const name = existsSync(path.join(options.backupsDir, backupName(now))) ? now.toISOString().replace(/:/g, '-') : backupName(now)
  const folder = path.join(options.backupsDir, name)
  const work = path.join(options.backupsDir, `.${name}.partial`)
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  try {
    const target = path.join(work, DATABASE_FILE[choice.kind])
    if (choice.kind === 'sqlite') {
      const client = createClient({ url: choice.url })
      try {
        await client.execute('PRAGMA busy_timeout = 10000')
        await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
      } finally {
        client.close()
      }
    } else if (choice.kind === 'postgres') {
      run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, choice.url])
    } else {
      run('mongodump', [`--uri=${choice.url}`, `--archive=${target}`])
    }
    for (const entry of DATA_ENTRIES) {
      const from = path.join(options.dataDir, entry)
      if (!existsSync(from)) continue
      cpSync(from, path.join(work, entry), { recursive: true })
    }
    const files: ManifestEntry[] = []
    for (const file of listFiles(work).sort()) {
      const full = path.join(work, file)
      files.push({ path: file, bytes: statSync(full).size, sha256: await sha256File(full) })
    }
    const manifest: Manifest = { createdAt: now.toISOString(), database: choice.kind, source: redactUri(choice.url), files }
    writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    renameSync(work, folder)
    return { folder, manifest }
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
}

/** Keeps the newest `keep` backups in backupsDir, deletes older ones; returns what was deleted. */
export function pruneBackups(backupsDir: string, keep: number): string[] {
  if (!existsSync(backupsDir)) return []
  // Oldest first by the time in the manifest: a folder name with milliseconds (two backups in one
  // second) would sort before the plain name of the same second.
  const createdAt = (folder: string) => String((JSON.parse(readFileSync(path.join(backupsDir, folder, 'manifest.json'), 'utf8')) as Manifest).createdAt)
  const dated = readdirSync(backupsDir)
    .filter((d) => /^\d{4}-\d{2}-\d{2}T/.test(d) && existsSync(path.join(backupsDir, d, 'manifest.json')))
    .sort((a, b) => createdAt(a).localeCompare(createdAt(b)) || a.localeCompare(b))
  const old = dated.slice(0, Math.max(0, dated.length - keep))
  for (const folder of old) rmSync(path.join(backupsDir, folder), { recursive: true, force: true })
  return old
}

/** Files whose content no longer matches the manifest (empty: the backup is intact). */
export async function verifyBackup(folder: string): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as Manifest
  const problems: string[] = []
  for (const entry of manifest.files) {
    const full = path.join(folder, entry.path)
    if (!existsSync(full)) problems.push(`${entry.path}: missing`)
    else if ((await sha256File(full)) !== entry.sha256) problems.push(`${entry.path}: changed since the backup`)
  }
  return problems
}

export class RestoreRefused extends Error {
  override name = 'RestoreRefused'
}

export type RestoreOptions = { folder: string; databaseUri: string | undefined; dataDir: string; force?: boolean }

/**
 * Restores a backup into an empty data folder (SQLite) or an empty database (PostgreSQL); a non-empty
 * one is refused unless `force`. The backup is verified against its manifest first.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Manifest> {
  const manifestFile = path.join(options.folder, 'manifest.json')
  if (!existsSync(manifestFile)) throw new RestoreRefused(`${options.folder} is not a backup (no manifest.json)`)
  const problems = await verifyBackup(options.folder)
  if (problems.length > 0) throw new RestoreRefused(`the backup does not match its manifest: ${problems.join('; ')}`)
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest
  const choice = chooseDatabase(options.databaseUri, options.dataDir)
  if (choice.kind !== manifest.database) throw new RestoreRefused(`the backup is of a ${manifest.database} database, DATABASE_URI selects ${choice.kind}`)
  const occupied = existsSync(options.dataDir) && readdirSync(options.dataDir).some((entry) => entry !== 'backups')
  if (occupied && !options.force) throw new RestoreRefused(`${options.dataDir} is not empty: restore into an empty folder, or pass --force to replace what is there`)
  mkdirSync(options.dataDir, { recursive: true })
  const source = path.join(options.folder, DATABASE_FILE[choice.kind])
  if (choice.kind === 'sqlite') {
    const file = choice.url.replace(/^file:/, '')
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    mkdirSync(path.dirname(file), { recursive: true })
    copyFileSync(source, file)
  } else if (choice.kind === 'postgres') {
    run('pg_restore', ['--no-owner', ...(options.force ? ['--clean', '--if-exists'] : []), `--dbname=${choice.url}`, source])
  } else {
    run('mongorestore', [`--uri=${choice.url}`, `--archive=${source}`, ...(options.force ? ['--drop'] : [])])
  }
  for (const entry of DATA_ENTRIES) {
    const from = path.join(options.folder, entry)
    if (!existsSync(from)) continue
    const to = path.join(options.dataDir, entry)
    rmSync(to, { recursive: true, force: true })
    cpSync(from, to, { recursive: true })
  }
  return manifest
}
