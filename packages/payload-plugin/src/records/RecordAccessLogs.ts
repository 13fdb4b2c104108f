import type { CollectionConfig } from 'payload'

import { recordsGroup } from './fields.ts'
import { manageRecords } from './rights.ts'

/** Who opened which student's full profile, when (personal data law: reads of sensitive data are traceable). */
export function recordAccessLogsCollection(): CollectionConfig {
  return {
    slug: 'record-access-logs',
    labels: { singular: { vi: 'Nhật ký xem hồ sơ', en: 'Record access' }, plural: { vi: 'Nhật ký xem hồ sơ', en: 'Record access log' } },
    admin: { group: recordsGroup, defaultColumns: ['createdAt', 'reader', 'kind', 'student', 'students'] },
    access: { read: manageRecords, create: () => false, update: () => false, delete: () => false },
    fields: [
      { name: 'reader', type: 'relationship', relationTo: 'users', label: { vi: 'Người xem', en: 'Reader' } },
      {
        name: 'kind',
        type: 'select',
        defaultValue: 'profile',
        label: { vi: 'Cách xem', en: 'How' },
        options: [
          { value: 'profile', label: { vi: 'Mở hồ sơ', en: 'Profile' } },
          { value: 'list', label: { vi: 'Xem danh sách', en: 'List' } },
          { value: 'export', label: { vi: 'Xuất Excel', en: 'Export' } },
        ],
      },
      { name: 'student', type: 'relationship', relationTo: 'students', label: { vi: 'Học sinh', en: 'Student' } },
      { name: 'students', type: 'relationship', relationTo: 'students', hasMany: true, label: { vi: 'Các học sinh (danh sách, tệp xuất)', en: 'Students (list, export)' } },
    ],
  }
}
