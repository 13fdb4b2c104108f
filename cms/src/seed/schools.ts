import { schools } from '@truongso/registry'
import type { PayloadRequest } from 'payload'

import { seedTierOfSchool } from './tiers.ts'

/**
 * Creates the district's schools from the registry, each in its ward's tier; existing ones are left as
 * they are (a school without a tier, from a database older than the tiers, gets its ward). Returns slug → id.
 */
export async function seedSchools(req: PayloadRequest, tiers: ReadonlyMap<string, number | string> = new Map()): Promise<Map<string, number | string>> {
  const { payload } = req
  const existing = await payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true, req })
  const ids = new Map<string, number | string>(existing.docs.map((doc) => [String(doc.slug), doc.id]))
  for (const doc of existing.docs) {
    const tier = seedTierOfSchool(String(doc.slug), tiers)
    if (!doc.tier && tier !== undefined) await payload.update({ collection: 'schools', id: doc.id, data: { tier } as never, overrideAccess: true, req })
  }
  for (const school of schools) {
    if (ids.has(school.slug)) continue
    const created = await payload.create({ collection: 'schools', data: { slug: school.slug, tier: seedTierOfSchool(school.slug, tiers) } as never, overrideAccess: true, req })
    ids.set(school.slug, created.id)
  }
  return ids
}
