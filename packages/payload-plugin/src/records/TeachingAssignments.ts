import type { CollectionConfig } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { managersOnly, recordsGroup } from './fields.ts'

export function teachingAssignmentsCollection(): CollectionConfig {
  return {
    slug: 'teaching-assignments',
    labels: { singular: { vi: 'Phân công giảng dạy', en: 'Teaching assignment' }, plural: { vi: 'Phân công giảng dạy', en: 'Teaching assignments' } },
    admin: { group: recordsGroup, defaultColumns: ['teacher', 'class', 'subject', 'term'] },
    ...managersOnly,
    fields: [
      { name: 'teacher', type: 'relationship', relationTo: 'users', required: true, index: true, label: { vi: 'Giáo viên', en: 'Teacher' } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' } },
      { name: 'subject', type: 'text', required: true, label: { vi: 'Môn học', en: 'Subject' } },
      {
        name: 'term',
        type: 'select',
        required: true,
        defaultValue: 'year',
        label: { vi: 'Học kì', en: 'Term' },
        options: [
          { value: 'hk1', label: 'Học kì I' },
          { value: 'hk2', label: 'Học kì II' },
          { value: 'year', label: { vi: 'Cả năm', en: 'Whole year' } },
        ],
      },
      { name: 'schoolYear', type: 'text', required: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
    ],
  }
}
