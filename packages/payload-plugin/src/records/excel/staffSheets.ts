import ExcelJS from 'exceljs'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { isMessageKey, message } from '../../translations/index.ts'
import { currentUser, relationId } from '../../roles.ts'
import { isValidCccd } from '../cccd.ts'
import { managesSchool } from '../rights.ts'
import { matchColumns, type SheetColumn } from './columns.ts'
import { parseSheetDate, type RowError } from './studentRows.ts'

/**
 * Staff sheet columns, in the order of the staff record's tabs (docs/domain.md § Staff): the directory subset
 * first, then what only the person and the managers see.
 */
export const STAFF_COLUMNS: SheetColumn[] = [
  { key: 'fullName', header: 'Họ và tên', aliases: ['Họ tên'] },
  { key: 'currentPosition', header: 'Chức vụ hiện tại', aliases: ['Chức vụ'] },
  { key: 'departmentName', header: 'Tổ bộ môn', aliases: ['Tổ', 'Tổ chuyên môn'] },
  { key: 'cccd', header: 'Số CCCD', aliases: ['CCCD', 'Mã định danh', 'Số định danh cá nhân'], personal: true },
  { key: 'dateOfBirth', header: 'Ngày sinh', aliases: ['Ngày tháng năm sinh'], personal: true },
  { key: 'birthplace', header: 'Nơi sinh', aliases: [], personal: true },
  { key: 'sex', header: 'Giới tính', aliases: ['GT'], personal: true },
  { key: 'ethnicity', header: 'Dân tộc', aliases: [], personal: true },
  { key: 'religion', header: 'Tôn giáo', aliases: [], personal: true },
  { key: 'nationality', header: 'Quốc tịch', aliases: [], personal: true },
  { key: 'homeTown', header: 'Quê quán', aliases: [], personal: true },
  { key: 'permanentAddress', header: 'Địa chỉ thường trú', aliases: ['Nơi thường trú', 'Hộ khẩu thường trú'], personal: true },
  { key: 'currentAddress', header: 'Nơi ở hiện nay', aliases: ['Chỗ ở hiện nay', 'Địa chỉ hiện nay'], personal: true },
  { key: 'mobile', header: 'Điện thoại di động', aliases: ['Điện thoại', 'SĐT'], personal: true },
  { key: 'email', header: 'Email', aliases: ['Thư điện tử'], personal: true },
  { key: 'maritalStatus', header: 'Tình trạng hôn nhân', aliases: [], personal: true },
  { key: 'familyPriority', header: 'Diện ưu tiên gia đình', aliases: [], personal: true },
  { key: 'personalPriority', header: 'Diện ưu tiên bản thân', aliases: [], personal: true },
  { key: 'contractDate', header: 'Ngày hợp đồng', aliases: [], personal: true },
  { key: 'recruitmentDate', header: 'Ngày tuyển dụng', aliases: [], personal: true },
  { key: 'contractType', header: 'Hình thức hợp đồng', aliases: [], personal: true },
  { key: 'assignedWork', header: 'Công việc được giao', aliases: [], personal: true },
  { key: 'workGroup', header: 'Nhóm công việc hiện nay', aliases: [], personal: true },
  { key: 'currentWork', header: 'Công việc hiện nay', aliases: [], personal: true },
  { key: 'concurrentPositions', header: 'Chức vụ kiêm nhiệm', aliases: [], personal: true },
  { key: 'qualificationGroup', header: 'Nhóm trình độ chuyên môn', aliases: ['Trình độ chuyên môn'], personal: true },
  { key: 'trainingField', header: 'Ngành đào tạo', aliases: [], personal: true },
  { key: 'trainingMajor', header: 'Chuyên ngành đào tạo', aliases: ['Chuyên ngành'], personal: true },
  { key: 'institution', header: 'Nơi đào tạo', aliases: ['Cơ sở đào tạo'], personal: true },
  { key: 'trainingMode', header: 'Hình thức đào tạo', aliases: [], personal: true },
  { key: 'graduationYear', header: 'Năm tốt nghiệp', aliases: [], personal: true },
  { key: 'standardLevel', header: 'Trình độ chuẩn', aliases: [], personal: true },
  { key: 'politicalTheory', header: 'Trình độ lý luận chính trị', aliases: ['Lý luận chính trị'], personal: true },
  { key: 'stateManagement', header: 'Trình độ quản lý nhà nước', aliases: ['Quản lý nhà nước'], personal: true },
  { key: 'educationManagement', header: 'Trình độ quản lý giáo dục', aliases: ['Quản lý giáo dục'], personal: true },
  { key: 'foreignLanguage', header: 'Ngoại ngữ chính', aliases: ['Ngoại ngữ'], personal: true },
  { key: 'foreignLanguageLevel', header: 'Trình độ ngoại ngữ', aliases: [], personal: true },
  { key: 'itLevel', header: 'Trình độ tin học', aliases: ['Tin học'], personal: true },
  { key: 'teacherRank', header: 'Hạng giáo viên', aliases: ['Hạng'], personal: true },
  { key: 'mainSubject', header: 'Môn dạy', aliases: ['Nhiệm vụ (môn dạy)', 'Môn dạy chính'], personal: true },
  { key: 'secondarySubject', header: 'Môn dạy phụ', aliases: [], personal: true },
]

