import type { CollectionConfig } from 'payload'

import { hasDistrictRole } from '../roles.ts'
import { labels } from '../translations/index.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { syncSchoolFromRegistry } from './syncFromRegistry.ts'
import { createSchoolIntroduction } from '../website/Introductions.ts'
import { SCHOOL_LEVELS, TEMPLATE_IDS } from '@truongso/registry'

const readOnly = { readOnly: true } as const

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
      read: ({ req }) => Boolean(req.user),
      create: ({ req }) => hasDistrictRole(req.user, 'district-admin'),
      update: ({ req }) => hasDistrictRole(req.user, 'district-admin'),
      delete: ({ req }) => hasDistrictRole(req.user, 'district-admin'),
    },
    hooks: { beforeValidate: [syncSchoolFromRegistry(options.registry)], afterChange: [createSchoolIntroduction] },
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
    ],
  }
}
