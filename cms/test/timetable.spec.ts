import { REST_POST } from '@payloadcms/next/routes'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, unknown>

// The timetable (issue 14 items 1 and 7) through REST with real logins: slots, clashes, changes during the year, the week, the import.
describe(`timetable over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who | 'schoolAdminB', string>
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const count = async (collection: 'timetables' | 'timetable-slots') => (await cms.payload.count({ collection, overrideAccess: true })).totalDocs
  const post = (who: keyof typeof tokens | null, collection: string, body: Doc) => cms.rest.request('POST', `/${collection}?depth=0`, { token: who ? tokens[who] : undefined, body })
  const slot = (timetable: ID, assignment: ID, day: number, session: string, period: number, room?: string) => ({ school: fx.schoolA, timetable, teachingAssignment: assignment, day, session, period, ...(room ? { room } : {}) })
  const week = (who: keyof typeof tokens | null, query: string) => cms.rest.request('GET', `/timetables/week?${query}`, { token: who ? tokens[who] : undefined })

  async function importSheets(who: keyof typeof tokens, sheets: Record<string, (string | number)[][]>, fields: Record<string, string>) {
    const workbook = new ExcelJS.Workbook()
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = workbook.addWorksheet(name)
      sheet.getRow(2).values = ['Thứ', 'Buổi', 'Tiết', 'Môn - Giáo viên', 'Phòng']
      rows.forEach((row, i) => (sheet.getRow(3 + i).values = row))
    }
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), 'tkb.xlsx')
    for (const [key, value] of Object.entries(fields)) form.append(key, value)
    const request = new Request('http://localhost:3000/api/timetables/import', { method: 'POST', headers: { authorization: `JWT ${tokens[who]}`, 'accept-language': 'vi' }, body: form })
    const response = await (REST_POST(cms.config) as (r: Request, c: unknown) => Promise<Response>)(request, { params: Promise.resolve({ slug: ['timetables', 'import'] }) })
    return { status: response.status, body: (await response.json()) as any }
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    await createUser(cms.payload, 'quantri.b@test.vn', { memberships: [{ school: fx.schoolB, roles: ['school-admin'] }] })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    tokens.schoolAdminB = await cms.rest.login('quantri.b@test.vn', PASSWORD)
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA), data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA2), data: { fullName: 'Lê Văn Hai' } as never, overrideAccess: true })
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    ids.c61 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA2) })
    ids.c62 = await create('classes', { name: '6/2', grade: 6, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.van = await create('subjects', { name: 'Ngữ văn', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    const teacherA = await userId(fx.emails.teacherA)
    const teacherA2 = await userId(fx.emails.teacherA2)
    // teacherA: Toán in 6/1 and 6/2; teacherA2 (6/1's homeroom teacher): Ngữ văn in 6/1 and 6/2.
    ids.toan61 = await create('teaching-assignments', { teacher: teacherA, class: ids.c61, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.toan62 = await create('teaching-assignments', { teacher: teacherA, class: ids.c62, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.van61 = await create('teaching-assignments', { teacher: teacherA2, class: ids.c61, subject: ids.van, term: 'hk1', schoolYear: YEAR })
    ids.van62 = await create('teaching-assignments', { teacher: teacherA2, class: ids.c62, subject: ids.van, term: 'year', schoolYear: YEAR })
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('the school admin creates a timetable and its slots; the server sets teacher, subject, class and term', async () => {
    const res = await post('schoolAdminA', 'timetables', { school: fx.schoolA, class: ids.c61, term: 'hk1', startsOn: '2026-09-07' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids.t61 = res.body.doc.id
    expect(res.body.doc).toMatchObject({ schoolYear: YEAR, startsOn: '2026-09-07T00:00:00.000Z', label: '6/1 – HK1 – 07/09/2026' })
    const s1 = await post('schoolAdminA', 'timetable-slots', slot(ids.t61!, ids.toan61!, 2, 'morning', 1, 'P101'))
    expect(s1.status, JSON.stringify(s1.body)).toBe(201)
    expect(s1.body.doc).toMatchObject({ teacher: await userId(fx.emails.teacherA), subject: ids.toan, class: ids.c61, term: 'hk1', schoolYear: YEAR, room: 'P101' })
    expect((await post('schoolAdminA', 'timetable-slots', slot(ids.t61!, ids.van61!, 2, 'morning', 2))).status).toBe(201)
    // The same class, term and date twice, or an assignment of another class: refused.
    expect((await post('schoolAdminA', 'timetables', { school: fx.schoolA, class: ids.c61, term: 'hk1', startsOn: '2026-09-07' })).status).toBe(400)
    const other = await post('schoolAdminA', 'timetable-slots', slot(ids.t61!, ids.toan62!, 3, 'morning', 1))
    expect(other.status).toBe(400)
    expect(JSON.stringify(other.body)).toContain('không thuộc lớp 6/1')
    const res62 = await post('principalA', 'timetables', { school: fx.schoolA, class: ids.c62, term: 'hk1', startsOn: '2026-09-07' })
    expect(res62.status).toBe(201)
    ids.t62 = res62.body.doc.id
  })

  it('refuses a teacher clash naming both slots, and writes nothing', async () => {
    const before = await count('timetable-slots')
    const res = await post('schoolAdminA', 'timetable-slots', slot(ids.t62!, ids.toan62!, 2, 'morning', 1, 'P202'))
    expect(res.status).toBe(400)
    const text = res.body.errors[0].message as string
    expect(text).toContain('Trùng lịch giáo viên')
    expect(text).toContain('lớp 6/2, Thứ 2, buổi sáng, tiết 1, môn Toán, GV Hoàng Thị Giáo, phòng P202')
    expect(text).toContain('lớp 6/1, Thứ 2, buổi sáng, tiết 1, môn Toán, GV Hoàng Thị Giáo, phòng P101')
    expect(await count('timetable-slots')).toBe(before)
  })

  it('refuses a room clash likewise', async () => {
    const before = await count('timetable-slots')
    const res = await post('vicePrincipalA', 'timetable-slots', slot(ids.t62!, ids.van62!, 2, 'morning', 1, 'P101'))
    expect(res.status).toBe(400)
    const text = res.body.errors[0].message as string
    expect(text).toContain('Trùng phòng học')
    expect(text).toContain('lớp 6/2, Thứ 2, buổi sáng, tiết 1, môn Ngữ văn, GV Lê Văn Hai, phòng P101')
    expect(text).toContain('lớp 6/1, Thứ 2, buổi sáng, tiết 1, môn Toán')
    expect(await count('timetable-slots')).toBe(before)
    // Another period is fine.
    expect((await post('schoolAdminA', 'timetable-slots', slot(ids.t62!, ids.van62!, 2, 'morning', 1, 'P202'))).status).toBe(201)
  })

  it('a later timetable replaces the old one from its date only', async () => {
    // From Wednesday 16/09, 6/1 has Toán on Thứ 4 period 3 instead of its Monday lessons.
    const res = await post('schoolAdminA', 'timetables', { school: fx.schoolA, class: ids.c61, term: 'hk1', startsOn: '2026-09-16' })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    ids.t61b = res.body.doc.id
    expect((await post('schoolAdminA', 'timetable-slots', slot(ids.t61b!, ids.toan61!, 4, 'morning', 3))).status).toBe(201)
    // The old timetable no longer holds Thứ 2 from the 16th: teacherA's 6/2 Thứ 2 period 1 does not clash with it in week 2… but the old one is still in force before: refused.
    const clash = await post('schoolAdminA', 'timetable-slots', slot(ids.t62!, ids.toan62!, 2, 'morning', 1))
    expect(clash.status).toBe(400)
    const before = await week('teacherA', 'date=2026-09-14')
    expect(before.status).toBe(200)
    expect(before.body.weekStart).toBe('2026-09-14')
    // Monday 14 and Tuesday 15: the old timetable (Thứ 2 period 1); from Wednesday 16: the new one (Thứ 4 period 3).
    expect(before.body.slots.map((s: Doc) => [s.date, s.session, s.period, (s.class as Doc).name, (s.subject as Doc).name, (s.teacher as Doc).name, s.room])).toEqual([
      ['2026-09-14', 'morning', 1, '6/1', 'Toán', 'Hoàng Thị Giáo', 'P101'],
      ['2026-09-16', 'morning', 3, '6/1', 'Toán', 'Hoàng Thị Giáo', null],
    ])
    const later = await week('teacherA', 'date=2026-09-24&teacher=me')
    expect(later.body.slots.map((s: Doc) => [s.date, s.period])).toEqual([['2026-09-23', 3]])
    const first = await week('teacherA', 'date=2026-09-07')
    expect(first.body.slots.map((s: Doc) => [s.date, s.period])).toEqual([['2026-09-07', 1]])
  })

  it('a teacher sees only their own week and slots; the homeroom teacher and the board see the class', async () => {
    const mine = await week('teacherA2', 'date=2026-09-07')
    expect(mine.body.slots.map((s: Doc) => [(s.class as Doc).name, (s.subject as Doc).name]).sort()).toEqual([['6/1', 'Ngữ văn'], ['6/2', 'Ngữ văn']])
    expect(mine.body.slots.every((s: Doc) => (s.teacher as Doc).name === 'Lê Văn Hai')).toBe(true)
    expect(mine.body.slots).toHaveLength(2)
    const slots = await cms.rest.request('GET', '/timetable-slots?depth=0&limit=100', { token: tokens.teacherA })
    expect(slots.status).toBe(200)
    const teacherA = await userId(fx.emails.teacherA)
    expect(slots.body.docs.length).toBe(2)
    expect(slots.body.docs.every((s: Doc) => String(s.teacher) === String(teacherA))).toBe(true)
    expect(slots.body.docs.map((s: Doc) => String(s.subject))).toEqual(slots.body.docs.map(() => String(ids.toan)))
    // teacherA may not see 6/1's whole week; its homeroom teacher and the principal may.
    expect((await week('teacherA', `date=2026-09-07&class=${ids.c61}`)).status).toBe(403)
    const homeroom = await week('teacherA2', `date=2026-09-07&class=${ids.c61}`)
    expect(homeroom.status).toBe(200)
    expect(homeroom.body.slots.map((s: Doc) => (s.subject as Doc).name)).toEqual(['Toán', 'Ngữ văn'])
    expect((await week('principalA', `date=2026-09-07&class=${ids.c62}`)).body.slots).toHaveLength(1)
    // The timetables of classes a teacher teaches are readable.
    const timetables = await cms.rest.request('GET', '/timetables?depth=0', { token: tokens.teacherA })
    expect(timetables.body.docs.length).toBe(3)
  })

  it('refuses other schools, district staff and anonymous visitors', async () => {
    for (const who of ['principalB', 'teacherB', 'districtAdmin', 'districtOfficer'] as const) {
      expect((await cms.rest.request('GET', `/timetables/${ids.t61}?depth=0`, { token: tokens[who] })).status, who).toBeGreaterThanOrEqual(403)
      expect((await cms.rest.request('GET', '/timetable-slots?depth=0', { token: tokens[who] })).body.docs ?? []).toEqual([])
      expect([403, 404]).toContain((await week(who, `date=2026-09-07&class=${ids.c61}`)).status)
    }
    const timetables = await count('timetables')
    expect([400, 403]).toContain((await post('schoolAdminB', 'timetables', { school: fx.schoolA, class: ids.c61, term: 'hk2', startsOn: '2027-01-18' })).status)
    expect(await count('timetables')).toBe(timetables)
    expect((await post('districtAdmin', 'timetable-slots', slot(ids.t61!, ids.toan61!, 5, 'morning', 1))).status).toBe(403)
    expect((await post('teacherA', 'timetable-slots', slot(ids.t61!, ids.toan61!, 5, 'morning', 1))).status).toBe(403)
    expect((await week(null, 'date=2026-09-07')).status).toBe(401)
    expect((await cms.rest.request('GET', '/timetables')).status).toBe(403)
    expect((await week('teacherA', 'date=2026-13-07')).status).toBe(400)
  })

  it('an import with one bad cell changes nothing and names the row and column', async () => {
    const before = [await count('timetables'), await count('timetable-slots')]
    const res = await importSheets(
      'schoolAdminA',
      { '6-1': [['Thứ 2', 'Sáng', 1, 'Toán'], ['Thứ 2', 'Sáng', 2, 'Ngữ văn - Lê Văn Hai']], '6-2': [['Thứ 3', 'Chiều', 1, 'Tin học']] },
      { startsOn: '2026-10-05', term: 'hk1' },
    )
    expect(res.status).toBe(400)
    expect(res.body.report.errors).toEqual([{ sheet: '6-2', row: 3, column: 'Môn - Giáo viên', message: 'Lớp 6/2 không có phân công môn "Tin học" trong học kì I' }])
    expect([await count('timetables'), await count('timetable-slots')]).toEqual(before)
    // A clash with what is stored is reported the same way, nothing written.
    const clash = await importSheets('schoolAdminA', { '6-2': [['Thứ 4', 'Sáng', 3, 'Toán'], ['Thứ 5', 'Sáng', 1, 'Toán']] }, { startsOn: '2026-09-21', term: 'hk1' })
    expect(clash.status).toBe(400)
    expect(clash.body.report.errors[0]).toMatchObject({ sheet: '6-2', row: 3 })
    expect(clash.body.report.errors[0].message).toContain('Trùng lịch giáo viên')
    expect([await count('timetables'), await count('timetable-slots')]).toEqual(before)
    expect((await importSheets('teacherA', { '6-1': [['Thứ 2', 'Sáng', 1, 'Toán']] }, { startsOn: '2026-10-05', term: 'hk1' })).status).toBe(403)
  })

  it('a correct import writes every slot', async () => {
    const res = await importSheets(
      'schoolAdminA',
      { '6-1': [['Thứ 2', 'Sáng', 1, 'Toán', 'P101'], ['Thứ 2', 'Sáng', 2, 'Ngữ văn - Lê Văn Hai'], ['Thứ 6', 'Chiều', 5, 'toán - hoàng thị giáo']], '6-2': [['Thứ 3', 'Chiều', 1, 'Ngữ văn'], [3, 'Chiều', 2, 'Toán']] },
      { startsOn: '2026-10-05', term: 'hk1' },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.report).toMatchObject({ ok: true, timetables: 2, changed: 5 })
    const monday = await week('principalA', `date=2026-10-05&class=${ids.c61}`)
    expect(monday.body.slots.map((s: Doc) => [s.date, s.session, s.period, (s.subject as Doc).name])).toEqual([
      ['2026-10-05', 'morning', 1, 'Toán'],
      ['2026-10-05', 'morning', 2, 'Ngữ văn'],
      ['2026-10-09', 'afternoon', 5, 'Toán'],
    ])
    const template = await cms.rest.download('/timetables/template.xlsx?term=hk1&year=2026-2027', tokens.schoolAdminA)
    expect(template.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.data as unknown as ArrayBuffer)
    expect(book.worksheets.map((s) => s.name)).toEqual(['6-1', '6-2'])
    expect(book.worksheets[0]!.getRow(62).values).toEqual([undefined, 'Thứ 7', 'Chiều', 5])
  })
})
