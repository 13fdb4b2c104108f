import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { parseSnapshot } from '@truongso/snapshot'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

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
  const tokens = {} as Record<Who, string>

  beforeAll(async () => {
    cms = await startTestCms({
      sites: {
        runImmediately: false,
        build: async ({ slug }) => {
          builds.push(slug)
          if (failNext) throw new Error('astro build failed: invalid snapshot field posts.0.slug')
          return { pages: 12 }
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
    const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title, section: 'thong-bao', department: 'Tổ 4-5', summary: `Tóm tắt ${title}`, ...extra } })
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
    await publishedPost('Tết trồng cây', { cover: media.id })
    const draft = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Bản nháp bí mật', section: 'thong-bao', department: 'Tổ 4-5' } })
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
})
