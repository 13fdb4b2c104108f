import type { CollectionConfig } from 'payload'

import { managersOnly, recordsGroup } from './fields.ts'

export function departmentsCollection(): CollectionConfig {
  return {
    slug: 'departments',
    labels: { singular: { vi: 'Tổ', en: 'Department' }, plural: { vi: 'Tổ chuyên môn / văn phòng', en: 'Departments' } },
    admin: { group: recordsGroup, useAsTitle: 'name' },
    ...managersOnly,
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Tên tổ', en: 'Name' } },
      {
        name: 'kind',
        type: 'select',
        required: true,
        defaultValue: 'chuyen-mon',
        label: { vi: 'Loại', en: 'Kind' },
        options: [
          { value: 'chuyen-mon', label: { vi: 'Tổ chuyên môn', en: 'Teaching department' } },
          { value: 'van-phong', label: { vi: 'Tổ văn phòng', en: 'Office' } },
        ],
      },
      { name: 'leader', type: 'relationship', relationTo: 'users', label: { vi: 'Tổ trưởng', en: 'Team leader' } },
    ],
  }
}