/** Date columns (dd/mm/yyyy in the sheet). */
const DATE_KEYS = ['dateOfBirth', 'contractDate', 'recruitmentDate'] as const

/** The staff import template: Vietnamese headers and one example row. */
export async function staffTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Nhan su')
  sheet.columns = STAFF_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) }))
  sheet.addRow({ fullName: 'Nguyễn Thị A', currentPosition: 'Giáo viên', departmentName: 'Tổ 1', dateOfBirth: '12/03/1990', sex: 'Nữ', contractType: 'Viên chức', graduationYear: 2012 })
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}

const header = (key: string) => STAFF_COLUMNS.find((c) => c.key === key)?.header ?? key
const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' && v !== null && 'text' in v ? String((v as { text: unknown }).text) : String(v).trim())

/** An optional dd/mm/yyyy cell, named in the message. */
// Issue messages are catalogue keys; the date's column is named when it is spelled out.
const sheetDate = () => z.string().refine((v) => v === '' || parseSheetDate(v) !== null, { error: 'excel.bad-date' })

const staffRow = z.object({
  fullName: z.string().trim().min(1, { error: 'excel.missing-name' }),
  cccd: z.string().refine((v) => v === '' || isValidCccd(v), { error: 'excel.bad-cccd' }),
  sex: z.string().refine((v) => ['', 'Nam', 'Nữ'].includes(v), { error: 'excel.bad-sex' }),
  dateOfBirth: sheetDate(),
  contractDate: sheetDate(),
  recruitmentDate: sheetDate(),
  graduationYear: z.string().refine((v) => v === '' || (/^\d{4}$/.test(v) && Number(v) >= 1950 && Number(v) <= new Date().getFullYear()), { error: 'excel.bad-graduation-year' }),
  email: z.string().refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'excel.bad-email' }),
})

/**
 * Staff import: all rows validated first (nothing written if any is wrong), then written in one
 * transaction, updating a person found by CCCD (or, without one, by name) instead of duplicating.
 */
