import type { CollectionConfig } from 'payload'

import { signedIn } from './access.ts'
import { roleLabels } from '../translations/index.ts'
import { userNameOf } from '../accounts/userName.ts'
import { EVENTS_SLUG, type WorkflowOptions } from './options.ts'
import { actionLabels, REVIEW_STATES, stateLabels, WORKFLOW_ACTIONS } from './states.ts'

const stateOptions = REVIEW_STATES.map((value) => ({ value, label: stateLabels[value] }))

/**
 * The approval record (docs/domain.md § Approval): who did what, in which role, when, from which state
 * to which, why, and which version. Append-only: nobody edits or deletes it through the API.
 */
export function workflowEventsCollection(options: WorkflowOptions, recordCollections: readonly { field: string; collection: string }[] = []): CollectionConfig {
  return {
    slug: EVENTS_SLUG,
    labels: { singular: { vi: 'Lịch sử duyệt', en: 'Review event' }, plural: { vi: 'Lịch sử duyệt', en: 'Review history' } },
    admin: {
      group: { vi: 'Website', en: 'Website' },
      defaultColumns: ['createdAt', 'title', 'action', 'toState', 'actorName', 'actorRole', 'reason', 'school'],
      useAsTitle: 'title',
    },
    access: { read: signedIn, create: () => false, update: () => false, delete: () => false },
    timestamps: true,
    fields: [
      { name: 'collectionSlug', type: 'text', required: true, index: true, label: { vi: 'Loại nội dung', en: 'Collection' } },
      { name: 'documentId', type: 'text', required: true, index: true, label: { vi: 'Mã nội dung', en: 'Document id' } },
      // The website's collections and the reviewed records (recordTransition.ts): each event links to its document.
      // A record's field has a short name: PostgreSQL cuts identifiers at 63 characters, which its foreign key would pass.
      ...[...options.collections.map((slug) => ({ field: slug, collection: slug })), ...recordCollections].map(({ field, collection }) => ({
        name: field,
        type: 'relationship' as const,
        relationTo: collection,
        index: true,
        admin: { readOnly: true },
      })),
      {
        name: 'action',
        type: 'select',
        required: true,
        options: [...WORKFLOW_ACTIONS, 'withdraw', 'auto-publish', 'auto-unpublish'].map((value) => ({
          value,
          label:
            value in actionLabels
              ? actionLabels[value as keyof typeof actionLabels]
              : value === 'withdraw'
                ? { vi: 'Rút về để sửa', en: 'Withdrawn for editing' }
                : { vi: 'Tự động theo lịch', en: 'Scheduled' },
        })),
        label: { vi: 'Thao tác', en: 'Action' },
      },
      { name: 'fromState', type: 'select', options: stateOptions, label: { vi: 'Từ', en: 'From' } },
      { name: 'toState', type: 'select', options: stateOptions, label: { vi: 'Sang', en: 'To' } },
      { name: 'actor', type: 'relationship', relationTo: 'users', label: { vi: 'Người thực hiện', en: 'By' } },
      {
        // Colleagues may not read each other's accounts, so the relation alone shows "<Không có…>":
        // the name (nothing else) is looked up for whoever may read the event.
        name: 'actorName',
        type: 'text',
        virtual: true,
        label: { vi: 'Người thực hiện', en: 'By' },
        admin: { readOnly: true },
        hooks: { afterRead: [({ siblingData, req }) => userNameOf(req, siblingData?.actor)] },
      },
      {
        name: 'actorRole',
        type: 'select',
        options: [
          ...Object.entries(roleLabels).map(([value, label]) => ({ value, label })),
          { value: 'author', label: { vi: 'Tác giả', en: 'Author' } },
          { value: 'system', label: { vi: 'Hệ thống (lịch)', en: 'System (schedule)' } },
        ],
        label: { vi: 'Vai trò', en: 'Role' },
      },
      { name: 'reason', type: 'textarea', label: { vi: 'Lý do / ghi chú', en: 'Reason' } },
      { name: 'versionId', type: 'text', label: { vi: 'Phiên bản', en: 'Version' } },
      // A record's step names the file version it was taken on by its content.
      { name: 'versionHash', type: 'text', label: { vi: 'SHA-256 của phiên bản', en: 'Version SHA-256' } },
      { name: 'title', type: 'text', label: { vi: 'Tiêu đề lúc đó', en: 'Title at the time' } },
    ],
  }
}
