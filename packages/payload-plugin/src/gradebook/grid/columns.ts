import { PRIMARY_SUBJECT_RESULTS } from '@truongso/assessment'

import { message, type HasLanguage } from '../../translations/index.ts'
import { primaryPeriodicTests, PRIMARY_PERIODS, regularSlots, type GradebookSubjectDoc } from '../subjects.ts'
import { columnLabels, markIssues, type Issue } from '../validation.ts'

/**
 * The grid's columns and what one cell holds: pure, shared by the save endpoint and the browser
 * (the grid checks a typed value with the very rules the server applies, markIssues, before it
 * sends anything). A column is addressed by its data path, as the history names it: regular.0 = TX1.
 */
export type Column = `regular.${number}` | 'midTerm' | 'endTerm' | 'midTermLevel' | 'endTermLevel' | 'midTermTest' | 'endTermTest' | 'comment'
export type CellValue = number | string | null
type Doc = Record<string, unknown>

const FIELD_COLUMNS = ['midTerm', 'endTerm', 'midTermLevel', 'endTermLevel', 'midTermTest', 'endTermTest', 'comment'] as const
export const MAX_COMMENT = 2000

export function parseColumn(text: unknown): Column | null {
  if (typeof text !== 'string') return null
  const regular = /^regular\.(\d{1,2})$/.exec(text)
  if (regular) return `regular.${Number(regular[1])}`
  return (FIELD_COLUMNS as readonly string[]).includes(text) ? (text as Column) : null
}

export const regularIndex = (column: Column): number | null => (column.startsWith('regular.') ? Number(column.slice(8)) : null)

/** The columns of a subject's grid, left to right (THCS: TX1…TXn, GK, CK; primary: levels, the grade's tests, comment). */
export function columnsOf(subject: GradebookSubjectDoc, term: 'hk1' | 'hk2'): Column[] {
  if (subject.kind !== 'primary') return [...Array.from({ length: regularSlots(subject) }, (_, i) => `regular.${i}` as Column), 'midTerm', 'endTerm']
  const tests = primaryPeriodicTests(subject)
  const columns: Column[] = ['midTermLevel']
  if (tests.includes(PRIMARY_PERIODS[term].midTerm)) columns.push('midTermTest')
  columns.push('endTermLevel')
  if (tests.includes(PRIMARY_PERIODS[term].endTerm)) columns.push('endTermTest')
  columns.push('comment')
  return columns
}

/** Column heading as printed in Vietnamese gradebooks (the same names the validation messages use). */
export function columnLabel(column: Column): string {
  const index = regularIndex(column)
  if (index !== null) return columnLabels.regular(index)
  if (column === 'midTerm' || column === 'endTerm' || column === 'midTermTest' || column === 'endTermTest') return columnLabels[column]
  return column
}

/** Whether a THCS column holds `{ value, date }` (the others hold the bare value). */
const isDatedCell = (column: Column) => regularIndex(column) !== null || column === 'midTerm' || column === 'endTerm'

/** The value stored in one cell of a mark document (null when empty). */
export function cellOf(doc: Doc | null | undefined, column: Column): { value: CellValue; date: string | null } {
  if (!doc) return { value: null, date: null }
  const index = regularIndex(column)
  const raw = index !== null ? (Array.isArray(doc.regular) ? doc.regular[index] : null) : doc[column]
  if (isDatedCell(column)) {
    const cell = raw as { value?: CellValue; date?: string | null } | null | undefined
    return { value: cell?.value ?? null, date: cell?.date ?? null }
  }
  return { value: (raw as CellValue | undefined) ?? null, date: null }
}

/**
 * The fields to write for one cell over the stored document: only that column changes; TX slots
 * keep their indices (a slot is addressed by index, never appended). A dated cell keeps its date
 * when none is given and it already had one; a new value without a date is dated `today`.
 */
export function patchFor(doc: Doc | null | undefined, column: Column, value: CellValue, date: string | null | undefined, today: string): Doc {
  const index = regularIndex(column)
  const previous = cellOf(doc, column)
  const cell = value === null ? null : { value, date: date ?? previous.date ?? today }
  if (index !== null) {
    const regular = Array.isArray(doc?.regular) ? [...(doc.regular as unknown[])] : []
    while (regular.length <= index) regular.push(null)
    regular[index] = cell
    // Trailing empty slots are not stored: TX3 cleared after TX1, TX2 leaves [TX1, TX2].
    while (regular.length > 0 && regular.at(-1) === null) regular.pop()
    return { regular }
  }
  return { [column]: isDatedCell(column) ? cell : value }
}

/**
 * What a teacher typed, read for a column: "8,5" and "8.5" are 8.5 in a scored column, "đ"/"cđ"
 * are Đ/CĐ in a comment subject, levels and comments are taken as typed; "" empties the cell.
 */
export function readTyped(subject: GradebookSubjectDoc, column: Column, text: string): CellValue {
  const trimmed = text.trim()
  if (trimmed === '') return null
  if (column === 'comment') return trimmed
  if (column === 'midTermLevel' || column === 'endTermLevel') return trimmed.toUpperCase()
  const numeric = column === 'midTermTest' || column === 'endTermTest' || subject.kind === 'scored'
  if (numeric && /^-?\d+([.,]\d+)?$/.test(trimmed)) return Number(trimmed.replace(',', '.'))
  if (!numeric) {
    const upper = trimmed.toUpperCase()
    if (upper === 'Đ' || upper === 'D') return 'Đ'
    if (upper === 'CĐ' || upper === 'CD') return 'CĐ'
  }
  return trimmed
}

/** The reason a value cannot go in that column (in the reader's language), or null when it can. */
export function cellIssue(lang: HasLanguage, subject: GradebookSubjectDoc, term: 'hk1' | 'hk2', column: Column, value: CellValue): string | null {
  if (value === null) return null
  // A TX slot past the subject's count is markIssues' to name (too-many-regular); other columns must be the subject's.
  if (regularIndex(column) === null && !columnsOf(subject, term).includes(column)) return message(lang, 'gradebook.not-for-subject', { column: columnLabel(column), subject: subject.name, kind: subject.kind, grade: subject.grade })
  if (column === 'midTermLevel' || column === 'endTermLevel') {
    return (PRIMARY_SUBJECT_RESULTS as readonly unknown[]).includes(value) ? null : message(lang, 'grid.level-expected', { column: column === 'midTermLevel' ? 'GK' : 'CK' })
  }
  if (column === 'comment') return typeof value === 'string' && value.length <= MAX_COMMENT ? null : message(lang, 'grid.comment-too-long', { column: columnLabel(column), max: MAX_COMMENT })
  const issues: Issue[] = markIssues(lang as never, subject, term, patchFor(null, column, value, null, '2000-01-01'))
  return issues[0]?.message ?? null
}
