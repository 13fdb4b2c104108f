import type { CollectionConfig } from 'payload'

import { manageFolders, readFolders } from './access.ts'
import { APPROVAL_KINDS, FILER_KINDS } from './filers.ts'
import { DOCUMENT_FOLDERS_SLUG, educationRecordsGroup } from './slugs.ts'

export const approvalOptions = [{ value: 'none', label: { vi: 'Không cần duyệt', en: 'None' } }, { value: 'board', label: { vi: 'BGH duyệt', en: 'The board' } }, { value: 'leader-then-board', label: { vi: 'Tổ trưởng rồi BGH duyệt', en: 'Team leader, then the board' } }]
export const filerOptions = [
  { value: 'board', label: { vi: 'Ban giám hiệu', en: 'The board' } },
  { value: 'school-admin', label: { vi: 'Quản trị trường', en: 'School admin' } },
  { value: 'department-leader', label: { vi: 'Tổ trưởng của tổ', en: 'The department’s leader' } },
  { value: 'department-member', label: { vi: 'Thành viên của tổ', en: 'The department’s members' } },
  { value: 'folder-owner', label: { vi: 'Giáo viên chủ thư mục', en: 'The folder’s teacher' } },
  { value: 'staff', label: { vi: 'Nhân viên (văn thư, y tế, thư viện, thiết bị, Đoàn–Đội)', en: 'Staff' } },
]
if (approvalOptions.length !== APPROVAL_KINDS.length || filerOptions.length !== FILER_KINDS.length) throw new Error('folder options out of step with filers.ts')

/**
 * A folder of a school's document tree for one school year, made from the district's template
 * (createTree.ts). Its rights are data: who files into it, whether its files need approval (and the
 * department's leader first), whether they must be signed. Once the school moves to a new year the
 * folders of the earlier years are closed: read-only.
 */
export function documentFoldersCollection(): CollectionConfig {
  return {
    slug: DOCUMENT_FOLDERS_SLUG,
    labels: { singular: { vi: 'Thư mục hồ sơ', en: 'Records folder' }, plural: { vi: 'Cây hồ sơ', en: 'Records folders' } },
    admin: { group: educationRecordsGroup, useAsTitle: 'path', defaultColumns: ['path', 'schoolYear', 'approval', 'closed'] },
    // Folders are made by the tree (POST /api/document-folders/tree), never one by one.
    access: { read: readFolders, create: () => false, update: manageFolders, delete: () => false },
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true }, access: { update: () => false } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, access: { update: () => false } },
      { name: 'templateKey', type: 'text', index: true, admin: { hidden: true }, access: { update: () => false } },
      { name: 'name', type: 'text', required: true, label: { vi: 'Tên thư mục', en: 'Name' } },
      { name: 'path', type: 'text', label: { vi: 'Đường dẫn', en: 'Path' }, admin: { readOnly: true } },
      { name: 'parent', type: 'relationship', relationTo: DOCUMENT_FOLDERS_SLUG, index: true, label: { vi: 'Thư mục cha', en: 'Parent' }, access: { update: () => false } },
      { name: 'order', type: 'number', admin: { hidden: true } },
      { name: 'department', type: 'relationship', relationTo: 'departments', index: true, label: { vi: 'Tổ', en: 'Department' }, access: { update: () => false } },
      { name: 'owner', type: 'relationship', relationTo: 'users', index: true, label: { vi: 'Giáo viên', en: 'Teacher' }, access: { update: () => false } },
      { name: 'acceptsFiles', type: 'checkbox', defaultValue: true, label: { vi: 'Nộp tệp vào được', en: 'Accepts files' } },
      { name: 'filers', type: 'select', hasMany: true, options: filerOptions, label: { vi: 'Ai được nộp', en: 'Who files' } },
      { name: 'extraFilers', type: 'relationship', relationTo: 'users', hasMany: true, label: { vi: 'Người được nộp thêm', en: 'Also filed by' }, admin: { description: { vi: 'Ví dụ: nhân viên y tế cho thư mục Y tế.', en: 'E.g. the nurse for the health folder.' } } },
      { name: 'approval', type: 'select', required: true, defaultValue: 'board', options: approvalOptions, label: { vi: 'Duyệt', en: 'Approval' } },
      { name: 'requiresSignature', type: 'checkbox', defaultValue: false, label: { vi: 'Bắt buộc ký số', en: 'Digital signature required' } },
      { name: 'closed', type: 'checkbox', defaultValue: false, index: true, label: { vi: 'Đã khoá (năm học cũ, chỉ xem)', en: 'Closed (earlier year, read-only)' } },
    ],
  }
}
