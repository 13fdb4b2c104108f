import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, unknown>

// The grid's save endpoint (issue 13 item 3): PUT /api/marks/cell, idempotent, through the marks' own checks.
describe(`gradebook grid over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens: Record<string, string> = {}
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const put = (who: string | null, body: Doc) => cms.rest.request('PUT', '/marks/cell', { token: who ? tokens[who] : undefined, body })
  const marksOf = async (student: ID) => (await cms.payload.find({ collection: 'marks', where: { student: { equals: student } }, depth: 0, overrideAccess: true })).docs as unknown as Doc[]
  const historyOf = async (mark: ID) => (await cms.payload.find({ collection: 'mark-history' as never, where: { mark: { equals: String(mark) } }, sort: 'sequence', overrideAccess: true })).docs as unknown as Doc[]
  const cell = (student: ID, column: string, value: unknown, extra: Doc = {}) => ({ student, teachingAssignment: ids.ta, term: 'hk1', column, value, clientRequestId: `${student}-${column}-${String(value)}`, ...extra })

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    await createUser(cms.payload, 'giaovien3.a@test.vn', { memberships: [{ school: fx.schoolA, roles: ['teacher'] }], fullName: 'Trần Văn Ba' })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who] = await cms.rest.login(email, PASSWORD)
    tokens.teacherC = await cms.rest.login('giaovien3.a@test.vn', PASSWORD)
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA), data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    ids.c6 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    for (const [key, name, code] of [['lan', 'Nguyễn Thị Lan', 'HS601'], ['minh', 'Trần Văn Minh', 'HS602'], ['an', 'Lê Văn An', 'HS603']] as const) {
      ids[key] = await create('students', { fullName: name, studentCode: code, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nam' })
      await create('enrolments', { student: ids[key], class: ids.c6, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    }
    ids.ta = await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c6, subject: ids.toan, term: 'year', schoolYear: YEAR })
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('the assigned teacher saves one cell; the answer is the stored cell with who and when', async () => {
    const res = await put('teacherA', cell(ids.lan!, 'regular.1', 8.5, { date: '2026-10-02' }))
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ column: 'regular.1', value: 8.5, date: '2026-10-02', lastChange: { by: 'Hoàng Thị Giáo' } })
    expect(Date.parse(res.body.lastChange.at)).toBeGreaterThan(Date.now() - 60_000)
    const [mark] = await marksOf(ids.lan!)
    // TX2 at its index: TX1 stays empty, nothing is appended or moved.
    expect(mark).toMatchObject({ regular: [null, { value: 8.5, date: '2026-10-02' }], teachingAssignment: ids.ta, key: `${ids.lan}:${ids.toan}:${YEAR}:hk1` })
  })

  it('the same request twice leaves one document and one history entry', async () => {
    const body = cell(ids.minh!, 'regular.0', 7, { date: '2026-10-02' })
    const first = await put('teacherA', body)
    const second = await put('teacherA', body)
    expect([first.status, second.status]).toEqual([200, 200])
    expect(second.body).toMatchObject({ mark: first.body.mark, value: 7 })
    const marks = await marksOf(ids.minh!)
    expect(marks).toHaveLength(1)
    expect(marks[0]!.regular).toEqual([{ value: 7, date: '2026-10-02' }])
    expect((await historyOf(marks[0]!.id as ID)).map((h) => h.field)).toEqual(['regular.0'])
    // Another column of the same mark: only that column is written, TX1 is untouched.
    const gk = await put('teacherA', cell(ids.minh!, 'midTerm', 6.5))
    expect(gk.status).toBe(200)
    expect(gk.body.date).toBe(new Date().toISOString().slice(0, 10))
    const [after] = await marksOf(ids.minh!)
    expect(after).toMatchObject({ regular: [{ value: 7, date: '2026-10-02' }], midTerm: { value: 6.5 } })
    expect((await historyOf(after!.id as ID)).map((h) => h.field)).toEqual(['regular.0', 'midTerm'])
  })

  it('two identical creates at the same time leave one document', async () => {
    const body = cell(ids.an!, 'regular.0', 9)
    const results = await Promise.all([put('teacherA', body), put('teacherA', body)])
    expect(results.map((r) => r.status), JSON.stringify(results.map((r) => r.body))).toEqual([200, 200])
    const marks = await marksOf(ids.an!)
    expect(marks).toHaveLength(1)
    expect(marks[0]!.regular).toEqual([{ value: 9, date: new Date().toISOString().slice(0, 10) }])
    expect(await historyOf(marks[0]!.id as ID)).toHaveLength(1)
  })

  it('another teacher, a teacher of another school and anonymous are refused; nothing changes', async () => {
    const before = await marksOf(ids.lan!)
    for (const [who, statuses] of [['teacherC', [403]], ['teacherB', [403]], [null, [401]]] as const) {
      const res = await put(who, cell(ids.lan!, 'regular.1', 2))
      expect(statuses, JSON.stringify(res.body)).toContain(res.status)
      if (who === 'teacherC') expect(res.body.errors[0].message).toContain('Bạn không được phân công dạy môn Toán ở lớp 6/1')
    }
    expect(await marksOf(ids.lan!)).toEqual(before)
  })

  it.each([
    ['11', 11],
    ['7.25', 7.25],
    ['"abc"', 'abc'],
    ['Đ in a scored column', 'Đ'],
  ])('refuses %s with the message naming the column, nothing saved', async (_, value) => {
    const before = await marksOf(ids.lan!)
    const res = await put('teacherA', cell(ids.lan!, 'regular.1', value))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('TX2: điểm phải từ 0 đến 10, tối đa một chữ số thập phân.')
    expect(await marksOf(ids.lan!)).toEqual(before)
  })

  it('refuses an unknown column and a TX slot the subject does not have', async () => {
    expect((await put('teacherA', cell(ids.lan!, 'bogus', 5))).status).toBe(400)
    const fifth = await put('teacherA', cell(ids.lan!, 'regular.4', 5))
    expect(fifth.status).toBe(400)
    expect(fifth.body.errors[0].message).toContain('Môn Toán có 4 lần đánh giá thường xuyên')
  })

  it('clearing a cell stores null at its slot and keeps the history', async () => {
    const res = await put('teacherA', cell(ids.lan!, 'regular.1', null))
    expect(res.status).toBe(200)
    const [mark] = await marksOf(ids.lan!)
    expect(mark!.regular ?? []).toEqual([])
    expect((await historyOf(mark!.id as ID)).map((h) => [h.field, h.newValue])).toEqual([
      ['regular.1', { value: 8.5, date: '2026-10-02' }],
      ['regular.1', null],
    ])
  })

  it('GET /api/marks/grid lists the teacher\'s class-subjects, and one sheet in class order with last changes', async () => {
    const list = await cms.rest.request('GET', `/marks/grid?schoolYear=${YEAR}&term=hk1`, { token: tokens.teacherA })
    expect(list.status, JSON.stringify(list.body)).toBe(200)
    expect(list.body).toMatchObject({ schoolYear: YEAR, term: 'hk1', assignments: [{ id: ids.ta, className: '6/1', subjectName: 'Toán', mine: true }] })
    const sheet = await cms.rest.request('GET', `/marks/grid?assignment=${ids.ta}&term=hk1`, { token: tokens.teacherA })
    expect(sheet.status).toBe(200)
    expect(sheet.body.columns).toEqual(['regular.0', 'regular.1', 'regular.2', 'regular.3', 'midTerm', 'endTerm'])
    // Class order: by given name (An, Lan, Minh).
    expect(sheet.body.students.map((s: Doc) => s.fullName)).toEqual(['Lê Văn An', 'Nguyễn Thị Lan', 'Trần Văn Minh'])
    const minh = sheet.body.students[2]
    expect(minh.mark.midTerm).toMatchObject({ value: 6.5 })
    expect(minh.changes.midTerm).toMatchObject({ by: 'Hoàng Thị Giáo' })
    expect((await cms.rest.request('GET', `/marks/grid?assignment=${ids.ta}`, { token: tokens.teacherC })).status).toBe(403)
    expect((await cms.rest.request('GET', `/marks/grid?assignment=${ids.ta}`, { token: tokens.principalA })).status).toBe(200)
  })
})
