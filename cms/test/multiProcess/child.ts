/**
 * One process of the multi-process test (multiProcess.spec.ts), on the PostgreSQL database in MP_DB:
 *
 *   setup           creates the schema and 10 schools, prints their ids
 *   cms <n>         a CMS process: publishes MP_PUBLISHES posts in bursts over the schools (the
 *                   scheduler's publish through the workflow, which requests the rebuild as a user's
 *                   publish does), and runs site jobs right after each publish as the web process does
 *   worker          `pnpm worker`'s loop, until SIGTERM
 *   check           waits until MP_EXPECT posts are published and no build is queued, running or
 *                   waiting for its job, prints the state
 *
 * The site build is a fake: it reads the school's published posts at its start, sleeps 100–300 ms,
 * and appends {slug, pid, start, end, posts} to MP_LOG.
 */
import { appendFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { performTransition } from '@truongso/payload-plugin'
import { schools } from '@truongso/registry'
import { createLocalReq, getPayload, type Payload } from 'payload'

import { buildTruongsoConfig } from '../../src/lib/buildConfig.ts'
import { runWorker, stopOnSignals } from '../../src/worker.ts'

const [role = '', arg = '0'] = process.argv.slice(2)
const log = process.env.MP_LOG!
const lockTtlMs = Number(process.env.MP_LOCK_TTL_MS ?? 5000)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
// 10 schools of the district's registry.
const SLUGS = schools.slice(0, 10).map((s) => s.slug)

async function fakeBuild({ slug, payload }: { slug: string; payload: Payload }) {
  const start = Date.now()
  const school = (await payload.find({ collection: 'schools', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })).docs[0]!
  const posts = await payload.find({ collection: 'posts', where: { and: [{ school: { equals: school.id } }, { _status: { equals: 'published' } }] }, pagination: false, depth: 0, overrideAccess: true, select: {} })
  await sleep(100 + Math.random() * 200)
  appendFileSync(log, JSON.stringify({ slug, pid: process.pid, start, end: Date.now(), posts: posts.docs.map((p) => String(p.id)) }) + '\n')
  return { pages: posts.docs.length }
}

if (role !== 'cms') process.env.TRUONGSO_DISABLE_JOBS = '1'
const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-mp-'))
const config = buildTruongsoConfig({
  databaseUri: process.env.MP_DB,
  dataDir,
  secret: 'test-secret-not-for-production',
  logLevel: process.env.TEST_LOG_LEVEL ?? 'warn',
  plugin: { sites: { build: fakeBuild, lockTtlMs, runImmediately: true } },
})
const payload = await getPayload({ config, key: `${role}-${arg}` })
const print = (value: unknown) => process.stdout.write(`RESULT ${JSON.stringify(value)}\n`)

if (role === 'setup') {
  const ids: Record<string, string> = {}
  for (const slug of SLUGS) ids[slug] = String((await payload.create({ collection: 'schools', data: { slug } as never, overrideAccess: true })).id)
  print(ids)
} else if (role === 'cms') {
  const targets = (await payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true })).docs
  const options = payload.config.custom!.truongsoWorkflow as never
  const total = Number(process.env.MP_PUBLISHES ?? 25)
  const published: { id: string; school: string }[] = []
  let n = 0
  // Bursts of 5 publishes at once, a short pause between them.
  while (n < total) {
    const burst = Array.from({ length: Math.min(5, total - n) }, () => {
      const school = targets[Math.floor(Math.random() * targets.length)]!
      const title = `Tin ${arg}-${n++}`
      return (async () => {
        const post = await payload.create({ collection: 'posts', draft: true, overrideAccess: true, data: { title, section: 'thong-bao', school: school.id, _status: 'draft' } as never })
        const req = await createLocalReq({}, payload)
        await performTransition(req, { collection: 'posts', id: post.id, action: 'publish' } as never, options, { as: 'auto-publish' })
        published.push({ id: String(post.id), school: String(school.id) })
      })()
    })
    await Promise.all(burst)
    await sleep(150 + Math.random() * 250)
  }
  // Let the builds this process started right after its publishes finish before it stops.
  await sleep(1500)
  print(published)
} else if (role === 'worker') {
  const controller = stopOnSignals(payload)
  process.stdout.write('READY\n')
  await runWorker(payload, { signal: controller.signal, pollMs: 200, lockTtlMs })
  print({ stopped: true })
} else if (role === 'check') {
  const deadline = Date.now() + Number(process.env.MP_CHECK_TIMEOUT_MS ?? 150_000)
  let quiet = 0
  for (;;) {
    const busy = await payload.count({ collection: 'site-builds', where: { status: { in: ['queued', 'running'] } }, overrideAccess: true })
    const jobs = await payload.count({ collection: 'payload-jobs' as never, where: { and: [{ queue: { equals: 'sites' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] }, overrideAccess: true })
    const published = await payload.count({ collection: 'posts', where: { _status: { equals: 'published' } }, overrideAccess: true })
    const all = published.totalDocs >= Number(process.env.MP_EXPECT ?? 0)
    quiet = all && busy.totalDocs === 0 && jobs.totalDocs === 0 ? quiet + 1 : 0
    if (quiet >= 3 || Date.now() > deadline) break
    await sleep(300)
  }
  const builds = await payload.find({ collection: 'site-builds', pagination: false, depth: 0, overrideAccess: true })
  const byStatus: Record<string, number> = {}
  for (const b of builds.docs) byStatus[String(b.status)] = (byStatus[String(b.status)] ?? 0) + 1
  const posts = await payload.find({ collection: 'posts', where: { _status: { equals: 'published' } }, pagination: false, depth: 0, overrideAccess: true })
  const all = await payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true })
  print({ byStatus, published: posts.docs.map((p) => ({ id: String(p.id), school: String(typeof p.school === 'object' ? (p.school as { id: unknown }).id : p.school) })), slugs: Object.fromEntries(all.docs.map((s) => [String(s.id), String(s.slug)])) })
}

await payload.destroy()
process.exit(0)
