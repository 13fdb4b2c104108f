import type { GlobalConfig } from 'payload'
import { z } from 'zod'

import { currentUser, hasDistrictRole, isDistrictUser } from '../roles.ts'
import { approvalOptions, filerOptions } from './DocumentFolders.ts'
import { APPROVAL_KINDS, FILER_KINDS } from './filers.ts'
import { DOCUMENT_TREE_TEMPLATE_SLUG, educationRecordsGroup } from './slugs.ts'

/**
 * The district's template of a school's document tree (seed 001 Art. 9, seed 004 §I.3): each entry
 * is a folder, placed under its parent by key. `per-department` makes one folder per department of
 * the school (its name is the department's), `per-teacher` one per teacher; their children are made
 * under each of them and belong to that department or teacher.
 */
export const TREE_SCOPES = ['school', 'per-department', 'per-teacher'] as const

export const templateFolderSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,60}$/),
  parentKey: z.string().nullish(),
  name: z.string().min(1).max(200),
  scope: z.enum(TREE_SCOPES).default('school'),
  acceptsFiles: z.boolean().default(true),
  filers: z.array(z.enum(FILER_KINDS)).default([]),
  approval: z.enum(APPROVAL_KINDS).default('board'),
  requiresSignature: z.boolean().default(false),
})
export type TemplateFolder = z.infer<typeof templateFolderSchema>

// Names as label pairs: the tree is made in Vietnamese; the English is for readers of the code.
const f = (key: string, parentKey: string | null, name: { vi: string; en: string }, more: Record<string, unknown> = {}): TemplateFolder =>
  templateFolderSchema.parse({ key, parentKey, name: name.vi, ...more })
const container = { acceptsFiles: false, filers: [] }
const school = { filers: ['board', 'school-admin'], approval: 'board' } as const
const department = { filers: ['department-leader'], approval: 'board' } as const
const teacher = { filers: ['folder-owner'], approval: 'leader-then-board' } as const
const staff = { filers: ['staff', 'board'], approval: 'board' } as const

/** What a district starts from; it edits its own copy in the admin (Mẫu cây hồ sơ). */
export const DEFAULT_TREE_TEMPLATE: TemplateFolder[] = [
  f('nha-truong', null, { vi: 'Hồ sơ nhà trường', en: 'School records' }, container),
  f('ke-hoach-nam-hoc', 'nha-truong', { vi: 'Kế hoạch năm học', en: 'School-year plan' }, school),
  f('ke-hoach-giao-duc', 'nha-truong', { vi: 'Kế hoạch giáo dục nhà trường', en: 'School education plan' }, school),
  f('bao-cao', 'nha-truong', { vi: 'Báo cáo sơ kết, tổng kết', en: 'Term and year reports' }, school),
  f('quyet-dinh', 'nha-truong', { vi: 'Quyết định, quy chế', en: 'Decisions and rules' }, school),
  f('to-chuyen-mon', null, { vi: 'Hồ sơ tổ chuyên môn', en: 'Department records' }, container),
  f('to', 'to-chuyen-mon', { vi: 'Tổ', en: 'Department' }, { ...container, scope: 'per-department' }),
  f('ke-hoach-to', 'to', { vi: 'Kế hoạch giáo dục của tổ', en: 'Department education plan' }, department),
  f('bien-ban-to', 'to', { vi: 'Biên bản sinh hoạt tổ', en: 'Department meeting minutes' }, department),
  f('giao-vien', null, { vi: 'Hồ sơ giáo viên', en: 'Teacher records' }, container),
  f('gv', 'giao-vien', { vi: 'Giáo viên', en: 'Teacher' }, { ...container, scope: 'per-teacher' }),
  f('ke-hoach-gv', 'gv', { vi: 'Kế hoạch giáo dục của giáo viên', en: 'Teacher education plan' }, teacher),
  f('chu-nhiem', 'gv', { vi: 'Kế hoạch chủ nhiệm', en: 'Homeroom plan' }, teacher),
  f('doan-the', null, { vi: 'Đoàn thể', en: 'Unions' }, container),
  f('cong-doan', 'doan-the', { vi: 'Công đoàn', en: 'Trade union' }, staff),
  f('doan-tn', 'doan-the', { vi: 'Đoàn TN', en: 'Youth Union' }, staff),
  f('doi-tntp', 'doan-the', { vi: 'Đội TNTP', en: 'Young Pioneers' }, staff),
  f('van-thu', null, { vi: 'Văn thư', en: 'Office' }, container),
  f('van-ban-di', 'van-thu', { vi: 'Văn bản đi', en: 'Outgoing documents' }, { filers: ['staff', 'board'], approval: 'board', requiresSignature: true }),
  // Incoming documents were approved where they came from: filed, not reviewed.
  f('van-ban-den', 'van-thu', { vi: 'Văn bản đến', en: 'Incoming documents' }, { filers: ['staff', 'board'], approval: 'none' }),
  f('y-te', null, { vi: 'Y tế', en: 'School health' }, staff),
  f('thu-vien', null, { vi: 'Thư viện', en: 'Library' }, staff),
  f('thiet-bi', null, { vi: 'Thiết bị', en: 'Equipment' }, staff),
  f('ban-tru', null, { vi: 'Bán trú', en: 'Boarding' }, staff),
  f('tu-van-tam-ly', null, { vi: 'Tư vấn tâm lý', en: 'Counselling' }, staff),
]

