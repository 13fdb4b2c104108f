import { DISCLOSURE_GROUPS, disclosureGroupLabels } from '@truongso/snapshot'
import type { CollectionConfig } from 'payload'

import { disclosureComplianceEndpoint } from './disclosureCompliance.ts'
import { attachmentsField, contentField, publishedDateField, schoolYearField, slugField, summaryField, titleField, websiteContent } from './contentFields.ts'

/** Public disclosures (công khai) by Circular 09/2024 group and school year; findable after the year ends. */
export function disclosuresCollection(): CollectionConfig {
  return {
    slug: 'disclosures',
    labels: { singular: { vi: 'Công khai', en: 'Disclosure' }, plural: { vi: 'Công khai', en: 'Disclosures' } },
    ...websiteContent({ defaultColumns: ['title', 'group', 'schoolYear', 'workflowState', 'updatedAt'] }),
    endpoints: [disclosureComplianceEndpoint],
    fields: [
      titleField(),
      slugField(),
      {
        name: 'group',
        type: 'select',
        required: true,
        index: true,
        label: { vi: 'Nhóm công khai (TT 09/2024)', en: 'Disclosure group (Circular 09/2024)' },
        options: DISCLOSURE_GROUPS.map((value) => ({ value, label: disclosureGroupLabels[value] })),
      },
      schoolYearField({ required: true, index: true }),
      {
        name: 'periodStart',
        type: 'date',
        label: { vi: 'Tuần bắt đầu (thứ Hai) — kế hoạch tuần, thực đơn', en: 'Week starting (Monday)' },
        admin: { condition: (data) => data?.group === 'preschool-weekly', date: { pickerAppearance: 'dayOnly' } },
      },
      summaryField(),
      contentField(),
      attachmentsField({ vi: 'Tài liệu công khai', en: 'Documents' }),
      publishedDateField(),
    ],
  }
}