export async function importStaff(req: PayloadRequest, args: { school: number | string; buffer: Buffer }) {
  const { payload } = req
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(args.buffer as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  const errors: RowError[] = []
  if (!sheet) return { ok: false, created: 0, updated: 0, errors: [{ row: 1, column: '', message: message(req, 'excel.no-sheet') }] }
  const headerCells: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headerCells[col] = cell(c.value)))
  const columns = matchColumns(STAFF_COLUMNS, headerCells.map((h) => h ?? ''))
  if (![...columns.values()].includes('fullName')) return { ok: false, created: 0, updated: 0, errors: [{ row: 1, column: header('fullName'), message: message(req, 'excel.missing-column') }] }
  const departments = await payload.find({ collection: 'departments', where: { school: { equals: args.school } }, pagination: false, depth: 0, overrideAccess: true, req })
  const departmentByName = new Map(departments.docs.map((d) => [String(d.name).trim().toLowerCase(), d.id]))
  const rows: { row: number; data: Record<string, unknown> }[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values: Record<string, string> = {}
    for (const [col, key] of columns) values[key] = cell(sheet.getRow(r).getCell(col).value)
    if (Object.values(values).every((v) => v === '')) continue
    // Every checked column, empty when the sheet lacks it.
    const parsed = staffRow.safeParse(Object.fromEntries(Object.keys(staffRow.shape).map((key) => [key, values[key] ?? ''])))
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = header(String(issue.path[0]))
        errors.push({ row: r, column, message: isMessageKey(issue.message) ? message(req, issue.message, { column }) : issue.message })
      }
      continue
    }
    const department = values.departmentName ? departmentByName.get(values.departmentName.toLowerCase()) : undefined
    if (values.departmentName && department === undefined) {
      errors.push({ row: r, column: header('departmentName'), message: message(req, 'excel.unknown-department', { name: values.departmentName }) })
      continue
    }
    const { departmentName: _d, ...rest } = values
    const data: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ''))
    for (const key of DATE_KEYS) if (data[key]) data[key] = parseSheetDate(String(data[key]))
    if (data.graduationYear) data.graduationYear = Number(data.graduationYear)
    if (department !== undefined) data.department = department
    rows.push({ row: r, data })
  }
  if (errors.length) return { ok: false, created: 0, updated: 0, errors }
  const existing = await payload.find({ collection: 'staff', where: { school: { equals: args.school } }, pagination: false, depth: 0, overrideAccess: true, req })
  const byCccd = new Map(existing.docs.filter((s) => s.cccd).map((s) => [String(s.cccd), s.id]))
  const byName = new Map(existing.docs.map((s) => [String(s.fullName).toLowerCase(), s.id]))
  let created = 0
  let updated = 0
  const shouldCommit = await initTransaction(req)
  try {
    for (const { data } of rows) {
      const id: number | string | undefined = (data.cccd ? byCccd.get(String(data.cccd)) : undefined) ?? byName.get(String(data.fullName).toLowerCase())
      if (id !== undefined) {
        await payload.update({ collection: 'staff', id, data: data as never, overrideAccess: true, req })
        updated++
      } else {
        await payload.create({ collection: 'staff', data: { ...data, school: args.school } as never, overrideAccess: true, req })
        created++
      }
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
  return { ok: true, created, updated, errors: [] as RowError[] }
}

/** The staff list as .xlsx: managers get every column; colleagues the directory subset. */
export async function staffListWorkbook(req: PayloadRequest, school: number | string): Promise<Buffer> {
  const full = managesSchool(currentUser(req), school)
  const staff = await req.payload.find({ collection: 'staff', where: { school: { equals: school } }, pagination: false, depth: 1, sort: 'fullName', overrideAccess: true, req })
  const columns = STAFF_COLUMNS.filter((c) => full || !c.personal)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Nhan su')
  sheet.columns = [{ header: 'STT', key: 'stt', width: 6 }, ...columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) }))]
  staff.docs.forEach((s, i) => {
    const row: Record<string, unknown> = { stt: i + 1 }
    for (const c of columns) row[c.key] = (s as Record<string, unknown>)[c.key] ?? ''
    row.departmentName = (s.department as { name?: string } | null)?.name ?? ''
    if (full) {
      for (const key of DATE_KEYS) {
        const value = (s as Record<string, unknown>)[key]
        row[key] = value ? new Date(String(value)).toLocaleDateString('vi-VN', { timeZone: 'UTC' }) : ''
      }
    }
    sheet.addRow(row)
  })
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}

export { relationId }
