import type { Access, CollectionConfig, Field, Where } from 'payload'

import { currentUser, SCHOOL_MANAGER_ROLES, schoolsWhereUserHas } from '../roles.ts'
import { roleLabels } from '../translations/index.ts'
import { recordsGroup } from '../records/fields.ts'

export const MARK_HISTORY_SLUG = 'mark-history'
/** One document per school: the chain's last sequence and hash (history.ts serialises appends on it). */
export const MARK_HISTORY_HEADS_SLUG = 'mark-history-heads'

export const MARK_HISTORY_SOURCES = ['entry', 'import', 'correction'] as const
export type MarkHistorySource = (typeof MARK_HISTORY_SOURCES)[number]

/**
 * The board and the school admin read their school's history; anyone else only the entries they
 * made themselves (a teacher their own marks' changes). Never anonymous; district staff have no
 * business in a school's marks.
 */
const readHistory: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const or: Where[] = [{ actor: { equals: String(actor.id) } }]
  const managed = schoolsWhereUserHas(actor, SCHOOL_MANAGER_ROLES).map(String)
  if (managed.length > 0) or.push({ school: { in: managed } })
  return { or }
}

const never = () => false

/**
 * Ids are kept as text, not relations: a relation's foreign key is set to null when its target is
 * deleted (a student, an account), which would rewrite history and break the hash chain.
 */
const idField = (name: string, vi: string, en: string, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'text', label: { vi, en }, admin: { readOnly: true }, ...extra }) as Field

/**
 * The audit of every mark change (issue 13 § 7): who, when, old → new, why, from which path.
 * Append-only: only server code writes it (history.ts, with access off inside the change's
 * transaction); no role updates or deletes it through REST, GraphQL or the admin. Tamper-evident:
 * each entry's `hash` covers its content and the previous entry's hash (verifyMarkHistory).
 */
export function markHistoryCollection(): CollectionConfig {
  return {
    slug: MARK_HISTORY_SLUG,
    labels: { singular: { vi: 'Lịch sử sửa điểm', en: 'Mark change' }, plural: { vi: 'Lịch sử sửa điểm', en: 'Mark history' } },
    admin: {
      group: recordsGroup,
      defaultColumns: ['at', 'sequence', 'field', 'oldValue', 'newValue', 'source', 'actorRole', 'reason'],
      useAsTitle: 'field',
    },
    access: { read: readHistory, create: never, update: never, delete: never },
    defaultSort: '-sequence',
    timestamps: false,
    indexes: [{ fields: ['school', 'sequence'], unique: true }],
    fields: [
      idField('school', 'Trường (mã)', 'School (id)', { required: true, index: true }),
      { name: 'sequence', type: 'number', required: true, index: true, label: { vi: 'Số thứ tự', en: 'Sequence' }, admin: { readOnly: true } },
      idField('mark', 'Sổ điểm (mã)', 'Mark record (id)', { required: true, index: true }),
      idField('student', 'Học sinh (mã)', 'Student (id)', { required: true, index: true }),
      idField('subject', 'Môn học (mã)', 'Subject (id)', { required: true }),
      { name: 'schoolYear', type: 'text', required: true, label: { vi: 'Năm học', en: 'School year' }, admin: { readOnly: true } },
      { name: 'term', type: 'text', required: true, label: { vi: 'Học kì', en: 'Term' }, admin: { readOnly: true } },
      { name: 'field', type: 'text', required: true, label: { vi: 'Cột điểm', en: 'Column' }, admin: { readOnly: true } },
      // Any JSON value (a score, "Đ", a level, a comment); history.ts wraps nothing.
      { name: 'oldValue', type: 'json', label: { vi: 'Giá trị cũ', en: 'Old value' }, admin: { readOnly: true }, validate: () => true },
      { name: 'newValue', type: 'json', label: { vi: 'Giá trị mới', en: 'New value' }, admin: { readOnly: true }, validate: () => true },
      { name: 'reason', type: 'textarea', label: { vi: 'Lý do', en: 'Reason' }, admin: { readOnly: true } },
      {
        name: 'source',
        type: 'select',
        required: true,
        label: { vi: 'Nguồn', en: 'Source' },
        admin: { readOnly: true },
        options: [
          { value: 'entry', label: { vi: 'Nhập điểm', en: 'Entry' } },
          { value: 'import', label: { vi: 'Nhập từ Excel', en: 'Import' } },
          { value: 'correction', label: { vi: 'Sửa điểm sau khoá (đã duyệt)', en: 'Approved correction' } },
        ],
      },
      idField('correctionRequest', 'Giấy đề nghị sửa điểm (mã)', 'Correction request (id)'),
      idField('actor', 'Người thực hiện (mã tài khoản)', 'By (account id)', { index: true }),
      {
        name: 'actorRole',
        type: 'select',
        label: { vi: 'Vai trò', en: 'Role' },
        admin: { readOnly: true },
        options: [...Object.entries(roleLabels).map(([value, label]) => ({ value, label })), { value: 'system', label: { vi: 'Hệ thống', en: 'System' } }],
      },
      { name: 'at', type: 'date', required: true, label: { vi: 'Thời điểm', en: 'At' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
      { name: 'previousHash', type: 'text', required: true, label: { vi: 'Mã băm mục trước', en: 'Previous hash' }, admin: { readOnly: true } },
      { name: 'hash', type: 'text', required: true, label: { vi: 'Mã băm (SHA-256)', en: 'Hash (SHA-256)' }, admin: { readOnly: true } },
    ],
  }
}

/** Hidden; written only by history.ts. */
export function markHistoryHeadsCollection(): CollectionConfig {
  return {
    slug: MARK_HISTORY_HEADS_SLUG,
    labels: { singular: { vi: 'Đầu chuỗi lịch sử điểm', en: 'Mark history head' }, plural: { vi: 'Đầu chuỗi lịch sử điểm', en: 'Mark history heads' } },
    admin: { hidden: true },
    access: { read: never, create: never, update: never, delete: never },
    timestamps: false,
    fields: [
      { name: 'school', type: 'text', required: true, unique: true },
      { name: 'sequence', type: 'number', required: true, defaultValue: 0 },
      { name: 'hash', type: 'text' },
    ],
  }
}
