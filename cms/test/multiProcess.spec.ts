import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { requestSiteRebuild } from '@truongso/payload-plugin'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { tryAcquireLease } from '../../packages/payload-plugin/src/sites/leases.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'multiProcess/child.ts')

describe(`the build lock in the database: a stale lock is taken over (${testDatabase})`, () => {
  let cms: TestCms
  const built: string[] = []
  beforeAll(async () => {
    cms = await startTestCms({ sites: { runImmediately: false, lockTtlMs: 1000, build: async ({ slug }) => (built.push(slug), { pages: 1 }) } })
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('a live lock blocks a second holder; a dead holder’s lock expires and its half-done build is marked failed', async () => {
    const { payload } = cms
    const school = await payload.create({ collection: 'schools', data: { slug: 'tieuhocledo' } as never, overrideAccess: true })
    const first = await tryAcquireLease(payload, 'test:a', 60_000)
    expect(first).not.toBeNull()
    expect(await tryAcquireLease(payload, 'test:a', 60_000)).toBeNull()
    await first!.release()
    const again = await tryAcquireLease(payload, 'test:a', 60_000)
    expect(again?.tookOver).toBe(false)
    await again!.release()

    // A process died mid-build: its lock is past expiry, never released, and its build is left `running`.
    await payload.create({ collection: 'site-build-locks' as never, overrideAccess: true, data: { name: `build:${school.id}`, generation: 7, key: `build:${school.id}#7`, holder: 'dead-host:1:x', expiresAt: new Date(Date.now() - 5_000).toISOString() } as never })
    const orphan = await payload.create({ collection: 'site-builds', overrideAccess: true, data: { school: school.id, status: 'running', trigger: 'test: orphan', requestedAt: new Date(Date.now() - 60_000).toISOString() } as never })
    const { buildId } = await requestSiteRebuild(payload, school.id, 'test: after the crash', { build: async () => ({}), runImmediately: false })
    await payload.jobs.run({ queue: 'sites' })
    expect(built).toEqual(['tieuhocledo'])
    expect((await payload.findByID({ collection: 'site-builds', id: buildId, overrideAccess: true })).status).toBe('succeeded')
    const left = await payload.findByID({ collection: 'site-builds', id: orphan.id, overrideAccess: true })
    expect(left.status).toBe('failed')
    expect(String(left.error)).toMatch(/dừng giữa chừng/)
    // The new holder took generation 8 and released it.
    const locks = await payload.find({ collection: 'site-build-locks' as never, where: { name: { equals: `build:${school.id}` } }, sort: '-generation', overrideAccess: true })
    expect(locks.docs[0]).toMatchObject({ generation: 8 })
    expect((locks.docs[0] as { releasedAt?: string }).releasedAt).toBeTruthy()
  })
})

const POSTGRES = process.env.TEST_POSTGRES_URI
if (!POSTGRES) console.warn('[multiProcess.spec] TEST_POSTGRES_URI is unset: the test with several processes on PostgreSQL is skipped')

type Child = { process: ChildProcess; stdout: string; exit: Promise<number | null> }

function start(role: string, env: Record<string, string>, arg = '0'): Child {
  const child = spawn(process.execPath, ['--no-deprecation', CHILD, role, arg], { env: { ...process.env, ...env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] })
  const handle: Child = { process: child, stdout: '', exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) }
  let stderr = ''
  child.stdout!.on('data', (chunk) => (handle.stdout += chunk))
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  void handle.exit.then((code) => {
    if (code !== 0) console.error(`[multiProcess.spec] ${role} ${arg} exited with ${code}:\n${stderr.slice(-3000)}`)
  })
  return handle
}
const result = (child: Child) => JSON.parse(/^RESULT (.*)$/m.exec(child.stdout)?.[1] ?? 'null')
const ready = (child: Child) =>
  new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (child.stdout.includes('READY')) {
        clearInterval(timer)
        resolve()
      } else if (child.process.exitCode !== null) {
        clearInterval(timer)
        reject(new Error('worker exited early'))
      }
    }, 100)
  })

