import path from 'node:path'

import type { Access, CollectionConfig, Where } from 'payload'

import { manageOwnUploads, recordUploader, uploadedByField } from '../website/uploadedBy.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { currentUser, isDistrictUser, schoolsWhereUserHas } from '../roles.ts'
import { recordsGroup } from './fields.ts'
import { createRecords, managesAllTheirSchools, RECORD_MANAGERS } from './rights.ts'

/**
 * Photos of a student or a staff member are personal data: readable by the school's managers, the
 * homeroom teacher of the student's class, the staff member themself and whoever uploaded the file;
 * never by anyone else, never anonymously. Payload serves the files through the same access check,
 * and they never go into a site snapshot (only the `media` collection feeds the public sites).
 */
const readRecordPhotos: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor || isDistrictUser(actor)) return false
  const or: Where[] = [{ uploadedBy: { equals: actor.id } }]
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  if (managed.length > 0) or.push({ school: { in: managed } })
  if (managesAllTheirSchools(actor)) return { or }
  const [students, staff] = await Promise.all([
    req.payload.find({ collection: 'students', where: { homeroomTeacher: { equals: actor.id } }, pagination: false, depth: 0, select: { photo: true }, overrideAccess: true, req }),
    req.payload.find({ collection: 'staff', where: { user: { equals: actor.id } }, pagination: false, depth: 0, select: { photo: true }, overrideAccess: true, req }),
  ])
  const ids = [...students.docs, ...staff.docs].map((d) => (d as { photo?: unknown }).photo).filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
  if (ids.length > 0) or.push({ id: { in: ids } })
  return { or }
}

export function recordPhotosCollection(options: ResolvedOptions): CollectionConfig {
  return {
    slug: 'record-photos',
    labels: { singular: { vi: 'Ảnh hồ sơ', en: 'Record photo' }, plural: { vi: 'Ảnh hồ sơ (học sinh, nhân sự)', en: 'Record photos' } },
    admin: { group: recordsGroup, useAsTitle: 'filename' },
    access: { read: readRecordPhotos, create: createRecords, update: manageOwnUploads(RECORD_MANAGERS), delete: manageOwnUploads(RECORD_MANAGERS) },
    upload: {
      staticDir: path.join(options.uploadsDir, 'record-photos'),
      mimeTypes: ['image/jpeg', 'image/png', 'image/webp'],
      formatOptions: { format: 'webp', options: { quality: 80 } },
      imageSizes: [{ name: 'portrait', width: 300, formatOptions: { format: 'webp' } }],
      adminThumbnail: 'portrait',
    },
    hooks: { beforeChange: [recordUploader] },
    fields: [uploadedByField],
  }
}
