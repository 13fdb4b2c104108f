import { UNION_KINDS, unionLabels } from '@truongso/snapshot'
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
} from 'payload'

import { SKIP_SITE_REBUILD } from '../context.ts'
import { manageSchoolPages, readPublishedOrMember } from '../workflow/access.ts'
import { currentUser, relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import type { LiveChange } from '../workflow/options.ts'
import { isBoardMember, type WorkflowRoles } from '../workflow/rules.ts'
import { refuseLiveRestore, schoolOfWrite } from '../workflow/guard.ts'
import { WorkflowRefusal } from '../workflow/transition.ts'
import { websiteGroup } from './contentFields.ts'

/**
 * Only the board puts a new version of the introduction live; anyone else (the school admin) only
 * saves drafts, whatever the request asks, so the public page never changes without the board.
 */
function boardPublishesIntroduction(roles: WorkflowRoles): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    const user = currentUser(req)
    if (!user) return args
    if (operation === 'restoreVersion') return refuseLiveRestore(args, req)
    if (operation !== 'create' && operation !== 'update') return args
    const mutable = args as { data?: Record<string, unknown>; draft?: boolean; id?: number | string }
    const data = mutable.data
    const school = await schoolOfWrite(req, 'introductions', data, mutable.id)
    if (school !== null && isBoardMember(user, school, roles)) return args
    if (data?._status === 'published') throw new WorkflowRefusal(req, 'workflow.not-board')
    mutable.draft = true
    if (data) data._status = 'draft'
    return args
  }
}

/**
 * One introduction per school, made by the seed or the server when a school is set up (create access
 * is closed to every user): a school's managers only edit theirs, and no empty page without a school
 * can appear that nobody could delete.
 */
const onePerSchool: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const school = relationId((data as { school?: unknown }).school)
  if (school === null) {
    throw new APIError(message(req, 'website.introduction-school-required'), 400, null, true)
  }
  const existing = await req.payload.count({ collection: 'introductions', where: { school: { equals: school } }, overrideAccess: true, req })
  if (existing.totalDocs > 0) {
    throw new APIError(message(req, 'website.introduction-exists'), 409, null, true)
  }
  return data
}

/** Schools' afterChange: a new school gets its (empty, draft) introduction, the only way one is made besides the seed. */
export const createSchoolIntroduction: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const existing = await req.payload.count({ collection: 'introductions', where: { school: { equals: doc.id } }, overrideAccess: true, req })
  if (existing.totalDocs === 0) {
    await req.payload.create({
      collection: 'introductions',
      data: { school: doc.id, schoolName: doc.name ?? null, _status: 'draft' } as never,
      draft: true,
      overrideAccess: true,
      req,
      context: { ...req.context, [SKIP_SITE_REBUILD]: true },
    })
  }
  return doc
}

const richText = (name: string, vi: string, en: string) => ({ name, type: 'richText' as const, label: { vi, en } })

