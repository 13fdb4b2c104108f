import type { Access, CollectionBeforeChangeHook, CollectionConfig, Field, Where } from 'payload'

import { schoolsWhereUserHas, type SchoolRole } from '../roles.ts'
import { canWriteContent, signedIn } from '../workflow/access.ts'
import type { WorkflowRoles } from '../workflow/rules.ts'

/** Who uploaded a file: set from the signed-in user on creation, never changed afterwards. */
export const uploadedByField: Field = {
  name: 'uploadedBy',
  type: 'relationship',
  relationTo: 'users',
  label: { vi: 'Người tải lên', en: 'Uploaded by' },
  admin: { readOnly: true, position: 'sidebar' },
}

export const recordUploader: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => ({
  ...data,
  uploadedBy: operation === 'create' ? (req.user?.id ?? data.uploadedBy ?? null) : (originalDoc?.uploadedBy ?? null),
})

/**
 * A file is changed or removed only by the person who uploaded it or by the school's `managers`
 * (the board for website images and attachments, which reach the public site with the content
 * that uses them; the record managers for record photos).
 */
export function manageOwnUploads(managers: readonly SchoolRole[]): Access {
  return ({ req: { user } }) => {
    if (!user) return false
    const or: Where[] = [{ uploadedBy: { equals: user.id } }]
    const schools = schoolsWhereUserHas(user, managers)
    if (schools.length > 0) or.push({ school: { in: schools } })
    return { or }
  }
}

/** The website's files (images, attachments): members read; the project's authors upload; the uploader or its board changes and removes. */
export function websiteUploadAccess(roles: WorkflowRoles): CollectionConfig['access'] {
  return { read: signedIn, create: canWriteContent(roles), update: manageOwnUploads(roles.board), delete: manageOwnUploads(roles.board) }
}
