import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import type { Config, Plugin } from 'payload'

import { canEditSchoolRoles } from './access/usersAccess.ts'
import { schoolsCollection } from './collections/Schools.ts'
import { membershipRowFields, usersCollection } from './collections/Users.ts'
import { resolveOptions } from './defaults.ts'
import { isDistrictUser } from './roles.ts'
import { labels } from './translations/index.ts'
import type { TruongsoPluginOptions } from './types.ts'

export * from './roles.ts'
export { passwordPolicyViolations, MIN_PASSWORD_LENGTH } from './auth/passwordPolicy.ts'
export { passwordReminderReason } from './auth/passwordAge.ts'
export { roleLabels, labels } from './translations/index.ts'
export type { TruongsoPluginOptions } from './types.ts'

/**
 * Trường Số for Payload: schools as tenants (via @payloadcms/plugin-multi-tenant), accounts with
 * per-school roles, auth hardening. `plugins: [truongsoPlugin()]`.
 */
export const truongsoPlugin =
  (pluginOptions: TruongsoPluginOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const options = resolveOptions(pluginOptions)
    if (!options.enabled) return incoming

    const withCollections: Config = {
      ...incoming,
      custom: { ...incoming.custom, truongsoMaxPasswordAgeDays: options.maxPasswordAgeDays },
      admin: {
        ...incoming.admin,
        user: 'users',
        components: {
          ...incoming.admin?.components,
          beforeDashboard: [
            ...(incoming.admin?.components?.beforeDashboard ?? []),
            '@truongso/payload-plugin/rsc#PasswordReminderBanner',
          ],
        },
      },
      collections: [...(incoming.collections ?? []), schoolsCollection(options), usersCollection(options)],
    }

    const config = multiTenantPlugin({
      tenantsSlug: 'schools',
      tenantField: { name: 'school' },
      tenantsArrayField: {
        includeDefaultField: true,
        arrayFieldName: 'memberships',
        arrayTenantFieldName: 'school',
        rowFields: membershipRowFields(),
        arrayFieldAccess: { create: canEditSchoolRoles, update: canEditSchoolRoles },
      },
      userHasAccessToAllTenants: (user) => isDistrictUser(user as never),
      collections: {},
      i18n: {
        translations: {
          vi: {
            'nav-tenantSelector-label': 'Chọn trường',
            'assign-tenant-button-label': 'Gán trường',
            'assign-tenant-modal-title': 'Gán "{{title}}" cho trường',
            'field-assignedTenant-label': 'Trường',
          },
        },
      },
    })(withCollections)
    labelMembershipsField(config)
    return config
  }

/** The multi-tenant plugin adds the memberships array without a label option; give it ours. */
function labelMembershipsField(config: Config): void {
  const users = config.collections?.find((collection) => collection.slug === 'users')
  const field = users?.fields.find((f) => 'name' in f && f.name === 'memberships')
  if (field && field.type === 'array') {
    field.label = labels.fields.memberships
    field.labels = { singular: labels.fields.membershipSchool, plural: labels.fields.memberships }
    for (const row of field.fields) {
      if ('name' in row && row.name === 'school') row.label = labels.fields.membershipSchool
    }
  }
}

export default truongsoPlugin
