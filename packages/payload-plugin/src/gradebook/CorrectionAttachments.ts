import path from 'node:path'

import type { Access, CollectionConfig, Where } from 'payload'

import type { ResolvedOptions } from '../defaults.ts'
import { currentUser, schoolsWhereUserHas } from '../roles.ts'
import { recordUploader, uploadedByField } from '../website/uploadedBy.ts'
import { gradebookGroup } from './collections.ts'
import { CORRECTION_DECIDERS } from './corrections.ts'

export const CORRECTION_ATTACHMENTS_SLUG = 'correction-attachments'

/**
 * The scan attached to a correction request (a test paper, the register page). Not the website's
 * `documents`: those are read by every member and may reach the public site, and a scan carries a
 * child's marks. Read by whoever uploaded it and the school's board (who decide the requests);
 * replaced only by its uploader, never deleted through the API (it is a request's evidence).
 */
const readAttachments: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const or: Where[] = [{ uploadedBy: { equals: actor.id } }]
  const board = schoolsWhereUserHas(actor, CORRECTION_DECIDERS)
  if (board.length > 0) or.push({ school: { in: board } })
  return { or }
}

const memberOfASchool: Access = ({ req }) => schoolsWhereUserHas(currentUser(req)).length > 0
const ownUpload: Access = ({ req }) => {
  const actor = currentUser(req)
  return actor ? { uploadedBy: { equals: actor.id } } : false
}

export function correctionAttachmentsCollection(options: ResolvedOptions): CollectionConfig {
  return {
    slug: CORRECTION_ATTACHMENTS_SLUG,
    labels: { singular: { vi: 'Tệp kèm giấy đề nghị sửa điểm', en: 'Correction attachment' }, plural: { vi: 'Tệp kèm giấy đề nghị sửa điểm', en: 'Correction attachments' } },
    admin: { group: gradebookGroup, useAsTitle: 'filename', hidden: true },
    access: { read: readAttachments, create: memberOfASchool, update: ownUpload, delete: () => false },
    upload: {
      staticDir: path.join(options.uploadsDir, 'correction-attachments'),
      mimeTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
    },
    hooks: { beforeChange: [recordUploader] },
    fields: [uploadedByField],
  }
}
