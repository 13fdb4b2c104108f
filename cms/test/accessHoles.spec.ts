import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { currentSchoolYear, passwordPolicyViolations } from '@truongso/payload-plugin'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { exportSchoolSnapshot } from '../src/sites/exportSnapshot.ts'
import { generatePassword } from '../src/seed/demoAccounts.ts'
import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

// Issue 10, "Two access holes": a colleague's lockout lifted by any member; another school's file
// attached to a post (and so copied to this school's public site by the export).

const PNG = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2f6f9f' } }).png().toBuffer()
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R>>\nstartxref\n0\n%%EOF\n')

type Upload = { id: number | string; filename: string; sizes?: Record<string, { filename?: string | null }> }

describe(`access holes of issue 10 (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  let mediaA: Upload
  let mediaB: Upload
  let docA: Upload
  let docB: Upload

  beforeAll(async () => {
    cms = await startTestCms({ maxLoginAttempts: 3, lockMinutes: 10, sites: { runImmediately: false, build: async () => ({ pages: 1 }) } })
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const media = async (school: number | string, name: string) =>
      (await cms.payload.create({
        collection: 'media',
        data: { alt: `Ảnh ${name}`, school } as never,
        file: { data: PNG, mimetype: 'image/png', name, size: PNG.length },
        overrideAccess: true,
      })) as unknown as Upload
    const document = async (school: number | string, name: string) =>
      (await cms.payload.create({
        collection: 'documents',
        data: { title: `Tệp ${name}`, school } as never,
        file: { data: PDF, mimetype: 'application/pdf', name, size: PDF.length },
        overrideAccess: true,
      })) as unknown as Upload
    mediaA = await media(fx.schoolA, 'anh-truong-a.png')
    mediaB = await media(fx.schoolB, 'anh-truong-b.png')
    docA = await document(fx.schoolA, 'ke-hoach-truong-a.pdf')
    docB = await document(fx.schoolB, 'ke-hoach-truong-b.pdf')
  })
  afterAll(async () => {
    await cms?.close()
  })

  const stored = async (email: string) =>
    (await cms.payload.db.findOne({ collection: 'users', where: { email: { equals: email } } })) as unknown as { lockUntil?: string | null; loginAttempts?: number }
  const userId = async (email: string) => (await cms.payload.db.findOne({ collection: 'users', where: { email: { equals: email } } }))!.id as number | string

  async function lock(email: string) {
    for (let i = 0; i < 3; i++) await cms.rest.request('POST', '/users/login', { body: { email, password: 'sai-mat-khau-123' } })
    expect((await stored(email)).lockUntil).toBeTruthy()
    expect((await cms.rest.request('POST', '/users/login', { body: { email, password: PASSWORD } })).status).toBe(401)
  }
  const unlock = (who: Who, email: string) => cms.rest.request('POST', '/users/unlock', { token: tokens[who], body: { email } })

  describe('unlocking an account', () => {
    it('leaves every role its admin pages: the permissions every page computes never fail on the unlock rule', async () => {
      // The admin evaluates each access function (unlock included) for every page; a refusal there
      // must be "not allowed", not an error that turns /admin into a 500 for teachers.
      for (const who of ['teacherA', 'teamLeaderA', 'vicePrincipalA', 'principalA', 'districtOfficer'] as Who[]) {
        const res = await cms.rest.request('GET', '/access', { token: tokens[who] })
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200)
        expect(res.body.collections.users.unlock?.permission ?? false).toBe(who === 'principalA')
      }
    })

    it('is refused to a colleague, a team leader, the vice-principal and another school, and the lockout stays', async () => {
      const email = fx.emails.teacherA2
      await lock(email)
      for (const who of ['teacherA', 'teamLeaderA', 'vicePrincipalA', 'principalB', 'teacherB', 'districtOfficer'] as Who[]) {
        const res = await unlock(who, email)
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(403)
        expect(res.body.errors[0].message, who).toMatch(/Hiệu trưởng|không được phép/)
        expect((await stored(email)).lockUntil, who).toBeTruthy()
      }
      expect((await cms.rest.request('POST', '/users/unlock', { body: { email } })).status).toBe(403)
      const asTeacher = await unlock('teacherA', email)
      expect(asTeacher.body.errors[0].message).toBe('Chỉ Quản trị hồ sơ trường, Hiệu trưởng của trường hoặc Quản trị Phòng GDĐT được mở khoá tài khoản này.')
      // The password still cannot be tried again.
      expect((await cms.rest.request('POST', '/users/login', { body: { email, password: PASSWORD } })).status).toBe(401)
    })

    it('works for the principal and the school admin of the school, and for the district admin', async () => {
      const email = fx.emails.teacherA2
      for (const who of ['principalA', 'schoolAdminA', 'districtAdmin'] as Who[]) {
        if (!(await stored(email)).lockUntil) await lock(email)
        const res = await unlock(who, email)
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200)
        expect((await stored(email)).lockUntil ?? null, who).toBeNull()
        expect(await cms.rest.login(email, PASSWORD), who).toBeTruthy()
      }
    })

    it('a school admin cannot unlock a district account that shares the school', async () => {
      const officer = await userId(fx.emails.districtOfficer)
      await cms.payload.update({ collection: 'users', id: officer, overrideAccess: true, data: { memberships: [{ school: fx.schoolA, roles: ['teacher'] }] } as never })
      await lock(fx.emails.districtOfficer)
      expect((await unlock('principalA', fx.emails.districtOfficer)).status).toBe(403)
      expect((await stored(fx.emails.districtOfficer)).lockUntil).toBeTruthy()
      expect((await unlock('districtAdmin', fx.emails.districtOfficer)).status).toBe(200)
    })
  })

  const introductionOf = async (school: number | string) =>
    (await cms.payload.find({ collection: 'introductions', where: { school: { equals: school } }, limit: 1, draft: true, overrideAccess: true })).docs[0]!

  const text = (t: string) => ({ type: 'text', text: t, version: 1, format: 0, detail: 0, mode: 'normal', style: '' })
  const richText = (...uploads: { id: number | string }[]) => ({
    root: {
      type: 'root', version: 1, format: '', indent: 0, direction: null,
      children: [
        { type: 'paragraph', version: 1, format: '', indent: 0, direction: null, textFormat: 0, children: [text('Tin của trường.')] },
        ...uploads.map((u, i) => ({ type: 'upload', version: 3, format: '', id: `anh-${i}`, fields: null, relationTo: 'media', value: u.id })),
      ],
    },
  })
  const postsTitled = async (title: string) =>
    (await cms.payload.count({ collection: 'posts', where: { title: { equals: title } }, overrideAccess: true })).totalDocs
  const refusedField = (res: { status: number; body: any }, label: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400)
    expect(res.body.errors[0].message).toContain(label)
    expect(res.body.errors[0].message).toContain('không thuộc trường')
  }

  describe("another school's files on a post", () => {
    it('are refused on create: cover, attachments and an image in the text, drafts included', async () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['cover', { cover: mediaB.id }, 'Ảnh đại diện'],
        ['attachments', { attachments: [docA.id, docB.id] }, 'Tệp đính kèm'],
        ['inline image', { content: richText(mediaA, mediaB) }, 'Nội dung'],
      ]
      for (const [name, body, label] of cases) {
        const title = `Bài lấy tệp trường khác (${name})`
        const res = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title, section: 'thong-bao', ...body } })
        refusedField(res, label)
        // The admin form marks the field itself.
        expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path.split('.')[0]), name).toEqual([Object.keys(body)[0]])
        refusedField(await cms.rest.request('POST', '/posts?draft=true', { token: tokens.teacherA, body: { title, section: 'thong-bao', ...body } }), label)
        expect(await postsTitled(title), name).toBe(0)
      }
      // In English for an English admin.
      const en = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'English', cover: mediaB.id }, language: 'en' })
      expect(en.status).toBe(400)
      expect(en.body.errors[0].message).toContain('another school')
      // The school's own files are fine.
      const own = await cms.rest.request('POST', '/posts', {
        token: tokens.teacherA,
        body: { title: 'Bài dùng tệp của trường', section: 'thong-bao', cover: mediaA.id, attachments: [docA.id], content: richText(mediaA) },
      })
      expect(own.status, JSON.stringify(own.body)).toBe(201)
    })

    it('are refused on update, and the post keeps its files', async () => {
      const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Bài sẽ sửa', section: 'thong-bao', cover: mediaA.id, attachments: [docA.id] } })
      expect(created.status).toBe(201)
      const id = created.body.doc.id
      refusedField(await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.teacherA, body: { cover: mediaB.id } }), 'Ảnh đại diện')
      refusedField(await cms.rest.request('PATCH', `/posts/${id}?draft=true`, { token: tokens.teacherA, body: { attachments: [docB.id] } }), 'Tệp đính kèm')
      refusedField(await cms.rest.request('PATCH', `/posts/${id}?draft=true`, { token: tokens.teacherA, body: { content: richText(mediaB) } }), 'Nội dung')
      const after = await cms.payload.findByID({ collection: 'posts', id, draft: true, depth: 0, overrideAccess: true })
      expect(after.cover).toBe(mediaA.id)
      expect(after.attachments).toEqual([docA.id])
      expect(after.content).toBeFalsy()
    })

    it('are refused when the board publishes a version that holds one, and nothing goes live', async () => {
      const created = await cms.rest.request('POST', '/posts', { token: tokens.principalA, body: { title: 'Bài của hiệu trưởng', section: 'thong-bao', cover: mediaA.id } })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const id = created.body.doc.id
      // The working copy is changed behind the application's back (a direct database write).
      const versions = await cms.payload.findVersions({ collection: 'posts', where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true })
      const latest = versions.docs[0]!
      await cms.payload.db.updateVersion({ collection: 'posts', id: latest.id, versionData: { ...latest, version: { ...latest.version, cover: mediaB.id } } as never })
      expect((await cms.payload.findByID({ collection: 'posts', id, draft: true, depth: 0, overrideAccess: true })).cover).toBe(mediaB.id)
      const publish = await cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens.principalA, body: { action: 'publish' } })
      refusedField(publish, 'Ảnh đại diện')
      const live = await cms.payload.findByID({ collection: 'posts', id, draft: false, depth: 0, overrideAccess: true })
      expect(live._status).not.toBe('published')
      const events = await cms.payload.count({ collection: 'workflow-events', where: { documentId: { equals: String(id) } }, overrideAccess: true })
      expect(events.totalDocs).toBe(0)
    })

    it("a disclosure's attachments and the introduction's images likewise", async () => {
      const disclosure = await cms.rest.request('POST', '/disclosures', {
        token: tokens.principalA,
        body: { title: 'Công khai', group: 'plan-results', schoolYear: currentSchoolYear(), attachments: [docB.id] },
      })
      refusedField(disclosure, 'Tài liệu công khai')
      const intro = await introductionOf(fx.schoolA)
      refusedField(await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.principalA, body: { orgChart: mediaB.id } }), 'Sơ đồ tổ chức')
      const own = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.principalA, body: { orgChart: mediaA.id, history: richText(mediaA) } })
      expect(own.status, JSON.stringify(own.body)).toBe(200)
    })
  })

  describe("another school's records", () => {
    let deptB: { id: number | string }
    let classA: { id: number | string }
    let classB: { id: number | string }
    const year = currentSchoolYear()

    beforeAll(async () => {
      deptB = await cms.payload.create({ collection: 'departments', overrideAccess: true, data: { school: fx.schoolB, name: 'Tổ của trường B' } as never })
      classA = await cms.payload.create({ collection: 'classes', overrideAccess: true, data: { school: fx.schoolA, name: '4A', grade: 4, schoolYear: year } as never })
      classB = await cms.payload.create({ collection: 'classes', overrideAccess: true, data: { school: fx.schoolB, name: '4B', grade: 4, schoolYear: year } as never })
    })

    it('a department, class or teacher of another school is refused on records', async () => {
      const staff = await cms.rest.request('POST', '/staff', { token: tokens.schoolAdminA, body: { school: fx.schoolA, fullName: 'Nguyễn Thị Mới', department: deptB.id } })
      refusedField(staff, 'Tổ bộ môn')
      // A photo of the other school's records, in a tab of the staff record.
      const photoB = await cms.payload.create({
        collection: 'record-photos',
        data: { school: fx.schoolB } as never,
        file: { data: PNG, mimetype: 'image/png', name: 'anh-ho-so-b.png', size: PNG.length },
        overrideAccess: true,
      })
      refusedField(await cms.rest.request('POST', '/staff', { token: tokens.schoolAdminA, body: { school: fx.schoolA, fullName: 'Nguyễn Thị Mới', photo: photoB.id } }), 'Ảnh')
      expect((await cms.payload.count({ collection: 'staff', where: { fullName: { equals: 'Nguyễn Thị Mới' } }, overrideAccess: true })).totalDocs).toBe(0)

      // A post filed under the other school's department would wait for a reviewer of that school.
      const post = await cms.rest.request('POST', '/posts?draft=true', { token: tokens.teacherA, body: { title: 'Bài sai tổ', section: 'thong-bao', department: deptB.id } })
      expect(post.status, JSON.stringify(post.body)).toBe(400)
      expect(await postsTitled('Bài sai tổ')).toBe(0)

      const teacherA = await userId(fx.emails.teacherA)
      const teacherB = await userId(fx.emails.teacherB)
      const subject = async (school: number | string) =>
        (await cms.payload.create({ collection: 'subjects', overrideAccess: true, data: { school, name: 'Toán', grade: 4, schoolYear: year, kind: 'primary' } as never })).id
      const subjectA = await subject(fx.schoolA)
      const subjectB = await subject(fx.schoolB)
      const assignment = (body: Record<string, unknown>) =>
        cms.rest.request('POST', '/teaching-assignments', { token: tokens.principalA, body: { school: fx.schoolA, subject: subjectA, term: 'year', schoolYear: year, ...body } })
      refusedField(await assignment({ teacher: teacherA, class: classA.id, subject: subjectB }), 'Môn học')
      refusedField(await assignment({ teacher: teacherA, class: classB.id }), 'Lớp')
      refusedField(await assignment({ teacher: teacherB, class: classA.id }), 'Giáo viên')
      expect((await assignment({ teacher: teacherA, class: classA.id })).status).toBe(201)

      refusedField(await cms.rest.request('PATCH', `/classes/${classA.id}`, { token: tokens.principalA, body: { homeroomTeacher: teacherB } }), 'Giáo viên chủ nhiệm')
      const homeroom = await cms.rest.request('PATCH', `/classes/${classA.id}`, { token: tokens.principalA, body: { homeroomTeacher: teacherA } })
      expect(homeroom.status, JSON.stringify(homeroom.body)).toBe(200)
    })
  })

  describe('introductions', () => {
    it('no user creates one, not even the board or the district admin', async () => {
      const before = (await cms.payload.count({ collection: 'introductions', overrideAccess: true })).totalDocs
      for (const who of ['principalA', 'schoolAdminA', 'vicePrincipalA', 'teacherA', 'districtAdmin'] as Who[]) {
        const res = await cms.rest.request('POST', '/introductions', { token: tokens[who], body: {} })
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(403)
        const withSchool = await cms.rest.request('POST', '/introductions', { token: tokens[who], body: { school: fx.schoolB, schoolName: 'X' } })
        expect(withSchool.status, who).toBe(403)
      }
      expect((await cms.rest.request('POST', '/introductions', { body: {} })).status).toBe(403)
      expect((await cms.payload.count({ collection: 'introductions', overrideAccess: true })).totalDocs).toBe(before)
    })

    it('every school gets one (a draft) when it is created, and only one', async () => {
      for (const school of [fx.schoolA, fx.schoolB]) {
        const intros = await cms.payload.find({ collection: 'introductions', where: { school: { equals: school } }, draft: true, overrideAccess: true })
        expect(intros.totalDocs).toBe(1)
        expect(intros.docs[0]!._status).toBe('draft')
      }
      const fresh = await cms.rest.request('POST', '/schools', { token: tokens.districtAdmin, body: { slug: 'mamnoncaman' } })
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(201)
      const intro = await introductionOf(fresh.body.doc.id)
      expect(intro.schoolName).toBe('MG Cẩm An')
      // Its managers edit it; nobody makes a second one, not even server code.
      await expect(cms.payload.create({ collection: 'introductions', overrideAccess: true, data: { school: fx.schoolB } as never })).rejects.toMatchObject({ status: 409 })
      await expect(cms.payload.create({ collection: 'introductions', overrideAccess: true, data: {} as never })).rejects.toMatchObject({ status: 400 })
    })
  })

  describe('the site export', () => {
    it("never contains another school's file, even when the database was changed directly", async () => {
      const created = await cms.rest.request('POST', '/posts', {
        token: tokens.principalA,
        body: { title: 'Bài đã đăng', section: 'thong-bao', cover: mediaA.id, attachments: [docA.id], content: richText(mediaA) },
      })
      expect(created.status).toBe(201)
      const id = created.body.doc.id
      const published = await cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens.principalA, body: { action: 'publish' } })
      expect(published.status, JSON.stringify(published.body)).toBe(200)
      // Behind the application's back: the live row now points at school B's files.
      await cms.payload.db.updateOne({
        collection: 'posts',
        id,
        data: { cover: mediaB.id, attachments: [docA.id, docB.id], content: richText(mediaA, mediaB) },
      })
      const warn = vi.spyOn(cms.payload.logger, 'warn')
      const { dir, snapshot } = await exportSchoolSnapshot(cms.payload, 'tieuhocledo', {
        snapshotsDir: path.join(cms.dataDir, 'snap-holes'),
        uploadsDir: path.join(cms.dataDir, 'uploads'),
      })
      const raw = readFileSync(path.join(dir, 'snapshot.json'), 'utf8')
      const files = readdirSync(path.join(dir, 'files'))
      const namesOf = (u: Upload) => [u.filename, ...Object.values(u.sizes ?? {}).map((s) => s?.filename).filter((f): f is string => Boolean(f))]
      for (const name of [...namesOf(mediaB), ...namesOf(docB)]) {
        expect(raw).not.toContain(name)
        expect(files).not.toContain(name)
      }
      const post = snapshot.posts.find((p) => p.id === String(id))!
      expect(post.cover).toBeNull()
      expect(post.attachments.map((a) => a.filename)).toEqual([docA.filename])
      expect(files).toContain(mediaA.filename)
      expect(files).toContain(docA.filename)
      const logged = warn.mock.calls.map((call) => String(call[0]))
      expect(logged.some((line) => line.includes(`skipped media ${mediaB.id} of school ${fx.schoolB}`) && line.includes(`post ${id}`))).toBe(true)
      expect(logged.some((line) => line.includes(`skipped documents ${docB.id} of school ${fx.schoolB}`))).toBe(true)
      warn.mockRestore()
    })
  })

  it('the passwords the demo seed generates pass the stricter policy', () => {
    for (let i = 0; i < 500; i++) {
      const password = generatePassword()
      expect(passwordPolicyViolations(password, 'giaovien@demo.truongso.vn'), password).toEqual([])
    }
  })
})