/** The template's entries in order, parents before children; refuses unknown parents and cycles. */
export function orderedTemplate(entries: readonly TemplateFolder[]): TemplateFolder[] {
  const keys = new Set<string>()
  const out: TemplateFolder[] = []
  let pending = [...entries]
  while (pending.length > 0) {
    const ready = pending.filter((e) => !e.parentKey || keys.has(e.parentKey))
    if (ready.length === 0) throw new Error(`document tree template: unknown parent or cycle at ${pending.map((e) => e.key).join(', ')}`)
    for (const e of ready) {
      if (keys.has(e.key)) throw new Error(`document tree template: key ${e.key} twice`)
      keys.add(e.key)
      out.push(e)
    }
    pending = pending.filter((e) => !ready.includes(e))
  }
  return out
}


export function documentTreeTemplateGlobal(): GlobalConfig {
  return {
    slug: DOCUMENT_TREE_TEMPLATE_SLUG,
    label: { vi: 'Mẫu cây hồ sơ', en: 'Document tree template' },
    admin: { group: educationRecordsGroup, description: { vi: 'Các thư mục tạo cho mỗi trường mỗi năm học. Để trống thì dùng mẫu mặc định.', en: 'The folders made for every school each year. Empty: the default template.' } },
    access: { read: ({ req }) => isDistrictUser(currentUser(req)) || Boolean(req.user), update: ({ req }) => hasDistrictRole(currentUser(req), 'district-admin') },
    fields: [
      {
        name: 'folders',
        type: 'array',
        label: { vi: 'Thư mục', en: 'Folders' },
        fields: [
          { name: 'key', type: 'text', required: true, label: { vi: 'Mã', en: 'Key' }, validate: (v: unknown) => (typeof v === 'string' && /^[a-z0-9-]{1,60}$/.test(v) ? true : 'a-z, 0-9, -') },
          { name: 'parentKey', type: 'text', label: { vi: 'Mã thư mục cha', en: 'Parent key' } },
          { name: 'name', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
          {
            name: 'scope',
            type: 'select',
            defaultValue: 'school',
            label: { vi: 'Tạo', en: 'Made' },
            options: [{ value: 'school', label: { vi: 'Một thư mục', en: 'Once' } }, { value: 'per-department', label: { vi: 'Mỗi tổ một thư mục', en: 'One per department' } }, { value: 'per-teacher', label: { vi: 'Mỗi giáo viên một thư mục', en: 'One per teacher' } }],
          },
          { name: 'acceptsFiles', type: 'checkbox', defaultValue: true, label: { vi: 'Nộp tệp vào được', en: 'Accepts files' } },
          {
            name: 'filers',
            type: 'select',
            hasMany: true,
            label: { vi: 'Ai được nộp', en: 'Who files' },
            options: filerOptions,
          },
          {
            name: 'approval',
            type: 'select',
            defaultValue: 'board',
            label: { vi: 'Duyệt', en: 'Approval' },
            options: approvalOptions,
          },
          { name: 'requiresSignature', type: 'checkbox', defaultValue: false, label: { vi: 'Bắt buộc ký số', en: 'Digital signature required' } },
        ],
      },
    ],
  }
}
