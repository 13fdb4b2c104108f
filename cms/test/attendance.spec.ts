import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, any>

// Daily attendance (issue 14 items 5–7) through REST with real logins: who takes it, what it
// checks, the term's absences it feeds to the gradebook, and the counts-only feed for the district.
describe(`attendance (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const post = (who: Who | null, path: string, body: Doc) => cms.rest.request('POST', path, { token: who ? tokens[who] : undefined, body })
  const patch = (who: Who | null, path: string, body: Doc) => cms.rest.request('PATCH', path, { token: who ? tokens[who] : undefined, body })
  const get = (who: Who | null, path: string) => cms.rest.request('GET', path, { token: who ? tokens[who] : undefined })
  const sessions = async () => (await cms.payload.find({ collection: 'attendance-sessions' as never, overrideAccess: true, pagination: false, depth: 0 })).docs as Doc[]
  const termRecord = async (student: ID, term = 'hk1') =>
    ((await cms.payload.find({ collection: 'student-term-records', where: { and: [{ student: { equals: student } }, { term: { equals: term } }] }, overrideAccess: true, depth: 0 })).docs[0] as Doc | undefined) ?? null

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    await create('school-years', {
      name: YEAR,
      current: true,
      terms: [
        { term: 'hk1', start: '2026-09-05T00:00:00.000Z', end: '2027-01-15T00:00:00.000Z' },
        { term: 'hk2', start: '2027-01-19T00:00:00.000Z', end: '2027-05-31T00:00:00.000Z' },
      ],
    })
    ids.c6 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA2) })
    await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.c7 = await create('classes', { name: '7/1', grade: 7, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA) })
    for (const [key, name, klass, start] of [
      ['lan', 'Nguyễn Thị Lan', 'c6', '2026-09-05'],
      ['minh', 'Trần Văn Minh', 'c6', '2026-09-05'],
      ['binh', 'Phạm Thị Bình', 'c6', '2026-10-20'],
      ['hoa', 'Lê Thị Hoa', 'c7', '2026-09-05'],
    ] as const) {
      ids[key] = await create('students', { fullName: name, studentCode: `HS-${key}`, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nữ' })
      await create('enrolments', { student: ids[key], class: ids[klass], schoolYear: YEAR, startDate: `${start}T00:00:00.000Z` })
    }
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('the homeroom teacher takes a session: the server sets term, class size and who; others are refused and nothing is written', async () => {
    const body = { class: ids.c6, date: '2026-10-05', session: 'morning', absences: [{ student: ids.lan, status: 'unexcused', reason: 'Không rõ' }] }
    for (const who of ['teacherA', 'principalB', 'teacherB', 'districtOfficer', 'principalA'] as const) {
      const refused = await post(who, '/attendance-sessions?depth=0', body)
      expect(refused.status, who).toBe(403)
    }
    // Anonymous: Payload's access answers 403 to a create without a login.
    expect([401, 403]).toContain((await post(null, '/attendance-sessions', body)).status)
    expect(await sessions()).toHaveLength(0)
    const taken = await post('teacherA2', '/attendance-sessions?depth=0', body)
    expect(taken.status, JSON.stringify(taken.body)).toBe(201)
    // Bình joined the class on 20/10: two enrolled on 05/10.
    expect(taken.body.doc).toMatchObject({ term: 'hk1', schoolYear: YEAR, enrolled: 2, takenBy: await userId(fx.emails.teacherA2), key: `${ids.c6}:2026-10-05:morning` })
    // The same class, day and session again is one session: refused, the first is kept.
    const again = await post('teacherA2', '/attendance-sessions?depth=0', body)
    expect(again.status).toBe(400)
    expect(await sessions()).toHaveLength(1)
    // The school admin stands in for the homeroom teacher; the board reads.
    const admin = await post('schoolAdminA', '/attendance-sessions?depth=0', { class: ids.c6, date: '2026-10-05', session: 'afternoon', absences: [] })
    expect(admin.status, JSON.stringify(admin.body)).toBe(201)
    expect((await get('principalA', '/attendance-sessions?limit=10')).body.totalDocs).toBe(2)
    expect((await get('teacherA', '/attendance-sessions?limit=10')).body.totalDocs).toBe(0)
    expect((await get('districtOfficer', '/attendance-sessions?limit=10')).status).toBe(403)
  })

  it('refuses, in Vietnamese and changing nothing: a Sunday, a day outside the terms, another year, a student not in the class that day, a student twice', async () => {
    const before = (await sessions()).length
    const cases: [Doc, string][] = [
      [{ date: '2026-10-04' }, 'Chủ nhật'],
      [{ date: '2027-01-16' }, 'không thuộc học kì nào'],
      [{ date: '2027-09-06' }, 'không thuộc năm học 2026-2027'],
      [{ date: '2026-02-30' }, 'YYYY-MM-DD'],
      [{ date: '2026-10-06', absences: [{ student: ids.binh, status: 'excused' }] }, 'Dòng 1: học sinh này không học lớp 6/1 ngày 2026-10-06'],
      [{ date: '2026-10-06', absences: [{ student: ids.hoa, status: 'excused' }] }, 'không học lớp 6/1'],
      [{ date: '2026-10-06', absences: [{ student: ids.lan, status: 'late' }, { student: ids.lan, status: 'excused' }] }, 'Dòng 2: học sinh này đã có trong danh sách'],
    ]
    for (const [change, text] of cases) {
      const res = await post('teacherA2', '/attendance-sessions?depth=0', { class: ids.c6, session: 'morning', absences: [], ...change })
      expect(res.status, text).toBe(400)
      expect(JSON.stringify(res.body.errors), text).toContain(text)
    }
    expect(await sessions()).toHaveLength(before)
  })

  it('feeds the term absences of the gradebook: counted from every session, late is not an absence, typing them by hand is refused', async () => {
    const take = async (date: string, absences: Doc[]) => {
      const res = await post('teacherA2', '/attendance-sessions?depth=0', { class: ids.c6, date, session: 'morning', absences })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return res.body.doc.id as ID
    }
    await take('2026-10-21', [{ student: ids.lan, status: 'excused' }, { student: ids.binh, status: 'late' }])
    const third = await take('2026-10-22', [{ student: ids.lan, status: 'unexcused' }, { student: ids.minh, status: 'excused' }])
    // 05/10 unexcused + 21/10 excused + 22/10 unexcused.
    expect(await termRecord(ids.lan!)).toMatchObject({ absencesExcused: 1, absencesUnexcused: 2 })
    expect(await termRecord(ids.minh!)).toMatchObject({ absencesExcused: 1, absencesUnexcused: 0 })
    expect(await termRecord(ids.binh!)).toMatchObject({ absencesExcused: 0, absencesUnexcused: 0 })
    // Correcting a session counts again, for the students it lists now and listed before.
    const fixed = await patch('teacherA2', `/attendance-sessions/${third}?depth=0`, { absences: [{ student: ids.minh, status: 'excused' }] })
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200)
    expect(await termRecord(ids.lan!)).toMatchObject({ absencesExcused: 1, absencesUnexcused: 1 })
    // The results count them: Lan 2 sessions in term I.
    const results = await get('principalA', `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=1`)
    expect(results.status).toBe(200)
    expect((results.body.students as Doc[]).find((s) => String(s.id) === String(ids.lan))!.absences).toBe(2)
    // The homeroom teacher can no longer type them in the term record; conduct still can be.
    const record = (await termRecord(ids.lan!))!
    const typed = await patch('teacherA2', `/student-term-records/${record.id}`, { absencesUnexcused: 0 })
    expect(typed.status).toBe(400)
    expect(JSON.stringify(typed.body.errors)).toContain('số buổi nghỉ được tính từ điểm danh')
    expect(await termRecord(ids.lan!)).toMatchObject({ absencesUnexcused: 1 })
    expect((await patch('teacherA2', `/student-term-records/${record.id}`, { conduct: 'tot' })).status).toBe(200)
  })

  it('the Điểm danh screen’s sheet: GET lists the class on that day with the session so far; PUT saves the whole session, idempotently', async () => {
    const sheet = await get('teacherA2', `/attendance-sessions/sheet?class=${ids.c6}&date=2026-11-02&session=morning`)
    expect(sheet.status, JSON.stringify(sheet.body)).toBe(200)
    expect((sheet.body.students as Doc[]).map((s) => s.fullName)).toEqual(['Phạm Thị Bình', 'Nguyễn Thị Lan', 'Trần Văn Minh'])
    expect(sheet.body.taken).toBeNull()
    const body = { class: ids.c6, date: '2026-11-02', session: 'morning', absences: [{ student: ids.minh, status: 'excused', reason: 'Ốm' }] }
    const put = (who: Who) => cms.rest.request('PUT', '/attendance-sessions/sheet', { token: tokens[who], body })
    const first = await put('teacherA2')
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body.message).toBe('Đã lưu điểm danh lớp 6/1 ngày 2026-11-02.')
    // A retry (a flaky phone connection) is the same session: one document, the same absences.
    expect((await put('teacherA2')).body.id).toBe(first.body.id)
    const stored = (await sessions()).filter((s) => s.date === '2026-11-02')
    expect(stored).toHaveLength(1)
    expect(stored[0]!.absences).toMatchObject([{ student: ids.minh, status: 'excused', reason: 'Ốm' }])
    expect((await termRecord(ids.minh!))!.absencesExcused).toBe(2)
    const again = await get('teacherA2', `/attendance-sessions/sheet?class=${ids.c6}&date=2026-11-02&session=morning`)
    expect(again.body.taken.absences).toEqual([{ student: ids.minh, status: 'excused', reason: 'Ốm' }])
    // Another teacher, a bad status, a bad day: refused, nothing changes.
    expect((await put('teacherA')).status).toBe(403)
    expect((await get('teacherA', `/attendance-sessions/sheet?class=${ids.c6}&date=2026-11-02&session=morning`)).status).toBe(403)
    const badStatus = await cms.rest.request('PUT', '/attendance-sessions/sheet', { token: tokens.teacherA2, body: { ...body, absences: [{ student: ids.minh, status: 'sick' }] } })
    expect(badStatus.status).toBe(400)
    expect(badStatus.body.errors[0].message).toContain('Tình trạng phải là')
    const sunday = await cms.rest.request('PUT', '/attendance-sessions/sheet', { token: tokens.teacherA2, body: { ...body, date: '2026-11-01' } })
    expect(sunday.status).toBe(400)
    expect(sunday.body.errors[0].message).toContain('Chủ nhật')
    expect((await sessions()).filter((s) => s.date === '2026-11-01')).toHaveLength(0)
  })

  it('GET /api/attendance/daily: counts per school, class and session, no personal data, JSON and CSV; only district staff and school managers', async () => {
    const json = await get('districtOfficer', '/attendance/daily?date=2026-10-05')
    expect(json.status, JSON.stringify(json.body)).toBe(200)
    const schoolA = (json.body.schools as Doc[]).find((s) => String(s.school.id) === String(fx.schoolA))!
    expect(schoolA.classesReported).toBe(1)
    const c6 = (schoolA.classes as Doc[]).find((c) => c.class.name === '6/1')!
    expect(c6).toMatchObject({ enrolled: 2, reported: true })
    expect(c6.sessions).toEqual([
      { session: 'morning', enrolled: 2, present: 1, absentExcused: 0, absentUnexcused: 1, late: 0 },
      { session: 'afternoon', enrolled: 2, present: 2, absentExcused: 0, absentUnexcused: 0, late: 0 },
    ])
    expect((schoolA.classes as Doc[]).find((c) => c.class.name === '7/1')).toMatchObject({ enrolled: 1, reported: false, sessions: [] })
    expect(schoolA.totals.morning).toMatchObject({ classes: 1, enrolled: 2, present: 1, absentUnexcused: 1 })
    // Nothing that names or identifies a child.
    const text = JSON.stringify(json.body)
    for (const needle of ['Nguyễn Thị Lan', 'HS-lan', 'Không rõ', `"student"`, 'absences']) expect(text).not.toContain(needle)

    const csv = await cms.rest.request('GET', '/attendance/daily?date=2026-10-05&format=csv', { token: tokens.principalA })
    expect(csv.status).toBe(200)
    const lines = String(csv.body).trim().split(/\r\n/)
    expect(lines[0]).toBe('date,school,school_name,class,grade,session,enrolled,present,absent_excused,absent_unexcused,late,reported')
    expect(lines).toContain('2026-10-05,tieuhocledo,TH Lê Độ,6/1,6,morning,2,1,0,1,0,1')
    expect(lines.some((line) => line.includes(',7/1,7,,1,,,,,0'))).toBe(true)
    expect(String(csv.body)).not.toContain('Lan')

    // A principal sees their own school only; teachers, anonymous and bad days are refused.
    const own = await get('principalB', '/attendance/daily?date=2026-10-05')
    expect((own.body.schools as Doc[]).map((s) => String(s.school.id))).toEqual([String(fx.schoolB)])
    expect((await get('teacherA2', '/attendance/daily?date=2026-10-05')).status).toBe(403)
    expect((await get(null, '/attendance/daily?date=2026-10-05')).status).toBe(401)
    const bad = await get('districtOfficer', '/attendance/daily?date=05/10/2026')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toContain('YYYY-MM-DD')
  })
})
