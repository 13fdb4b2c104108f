import ExcelJS from 'exceljs'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest, type Where } from 'payload'

import { currentUser, relationId } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { maskCccd } from '../cccd.ts'
import { logPersonalDataRead } from '../hooks.ts'
import { canReadStudentPersonalData, canSeeClassList } from '../rights.ts'
import { matchHeaders, REQUIRED_COLUMNS, STUDENT_COLUMNS } from './columns.ts'
import { validateStudentRows, type RowError, type StudentRow } from './studentRows.ts'

const headerOf = (key: string) => STUDENT_COLUMNS.find((c) => c.key === key)?.header ?? key

function styleHeader(sheet: ExcelJS.Worksheet) {
  const row = sheet.getRow(1)
  row.font = { bold: true, name: 'Times New Roman', size: 12 }
  row.alignment = { vertical: 'middle', wrapText: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
}

/** The empty import template, with Vietnamese headers and one example row. */
export async function studentTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Hoc sinh')
  sheet.columns = [{ header: 'STT', key: 'stt', width: 6 }, ...STUDENT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) }))]
  sheet.addRow({ stt: 1, studentCode: 'HS0001', fullName: 'Nguyễn Văn A', dateOfBirth: '05/09/2015', sex: 'Nam', className: '5/1', cohort: '2021-2026' })
  styleHeader(sheet)
  return Buffer.from(await book.xlsx.writeBuffer())
}

const cellText = (value: ExcelJS.CellValue): unknown => {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return value.result
  }
  return value
}

export type SheetRead = { rows: { rowNumber: number; values: Record<string, unknown> }[]; missingColumns: string[] }

/** Finds the header row (ours or a vnEdu export's) in the first sheet and reads the rows under it. */
export async function readStudentSheet(buffer: Buffer): Promise<SheetRead> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) return { rows: [], missingColumns: REQUIRED_COLUMNS.map(headerOf) }
  let headerRow = 0
  let columns = new Map<number, string>()
  for (let r = 1; r <= Math.min(15, sheet.rowCount); r++) {
    const cells: string[] = []
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell, col) => (cells[col] = String(cellText(cell.value) ?? '')))
    const matched = matchHeaders(cells.map((c) => c ?? ''))
    if (matched.size > columns.size) {
      columns = matched
      headerRow = r
    }
  }
  const present = new Set(columns.values())
  const missingColumns = REQUIRED_COLUMNS.filter((key) => !present.has(key)).map(headerOf)
  const rows: SheetRead['rows'] = []
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const values: Record<string, unknown> = {}
    let filled = false
    for (const [col, key] of columns) {
      const value = cellText(row.getCell(col).value)
      if (value !== null && String(value).trim() !== '') filled = true
      values[key] = value
    }
    if (filled) rows.push({ rowNumber: r, values })
  }
  return { rows, missingColumns }
}

export type ImportReport = { ok: boolean; created: number; updated: number; moved: number; errors: RowError[] }

type ClassDoc = { id: number | string; name?: unknown; homeroomTeacher?: unknown }
type ExistingStudent = { id: number | string; currentClass?: unknown }

/** What an import will write, once every row passed: the rows, their classes and the students already on file. */
export type StudentImportPlan = {
  rows: StudentRow[]
  classByName: Map<string, ClassDoc>
  /** The student a row updates (found by student code, else by CCCD), if any. */
  existingFor: (row: StudentRow) => ExistingStudent | undefined
  /** The day the new enrolments start: the school year's opening day before it, today after. */
  startDate: string
}

/** The day an imported enrolment starts: 5 September of the school year until then, today afterwards. */
export function enrolmentStartDate(schoolYear: string, today = new Date()): string {
  const startYear = Number(schoolYear.slice(0, 4))
  const day = today.getUTCFullYear() === startYear && today.getUTCMonth() < 8 ? new Date(Date.UTC(startYear, 8, 5)) : today
  return `${day.toISOString().slice(0, 10)}T00:00:00.000Z`
}

/** The sheet, its school and year; `enrolledFrom` (ISO): when the enrolments begin, default enrolmentStartDate (the demo seed: the first day of the year). */
export type StudentImportArgs = { school: number | string; schoolYear: string; buffer: Buffer; enrolledFrom?: string }

const refused = (errors: RowError[]): ImportReport => ({ ok: false, created: 0, updated: 0, moved: 0, errors })

/**
 * Reads and checks a student sheet for one school and school year, writing nothing: either the
 * report of every row's errors, or the plan the import writes. The seed's fast path writes the same
 * plan (cms/src/seed/fastRecords.ts), so its students are the ones this import would make.
 */
