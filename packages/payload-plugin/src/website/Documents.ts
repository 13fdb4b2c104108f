import path from 'node:path'

import { ValidationError, type CollectionConfig } from 'payload'

import { message } from '../translations/index.ts'
import { recordUploader, uploadedByField, websiteUploadAccess } from './uploadedBy.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { websiteGroup } from './contentFields.ts'

export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]

/** Attachments of posts and disclosures: PDF, DOCX, XLSX, with a size limit. */
export function documentsCollection(options: ResolvedOptions): CollectionConfig {
  const maxBytes = options.maxDocumentMegabytes * 1024 * 1024
  return {
    slug: 'documents',
    labels: { singular: { vi: 'Tệp đính kèm', en: 'Document' }, plural: { vi: 'Tệp đính kèm', en: 'Documents' } },
    admin: { group: websiteGroup, useAsTitle: 'title', defaultColumns: ['title', 'filename', 'filesize', 'updatedAt'] },
    access: websiteUploadAccess(options.workflow.roles),
    upload: { staticDir: path.join(options.uploadsDir, 'documents'), mimeTypes: DOCUMENT_MIME_TYPES },
    hooks: {
      beforeChange: [recordUploader],
      beforeValidate: [
        ({ req, data }) => {
          const size = req.file?.size ?? 0
          if (size > maxBytes) {
            throw new ValidationError({
              collection: 'documents',
              errors: [{ path: 'file', message: message(req, 'website.document-too-large', { size: (size / 1048576).toFixed(1), max: options.maxDocumentMegabytes }) }],
            })
          }
          return data
        },
      ],
    },
    fields: [{ name: 'title', type: 'text', required: true, label: { vi: 'Tên tài liệu', en: 'Title' } }, uploadedByField],
  }
}
