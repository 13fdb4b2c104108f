import type { CollectionConfig } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { date, managersOnly, recordsGroup } from './fields.ts'

export function schoolYearsCollection(): CollectionConfig {
  return {
    slug: 'school-years',
    labels: { singular: { vi: 'Năm học', en: 'School year' }, plural: { vi: 'Năm học', en: 'School years' } },
    admin: { group: recordsGroup, useAsTitle: 'name' },
    ...managersOnly,
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Năm học', en: 'Year' }, validate: validateSchoolYear },
      { name: 'current', type: 'checkbox', label: { vi: 'Năm học hiện tại', en: 'Current year' } },
      {
        name: 'terms',
        type: 'array',
        label: { vi: 'Học kì', en: 'Terms' },
        fields: [
          { name: 'term', type: 'select', required: true, options: [{ value: 'hk1', label: 'Học kì I' }, { value: 'hk2', label: 'Học kì II' }] },
          date('start', 'Bắt đầu', 'Start', { required: true }),
          date('end', 'Kết thúc', 'End', { required: true }),
          // Deadlines (gradebook/progress/deadlines.ts): half the regular marks are due by mid-term; empty = the term's midpoint.
          date('midTerm', 'Giữa kì', 'Mid-term', {
            admin: {
              date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
              description: { vi: 'Hạn nhập một nửa số điểm ĐĐGtx; để trống thì lấy ngày giữa học kì.', en: 'Half the regular marks are due by this day; empty: the middle of the term.' },
            },
          }),
        ],
      },
    ],
  }
}
