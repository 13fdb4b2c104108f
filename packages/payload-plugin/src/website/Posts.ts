import type { CollectionConfig } from 'payload'

import { validateSchoolYear, currentSchoolYear } from './schoolYear.ts'
import { POST_SECTIONS, sectionLabels } from './sections.ts'
import { uniqueSchoolSlug } from './slugHook.ts'

/** News, announcements and professional information of a school's website (DOMAIN.md §2). */
export function postsCollection(): CollectionConfig {
  return {
    slug: 'posts',
    labels: { singular: { vi: 'Bài viết', en: 'Post' }, plural: { vi: 'Bài viết', en: 'Posts' } },
    admin: {
      group: { vi: 'Website', en: 'Website' },
      useAsTitle: 'title',
      defaultColumns: ['title', 'section', 'workflowState', 'department', 'updatedAt'],
      listSearchableFields: ['title', 'summary'],
    },
    defaultSort: '-publishedDate',
    hooks: { beforeValidate: [uniqueSchoolSlug] },
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 300, label: { vi: 'Tiêu đề', en: 'Title' } },
      {
        name: 'slug',
        type: 'text',
        index: true,
        label: { vi: 'Đường dẫn', en: 'Slug' },
        admin: { position: 'sidebar', description: { vi: 'Tự tạo từ tiêu đề (bỏ dấu, đ → d)', en: 'Made from the title' } },
      },
      {
        name: 'section',
        type: 'select',
        required: true,
        defaultValue: 'thong-bao',
        index: true,
        label: { vi: 'Chuyên mục', en: 'Section' },
        options: POST_SECTIONS.map((value) => ({ value, label: sectionLabels[value] })),
      },
      { name: 'summary', type: 'textarea', label: { vi: 'Tóm tắt', en: 'Summary' }, maxLength: 1000 },
      { name: 'cover', type: 'upload', relationTo: 'media', label: { vi: 'Ảnh đại diện', en: 'Cover image' } },
      { name: 'content', type: 'richText', label: { vi: 'Nội dung', en: 'Content' } },
      {
        name: 'attachments',
        type: 'upload',
        relationTo: 'documents',
        hasMany: true,
        label: { vi: 'Tệp đính kèm (PDF, DOCX, XLSX)', en: 'Attachments' },
      },
      {
        name: 'schoolYear',
        type: 'text',
        label: { vi: 'Năm học', en: 'School year' },
        defaultValue: () => currentSchoolYear(),
        validate: validateSchoolYear,
        admin: { position: 'sidebar' },
      },
      { name: 'tags', type: 'text', hasMany: true, label: { vi: 'Thẻ', en: 'Tags' }, admin: { position: 'sidebar' } },
      {
        name: 'publishedDate',
        type: 'date',
        index: true,
        label: { vi: 'Ngày đăng', en: 'Published on' },
        admin: { position: 'sidebar', readOnly: true },
      },
    ],
  }
}
