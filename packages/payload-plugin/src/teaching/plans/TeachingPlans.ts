import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig, type Field, type FieldAccess, type PayloadRequest } from 'payload'

import { TRUSTED_WRITE } from '../../context.ts'
import { relationId } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { sessionLabels } from '../timetable/labels.ts'
import { teachingGroup } from '../syllabus/Syllabi.ts'
import { noDirectCreate, readPlans, writeOwnDrafts } from './access.ts'
import { teachingPlanEndpoints } from './endpoints.ts'
import { loadLessonCatalogue } from './lessons.ts'
import { TEACHING_PLANS_SLUG } from './slugs.ts'

/**
 * Kế hoạch dạy học / lịch báo giảng (issue 14 item 3): one per teacher × week, built by
 * POST /generate from the timetable and the PPCT. The teacher then changes only each row's lesson
 * number, note and equipment; the title always follows the PPCT; the state (submitted, late,
 * acknowledged) is the endpoints' (endpoints.ts). The class log takes its rows from here.
 */

type Doc = Record<string, unknown>
type Row = Doc & { id?: string }

export const PLAN_STATUSES = ['draft', 'submitted', 'acknowledged'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

/** The row fields that come from the timetable: a hand edit is refused. */
const FIXED_ROW_FIELDS = ['date', 'day', 'session', 'period', 'class', 'subject', 'teachingAssignment'] as const

/** Written by the server only (the endpoints write with overrideAccess). */
const serverOnly: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }
const serverField = (field: Record<string, unknown>): Field => ({ ...field, access: serverOnly, admin: { readOnly: true, ...(field.admin as object | undefined) } }) as Field

export const planKey = (teacher: unknown, weekStart: unknown) => `${String(relationId(teacher))}:${String(weekStart)}`

const same = (a: unknown, b: unknown) => String(relationId(a) ?? a ?? '') === String(relationId(b) ?? b ?? '')

function refuse(req: PayloadRequest, path: string, text: string): never {
  throw new ValidationError({ collection: TEACHING_PLANS_SLUG, errors: [{ path, message: text }], req }, req.t)
}

/**
 * A user's edit keeps every row's timetable fields (400 naming the row otherwise; rows can be
 * neither added nor removed); its lesson numbers are whole numbers in the subject's PPCT. On every
 * save, the titles are re-read from the PPCT and the natural key set.
 */
export const checkPlanSave: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context, operation }) => {
  const original = (originalDoc ?? {}) as Doc
  const trusted = context?.[TRUSTED_WRITE] === true
  const next: Doc = { ...data }
  if (!trusted && operation === 'update') {
    next.school = original.school
    if (Array.isArray(data.rows)) {
      const before = (Array.isArray(original.rows) ? original.rows : []) as Row[]
      const incoming = data.rows as Row[]
      if (incoming.length !== before.length) refuse(req, 'rows', message(req, 'plans.rows-fixed-count'))
      next.rows = incoming.map((row, index) => {
        const was = (row.id ? before.find((b) => b.id === row.id) : undefined) ?? before[index]!
        for (const field of FIXED_ROW_FIELDS) {
          if (field in row && row[field] !== undefined && !same(row[field], was[field])) {
            refuse(req, `rows.${index}.${field}`, message(req, 'plans.row-fixed', { row: index + 1 }))
          }
        }
        const lessonNumber = row.lessonNumber === undefined ? was.lessonNumber : row.lessonNumber
        return {
          ...was,
          lessonNumber: lessonNumber ?? null,
          note: row.note === undefined ? was.note : row.note,
          equipment: row.equipment === undefined ? was.equipment : row.equipment,
          lessonAdjusted: was.lessonAdjusted === true || !same(lessonNumber, was.lessonNumber),
        }
      })
    }
  }
  const merged = { ...original, ...next }
  const rows = (Array.isArray(merged.rows) ? merged.rows : []) as Row[]
  const school = relationId(merged.school)
  if (school !== null && typeof merged.schoolYear === 'string') {
    const catalogue = await loadLessonCatalogue(req, school, merged.schoolYear, rows.map((r) => r.subject))
    next.rows = rows.map((row, index) => {
      const number = row.lessonNumber
      if (number === null || number === undefined || number === '') return { ...row, lessonNumber: null, lessonTitle: null }
      if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) refuse(req, `rows.${index}.lessonNumber`, message(req, 'plans.bad-lesson-number', { row: index + 1 }))
      const lessons = catalogue.lessonsOf(row.subject)
      if (!lessons) return { ...row, lessonTitle: null }
      const lesson = lessons.get(number)
      if (!lesson) refuse(req, `rows.${index}.lessonNumber`, message(req, 'plans.lesson-not-in-syllabus', { row: index + 1, number, subject: catalogue.subjectName(row.subject), count: lessons.size }))
      return { ...row, lessonTitle: lesson.title }
    })
  }
  next.key = planKey(merged.teacher, merged.weekStart)
  return next
}

const rel = (name: string, relationTo: string, label: { vi: string; en: string }): Field => ({ name, type: 'relationship', relationTo, label, admin: { readOnly: true } }) as Field

