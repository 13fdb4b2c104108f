import { APIError, type Access, type CollectionBeforeDeleteHook, type CollectionBeforeValidateHook, type CollectionConfig } from 'payload'

import { currentUser, hasDistrictRole, overseenTiers, relationId } from '../roles.ts'
import { labels, message, messageEn } from '../translations/index.ts'
import { mayAssignTier, subtreeOf } from './overseen.ts'
import { TIER_KINDS, TIERS_SLUG } from './slugs.ts'

/** A district admin manages their own tier and those below it. */
const manageOwnSubtree: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!hasDistrictRole(actor, 'district-admin')) return false
  return { id: { in: overseenTiers(actor) } }
}

/** A new or moved tier hangs below one the admin manages, and never below itself. */
const checkParent: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const creating = !originalDoc
  if (!creating && !('parent' in data)) return data
  const parent = relationId(data.parent)
  const actor = currentUser(req)
  if (!creating && String(parent) === String(relationId(originalDoc?.parent))) return data
  if (parent === null) {
    // Top-level tiers are the installation's (seed, migrations): an admin places theirs under their own.
    if (actor) throw new APIError(message(req, 'tiers.parent-required'), 400, null, true)
    return data
  }
  if (actor && !mayAssignTier(actor, parent)) {
    req.payload.logger.warn(`user ${actor.id}: ${messageEn('tiers.parent-forbidden')}`)
    throw new APIError(message(req, 'tiers.parent-forbidden'), 403, null, true)
  }
  if (originalDoc?.id !== undefined) {
    const all = await req.payload.find({ collection: TIERS_SLUG, depth: 0, pagination: false, select: { parent: true }, overrideAccess: true, req })
    if (subtreeOf(all.docs as { id: number | string; parent?: unknown }[], originalDoc.id).some((id) => String(id) === String(parent))) {
      throw new APIError(message(req, 'tiers.parent-cycle'), 400, null, true)
    }
  }
  return data
}

/** A tier that still oversees schools or sub-tiers cannot go: move them first. */
const refuseNonEmpty: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const [schools, children] = await Promise.all([
    req.payload.count({ collection: 'schools', where: { tier: { equals: id } }, overrideAccess: true, req }),
    req.payload.count({ collection: TIERS_SLUG, where: { parent: { equals: id } }, overrideAccess: true, req }),
  ])
  if (schools.totalDocs + children.totalDocs > 0) throw new APIError(message(req, 'tiers.not-empty', { schools: schools.totalDocs, tiers: children.totalDocs }), 400, null, true)
}

/**
 * The oversight bodies (docs/domain.md § Oversight): a Phòng GDĐT, a ward's or commune's People's
 * Committee, a provincial Sở GDĐT. A district officer or admin acts on the schools of their tier and of
 * every tier below it; moving a school to another tier moves its oversight.
 */
export function tiersCollection(): CollectionConfig {
  return {
    slug: TIERS_SLUG,
    labels: labels.tiers,
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'parent'], group: labels.groups.administration },
    access: {
      read: ({ req }) => Boolean(req.user),
      create: ({ req }) => hasDistrictRole(currentUser(req), 'district-admin'),
      update: manageOwnSubtree,
      delete: manageOwnSubtree,
    },
    hooks: { beforeValidate: [checkParent], beforeDelete: [refuseNonEmpty] },
    fields: [
      { name: 'name', type: 'text', required: true, label: labels.fields.tierName, admin: { description: labels.descriptions.tierName } },
      { name: 'code', type: 'text', unique: true, index: true, label: labels.fields.tierCode, admin: { position: 'sidebar', description: labels.descriptions.tierCode } },
      { name: 'kind', type: 'select', required: true, label: labels.fields.tierKind, options: TIER_KINDS.map((value) => ({ value, label: labels.tierKinds[value] })) },
      { name: 'parent', type: 'relationship', relationTo: TIERS_SLUG, label: labels.fields.tierParent, filterOptions: ({ id }) => (id === undefined ? true : { id: { not_equals: id } }) },
      { name: 'superior', type: 'text', label: labels.fields.tierSuperior, admin: { description: labels.descriptions.tierSuperior } },
      { name: 'place', type: 'text', label: labels.fields.tierPlace, admin: { description: labels.descriptions.tierPlace } },
      { name: 'website', type: 'text', label: labels.fields.tierWebsite },
      { name: 'isDefault', type: 'checkbox', label: labels.fields.tierIsDefault, admin: { position: 'sidebar', description: labels.descriptions.tierIsDefault } },
      { name: 'schools', type: 'join', collection: 'schools', on: 'tier', label: labels.schools.plural, admin: { defaultColumns: ['name', 'level'] } },
    ],
  }
}
