import { PRIMARY_SUBJECT_RESULTS } from '@truongso/assessment'
import ExcelJS from 'exceljs'
import type { PayloadRequest } from 'payload'

import { normaliseHeader } from '../../records/excel/columns.ts'
import type { RowError } from '../../records/excel/studentRows.ts'
import { message } from '../../translations/index.ts'
import type { ClassGradebook } from '../loadGradebook.ts'
import { primaryPeriodicTests, PRIMARY_PERIODS, regularSlots, type GradebookSubjectDoc } from '../subjects.ts'
import { columnLabels, markIssues } from '../validation.ts'

/**
 * The mark sheet of one class-subject and term, in the layout teachers know from the paper book and
 * vnEdu: STT, Mã học sinh, Họ và tên, then TX1…TXn, GK, CK (THCS) or the primary levels and periodic
 * tests, and Nhận xét. ĐTBmhk / Kết quả are the engine's, shown and never read back.
 */

type Doc = Record<string, unknown>
type Term = 'hk1' | 'hk2'

/** A column of the sheet: the stored field it fills (`regular.0` = TX1), or read-only. */
export type MarkColumn = { key: string; header: string; kind: 'score' | 'comment-mark' | 'level' | 'test' | 'text' | 'readonly'; width: number }

// The sheet's own column headers (Vietnamese in both languages: it is the layout schools exchange).
const IDENTITY = { stt: { header: 'STT' }, code: { header: 'Mã học sinh' }, name: { header: 'Họ và tên' } } as const
const COMMENT_HEADER = { header: 'Nhận xét' }.header

export function markColumns(subject: GradebookSubjectDoc, term: Term): MarkColumn[] {
  if (subject.kind === 'primary') {
    const tests = primaryPeriodicTests(subject)
    return [
      { key: 'midTermLevel', header: 'Mức giữa kì', kind: 'level', width: 12 },
      ...(tests.includes(PRIMARY_PERIODS[term].midTerm) ? [{ key: 'midTermTest', header: columnLabels.midTermTest, kind: 'test', width: 14 } as MarkColumn] : []),
      { key: 'endTermLevel', header: term === 'hk2' ? 'Mức cuối năm' : 'Mức cuối kì', kind: 'level', width: 12 },
      ...(tests.includes(PRIMARY_PERIODS[term].endTerm) ? [{ key: 'endTermTest', header: columnLabels.endTermTest, kind: 'test', width: 14 } as MarkColumn] : []),
      { key: 'comment', header: COMMENT_HEADER, kind: 'text', width: 40 },
    ]
  }
  const cell = subject.kind === 'scored' ? 'score' : 'comment-mark'
  return [
    ...Array.from({ length: regularSlots(subject) }, (_, i): MarkColumn => ({ key: `regular.${i}`, header: columnLabels.regular(i), kind: cell, width: 7 })),
    { key: 'midTerm', header: columnLabels.midTerm, kind: cell, width: 7 },
    { key: 'endTerm', header: columnLabels.endTerm, kind: cell, width: 7 },
    { key: subject.kind === 'scored' ? 'termAverage' : 'termResult', header: subject.kind === 'scored' ? 'ĐTBmhk' : 'Kết quả', kind: 'readonly', width: 9 },
    { key: 'comment', header: COMMENT_HEADER, kind: 'text', width: 40 },
  ]
}

const valueOf = (cell: unknown): unknown => (cell && typeof cell === 'object' && 'value' in cell ? (cell as { value: unknown }).value : null)

/** The stored value a column shows. */
function storedValue(mark: Doc | undefined, key: string): unknown {
  if (!mark) return null
  if (key.startsWith('regular.')) return valueOf((Array.isArray(mark.regular) ? mark.regular : [])[Number(key.slice(8))])
  if (key === 'midTerm' || key === 'endTerm') return valueOf(mark[key])
  return mark[key] ?? null
}

export type SheetContext = { book: ClassGradebook; subject: GradebookSubjectDoc; term: Term }

const TITLE_ROW = 1
const HEADER_ROW = 3

