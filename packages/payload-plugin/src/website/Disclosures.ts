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
        label: { vi: 'Áp dụng từ (kế hoạch tuần: thứ Hai; kế hoạch tháng: ngày 1)', en: 'Period start (weekly plan: Monday; monthly plan: the 1st)' },
        admin: { condition: (data) => data?.group === 'preschool-weekly' || data?.group === 'preschool-monthly', date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
      },
      {
        // Circular 09/2024: a change is published within 10 working days (website/disclosureDeadlines.ts).
        name: 'changedOn',
        type: 'date',
        index: true,
        label: { vi: 'Ngày có thay đổi nội dung', en: 'Changed on' },
        admin: {
          date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
          description: { vi: 'Khi thông tin đã công khai thay đổi: ngày thay đổi. Phải đăng bản cập nhật trong 10 ngày làm việc.', en: 'When disclosed facts change: the day they changed. The update is due within 10 working days.' },
        },
      },
      summaryField(),
      contentField(),
      attachmentsField({ vi: 'Tài liệu công khai', en: 'Documents' }),
      publishedDateField(),
    ],
  }
}
