import type { CollectionConfig, Field } from 'payload'

import {
  canEditDistrictRoles,
  canEditSchoolRoles,
  createUsers,
  deleteUsers,
  readUsers,
  updateUsers,
} from './access.ts'
import { guardUnlock, unlockUsers } from './unlock.ts'
import { passwordReminderReason } from './passwordAge.ts'
import { passwordRemindersEndpoint } from './passwordReminders.ts'
import { guardRoleGrants, requireTeamLeaderDepartment } from './guardRoleGrants.ts'
import {
  enforcePasswordPolicy,
  enforcePasswordPolicyOnReset,
  markPasswordResetByOwner,
  trackPasswordChange,
} from './passwordHooks.ts'
import { DISTRICT_ROLES, relationId, SCHOOL_ROLES } from '../roles.ts'
import { labels, roleLabels } from '../translations/index.ts'
import type { ResolvedOptions } from '../defaults.ts'
import { resolveMembershipDepartment } from '../workflow/departments.ts'
import { assignTier, oversightField, tierField } from '../oversight/overseen.ts'

/** Fields of one membership row (school + roles there); the multi-tenant plugin adds the school. */
export function membershipRowFields(): Field[] {
  return [
    {
      name: 'roles',
      type: 'select',
      label: labels.fields.roles,
      hasMany: true,
      required: true,
      options: SCHOOL_ROLES.map((role) => ({ label: roleLabels[role], value: role })),
    },
    {
      name: 'department',
      // One of the school's departments (the same records staff and posts point at), never free text.
      type: 'relationship',
      relationTo: 'departments',
      label: labels.fields.department,
      filterOptions: ({ siblingData }) => {
        const school = relationId((siblingData as { school?: unknown } | undefined)?.school)
        return school === null ? true : { school: { equals: school } }
      },
      hooks: { beforeValidate: [resolveMembershipDepartment] },
      admin: { description: { vi: 'Bắt buộc với Tổ trưởng (ví dụ: Tổ Toán – Tin)', en: 'Required for team leaders' } },
    },
  ]
}

export function usersCollection(options: ResolvedOptions): CollectionConfig {
  return {
    slug: 'users',
    labels: labels.users,
    auth: {
      maxLoginAttempts: options.maxLoginAttempts,
      lockTime: options.lockMinutes * 60 * 1000,
      tokenExpiration: options.sessionHours * 60 * 60,
    },
    admin: {
      useAsTitle: 'fullName',
      defaultColumns: ['fullName', 'email', 'memberships', 'passwordReminder'],
      group: labels.groups.administration,
    },
    access: { read: readUsers, create: createUsers, update: updateUsers, delete: deleteUsers, unlock: unlockUsers },
    hooks: {
      beforeOperation: [guardRoleGrants, enforcePasswordPolicyOnReset, guardUnlock],
      beforeValidate: [enforcePasswordPolicy, requireTeamLeaderDepartment, assignTier],
      beforeChange: [trackPasswordChange],
      afterOperation: [markPasswordResetByOwner],
    },
    endpoints: [passwordRemindersEndpoint(options)],
    fields: [
      { name: 'fullName', type: 'text', label: labels.fields.fullName, required: true },
      {
        name: 'districtRoles',
        type: 'select',
        label: labels.fields.districtRoles,
        hasMany: true,
        options: DISTRICT_ROLES.map((role) => ({ label: roleLabels[role], value: role })),
        access: { create: canEditDistrictRoles, update: canEditDistrictRoles },
        saveToJWT: true,
      },
      tierField(labels.descriptions.userTier, {
        access: { create: canEditDistrictRoles, update: canEditDistrictRoles },
        admin: { position: 'sidebar', description: labels.descriptions.userTier, condition: (data: { districtRoles?: string[] }) => (data?.districtRoles ?? []).length > 0 },
      }),
      oversightField(),
      {
        name: 'passwordChangedAt',
        type: 'date',
        label: labels.fields.passwordChangedAt,
        admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'passwordSetByAdmin',
        type: 'checkbox',
        label: labels.fields.passwordSetByAdmin,
        defaultValue: true,
        admin: { readOnly: true, position: 'sidebar' },
      },
      {
        name: 'passwordReminder',
        type: 'select',
        options: (['set-by-admin', 'expired'] as const).map((value) => ({ value, label: labels.reminderReasons[value] })),
        label: labels.fields.passwordReminder,
        virtual: true,
        admin: { readOnly: true, position: 'sidebar' },
        hooks: {
          afterRead: [({ siblingData }) => passwordReminderReason(siblingData, new Date(), options.maxPasswordAgeDays)],
        },
      },
    ],
  }
}

export { canEditSchoolRoles }
