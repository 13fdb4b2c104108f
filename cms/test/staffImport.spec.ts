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
})
