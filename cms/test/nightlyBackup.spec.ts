/**
 * The nightly backup job (cms/src/ops/nightlyBackup.ts): Payload's scheduler queues it for the next
 * due time, once; run, it writes a verified backup and keeps only the newest TRUONGSO_BACKUP_KEEP.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { verifyBackup } from '../src/ops/backup.ts'
import { BACKUP_QUEUE, NIGHTLY_BACKUP_TASK } from '../src/ops/nightlyBackup.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

describe(`nightly backup job (${testDatabase})`, () => {
  let cms: TestCms
  const backupsDir = mkdtempSync(path.join(tmpdir(), 'truongso-nightly-'))
  const backups = () => readdirSync(backupsDir).filter((d) => !d.startsWith('.')).sort()

  beforeAll(async () => {
    // Read when the config is built.
    process.env.TRUONGSO_BACKUP_DIR = backupsDir
    process.env.TRUONGSO_BACKUP_KEEP = '2'
    process.env.TRUONGSO_BACKUP_CRON = '0 2 * * *'
    cms = await startTestCms()
    await cms.payload.create({ collection: 'schools', data: { slug: 'tieuhocledo' } as never })
  })
  afterAll(async () => {
    delete process.env.TRUONGSO_BACKUP_DIR
    delete process.env.TRUONGSO_BACKUP_KEEP
    delete process.env.TRUONGSO_BACKUP_CRON
    await cms?.close()
    rmSync(backupsDir, { recursive: true, force: true })
  })

  const jobs = async () => (await cms.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: NIGHTLY_BACKUP_TASK } }, sort: 'createdAt', pagination: false, overrideAccess: true })).docs

  it('is scheduled for the next 02:00, once however often the scheduler looks', async () => {
    const first = await cms.payload.jobs.handleSchedules({ queue: BACKUP_QUEUE })
    expect(first.queued).toHaveLength(1)
    const again = await cms.payload.jobs.handleSchedules({ queue: BACKUP_QUEUE })
    expect(again.queued).toHaveLength(0)
    const [job] = await jobs()
    expect(job).toBeDefined()
    const due = new Date(String(job!.waitUntil))
    expect(due.getTime()).toBeGreaterThan(Date.now())
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000)
    expect([due.getHours(), due.getMinutes()]).toEqual([2, 0])
    // Nothing runs before it is due.
    await cms.payload.jobs.run({ queue: BACKUP_QUEUE })
    expect(backups()).toEqual([])
  })

  it('writes a verified backup when due, and keeps the newest two', async () => {
    const [scheduled] = await jobs()
    // The night has come.
    await cms.payload.update({ collection: 'payload-jobs', id: scheduled!.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
    await cms.payload.jobs.run({ queue: BACKUP_QUEUE })
    expect(backups()).toHaveLength(1)
    // Completed, so Payload removed the job (a failed one would stay, with its error, to be retried).
    expect(await jobs()).toEqual([])
    const first = backups()[0]!
    expect(existsSync(path.join(backupsDir, first, 'manifest.json'))).toBe(true)
    expect(await verifyBackup(path.join(backupsDir, first))).toEqual([])

    for (let night = 0; night < 2; night++) {
      await cms.payload.jobs.queue({ task: NIGHTLY_BACKUP_TASK as never, input: {} as never, queue: BACKUP_QUEUE })
      await cms.payload.jobs.run({ queue: BACKUP_QUEUE })
    }
    const kept = backups()
    expect(kept).toHaveLength(2)
    expect(kept).not.toContain(first)
    for (const folder of kept) expect(await verifyBackup(path.join(backupsDir, folder))).toEqual([])
  })
})
