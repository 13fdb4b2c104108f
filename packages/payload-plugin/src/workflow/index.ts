import type { CollectionConfig, Field } from 'payload'

import { deleteWorkflowContent, readPublishedOrMember, updateWorkflowContent, canWriteContent } from './access.ts'
import { labels } from '../translations/index.ts'
import { currentUser, relationId } from '../roles.ts'
import { userNameOf } from '../accounts/userName.ts'
import { contentDepartmentHook, defaultDepartment, DEPARTMENTS_SLUG } from './departments.ts'
import { reviewQueueEndpoint, siteLinkEndpoint, transitionEndpoint } from './endpoints.ts'
import { guardWorkflowWrites, setWorkingState } from './guard.ts'
import { announceLiveDelete } from './liveDelete.ts'
import { EVENTS_SLUG, type WorkflowOptions } from './options.ts'
import { stateLabels, WORKFLOW_STATES } from './states.ts'

const signedInField = ({ req }: { req: { user?: unknown } }) => Boolean(req.user)

function workflowFields(slug: string, hasDepartment: boolean, options: WorkflowOptions): Field[] {
  const fields: Field[] = [
    {
      name: 'workflowState',
      type: 'select',
      label: { vi: 'Trạng thái duyệt', en: 'Review state' },
      options: WORKFLOW_STATES.map((value) => ({ value, label: stateLabels[value] })),
      defaultValue: 'draft',
      index: true,
      access: { read: signedInField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'lastReturnReason',
      type: 'textarea',
      label: { vi: 'Lý do trả lại', en: 'Reason returned' },
      access: { read: signedInField },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => data?.workflowState === 'returned' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Tác giả', en: 'Author' },
      access: { read: signedInField },
      admin: { position: 'sidebar', readOnly: true, hidden: true },
    },
    {
      // The author's name for colleagues who may not read the account (a team leader, the board).
      name: 'authorName',
      type: 'text',
      virtual: true,
      label: { vi: 'Tác giả', en: 'Author' },
      access: { read: signedInField },
      admin: { position: 'sidebar', readOnly: true },
      hooks: { afterRead: [({ siblingData, req }) => userNameOf(req, siblingData?.author)] },
    },
  ]
  if (!hasDepartment) {
    fields.push({
      name: 'department',
      // A choice among the school's departments (one spelling everywhere), pre-filled from the author.
      type: 'relationship',
      relationTo: DEPARTMENTS_SLUG,
      label: labels.fields.department,
      index: true,
      defaultValue: ({ user }: { user?: unknown }) => defaultDepartment(currentUser({ user })) ?? undefined,
      filterOptions: ({ data }) => {
        const school = relationId((data as { school?: unknown } | undefined)?.school)
        return school === null ? true : { school: { equals: school } }
      },
      hooks: { beforeValidate: [contentDepartmentHook(options.roles)] },
      admin: { position: 'sidebar', description: { vi: 'Tổ trưởng của tổ này duyệt bước 1', en: 'This department’s team leader reviews first' } },
    } as Field)
  }
  fields.push(
    {
      name: 'showsStudents',
      type: 'checkbox',
      label: { vi: 'Có hình ảnh/thông tin học sinh', en: 'Shows students' },
      access: { read: signedInField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'consent',
      type: 'text',
      label: { vi: 'Sự đồng ý của (cha mẹ/học sinh, văn bản)', en: 'Consent given by' },
      access: { read: signedInField },
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.showsStudents) },
    },
    {
      name: 'publishAt',
      type: 'date',
      label: { vi: 'Đăng lúc (nếu hẹn giờ)', en: 'Publish at' },
      access: { read: signedInField },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'unpublishAt',
      type: 'date',
      label: { vi: 'Gỡ lúc (nếu hẹn giờ)', en: 'Unpublish at' },
      access: { read: signedInField },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'workflowHistory',
      type: 'join',
      collection: EVENTS_SLUG,
      on: slug,
      label: { vi: 'Lịch sử duyệt', en: 'Review history' },
      access: { read: signedInField },
      admin: { defaultColumns: ['createdAt', 'action', 'fromState', 'toState', 'actorName', 'actorRole', 'reason'] },
    } as Field,
  )
  return fields
}

/**
 * Puts a collection under the approval workflow: drafts and versions, the review-state fields,
 * server-side guards, the transition and queue endpoints, and the admin's workflow buttons.
 * Usable on any tenant-scoped collection with a `school` field.
 */
export function withApprovalWorkflow(collection: CollectionConfig, options: WorkflowOptions): CollectionConfig {
  const hasDepartment = collection.fields.some((f) => 'name' in f && f.name === 'department')
  return {
    ...collection,
    versions: { maxPerDoc: 50, ...(typeof collection.versions === 'object' ? collection.versions : {}), drafts: { validate: false } },
    access: {
      read: readPublishedOrMember,
      readVersions: ({ req }) => Boolean(req.user),
      create: canWriteContent(options.roles),
      update: updateWorkflowContent(options.roles, collection.slug),
      delete: deleteWorkflowContent(options.roles),
      ...collection.access,
    },
    admin: {
      ...collection.admin,
      components: {
        ...collection.admin?.components,
        edit: {
          ...collection.admin?.components?.edit,
          // The buttons offer what the same rule (with this project's roles) lets the user do.
          PublishButton: { path: '@truongso/payload-plugin/client#WorkflowActions', clientProps: { roles: options.roles } },
          UnpublishButton: '@truongso/payload-plugin/client#NoButton',
          // Asks before a save takes content back from its reviewers (recorded as "withdrawn").
          SaveDraftButton: { path: '@truongso/payload-plugin/client#WorkflowSaveDraft', clientProps: { roles: options.roles } },
          // One status: the review state, instead of Payload's draft/published pill beside it.
          Status: '@truongso/payload-plugin/client#WorkflowStatus',
        },
      },
    },
    hooks: {
      ...collection.hooks,
      beforeOperation: [guardWorkflowWrites(options), ...(collection.hooks?.beforeOperation ?? [])],
      beforeChange: [...(collection.hooks?.beforeChange ?? []), setWorkingState(options)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), announceLiveDelete(options)],
    },
    endpoints: [...(collection.endpoints || []), transitionEndpoint(collection.slug, options), reviewQueueEndpoint(collection.slug, options), siteLinkEndpoint(collection.slug)],
    fields: [...collection.fields, ...workflowFields(collection.slug, hasDepartment, options)],
  }
}
