import ExcelJS from 'exceljs'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { relationId, type RoleHolder } from '../../roles.ts'
import { isValidCccd } from '../cccd.ts'
import { managesSchool } from '../rights.ts'
import { matchColumns, type SheetColumn } from './columns.ts'
import { parseSheetDate, type RowError } from './studentRows.ts'

/** Staff sheet columns: the directory subset first, then what only the person and the managers see. */
export const STAFF_COLUMNS: SheetColumn[] = [
  { key: 'fullName', header: 'Họ và tên', aliases: ['Họ tên'] },
  { key: 'currentPosition', header: 'Chức vụ hiện tại', aliases: ['Chức vụ'] },
  { key: 'departmentName', header: 'Tổ bộ môn', aliases: ['Tổ', 'Tổ chuyên môn'] },
  { key: 'cccd', header: 'Số CCCD', aliases: ['CCCD', 'Mã định danh', 'Số định danh cá nhân'], personal: true },
  { key: 'dateOfBirth', header: 'Ngày sinh', aliases: ['Ngày tháng năm sinh'], personal: true },
  { key: 'sex', header: 'Giới tính', aliases: ['GT'], personal: true },
  { key: 'mobile', header: 'Điện thoại di động', aliases: ['Điện thoại', 'SĐT'], personal: true },
  { key: 'email', header: 'Email', aliases: ['Thư điện tử'], personal: true },
  { key: 'contractType', header: 'Hình thức hợp đồng', aliases: [], personal: true },
  { key: 'standardLevel', header: 'Trình độ chuẩn', aliases: [], personal: true },
  { key: 'teacherRank', header: 'Hạng giáo viên', aliases: ['Hạng'], personal: true },
  { key: 'mainSubject', header: 'Môn dạy', aliases: ['Nhiệm vụ (môn dạy)', 'Môn dạy chính'], personal: true },
]

const header = (key: string) => STAFF_COLUMNS.find((c) => c.key === key)?.header ?? key
const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' && v !== null && 'text' in v ? String((v as { text: unknown }).text) : String(v).trim())

const staffRow = z.object({
  fullName: z.string().trim().min(1, { error: 'Thiếu họ và tên' }),
  cccd: z.string().refine((v) => v === '' || isValidCccd(v), { error: 'Số CCCD phải gồm đúng 12 chữ số, 3 số đầu là mã tỉnh' }),
  sex: z.string().refine((v) => ['', 'Nam', 'Nữ'].includes(v), { error: 'Giới tính phải là Nam hoặc Nữ' }),
  dateOfBirth: z.string().refine((v) => v === '' || parseSheetDate(v) !== null, { error: 'Ngày sinh không hợp lệ (dd/mm/yyyy)' }),
  email: z.string().refine((v) => v === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'Email không hợp lệ' }),
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
  if (!sheet) return { ok: false, created: 0, updated: 0, errors: [{ row: 1, column: '', message: 'Tệp không có trang tính' }] }
  const headerCells: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headerCells[col] = cell(c.value)))
  const columns = matchColumns(STAFF_COLUMNS, headerCells.map((h) => h ?? ''))
  if (![...columns.values()].includes('fullName')) return { ok: false, created: 0, updated: 0, errors: [{ row: 1, column: header('fullName'), message: 'Thiếu cột bắt buộc' }] }
  const departments = await payload.find({ collection: 'departments', where: { school: { equals: args.school } }, pagination: false, depth: 0, overrideAccess: true, req })
  const departmentByName = new Map(departments.docs.map((d) => [String(d.name).trim().toLowerCase(), d.id]))
  const rows: { row: number; data: Record<string, unknown> }[] = []
  for (let r = 2; r <= sheet.rowCount; r++) {
    const values: Record<string, string> = {}
    for (const [col, key] of columns) values[key] = cell(sheet.getRow(r).getCell(col).value)
    if (Object.values(values).every((v) => v === '')) continue
    const parsed = staffRow.safeParse({ fullName: values.fullName ?? '', cccd: values.cccd ?? '', sex: values.sex ?? '', dateOfBirth: values.dateOfBirth ?? '', email: values.email ?? '' })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row: r, column: header(String(issue.path[0])), message: issue.message })
      continue
    }
    const department = values.departmentName ? departmentByName.get(values.departmentName.toLowerCase()) : undefined
    if (values.departmentName && department === undefined) {
      errors.push({ row: r, column: header('departmentName'), message: `Chưa có tổ "${values.departmentName}" trong trường` })
      continue
    }
    const { departmentName: _d, dateOfBirth, ...rest } = values
    rows.push({ row: r, data: { ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')), ...(dateOfBirth ? { dateOfBirth: parseSheetDate(dateOfBirth) } : {}), ...(department !== undefined ? { department } : {}) } })
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
  const full = managesSchool(req.user as unknown as RoleHolder, school)
  const staff = await req.payload.find({ collection: 'staff', where: { school: { equals: school } }, pagination: false, depth: 1, sort: 'fullName', overrideAccess: true, req })
  const columns = STAFF_COLUMNS.filter((c) => full || !c.personal)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Nhan su')
  sheet.columns = [{ header: 'STT', key: 'stt', width: 6 }, ...columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) }))]
  staff.docs.forEach((s, i) => {
    const row: Record<string, unknown> = { stt: i + 1 }
    for (const c of columns) row[c.key] = (s as Record<string, unknown>)[c.key] ?? ''
    row.departmentName = (s.department as { name?: string } | null)?.name ?? ''
    if (full && s.dateOfBirth) row.dateOfBirth = new Date(String(s.dateOfBirth)).toLocaleDateString('vi-VN', { timeZone: 'UTC' })
    sheet.addRow(row)
  })
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}

export { relationId }
