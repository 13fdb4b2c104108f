import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { isMessageKey, message, type MessageKey } from '../../translations/index.ts'
import { isValidCccd } from '../cccd.ts'

/** One validated row of a student sheet, ready to write. */
export type StudentRow = {
  rowNumber: number
  studentCode: string
  fullName: string
  dateOfBirth: string
  sex: 'Nam' | 'Nữ'
  className: string
  cccd?: string
  [personal: string]: unknown
}

export type RowError = { row: number; column: string; message: string }

/** dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd or an Excel date cell → ISO date at midnight UTC. */
export function parseSheetDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())).toISOString()
  const text = String(value ?? '').trim()
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  let day: number, month: number, year: number
  if (match) [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text))) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else return null
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString() : null
}

// Issue messages are catalogue keys, spelled out in the request's language below.
const text = (key: MessageKey) => z.string({ error: key }).trim().min(1, { error: key })

const rowSchema = z.object({
  studentCode: text('excel.missing-student-code').pipe(z.string().max(30, { error: 'excel.student-code-too-long' })),
  fullName: text('excel.missing-name').pipe(z.string().max(100, { error: 'excel.name-too-long' })),
  dateOfBirth: z.unknown().transform((value, ctx) => {
    const iso = parseSheetDate(value)
    if (!iso) ctx.addIssue({ code: 'custom', message: 'excel.bad-birth-date' })
    return iso ?? ''
  }),
  sex: z.unknown().transform((value, ctx) => {
    const v = String(value ?? '').trim().toLowerCase()
    if (v === 'nam' || v === 'm') return 'Nam' as const
    if (v === 'nữ' || v === 'nu' || v === 'f') return 'Nữ' as const
    ctx.addIssue({ code: 'custom', message: 'excel.bad-sex' })
    return 'Nam' as const
  }),
  className: text('excel.missing-class'),
  cccd: z
    .unknown()
    .optional()
    .transform((value, ctx) => {
      const v = String(value ?? '').replace(/\s/g, '')
      if (v === '') return undefined
      if (!isValidCccd(v)) ctx.addIssue({ code: 'custom', message: 'excel.bad-cccd' })
      return v
    }),
})

/** Validates every row; returns the good rows and one error per bad cell (row and column named). */
export function validateStudentRows(
  rows: { rowNumber: number; values: Record<string, unknown> }[],
  headerOf: (key: string) => string,
  knownClasses: Set<string>,
  req?: Pick<PayloadRequest, 'i18n'> | null,
): { rows: StudentRow[]; errors: RowError[] } {
  const good: StudentRow[] = []
  const errors: RowError[] = []
  const seenCodes = new Map<string, number>()
  for (const { rowNumber, values } of rows) {
    const parsed = rowSchema.safeParse(values)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row: rowNumber, column: headerOf(String(issue.path[0] ?? '')), message: isMessageKey(issue.message) ? message(req, issue.message) : issue.message })
      continue
    }
    const row = parsed.data
    if (!knownClasses.has(row.className)) {
      errors.push({ row: rowNumber, column: headerOf('className'), message: message(req, 'excel.unknown-class', { name: row.className }) })
      continue
    }
    const previous = seenCodes.get(row.studentCode)
    if (previous !== undefined) {
      errors.push({ row: rowNumber, column: headerOf('studentCode'), message: message(req, 'excel.duplicate-student-code', { row: previous }) })
      continue
    }
    seenCodes.set(row.studentCode, rowNumber)
    const extra: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(values)) {
      if (!(key in row) && value !== null && value !== undefined && String(value).trim() !== '') extra[key] = String(value).trim()
    }
    good.push({ rowNumber, ...extra, ...row } as StudentRow)
  }
  return { rows: good, errors }
}
