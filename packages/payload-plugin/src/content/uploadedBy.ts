import type { CollectionBeforeChangeHook, Field } from 'payload'

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