type BuildRecord = { slug: string; pid: number; start: number; end: number; posts: string[] }

describe.skipIf(!POSTGRES)('several processes on one PostgreSQL database: two CMS processes, two workers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-mp-test-'))
  const log = path.join(dir, 'builds.jsonl')
  const name = `truongso_mp_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  let env: Record<string, string>
  const children: Child[] = []

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: POSTGRES })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const uri = new URL(POSTGRES!)
    uri.pathname = `/${name}`
    env = { MP_DB: uri.toString(), MP_LOG: log, MP_LOCK_TTL_MS: '5000', MP_PUBLISHES: '25' }
  })
  afterAll(async () => {
    for (const child of children) if (child.process.exitCode === null) child.process.kill('SIGKILL')
    await Promise.all(children.map((c) => c.exit))
    const admin = new pg.Client({ connectionString: POSTGRES })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)
    await admin.end()
    rmSync(dir, { recursive: true, force: true })
  })

  it('50 publishes over 10 schools in bursts: every site has every post, no school built twice at once, nothing lost', async () => {
    const setup = start('setup', env)
    children.push(setup)
    expect(await setup.exit).toBe(0)
    expect(Object.keys(result(setup))).toHaveLength(10)
    const t0 = Date.now()

    // Everything else at once: two workers, two CMS processes publishing, and the checker waiting for the end.
    const workers = [start('worker', env, '1'), start('worker', env, '2')]
    const cmses = [start('cms', env, '1'), start('cms', env, '2')]
    const check = start('check', { ...env, MP_EXPECT: '50' })
    children.push(...workers, ...cmses, check)
    await Promise.all(workers.map(ready))
    expect(await Promise.all(cmses.map((c) => c.exit))).toEqual([0, 0])
    const published = cmses.flatMap((c) => result(c) as { id: string; school: string }[])
    expect(published).toHaveLength(50)
    expect(await check.exit).toBe(0)
    console.log(`[multiProcess.spec] publishes and builds done ${((Date.now() - t0) / 1000).toFixed(1)} s after the schema was set up`)
    const state = result(check) as { byStatus: Record<string, number>; published: { id: string; school: string }[]; slugs: Record<string, string> }
    // Graceful stop: the workers finish and exit 0.
    for (const worker of workers) worker.process.kill('SIGTERM')
    expect(await Promise.all(workers.map((w) => w.exit))).toEqual([0, 0])

    expect(state.byStatus.queued ?? 0).toBe(0)
    expect(state.byStatus.running ?? 0).toBe(0)
    expect(state.byStatus.failed ?? 0).toBe(0)
    expect(state.published.map((p) => p.id).sort()).toEqual(published.map((p) => p.id).sort())

    expect(existsSync(log)).toBe(true)
    const builds = readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as BuildRecord)
    const bySlug = new Map<string, BuildRecord[]>()
    for (const build of builds) bySlug.set(build.slug, [...(bySlug.get(build.slug) ?? []), build])
    // Builds ran in more than one process.
    expect(new Set(builds.map((b) => b.pid)).size).toBeGreaterThan(1)

    for (const [schoolId, slug] of Object.entries(state.slugs)) {
      const mine = (bySlug.get(slug) ?? []).sort((a, b) => a.start - b.start)
      const posts = published.filter((p) => p.school === schoolId).map((p) => p.id).sort()
      if (posts.length === 0) continue
      // Never two builds of one school at once, in any process.
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.start, `${slug}: build ${i} started before build ${i - 1} ended`).toBeGreaterThanOrEqual(mine[i - 1]!.end)
      // The last build has every post published for the school.
      expect([...mine.at(-1)!.posts].sort(), slug).toEqual(posts)
    }
    // Coalescing: never more builds than publishes.
    expect(builds.length).toBeLessThanOrEqual(50)
  }, 180_000)
})
