import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// One Payload instance per test file (each file runs in its own process).
describe(`staff import and export (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const who of ['schoolAdminA', 'teacherA'] as const) tokens[who] = await cms.rest.login(fx.emails[who], PASSWORD)
    await cms.payload.create({ collection: 'departments', data: { school: fx.schoolA, name: 'Tổ 4-5' } as never, overrideAccess: true })
  })
  afterAll(async () => {
    await cms?.close()
  })

  const sheet = async (rows: string[][]) => {
    const book = new ExcelJS.Workbook()
    const s = book.addWorksheet('NS')
    s.addRow(['Họ và tên', 'Chức vụ hiện tại', 'Tổ bộ môn', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Điện thoại di động'])
    for (const r of rows) s.addRow(r)
    return Buffer.from(await book.xlsx.writeBuffer())
  }

  it('imports staff all-or-nothing, updates by CCCD, and exports by rights', async () => {
    const bad = await cms.rest.upload('/staff/import', { name: 'ns.xlsx', type: XLSX, data: await sheet([['Võ Thị Một', 'Giáo viên', 'Tổ 4-5', '049190001111', '01/02/1990', 'Nữ', '0905000001'], ['Đinh Văn Hai', 'Giáo viên', 'Tổ Không Có', '049185002222', '03/04/1985', 'Nam', '0905000002']]) }, tokens.schoolAdminA)
    expect(bad.status).toBe(400)
    expect(bad.body.report.errors).toEqual([{ row: 3, column: 'Tổ bộ môn', message: expect.stringContaining('Tổ Không Có') }])
    expect((await cms.payload.count({ collection: 'staff', overrideAccess: true })).totalDocs).toBe(0)

    const rows = [['Võ Thị Một', 'Giáo viên', 'Tổ 4-5', '049190001111', '01/02/1990', 'Nữ', '0905000001'], ['Đinh Văn Hai', 'Tổ trưởng', 'Tổ 4-5', '049185002222', '03/04/1985', 'Nam', '0905000002']]
    const ok = await cms.rest.upload('/staff/import', { name: 'ns.xlsx', type: XLSX, data: await sheet(rows) }, tokens.schoolAdminA)
    expect(ok.body.report).toMatchObject({ created: 2, updated: 0 })
    rows[0]![6] = '0905999999'
    const again = await cms.rest.upload('/staff/import', { name: 'ns.xlsx', type: XLSX, data: await sheet(rows) }, tokens.schoolAdminA)
    expect(again.body.report).toMatchObject({ created: 0, updated: 2 })
    expect((await cms.payload.find({ collection: 'staff', where: { cccd: { equals: '049190001111' } }, overrideAccess: true })).docs[0]!.mobile).toBe('0905999999')
    expect((await cms.rest.upload('/staff/import', { name: 'ns.xlsx', type: XLSX, data: await sheet(rows) }, tokens.teacherA)).status).toBe(403)

    const read = async (who: 'schoolAdminA' | 'teacherA') => {
      const file = await cms.rest.download('/staff/export', tokens[who])
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(file.data as unknown as ArrayBuffer)
      return JSON.stringify(book.worksheets[0]!.getSheetValues())
    }
    expect(await read('schoolAdminA')).toContain('049190001111')
    const colleague = await read('teacherA')
    expect(colleague).toContain('Võ Thị Một')
    expect(colleague).not.toContain('049190001111')
    expect(colleague).not.toContain('0905999999')
  })

  it('the downloadable template carries every field of the staff record, and a filled one imports whole', async () => {
    const template = await cms.rest.download('/staff/import-template', tokens.schoolAdminA)
    expect(template.status).toBe(200)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(template.data as unknown as ArrayBuffer)
    const headers = (book.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean).map(String)
    for (const header of ['Họ và tên', 'Số CCCD', 'Quê quán', 'Ngày tuyển dụng', 'Nhóm trình độ chuyên môn', 'Năm tốt nghiệp', 'Trình độ lý luận chính trị', 'Hạng giáo viên', 'Môn dạy phụ']) {
      expect(headers, header).toContain(header)
    }
    // Fill the template's own columns with one person and import it back.
    const filled = new ExcelJS.Workbook()
    const s = filled.addWorksheet('NS')
    s.addRow(headers)
    const values: Record<string, string> = {
      'Họ và tên': 'Lê Thị Đủ', 'Tổ bộ môn': 'Tổ 4-5', 'Số CCCD': '049188003333', 'Ngày sinh': '05/06/1988', 'Giới tính': 'Nữ',
      'Quê quán': 'Điện Bàn', 'Ngày tuyển dụng': '01/09/2010', 'Năm tốt nghiệp': '2010', 'Trình độ lý luận chính trị': 'Trung cấp', 'Môn dạy phụ': 'Âm nhạc',
    }
    s.addRow(headers.map((h) => values[h] ?? ''))
    const res = await cms.rest.upload('/staff/import', { name: 'mau.xlsx', type: XLSX, data: Buffer.from(await filled.xlsx.writeBuffer()) }, tokens.schoolAdminA)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const stored = (await cms.payload.find({ collection: 'staff', where: { cccd: { equals: '049188003333' } }, overrideAccess: true, depth: 0 })).docs[0]!
    expect(stored).toMatchObject({ homeTown: 'Điện Bàn', graduationYear: 2010, politicalTheory: 'Trung cấp', secondarySubject: 'Âm nhạc' })
    expect(String(stored.recruitmentDate).slice(0, 10)).toBe('2010-09-01')
    // A wrong year is reported by row and column, and nothing is written.
    s.getRow(2).getCell(headers.indexOf('Năm tốt nghiệp') + 1).value = '10'
    s.getRow(2).getCell(headers.indexOf('Số CCCD') + 1).value = '049188004444'
    const bad = await cms.rest.upload('/staff/import', { name: 'mau.xlsx', type: XLSX, data: Buffer.from(await filled.xlsx.writeBuffer()) }, tokens.schoolAdminA)
    expect(bad.status).toBe(400)
    expect(bad.body.report.errors).toEqual([{ row: 2, column: 'Năm tốt nghiệp', message: expect.stringContaining('4 chữ số') }])
    expect((await cms.payload.count({ collection: 'staff', where: { cccd: { equals: '049188004444' } }, overrideAccess: true })).totalDocs).toBe(0)
  })
})