export function teachingPlansCollection(): CollectionConfig {
  return {
    slug: TEACHING_PLANS_SLUG,
    labels: { singular: { vi: 'Kế hoạch dạy học tuần', en: 'Weekly teaching plan' }, plural: { vi: 'Kế hoạch dạy học (lịch báo giảng)', en: 'Weekly teaching plans' } },
    admin: { group: teachingGroup, useAsTitle: 'key', defaultColumns: ['weekStart', 'teacher', 'status', 'late', 'submittedAt'] },
    defaultSort: '-weekStart',
    access: { read: readPlans, create: noDirectCreate, update: writeOwnDrafts, delete: writeOwnDrafts },
    hooks: { beforeChange: [checkPlanSave] },
    endpoints: teachingPlanEndpoints,
    fields: [
      serverField({ name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { hidden: true } }),
      serverField({ name: 'teacher', type: 'relationship', relationTo: 'users', required: true, index: true, label: { vi: 'Giáo viên', en: 'Teacher' } }),
      serverField({ name: 'weekStart', type: 'text', required: true, index: true, label: { vi: 'Tuần từ thứ Hai (YYYY-MM-DD)', en: 'Week from Monday (YYYY-MM-DD)' } }),
      serverField({ name: 'schoolYear', type: 'text', index: true, label: { vi: 'Năm học', en: 'School year' } }),
      serverField({
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'draft',
        index: true,
        label: { vi: 'Trạng thái', en: 'Status' },
        options: [
          { value: 'draft', label: { vi: 'Đang soạn', en: 'Draft' } },
          { value: 'submitted', label: { vi: 'Đã nộp', en: 'Submitted' } },
          { value: 'acknowledged', label: { vi: 'BGH đã duyệt', en: 'Acknowledged' } },
        ],
      }),
      serverField({ name: 'deadline', type: 'date', label: { vi: 'Hạn nộp', en: 'Deadline' }, admin: { date: { pickerAppearance: 'dayAndTime' } } }),
      serverField({ name: 'submittedAt', type: 'date', label: { vi: 'Nộp lúc', en: 'Submitted at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } }),
      serverField({ name: 'late', type: 'checkbox', defaultValue: false, index: true, label: { vi: 'Nộp muộn', en: 'Late' } }),
      serverField({ name: 'acknowledgedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người duyệt', en: 'Acknowledged by' } }),
      serverField({ name: 'acknowledgedAt', type: 'date', label: { vi: 'Duyệt lúc', en: 'Acknowledged at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } }),
      serverField({ name: 'boardNote', type: 'textarea', label: { vi: 'Nhận xét của BGH', en: 'Board’s note' } }),
      {
        name: 'rows',
        // The table's name, short: PostgreSQL cuts identifiers at 63 characters, and the teaching assignment's foreign key would pass it.
        dbName: 'plan_rows',
        type: 'array',
        label: { vi: 'Các tiết trong tuần', en: 'Periods of the week' },
        labels: { singular: { vi: 'Tiết', en: 'Period' }, plural: { vi: 'Các tiết', en: 'Periods' } },
        admin: { description: { vi: 'Lấy từ thời khóa biểu và PPCT. Chỉ sửa số tiết PPCT, ghi chú, đồ dùng dạy học.', en: 'From the timetable and the syllabus. Only the lesson number, note and equipment are edited.' } },
        fields: [
          { name: 'date', type: 'text', label: { vi: 'Ngày', en: 'Date' }, admin: { readOnly: true, width: '12%' } },
          { name: 'day', type: 'number', label: { vi: 'Thứ', en: 'Day' }, admin: { readOnly: true, width: '6%' } },
          { name: 'session', type: 'select', label: { vi: 'Buổi', en: 'Session' }, options: Object.entries(sessionLabels).map(([value, label]) => ({ value, label })), admin: { readOnly: true } },
          { name: 'period', type: 'number', label: { vi: 'Tiết', en: 'Period' }, admin: { readOnly: true, width: '6%' } },
          rel('class', 'classes', { vi: 'Lớp', en: 'Class' }),
          rel('subject', 'subjects', { vi: 'Môn', en: 'Subject' }),
          rel('teachingAssignment', 'teaching-assignments', { vi: 'Phân công', en: 'Assignment' }),
          { name: 'lessonNumber', type: 'number', min: 1, label: { vi: 'Tiết PPCT', en: 'Lesson no.' }, admin: { step: 1 } },
          { name: 'lessonTitle', type: 'text', label: { vi: 'Tên bài (theo PPCT)', en: 'Lesson title (from the syllabus)' }, admin: { readOnly: true } },
          { name: 'lessonAdjusted', type: 'checkbox', defaultValue: false, admin: { hidden: true } },
          { name: 'note', type: 'textarea', maxLength: 1000, label: { vi: 'Ghi chú', en: 'Note' } },
          { name: 'equipment', type: 'text', maxLength: 500, label: { vi: 'Đồ dùng dạy học', en: 'Equipment' } },
        ],
      },
    ],
  }
}
