import type { CollectionConfig } from 'payload'

import { nobody } from '../../gradebook/access.ts'
import { createAttendance, readAttendance, updateAttendance } from './access.ts'
import { ATTENDANCE_SLUG } from './context.ts'
export { ABSENCE_STATUSES, type AbsenceStatus } from './context.ts'
import { checkAttendance, feedTermAbsences } from './hooks.ts'
import { attendanceSheetEndpoint, saveAttendanceSheetEndpoint } from './sheet.ts'

export { ATTENDANCE_SLUG }


export const teachingDayGroup = { vi: 'Ngày dạy học', en: 'Teaching day' }

/**
 * Daily attendance (điểm danh, seed 001 Art. 7.d): one document per class, day and session, taken
 * by the homeroom teacher. Only the exceptions are listed (absent with or without permission, late),
 * everyone else enrolled that day is present; `enrolled` is the class's count on that day, set by
 * the server. The term's absences of the gradebook come from here (hooks.ts feedTermAbsences).
 */
export function attendanceSessionsCollection(): CollectionConfig {
  return {
    slug: ATTENDANCE_SLUG,
    labels: { singular: { vi: 'Điểm danh', en: 'Attendance' }, plural: { vi: 'Điểm danh', en: 'Attendance' } },
    admin: { group: teachingDayGroup, defaultColumns: ['date', 'session', 'class', 'enrolled', 'takenBy'], useAsTitle: 'key' },
    access: { read: readAttendance, create: createAttendance, update: updateAttendance, delete: nobody },
    hooks: { beforeChange: [checkAttendance], afterChange: [feedTermAbsences] },
    endpoints: [attendanceSheetEndpoint, saveAttendanceSheetEndpoint],
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true, readOnly: true } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' } },
      { name: 'date', type: 'text', required: true, index: true, label: { vi: 'Ngày (YYYY-MM-DD)', en: 'Day (YYYY-MM-DD)' } },
      {
        name: 'session',
        type: 'select',
        required: true,
        label: { vi: 'Buổi', en: 'Session' },
        options: [
          { value: 'morning', label: { vi: 'Sáng', en: 'Morning' } },
          { value: 'afternoon', label: { vi: 'Chiều', en: 'Afternoon' } },
        ],
      },
      { name: 'schoolYear', type: 'text', index: true, label: { vi: 'Năm học', en: 'School year' }, admin: { readOnly: true } },
      {
        name: 'term',
        type: 'select',
        index: true,
        label: { vi: 'Học kì', en: 'Term' },
        admin: { readOnly: true },
        options: [
          { value: 'hk1', label: 'Học kì I' },
          { value: 'hk2', label: 'Học kì II' },
        ],
      },
      {
        name: 'absences',
        type: 'array',
        label: { vi: 'Vắng, đi muộn', en: 'Absent or late' },
        labels: { singular: { vi: 'Học sinh', en: 'Student' }, plural: { vi: 'Học sinh', en: 'Students' } },
        fields: [
          { name: 'student', type: 'relationship', relationTo: 'students', required: true, label: { vi: 'Học sinh', en: 'Student' } },
          {
            name: 'status',
            type: 'select',
            required: true,
            label: { vi: 'Tình trạng', en: 'Status' },
            options: [
              { value: 'excused', label: { vi: 'Vắng có phép', en: 'Absent, excused' } },
              { value: 'unexcused', label: { vi: 'Vắng không phép', en: 'Absent, unexcused' } },
              { value: 'late', label: { vi: 'Đi muộn', en: 'Late' } },
            ],
          },
          { name: 'reason', type: 'text', label: { vi: 'Lý do', en: 'Reason' } },
        ],
      },
      { name: 'enrolled', type: 'number', label: { vi: 'Sĩ số', en: 'Enrolled' }, admin: { readOnly: true } },
      { name: 'takenBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người điểm danh', en: 'Taken by' }, admin: { readOnly: true } },
      { name: 'takenAt', type: 'date', label: { vi: 'Lúc', en: 'At' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
    ],
  }
}
