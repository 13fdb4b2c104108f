/**
 * The nightly backup: a scheduled Payload job (queue `backups`) that runs `pnpm backup`'s backup
 * (backup.ts) and keeps the newest N. Whichever CMS or worker process runs jobs picks it up;
 * Payload's scheduler queues it once per due time (its default rule: not while one is queued or
 * running), and a failed backup is retried and shows in the job log (payload-jobs) and in
 * GET /api/health's count of failed jobs.
 *
 * Settings (environment): TRUONGSO_BACKUP_CRON (default `0 2 * * *`, 02:00 server time; `off`
 * disables it), TRUONGSO_BACKUP_KEEP (default 14), TRUONGSO_BACKUP_DIR (default cms/backups/).
 */
import path from 'node:path'

import { message } from '@truongso/payload-plugin'
import type { JobsConfig, TaskConfig } from 'payload'
import { z } from 'zod'

import { cmsDir } from '../lib/paths.ts'
import { createBackup, pruneBackups } from './backup.ts'

export const BACKUP_QUEUE = 'backups'
export const NIGHTLY_BACKUP_TASK = 'truongsoNightlyBackup'

const settingsSchema = z.object({
  TRUONGSO_BACKUP_CRON: z
    .string()
    .trim()
    .regex(/^(off|(\S+\s+){4,5}\S+)$/, 'a cron expression of 5 or 6 fields, or "off"')
    .default('0 2 * * *'),
  TRUONGSO_BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  TRUONGSO_BACKUP_DIR: z.string().min(1).optional(),
})

export type BackupSettings = { cron: string | null; keep: number; backupsDir: string }

export function backupSettings(env: Record<string, string | undefined> = process.env): BackupSettings {
  const parsed = settingsSchema.safeParse(env)
  if (!parsed.success) throw new Error(`backup settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const s = parsed.data
  return { cron: s.TRUONGSO_BACKUP_CRON === 'off' ? null : s.TRUONGSO_BACKUP_CRON, keep: s.TRUONGSO_BACKUP_KEEP, backupsDir: s.TRUONGSO_BACKUP_DIR ?? path.join(cmsDir, 'backups') }
}

/** The task and the schedule that runs it, for the CMS's jobs config. */
export function nightlyBackupJobs(options: { databaseUri: string | undefined; dataDir: string; settings: BackupSettings }): Pick<JobsConfig, 'tasks' | 'autoRun'> {
  const { settings } = options
  const task: TaskConfig = {
    slug: NIGHTLY_BACKUP_TASK,
    label: message(null, 'jobs.nightly-backup'),
    retries: 2,
    outputSchema: [
      { name: 'folder', type: 'text', required: true },
      { name: 'files', type: 'number', required: true },
      { name: 'bytes', type: 'number', required: true },
      { name: 'removed', type: 'json' },
    ],
    ...(settings.cron ? { schedule: [{ cron: settings.cron, queue: BACKUP_QUEUE }] } : {}),
    handler: async ({ req }) => {
      const { folder, manifest } = await createBackup({ databaseUri: options.databaseUri, dataDir: options.dataDir, backupsDir: settings.backupsDir })
      const removed = pruneBackups(settings.backupsDir, settings.keep)
      const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0)
      req.payload.logger.info(`nightly backup written to ${folder} (${manifest.files.length} files, ${bytes} bytes); removed ${removed.length} older`)
      return { output: { folder, files: manifest.files.length, bytes, removed } }
    },
  }
  return {
    tasks: [task],
    // Checks every 5 minutes whether the backup is due (scheduling) and runs it (one at a time).
    // Tests and one-off scripts turn job processing off; they then schedule nothing either.
    autoRun: settings.cron ? [{ cron: '*/5 * * * *', queue: BACKUP_QUEUE, limit: 1, disableScheduling: process.env.TRUONGSO_DISABLE_JOBS === '1' }] : [],
  }
}
