import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { readBuildResult, type BuildWorkerMessage, type BuildWorkerRequest } from '@truongso/snapshot/build-result'
import { afterAll, describe, expect, it } from 'vitest'

import { DEFAULT_NAV, FOOTER, menuLinks, QUICK_LINKS } from '../src/lib/pages.ts'
import { changedFixture, fixtures, SLUG, tempDir } from './helpers.ts'

const sitesDir = path.resolve(import.meta.dirname, '..')
const dist = tempDir('seam')
afterAll(() => rmSync(dist, { recursive: true, force: true }))

const build = (slug: string) =>
  spawnSync(process.execPath, ['--no-deprecation', 'scripts/buildSchool.ts', slug, '--snapshots', fixtures, '--out', dist], { cwd: sitesDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })

describe('the build seam: one JSON result line on stdout', () => {
  it('reports the pages of a successful build, and nothing else on stdout', () => {
    const run = build(SLUG)
    expect(run.status).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(readBuildResult(run.stdout)).toMatchObject({ ok: true, slug: SLUG, pages: expect.any(Number) })
    expect((readBuildResult(run.stdout) as { pages: number }).pages).toBeGreaterThan(40)
    expect(run.stderr).toContain(`[sites] ${SLUG}:`)
  }, 120_000)

  it('reports a failed build with its error', () => {
    const run = build('khongcotruong')
    expect(run.status).toBe(1)
    expect(readBuildResult(run.stdout)).toEqual({ ok: false, slug: 'khongcotruong', error: expect.stringMatching(/no snapshot for "khongcotruong"/) })
  })

  it('finds no result in output that is not one', () => {
    expect(readBuildResult('')).toBeNull()
    expect(readBuildResult('[sites] x: 12 pages in 1.0s\n')).toBeNull()
    expect(readBuildResult('{"ok":true,"slug":"x"}')).toBeNull()
  })
})

