/**
 * Publish → live: a school with N published posts (default 500); the board publishes an approved
 * post; measured from the publish call until the new page is on disk (snapshot export + Astro build +
 * search index + swap, through the rebuild job). Prints JSON with every run.
 *   TRUONGSO_DATA_DIR=… node cms/bench/publishToLive.ts [posts] [runs]
 */
import { existsSync } from 'node:fs'
import path from 'node:path'

import { BULK_WRITE_CONTEXT, performTransition, POST_SECTIONS } from '@truongso/payload-plugin'
import { createLocalReq, getPayload } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { lexicalParagraphs } from '../src/seed/lexical.ts'
import { seedSchools } from '../src/seed/schools.ts'
import { exportSchoolSnapshot } from '../src/sites/exportSnapshot.ts'

const dataDir: string = process.env.TRUONGSO_DATA_DIR ?? ''
if (!dataDir) throw new Error('TRUONGSO_DATA_DIR is required')
const postsCount = Number(process.argv[2] ?? 500)
const runs = Number(process.argv[3] ?? 5)
const sites = { snapshotsDir: path.join(dataDir, 'snapshots'), distRoot: path.join(dataDir, 'sites') }
const payload = await getPayload({ config: buildTruongsoConfig({ databaseUri: undefined, dataDir, logLevel: 'warn', sites }) })
const ids = await seedSchools(await createLocalReq({}, payload))
const school = ids.get('tieuhocledo')!
const post = (i: number, extra: Record<string, unknown>) =>
  payload.create({
    collection: 'posts',
    overrideAccess: true,
    context: BULK_WRITE_CONTEXT,
    data: { school, title: `Tin số ${i}`, slug: `tin-so-${i}`, section: POST_SECTIONS[i % 3], summary: 'Tóm tắt.', content: lexicalParagraphs(['Nội dung bài viết dùng cho đo hiệu năng.']), department: 'Tổ 1', ...extra } as never,
  })
for (let i = 1; i <= postsCount; i++) await post(i, { _status: 'published', workflowState: 'published', publishedDate: new Date(Date.UTC(2026, 10, 24) - i * 3_600_000).toISOString() })
const principal = await payload.create({
  collection: 'users',
  overrideAccess: true,
  data: { email: 'hieutruong.bench@truongso.test', password: 'Bench-mat-khau-2026', fullName: 'Hiệu trưởng', memberships: [{ school, roles: ['principal'] }] } as never,
})
// The first full build, outside the measurement.
const builder = payload.config.collections.find((c) => c.slug === 'site-builds')
if (!builder) throw new Error('site builds are not configured')
await exportSchoolSnapshot(payload, 'tieuhocledo', { snapshotsDir: sites.snapshotsDir, uploadsDir: path.join(dataDir, 'uploads') })
const { spawnSync } = await import('node:child_process')
spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../sites/scripts/buildSchool.ts'), 'tieuhocledo', '--snapshots', sites.snapshotsDir, '--out', sites.distRoot], { stdio: 'ignore' })

const times: number[] = []
for (let run = 1; run <= runs; run++) {
  const draft = await post(postsCount + run, { _status: 'draft', workflowState: 'leader-approved', title: `Bài đo số ${run}`, slug: `bai-do-so-${run}` })
  const req = await createLocalReq({ user: { ...principal, collection: 'users' } as never }, payload)
  const page = path.join(sites.distRoot, 'tieuhocledo', 'bai-viet', `bai-do-so-${run}`, 'index.html')
  const t0 = performance.now()
  await performTransition(req, { collection: 'posts', id: draft.id, action: 'publish' }, payload.config.custom!.truongsoWorkflow as never)
  while (!existsSync(page)) {
    if (performance.now() - t0 > 120_000) throw new Error('the page did not appear within 2 minutes')
    await new Promise((r) => setTimeout(r, 25))
  }
  times.push(performance.now() - t0)
  // Let the job runner finish its bookkeeping before the next publish.
  await new Promise((r) => setTimeout(r, 300))
}
console.log(JSON.stringify({ posts: postsCount, runs: times.map((t) => Math.round(t)) }))
await payload.destroy()
process.exit(0)
