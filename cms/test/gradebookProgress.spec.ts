import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, any>

// Marks entry against the deadlines (issue 13 item 4): GET /api/gradebook/progress with real logins.
describe(`gradebook progress over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens: Record<string, string> = {}
  const ids: Record<string, ID> = {}
  const students: Record<string, ID[]> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id as ID
  const progress = (who: string | null, query: string) => cms.rest.request('GET', `/gradebook/progress?${query}`, { token: who ? tokens[who] : undefined })
  const rowsOf = async (who: string, asOf = '2026-10-01') => {
    const res = await progress(who, `schoolYear=${YEAR}&term=hk1&asOf=${asOf}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.rows as Doc[]
  }
  const label = (row: Doc) => `${row.class.name} ${row.subject.name}`
  const rowFor = async (who: string, ta: string, asOf: string) => (await rowsOf(who, asOf)).find((r) => r.assignment === ids[ta])!
  const kind = (row: Doc, name: string) => row.kinds.find((k: Doc) => k.kind === name)
  let request = 0
  const put = async (ta: string, student: ID, column: string, value: unknown, date?: string) => {
    const res = await cms.rest.request('PUT', '/marks/cell', {
      token: tokens.teacherA,
      body: { student, teachingAssignment: ids[ta], term: 'hk1', column, value, clientRequestId: `progress-${request++}`, ...(date ? { date } : {}) },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    await createUser(cms.payload, 'giaovien3.a@test.vn', { memberships: [{ school: fx.schoolA, roles: ['teacher'], department: fx.departments['Tổ 1-2-3'] }], fullName: 'Trần Văn Ba' })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who] = await cms.rest.login(email, PASSWORD)
    tokens.teacherC = await cms.rest.login('giaovien3.a@test.vn', PASSWORD)
    const create = async (collection: string, data: Doc, school: ID = fx.schoolA) => (await cms.payload.create({ collection: collection as never, data: { school, ...data } as never, overrideAccess: true })).id as ID
    await create('school-years', {
      name: YEAR,
      current: true,
      terms: [
        { term: 'hk1', start: '2026-09-05T00:00:00.000Z', midTerm: '2026-11-07T00:00:00.000Z', end: '2027-01-15T00:00:00.000Z' },
        { term: 'hk2', start: '2027-01-19T00:00:00.000Z', end: '2027-05-31T00:00:00.000Z' },
      ],
    })
    const klass = async (key: string, name: string, grade: number, count: number, school: ID = fx.schoolA) => {
      ids[key] = await create('classes', { name, grade, schoolYear: YEAR }, school)
      students[key] = []
      for (let i = 0; i < count; i++) {
        const student = await create('students', { fullName: `Học sinh ${name} số ${i + 1}`, studentCode: `HS${key}${i}`, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nam' }, school)
        await create('enrolments', { student, class: ids[key], schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' }, school)
        students[key].push(student)
      }
    }
    await klass('c6', '6/1', 6, 3)
    await klass('c7', '7/1', 7, 2)
    await klass('c4', '4/1', 4, 2)
    await klass('b6', '6/1', 6, 1, fx.schoolB)
    ids.toan6 = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.gdtc6 = await create('subjects', { name: 'Giáo dục thể chất', grade: 6, schoolYear: YEAR, kind: 'comment', periodsPerYear: 70 })
    ids.toan7 = await create('subjects', { name: 'Toán', grade: 7, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.toan4 = await create('subjects', { name: 'Toán', grade: 4, schoolYear: YEAR, kind: 'primary' })
    ids.toanB = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 }, fx.schoolB)
    const assign = (teacher: ID, klass: string, subject: string, school: ID = fx.schoolA) => create('teaching-assignments', { teacher, class: ids[klass], subject: ids[subject], term: 'year', schoolYear: YEAR }, school)
    ids.taToan6 = await assign(await userId(fx.emails.teacherA), 'c6', 'toan6')
    ids.taGdtc6 = await assign(await userId(fx.emails.teacherA), 'c6', 'gdtc6')
    ids.taToan7 = await assign(await userId(fx.emails.teacherA2), 'c7', 'toan7')
    ids.taToan4 = await assign(await userId('giaovien3.a@test.vn'), 'c4', 'toan4')
    ids.taB = await assign(await userId(fx.emails.teacherB), 'b6', 'toanB', fx.schoolB)
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('a teacher sees their own class-subjects, a team leader their department\'s, the board the whole school', async () => {
    expect((await rowsOf('teacherA')).map(label)).toEqual(['6/1 Giáo dục thể chất', '6/1 Toán'])
    // Tổ 4-5: teacherA and teacherA2 (the leader teaches nothing); Tổ 1-2-3: the new teacher's primary class.
    expect((await rowsOf('teamLeaderA')).map(label)).toEqual(['6/1 Giáo dục thể chất', '6/1 Toán', '7/1 Toán'])
    expect((await rowsOf('teamLeaderA2')).map(label)).toEqual(['4/1 Toán'])
    for (const board of ['principalA', 'vicePrincipalA', 'schoolAdminA']) expect((await rowsOf(board)).map(label)).toEqual(['4/1 Toán', '6/1 Giáo dục thể chất', '6/1 Toán', '7/1 Toán'])
    const res = await progress('principalA', `schoolYear=${YEAR}&term=hk1`)
    expect(res.body).toMatchObject({ schoolYear: YEAR, term: 'hk1', scope: 'school', calendars: { [String(fx.schoolA)]: { start: '2026-09-05', midTerm: '2026-11-07', end: '2027-01-15', midTermEstimated: false } } })
    const toan6 = res.body.rows.find((r: Doc) => r.assignment === ids.taToan6)
    expect(toan6).toMatchObject({ class: { id: ids.c6, name: '6/1' }, subject: { name: 'Toán', kind: 'scored' }, teacher: { id: await userId(fx.emails.teacherA) }, students: 3 })
    expect(toan6.kinds.map((k: Doc) => [k.kind, k.required])).toEqual([['regular', 12], ['midTerm', 3], ['endTerm', 3]])
    // Grade 4 Toán has periodic tests at mid-term I and end of term I.
    const toan4 = res.body.rows.find((r: Doc) => r.assignment === ids.taToan4)
    expect(toan4.kinds.map((k: Doc) => k.kind)).toEqual(['midTermLevel', 'midTermTest', 'endTermLevel', 'endTermTest'])
  })

  it('a teacher of another school sees only theirs; district staff and anonymous are refused', async () => {
    const rows = await rowsOf('teacherB')
    expect(rows.map((r) => r.assignment)).toEqual([ids.taB])
    expect(rows[0]).toMatchObject({ students: 1, overdue: false, nextDeadline: null })
    // School B has no dates for the term: nothing can be late there.
    expect((await progress('teacherB', `schoolYear=${YEAR}&term=hk1&asOf=2027-03-01`)).body).toMatchObject({ calendars: { [String(fx.schoolB)]: null }, rows: [{ overdue: false }] })
    const principalB = await rowsOf('principalB')
    expect(principalB.map((r) => r.assignment)).toEqual([ids.taB])
    const district = await progress('districtOfficer', `schoolYear=${YEAR}&term=hk1`)
    expect(district.status).toBe(403)
    expect(district.body.errors[0].message).toBe('Bạn không có lớp – môn nào để theo dõi tiến độ nhập điểm.')
    expect((await progress(null, `schoolYear=${YEAR}&term=hk1`)).status).toBe(401)
  })

  it('half the regular marks are due after the mid-term; counts follow the marks the teacher enters', async () => {
    let row = await rowFor('teacherA', 'taToan6', '2026-11-07')
    expect(kind(row, 'regular')).toMatchObject({ entered: 0, due: 0, missing: 0, overdue: false, nextDeadline: '2026-11-07' })
    expect(row).toMatchObject({ overdue: false, nextDeadline: '2026-11-07' })
    row = await rowFor('teacherA', 'taToan6', '2026-11-08')
    expect(kind(row, 'regular')).toMatchObject({ entered: 0, due: 6, missing: 6, overdue: true, nextDeadline: '2027-01-15' })
    expect(row).toMatchObject({ overdue: true, missing: 6 })

    for (const student of students.c6!) await put('taToan6', student, 'regular.0', 8, '2026-10-01')
    // Four TX for one student do not cover the others: each student owes their own.
    for (const column of ['regular.1', 'regular.2', 'regular.3']) await put('taToan6', students.c6![0]!, column, 7, '2026-10-20')
    row = await rowFor('teacherA', 'taToan6', '2026-11-08')
    expect(kind(row, 'regular')).toMatchObject({ entered: 6, due: 6, missing: 2, overdue: true })
    for (const student of students.c6!.slice(1)) await put('taToan6', student, 'regular.1', 6.5, '2026-10-20')
    row = await rowFor('teacherA', 'taToan6', '2026-11-08')
    expect(kind(row, 'regular')).toMatchObject({ entered: 8, due: 6, missing: 0, overdue: false, nextDeadline: '2027-01-15' })
    // The team leader and the principal read the same counts.
    expect(kind(await rowFor('teamLeaderA', 'taToan6', '2026-11-08'), 'regular')).toMatchObject({ entered: 8, missing: 0 })
    expect(kind(await rowFor('principalA', 'taToan6', '2026-11-08'), 'regular')).toMatchObject({ entered: 8, missing: 0 })
    // Other class-subjects are untouched: GDTC (2 Đ/CĐ, one due by mid-term) is behind.
    expect(kind(await rowFor('teacherA', 'taGdtc6', '2026-11-08'), 'regular')).toMatchObject({ required: 6, due: 3, missing: 3, overdue: true })
  })

  it('GK is due 14 days after its test date; after the term end everything is due', async () => {
    let row = await rowFor('teacherA', 'taToan6', '2026-11-20')
    // No GK entered yet: no test date, so due by the term end.
    expect(kind(row, 'midTerm')).toMatchObject({ due: 0, overdue: false, nextDeadline: '2027-01-15' })
    await put('taToan6', students.c6![0]!, 'midTerm', 7.5, '2026-11-02')
    row = await rowFor('teacherA', 'taToan6', '2026-11-16')
    expect(kind(row, 'midTerm')).toMatchObject({ entered: 1, due: 0, overdue: false, nextDeadline: '2026-11-16' })
    row = await rowFor('teacherA', 'taToan6', '2026-11-17')
    expect(kind(row, 'midTerm')).toMatchObject({ entered: 1, due: 3, missing: 2, overdue: true, nextDeadline: null })
    expect(row).toMatchObject({ overdue: true, missing: 2, nextDeadline: '2027-01-15' })

    row = await rowFor('teacherA', 'taToan6', '2027-01-16')
    expect(row.kinds.map((k: Doc) => [k.kind, k.entered, k.due, k.missing])).toEqual([['regular', 8, 12, 4], ['midTerm', 1, 3, 2], ['endTerm', 0, 3, 3]])
    expect(row).toMatchObject({ overdue: true, missing: 9, nextDeadline: null })
    // Before the mid-term nothing of it is late; the TX half is already in, so the next deadline is the GK's.
    expect(await rowFor('teacherA', 'taToan6', '2026-10-01')).toMatchObject({ overdue: false, missing: 0, nextDeadline: '2026-11-16' })
  })

  it('a bad query is refused with a Vietnamese 400 naming each parameter', async () => {
    const missing = await progress('teacherA', '')
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].message).toBe('Yêu cầu không hợp lệ: schoolYear phải là năm học dạng 2026-2027; term phải là hk1 hoặc hk2')
    const bad = await progress('teacherA', `schoolYear=2026-2028&term=1&asOf=2026-13-01`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toBe('Yêu cầu không hợp lệ: schoolYear phải là năm học dạng 2026-2027; term phải là hk1 hoặc hk2; asOf phải là một ngày dạng YYYY-MM-DD')
    expect((await progress('teacherA', `schoolYear=${YEAR}&term=hk1&asOf=2026-02-30`)).status).toBe(400)
    // Anonymous with a bad query: 401 first, nothing about the query.
    expect((await progress(null, 'term=x')).status).toBe(401)
  })
})