/** The build worker as the CMS runs it (fork, IPC); `next` waits for its next message of a type. */
function startWorker(env: Record<string, string> = {}) {
  const child: ChildProcess = fork(path.join(sitesDir, 'scripts/buildWorker.ts'), [], {
    cwd: sitesDir,
    execArgv: ['--no-deprecation'],
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const messages: BuildWorkerMessage[] = []
  const waiting: (() => void)[] = []
  child.on('message', (m: BuildWorkerMessage) => {
    messages.push(m)
    waiting.splice(0).forEach((w) => w())
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  async function next<T extends BuildWorkerMessage['type']>(type: T): Promise<Extract<BuildWorkerMessage, { type: T }>> {
    for (;;) {
      const i = messages.findIndex((m) => m.type === type)
      if (i >= 0) return messages.splice(i, 1)[0] as Extract<BuildWorkerMessage, { type: T }>
      if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${stderr}`)
      await new Promise<void>((resolve) => waiting.push(resolve))
    }
  }
  let id = 0
  const build = async (snapshotsDir: string, distRoot: string, slugs = [SLUG]) => {
    const request: BuildWorkerRequest = { type: 'build', id: ++id, slugs, snapshotsDir, distRoot }
    child.send(request)
    const result = await next('result')
    expect(result.id).toBe(request.id)
    return result.results
  }
  return { child, next, build, exited, stderr: () => stderr }
}

describe('the build worker (Astro kept warm between builds)', () => {
  const out = tempDir('worker')
  const home = () => readFileSync(path.join(out, SLUG, 'index.html'), 'utf8')
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('warms up, then builds request after request from each one’s snapshot, keeping a failed school’s site', async () => {
    const worker = startWorker({ SITE_WORKER_MAX_BUILDS: '4' })
    try {
      expect((await worker.next('ready')).warmUpMs).toBeGreaterThan(0)
      const [first] = await worker.build(fixtures, out)
      expect(first).toMatchObject({ ok: true, slug: SLUG, pages: expect.any(Number) })
      const before = home()

      // The same worker, a changed snapshot: the new content, nothing left from the previous build.
      const changed = changedFixture((s) => (s.posts[0].title = 'Thông báo đã sửa trong worker'))
      const [second] = await worker.build(changed, out)
      expect(second).toMatchObject({ ok: true })
      expect(home()).toContain('Thông báo đã sửa trong worker')
      expect(home()).not.toBe(before)

      // Astro throws (the feed rejects the date): that school fails with Astro's error, its site stays.
      const after = home()
      const broken = changedFixture((s) => (s.posts[0].publishedDate = 'không phải ngày'))
      const [third] = await worker.build(broken, out)
      expect(third).toMatchObject({ ok: false, error: expect.stringMatching(/astro build failed[\s\S]*pubDate/) })
      expect(home()).toBe(after)
      expect(readdirSync(out).filter((d) => d.startsWith('.'))).toEqual([])

      // It still builds afterwards, and after its 4th build it retires; `stop` ends it.
      worker.child.send({ type: 'build', id: 4, slugs: [SLUG], snapshotsDir: fixtures, distRoot: out } satisfies BuildWorkerRequest)
      expect(await worker.next('result')).toMatchObject({ id: 4, results: [{ ok: true }], retiring: true })
      worker.child.send({ type: 'stop' } satisfies BuildWorkerRequest)
      expect(await worker.exited).toBe(0)
      for (const dir of [changed, broken]) rmSync(dir, { recursive: true, force: true })
    } finally {
      worker.child.kill()
    }
  }, 180_000)

  it('exits when the CMS goes away (its IPC channel closes)', async () => {
    const worker = startWorker({ SITE_WORKER_WARM_UP: '0' })
    await worker.next('ready')
    worker.child.disconnect()
    expect(await worker.exited).toBe(0)
  })

  it('refuses to run without the CMS (no IPC channel)', () => {
    const run = spawnSync(process.execPath, ['--no-deprecation', 'scripts/buildWorker.ts'], { cwd: sitesDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('child process of the CMS')
  })
})

describe('the CMS’s side of the worker (cms/src/sites/buildSite.ts)', () => {
  const out = tempDir('worker-client')
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('survives a worker that dies mid-build: that build fails, the site stays, the next build gets a fresh worker', async () => {
    const { SiteBuildWorker } = await import('../../cms/src/sites/buildSite.ts')
    const worker = new SiteBuildWorker(sitesDir, { env: { SITE_WORKER_WARM_UP: '0', SITE_WORKER_MAX_BUILDS: '2' } })
    try {
      expect(await worker.build(SLUG, fixtures, out)).toEqual({ pages: expect.any(Number) })
      const before = readFileSync(path.join(out, SLUG, 'index.html'), 'utf8')
      const first = worker.pid!
      const changed = changedFixture((s) => (s.posts[0].title = 'Không bao giờ lên mạng'))
      const dying = worker.build(SLUG, changed, out)
      setTimeout(() => process.kill(first, 'SIGKILL'), 300)
      await expect(dying).rejects.toThrow(/build worker was killed \(SIGKILL\) during the build \(previous site kept\)/)
      expect(readFileSync(path.join(out, SLUG, 'index.html'), 'utf8')).toBe(before)

      const fixed = changedFixture((s) => (s.posts[0].title = 'Lên mạng sau sự cố'))
      expect(await worker.build(SLUG, fixed, out)).toEqual({ pages: expect.any(Number) })
      const second = worker.pid
      expect(second).not.toBe(first)
      expect(readFileSync(path.join(out, SLUG, 'index.html'), 'utf8')).toContain('Lên mạng sau sự cố')
      // A failed build is an error with the build's own message, and the worker goes on.
      await expect(worker.build('khongcotruong', fixtures, out)).rejects.toThrow(/site build of khongcotruong failed: no snapshot for "khongcotruong"/)
      // That was the second worker's 2nd build: it retired, and a successor builds the next one.
      expect(worker.pid).not.toBe(second)
      expect(await worker.build(SLUG, fixtures, out)).toEqual({ pages: expect.any(Number) })
      for (const dir of [changed, fixed]) rmSync(dir, { recursive: true, force: true })
    } finally {
      worker.close()
    }
  }, 180_000)
})

describe('one list of pages', () => {
  it('gives navigation, the quick links and the footer their links from the same pages', () => {
    expect(menuLinks(DEFAULT_NAV, true).map((l) => l.href)).toEqual(['/', '/gioi-thieu/', '/thong-bao/', '/thong-tin-chuyen-mon/', '/tin-hoat-dong/', '/van-ban/', '/cong-khai/', '/tuyen-sinh/', '/thu-vien-anh/', '/gop-y/', '/tim-kiem/'])
    expect(menuLinks(QUICK_LINKS, true).find((l) => l.href === '/gioi-thieu/')?.label).toBe('Giới thiệu nhà trường')
    expect(menuLinks({ ...DEFAULT_NAV, labels: { 'chuyen-mon': 'Thông tin chuyên môn' } }, true)[3]).toEqual({ href: '/thong-tin-chuyen-mon/', label: 'Thông tin chuyên môn' })
    // The contact page exists only with an introduction.
    expect(menuLinks(FOOTER, true).map((l) => l.href)).toContain('/gioi-thieu/lien-he/')
    expect(menuLinks(FOOTER, false).map((l) => l.href)).not.toContain('/gioi-thieu/lien-he/')
  })
})
