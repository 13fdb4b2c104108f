import { slugify } from '@truongso/snapshot'
import type { CollectionBeforeValidateHook } from 'payload'

import { relationId } from '../roles.ts'

/** Fills the slug from the title and keeps it unique within the school (…-2, …-3). */
export const uniqueSchoolSlug: CollectionBeforeValidateHook = async ({ collection, data, originalDoc, req }) => {
  if (!data) return data
  const base = slugify(String(data.slug || data.title || originalDoc?.title || '')) || 'bai-viet'
  const school = relationId(data.school ?? originalDoc?.school)
  let candidate = base
  for (let n = 2; n < 500; n++) {
    const clash = await req.payload.find({
      collection: collection.slug,
      where: {
        and: [
          { slug: { equals: candidate } },
          ...(school !== null ? [{ school: { equals: school } }] : []),
          ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      draft: true,
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (clash.docs.length === 0) break
    candidate = `${base}-${n}`
  }
  return { ...data, slug: candidate }
}
