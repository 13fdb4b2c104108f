import type { PayloadRequest, Where } from 'payload'

import { userNameOf } from '../accounts/userName.ts'
import { displayDay, calendarDay } from '../calendar/days.ts'
import { MARK_CORRECTIONS_SLUG } from '../gradebook/corrections.ts'
import { relationId } from '../roles.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { esc } from './decree30.ts'

/**
 * Corrections after a lock, as the paper rule prints them (seed 003 § II.1): the old value struck
 * through, the new value beside it, and a footnote with the approval (who, when, request number).
 * Only approved requests count; the stored mark already holds the new value.
 */

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)

export type ApprovedCorrection = { id: ID; field: string; oldValue: unknown; newValue: unknown; decidedBy: string | null; decidedAt: string | null; studentName: string; subjectName: string }

const keyOf = (student: unknown, subject: unknown, term: unknown, field: string) => `${String(student)}|${String(subject)}|${String(term)}|${field}`

/** A cell's printable value: THCS cells are `{ value, date }`, primary fields bare. */
const plain = (value: unknown): unknown => (value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value)

export class BookCorrections {
  private readonly byCell = new Map<string, ApprovedCorrection[]>()
  private count = 0
  private pending: string[] = []

  constructor(corrections: readonly (ApprovedCorrection & { student: unknown; subject: unknown; term: unknown })[]) {
    for (const c of corrections) {
      const key = keyOf(c.student, c.subject, c.term, c.field)
      this.byCell.set(key, [...(this.byCell.get(key) ?? []), c])
    }
  }

  /**
   * The cell's HTML: its printed value, and when it was corrected after the lock the first old value
   * struck through before it, with a footnote number per approval.
   */
  cell(student: unknown, subject: unknown, term: unknown, field: string, printed: string, format: (value: unknown) => string): string {
    const list = this.byCell.get(keyOf(student, subject, term, field))
    if (!list || list.length === 0) return esc(printed)
    const marks = list.map((c) => {
      this.count += 1
      this.pending.push(
        vi('books.correction-note', {
          field: fieldLabel(c.field),
          student: c.studentName,
          subject: c.subjectName,
          from: format(plain(c.oldValue)) || '—',
          to: format(plain(c.newValue)) || '—',
          by: c.decidedBy ?? '',
          date: c.decidedAt ? displayDay(calendarDay(c.decidedAt) ?? '') : '',
          number: String(c.id),
        }),
      )
      return `<sup>${this.count}</sup>`
    })
    return `<del>${esc(format(plain(list[0]!.oldValue)))}</del> ${esc(printed)}${marks.join('')}`
  }

  /** The footnotes collected since the last call (one section's), numbered as their marks. */
  footnotes(): string {
    if (this.pending.length === 0) return ''
    const html = `<ol class="footnotes" start="${this.count - this.pending.length + 1}">${this.pending.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>`
    this.pending = []
    return html
  }
}

function fieldLabel(field: string): string {
  const regular = /^regular\.(\d)$/.exec(field)
  if (regular) return vi('books.field-regular', { n: Number(regular[1]) + 1 })
  const key = `books.field-${field}` as MessageKey
  return vi(key)
}

/** The approved corrections of a class's marks in a school year. */
export async function loadBookCorrections(req: PayloadRequest, classId: ID, schoolYear: string): Promise<BookCorrections> {
  const where: Where = { and: [{ class: { equals: classId } }, { schoolYear: { equals: schoolYear } }, { state: { equals: 'approved' } }] }
  const found = (await req.payload.db.find({ collection: MARK_CORRECTIONS_SLUG, where, sort: 'decidedAt', pagination: false, limit: 0, req })).docs as Doc[]
  if (found.length === 0) return new BookCorrections([])
  const ids = (key: string) => [...new Set(found.map((c) => relationId(c[key])).filter((v): v is ID => v !== null))]
  const names = async (collection: string, key: string, field: string) =>
    new Map(
      ((await req.payload.db.find({ collection, where: { id: { in: ids(key) } }, pagination: false, limit: 0, req })).docs as Doc[]).map((d) => [String(d.id), String(d[field] ?? '')]),
    )
  const students = await names('students', 'student', 'fullName')
  const subjectNames = await names('subjects', 'subject', 'name')
  const deciders = new Map<string, string | null>()
  for (const id of ids('decidedBy')) deciders.set(String(id), await userNameOf(req, id))
  return new BookCorrections(
    found.map((c) => ({
      id: c.id,
      field: String(c.field),
      oldValue: c.oldValue,
      newValue: c.newValue,
      decidedBy: deciders.get(String(relationId(c.decidedBy))) ?? null,
      decidedAt: typeof c.decidedAt === 'string' ? c.decidedAt : c.decidedAt instanceof Date ? c.decidedAt.toISOString() : null,
      studentName: students.get(String(relationId(c.student))) ?? '',
      subjectName: subjectNames.get(String(relationId(c.subject))) ?? '',
      student: relationId(c.student),
      subject: relationId(c.subject),
      term: c.term,
    })),
  )
}
