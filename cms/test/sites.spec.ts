import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import { schools } from '@truongso/registry'
import { foldVietnamese } from '@truongso/snapshot'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSchoolSnapshot } from '../src/sites/exportSnapshot.ts'
import { seedDistrict } from '../src/seed/index.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

type Account = { email: string; password: string; roles: string[]; school: string | null; fullName?: string }

const PAGEFIND_SIGNATURE = Buffer.from('pagefind_dcd')

/**
 * A built file's text as a reader of the site gets it: Pagefind's index files (`.pf_fragment`,
 * `.pf_index`, `.pf_meta`, `.pf_filter`) are gzip, and once unzipped start with Pagefind's
 * "pagefind_dcd" signature; scanning their raw bytes would see nothing.
 */
function readSiteText(file: string): { text: string; pagefind: boolean } {
  let data = readFileSync(file)
  if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data)
  const pagefind = data.subarray(0, PAGEFIND_SIGNATURE.length).equals(PAGEFIND_SIGNATURE)
  return { text: data.subarray(pagefind ? PAGEFIND_SIGNATURE.length : 0).toString('utf8'), pagefind }
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

// The 34 sites built by the real site build from seeded data; then publish → rebuild → live.
describe(`school sites from seeded data (${testDatabase})`, () => {
  let cms: TestCms
  let accounts: Account[]
  let dist: string
  let snapshots: string

  beforeAll(async () => {
    cms = await startTestCms()
    dist = path.join(cms.dataDir, 'sites')
    snapshots = path.join(cms.dataDir, 'snapshots')
    const file = path.join(cms.dataDir, 'demo-accounts.json')
    await seedDistrict(cms.payload, file, { records: ['tieuhocledo'] })
    accounts = JSON.parse(readFileSync(file, 'utf8'))
    // Every school: export its snapshot, build its site, through the same job the CMS queues on publish.
    const ids = await cms.payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true })
    for (const school of ids.docs) {
      await cms.payload.create({ collection: 'site-builds', data: { school: school.id, status: 'queued', trigger: 'test: initial build', requestedAt: new Date().toISOString() } as never, overrideAccess: true })
    }
    const builds = await cms.payload.find({ collection: 'site-builds', pagination: false, overrideAccess: true })
    for (const build of builds.docs) await cms.payload.jobs.queue({ task: 'truongsoRebuildSite' as never, input: { buildId: String(build.id) } as never, queue: 'sites' })
    await cms.payload.jobs.run({ queue: 'sites', limit: 100, sequential: true })
  }, 600_000)
  afterAll(async () => {
    await cms?.close()
  })

  it('builds every school of the registry', async () => {
    const failed = await cms.payload.find({ collection: 'site-builds', where: { status: { not_equals: 'succeeded' } }, overrideAccess: true })
    expect(failed.docs.map((b) => b.error)).toEqual([])
    // Each build read its own snapshot folder, removed when it ended.
    expect(readdirSync(snapshots).filter((name) => name.startsWith('.'))).toEqual([])
    for (const school of schools) {
      expect(existsSync(path.join(dist, school.slug, 'index.html')), school.slug).toBe(true)
      const home = readFileSync(path.join(dist, school.slug, 'index.html'), 'utf8')
      expect(home).toContain(`<link rel="canonical" href="${school.url}">`)
    }
  })

  it('shows published posts and nothing still in review, returned or drafted', () => {
    const site = allFiles(path.join(dist, 'tieuhocledo')).filter((f) => /\.(html|xml|json)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n')
    expect(site).toContain('Lễ khai giảng năm học mới')
    for (const hidden of ['Kế hoạch tham quan học tập tại làng rau Trà Quế', 'Kết quả thi Olympic tiếng Anh cấp trường', 'Thông báo họp phụ huynh đầu năm', 'Bản nháp: kế hoạch hoạt động ngoài giờ lên lớp', 'Thông báo lịch thi đã thay đổi (đã gỡ)']) {
      expect(site, hidden).not.toContain(hidden)
    }
  })

  it('never writes personal data, accounts or review details under dist/', async () => {
    const students = await cms.payload.find({ collection: 'students', limit: 50, overrideAccess: true, depth: 0 })
    const staff = await cms.payload.find({ collection: 'staff', limit: 20, overrideAccess: true, depth: 0 })
    expect(students.docs.length).toBeGreaterThan(20)
    const needles = [
      ...students.docs.flatMap((s) => [s.cccd, s.phone, s.currentAddress, s.fatherName, s.motherName]),
      ...staff.docs.flatMap((s) => [s.cccd, s.mobile]),
      ...accounts.map((a) => a.email),
      ...accounts.filter((a) => a.roles.some((r) => ['teacher', 'team-leader', 'school-admin', 'staff', 'homeroom-teacher'].includes(r))).map((a) => a.fullName),
      'workflowHistory',
      'lastReturnReason',
    ].filter((v): v is string => typeof v === 'string' && v.length > 5)
    // The search index also holds each text without diacritics (đ → d): look for that form too.
    const forms = [...new Set(needles.flatMap((n) => [n, foldVietnamese(n)]))]
    const files = allFiles(dist).filter((f) => statSync(f).size < 5_000_000)
    expect(files.length).toBeGreaterThan(34 * 20)
    let pagefindFiles = 0
    let publishedInIndex = false
    for (const file of files) {
      const { text, pagefind } = readSiteText(file)
      if (pagefind) pagefindFiles++
      if (pagefind && text.includes('Lễ khai giảng năm học mới')) publishedInIndex = true
      for (const needle of forms) expect(text.includes(needle), `${needle} in ${path.relative(dist, file)}`).toBe(false)
      expect(/0499\d{8}/.test(text), `a CCCD in ${path.relative(dist, file)}`).toBe(false)
    }
    // The scan did read the search index as text: it found Pagefind's files and a published title in them.
    expect(pagefindFiles).toBeGreaterThan(34 * 3)
    expect(publishedInIndex).toBe(true)
  })

  it('rebuilds a school’s site when a post is published, and drops it when unpublished', async () => {
    const login = async (role: string) => {
      const a = accounts.find((x) => x.school === 'tieuhocledo' && x.roles.includes(role))!
      return cms.rest.login(a.email, a.password)
    }
    const [teacher, leader, principal] = [await login('teacher'), await login('team-leader'), await login('principal')]
    const title = 'Thông báo lịch thi học kì I'
    const created = await cms.rest.request('POST', '/posts', { token: teacher, body: { title, section: 'thong-bao', summary: 'Lịch thi các khối.' } })
    const id = created.body.doc.id
    const act = (token: string, action: string) => cms.rest.request('POST', `/posts/${id}/workflow`, { token, body: { action } })
    await act(teacher, 'submit')
    await act(leader, 'approve')
    const otherBefore = statSync(path.join(dist, 'thcskimdong', 'index.html')).mtimeMs
    expect((await act(principal, 'publish')).status).toBe(200)
    await cms.payload.jobs.run({ queue: 'sites', sequential: true })
    const page = path.join(dist, 'tieuhocledo', 'bai-viet', 'thong-bao-lich-thi-hoc-ki-i', 'index.html')
    expect(existsSync(page)).toBe(true)
    expect(readFileSync(path.join(dist, 'tieuhocledo', 'index.html'), 'utf8')).toContain(title)
    expect(statSync(path.join(dist, 'thcskimdong', 'index.html')).mtimeMs).toBe(otherBefore) // only that school rebuilt

    expect((await act(principal, 'unpublish')).status).toBe(200)
    await cms.payload.jobs.run({ queue: 'sites', sequential: true })
    expect(existsSync(page)).toBe(false)
    expect(readFileSync(path.join(dist, 'tieuhocledo', 'index.html'), 'utf8')).not.toContain(title)
  })

  it('exports snapshots without touching other schools', async () => {
    const { snapshot } = await exportSchoolSnapshot(cms.payload, 'mamnonsonca', { snapshotsDir: snapshots, uploadsDir: path.join(cms.dataDir, 'uploads') })
    expect(snapshot.school.template).toBe('preschool')
    expect(snapshot.posts.length).toBe(13)
  })

  it('gives the sites the school’s identity, pictures, albums and documents from the CMS', async () => {
    const uploadsDir = path.join(cms.dataDir, 'uploads')
    // TH Cẩm Phô (stt 16): no logo of its own; MG Cẩm Kim (stt 3): a logo (seed: every third school).
    const { snapshot, dir } = await exportSchoolSnapshot(cms.payload, 'tieuhoccampho', { snapshotsDir: snapshots, uploadsDir })
    const school = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: 'tieuhoccampho' } }, depth: 1, overrideAccess: true })).docs[0]!
    expect(snapshot.school.fullName).toBe('Trường Tiểu học Cẩm Phô')
    // The managing body's line is the school's tier (Cơ quan quản lý), not a fixed text.
    expect(snapshot.school.managingBody).toBe((school.tier as { name: string }).name)
    expect(snapshot.introduction!.logo).toBeNull()
    const withCover = snapshot.posts.filter((p) => p.cover)
    expect(withCover.length).toBeGreaterThanOrEqual(5)
    const albums = snapshot.posts.filter((p) => p.gallery.length > 0)
    expect(albums.map((p) => p.gallery.length).sort()).toEqual([3, 5])
    // Every picture travels with the snapshot: the original and its renditions.
    for (const image of [...withCover.map((p) => p.cover!), ...albums.flatMap((p) => p.gallery)]) {
      expect(image.alt).not.toBe('')
      expect(image.sizes.map((s) => s.width)).toEqual([400, 768])
      for (const file of [image.path, ...image.sizes.map((s) => s.path)]) expect(existsSync(path.join(dir, file)), file).toBe(true)
    }
    const documents = snapshot.posts.filter((p) => p.section === 'van-ban')
    expect(documents).toHaveLength(3)
    for (const doc of documents) {
      expect(doc.document!.number).toMatch(/^\d+\//)
      expect(doc.document!.issuedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(doc.document!.issuer).not.toBe('')
      expect(doc.attachments).toHaveLength(1)
      expect(readFileSync(path.join(dir, doc.attachments[0]!.path)).subarray(0, 5).toString()).toBe('%PDF-')
    }
    expect(snapshot.posts.filter((p) => p.section !== 'van-ban').every((p) => p.document === null)).toBe(true)
    expect(snapshot.posts.some((p) => p.tags.includes('tuyển sinh'))).toBe(true)
    const camkim = (await exportSchoolSnapshot(cms.payload, 'maugiaocamkim', { snapshotsDir: snapshots, uploadsDir })).snapshot
    expect(camkim.introduction!.logo).toMatchObject({ alt: 'Biểu trưng MG Cẩm Kim', width: 256, height: 256 })
  })
})
