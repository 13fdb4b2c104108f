import path from 'node:path'

import { ValidationError, type CollectionConfig } from 'payload'

import { canWriteContent, signedIn } from '../workflow/access.ts'
import { manageOwnUploads, recordUploader, uploadedByField } from './uploadedBy.ts'
import { DEFAULT_WORKFLOW_ROLES } from '../workflow/rules.ts'
import type { ResolvedOptions } from '../defaults.ts'

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
    admin: { group: { vi: 'Website', en: 'Website' }, useAsTitle: 'title', defaultColumns: ['title', 'filename', 'filesize', 'updatedAt'] },
    access: { read: signedIn, create: canWriteContent(), update: manageOwnUploads(DEFAULT_WORKFLOW_ROLES.board), delete: manageOwnUploads(DEFAULT_WORKFLOW_ROLES.board) },
    upload: { staticDir: path.join(options.uploadsDir, 'documents'), mimeTypes: DOCUMENT_MIME_TYPES },
    hooks: {
      beforeChange: [recordUploader],
      beforeValidate: [
        ({ req, data }) => {
          const size = req.file?.size ?? 0
          if (size > maxBytes) {
            throw new ValidationError({
              collection: 'documents',
              errors: [{ path: 'file', message: `Tệp quá lớn (${(size / 1048576).toFixed(1)} MB); tối đa ${options.maxDocumentMegabytes} MB.` }],
            })
          }
          return data
        },
      ],
    },
    fields: [{ name: 'title', type: 'text', required: true, label: { vi: 'Tên tài liệu', en: 'Title' } }, uploadedByField],
  }
}
