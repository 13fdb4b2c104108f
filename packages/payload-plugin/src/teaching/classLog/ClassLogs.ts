import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig, type Field } from 'payload'

import { TRUSTED_WRITE } from '../../context.ts'
import { nobody } from '../../gradebook/access.ts'
import { message } from '../../translations/index.ts'
import { teachingDayGroup } from '../attendance/AttendanceSessions.ts'
import { sessionLabels } from '../timetable/labels.ts'
import { readClassLogs, readClassLogWeeks, writersOfClassLogs } from './access.ts'
import { classLogEndpoints } from './endpoints.ts'
import { CLASS_LOG_WEEKS_SLUG, CLASS_LOGS_SLUG } from './slugs.ts'

/**
 * Sổ đầu bài (issue 14 item 4, seed 001 Art. 8.c): one log per class per day, one row per period of
 * that day. The server fills each row from the timetable in force and the teaching plan (subject,
 * PPCT lesson number and title: never typed by hand, footnotes 9–10); the period's teacher then
 * signs it through POST /:id/periods/:period/sign. Every write goes through the endpoints: the save
 * hook refuses any other (REST PATCH, GraphQL, the admin form) with a 400.
 */

type Label = { vi: string; en: string }
const shown = { readOnly: true }
const rel = (name: string, relationTo: string, label: Label, extra: Record<string, unknown> = {}): Field => ({ name, type: 'relationship', relationTo, label, admin: shown, ...extra }) as Field
const at = (name: string, label: Label): Field => ({ name, type: 'date', label, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } })

export const onlyThroughEndpoints: CollectionBeforeChangeHook = ({ data, req, context }) => {
  if (context?.[TRUSTED_WRITE] === true) return data
  throw new ValidationError({ collection: CLASS_LOGS_SLUG, errors: [{ path: 'rows', message: message(req, 'classlog.hand-edit') }], req }, req.t)
}

const termField: Field = {
  name: 'term',
  type: 'select',
  index: true,
  label: { vi: 'Học kì', en: 'Term' },
  admin: shown,
  options: [
    { value: 'hk1', label: 'Học kì I' },
    { value: 'hk2', label: 'Học kì II' },
  ],
}

