import { schools } from '@truongso/registry'
import type { PayloadRequest } from 'payload'

/** Creates the district's schools from the registry; existing ones are left as they are. Returns slug → id. */
export async function seedSchools(req: PayloadRequest): Promise<Map<string, number | string>> {
  const { payload } = req
  const existing = await payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true, req })
  const ids = new Map<string, number | string>(existing.docs.map((doc) => [String(doc.slug), doc.id]))
  for (const school of schools) {
    if (ids.has(school.slug)) continue
    const created = await payload.create({ collection: 'schools', data: { slug: school.slug }, overrideAccess: true, req })
    ids.set(school.slug, created.id)
  }
  return ids
}