/** The school's "Giới thiệu" pages: one document per school (docs/domain.md § The public website). */
export function introductionsCollection(
  roles: WorkflowRoles,
  /** The plugin's one "live site changed" (defaults.ts); none without sites. */
  onLiveChange?: LiveChange,
): CollectionConfig {
  const announceLiveChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
    const school = relationId(doc.school)
    if (!onLiveChange || school === null) return doc
    if (doc._status === 'published') {
      await onLiveChange(req, school, `introductions ${doc.id}: published`)
    } else if (previousDoc?._status === 'published') {
      // A draft saved over a live page leaves it live; only an unpublish changes the public site.
      const live = await req.payload.findByID({ collection: 'introductions', id: doc.id, depth: 0, draft: false, overrideAccess: true, disableErrors: true, req })
      if (live?._status !== 'published') await onLiveChange(req, school, `introductions ${doc.id}: unpublished`)
    }
    return doc
  }
  return {
    slug: 'introductions',
    labels: { singular: { vi: 'Giới thiệu trường', en: 'Introduction' }, plural: { vi: 'Giới thiệu trường', en: 'Introductions' } },
    admin: { group: websiteGroup, useAsTitle: 'schoolName' },
    versions: { drafts: true, maxPerDoc: 30 },
    access: { read: readPublishedOrMember, readVersions: ({ req }) => Boolean(req.user), create: () => false, update: manageSchoolPages(roles), delete: () => false },
    hooks: { beforeOperation: [boardPublishesIntroduction(roles)], beforeChange: [onePerSchool], afterChange: [announceLiveChange] },
    fields: [
      { name: 'schoolName', type: 'text', label: { vi: 'Tên trường (hiển thị)', en: 'School name' } },
      {
        type: 'row',
        fields: [
          {
            name: 'logo',
            type: 'upload',
            relationTo: 'media',
            label: { vi: 'Biểu trưng (logo)', en: 'Logo' },
            admin: { description: { vi: 'Ảnh vuông, nền trong suốt nếu có. Để trống: website tự vẽ biểu trưng theo màu của mẫu.', en: 'Square image. Empty: the website draws a monogram in the template colours.' } },
          },
          {
            name: 'banner',
            type: 'upload',
            relationTo: 'media',
            label: { vi: 'Ảnh bìa trang chủ', en: 'Home page banner' },
            admin: { description: { vi: 'Ảnh ngang (khoảng 3:1), hiện ở đầu trang chủ.', en: 'Wide photo (about 3:1) at the top of the home page.' } },
          },
        ],
      },
      {
        type: 'tabs',
        tabs: [
          {
            label: { vi: 'Chức năng, nhiệm vụ', en: 'Functions' },
            fields: [richText('functions', 'Chức năng, nhiệm vụ, quyền hạn', 'Functions, duties and powers')],
          },
          {
            label: { vi: 'Cơ cấu tổ chức', en: 'Structure' },
            fields: [
              richText('structure', 'Cơ cấu tổ chức', 'Organisational structure'),
              { name: 'orgChart', type: 'upload', relationTo: 'media', label: { vi: 'Sơ đồ tổ chức', en: 'Org chart' } },
            ],
          },
          {
            label: { vi: 'Lãnh đạo', en: 'Leadership' },
            fields: [
              {
                name: 'leaders',
                type: 'array',
                label: { vi: 'Lãnh đạo nhà trường', en: 'Leaders' },
                fields: [
                  { name: 'name', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Name' } },
                  { name: 'position', type: 'text', required: true, label: { vi: 'Chức vụ', en: 'Position' } },
                  { name: 'unit', type: 'text', label: { vi: 'Đơn vị', en: 'Unit' } },
                  { name: 'phone', type: 'text', label: { vi: 'Điện thoại cơ quan', en: 'Office phone' } },
                ],
              },
            ],
          },
          {
            label: { vi: 'Lịch sử, truyền thống', en: 'History' },
            fields: [richText('history', 'Lịch sử và truyền thống', 'History and traditions')],
          },
          {
            label: { vi: 'Đoàn thể', en: 'Unions' },
            fields: [
              {
                name: 'unions',
                type: 'array',
                label: { vi: 'Công đoàn, Đoàn TN, Đội TNTP', en: 'Unions and youth groups' },
                fields: [
                  {
                    name: 'kind',
                    type: 'select',
                    required: true,
                    label: { vi: 'Tổ chức', en: 'Organisation' },
                    options: UNION_KINDS.map((value) => ({ value, label: unionLabels[value] })),
                  },
                  richText('description', 'Giới thiệu', 'Description'),
                ],
              },
            ],
          },
          {
            label: { vi: 'Liên hệ', en: 'Contact' },
            fields: [
              { name: 'address', type: 'text', label: { vi: 'Địa chỉ', en: 'Address' } },
              { name: 'phone', type: 'text', label: { vi: 'Điện thoại', en: 'Phone' } },
              { name: 'email', type: 'email', label: { vi: 'Email', en: 'E-mail' } },
            ],
          },
        ],
      },
    ],
  }
}
