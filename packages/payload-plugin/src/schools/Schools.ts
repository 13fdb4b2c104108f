import type { CollectionConfig } from 'payload'

import { APIError, type Access, type CollectionBeforeValidateHook } from 'payload'

import { currentUser, hasDistrictRole, isDistrictUser, overseenSchools, relationId } from '../roles.ts'
import { labels, message, messageEn } from '../translations/index.ts'
import { assignTier, mayAssignTier, tierField } from '../oversight/overseen.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { syncSchoolFromRegistry } from './syncFromRegistry.ts'
import { createSchoolIntroduction } from '../website/Introductions.ts'
import { SCHOOL_LEVELS, TEMPLATE_IDS } from '@truongso/registry'

const readOnly = { readOnly: true } as const

/** Any signed-in user reads the schools' names; the office above lists only those it oversees. */
const readSchools: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  if (!isDistrictUser(actor) || (actor.memberships ?? []).length > 0) return true
  return { id: { in: overseenSchools(actor) } }
}

/** A district admin manages the schools of their tier (and below). */
const manageOverseenSchools: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!hasDistrictRole(actor, 'district-admin')) return false
  return { id: { in: overseenSchools(actor) } }
}

/** Moving a school: only into the admin's own tier or one below it. */
const checkTierMove: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data || !('tier' in data) || String(relationId(data.tier)) === String(relationId(originalDoc?.tier))) return data
  const actor = currentUser(req)
  if (!mayAssignTier(actor, data.tier)) {
    req.payload.logger.warn(`user ${actor?.id}: ${messageEn('tiers.assign-forbidden')}`)
    throw new APIError(message(req, 'tiers.assign-forbidden'), 403, null, true)
  }
  return data
}

/**
 * The tenants. A school's identity (name, host, URL, level, template) comes from the registry and is
 * rewritten from it on every save, so it cannot drift from the appendix.
 */
export function schoolsCollection(options: ResolvedOptions): CollectionConfig {
  return {
    slug: 'schools',
    labels: labels.schools,
    admin: {
      useAsTitle: 'name',
      defaultColumns: ['stt', 'name', 'level', 'url'],
      group: labels.groups.administration,
    },
    defaultSort: 'stt',
    access: {
      read: readSchools,
      create: ({ req }) => hasDistrictRole(req.user, 'district-admin'),
      update: manageOverseenSchools,
      delete: manageOverseenSchools,
    },
    hooks: { beforeValidate: [syncSchoolFromRegistry(options.registry), checkTierMove, assignTier], afterChange: [createSchoolIntroduction] },
    fields: [
      { name: 'slug', type: 'text', label: labels.fields.slug, required: true, unique: true, index: true },
      { name: 'name', type: 'text', label: labels.fields.name, admin: readOnly },
      { name: 'stt', type: 'number', label: labels.fields.stt, admin: readOnly },
      {
        name: 'level',
        type: 'select',
        label: labels.fields.level,
        options: SCHOOL_LEVELS.map((level) => ({ label: level, value: level })),
        admin: readOnly,
      },
      { name: 'levelName', type: 'text', label: labels.fields.levelName, admin: readOnly },
      { name: 'host', type: 'text', label: labels.fields.host, unique: true, admin: readOnly },
      { name: 'url', type: 'text', label: labels.fields.url, admin: readOnly },
      {
        name: 'template',
        type: 'select',
        label: labels.fields.template,
        options: TEMPLATE_IDS.map((id) => ({ label: id, value: id })),
        admin: readOnly,
      },
      tierField(labels.descriptions.schoolTier),
    ],
  }
}
