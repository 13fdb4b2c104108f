import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { recordUploader, uploadedByField, websiteUploadAccess } from './uploadedBy.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { websiteGroup } from './contentFields.ts'

/**
 * Images for the websites, resized by sharp into the sizes the sites use (WebP). Alt text is
 * required: parents use screen readers too. Not readable anonymously: the site build takes the
 * images of published content through its snapshot, so photos in drafts never leak.
 */
export function mediaCollection(options: ResolvedOptions): CollectionConfig {
  return {
    slug: 'media',
    labels: { singular: { vi: 'Hình ảnh', en: 'Image' }, plural: { vi: 'Thư viện ảnh', en: 'Images' } },
    // The filename column carries the thumbnail (adminThumbnail), so it comes first.
    admin: { group: websiteGroup, useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'caption', 'updatedAt'] },
    access: websiteUploadAccess(options.workflow.roles),
    upload: {
      staticDir: path.join(options.uploadsDir, 'media'),
      mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      formatOptions: { format: 'webp', options: { quality: 82 } },
      imageSizes: [
        // Uncropped, like the other sizes: every rendition can stand in for the original in a srcset.
        { name: 'thumbnail', width: 400, formatOptions: { format: 'webp' } },
        { name: 'card', width: 768, formatOptions: { format: 'webp' } },
        { name: 'hero', width: 1600, formatOptions: { format: 'webp' } },
      ],
      adminThumbnail: 'thumbnail',
    },
    fields: [
      {
        name: 'alt',
        type: 'text',
        required: true,
        label: { vi: 'Mô tả ảnh (cho người khiếm thị)', en: 'Alt text' },
      },
      { name: 'caption', type: 'text', label: { vi: 'Chú thích', en: 'Caption' } },
      uploadedByField,
    ],
    hooks: { beforeChange: [recordUploader] },
  }
}
