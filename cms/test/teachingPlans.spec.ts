import { message } from '@truongso/payload-plugin'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { PlanStatusTable } from '../../packages/payload-plugin/src/components/TeachingPlans/StatusTable.tsx'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, any>

// Weekly teaching plans (issue 14 items 3 and 7) over REST with real logins: generated from the
// timetable and the PPCT, lesson numbers continuing across weeks, edits limited, submit, status, acknowledge.
describe(`teaching plans over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => cms.rest.request(method, path, { token: who ? tokens[who] : undefined, body })
  const generate = (who: Who | null, weekStart: string) => call(who, 'POST', '/teaching-plans/generate', { weekStart })
  const stored = async (id: ID) => (await cms.payload.findByID({ collection: 'teaching-plans' as never, id, depth: 0, overrideAccess: true })) as unknown as Doc
  const lessonsOf = (doc: Doc) => (doc.rows as Doc[]).map((r) => [r.date, String(r.class) === String(ids.c61) ? '6/1' : '6/2', r.lessonNumber, r.lessonTitle])

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA), data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA2), data: { fullName: 'Lê Văn Hai' } as never, overrideAccess: true })
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    ids.teacherA = await userId(fx.emails.teacherA)
    ids.teacherA2 = await userId(fx.emails.teacherA2)
    ids.c61 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR })
    ids.c62 = await create('classes', { name: '6/2', grade: 6, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.van = await create('subjects', { name: 'Ngữ văn', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.toan61 = await create('teaching-assignments', { teacher: ids.teacherA, class: ids.c61, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.toan62 = await create('teaching-assignments', { teacher: ids.teacherA, class: ids.c62, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.van61 = await create('teaching-assignments', { teacher: ids.teacherA2, class: ids.c61, subject: ids.van, term: 'year', schoolYear: YEAR })
    await create('syllabi', { subjectName: 'Toán', grade: 6, schoolYear: YEAR, department: fx.departments['Tổ 4-5'], lessons: Array.from({ length: 10 }, (_, i) => ({ number: i + 1, title: `Toán bài ${i + 1}` })) })
    const t61 = await create('timetables', { class: ids.c61, term: 'hk1', startsOn: '2026-09-07' })
    const t62 = await create('timetables', { class: ids.c62, term: 'hk1', startsOn: '2026-09-07' })
    const slot = (timetable: ID, teachingAssignment: ID, day: number, period: number) => create('timetable-slots', { timetable, teachingAssignment, day, session: 'morning', period })
    // teacherA: Toán 6/1 Monday 1 and Wednesday 2, Toán 6/2 Monday 2 and Thursday 1; teacherA2: Ngữ văn 6/1 Tuesday 1.
    await slot(t61, ids.toan61, 2, 1)
    await slot(t61, ids.toan61, 4, 2)
    await slot(t62, ids.toan62, 2, 2)
    await slot(t62, ids.toan62, 5, 1)
    await slot(t61, ids.van61, 3, 1)
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('the school admin sets the deadline rule; a malformed rule is refused', async () => {
    const bad = await call('schoolAdminA', 'POST', '/teaching-settings', { school: fx.schoolA, planDeadlineKind: 'days-before' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('số ngày')
    expect((await call('teacherA', 'POST', '/teaching-settings', { school: fx.schoolA, planDeadlineKind: 'days-before', planDeadlineDays: 3 })).status).toBe(403)
    const good = await call('schoolAdminA', 'POST', '/teaching-settings', { school: fx.schoolA, planDeadlineKind: 'days-before', planDeadlineDays: 10, firstPeriodTime: '07:00' })
    expect(good.status, JSON.stringify(good.body)).toBe(201)
  })

  it('generates week 1 from the timetable and the PPCT, two classes counted apart, deadline from the school’s rule', async () => {
    const res = await generate('teacherA', '2026-11-11')
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids.week1 = res.body.doc.id
    expect(res.body.doc).toMatchObject({ weekStart: '2026-11-09', schoolYear: YEAR, status: 'draft', late: false, deadline: '2026-10-30T00:00:00.000Z' })
    expect(String(res.body.doc.teacher)).toBe(String(ids.teacherA))
    expect(lessonsOf(res.body.doc)).toEqual([
      ['2026-11-09', '6/1', 1, 'Toán bài 1'],
      ['2026-11-09', '6/2', 1, 'Toán bài 1'],
      ['2026-11-11', '6/1', 2, 'Toán bài 2'],
      ['2026-11-12', '6/2', 2, 'Toán bài 2'],
    ])
  })

  it('the teacher edits notes and lesson numbers; the title follows the PPCT; class, subject and date cannot be changed', async () => {
    const doc = await stored(ids.week1!)
    const rows = (doc.rows as Doc[]).map((r) => ({ ...r }))
    rows[0]!.note = 'Kiểm tra bài cũ'
    rows[0]!.equipment = 'Thước kẻ'
    rows[3]!.lessonNumber = 3
    rows[3]!.lessonTitle = 'Tự gõ tên bài'
    const res = await call('teacherA', 'PATCH', `/teaching-plans/${ids.week1}?depth=0`, { rows })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(lessonsOf(res.body.doc)[3]).toEqual(['2026-11-12', '6/2', 3, 'Toán bài 3'])
    expect(res.body.doc.rows[0]).toMatchObject({ note: 'Kiểm tra bài cũ', equipment: 'Thước kẻ' })

    const before = JSON.stringify((await stored(ids.week1!)).rows)
    for (const change of [{ class: ids.c62 }, { subject: ids.van }, { date: '2026-11-10' }, { period: 5 }]) {
      const edited = (await stored(ids.week1!)).rows.map((r: Doc, i: number) => (i === 0 ? { ...r, ...change } : r))
      const refused = await call('teacherA', 'PATCH', `/teaching-plans/${ids.week1}`, { rows: edited })
      expect(refused.status, JSON.stringify(change)).toBe(400)
      expect(JSON.stringify(refused.body)).toContain('Dòng 1')
    }
    const tooFar = (await stored(ids.week1!)).rows.map((r: Doc, i: number) => (i === 1 ? { ...r, lessonNumber: 99 } : r))
    const res99 = await call('teacherA', 'PATCH', `/teaching-plans/${ids.week1}`, { rows: tooFar })
    expect(res99.status).toBe(400)
    expect(JSON.stringify(res99.body)).toContain('không có tiết 99')
    const fewer = await call('teacherA', 'PATCH', `/teaching-plans/${ids.week1}`, { rows: (await stored(ids.week1!)).rows.slice(1) })
    expect(fewer.status).toBe(400)
    // Server-set fields are not the teacher's.
    await call('teacherA', 'PATCH', `/teaching-plans/${ids.week1}`, { status: 'acknowledged', late: true, deadline: '2030-01-01T00:00:00.000Z' })
    const after = await stored(ids.week1!)
    expect(JSON.stringify(after.rows)).toBe(before)
    expect(after).toMatchObject({ status: 'draft', late: false })
    expect(new Date(after.deadline).toISOString()).toBe('2026-10-30T00:00:00.000Z')
  })

  it('regenerating the draft keeps the notes and the hand-set lesson number', async () => {
    const res = await generate('teacherA', '2026-11-09')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.id).toBe(ids.week1)
    expect(lessonsOf(res.body.doc).map((r) => r[2])).toEqual([1, 1, 2, 3])
    expect(res.body.doc.rows[0]).toMatchObject({ note: 'Kiểm tra bài cũ', equipment: 'Thước kẻ' })
  })

  it('another teacher, another school, district staff and anonymous visitors neither read nor edit it', async () => {
    for (const who of ['teacherA2', 'teacherB', 'principalB', 'districtOfficer', 'teamLeaderA2'] as const) {
      expect((await call(who, 'GET', `/teaching-plans/${ids.week1}`)).status, who).not.toBe(200)
      const list = await call(who, 'GET', '/teaching-plans?limit=50')
      expect(list.body.docs ?? [], who).toEqual([])
      const patch = await call(who, 'PATCH', `/teaching-plans/${ids.week1}`, { rows: [] })
      expect([403, 404], who).toContain(patch.status)
      expect([403, 404], who).toContain((await call(who, 'POST', `/teaching-plans/${ids.week1}/submit`)).status)
    }
    expect((await call(null, 'GET', `/teaching-plans/${ids.week1}`)).status).not.toBe(200)
    expect((await generate(null, '2026-11-09')).status).toBe(401)
    expect((await call('teacherA', 'POST', '/teaching-plans', { teacher: ids.teacherA, weekStart: '2026-11-23' })).status).toBe(403)
    expect((await stored(ids.week1!)).rows).toHaveLength(4)
    // The team leader of the teacher's department and the board read it.
    for (const who of ['teamLeaderA', 'principalA', 'vicePrincipalA', 'schoolAdminA'] as const) expect((await call(who, 'GET', `/teaching-plans/${ids.week1}`)).status, who).toBe(200)
  })

  it('a late submission is flagged late; the submitted plan is read-only to its teacher', async () => {
    const res = await call('teacherA', 'POST', `/teaching-plans/${ids.week1}/submit`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc).toMatchObject({ status: 'submitted', late: true })
    expect(res.body.doc.submittedAt).toBeTruthy()
    expect((await call('teacherA', 'POST', `/teaching-plans/${ids.week1}/submit`)).status).toBe(409)
    const rows = (await stored(ids.week1!)).rows.map((r: Doc) => ({ ...r, note: 'sửa sau khi nộp' }))
    expect([403, 404]).toContain((await call('teacherA', 'PATCH', `/teaching-plans/${ids.week1}`, { rows })).status)
    expect((await generate('teacherA', '2026-11-09')).status).toBe(409)
    expect((await stored(ids.week1!)).rows[0].note).toBe('Kiểm tra bài cũ')
  })

  it('the board may return a submitted plan with a reason: a draft again, late decided on resubmission', async () => {
    const res = await generate('teacherA', '2026-11-30')
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const id = res.body.doc.id
    expect((await call('teacherA', 'POST', `/teaching-plans/${id}/submit`)).status).toBe(200)
    expect((await call('teamLeaderA', 'POST', `/teaching-plans/${id}/return`, { note: 'Thiếu đồ dùng' })).status).toBe(403)
    expect((await call('principalA', 'POST', `/teaching-plans/${id}/return`, {})).status).toBe(400)
    const returned = await call('principalA', 'POST', `/teaching-plans/${id}/return`, { note: 'Bổ sung đồ dùng dạy học' })
    expect(returned.status, JSON.stringify(returned.body)).toBe(200)
    expect(returned.body.doc).toMatchObject({ status: 'draft', late: false, submittedAt: null, boardNote: 'Bổ sung đồ dùng dạy học' })
    const rows = (await stored(id)).rows.map((r: Doc) => ({ ...r, equipment: 'Máy chiếu' }))
    expect((await call('teacherA', 'PATCH', `/teaching-plans/${id}`, { rows })).status).toBe(200)
    expect((await stored(id)).rows[0]).toMatchObject({ equipment: 'Máy chiếu', lessonNumber: 3, lessonTitle: 'Toán bài 3' })
    expect((await call('teacherA', 'POST', `/teaching-plans/${id}/submit`)).body.doc).toMatchObject({ status: 'submitted', late: true })
    // Not part of the weeks the next tests count on.
    await cms.payload.delete({ collection: 'teaching-plans' as never, id, overrideAccess: true })
  })

  it('week 2 continues from week 1’s last lessons, each class on its own', async () => {
    const res = await generate('teacherA', '2026-11-16')
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids.week2 = res.body.doc.id
    expect(lessonsOf(res.body.doc)).toEqual([
      ['2026-11-16', '6/1', 3, 'Toán bài 3'],
      ['2026-11-16', '6/2', 4, 'Toán bài 4'],
      ['2026-11-18', '6/1', 4, 'Toán bài 4'],
      ['2026-11-19', '6/2', 5, 'Toán bài 5'],
    ])
  })

  it('a plan submitted before its deadline is on time', async () => {
    const res = await generate('teacherA', '2026-11-23')
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc.deadline).toBe('2026-11-13T00:00:00.000Z')
    // Submitted on 12/11, the day before its deadline (the server's clock, whatever day the test runs).
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-12T03:00:00.000Z'))
    try {
      const submitted = await call('teacherA', 'POST', `/teaching-plans/${res.body.doc.id}/submit`)
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
      expect(submitted.body.doc).toMatchObject({ status: 'submitted', late: false, submittedAt: '2026-11-12T03:00:00.000Z' })
    } finally {
      vi.useRealTimers()
    }
  })

  it('the team leader and the board see who is late, a missing plan listed as missing', async () => {
    for (const who of ['teamLeaderA', 'principalA'] as const) {
      const res = await call(who, 'GET', '/teaching-plans/status?weekStart=2026-11-09')
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body.weekStart).toBe('2026-11-09')
      expect(res.body.teachers.map((t: Doc) => [t.teacher.name, t.status, t.late, t.periods])).toEqual([
        ['Hoàng Thị Giáo', 'submitted', true, 4],
        ['Lê Văn Hai', 'missing', true, 1],
      ])
      expect(res.body.teachers[1]).toMatchObject({ plan: null, deadline: '2026-10-30T00:00:00.000Z', submittedAt: null })
      const week2 = await call(who, 'GET', '/teaching-plans/status?weekStart=2026-11-16')
      expect(week2.body.teachers.map((t: Doc) => [t.teacher.name, t.status, t.late])).toEqual([
        ['Hoàng Thị Giáo', 'draft', true],
        ['Lê Văn Hai', 'missing', true],
      ])
      const onTime = await call(who, 'GET', '/teaching-plans/status?weekStart=2026-11-23')
      expect(onTime.body.teachers.map((t: Doc) => [t.teacher.name, t.status, t.late])).toEqual([
        ['Hoàng Thị Giáo', 'submitted', false],
        ['Lê Văn Hai', 'missing', true],
      ])
    }
    // Another department's team leader sees none of them; teachers, other schools and district staff: 403.
    expect((await call('teamLeaderA2', 'GET', '/teaching-plans/status?weekStart=2026-11-09')).body.teachers).toEqual([])
    for (const who of ['teacherA', 'teacherB', 'districtOfficer'] as const) expect((await call(who, 'GET', '/teaching-plans/status?weekStart=2026-11-09')).status, who).toBe(403)
    expect((await call('principalB', 'GET', '/teaching-plans/status?weekStart=2026-11-09')).body.teachers).toEqual([])
    expect((await call('principalA', 'GET', '/teaching-plans/status?weekStart=2026-13-01')).status).toBe(400)
  })

  it('the admin view’s table marks the late rows and links each plan', async () => {
    const report = (await call('principalA', 'GET', '/teaching-plans/status?weekStart=2026-11-23')).body
    const html = renderToStaticMarkup(createElement(PlanStatusTable, { report, admin: '/admin', t: (key, vars) => message({ i18n: { language: 'vi' } } as never, key, vars) }))
    expect(html).toContain('2 giáo viên có tiết dạy · 1 chậm nộp kế hoạch')
    expect(html).toContain(`href="/admin/collections/teaching-plans/${report.teachers[0].plan}"`)
    expect(html).toMatch(/<tr class="tpv-late" data-late="true"><td data-label="Giáo viên">Lê Văn Hai<\/td><td data-label="Số tiết">1<\/td><td data-label="Tình trạng">Chưa lập · chậm<\/td><td data-label="Hạn nộp">13\/11\/2026 07:00<\/td>/)
  })

  it('only the board acknowledges, once', async () => {
    for (const who of ['teacherA', 'teamLeaderA', 'schoolAdminA'] as const) expect((await call(who, 'POST', `/teaching-plans/${ids.week1}/acknowledge`, {})).status, who).toBe(403)
    expect((await call('principalB', 'POST', `/teaching-plans/${ids.week1}/acknowledge`, {})).status).toBe(404)
    expect((await call('principalA', 'POST', `/teaching-plans/${ids.week2}/acknowledge`, {})).status).toBe(409)
    const res = await call('vicePrincipalA', 'POST', `/teaching-plans/${ids.week1}/acknowledge`, { note: 'Đã xem, đủ nội dung.' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc).toMatchObject({ status: 'acknowledged', boardNote: 'Đã xem, đủ nội dung.', late: true })
    expect(String(res.body.doc.acknowledgedBy)).toBe(String(await userId(fx.emails.vicePrincipalA)))
    expect((await call('principalA', 'POST', `/teaching-plans/${ids.week1}/acknowledge`, {})).status).toBe(409)
    const status = await call('principalA', 'GET', '/teaching-plans/status?weekStart=2026-11-09')
    expect(status.body.teachers[0]).toMatchObject({ status: 'acknowledged', late: true })
  })
})