export async function markSheetWorkbook(req: PayloadRequest, { book, subject, term }: SheetContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(`${subject.name} ${String(book.klass.name)}`.replace(/[\\/*?:[\]]/g, '-').slice(0, 31))
  const columns = markColumns(subject, term)
  const headers = [IDENTITY.stt.header, IDENTITY.code.header, IDENTITY.name.header, ...columns.map((c) => c.header)]
  sheet.getRow(TITLE_ROW).getCell(1).value = message(req, 'marksheet.title', {
    subject: subject.name.toUpperCase(),
    class: String(book.klass.name),
    term: message(req, term === 'hk1' ? 'marksheet.term-1' : 'marksheet.term-2'),
    year: book.schoolYear,
  })
  sheet.getRow(TITLE_ROW).font = { bold: true, name: 'Times New Roman', size: 13 }
  sheet.getRow(HEADER_ROW).values = headers
  sheet.getRow(HEADER_ROW).font = { bold: true, name: 'Times New Roman', size: 12 }
  sheet.getRow(HEADER_ROW).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  ;[6, 14, 28, ...columns.map((c) => c.width)].forEach((width, i) => (sheet.getColumn(i + 1).width = width))
  book.students.forEach((student, index) => {
    const mark = book.marks.get(String(student.id))?.get(String(subject.id))?.[term]
    const row = sheet.getRow(HEADER_ROW + 1 + index)
    row.values = [index + 1, student.studentCode, student.fullName, ...columns.map((c) => (storedValue(mark, c.key) ?? null) as ExcelJS.CellValue)]
    row.font = { name: 'Times New Roman', size: 12 }
  })
  sheet.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const cellText = (value: ExcelJS.CellValue): unknown => {
  if (value === null || value === undefined) return null
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return value.result ?? null
  }
  return value
}

/** A typed value as the column takes it: "8,5" → 8.5, "đ" → "Đ"; anything else is left for the checks to refuse. */
function parseValue(kind: MarkColumn['kind'], raw: unknown): unknown {
  if (raw === null || raw === undefined) return null
  if (typeof raw === 'string' && raw.trim() === '') return null
  if (kind === 'text') return String(raw).trim()
  if (typeof raw === 'number') return raw
  const text = String(raw).trim()
  if ((kind === 'score' || kind === 'test') && /^\d+([.,]\d+)?$/.test(text)) return Number(text.replace(',', '.'))
  return text.toUpperCase()
}

export type PlannedWrite = { rowNumber: number; student: number | string; existing: Doc | undefined; data: Doc }
export type SheetPlan = { ok: true; writes: PlannedWrite[] } | { ok: false; errors: RowError[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** The stored cell for a new value: the old cell when unchanged (its date kept), else the value with the old date if any. */
function nextCell(previous: unknown, value: unknown): unknown {
  if (value === null) return null
  if (same(valueOf(previous), value)) return previous
  const date = previous && typeof previous === 'object' ? (previous as { date?: unknown }).date : undefined
  return date ? { value, date } : { value }
}

/**
 * Reads a mark sheet and checks every cell, writing nothing: the row/column report of every bad
 * cell, or the writes to make (only the marks whose values change). A blank cell under a present
 * column clears it; a missing column leaves its values as they are.
 */
export async function planMarkSheet(req: PayloadRequest, { book, subject, term }: SheetContext, buffer: Buffer): Promise<SheetPlan> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: false, errors: [{ row: 1, column: '', message: message(req, 'excel.no-sheet') }] }
  const columns = markColumns(subject, term).filter((c) => c.kind !== 'readonly')
  const byHeader = new Map(columns.map((c) => [normaliseHeader(c.header), c]))
  const codeHeader = normaliseHeader(IDENTITY.code.header)
  // The header row: the first of the top 15 with a "Mã học sinh" cell.
  let headerRow = 0
  let codeColumn = 0
  const present = new Map<number, MarkColumn>()
  for (let r = 1; r <= Math.min(15, sheet.rowCount) && headerRow === 0; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const header = normaliseHeader(String(cellText(cell.value) ?? ''))
      if (header === codeHeader) {
        headerRow = r
        codeColumn = col
      }
    })
    if (headerRow !== 0) {
      sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
        const column = byHeader.get(normaliseHeader(String(cellText(cell.value) ?? '')))
        if (column && ![...present.values()].includes(column)) present.set(col, column)
      })
    }
  }
  if (headerRow === 0) return { ok: false, errors: [{ row: 1, column: IDENTITY.code.header, message: message(req, 'marksheet.missing-student-column') }] }

  const studentsByCode = new Map(book.students.map((s) => [s.studentCode.trim(), s]))
  const seenCodes = new Map<string, number>()
  const errors: RowError[] = []
  const writes: PlannedWrite[] = []
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const code = String(cellText(row.getCell(codeColumn).value) ?? '').trim()
    const values = [...present].map(([col, column]) => ({ column, value: parseValue(column.kind, cellText(row.getCell(col).value)) }))
    if (code === '' && values.every((v) => v.value === null)) continue
    const student = studentsByCode.get(code)
    if (!student) {
      errors.push({ row: r, column: IDENTITY.code.header, message: message(req, 'marksheet.unknown-student', { code, class: String(book.klass.name) }) })
      continue
    }
    if (seenCodes.has(code)) {
      errors.push({ row: r, column: IDENTITY.code.header, message: message(req, 'marksheet.duplicate-student', { row: seenCodes.get(code)! }) })
      continue
    }
    seenCodes.set(code, r)
    const existing = book.marks.get(String(student.id))?.get(String(subject.id))?.[term]
    const data: Doc = {}
    const regular = [...(Array.isArray(existing?.regular) ? (existing.regular as unknown[]) : [])]
    let touchesRegular = false
    for (const { column, value } of values) {
      if (column.kind === 'level' && value !== null && !(PRIMARY_SUBJECT_RESULTS as readonly unknown[]).includes(value)) {
        errors.push({ row: r, column: column.header, message: message(req, 'marksheet.bad-level', { column: column.header, allowed: PRIMARY_SUBJECT_RESULTS.join(', ') }) })
        continue
      }
      if (column.key.startsWith('regular.')) {
        const index = Number(column.key.slice(8))
        while (regular.length <= index) regular.push(null)
        regular[index] = nextCell(regular[index], value)
        touchesRegular = true
      } else if (column.key === 'midTerm' || column.key === 'endTerm') data[column.key] = nextCell(existing?.[column.key], value)
      else data[column.key] = value
    }
    if (touchesRegular) {
      while (regular.length > 0 && (regular.at(-1) === null || regular.at(-1) === undefined)) regular.pop()
      data.regular = regular
    }
    // The same checks as every save (validation.ts), named by the sheet's row and column.
    const headerOf = (path: string) => columns.find((c) => c.key === path)?.header ?? path
    for (const issue of markIssues(req, subject, term, { ...existing, ...data })) errors.push({ row: r, column: headerOf(issue.path), message: issue.message })
    const changed = Object.entries(data).some(([key, value]) => !same(existing?.[key], value))
    if (changed && (existing || Object.values(data).some((v) => v !== null && !(Array.isArray(v) && v.length === 0)))) writes.push({ rowNumber: r, student: student.id, existing, data })
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, writes }
}
