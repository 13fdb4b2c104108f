import type { CollectionConfig } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { rollOverEndpoint, rosterEndpoint } from './endpoints.ts'
import { classExportEndpoint } from './excel/endpoints.ts'
import { classResultsEndpoints } from '../gradebook/resultsEndpoints.ts'
import { managersOnly, recordsGroup } from './fields.ts'
import { syncStudentsOfClass } from './hooks.ts'

export function classesCollection(): CollectionConfig {
  return {
    slug: 'classes',
    labels: { singular: { vi: 'Lớp', en: 'Class' }, plural: { vi: 'Lớp học', en: 'Classes' } },
    admin: { group: recordsGroup, useAsTitle: 'name', defaultColumns: ['name', 'grade', 'schoolYear', 'homeroomTeacher', 'size'], pagination: { defaultLimit: 50 } },
    defaultSort: ['-schoolYear', 'name'],
    ...managersOnly,
    hooks: { afterChange: [syncStudentsOfClass] },
    endpoints: [rosterEndpoint, classExportEndpoint, rollOverEndpoint, ...classResultsEndpoints],
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Tên lớp', en: 'Name' } },
      { name: 'grade', type: 'number', required: true, min: 1, max: 12, label: { vi: 'Khối', en: 'Grade' } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
      { name: 'homeroomTeacher', type: 'relationship', relationTo: 'users', label: { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' } },
      // The class page: its roster (GET /:id/roster), the export and class changes.
      { name: 'roster', type: 'ui', label: { vi: 'Danh sách lớp', en: 'Class list' }, admin: { components: { Field: '@truongso/payload-plugin/client#ClassRoster' } } },
      {
        name: 'size',
        type: 'number',
        virtual: true,
        label: { vi: 'Sĩ số', en: 'Size' },
        admin: { readOnly: true, description: { vi: 'Tính từ danh sách học sinh đang học', en: 'Counted from current enrolments' } },
        hooks: {
          afterRead: [
            async ({ data, req }) =>
              data?.id === undefined
                ? 0
                : (await req.payload.count({ collection: 'enrolments', where: { and: [{ class: { equals: data.id } }, { endDate: { exists: false } }] }, overrideAccess: true, req })).totalDocs,
          ],
        },
      },
    ],
  }
}
