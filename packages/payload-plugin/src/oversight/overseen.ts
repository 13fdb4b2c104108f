import type { AccessResult, CollectionBeforeValidateHook, Field, FieldHook, PayloadRequest, Where } from 'payload'

import { currentUser, hasDistrictRole, isDistrictUser, overseenSchools, overseenTiers, relationId, schoolsWhereUserHas, type Oversight, type RoleHolder } from '../roles.ts'
import { labels } from '../translations/index.ts'
import { TIERS_SLUG } from './slugs.ts'

type ID = number | string
type TierRow = { id: ID; parent?: unknown }

/** The tier and every tier below it, walking the parent links (a cycle cannot loop: each tier is visited once). */
export function subtreeOf(tiers: readonly TierRow[], root: ID): ID[] {
  const children = new Map<string, ID[]>()
  for (const tier of tiers) {
    const parent = relationId(tier.parent)
    if (parent === null) continue
    children.set(String(parent), [...(children.get(String(parent)) ?? []), tier.id])
  }
  const found: ID[] = []
  const seen = new Set<string>()
  const queue: ID[] = tiers.some((t) => String(t.id) === String(root)) ? [root] : []
  while (queue.length > 0) {
    const id = queue.shift() as ID
    if (seen.has(String(id))) continue
    seen.add(String(id))
    found.push(id)
    queue.push(...(children.get(String(id)) ?? []))
  }
  return found
}

/** What a tier oversees: itself, its sub-tiers and their schools. Memoised per request. */
export async function oversightOfTier(req: PayloadRequest, tier: unknown): Promise<Oversight> {
  const id = relationId(tier)
  if (id === null) return { tiers: [], schools: [] }
  const key = `truongsoOversight:${id}`
  const cached = req.context?.[key] as Promise<Oversight> | undefined
  if (cached) return cached
  const computed = (async () => {
    const all = await req.payload.find({ collection: TIERS_SLUG, depth: 0, pagination: false, select: { parent: true }, overrideAccess: true, req })
    const tiers = subtreeOf(all.docs as TierRow[], id)
    if (tiers.length === 0) return { tiers, schools: [] }
    const schools = await req.payload.find({ collection: 'schools', where: { tier: { in: tiers } }, depth: 0, pagination: false, select: { slug: true }, overrideAccess: true, req })
    return { tiers, schools: schools.docs.map((doc) => doc.id as ID) }
  })()
  if (req.context) req.context[key] = computed
  return computed
}

/**
 * The account's `oversight` (a virtual field): computed whenever a district user's account is read,
 * which includes every authenticated request, so the synchronous access rules can read it.
 */
const computeOversight: FieldHook = async ({ siblingData, req }) => {
  const doc = siblingData as RoleHolder & { tier?: unknown }
  if (!isDistrictUser(doc)) return { tiers: [], schools: [] }
  return oversightOfTier(req, doc.tier)
}

/** The tier a school or a district account belongs to. */
export function tierField(description: { vi: string; en: string }, extra: Partial<Field> = {}): Field {
  return {
    name: 'tier',
    type: 'relationship',
    relationTo: TIERS_SLUG,
    label: labels.fields.tier,
    index: true,
    admin: { position: 'sidebar', description },
    ...extra,
  } as Field
}

export function oversightField(): Field {
  return {
    name: 'oversight',
    type: 'json',
    virtual: true,
    admin: { hidden: true },
    hooks: { afterRead: [computeOversight] },
  }
}

/**
 * The tier that receives a new school, or a district account nobody placed: the one marked
 * "receives new schools", else the oldest top-level tier; created from the plugin's managing body when
 * the installation has none yet, so a fresh install oversees its schools from the first start.
 */
export async function defaultTierId(req: PayloadRequest): Promise<ID> {
  const find = (where: Where) => req.payload.find({ collection: TIERS_SLUG, where, limit: 1, sort: 'createdAt', depth: 0, overrideAccess: true, req })
  const marked = (await find({ isDefault: { equals: true } })).docs[0] ?? (await find({ parent: { exists: false } })).docs[0]
  if (marked) return marked.id as ID
  const name = String((req.payload.config.custom?.truongsoBooks as { managingBody?: string } | undefined)?.managingBody ?? '') || labels.defaultTier.vi
  const created = await req.payload.create({ collection: TIERS_SLUG, data: { name, kind: 'phong-gddt', isDefault: true } as never, overrideAccess: true, req })
  return created.id as ID
}

/** Schools and district accounts always belong to a tier: the creator's, else the default one. */
export const assignTier: CollectionBeforeValidateHook = async ({ data, originalDoc, req, collection }) => {
  if (!data) return data
  const isUsers = collection.slug === 'users'
  const roles = (data.districtRoles ?? originalDoc?.districtRoles ?? []) as string[]
  if (isUsers && roles.length === 0) return data
  if (relationId(data.tier ?? originalDoc?.tier) !== null) return data
  const actor = currentUser(req)
  const own = isDistrictUser(actor) ? relationId((actor as { tier?: unknown }).tier) : null
  data.tier = own ?? (await defaultTierId(req))
  return data
}

/** May the actor place a school or an account in this tier? Their own tier or one below it. */
export function mayAssignTier(actor: RoleHolder | null, tier: unknown): boolean {
  if (!actor) return true // the Local API without a user (seed, migrations, jobs)
  const id = relationId(tier)
  return hasDistrictRole(actor, 'district-admin') && id !== null && overseenTiers(actor).some((t) => String(t) === String(id))
}

/**
 * Narrows what a district user reads or writes in a school-scoped collection to the schools of their
 * tier (the multi-tenant plugin's `accessResultOverride`). School members are scoped by the plugin
 * itself, from their memberships.
 */
export function scopeToOverseenSchools(schoolField = 'school') {
  return ({ accessKey, accessResult, req, data }: { accessKey: string; accessResult: AccessResult; req: PayloadRequest; data?: unknown }): AccessResult => {
    const actor = currentUser(req)
    if (accessResult === false || !isDistrictUser(actor)) return accessResult
    // A district user who is also a member of schools keeps the rules of those schools too.
    const schools = [...overseenSchools(actor), ...schoolsWhereUserHas(actor)]
    if (accessKey === 'create') {
      const school = relationId((data as Record<string, unknown> | undefined)?.[schoolField])
      return school === null ? accessResult : schools.some((id) => String(id) === String(school)) ? accessResult : false
    }
    const scope: Where = { [schoolField]: { in: schools } }
    return accessResult === true ? scope : { and: [accessResult, scope] }
  }
}
