import type { CollectionConfig } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { date, recordsGroup } from './fields.ts'
import { syncStudentFromEnrolments } from './hooks.ts'
import { createRecords, derivedField, manageRecords, readClassScoped } from './rights.ts'

/** Which class a student was in, from when to when: never deleted, so any past class list can be rebuilt. */
export function enrolmentsCollection(): CollectionConfig {
  return {
    slug: 'enrolments',
    labels: { singular: { vi: 'Quá trình học', en: 'Enrolment' }, plural: { vi: 'Quá trình học (chuyển lớp, chuyển trường)', en: 'Enrolments' } },
    admin: { group: recordsGroup, defaultColumns: ['student', 'class', 'startDate', 'endDate', 'endKind'] },
    access: { read: readClassScoped('class'), create: createRecords, update: manageRecords, delete: () => false },
    hooks: { afterChange: [syncStudentFromEnrolments] },
    fields: [
      // Who joined which class when is history: fixed once written (corrections go through a transfer).
      { name: 'student', type: 'relationship', relationTo: 'students', required: true, index: true, label: { vi: 'Học sinh', en: 'Student' }, access: { update: derivedField } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' }, access: { update: derivedField } },
      { name: 'schoolYear', type: 'text', required: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear, access: { update: derivedField } },
      date('startDate', 'Từ ngày', 'From', { required: true, index: true, access: { update: derivedField } }),
      date('endDate', 'Đến ngày', 'Until', { index: true }),
      {
        name: 'startKind',
        type: 'select',
        defaultValue: 'enrolled',
        label: { vi: 'Vào lớp do', en: 'Joined by' },
        options: [
          { value: 'enrolled', label: { vi: 'Nhập học', en: 'Enrolled' } },
          { value: 'promoted', label: { vi: 'Lên lớp', en: 'Promoted' } },
          { value: 'transfer-in', label: { vi: 'Chuyển đến', en: 'Transferred in' } },
          { value: 'class-change', label: { vi: 'Chuyển lớp', en: 'Class change' } },
        ],
      },
      {
        name: 'endKind',
        type: 'select',
        label: { vi: 'Rời lớp do', en: 'Left by' },
        options: [
          { value: 'class-change', label: { vi: 'Chuyển lớp', en: 'Class change' } },
          { value: 'transfer-out', label: { vi: 'Chuyển đi', en: 'Transferred out' } },
          { value: 'drop-out', label: { vi: 'Nghỉ học', en: 'Dropped out' } },
          { value: 'year-end', label: { vi: 'Kết thúc năm học', en: 'End of year' } },
        ],
      },
      { name: 'reason', type: 'textarea', label: { vi: 'Lý do', en: 'Reason' } },
    ],
  }
}
