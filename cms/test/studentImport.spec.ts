import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const YEAR = '2026-2027'
const CLASSES = Array.from({ length: 25 }, (_, i) => `5/${i + 1}`)

type Row = Record<string, string>

/** 1,000 generated students, 40 per class, with obviously fake CCCDs (province 049, serial 9xxxxx). */
function students(count = 1000): Row[] {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi']
  const given = ['An', 'Bình', 'Chi', 'Dũng', 'Đào', 'Giang', 'Hà', 'Khánh', 'Lan', 'Minh']
  return Array.from({ length: count }, (_, i) => ({
    code: `HS${String(i + 1).padStart(5, '0')}`,
    name: `${family[i % 8]} Văn ${given[i % 10]} ${i + 1}`,
    dob: `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2016`,
    sex: i % 2 ? 'Nữ' : 'Nam',
    klass: CLASSES[Math.floor(i / 40)]!,
    cccd: `049216${String(900000 + i).padStart(6, '0')}`,
    phone: `0905${String(100000 + i).padStart(6, '0')}`,
  }))
}

async function workbook(rows: Row[], layout: 'template' | 'vnedu' = 'template'): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('DS')
  if (layout === 'template') {
    sheet.addRow(['STT', 'Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Số CCCD', 'Số điện thoại liên lạc'])
    rows.forEach((r, i) => sheet.addRow([i + 1, r.code, r.name, r.dob, r.sex, r.klass, r.cccd, r.phone]))
  } else {
    // A vnEdu export: title lines first, other column names and order.
    sheet.addRow(['DANH SÁCH HỌC SINH'])
    sheet.addRow(['Năm học 2026-2027'])
    sheet.addRow(['STT', 'Lớp', 'Mã HS', 'Họ tên', 'GT', 'Ngày tháng năm sinh', 'Mã định danh', 'Điện thoại'])
    rows.forEach((r, i) => sheet.addRow([i + 1, r.klass, r.code, r.name, r.sex, r.dob, r.cccd, r.phone]))
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe(`student import and export (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const importFile = (data: Buffer, who: Who = 'schoolAdminA') =>
    cms.rest.upload(`/students/import?schoolYear=${YEAR}`, { name: 'hoc-sinh.xlsx', data, type: XLSX }, tokens[who])
  const countStudents = async () => (await cms.payload.count({ collection: 'students', where: { school: { equals: fx.schoolA } }, overrideAccess: true })).totalDocs

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    for (const name of CLASSES) {
      await cms.payload.create({ collection: 'classes', data: { school: fx.schoolA, name, grade: 5, schoolYear: YEAR } as never, overrideAccess: true })
    }
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('offers a template with Vietnamese headers', async () => {
    const file = await cms.rest.download('/students/import-template', tokens.schoolAdminA)
    expect(file.status).toBe(200)
    expect(file.type).toBe(XLSX)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(file.data as unknown as ArrayBuffer)
    const headers = (book.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean)
    expect(headers).toEqual(expect.arrayContaining(['Mã học sinh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Lớp', 'Số CCCD']))
  })

  it('writes nothing when rows 17 and 930 are wrong, and reports both', async () => {
    const rows = students()
    rows[15]!.dob = '31/02/2016' // sheet row 17 (header is row 1)
    rows[928]!.cccd = '12345' // sheet row 930
    const res = await importFile(await workbook(rows))
    expect(res.status).toBe(400)
    expect(res.body.report.errors).toEqual([
      { row: 17, column: 'Ngày sinh', message: expect.stringContaining('Ngày sinh không hợp lệ') },
      { row: 930, column: 'Số CCCD', message: expect.stringContaining('12 chữ số') },
    ])
    expect(res.body.errors[0].message).toContain('chưa ghi dữ liệu nào')
    expect(await countStudents()).toBe(0)
  })

  it('refuses an import by a teacher', async () => {
    const res = await importFile(await workbook(students(3)), 'teacherA')
    expect(res.status).toBe(403)
    expect(await countStudents()).toBe(0)
  })

  it('imports 1,000 students into their classes, then updates them in place on re-import', async () => {
    const rows = students()
    const first = await importFile(await workbook(rows))
    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(200)
    expect(first.body.report).toMatchObject({ created: 1000, updated: 0 })
    expect(await countStudents()).toBe(1000)
    const classes = await cms.rest.request('GET', '/classes?limit=50&sort=name&depth=0', { token: tokens.teacherA })
    expect(classes.body.docs.map((c: { size: number }) => c.size)).toEqual(Array(25).fill(40))
    const roster = await cms.rest.request('GET', `/classes/${classes.body.docs.find((c: { name: string }) => c.name === '5/3').id}/roster`, { token: tokens.principalA })
    expect(roster.body.students.map((s: { studentCode: string }) => s.studentCode).sort()[0]).toBe('HS00081')

    rows[0]!.name = 'Nguyễn Văn Đổi Tên'
    rows[1]!.klass = '5/2'
    const again = await importFile(await workbook(rows, 'vnedu'))
    expect(again.status, JSON.stringify(again.body).slice(0, 500)).toBe(200)
    expect(again.body.report).toMatchObject({ created: 0, updated: 1000, moved: 1 })
    expect(await countStudents()).toBe(1000)
    const renamed = await cms.payload.find({ collection: 'students', where: { studentCode: { equals: 'HS00001' } }, overrideAccess: true, depth: 1 })
    expect(renamed.docs[0]!.fullName).toBe('Nguyễn Văn Đổi Tên')
    const moved = await cms.payload.find({ collection: 'students', where: { studentCode: { equals: 'HS00002' } }, overrideAccess: true, depth: 1 })
    expect((moved.docs[0]!.currentClass as { name: string }).name).toBe('5/2')
  })

  it('exports a class list with masked CCCDs and no personal columns for a reader without the right', async () => {
    const klass = (await cms.payload.find({ collection: 'classes', where: { name: { equals: '5/1' } }, overrideAccess: true })).docs[0]!
    const read = async (who: Who) => {
      const file = await cms.rest.download(`/classes/${klass.id}/export`, tokens[who])
      expect(file.status).toBe(200)
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(file.data as unknown as ArrayBuffer)
      const sheet = book.worksheets[0]!
      return { headers: (sheet.getRow(1).values as unknown[]).filter(Boolean) as string[], rows: sheet.rowCount - 1, text: JSON.stringify(sheet.getSheetValues()) }
    }
    // A teacher exports only a class they teach.
    const unassigned = await cms.rest.request('GET', `/classes/${klass.id}/export`, { token: tokens.teacherA })
    expect(unassigned.status).toBe(403)
    const teacherId = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]!.id
    const subject = await cms.payload.create({ collection: 'subjects', data: { school: klass.school, name: 'Toán', grade: klass.grade, schoolYear: klass.schoolYear, kind: 'primary' } as never, overrideAccess: true })
    await cms.payload.create({ collection: 'teaching-assignments', data: { school: klass.school, teacher: teacherId, class: klass.id, subject: subject.id, term: 'year', schoolYear: klass.schoolYear } as never, overrideAccess: true })
    const teacher = await read('teacherA')
    expect(teacher.rows).toBe(39)
    expect(teacher.headers).not.toContain('Số điện thoại liên lạc')
    expect(teacher.text).toMatch(/"0\*{8}\d{3}"/)
    expect(teacher.text).not.toContain('049216900')
    const principal = await read('principalA')
    expect(principal.headers).toContain('Số điện thoại liên lạc')
    expect(principal.text).toContain('049216900')
  })
})