export async function planStudentImport(
  req: PayloadRequest,
  args: StudentImportArgs,
): Promise<{ ok: false; report: ImportReport } | { ok: true; plan: StudentImportPlan }> {
  const { payload } = req
  const sheet = await readStudentSheet(args.buffer)
  if (sheet.missingColumns.length > 0) {
    return { ok: false, report: refused(sheet.missingColumns.map((column) => ({ row: 1, column, message: message(req, 'excel.missing-column') }))) }
  }
  const classes = await payload.find({
    collection: 'classes',
    where: { and: [{ school: { equals: args.school } }, { schoolYear: { equals: args.schoolYear } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const classByName = new Map<string, ClassDoc>(classes.docs.map((c) => [String(c.name).trim(), c]))
  const { rows, errors } = validateStudentRows(sheet.rows, headerOf, new Set(classByName.keys()), req)
  if (errors.length > 0) return { ok: false, report: refused(errors) }

  const codes = rows.map((r) => r.studentCode)
  const cccds = rows.map((r) => r.cccd).filter((c): c is string => Boolean(c))
  const existingWhere: Where = {
    and: [{ school: { equals: args.school } }, { or: [{ studentCode: { in: codes } }, ...(cccds.length ? [{ cccd: { in: cccds } }] : [])] }],
  }
  const existing = await payload.find({ collection: 'students', where: existingWhere, pagination: false, depth: 0, overrideAccess: true, req })
  const byCode = new Map(existing.docs.map((s) => [String(s.studentCode), s]))
  const byCccd = new Map(existing.docs.filter((s) => s.cccd).map((s) => [String(s.cccd), s]))
  return {
    ok: true,
    plan: {
      rows,
      classByName,
      existingFor: (row) => byCode.get(row.studentCode) ?? (row.cccd ? byCccd.get(row.cccd) : undefined),
      startDate: args.enrolledFrom ?? enrolmentStartDate(args.schoolYear),
    },
  }
}

/**
 * Imports a student sheet into one school and school year: every row is validated first; any error
 * and nothing is written (the report lists row, column and message); otherwise all rows are written
 * in one transaction, updating students found by student code (or CCCD) instead of duplicating them.
 */
export async function importStudents(req: PayloadRequest, args: StudentImportArgs): Promise<ImportReport> {
  const { payload } = req
  const planned = await planStudentImport(req, args)
  if (!planned.ok) return planned.report
  const { rows, classByName, existingFor, startDate } = planned.plan

  const report: ImportReport = { ok: true, created: 0, updated: 0, moved: 0, errors: [] }
  const shouldCommit = await initTransaction(req)
  try {
    const context = { truongsoBulkImport: true }
    for (const row of rows) {
      const klass = classByName.get(row.className)!
      const { rowNumber: _row, className: _class, ...data } = row
      const found = existingFor(row)
      const student = found
        ? await payload.update({ collection: 'students', id: found.id, data: data as never, overrideAccess: true, req, context })
        : await payload.create({ collection: 'students', data: { ...data, school: args.school } as never, overrideAccess: true, req, context })
      found ? report.updated++ : report.created++
      if (String(relationId(student.currentClass)) === String(klass.id)) continue
      const open = await payload.find({ collection: 'enrolments', where: { and: [{ student: { equals: student.id } }, { endDate: { exists: false } }] }, depth: 0, limit: 1, overrideAccess: true, req })
      if (open.docs[0]) {
        await payload.update({ collection: 'enrolments', id: open.docs[0].id, data: { endDate: startDate, endKind: 'class-change', reason: message(null, 'excel.imported-reason') } as never, overrideAccess: true, req, context })
        report.moved++
      }
      await payload.create({
        collection: 'enrolments',
        data: { student: student.id, class: klass.id, schoolYear: args.schoolYear, startDate, startKind: open.docs[0] ? 'class-change' : 'enrolled', school: args.school } as never,
        overrideAccess: true,
        req,
        context,
      })
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
  return report
}

/** The reader neither teaches nor leads the class, nor manages the school. */
export class ClassListForbidden extends Error {}

/** A class list as .xlsx, with exactly the columns the reader may see (CCCD masked otherwise). */
export async function classListWorkbook(req: PayloadRequest, classId: number | string): Promise<{ name: string; buffer: Buffer }> {
  const klass = await req.payload.findByID({ collection: 'classes', id: classId, depth: 0, overrideAccess: false, user: req.user, req })
  if (!(await canSeeClassList(req, klass))) throw new ClassListForbidden()
  const students = await req.payload.find({
    collection: 'students',
    where: { currentClass: { equals: klass.id } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const reader = currentUser(req)
  await logPersonalDataRead(req, 'export', students.docs as never)
  const mayReadPersonal = students.docs.length === 0 || canReadStudentPersonalData(reader, students.docs[0] as never)
  const columns = STUDENT_COLUMNS.filter((c) => !c.personal || mayReadPersonal)
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(`Lop ${String(klass.name).replace(/[\\/*?:[\]]/g, '-')}`)
  sheet.columns = [{ header: 'STT', key: 'stt', width: 6 }, ...columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length + 4) }))]
  const sorted = [...students.docs].sort((a, b) => String(a.fullName).split(' ').at(-1)!.localeCompare(String(b.fullName).split(' ').at(-1)!, 'vi'))
  sorted.forEach((s, i) => {
    const row: Record<string, unknown> = { stt: i + 1, className: klass.name }
    for (const c of columns) if (c.key !== 'className') row[c.key] = (s as Record<string, unknown>)[c.key] ?? ''
    row.dateOfBirth = s.dateOfBirth ? new Date(String(s.dateOfBirth)).toLocaleDateString('vi-VN', { timeZone: 'UTC' }) : ''
    row.cccd = canReadStudentPersonalData(reader, s as never) ? s.cccd ?? '' : maskCccd(s.cccd as string | null) ?? ''
    sheet.addRow(row)
  })
  styleHeader(sheet)
  return { name: `danh-sach-lop-${klass.name}.xlsx`.replace(/[/\\]/g, '-'), buffer: Buffer.from(await book.xlsx.writeBuffer()) }
}
