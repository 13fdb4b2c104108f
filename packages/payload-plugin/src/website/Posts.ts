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
      {
        // What a post of the Văn bản section publishes (Circular 37/2020 Art. 9): shown only there.
        type: 'row',
        admin: { condition: (data) => data?.section === 'van-ban' },
        fields: [
          { name: 'documentNumber', type: 'text', maxLength: 60, label: { vi: 'Số, ký hiệu văn bản', en: 'Document number' }, admin: { placeholder: '15/KH-THLĐ' } },
          { name: 'issuedDate', type: 'date', label: { vi: 'Ngày ban hành', en: 'Date issued' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
          { name: 'issuer', type: 'text', maxLength: 200, label: { vi: 'Cơ quan ban hành', en: 'Issued by' } },
        ],
      },
      summaryField(),
      { name: 'cover', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Cover image' } },
      contentField(),
      {
        name: 'gallery',
        type: 'upload',
        relationTo: 'media',
        hasMany: true,
        maxRows: 60,
        label: { vi: 'Album ảnh (Thư viện ảnh)', en: 'Photo album' },
        admin: { description: { vi: 'Các ảnh của hoạt động; bài có album hiện trong Thư viện ảnh của website.', en: 'Photos of the event; posts with an album appear in the website photo library.' } },
      },
      attachmentsField({ vi: 'Tệp đính kèm (PDF, DOCX, XLSX)', en: 'Attachments' }),
      schoolYearField({ admin: { position: 'sidebar' } }),
      { name: 'tags', type: 'text', hasMany: true, label: { vi: 'Thẻ', en: 'Tags' }, admin: { position: 'sidebar' } },
      publishedDateField(),
    ],
  }
}
