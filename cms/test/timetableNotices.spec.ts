import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
const MONDAY = '2026-09-07'
const WEDNESDAY = '2026-09-09'
type ID = number | string
type Doc = Record<string, any>

// A week's timetable stored for the class's families (issue 14 item 1, "no sending yet") over REST
// with real logins: only through POST /api/timetable-notices/week, by the homeroom teacher, the
// board and the school admin; a frozen copy of the week and counts, no personal data.
describe(`timetable notices over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => cms.rest.request(method, path, { token: who ? tokens[who] : undefined, body })
  const send = (who: Who | null, body: unknown) => call(who, 'POST', '/timetable-notices/week', body)
  const stored = async () => (await cms.payload.find({ collection: 'timetable-notices' as never, depth: 0, pagination: false, overrideAccess: true })).docs as unknown as Doc[]
  const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const teacherA = await userId(fx.emails.teacherA)
    const teacherA2 = await userId(fx.emails.teacherA2)
    await cms.payload.update({ collection: 'users', id: teacherA, data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    await cms.payload.update({ collection: 'users', id: teacherA2, data: { fullName: 'Lê Văn Hai' } as never, overrideAccess: true })
    // 6/1 (homeroom teacher: teacherA2) and 6/2; teacherA teaches Toán in both, teacherA2 Ngữ văn in 6/1.
    ids.c61 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: teacherA2 })
    ids.c62 = await create('classes', { name: '6/2', grade: 6, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.van = await create('subjects', { name: 'Ngữ văn', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.toan61 = await create('teaching-assignments', { teacher: teacherA, class: ids.c61, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.toan62 = await create('teaching-assignments', { teacher: teacherA, class: ids.c62, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.van61 = await create('teaching-assignments', { teacher: teacherA2, class: ids.c61, subject: ids.van, term: 'hk1', schoolYear: YEAR })
    ids.t61 = await create('timetables', { class: ids.c61, term: 'hk1', startsOn: MONDAY })
    ids.t62 = await create('timetables', { class: ids.c62, term: 'hk1', startsOn: MONDAY })
    for (const [timetable, teachingAssignment, day, session, period, room] of [
      [ids.t61, ids.toan61, 2, 'morning', 1, 'P101'],
      [ids.t61, ids.van61, 2, 'morning', 2, null],
      [ids.t61, ids.van61, 5, 'afternoon', 3, 'P101'],
      [ids.t62, ids.toan62, 3, 'morning', 1, 'P202'],
    ] as const) {
      await create('timetable-slots', { timetable, teachingAssignment, day, session, period, ...(room ? { room } : {}) })
    }
    // 6/1 on Monday 7/9: Lan and Minh (siblings, the same phone written two ways), Hoa, and Nam
    // without a phone; Tuấn joins on 21/9. Khoa is in 6/2.
    for (const [key, fullName, klass, phone, startDate] of [
      ['lan', 'Nguyễn Thị Lan', 'c61', '0912 345 678', '2026-09-05'],
      ['minh', 'Nguyễn Văn Minh', 'c61', '+84 912-345-678', '2026-09-05'],
      ['hoa', 'Lê Thị Hoa', 'c61', '0987654321', '2026-09-05'],
      ['nam', 'Phạm Văn Nam', 'c61', null, '2026-09-05'],
      ['tuan', 'Đỗ Minh Tuấn', 'c61', '0977111222', '2026-09-21'],
      ['khoa', 'Vũ Đăng Khoa', 'c62', '0966333444', '2026-09-05'],
    ] as const) {
      ids[key] = await create('students', { fullName, studentCode: `HS-${key}`, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nữ', ...(phone ? { phone } : {}) })
      await create('enrolments', { student: ids[key], class: ids[klass], schoolYear: YEAR, startDate: `${startDate}T00:00:00.000Z` })
    }
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('the homeroom teacher stores the week for the families: a frozen copy of the week endpoint and counts', async () => {
    const res = await send('teacherA2', { class: ids.c61, weekStart: WEDNESDAY, message: 'Kính gửi quý phụ huynh thời khóa biểu tuần này.' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.created).toBe(true)
    ids.notice = res.body.doc.id
    expect(res.body.doc).toMatchObject({
      key: `${ids.c61}:${MONDAY}`,
      class: ids.c61,
      school: fx.schoolA,
      weekStart: MONDAY,
      weekEnd: '2026-09-12',
      schoolYear: YEAR,
      status: 'queued',
      lessons: 3,
      students: 4,
      // Lan and Minh share one phone: one family; Nam has none; Tuấn is not yet in the class.
      families: 2,
      withoutContact: 1,
      message: 'Kính gửi quý phụ huynh thời khóa biểu tuần này.',
      createdBy: await userId(fx.emails.teacherA2),
    })
    expect(res.body.doc.createdAt).toEqual(expect.any(String))
    const week = await call('principalA', 'GET', `/timetables/week?date=${MONDAY}&class=${ids.c61}`)
    expect(week.status).toBe(200)
    expect(week.body.slots).toHaveLength(3)
    expect(res.body.doc.snapshot).toEqual(week.body)
    const [doc] = await stored()
    expect(doc!.snapshot.slots).toEqual(week.body.slots)
    expect(doc!.snapshot.slots.map((s: Doc) => [s.date, s.session, s.period, s.subject.name, s.teacher.name, s.room])).toEqual([
      ['2026-09-07', 'morning', 1, 'Toán', 'Hoàng Thị Giáo', 'P101'],
      ['2026-09-07', 'morning', 2, 'Ngữ văn', 'Lê Văn Hai', null],
      ['2026-09-10', 'afternoon', 3, 'Ngữ văn', 'Lê Văn Hai', 'P101'],
    ])
  })

  it('no student name, code or phone is in the stored notice', async () => {
    const text = JSON.stringify(await stored())
    for (const secret of ['Nguyễn Thị Lan', 'Nguyễn Văn Minh', 'Lê Thị Hoa', 'Phạm Văn Nam', 'HS-lan', 'HS-hoa', '0912 345 678', '912-345-678', '912345678', '0987654321', 'fullName', 'phone']) {
      expect(text, secret).not.toContain(secret)
    }
  })

  it('the same week again is idempotent (200, same id) and replaces the still-queued snapshot', async () => {
    const again = await send('teacherA2', { class: ids.c61, weekStart: MONDAY })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.created).toBe(false)
    expect(again.body.doc.id).toBe(ids.notice)
    // Left out, the message is kept.
    expect(again.body.doc.message).toBe('Kính gửi quý phụ huynh thời khóa biểu tuần này.')
    expect(await stored()).toHaveLength(1)
    // The timetable changes: the stored copy stays as it was until the week is sent again.
    await create('timetable-slots', { timetable: ids.t61, teachingAssignment: ids.toan61, day: 7, session: 'morning', period: 4, room: 'P103' })
    expect((await stored())[0]!.snapshot.slots).toHaveLength(3)
    const replaced = await send('schoolAdminA', { class: ids.c61, weekStart: '2026-09-12', message: '' })
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    expect(replaced.body.doc).toMatchObject({ id: ids.notice, lessons: 4, message: null, status: 'queued', createdBy: await userId(fx.emails.teacherA2) })
    const week = await call('teacherA2', 'GET', `/timetables/week?date=${MONDAY}&class=${ids.c61}`)
    expect((await stored())[0]!.snapshot.slots).toEqual(week.body.slots)
    expect(await stored()).toHaveLength(1)
  })

  it('the board stores any class of its school; a plain teacher, a team leader, other schools and district staff get 403', async () => {
    for (const who of ['teacherA', 'teamLeaderA', 'principalB', 'teacherB', 'districtAdmin', 'districtOfficer'] as const) {
      const res = await send(who, { class: ids.c62, weekStart: MONDAY })
      expect(res.status, who).toBe(403)
      expect(res.body.errors[0].message, who).toContain('Chỉ giáo viên chủ nhiệm lớp 6/2, Ban giám hiệu')
    }
    // teacherA teaches 6/1 but is not its homeroom teacher; teacherA2 is not 6/2's.
    expect((await send('teacherA', { class: ids.c61, weekStart: MONDAY })).status).toBe(403)
    expect((await send('teacherA2', { class: ids.c62, weekStart: MONDAY })).status).toBe(403)
    expect(await stored()).toHaveLength(1)
    const board = await send('vicePrincipalA', { class: ids.c62, weekStart: MONDAY })
    expect(board.status, JSON.stringify(board.body)).toBe(201)
    expect(board.body.doc).toMatchObject({ lessons: 1, students: 1, families: 1, withoutContact: 0 })
    ids.notice62 = board.body.doc.id
    expect((await send('principalA', { class: ids.c62, weekStart: MONDAY })).body.doc.id).toBe(ids.notice62)
  })

  it('reads: the board and the school admin all of the school, the homeroom teacher their class, nobody else', async () => {
    const list = async (who: Who | null) => call(who, 'GET', '/timetable-notices?depth=0&limit=50')
    for (const who of ['principalA', 'vicePrincipalA', 'schoolAdminA'] as const) {
      expect((await list(who)).body.docs.map((d: Doc) => d.id).sort(), who).toEqual([ids.notice, ids.notice62].sort())
    }
    expect((await list('teacherA2')).body.docs.map((d: Doc) => d.id)).toEqual([ids.notice])
    for (const who of ['teacherA', 'teamLeaderA', 'principalB', 'teacherB', 'districtAdmin', 'districtOfficer'] as const) {
      const res = await list(who)
      expect(res.body.docs ?? [], who).toEqual([])
      expect((await call(who, 'GET', `/timetable-notices/${ids.notice}?depth=0`)).status, who).toBeGreaterThanOrEqual(403)
    }
  })

  it('anonymous visitors can neither store nor read', async () => {
    expect((await send(null, { class: ids.c61, weekStart: MONDAY })).status).toBe(401)
    expect([401, 403]).toContain((await call(null, 'GET', '/timetable-notices')).status)
    expect([401, 403]).toContain((await call(null, 'GET', `/timetable-notices/${ids.notice}`)).status)
  })

  it('a direct REST write is refused, whoever asks', async () => {
    const before = JSON.stringify(await stored())
    const data = { school: fx.schoolA, class: ids.c61, weekStart: '2026-09-14', key: `${ids.c61}:2026-09-14`, status: 'queued', snapshot: { slots: [] }, families: 99 }
    for (const who of ['principalA', 'schoolAdminA', 'teacherA2', 'districtAdmin'] as const) {
      expect((await call(who, 'POST', '/timetable-notices', data)).status, who).toBeGreaterThanOrEqual(400)
      expect((await call(who, 'PATCH', `/timetable-notices/${ids.notice}`, { families: 99, status: 'sent' })).status, who).toBeGreaterThanOrEqual(400)
      expect((await call(who, 'DELETE', `/timetable-notices/${ids.notice}`)).status, who).toBeGreaterThanOrEqual(400)
    }
    expect((await call('principalA', 'POST', '/timetable-notices', data)).status).toBe(403)
    expect(JSON.stringify(await stored())).toBe(before)
  })

  it('bad input gets a 400 in Vietnamese and stores nothing', async () => {
    const before = JSON.stringify(await stored())
    const cases: [unknown, string][] = [
      [{ class: ids.c61, weekStart: '2026-02-30' }, 'YYYY-MM-DD'],
      [{ class: ids.c61, weekStart: '14/09/2026' }, 'YYYY-MM-DD'],
      [{ class: ids.c61 }, 'không hợp lệ'],
      [{ weekStart: MONDAY }, 'không hợp lệ'],
      [{ class: ids.c61, weekStart: '2026-09-13' }, 'Chủ nhật'],
      [{ class: ids.c61, weekStart: '2027-09-06' }, 'không thuộc năm học 2026-2027 của lớp 6/1'],
      [{ class: ids.c61, weekStart: '2026-08-31' }, 'chưa có thời khóa biểu tuần này'],
      [{ class: ids.c61, weekStart: '2026-09-14', message: 'x'.repeat(501) }, 'tối đa 500 ký tự'],
      ['not an object', 'không hợp lệ'],
    ]
    for (const [body, text] of cases) {
      const res = await send('teacherA2', body)
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(res.body.errors[0].message, JSON.stringify(body).slice(0, 80)).toContain(text)
    }
    expect((await send('teacherA2', { class: 999_999, weekStart: MONDAY })).status).toBe(404)
    expect(JSON.stringify(await stored())).toBe(before)
  })
})
