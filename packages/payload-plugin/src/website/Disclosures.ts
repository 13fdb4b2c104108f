import type { CollectionConfig } from 'payload'

import { disclosureComplianceEndpoint } from './disclosureCompliance.ts'
import { currentSchoolYear, validateSchoolYear } from './schoolYear.ts'
import { DISCLOSURE_GROUPS, disclosureGroupLabels } from './sections.ts'
import { uniqueSchoolSlug } from './slugHook.ts'

/** Public disclosures (công khai) by Circular 09/2024 group and school year; findable after the year ends. */
export function disclosuresCollection(): CollectionConfig {
  return {
    slug: 'disclosures',
    labels: { singular: { vi: 'Công khai', en: 'Disclosure' }, plural: { vi: 'Công khai', en: 'Disclosures' } },
    admin: {
      group: { vi: 'Website', en: 'Website' },
      useAsTitle: 'title',
      defaultColumns: ['title', 'group', 'schoolYear', 'workflowState', 'updatedAt'],
    },
    defaultSort: '-publishedDate',
    hooks: { beforeValidate: [uniqueSchoolSlug] },
    endpoints: [disclosureComplianceEndpoint],
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 300, label: { vi: 'Tiêu đề', en: 'Title' } },
      { name: 'slug', type: 'text', index: true, label: { vi: 'Đường dẫn', en: 'Slug' }, admin: { position: 'sidebar' } },
      {
        name: 'group',
        type: 'select',
        required: true,
        index: true,
        label: { vi: 'Nhóm công khai (TT 09/2024)', en: 'Disclosure group (Circular 09/2024)' },
        options: DISCLOSURE_GROUPS.map((value) => ({ value, label: disclosureGroupLabels[value] })),
      },
      {
        name: 'schoolYear',
        type: 'text',
        required: true,
        index: true,
        label: { vi: 'Năm học', en: 'School year' },
        defaultValue: () => currentSchoolYear(),
        validate: validateSchoolYear,
      },
      {
        name: 'periodStart',
        type: 'date',
        label: { vi: 'Tuần bắt đầu (thứ Hai) — kế hoạch tuần, thực đơn', en: 'Week starting (Monday)' },
        admin: { condition: (data) => data?.group === 'preschool-weekly', date: { pickerAppearance: 'dayOnly' } },
      },
      { name: 'summary', type: 'textarea', maxLength: 1000, label: { vi: 'Tóm tắt', en: 'Summary' } },
      { name: 'content', type: 'richText', label: { vi: 'Nội dung', en: 'Content' } },
      { name: 'attachments', type: 'upload', relationTo: 'documents', hasMany: true, label: { vi: 'Tài liệu công khai', en: 'Documents' } },
      { name: 'publishedDate', type: 'date', index: true, label: { vi: 'Ngày đăng', en: 'Published on' }, admin: { position: 'sidebar', readOnly: true } },
    ],
  }
}
