import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { BULK_WRITE_CONTEXT, SKIP_SITE_REBUILD } from '@truongso/payload-plugin'
import { parseSnapshot } from '@truongso/snapshot'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'

import { exportSchoolSnapshot } from '../src/sites/exportSnapshot.ts'
import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

// A photo large enough for sharp to make the smaller sizes (it never enlarges).
const PNG = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#5a8f3c' } }).png().toBuffer()

describe(`published-content snapshot and site rebuilds (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const builds: string[] = []
  let failNext = false
  // A slow build: while `gate` is set, a build waits for it; `onStart` hears when a build starts.
  let gate: Promise<void> | null = null
  let onStart: (() => void) | null = null
  let active = 0
  let maxActive = 0
  const tokens = {} as Record<Who, string>

  beforeAll(async () => {
    cms = await startTestCms({
      sites: {
        runImmediately: false,
        build: async ({ slug }) => {
          builds.push(slug)
          active++
          maxActive = Math.max(maxActive, active)
          try {
            onStart?.()
            if (gate) await gate
            if (failNext) throw new Error('astro build failed: invalid snapshot field posts.0.slug')
            return { pages: 12 }
          } finally {
            active--
          }
        },
      },
    })
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
  })
  afterAll(async () => {
    await cms?.close()
  })

  const act = (who: Who, id: unknown, action: string) =>
    cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens[who], body: { action } })

  async function publishedPost(title: string, extra: Record<string, unknown> = {}) {
    const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title, section: 'thong-bao', department: fx.departments['Tổ 4-5'], summary: `Tóm tắt ${title}`, ...extra } })
    const id = created.body.doc.id
    await act('teacherA', id, 'submit')
    await act('teamLeaderA', id, 'approve')
    const res = await act('principalA', id, 'publish')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return id
  }

  it('contains exactly the published content, with its files, and no personal data', async () => {
    const media = await cms.payload.create({
      collection: 'media',
      data: { alt: 'Học sinh trồng cây', school: fx.schoolA } as never,
      file: { data: PNG, mimetype: 'image/png', name: 'trong-cay.png', size: PNG.length },
      overrideAccess: true,
    })
    const text = (t: string) => ({ type: 'text', text: t, version: 1, format: 0, detail: 0, mode: 'normal', style: '' })
    const content = {
      root: {
        type: 'root', version: 1, format: '', indent: 0, direction: null,
        children: [
          { type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, children: [text('Các em trồng cây ở sân trường.')] },
          { type: 'upload', version: 3, format: '', id: 'anh-trong-cay', fields: null, relationTo: 'media', value: media.id },
        ],
      },
    }
    await publishedPost('Tết trồng cây', { cover: media.id, content })
    const draft = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Bản nháp bí mật', section: 'thong-bao', department: fx.departments['Tổ 4-5'] } })
    expect(draft.status).toBe(201)

    const { dir, snapshot } = await exportSchoolSnapshot(cms.payload, 'tieuhocledo', {
      snapshotsDir: path.join(cms.dataDir, 'snap-test'),
      uploadsDir: path.join(cms.dataDir, 'uploads'),
    })
    const raw = readFileSync(path.join(dir, 'snapshot.json'), 'utf8')
    expect(parseSnapshot(JSON.parse(raw)).school).toMatchObject({ slug: 'tieuhocledo', url: 'http://tieuhocledo.quangnam.vnptweb.vn/', template: 'primary' })
    expect(snapshot.posts.map((p) => p.title)).toContain('Tết trồng cây')
    expect(raw).not.toContain('Bản nháp bí mật')
    for (const email of Object.values(fx.emails)) expect(raw).not.toContain(email)
    expect(raw).not.toMatch(/workflowHistory|lastReturnReason|"author"|consent/)
    const post = snapshot.posts.find((p) => p.title === 'Tết trồng cây')!
    expect(post.cover?.alt).toBe('Học sinh trồng cây')
    expect(post.cover?.sizes.length).toBeGreaterThan(0)
    for (const file of [post.cover!.path, ...post.cover!.sizes.map((s) => s.path)]) expect(existsSync(path.join(dir, file)), file).toBe(true)
    // The photo inside the text is on the site too, as a responsive image whose files are in the snapshot.
    const inline = /<img src="\/(files\/[^"]+)" srcset="([^"]+)"[^>]* alt="Học sinh trồng cây"/.exec(post.html)
    expect(inline, post.html).not.toBeNull()
    expect(existsSync(path.join(dir, inline![1]!))).toBe(true)
    for (const candidate of inline![2]!.split(', ')) expect(existsSync(path.join(dir, candidate.split(' ')[0]!.slice(1))), candidate).toBe(true)
    expect(readdirSync(path.join(cms.dataDir, 'snap-test')).filter((d) => d.startsWith('.tmp'))).toEqual([])
  })

  it('queues one rebuild per burst of publishes for the school, and logs a failure for the admin', async () => {
    const before = builds.length
    await publishedPost('Tin một')
    await publishedPost('Tin hai')
    await publishedPost('Tin ba')
    const queued = await cms.payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true })
    expect(queued.totalDocs).toBe(1)
    await cms.payload.jobs.run({ queue: 'sites' })
    expect(builds.slice(before)).toEqual(['tieuhocledo'])
    const done = await cms.payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 1, overrideAccess: true })
    expect(done.docs[0]).toMatchObject({ status: 'succeeded', pages: 12 })

    failNext = true
    await publishedPost('Tin bốn')
    await cms.payload.jobs.run({ queue: 'sites' })
    failNext = false
    const failed = await cms.payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 1, overrideAccess: true })
    expect(failed.docs[0]).toMatchObject({ status: 'failed' })
    expect(String(failed.docs[0]!.error)).toContain('invalid snapshot field')
    // The school admin sees it; another school does not; the public does not.
    const asAdmin = await cms.rest.request('GET', '/site-builds?sort=-requestedAt', { token: tokens.schoolAdminA })
    expect(asAdmin.body.docs[0].status).toBe('failed')
    expect((await cms.rest.request('GET', '/site-builds', { token: tokens.principalB })).body.docs).toHaveLength(0)
    expect((await cms.rest.request('GET', '/site-builds')).status).toBe(403)
  })

  const countBuilds = async (status: string) =>
    (await cms.payload.count({ collection: 'site-builds', where: { and: [{ school: { equals: fx.schoolA } }, { status: { equals: status } }] }, overrideAccess: true })).totalDocs

  it('runs one build per school at a time; publishes during a build give exactly one follow-up build', async () => {
    await cms.payload.jobs.run({ queue: 'sites' })
    const before = builds.length
    maxActive = 0
    let release!: () => void
    gate = new Promise<void>((resolve) => (release = resolve))
    const started = new Promise<void>((resolve) => (onStart = resolve))

    const open = () => {
      gate = null
      onStart = null
      release()
    }
    // Whatever fails below, the gate opens: later tests must not find builds held at it.
    onTestFinished(open)

    await publishedPost('Tin năm')
    const firstRun = cms.payload.jobs.run({ queue: 'sites' })
    await started // the build is now running, held at the gate
    onStart = null
    expect(await countBuilds('running')).toBe(1)

    // Two publishes during the build: one follow-up build, queued, which the second joins.
    await publishedPost('Tin sáu')
    await publishedPost('Tin bảy')
    expect(await countBuilds('queued')).toBe(1)
    // Another job runner (the queue's scheduled run, a publish's immediate run) picks up the
    // follow-up's jobs now: they wait for the running build of the school instead of starting.
    const secondRun = cms.payload.jobs.run({ queue: 'sites' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(builds.length - before).toBe(1)
    expect(await countBuilds('queued')).toBe(1)

    open()
    await Promise.all([firstRun, secondRun])
    await cms.payload.jobs.run({ queue: 'sites' })
    expect(builds.slice(before)).toEqual(['tieuhocledo', 'tieuhocledo'])
    expect(maxActive).toBe(1)
    expect(await countBuilds('queued')).toBe(0)
    expect(await countBuilds('running')).toBe(0)
    const latest = await cms.payload.find({ collection: 'site-builds', sort: '-requestedAt', limit: 2, overrideAccess: true })
    expect(latest.docs.map((b) => b.status)).toEqual(['succeeded', 'succeeded'])
    expect(String(latest.docs[0]!.trigger)).toMatch(/published/)
  })

  it('rebuilds the school when a live post or disclosure is deleted, not for a draft or with the skip flag', async () => {
    await cms.payload.jobs.run({ queue: 'sites' })
    const before = builds.length
    const postId = await publishedPost('Tin sẽ bị xoá')
    await cms.payload.jobs.run({ queue: 'sites' })
    expect(builds.length - before).toBe(1)

    // The board deletes the live post: one rebuild of that school, requested by the delete.
    const deleted = await cms.rest.request('DELETE', `/posts/${postId}`, { token: tokens.principalA })
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    const queued = await cms.payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true })
    expect(queued.docs.map((b) => b.trigger)).toEqual([`posts ${postId}: deleted`])
    await cms.payload.jobs.run({ queue: 'sites' })
    expect(builds.slice(before + 1)).toEqual(['tieuhocledo'])

    // A disclosure that was live, likewise.
    const disclosure = await cms.payload.create({
      collection: 'disclosures',
      overrideAccess: true,
      context: BULK_WRITE_CONTEXT,
      data: { school: fx.schoolA, title: 'Công khai cơ sở vật chất', group: 'general', schoolYear: '2025-2026', _status: 'published', workflowState: 'published' } as never,
    })
    expect(await countBuilds('queued')).toBe(0)
    expect((await cms.rest.request('DELETE', `/disclosures/${disclosure.id}`, { token: tokens.principalA })).status).toBe(200)
    expect(await countBuilds('queued')).toBe(1)
    await cms.payload.jobs.run({ queue: 'sites' })
    expect(builds.slice(before + 1)).toEqual(['tieuhocledo', 'tieuhocledo'])

    // Deleting several live posts at once (one transaction) asks for one build.
    const [one, two] = [await publishedPost('Tin xoá một'), await publishedPost('Tin xoá hai')]
    await cms.payload.jobs.run({ queue: 'sites' })
    const bulk = await cms.rest.request('DELETE', `/posts?where[id][in][0]=${one}&where[id][in][1]=${two}`, { token: tokens.principalA })
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200)
    expect(bulk.body.docs).toHaveLength(2)
    expect(await countBuilds('queued')).toBe(1)
    await cms.payload.jobs.run({ queue: 'sites' })
    expect(await countBuilds('queued')).toBe(0)

    // A draft never was on the site: deleting it rebuilds nothing.
    const draft = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Nháp sẽ bị xoá', section: 'thong-bao', department: fx.departments['Tổ 4-5'] } })
    expect((await cms.rest.request('DELETE', `/posts/${draft.body.doc.id}`, { token: tokens.teacherA })).status).toBe(200)
    // Nor does a delete by trusted bulk code that rebuilds the sites itself.
    const other = await publishedPost('Tin xoá hàng loạt')
    await cms.payload.jobs.run({ queue: 'sites' })
    await cms.payload.delete({ collection: 'posts', id: other, overrideAccess: true, context: { [SKIP_SITE_REBUILD]: true } })
    expect(await countBuilds('queued')).toBe(0)
  })

  it('rebuilds the school when its introduction goes live, not for a draft over the live page or with the skip flag', async () => {
    await cms.payload.jobs.run({ queue: 'sites' })
    const intro = (await cms.payload.find({ collection: 'introductions', where: { school: { equals: fx.schoolA } }, limit: 1, overrideAccess: true })).docs[0]!
    const triggers = async () => (await cms.payload.find({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true })).docs.map((b) => String(b.trigger))
    const publish = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.principalA, body: { schoolName: 'Trường A (đăng)', _status: 'published' } })
    expect(publish.status, JSON.stringify(publish.body)).toBe(200)
    expect(await triggers()).toEqual([`introductions ${intro.id}: published`])
    await cms.payload.jobs.run({ queue: 'sites' })
    // A draft saved over the live page leaves the site as it is.
    const draft = await cms.rest.request('PATCH', `/introductions/${intro.id}?draft=true`, { token: tokens.principalA, body: { schoolName: 'Trường A (nháp)' } })
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    expect(await triggers()).toEqual([])
    // Trusted bulk code that builds the sites itself asks for nothing.
    await cms.payload.update({ collection: 'introductions', id: intro.id, overrideAccess: true, context: BULK_WRITE_CONTEXT, data: { schoolName: 'Trường A (nạp)', _status: 'published' } as never })
    expect(await triggers()).toEqual([])
  })
})
