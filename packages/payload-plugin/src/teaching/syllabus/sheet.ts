import ExcelJS from 'exceljs'
import type { PayloadRequest } from 'payload'

import { normaliseHeader } from '../../records/excel/columns.ts'
import { message } from '../../translations/index.ts'
import { checkLessons, type Lesson, type LessonField } from './lessons.ts'

/**
 * The PPCT sheet: one row per tiết — Tiết, Tên bài, Chương/Chủ đề (and optionally Số tiết), the
 * layout departments keep their PPCT in. Read here and checked by the same rules as every save.
 */

export type SheetError = { row: number | null; column: string; message: string }

type Column = { field: LessonField; header: string; aliases: string[]; width: number; required: boolean }
// The sheet's own column headers (Vietnamese in both languages: it is the layout schools exchange).
export const SYLLABUS_COLUMNS: Column[] = [
  { field: 'number', header: 'Tiết', aliases: ['Tiết thứ', 'Tiết PPCT', 'STT tiết', 'Số tiết PPCT'], width: 8, required: true },
  { field: 'title', header: 'Tên bài', aliases: ['Tên bài dạy', 'Tên bài học', 'Bài', 'Nội dung'], width: 60, required: true },
  { field: 'chapter', header: 'Chương/Chủ đề', aliases: ['Chương', 'Chủ đề', 'Chủ đề/Chương', 'Chương / Chủ đề'], width: 40, required: false },
  { field: 'periods', header: 'Số tiết', aliases: ['Số tiết của bài'], width: 10, required: false },
]
const TEMPLATE_COLUMNS = SYLLABUS_COLUMNS.filter((c) => c.field !== 'periods')
const headerOf = (field: LessonField) => SYLLABUS_COLUMNS.find((c) => c.field === field)!.header

export async function syllabusTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('PPCT')
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }))
  sheet.getRow(1).font = { bold: true, name: 'Times New Roman', size: 12 }
  sheet.addRow([1, 'Tập hợp. Phần tử của tập hợp', 'Chương I. Tập hợp các số tự nhiên'])
  sheet.addRow([2, 'Cách ghi số tự nhiên', 'Chương I. Tập hợp các số tự nhiên'])
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
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

/** A cell as the lesson rules take it: "12" → 12 for the number columns, text trimmed; blank → null. */
function cellValue(field: LessonField, raw: unknown): unknown {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return null
  if (field === 'number' || field === 'periods') return typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw
  return String(raw).trim()
}

export type ParsedSheet = { ok: true; lessons: Lesson[]; rowNumbers: number[] } | { ok: false; errors: SheetError[] }

/** Reads the first worksheet; every bad cell is reported by sheet row and column, and no lesson is returned then. */
export async function readSyllabusSheet(req: Pick<PayloadRequest, 'i18n'>, buffer: Buffer): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: false, errors: [{ row: null, column: '', message: message(req, 'excel.no-sheet') }] }
  const lookup = new Map(SYLLABUS_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((name) => [normaliseHeader(name), c] as const)))
  // The header row: the first of the top 10 with a "Tiết" cell (a title may sit above it).
  let headerRow = 0
  const present = new Map<number, Column>()
  for (let r = 1; r <= Math.min(10, sheet.rowCount) && headerRow === 0; r++) {
    const found = new Map<number, Column>()
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const column = lookup.get(normaliseHeader(String(cellText(cell.value) ?? '')))
      if (column && ![...found.values()].includes(column)) found.set(col, column)
    })
    if ([...found.values()].some((c) => c.field === 'number')) {
      headerRow = r
      for (const [col, column] of found) present.set(col, column)
    }
  }
  const missing = SYLLABUS_COLUMNS.filter((c) => c.required && ![...present.values()].includes(c))
  if (headerRow === 0 || missing.length > 0) {
    return { ok: false, errors: (missing.length > 0 ? missing : SYLLABUS_COLUMNS.filter((c) => c.required)).map((c) => ({ row: headerRow || null, column: c.header, message: message(req, 'syllabus.missing-column', { column: c.header }) })) }
  }
  const rows: Record<string, unknown>[] = []
  const rowNumbers: number[] = []
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    const values: Record<string, unknown> = {}
    for (const [col, column] of present) values[column.field] = cellValue(column.field, cellText(row.getCell(col).value))
    if (Object.values(values).every((v) => v === null)) continue
    rows.push(values)
    rowNumbers.push(r)
  }
  const checked = checkLessons(rows)
  if (!checked.ok) {
    return { ok: false, errors: checked.issues.map((issue) => ({ row: rowNumbers[issue.index]!, column: headerOf(issue.field), message: sheetMessage(req, issue.key, issue.vars, rowNumbers) })) }
  }
  // Saved in sheet order: the save hook's row indexes then map back to these sheet rows.
  return { ok: true, lessons: rows.map((values) => ({ ...(values as Lesson) })), rowNumbers }
}

/** The rule's message, its "row" references (a repeated number's first row) turned into sheet rows. */
function sheetMessage(req: Pick<PayloadRequest, 'i18n'>, key: Parameters<typeof message>[1], vars: Record<string, string | number> = {}, rowNumbers: number[]): string {
  const first = typeof vars.first === 'number' ? rowNumbers[vars.first - 1] : undefined
  return message(req, key, first === undefined ? vars : { ...vars, first })
}
