import type { CollectionConfig, Field } from 'payload'

import { validateSchoolYear } from '../../website/schoolYear.ts'
import { manageTimetables, readTimetables, readTimetableSlots, writeTimetables } from './access.ts'
import { cascadeSlotsOfTimetable, checkSlot, checkTimetable, refuseClashesAfterRemoval } from './hooks.ts'
import { timetableEndpoints } from './endpoints.ts'
import { sessionLabels } from './labels.ts'
import { TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from './slugs.ts'

export const timetableGroup = { vi: 'Thời khóa biểu', en: 'Timetable' }

type Label = { vi: string; en: string }
const rel = (name: string, relationTo: string, label: Label, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'relationship', relationTo, required: true, index: true, label, ...extra }) as Field
/** Set by the server from the timetable or the assignment on every save; shown, never typed. */
const derived = { readOnly: true }

/** The natural key, set by the server: the database refuses a second document for the same class, term and date (or period). */
const keyField: Field = { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { readOnly: true, hidden: true } }

const termField = (extra: Record<string, unknown> = {}): Field =>
  ({
    name: 'term',
    type: 'select',
    required: true,
    index: true,
    label: { vi: 'Học kì', en: 'Term' },
    options: [
      { value: 'hk1', label: 'Học kì I' },
      { value: 'hk2', label: 'Học kì II' },
    ],
    ...extra,
  }) as Field
const schoolYearField = (extra: Record<string, unknown> = {}): Field =>
  ({ name: 'schoolYear', type: 'text', index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear, ...extra }) as Field

/**
 * Thời khóa biểu: one per class and term from a start date. A school changes its timetable during
 * the year, so a class has several per term; the one in force on a date is the latest `startsOn` on
 * or before it (validity.ts). The slots are their own documents (timetable-slots).
 */
export function timetablesCollection(): CollectionConfig {
  return {
    slug: TIMETABLES_SLUG,
    labels: { singular: { vi: 'Thời khóa biểu', en: 'Timetable' }, plural: { vi: 'Thời khóa biểu', en: 'Timetables' } },
    admin: { group: timetableGroup, useAsTitle: 'label', defaultColumns: ['label', 'class', 'term', 'startsOn', 'schoolYear'] },
    defaultSort: ['-startsOn'],
    access: { read: readTimetables, create: writeTimetables, update: manageTimetables, delete: manageTimetables },
    hooks: { beforeChange: [checkTimetable], beforeDelete: [refuseClashesAfterRemoval], afterDelete: [cascadeSlotsOfTimetable] },
    // GET /week, GET /template.xlsx, POST /import (endpoints.ts).
    endpoints: timetableEndpoints,
    fields: [
      keyField,
      { name: 'label', type: 'text', label: { vi: 'Thời khóa biểu', en: 'Timetable' }, admin: { readOnly: true, description: { vi: 'Lớp – học kì – ngày áp dụng, tự điền khi lưu', en: 'Class – term – start date, filled in on save' } } },
      rel('class', 'classes', { vi: 'Lớp', en: 'Class' }),
      schoolYearField({ admin: { ...derived, description: { vi: 'Năm học của lớp', en: 'The class\u2019s school year' } } }),
      termField(),
      {
        name: 'startsOn',
        type: 'date',
        required: true,
        index: true,
        label: { vi: 'Áp dụng từ ngày', en: 'In force from' },
        admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
      },
      { name: 'note', type: 'textarea', label: { vi: 'Ghi chú', en: 'Note' } },
    ],
  }
}

/**
 * One slot of a timetable (day × session × period): its own document, so a clash is one query.
 * The class, year and term are the timetable's, the teacher and subject the teaching assignment's,
 * all set by the server on every save.
 */
export function timetableSlotsCollection(): CollectionConfig {
  return {
    slug: TIMETABLE_SLOTS_SLUG,
    // The table's name, short: PostgreSQL cuts identifiers at 63 characters, and the teaching assignment's foreign key would pass it.
    dbName: 'tkb_slots',
    labels: { singular: { vi: 'Tiết học', en: 'Timetable slot' }, plural: { vi: 'Tiết học theo thời khóa biểu', en: 'Timetable slots' } },
    admin: { group: timetableGroup, defaultColumns: ['timetable', 'day', 'session', 'period', 'subject', 'teacher', 'room'], pagination: { defaultLimit: 60 } },
    defaultSort: ['day', 'session', 'period'],
    access: { read: readTimetableSlots, create: writeTimetables, update: manageTimetables, delete: manageTimetables },
    hooks: { beforeChange: [checkSlot] },
    fields: [
      keyField,
      rel('timetable', TIMETABLES_SLUG, { vi: 'Thời khóa biểu', en: 'Timetable' }),
      rel('class', 'classes', { vi: 'Lớp', en: 'Class' }, { required: false, admin: derived }),
      schoolYearField({ admin: derived }),
      termField({ required: false, admin: derived }),
      { name: 'day', type: 'number', required: true, index: true, min: 2, max: 7, label: { vi: 'Thứ (2–7)', en: 'Day (2 = Monday … 7 = Saturday)' }, admin: { step: 1 } },
      { name: 'session', type: 'select', required: true, label: { vi: 'Buổi', en: 'Session' }, options: Object.entries(sessionLabels).map(([value, label]) => ({ value, label })) },
      { name: 'period', type: 'number', required: true, min: 1, max: 5, label: { vi: 'Tiết', en: 'Period' }, admin: { step: 1 } },
      rel('teachingAssignment', 'teaching-assignments', { vi: 'Phân công giảng dạy', en: 'Teaching assignment' }),
      rel('teacher', 'users', { vi: 'Giáo viên', en: 'Teacher' }, { required: false, admin: derived }),
      rel('subject', 'subjects', { vi: 'Môn học', en: 'Subject' }, { required: false, admin: derived }),
      { name: 'room', type: 'text', index: true, label: { vi: 'Phòng học', en: 'Room' } },
    ],
  }
}
