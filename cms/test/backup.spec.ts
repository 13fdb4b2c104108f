import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { createBackup, pruneBackups, restoreBackup, sha256File, verifyBackup } from '../src/ops/backup.ts'
import { PASSWORD, seedFixture, type Fixture } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const COLLECTIONS = ['schools', 'users', 'departments', 'posts', 'media', 'workflow-events'] as const

// Back up while staff keep writing, restore into a fresh folder, start the CMS on it: same documents,
// same files, working logins. SQLite here (the default database); PostgreSQL uses pg_dump the same way.
describe.runIf(testDatabase === 'sqlite')('backup and restore (sqlite)', () => {
  let cms: TestCms
  let fx: Fixture
  let backupsDir: string

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    backupsDir = mkdtempSync(path.join(tmpdir(), 'truongso-backups-'))
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#b91c1c' } }).png().toBuffer()
    await cms.payload.create({ collection: 'media', data: { alt: 'Ảnh sân trường', school: fx.schoolA } as never, file: { data: png, mimetype: 'image/png', name: 'san-truong.png', size: png.length }, overrideAccess: true })
  })
  const temporary: string[] = []
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix))
    temporary.push(dir)
    return dir
  }
  afterAll(async () => {
    await cms?.close()
    for (const dir of [backupsDir, ...temporary]) if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('takes a consistent copy during writes, and a fresh CMS on the restored folder has the same data and logins', { timeout: 120_000 }, async () => {
    const token = await cms.rest.login(fx.emails.schoolAdminA, PASSWORD)
    let writing = true
    let acknowledged = 0
    const writer = (async () => {
      for (let i = 0; writing && i < 500; i++) {
        const res = await cms.rest.request('POST', '/departments', { token, body: { school: fx.schoolA, name: `Tổ sao lưu ${i}` } })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
        acknowledged++
      }
    })()
    while (acknowledged < 5) await new Promise((r) => setTimeout(r, 20))
    const databaseUri = `file:${path.join(cms.dataDir, 'test.db')}`
    const { folder, manifest } = await createBackup({ databaseUri, dataDir: cms.dataDir, backupsDir })
    writing = false
    await writer

    expect(manifest.database).toBe('sqlite')
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['database.sqlite', expect.stringMatching(/^uploads\/.*san-truong/)]))
    expect(await verifyBackup(folder)).toEqual([])

    // Restore into a brand-new folder and open it with a second CMS.
    const restoredDir = tempDir('truongso-restored-')
    const restoredUri = `file:${path.join(restoredDir, 'truongso.db')}`
    await restoreBackup({ folder, databaseUri: restoredUri, dataDir: restoredDir })
    const restored = await getPayload({
      config: buildTruongsoConfig({ databaseUri: restoredUri, dataDir: restoredDir, secret: 'test-secret-not-for-production', logLevel: 'silent' }),
      key: restoredDir,
    })
    try {
      const backupCounts: Record<string, number> = {}
      const restoredCounts: Record<string, number> = {}
      const { createClient } = await import('@libsql/client')
      const copy = createClient({ url: `file:${path.join(folder, 'database.sqlite')}` })
      for (const slug of COLLECTIONS) {
        restoredCounts[slug] = (await restored.count({ collection: slug, overrideAccess: true })).totalDocs
        const table = slug.replace(/-/g, '_')
        backupCounts[slug] = Number((await copy.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n)
      }
      copy.close()
      expect(restoredCounts).toEqual(backupCounts)
      // A consistent copy: it holds what was acknowledged before it began, and no half-written department.
      expect(restoredCounts.departments).toBeGreaterThanOrEqual(5 + (fx.departments ? Object.keys(fx.departments).length : 0))
      // Same files, byte for byte.
      const uploads = readdirSync(path.join(restoredDir, 'uploads'), { recursive: true }).map(String).filter((f) => /\.(png|webp|jpe?g|avif)$/.test(f))
      expect(uploads.length).toBeGreaterThan(0)
      for (const file of uploads) expect(await sha256File(path.join(restoredDir, 'uploads', file))).toBe(await sha256File(path.join(cms.dataDir, 'uploads', file)))
      // Logins work on the restored database.
      const login = await restored.login({ collection: 'users', data: { email: fx.emails.principalA, password: PASSWORD } })
      expect(login.token).toBeTruthy()
    } finally {
      await restored.destroy()
    }
  })

  it('refuses a non-empty folder without --force, and a backup that no longer matches its manifest', async () => {
    const databaseUri = `file:${path.join(cms.dataDir, 'test.db')}`
    const { folder } = await createBackup({ databaseUri, dataDir: cms.dataDir, backupsDir, now: new Date('2026-12-02T01:00:00Z') })
    const occupied = tempDir('truongso-occupied-')
    writeFileSync(path.join(occupied, 'truongso.db'), 'not empty')
    await expect(restoreBackup({ folder, databaseUri: `file:${path.join(occupied, 'truongso.db')}`, dataDir: occupied })).rejects.toThrow(/not empty.*--force/)
    await restoreBackup({ folder, databaseUri: `file:${path.join(occupied, 'truongso.db')}`, dataDir: occupied, force: true })

    writeFileSync(path.join(folder, 'database.sqlite'), 'tampered')
    expect(await verifyBackup(folder)).toEqual(['database.sqlite: changed since the backup'])
    const fresh = tempDir('truongso-fresh-')
    await expect(restoreBackup({ folder, databaseUri: `file:${path.join(fresh, 'truongso.db')}`, dataDir: fresh })).rejects.toThrow(/does not match its manifest/)
  })

  it('keeps the newest N backups', async () => {
    const databaseUri = `file:${path.join(cms.dataDir, 'test.db')}`
    for (const day of ['03', '04', '05']) await createBackup({ databaseUri, dataDir: cms.dataDir, backupsDir, now: new Date(`2026-12-${day}T01:00:00Z`) })
    const before = readdirSync(backupsDir).filter((d) => !d.startsWith('.')).sort()
    const removed = pruneBackups(backupsDir, 2)
    expect(removed).toEqual(before.slice(0, before.length - 2))
    expect(readdirSync(backupsDir).filter((d) => !d.startsWith('.')).sort()).toEqual(before.slice(-2))
  })
})
