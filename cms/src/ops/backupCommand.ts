/**
 * `pnpm backup [--keep N]` and `pnpm restore <folder> [--force]`.
 * Backups go to TRUONGSO_BACKUP_DIR (default: cms/backups/, git-ignored), one dated folder each,
 * with manifest.json (SHA-256 of every file); `--keep N` deletes all but the newest N afterwards.
 * Restore verifies the manifest, then fills an empty data folder (TRUONGSO_DATA_DIR, default cms/data)
 * or the database DATABASE_URI names; a non-empty one is refused without --force.
 */
import path from 'node:path'

import { cmsDir, dataDir } from '../lib/paths.ts'
import { createBackup, pruneBackups, restoreBackup, RestoreRefused } from './backup.ts'

const [command, ...rest] = process.argv.slice(2)
const backupsDir = process.env.TRUONGSO_BACKUP_DIR ?? path.join(cmsDir, 'backups')
const flag = (name: string) => rest.includes(name)
const value = (name: string) => {
  const i = rest.indexOf(name)
  return i >= 0 ? rest[i + 1] : undefined
}

try {
  if (command === 'backup') {
    const started = performance.now()
    const { folder, manifest } = await createBackup({ databaseUri: process.env.DATABASE_URI, dataDir, backupsDir })
    const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0)
    console.log(`[backup] ${manifest.database}: ${manifest.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)}s → ${folder}`)
    const keep = value('--keep')
    if (keep) for (const old of pruneBackups(backupsDir, Number(keep))) console.log(`[backup] removed the older backup ${old}`)
  } else if (command === 'restore') {
    const folder = rest.find((a) => !a.startsWith('--'))
    if (!folder) throw new RestoreRefused('usage: pnpm restore <backup folder> [--force]')
    const manifest = await restoreBackup({ folder: path.resolve(folder), databaseUri: process.env.DATABASE_URI, dataDir, force: flag('--force') })
    console.log(`[restore] ${manifest.database} backup of ${manifest.createdAt} restored into ${dataDir}; start the CMS as usual`)
  } else {
    throw new RestoreRefused('usage: pnpm backup [--keep N] | pnpm restore <folder> [--force]')
  }
  process.exit(0)
} catch (error) {
  console.error(`[${command ?? 'backup'}] ${error instanceof Error ? error.message : String(error)}`)
  process.exit(error instanceof RestoreRefused ? 2 : 1)
}
