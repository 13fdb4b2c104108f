import type { CollectionConfig, Field, TextField } from 'payload'

import { currentSchoolYear, validateSchoolYear } from './schoolYear.ts'
import { uniqueSchoolSlug } from './slugHook.ts'

/** What the website's workflow content (posts, disclosures) shares: its admin group, order, slug hook and common fields. */

/** Every website collection sits under this heading in the admin navigation. */
export const websiteGroup = { vi: 'Website', en: 'Website' }

/**
 * Listed by title, newest first; the slug is made unique within the school before validation.
 * Functions, not shared objects: Payload and the plugin's wrappers complete each collection's config in place.
 */
export const websiteContent = (admin: CollectionConfig['admin']) =>
  ({
    admin: { group: websiteGroup, useAsTitle: 'title', ...admin },
    defaultSort: '-publishedDate',
    hooks: { beforeValidate: [uniqueSchoolSlug] },
  }) satisfies Partial<CollectionConfig>

export const titleField = (): Field => ({ name: 'title', type: 'text', required: true, maxLength: 300, label: { vi: 'Tiêu đề', en: 'Title' } })

export const slugField = (admin: TextField['admin'] = {}): Field => ({ name: 'slug', type: 'text', index: true, label: { vi: 'Đường dẫn', en: 'Slug' }, admin: { position: 'sidebar', ...admin } })

export const schoolYearField = (extra: Partial<Pick<TextField, 'required' | 'index' | 'admin'>> = {}): Field => ({
  name: 'schoolYear',
  type: 'text',
  label: { vi: 'Năm học', en: 'School year' },
  defaultValue: () => currentSchoolYear(),
  validate: validateSchoolYear,
  ...extra,
})

export const summaryField = (): Field => ({ name: 'summary', type: 'textarea', maxLength: 1000, label: { vi: 'Tóm tắt', en: 'Summary' } })

export const contentField = (): Field => ({ name: 'content', type: 'richText', label: { vi: 'Nội dung', en: 'Content' } })

export const attachmentsField = (label: { vi: string; en: string }): Field => ({ name: 'attachments', type: 'upload', relationTo: 'documents', hasMany: true, label })

/** Set by the workflow when a version goes live. */
export const publishedDateField = (): Field => ({ name: 'publishedDate', type: 'date', index: true, label: { vi: 'Ngày đăng', en: 'Published on' }, admin: { position: 'sidebar', readOnly: true } })
