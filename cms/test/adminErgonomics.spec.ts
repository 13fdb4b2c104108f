import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { myDashboard } from '../../packages/payload-plugin/src/admin/dashboard.ts'
import { audienceIncludes, NAV_AUDIENCE } from '../../packages/payload-plugin/src/admin/navigation.ts'
import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

type AnyField = { name?: string; type: string; admin?: any; fields?: AnyField[]; tabs?: { fields: AnyField[] }[] }

/** Every date field of the sanitized config, with where it is. */
function dateFields(fields: AnyField[], at: string, out: { at: string; field: AnyField }[] = []) {
  for (const field of fields) {
    // Fields Payload never shows (auth sessions, lock times) are left alone.
    if ((field as { hidden?: boolean }).hidden || field.admin?.hidden === true || field.admin?.disabled === true) continue
    const here = field.name ? `${at}.${field.name}` : at
    if (field.type === 'date') out.push({ at: here, field })
    if (field.fields) dateFields(field.fields, here, out)
    for (const tab of field.tabs ?? []) dateFields(tab.fields, here, out)
  }
  return out
}

// The admin as staff meet it: what config, Local API and REST can show of it.
describe(`admin ergonomics (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const builds: string[] = []
  const users = {} as Record<Who, any>

  beforeAll(async () => {
    cms = await startTestCms({ sites: { runImmediately: false, build: async ({ slug }) => (builds.push(slug), { pages: 38 }) } })
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) {
      tokens[who as Who] = await cms.rest.login(email, PASSWORD)
      users[who as Who] = (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]
    }
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('shows every date field as dd/MM/yyyy (with a 24-hour clock when it has a time)', () => {
    // Timestamps (added by Payload after the plugins) use admin.dateFormat, checked below; Payload's own collections are not shown to staff.
    const all = cms.payload.config.collections
      .filter((c) => !c.slug.startsWith('payload-'))
      .flatMap((c) => dateFields(c.fields as AnyField[], c.slug))
      .filter((d) => !/\.(createdAt|updatedAt|deletedAt)$/.test(d.at) && !(d.field as { hidden?: boolean }).hidden && !d.field.admin?.hidden)
    expect(all.length).toBeGreaterThan(10)
    for (const { at, field } of all) {
      const date = field.admin?.date ?? {}
      const expected = date.pickerAppearance === 'dayAndTime' ? 'dd/MM/yyyy HH:mm' : date.pickerAppearance === 'timeOnly' ? 'HH:mm' : date.pickerAppearance === 'monthOnly' ? 'MM/yyyy' : 'dd/MM/yyyy'
      expect(date.displayFormat, at).toBe(expected)
    }
    const published = all.find((d) => d.at === 'posts.publishedDate')!
    expect(published.field.admin.date.displayFormat).toBe('dd/MM/yyyy')
    expect(all.find((d) => d.at === 'posts.publishAt')!.field.admin.date.timeFormat).toBe('HH:mm')
    expect(cms.payload.config.admin.dateFormat).toBe('dd/MM/yyyy HH:mm')
  })

  it('shows a teacher only the collections of their work, and the API tab only to managers', () => {
    const hidden = (slug: string, who: Who) => {
      const fn = cms.payload.collections[slug]!.config.admin.hidden
      return typeof fn === 'function' ? fn({ user: users[who] }) : Boolean(fn)
    }
    for (const slug of ['schools', 'users', 'subjects', 'school-years', 'departments', 'teaching-assignments', 'site-builds', 'record-access-logs']) {
      expect(hidden(slug, 'teacherA'), `${slug} for a teacher`).toBe(true)
      expect(hidden(slug, 'districtAdmin'), `${slug} for the district`).toBe(false)
    }
    for (const slug of ['posts', 'disclosures', 'media', 'documents', 'classes', 'students', 'staff']) {
      expect(hidden(slug, 'teacherA'), `${slug} for a teacher`).toBe(false)
    }
    expect(hidden('users', 'principalA')).toBe(false)
    expect(hidden('subjects', 'principalA')).toBe(false)
    expect(hidden('schools', 'principalA')).toBe(true)
    expect(audienceIncludes('managers', users.teamLeaderA)).toBe(false)
    expect(Object.keys(NAV_AUDIENCE)).toContain('subjects')

    const apiTab = (who: Who) => (cms.payload.collections.posts!.config.admin.components as any).views.edit.api.tab.condition({ req: { user: users[who] } })
    expect(apiTab('teacherA')).toBe(false)
    expect(apiTab('principalA')).toBe(true)
    expect(apiTab('districtOfficer')).toBe(true)
  })

  it('titles and columns name things: users by name, events by title, builds by outcome, a school column for the district', () => {
    const admin = (slug: string) => cms.payload.collections[slug]!.config.admin
    expect(admin('users').useAsTitle).toBe('fullName')
    expect(admin('workflow-events').useAsTitle).toBe('title')
    expect(admin('workflow-events').defaultColumns).toContain('actorName')
    expect(admin('site-builds').useAsTitle).toBe('summary')
    expect(admin('media').defaultColumns?.[0]).toBe('filename')
    expect(cms.payload.collections.media!.config.upload.adminThumbnail).toBe('thumbnail')
    for (const slug of ['posts', 'media', 'documents', 'students', 'classes', 'staff', 'site-builds', 'workflow-events']) {
      expect(admin(slug).defaultColumns, slug).toContain('school')
    }
    expect(admin('users').defaultColumns).not.toContain('school')
  })

  it('lists students by class then name, 50 a page, with a class drop-down and the roster on the class page', async () => {
    const students = cms.payload.collections.students!.config
    expect(students.admin.pagination?.defaultLimit).toBe(50)
    expect(students.defaultSort).toEqual(['currentClass.name', 'fullName'])
    expect(JSON.stringify(students.admin.components?.beforeListTable)).toContain('ClassFilter')
    expect(JSON.stringify(cms.payload.collections.classes!.config.fields)).toContain('ClassRoster')

    const school = fx.schoolA
    const make = (name: string) => cms.payload.create({ collection: 'classes', overrideAccess: true, data: { name, grade: 4, schoolYear: '2026-2027', school, homeroomTeacher: users.teacherA2.id } as never })
    const b = await make('4B')
    const a = await make('4A')
    const enrol = async (fullName: string, studentCode: string, klass: { id: number | string }) => {
      const s = await cms.payload.create({ collection: 'students', overrideAccess: true, data: { fullName, studentCode, school } as never })
      await cms.payload.create({ collection: 'enrolments', overrideAccess: true, data: { student: s.id, class: klass.id, schoolYear: '2026-2027', startDate: '2026-09-05T00:00:00.000Z', school } as never })
    }
    await enrol('Trần Văn Bình', 'HS3', b)
    await enrol('Lê Thị An', 'HS2', a)
    await enrol('Nguyễn Văn Cường', 'HS1', a)
    // The list as the admin asks for it: its default sort and page size, through REST with the principal's token.
    const list = await cms.rest.request('GET', `/students?sort=currentClass.name,fullName&limit=50&depth=1`, { token: tokens.principalA })
    expect(list.status, JSON.stringify(list.body)).toBe(200)
    expect(list.body.docs.map((s: any) => `${s.currentClass?.name} ${s.fullName}`)).toEqual(['4A Lê Thị An', '4A Nguyễn Văn Cường', '4B Trần Văn Bình'])
    const filtered = await cms.rest.request('GET', `/students?where[currentClass][equals]=${a.id}`, { token: tokens.principalA })
    expect(filtered.body.docs.map((s: any) => s.fullName).sort()).toEqual(['Lê Thị An', 'Nguyễn Văn Cường'])

    // The homeroom teacher's dashboard card and the roster behind the class page.
    const mine = await myDashboard(cms.payload, users.teacherA2)
    expect(mine.homeroom.map((c) => `${c.name}:${c.size}`).sort()).toEqual(['4A:2', '4B:1'])
    const roster = await cms.rest.request('GET', `/classes/${a.id}/roster`, { token: tokens.teacherA2 })
    expect(roster.status).toBe(200)
    expect(roster.body.size).toBe(2)
  })

  it("puts a teacher's posts under review on their dashboard, with the state, and offers a new post", async () => {
    const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Hội thi vẽ tranh', section: 'thong-bao', department: fx.departments['Tổ 4-5'] } })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    const before = await myDashboard(cms.payload, users.teacherA)
    expect(before.canWritePosts).toBe(true)
    expect(before.inReview.find((i) => i.id === id)).toBeUndefined()
    const submitted = await cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens.teacherA, body: { action: 'submit' } })
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    const after = await myDashboard(cms.payload, users.teacherA)
    expect(after.inReview.find((i) => i.id === id)).toMatchObject({ collection: 'posts', title: 'Hội thi vẽ tranh', state: 'submitted' })
    // Nobody else's dashboard lists it as theirs.
    expect((await myDashboard(cms.payload, users.teacherA2)).inReview.find((i) => i.id === id)).toBeUndefined()
    expect((await myDashboard(cms.payload, users.districtOfficer)).canWritePosts).toBe(false)
  })

  it("names the actor of a review step for a colleague who may not read the actor's account", async () => {
    const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Lịch thi học kì I', section: 'thong-bao', department: fx.departments['Tổ 4-5'] } })
    const id = created.body.doc.id
    await cms.payload.update({ collection: 'users', id: users.teacherA.id, overrideAccess: true, data: { fullName: 'Nguyễn Thị Hoa' } as never })
    expect((await cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens.teacherA, body: { action: 'submit' } })).status).toBe(200)
    // The team leader cannot read the teacher's account…
    const account = await cms.rest.request('GET', `/users/${users.teacherA.id}`, { token: tokens.teamLeaderA })
    expect(account.status).not.toBe(200)
    // …but the history names her (and nothing else of hers).
    const events = await cms.rest.request('GET', `/workflow-events?where[documentId][equals]=${id}&depth=1`, { token: tokens.teamLeaderA })
    expect(events.status, JSON.stringify(events.body)).toBe(200)
    const step = events.body.docs.find((e: any) => e.action === 'submit')
    expect(step.actorName).toBe('Nguyễn Thị Hoa')
    expect(JSON.stringify(step)).not.toContain(fx.emails.teacherA)
  })

  it('writes the build log in words', async () => {
    const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Khai giảng năm học mới', section: 'thong-bao', department: fx.departments['Tổ 4-5'] } })
    const id = created.body.doc.id
    for (const [who, action] of [['teacherA', 'submit'], ['teamLeaderA', 'approve'], ['principalA', 'publish']] as const) {
      const res = await cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens[who], body: { action } })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    const queued = await cms.payload.find({ collection: 'site-builds', where: { trigger: { equals: `posts ${id}: published` } }, overrideAccess: true, depth: 0 })
    expect(queued.docs[0]).toMatchObject({ cause: 'Đã đăng bài «Khai giảng năm học mới»', summary: 'Đang chờ xây lại website' })
    await cms.payload.jobs.run({ queue: 'sites' })
    const done = await cms.payload.findByID({ collection: 'site-builds', id: queued.docs[0]!.id, overrideAccess: true, depth: 0 })
    expect(done.status).toBe('succeeded')
    expect(done.summary).toMatch(/^Xây lại website: 38 trang trong \d+,\d s$/)
    expect(builds).toContain('tieuhocledo')
  })
})