export function classLogsCollection(): CollectionConfig {
  return {
    slug: CLASS_LOGS_SLUG,
    labels: { singular: { vi: 'Sổ đầu bài', en: 'Class log' }, plural: { vi: 'Sổ đầu bài', en: 'Class logs' } },
    admin: { group: teachingDayGroup, useAsTitle: 'key', defaultColumns: ['date', 'class', 'term'] },
    defaultSort: '-date',
    access: { read: readClassLogs, create: nobody, update: writersOfClassLogs, delete: nobody },
    hooks: { beforeChange: [onlyThroughEndpoints] },
    endpoints: classLogEndpoints,
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { hidden: true, readOnly: true } },
      rel('class', 'classes', { vi: 'Lớp', en: 'Class' }, { required: true, index: true }),
      { name: 'date', type: 'text', required: true, index: true, label: { vi: 'Ngày (YYYY-MM-DD)', en: 'Day (YYYY-MM-DD)' }, admin: shown },
      { name: 'schoolYear', type: 'text', index: true, label: { vi: 'Năm học', en: 'School year' }, admin: shown },
      termField,
      {
        name: 'rows',
        // Short table name: PostgreSQL cuts identifiers at 63 characters (the assignment's foreign key).
        dbName: 'log_rows',
        type: 'array',
        label: { vi: 'Các tiết trong ngày', en: 'Periods of the day' },
        labels: { singular: { vi: 'Tiết', en: 'Period' }, plural: { vi: 'Các tiết', en: 'Periods' } },
        admin: { readOnly: true },
        fields: [
          { name: 'session', type: 'select', label: { vi: 'Buổi', en: 'Session' }, options: Object.entries(sessionLabels).map(([value, label]) => ({ value, label })), admin: shown },
          { name: 'period', type: 'number', label: { vi: 'Tiết', en: 'Period' }, admin: shown },
          rel('subject', 'subjects', { vi: 'Môn', en: 'Subject' }),
          rel('teacher', 'users', { vi: 'Giáo viên', en: 'Teacher' }),
          rel('teachingAssignment', 'teaching-assignments', { vi: 'Phân công', en: 'Assignment' }),
          { name: 'lessonNumber', type: 'number', label: { vi: 'Tiết PPCT', en: 'Lesson no.' }, admin: shown },
          { name: 'lessonTitle', type: 'text', label: { vi: 'Tên bài (theo PPCT)', en: 'Lesson title (from the syllabus)' }, admin: shown },
          rel('absentStudents', 'students', { vi: 'Học sinh vắng', en: 'Absent students' }, { hasMany: true }),
          { name: 'oralCheck', type: 'text', maxLength: 500, label: { vi: 'Kiểm tra miệng', en: 'Oral check' }, admin: shown },
          { name: 'comment', type: 'textarea', maxLength: 2000, label: { vi: 'Nhận xét', en: 'Comment' }, admin: shown },
          {
            name: 'rating',
            type: 'select',
            label: { vi: 'Xếp loại tiết học', en: 'Rating' },
            admin: shown,
            options: [
              { value: 'tot', label: { vi: 'Tốt', en: 'Good' } },
              { value: 'kha', label: { vi: 'Khá', en: 'Fair' } },
              { value: 'trung-binh', label: { vi: 'Trung bình', en: 'Average' } },
              { value: 'yeu', label: { vi: 'Yếu', en: 'Poor' } },
            ],
          },
          rel('signedBy', 'users', { vi: 'Người ký', en: 'Signed by' }),
          at('signedAt', { vi: 'Ký lúc', en: 'Signed at' }),
        ],
      },
      {
        name: 'boardNotes',
        dbName: 'log_notes',
        type: 'array',
        label: { vi: 'Kiểm tra của Ban giám hiệu', en: 'Board’s checks' },
        labels: { singular: { vi: 'Nhận xét', en: 'Note' }, plural: { vi: 'Nhận xét', en: 'Notes' } },
        admin: { readOnly: true },
        fields: [
          { name: 'note', type: 'textarea', label: { vi: 'Nhận xét', en: 'Note' }, admin: shown },
          rel('by', 'users', { vi: 'Người kiểm tra', en: 'Checked by' }),
          at('at', { vi: 'Lúc', en: 'At' }),
        ],
      },
    ],
  }
}

/**
 * The homeroom teacher's weekly closing of a class's log (Art. 7.f): one per class × week
 * (Monday–Saturday), with the weekly comment. Once it exists every row of that week is read-only.
 */
export function classLogWeeksCollection(): CollectionConfig {
  return {
    slug: CLASS_LOG_WEEKS_SLUG,
    labels: { singular: { vi: 'Khóa sổ đầu bài tuần', en: 'Weekly class-log closing' }, plural: { vi: 'Khóa sổ đầu bài tuần', en: 'Weekly class-log closings' } },
    admin: { group: teachingDayGroup, useAsTitle: 'key', defaultColumns: ['weekStart', 'class', 'closedBy', 'closedAt'] },
    defaultSort: '-weekStart',
    access: { read: readClassLogWeeks, create: nobody, update: nobody, delete: nobody },
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { hidden: true, readOnly: true } },
      rel('class', 'classes', { vi: 'Lớp', en: 'Class' }, { required: true, index: true }),
      { name: 'weekStart', type: 'text', required: true, index: true, label: { vi: 'Tuần từ thứ Hai (YYYY-MM-DD)', en: 'Week from Monday (YYYY-MM-DD)' }, admin: shown },
      { name: 'weeklyComment', type: 'textarea', label: { vi: 'Nhận xét tuần', en: 'Weekly comment' }, admin: shown },
      rel('closedBy', 'users', { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' }),
      at('closedAt', { vi: 'Khóa lúc', en: 'Closed at' }),
    ],
  }
}
