import { POST_SECTIONS, sectionLabels } from '@truongso/snapshot'
import type { CollectionConfig } from 'payload'

import { attachmentsField, contentField, publishedDateField, schoolYearField, slugField, summaryField, titleField, websiteContent } from './contentFields.ts'

/** News, announcements and professional information of a school's website (docs/domain.md § The public website). */
export function postsCollection(): CollectionConfig {
  return {
    slug: 'posts',
    labels: { singular: { vi: 'Bài viết', en: 'Post' }, plural: { vi: 'Bài viết', en: 'Posts' } },
    ...websiteContent({ defaultColumns: ['title', 'section', 'workflowState', 'department', 'updatedAt'], listSearchableFields: ['title', 'summary'] }),
    fields: [
      titleField(),
      slugField({ description: { vi: 'Tự tạo từ tiêu đề (bỏ dấu, đ → d)', en: 'Made from the title' } }),
      {
        name: 'section',
        type: 'select',
        required: true,
        defaultValue: 'thong-bao',
        index: true,
        label: { vi: 'Chuyên mục', en: 'Section' },
        options: POST_SECTIONS.map((value) => ({ value, label: sectionLabels[value] })),
      },
      summaryField(),
      { name: 'cover', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Cover image' } },
      contentField(),
      attachmentsField({ vi: 'Tệp đính kèm (PDF, DOCX, XLSX)', en: 'Attachments' }),
      schoolYearField({ admin: { position: 'sidebar' } }),
      { name: 'tags', type: 'text', hasMany: true, label: { vi: 'Thẻ', en: 'Tags' }, admin: { position: 'sidebar' } },
      publishedDateField(),
    ],
  }
}
