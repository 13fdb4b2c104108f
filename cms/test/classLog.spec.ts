import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
const MONDAY = '2026-11-09'
const TUESDAY = '2026-11-10'
type ID = number | string
type Doc = Record<string, any>

// Sổ đầu bài (issue 14 items 4 and 7) over REST with real logins: rows pre-filled from the timetable
// and the teaching plan (never typed), signed by each period's teacher, closed weekly by the homeroom
// teacher, checked by the board; everybody else refused.
describe(`class log over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT', path: string, body?: unknown) => cms.rest.request(method, path, { token: who ? tokens[who] : undefined, body })
  const day = (who: Who | null, klass: ID, date: string) => call(who, 'GET', `/class-logs/day?class=${klass}&date=${date}`)
  const stored = async (id: ID) => (await cms.payload.findByID({ collection: 'class-logs' as never, id, depth: 0, overrideAccess: true })) as unknown as Doc
  const lessons = (doc: Doc) => (doc.rows as Doc[]).map((r) => [r.session, r.period, String(r.subject) === String(ids.toan) ? 'Toán' : 'Ngữ văn', r.lessonNumber ?? null, r.lessonTitle ?? null])
  const sign = (who: Who, log: ID, period: number, body: Doc) => call(who, 'POST', `/class-logs/${log}/periods/${period}/sign`, body)

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    ids.teacherA = await userId(fx.emails.teacherA)
    ids.teacherA2 = await userId(fx.emails.teacherA2)
    await cms.payload.update({ collection: 'users', id: ids.teacherA, data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    await create('school-years', {
      name: YEAR,
      current: true,
      terms: [
        { term: 'hk1', start: '2026-09-05T00:00:00.000Z', end: '2027-01-15T00:00:00.000Z' },
        { term: 'hk2', start: '2027-01-19T00:00:00.000Z', end: '2027-05-31T00:00:00.000Z' },
      ],
    })
    ids.c61 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: ids.teacherA2 })
    ids.c62 = await create('classes', { name: '6/2', grade: 6, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.van = await create('subjects', { name: 'Ngữ văn', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    const toan61 = await create('teaching-assignments', { teacher: ids.teacherA, class: ids.c61, subject: ids.toan, term: 'year', schoolYear: YEAR })
    const van61 = await create('teaching-assignments', { teacher: ids.teacherA2, class: ids.c61, subject: ids.van, term: 'year', schoolYear: YEAR })
    await create('syllabi', { subjectName: 'Toán', grade: 6, schoolYear: YEAR, department: fx.departments['Tổ 4-5'], lessons: Array.from({ length: 10 }, (_, i) => ({ number: i + 1, title: `Toán bài ${i + 1}` })) })
    const t61 = await create('timetables', { class: ids.c61, term: 'hk1', startsOn: '2026-09-07' })
    // 6/1: Monday period 1 Toán (teacherA), period 2 Ngữ văn (teacherA2); Tuesday period 1 Ngữ văn.
    for (const [teachingAssignment, dayNumber, period] of [[toan61, 2, 1], [van61, 2, 2], [van61, 3, 1]] as const) {
      await create('timetable-slots', { timetable: t61, teachingAssignment, day: dayNumber, session: 'morning', period })
    }
    for (const [key, name, klass] of [['lan', 'Nguyễn Thị Lan', 'c61'], ['minh', 'Trần Văn Minh', 'c61'], ['hoa', 'Lê Thị Hoa', 'c62']] as const) {
      ids[key] = await create('students', { fullName: name, studentCode: `HS-${key}`, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nữ' })
      await create('enrolments', { student: ids[key], class: ids[klass], schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    }
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('the day’s log is made on first read from the timetable, then follows the teacher’s plan (lesson number and title)', async () => {
    const first = await day('principalA', ids.c61!, MONDAY)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    ids.monday = first.body.doc.id
    expect(first.body.doc).toMatchObject({ date: MONDAY, schoolYear: YEAR, term: 'hk1' })
    expect(lessons(first.body.doc)).toEqual([
      ['morning', 1, 'Toán', null, null],
      ['morning', 2, 'Ngữ văn', null, null],
    ])
    expect(first.body.week).toEqual({ closed: false })
    // teacherA's plan of the week: Toán 6/1 Monday period 1 is PPCT lesson 1.
    expect((await call('teacherA', 'POST', '/teaching-plans/generate', { weekStart: MONDAY })).status).toBe(201)
    const res = await day('teacherA', ids.c61!, MONDAY)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.id).toBe(ids.monday)
    expect(lessons(res.body.doc)).toEqual([
      ['morning', 1, 'Toán', 1, 'Toán bài 1'],
      ['morning', 2, 'Ngữ văn', null, null],
    ])
    expect(String(res.body.doc.rows[0].teacher)).toBe(String(ids.teacherA))
    // One log per class and day, whoever reads it.
    for (const who of ['teacherA2', 'schoolAdminA', 'vicePrincipalA'] as const) expect((await day(who, ids.c61!, MONDAY)).body.doc.id, who).toBe(ids.monday)
    expect((await cms.payload.find({ collection: 'class-logs' as never, overrideAccess: true })).totalDocs).toBe(1)
    // Tuesday: no plan for Ngữ văn, the timetable's subject and no lesson.
    const tuesday = await day('teacherA2', ids.c61!, TUESDAY)
    expect(tuesday.status).toBe(200)
    ids.tuesday = tuesday.body.doc.id
    expect(lessons(tuesday.body.doc)).toEqual([['morning', 1, 'Ngữ văn', null, null]])
    expect((await day('teacherA2', ids.c61!, '2026-11-08')).status).toBe(400)
  })

  it('refuses another school’s users, district staff, a teacher not teaching the class that day, and anonymous', async () => {
    for (const who of ['principalB', 'teacherB', 'districtOfficer', 'districtAdmin'] as const) {
      const res = await day(who, ids.c61!, MONDAY)
      expect(res.status, who).toBe(403)
      expect(JSON.stringify(res.body), who).not.toContain('Toán bài')
    }
    // teacherA teaches 6/1 on Monday, not on Tuesday.
    expect((await day('teacherA', ids.c61!, TUESDAY)).status).toBe(403)
    expect((await day(null, ids.c61!, MONDAY)).status).toBe(401)
    // The collection's own REST list follows the same rule.
    expect((await call('teacherB', 'GET', '/class-logs')).body.totalDocs ?? 0).toBe(0)
    expect((await call('teacherA', 'GET', '/class-logs')).body.totalDocs).toBe(1)
    expect((await call('principalA', 'GET', '/class-logs')).body.totalDocs).toBe(2)
    expect([401, 403]).toContain((await call(null, 'GET', '/class-logs')).status)
  })

  it('a PATCH overwriting the subject, lesson number or title by hand changes nothing', async () => {
    const before = await stored(ids.monday!)
    const rows = (before.rows as Doc[]).map((r, i) => (i === 0 ? { ...r, subject: ids.van, lessonNumber: 7, lessonTitle: 'Tự gõ tên bài' } : r))
    for (const who of ['teacherA', 'teacherA2', 'principalA'] as const) {
      const res = await call(who, 'PATCH', `/class-logs/${ids.monday}`, { rows })
      expect(res.status, who).toBe(400)
      expect(JSON.stringify(res.body), who).toContain('không sửa tay')
    }
    expect([403, 404]).toContain((await call('teacherB', 'PATCH', `/class-logs/${ids.monday}`, { rows })).status)
    expect(JSON.stringify((await stored(ids.monday!)).rows)).toBe(JSON.stringify(before.rows))
    expect((await call('teacherA', 'POST', '/class-logs', { class: ids.c61, date: '2026-11-11', rows: [] })).status).toBe(403)
  })

  it('only the period’s teacher signs it, with absent students of the class that day; re-signing edits it', async () => {
    const other = await sign('teacherA2', ids.monday!, 1, { session: 'morning', absentStudents: [], rating: 'tot' })
    expect(other.status).toBe(403)
    expect(other.body.errors[0].message).toContain('Tiết 1 buổi sáng ngày 2026-11-09 lớp 6/1 là tiết của giáo viên Hoàng Thị Giáo')
    expect((await sign('principalA', ids.monday!, 1, { session: 'morning' })).status).toBe(403)
    expect((await sign('teacherB', ids.monday!, 1, { session: 'morning' })).status).toBe(404)
    const stranger = await sign('teacherA', ids.monday!, 1, { session: 'morning', absentStudents: [ids.lan, ids.hoa] })
    expect(stranger.status).toBe(400)
    expect(stranger.body.errors[0].message).toContain('không học lớp 6/1')
    expect((await sign('teacherA', ids.monday!, 1, { session: 'morning', rating: 'excellent' })).status).toBe(400)
    expect((await sign('teacherA', ids.monday!, 4, { session: 'morning' })).status).toBe(404)
    expect((await stored(ids.monday!)).rows[0].signedAt ?? null).toBeNull()

    const signed = await sign('teacherA', ids.monday!, 1, { session: 'morning', absentStudents: [ids.lan], oralCheck: 'Minh: 8', comment: 'Lớp sôi nổi', rating: 'tot' })
    expect(signed.status, JSON.stringify(signed.body)).toBe(200)
    const row = (await stored(ids.monday!)).rows[0]
    expect(row).toMatchObject({ lessonNumber: 1, lessonTitle: 'Toán bài 1', oralCheck: 'Minh: 8', comment: 'Lớp sôi nổi', rating: 'tot' })
    expect(row.absentStudents.map(String)).toEqual([String(ids.lan)])
    expect(String(row.signedBy)).toBe(String(ids.teacherA))
    expect(Number.isNaN(Date.parse(row.signedAt))).toBe(false)
    const again = await sign('teacherA', ids.monday!, 1, { session: 'morning', absentStudents: [ids.lan, ids.minh], rating: 'kha' })
    expect(again.status).toBe(200)
    expect((await stored(ids.monday!)).rows[0]).toMatchObject({ rating: 'kha', lessonTitle: 'Toán bài 1' })
    expect((await stored(ids.monday!)).rows[0].absentStudents).toHaveLength(2)
    // The other period is untouched.
    expect((await stored(ids.monday!)).rows[1].signedAt ?? null).toBeNull()
  })

  it('two teachers signing their periods of the same day at the same instant both keep their signature', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        sign('teacherA', ids.monday!, 1, { session: 'morning', absentStudents: [ids.lan, ids.minh], comment: `Toán ${round}`, rating: 'kha' }),
        sign('teacherA2', ids.monday!, 2, { session: 'morning', absentStudents: [], comment: `Văn ${round}`, rating: 'kha' }),
      ])
      expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200])
      const rows = (await stored(ids.monday!)).rows as Doc[]
      expect(rows.map((r) => r.comment)).toEqual([`Toán ${round}`, `Văn ${round}`])
    }
  })

  it('the board adds check notes; nobody else does', async () => {
    expect((await call('teacherA2', 'POST', `/class-logs/${ids.monday}/board-note`, { note: 'Đã kiểm tra' })).status).toBe(403)
    expect((await call('principalB', 'POST', `/class-logs/${ids.monday}/board-note`, { note: 'Đã kiểm tra' })).status).toBe(403)
    expect((await call('principalA', 'POST', `/class-logs/${ids.monday}/board-note`, { note: '' })).status).toBe(400)
    expect((await call('principalA', 'POST', `/class-logs/${ids.monday}/board-note`, { note: 'Ghi đầy đủ, đúng PPCT' })).status).toBe(200)
    expect((await call('vicePrincipalA', 'POST', `/class-logs/${ids.monday}/board-note`, { note: 'Tiết 2 chưa ký' })).status).toBe(200)
    const notes = (await stored(ids.monday!)).boardNotes as Doc[]
    expect(notes.map((n) => n.note)).toEqual(['Ghi đầy đủ, đúng PPCT', 'Tiết 2 chưa ký'])
    expect(notes[0]!.at).toBeTruthy()
    expect((await stored(ids.monday!)).rows[0].rating).toBe('kha')
  })

  it('the day gives the screen its class list, names and the day’s attendance; the period absentees reach the attendance sheet', async () => {
    await call('teacherA2', 'PUT', '/attendance-sessions/sheet', { class: ids.c61, date: MONDAY, session: 'morning', absences: [{ student: ids.lan, status: 'excused', reason: 'Ốm' }] })
    const res = await day('teacherA', ids.c61!, MONDAY)
    expect(res.status).toBe(200)
    expect(res.body.students.map((s: Doc) => s.fullName)).toEqual(['Nguyễn Thị Lan', 'Trần Văn Minh'])
    expect(JSON.stringify(res.body.students)).not.toContain('Lê Thị Hoa')
    expect(res.body.names.subjects[String(ids.toan)]).toBe('Toán')
    expect(res.body.names.teachers[String(ids.teacherA)]).toBe('Hoàng Thị Giáo')
    expect(res.body.attendance).toEqual([{ session: 'morning', takenAt: expect.any(String), absences: [{ student: ids.lan, status: 'excused' }] }])
    expect(res.body.you).toEqual({ id: ids.teacherA, homeroom: false, checker: false })
    expect((await day('teacherA2', ids.c61!, MONDAY)).body.you).toMatchObject({ homeroom: true, checker: false })
    expect((await day('principalA', ids.c61!, MONDAY)).body.you).toMatchObject({ homeroom: false, checker: true })

    // The homeroom teacher's sheet shows what each period's teacher recorded (signed period 1: Lan and Minh absent).
    const sheet = await call('teacherA2', 'GET', `/attendance-sessions/sheet?class=${ids.c61}&date=${MONDAY}&session=morning`)
    expect(sheet.status).toBe(200)
    expect(sheet.body.periods.map((p: Doc) => [p.period, p.subject, p.signed, p.absentStudents.map(String).sort()])).toEqual([
      [1, 'Toán', true, [String(ids.lan), String(ids.minh)].sort()],
      [2, 'Ngữ văn', true, []],
    ])
    const afternoon = await call('teacherA2', 'GET', `/attendance-sessions/sheet?class=${ids.c61}&date=${MONDAY}&session=afternoon`)
    expect(afternoon.body.periods).toEqual([])
  })

  it('the week summary lists the unsigned periods, for the homeroom teacher and the board only', async () => {
    const week = await call('teacherA2', 'GET', `/class-logs/week?class=${ids.c61}&date=${TUESDAY}`)
    expect(week.status, JSON.stringify(week.body)).toBe(200)
    expect(week.body).toMatchObject({ weekStart: MONDAY, weekEnd: '2026-11-14', upcoming: 0, closing: { closed: false } })
    expect(week.body.days.slice(0, 3)).toEqual([
      { date: MONDAY, periods: 2, signed: 2 },
      { date: TUESDAY, periods: 1, signed: 0 },
      { date: '2026-11-11', periods: 0, signed: 0 },
    ])
    expect(week.body.unsigned).toEqual([{ date: TUESDAY, session: 'morning', period: 1, subject: 'Ngữ văn', teacher: expect.any(String), signed: false }])
    expect((await call('principalA', 'GET', `/class-logs/week?class=${ids.c61}&date=${MONDAY}`)).status).toBe(200)
    for (const who of ['teacherA', 'principalB', 'districtOfficer'] as const) expect((await call(who, 'GET', `/class-logs/week?class=${ids.c61}&date=${MONDAY}`)).status, who).toBe(403)
    expect((await call('teacherA2', 'GET', `/class-logs/week?class=${ids.c61}&date=bad`)).status).toBe(400)
  })

  it('a week is closed from its Saturday, and with unsigned periods only once the homeroom teacher confirms', async () => {
    const nextMonday = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    const early = await call('teacherA2', 'POST', '/class-logs/close-week', { class: ids.c61, weekStart: nextMonday })
    expect(early.status).toBe(400)
    expect(early.body.errors[0].message).toContain('Chưa hết tuần')
    const unsigned = await call('teacherA2', 'POST', '/class-logs/close-week', { class: ids.c61, weekStart: MONDAY, weeklyComment: 'x' })
    expect(unsigned.status).toBe(409)
    expect(unsigned.body.errors[0].message).toContain('còn 1 tiết chưa ký')
    expect(unsigned.body.errors[0].message).toContain('Ngữ văn')
    expect(unsigned.body.unsigned).toHaveLength(1)
    expect((await cms.payload.find({ collection: 'class-log-weeks' as never, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a period is signed on its day or later, not before', async () => {
    const thursday = await day('teacherA2', ids.c61!, '2026-11-12')
    expect(thursday.status).toBe(200)
    // The clock on the Monday of that week: Thursday's log is readable, its periods not yet signable.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-09T03:00:00Z') })
    try {
      const tuesday = await sign('teacherA2', ids.tuesday!, 1, { session: 'morning', rating: 'tot' })
      expect(tuesday.status).toBe(400)
      expect(tuesday.body.errors[0].message).toContain('10/11/2026 chưa đến')
    } finally {
      vi.useRealTimers()
    }
    expect((await stored(ids.tuesday!)).rows[0].signedAt ?? null).toBeNull()
  })

  it('the homeroom teacher closes the week; every row of it is then read-only (409)', async () => {
    const body = { class: ids.c61, weekStart: '2026-11-14', weeklyComment: 'Tuần học tốt, còn 2 bạn vắng', acceptUnsigned: true }
    expect((await call('teacherA', 'POST', '/class-logs/close-week', body)).status).toBe(403)
    expect((await call('principalA', 'POST', '/class-logs/close-week', body)).status).toBe(403)
    expect((await call('teacherA2', 'POST', '/class-logs/close-week', { class: ids.c61 })).status).toBe(400)
    const closed = await call('teacherA2', 'POST', '/class-logs/close-week', body)
    expect(closed.status, JSON.stringify(closed.body)).toBe(201)
    expect(closed.body.doc).toMatchObject({ weekStart: MONDAY, weeklyComment: 'Tuần học tốt, còn 2 bạn vắng' })
    expect(String(closed.body.doc.closedBy)).toBe(String(ids.teacherA2))
    expect((await call('teacherA2', 'POST', '/class-logs/close-week', body)).status).toBe(409)

    const before = JSON.stringify((await stored(ids.monday!)).rows)
    const resign = await sign('teacherA', ids.monday!, 1, { session: 'morning', absentStudents: [], rating: 'yeu' })
    expect(resign.status).toBe(409)
    expect(resign.body.errors[0].message).toContain('đã khóa sổ đầu bài lớp 6/1 tuần từ 2026-11-09')
    expect((await sign('teacherA2', ids.monday!, 2, { session: 'morning', rating: 'tot' })).status).toBe(409)
    expect((await sign('teacherA2', ids.tuesday!, 1, { session: 'morning', rating: 'tot' })).status).toBe(409)
    expect(JSON.stringify((await stored(ids.monday!)).rows)).toBe(before)
    const view = await day('teacherA', ids.c61!, MONDAY)
    expect(view.body.week).toMatchObject({ closed: true, weekStart: MONDAY, weeklyComment: 'Tuần học tốt, còn 2 bạn vắng' })
    // The next week is open.
    const next = await day('teacherA', ids.c61!, '2026-11-16')
    expect(next.status).toBe(200)
    expect((await sign('teacherA', next.body.doc.id, 1, { session: 'morning', rating: 'tot' })).status).toBe(200)
  })
})
