import { REST_POST } from '@payloadcms/next/routes'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, any>
type Lesson = { number: number; title: string; chapter?: string | null; periods?: number }

// Phân phối chương trình (issue 14 item 2) over REST with real logins: who reads and writes a PPCT, its numbering checks, the Excel import.
describe(`syllabi (PPCT) over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who | 'teamLeaderB', string>
  const ids: Record<string, ID> = {}

  const lessons = (count: number, prefix = 'Bài'): Lesson[] => Array.from({ length: count }, (_, i) => ({ number: i + 1, title: `${prefix} ${i + 1}`, chapter: 'Chương I' }))
  const stored = async (id: ID) => (await cms.payload.findByID({ collection: 'syllabi', id, depth: 0, overrideAccess: true })) as unknown as Doc
  const storedLessons = async (id: ID) => ((await stored(id)).lessons as Lesson[]).map((l) => [l.number, l.title])
  const as = (who: keyof typeof tokens | null) => ({ token: who ? tokens[who] : undefined })
  const count = async () => (await cms.payload.count({ collection: 'syllabi', overrideAccess: true })).totalDocs

  /** A real multipart request: the file plus text fields, as the import form sends them. */
  const importSheet = async (who: keyof typeof tokens | null, file: Buffer | null, fields: Record<string, string>) => {
    const form = new FormData()
    if (file) form.append('file', new Blob([new Uint8Array(file)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'ppct.xlsx')
    for (const [name, value] of Object.entries(fields)) form.append(name, value)
    const headers: Record<string, string> = { 'accept-language': 'vi' }
    if (who) headers.authorization = `JWT ${tokens[who]}`
    const response = await (REST_POST(cms.config) as (req: Request, ctx: unknown) => Promise<Response>)(
      new Request('http://localhost:3000/api/syllabi/import', { method: 'POST', headers, body: form }),
      { params: Promise.resolve({ slug: ['syllabi', 'import'] }) },
    )
    return { status: response.status, body: (await response.json()) as Doc }
  }
  const workbook = async (rows: unknown[][], headers: string[] = ['Tiết', 'Tên bài', 'Chương/Chủ đề']) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('PPCT')
    sheet.addRow(['PHÂN PHỐI CHƯƠNG TRÌNH MÔN TOÁN 6'])
    sheet.addRow(headers)
    for (const row of rows) sheet.addRow(row)
    return Buffer.from(await book.xlsx.writeBuffer())
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    const create = async (collection: string, data: Doc, school: ID = fx.schoolA) => (await cms.payload.create({ collection: collection as never, data: { school, ...data } as never, overrideAccess: true })).id as ID
    ids.toBDepartment = await create('departments', { name: 'Tổ Toán' }, fx.schoolB)
    await createUser(cms.payload, 'totruong.b@test.vn', { memberships: [{ school: fx.schoolB, roles: ['team-leader', 'teacher'], department: ids.toBDepartment }] })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    tokens.teamLeaderB = await cms.rest.login('totruong.b@test.vn', PASSWORD)
    for (const name of ['Toán', 'Ngữ văn']) await create('subjects', { name, grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 }, fx.schoolB)
    // School B's own PPCT, which nobody of school A may touch.
    ids.ppctB = await create('syllabi', { subjectName: 'Toán', grade: 6, schoolYear: YEAR, department: ids.toBDepartment, lessons: lessons(2) }, fx.schoolB)
  })
  afterAll(async () => {
    await cms?.close()
  })

  describe('who writes and reads', () => {
    it('the team leader writes their department’s PPCT; it is stored in order with its key', async () => {
      const res = await cms.rest.request('POST', '/syllabi?depth=0', {
        ...as('teamLeaderA'),
        body: {
          school: fx.schoolA,
          subjectName: 'Toán',
          grade: 6,
          schoolYear: YEAR,
          department: fx.departments['Tổ 4-5'],
          lessons: [
            { number: 2, title: 'Cách ghi số tự nhiên', chapter: 'Chương I' },
            { number: 1, title: 'Tập hợp', chapter: 'Chương I' },
            { number: 3, title: 'Thứ tự trong tập hợp các số tự nhiên', periods: 2 },
          ],
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids.ppct = res.body.doc.id
      const doc = await stored(ids.ppct!)
      expect(doc.key).toBe(`${fx.schoolA}:Toán:6:${YEAR}`)
      expect((doc.lessons as Lesson[]).map((l) => [l.number, l.title, l.periods])).toEqual([
        [1, 'Tập hợp', 1],
        [2, 'Cách ghi số tự nhiên', 1],
        [3, 'Thứ tự trong tập hợp các số tự nhiên', 2],
      ])
    })

    it('a teacher of the school reads it but cannot change it or create one', async () => {
      const list = await cms.rest.request('GET', '/syllabi?depth=0', as('teacherA'))
      expect(list.status).toBe(200)
      expect(list.body.docs.map((d: Doc) => d.id)).toEqual([ids.ppct])
      const one = await cms.rest.request('GET', `/syllabi/${ids.ppct}?depth=0`, as('teacherA'))
      expect(one.status).toBe(200)
      expect(one.body.lessons).toHaveLength(3)

      const patch = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teacherA'), body: { lessons: lessons(1) } })
      expect(patch.status).toBe(403)
      const post = await cms.rest.request('POST', '/syllabi', { ...as('teacherA'), body: { school: fx.schoolA, subjectName: 'Ngữ văn', grade: 6, schoolYear: YEAR, department: fx.departments['Tổ 4-5'], lessons: lessons(1) } })
      expect(post.status).toBe(403)
      expect((await cms.rest.request('DELETE', `/syllabi/${ids.ppct}`, as('teacherA'))).status).toBe(403)
      expect(await storedLessons(ids.ppct!)).toHaveLength(3)
    })

    it('GraphQL and the Local API as a user refuse the teacher too', async () => {
      const mutation = await cms.rest.graphql(`mutation { updateSyllabus(id: ${JSON.stringify(ids.ppct)}, data: { subjectName: "Ngữ văn" }) { id } }`, tokens.teacherA)
      expect(mutation.body.errors[0].extensions.statusCode).toBe(403)
      const teacher = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]
      await expect(cms.payload.update({ collection: 'syllabi', id: ids.ppct!, data: { lessons: lessons(1) } as never, overrideAccess: false, user: teacher })).rejects.toMatchObject({ status: 403 })
      expect((await stored(ids.ppct!)).subjectName).toBe('Toán')
      expect(await storedLessons(ids.ppct!)).toHaveLength(3)
    })

    it('the leader of another department of the school cannot change it', async () => {
      const patch = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teamLeaderA2'), body: { lessons: lessons(1) } })
      expect(patch.status).toBe(403)
      expect(await storedLessons(ids.ppct!)).toHaveLength(3)
    })

    it('a team leader cannot hand their PPCT to another department (the stored result is checked)', async () => {
      const patch = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teamLeaderA'), body: { department: fx.departments['Tổ 1-2-3'] } })
      expect(patch.status).toBe(403)
      expect(patch.body.errors[0].message).toContain('Chỉ tổ trưởng')
      expect(String((await stored(ids.ppct!)).department)).toBe(String(fx.departments['Tổ 4-5']))
    })

    it('another school’s team leader neither reads nor writes it', async () => {
      const list = await cms.rest.request('GET', '/syllabi?depth=0', as('teamLeaderB'))
      expect(list.status).toBe(200)
      expect(list.body.docs.map((d: Doc) => d.id)).toEqual([ids.ppctB])
      expect((await cms.rest.request('GET', `/syllabi/${ids.ppct}`, as('teamLeaderB'))).status).toBe(404)
      const patch = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teamLeaderB'), body: { lessons: lessons(1) } })
      expect(patch.status).toBe(403)
      const post = await cms.rest.request('POST', '/syllabi', { ...as('teamLeaderB'), body: { school: fx.schoolA, subjectName: 'Ngữ văn', grade: 6, schoolYear: YEAR, department: fx.departments['Tổ 4-5'], lessons: lessons(1) } })
      expect(post.status).toBe(403)
      expect(await storedLessons(ids.ppct!)).toHaveLength(3)
    })

    it('district staff and anonymous users get nothing', async () => {
      for (const who of ['districtOfficer', 'districtAdmin', null] as const) {
        const list = await cms.rest.request('GET', '/syllabi?depth=0', as(who))
        expect(list.status, String(who)).toBe(403)
        expect((await cms.rest.request('GET', `/syllabi/${ids.ppct}`, as(who))).status, String(who)).toBe(403)
        expect((await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as(who), body: { lessons: lessons(1) } })).status, String(who)).toBe(403)
      }
      const graphql = await cms.rest.graphql('{ Syllabi { docs { id } } }', tokens.districtOfficer)
      expect(graphql.body.errors[0].extensions.statusCode).toBe(403)
      expect(graphql.body.data.Syllabi).toBeNull()
      // The same query answers a teacher of the school: the refusal is the district officer's.
      const forTeacher = await cms.rest.graphql('{ Syllabi { docs { id } } }', tokens.teacherA)
      expect(forTeacher.body.data.Syllabi.docs.map((d: Doc) => d.id)).toEqual([ids.ppct])
      expect(await storedLessons(ids.ppct!)).toHaveLength(3)
    })

    it('the principal writes any department’s PPCT of the school', async () => {
      const res = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}?depth=0`, { ...as('principalA'), body: { lessons: [...lessons(3).slice(0, 3), { number: 4, title: 'Phép cộng và phép trừ số tự nhiên' }] } })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(await storedLessons(ids.ppct!)).toHaveLength(4)
    })
  })

  describe('the numbering and the key are checked on the server', () => {
    it('a repeated lesson number is refused, naming the row, and nothing changes', async () => {
      const before = await storedLessons(ids.ppct!)
      const res = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teamLeaderA'), body: { lessons: [{ number: 1, title: 'A' }, { number: 2, title: 'B' }, { number: 2, title: 'C' }] } })
      expect(res.status).toBe(400)
      const error = res.body.errors[0].data.errors[0]
      expect(error.path).toBe('lessons.2.number')
      expect(error.message).toBe('Dòng 3: tiết 2 trùng với dòng 2')
      expect(await storedLessons(ids.ppct!)).toEqual(before)
    })

    it('a gap is refused, naming the row after it and the missing numbers, and nothing changes', async () => {
      const before = await storedLessons(ids.ppct!)
      const res = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teamLeaderA'), body: { lessons: [{ number: 1, title: 'A' }, { number: 4, title: 'B' }] } })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'lessons.1.number', message: 'Dòng 2: có tiết 4 nhưng thiếu tiết 2–3' })
      expect(await storedLessons(ids.ppct!)).toEqual(before)
    })

    it('an empty title is refused with its row, in English too', async () => {
      const res = await cms.rest.request('PATCH', `/syllabi/${ids.ppct}`, { ...as('teamLeaderA'), language: 'en', body: { lessons: [{ number: 1, title: ' ' }] } })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'lessons.0.title', message: 'Row 1: the lesson title is missing' })
    })

    it('a second PPCT of the same subject, grade and year is refused; a subject the school lacks too', async () => {
      const before = await count()
      const body = { school: fx.schoolA, subjectName: 'Toán', grade: 6, schoolYear: YEAR, department: fx.departments['Tổ 4-5'], lessons: lessons(1) }
      const twice = await cms.rest.request('POST', '/syllabi', { ...as('teamLeaderA'), body })
      expect(twice.status).toBe(400)
      expect(twice.body.errors[0].data.errors[0].message).toBe(`Trường đã có PPCT môn Toán khối 6 năm học ${YEAR}.`)
      const unknown = await cms.rest.request('POST', '/syllabi', { ...as('teamLeaderA'), body: { ...body, subjectName: 'Tin học' } })
      expect(unknown.status).toBe(400)
      expect(unknown.body.errors[0].data.errors[0]).toMatchObject({ path: 'subjectName' })
      expect(unknown.body.errors[0].data.errors[0].message).toContain('Trường chưa có môn "Tin học" của khối 6')
      expect(await count()).toBe(before)
    })
  })

  describe('Excel', () => {
    it('the template has the columns Tiết, Tên bài, Chương/Chủ đề', async () => {
      expect((await cms.rest.download('/syllabi/template.xlsx')).status).toBe(401)
      const file = await cms.rest.download('/syllabi/template.xlsx', tokens.teacherA)
      expect(file.status).toBe(200)
      expect(file.type).toContain('spreadsheetml')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(file.data as unknown as ArrayBuffer)
      expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Tiết', 'Tên bài', 'Chương/Chủ đề'])
    })

    it('an import with one bad row changes nothing and names the row and column', async () => {
      const before = await storedLessons(ids.ppct!)
      const file = await workbook([
        [1, 'Tập hợp', 'Chương I'],
        [2, '', 'Chương I'],
        [3, 'Phép cộng', 'Chương I'],
        [3, 'Phép trừ', 'Chương I'],
      ])
      const res = await importSheet('teamLeaderA', file, { subject: 'Toán', grade: '6', schoolYear: YEAR })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].message).toBe('Có 2 lỗi; PPCT chưa thay đổi.')
      expect(res.body.report.errors).toEqual([
        { row: 4, column: 'Tên bài', message: 'thiếu tên bài' },
        { row: 6, column: 'Tiết', message: 'tiết 3 trùng với dòng 5' },
      ])
      expect(await storedLessons(ids.ppct!)).toEqual(before)
    })

    it('a sheet without the Tên bài column is refused, naming it', async () => {
      const res = await importSheet('teamLeaderA', await workbook([[1, 'x']], ['Tiết', 'Ghi chú']), { subject: 'Toán', grade: '6', schoolYear: YEAR })
      expect(res.status).toBe(400)
      expect(res.body.report.errors).toEqual([{ row: 2, column: 'Tên bài', message: 'Không tìm thấy cột Tên bài' }])
    })

    it('a correct import replaces the lessons of that PPCT', async () => {
      const file = await workbook([
        [1, 'Tập hợp', 'Chương I. Tập hợp các số tự nhiên'],
        ['2', 'Cách ghi số tự nhiên', 'Chương I. Tập hợp các số tự nhiên'],
        [],
        [3, 'Phép nhân, phép chia', null],
      ])
      const res = await importSheet('teamLeaderA', file, { subject: 'Toán', grade: '6', schoolYear: YEAR })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body).toMatchObject({ ok: true, id: ids.ppct, report: { ok: true, lessons: 3, errors: [] } })
      const doc = await stored(ids.ppct!)
      expect((doc.lessons as Lesson[]).map((l) => [l.number, l.title, l.chapter ?? null])).toEqual([
        [1, 'Tập hợp', 'Chương I. Tập hợp các số tự nhiên'],
        [2, 'Cách ghi số tự nhiên', 'Chương I. Tập hợp các số tự nhiên'],
        [3, 'Phép nhân, phép chia', null],
      ])
      expect(await count()).toBe(2)
    })

    it('an import for a subject without a PPCT creates it for the leader’s department', async () => {
      const res = await importSheet('teamLeaderA', await workbook([[1, 'Tiếng Việt và văn học', 'Bài 1']]), { subject: 'Ngữ văn', grade: '6', schoolYear: YEAR })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const doc = await stored(res.body.id)
      expect(doc).toMatchObject({ subjectName: 'Ngữ văn', grade: 6, schoolYear: YEAR })
      expect(String(doc.department)).toBe(String(fx.departments['Tổ 4-5']))
      expect(String(doc.school)).toBe(String(fx.schoolA))
    })

    it('teachers, another department’s leader, district staff and anonymous users cannot import', async () => {
      const file = await workbook([[1, 'Bài mới', null]])
      const fields = { subject: 'Toán', grade: '6', schoolYear: YEAR }
      expect((await importSheet('teacherA', file, fields)).status).toBe(403)
      expect((await importSheet('teamLeaderA2', file, fields)).status).toBe(403)
      expect((await importSheet('districtAdmin', file, fields)).status).toBe(403)
      expect((await importSheet(null, file, fields)).status).toBe(401)
      // School B's team leader imports into school B only.
      expect((await importSheet('teamLeaderB', file, { ...fields, school: String(fx.schoolA) })).status).toBe(403)
      expect(await storedLessons(ids.ppct!)).toHaveLength(3)
    })

    it('missing parameters or file are refused in Vietnamese', async () => {
      const missing = await importSheet('teamLeaderA', await workbook([[1, 'x', null]]), { grade: '13', schoolYear: YEAR })
      expect(missing.status).toBe(400)
      expect(missing.body.errors[0].message).toContain('chọn môn học')
      expect(missing.body.errors[0].message).toContain('khối (grade) phải là số từ 1 đến 12')
      const noFile = await importSheet('teamLeaderA', null, { subject: 'Toán', grade: '6', schoolYear: YEAR })
      expect(noFile.status).toBe(400)
      expect(noFile.body.errors[0].message).toBe('Chưa chọn tệp Excel (.xlsx).')
    })
  })
})
