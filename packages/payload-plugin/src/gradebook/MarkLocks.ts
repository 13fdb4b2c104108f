import { APIError, type Access, type CollectionBeforeChangeHook, type CollectionConfig, type Field } from 'payload'

import { currentUser, isDistrictUser, relationId, rolesInSchool, schoolsWhereUserHas, type SchoolRole } from '../roles.ts'
import { message } from '../translations/index.ts'
import { validateSchoolYear } from '../website/schoolYear.ts'
import { gradebookGroup } from './collections.ts'

export const MARK_LOCKS_SLUG = 'mark-locks'

/** The column kinds a lock covers (issue 13 § 5); `termResults` freezes every column of the term. */
export const LOCK_KINDS = ['regular', 'midTerm', 'endTerm', 'conduct', 'termResults'] as const
export type LockKind = (typeof LOCK_KINDS)[number]

/** How a lock names its columns, in the refusal message and the admin. */
export const lockKindLabels: Record<LockKind, { vi: string; en: string }> = {
  regular: { vi: 'Cột ĐĐGtx', en: 'The regular assessments (ĐĐGtx)' },
  midTerm: { vi: 'Cột ĐĐGgk', en: 'The mid-term column (ĐĐGgk)' },
  endTerm: { vi: 'Cột ĐĐGck', en: 'The end-of-term column (ĐĐGck)' },
  conduct: { vi: 'Cột rèn luyện, phẩm chất, năng lực', en: 'Conduct, qualities and competences' },
  termResults: { vi: 'Kết quả', en: 'The results' },
}

/** The board sets the calendar (seed 003: the principal, or the vice-principal in charge). */
export const LOCK_CALENDAR_ROLES: readonly SchoolRole[] = ['principal', 'vice-principal']
/** Locking and unlocking by hand: the school admin (at the principal's request, outside the system) and the board. */
export const LOCK_MANUAL_ROLES: readonly SchoolRole[] = ['school-admin', 'principal', 'vice-principal']

/** Context flag of the scheduled job (lockCalendar.ts): its lock is the calendar's, applied once per date. */
export const LOCK_SCHEDULE_CONTEXT = 'truongsoMarkLockSchedule'

type Doc = Record<string, unknown>

/** Every member of the school sees its calendar (teachers plan by it); district staff too (no personal data). */
const readLocks: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  if (isDistrictUser(actor)) return true
  const schools = schoolsWhereUserHas(actor)
  return schools.length > 0 ? { school: { in: schools } } : false
}

const writeLocks: Access = ({ req }) => {
  const schools = schoolsWhereUserHas(currentUser(req), LOCK_MANUAL_ROLES)
  return schools.length > 0 ? { school: { in: schools } } : false
}

const deleteLocks: Access = ({ req }) => {
  const schools = schoolsWhereUserHas(currentUser(req), LOCK_CALENDAR_ROLES)
  return schools.length > 0 ? { school: { in: schools } } : false
}

const time = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : new Date(String(value)).getTime())

/**
 * Who changes what, on every path: `lockAt` only the board of the school; `locked` the board and
 * the school admin. The server stamps who locked or unlocked and when; a new `lockAt` is applied
 * again by the schedule (a manual unlock after the date is not undone by the next run).
 */
const guardLockChange: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation, context }) => {
  const previous = (originalDoc ?? {}) as Doc
  const merged = { ...previous, ...(data as Doc) }
  const school = relationId(merged.school)
  const actor = currentUser(req)
  const scheduled = context?.[LOCK_SCHEDULE_CONTEXT] === true
  const roles = actor && school !== null ? rolesInSchool(actor, school) : []
  const lockAtChanged = time(merged.lockAt) !== time(previous.lockAt)
  const lockedChanged = Boolean(merged.locked) !== Boolean(previous.locked)
  if (actor && !scheduled) {
    if (lockAtChanged && !roles.some((r) => LOCK_CALENDAR_ROLES.includes(r))) throw new APIError(message(req, 'gradebook.lock-calendar-board-only'), 403, undefined, true)
    if (lockedChanged && !roles.some((r) => LOCK_MANUAL_ROLES.includes(r))) throw new APIError(message(req, 'gradebook.lock-manual-forbidden'), 403, undefined, true)
  }
  const now = new Date().toISOString()
  const stamps: Doc = {
    lockedBy: previous.lockedBy ?? null,
    lockedAt: previous.lockedAt ?? null,
    unlockedBy: previous.unlockedBy ?? null,
    unlockedAt: previous.unlockedAt ?? null,
    lockApplied: operation === 'create' ? false : Boolean(previous.lockApplied),
  }
  if (lockAtChanged) stamps.lockApplied = false
  if (scheduled) stamps.lockApplied = true
  if (lockedChanged && merged.locked) Object.assign(stamps, { lockedBy: actor?.id ?? null, lockedAt: now })
  if (lockedChanged && !merged.locked) Object.assign(stamps, { unlockedBy: actor?.id ?? null, unlockedAt: now })
  const kind = LOCK_KINDS.includes(merged.kind as LockKind) ? (merged.kind as LockKind) : 'regular'
  return {
    ...data,
    ...stamps,
    locked: Boolean(merged.locked),
    key: `${school}:${String(merged.schoolYear)}:${String(merged.term)}:${kind}`,
    label: `${lockKindLabels[kind].vi} – ${merged.term === 'hk2' ? 'HK II' : 'HK I'} – ${String(merged.schoolYear)}`,
  }
}

const readOnly = (name: string, field: Record<string, unknown>): Field => ({ name, ...field, admin: { readOnly: true, position: 'sidebar' } }) as Field

/**
 * The lock calendar and the locks (issue 13 § 5): one document per school × school year × term ×
 * column kind. `lockAt` is when the schedule locks it (lockCalendar.ts); `locked` is the state
 * every write of a mark or a term record is checked against (locks.ts).
 */
export function markLocksCollection(): CollectionConfig {
  return {
    slug: MARK_LOCKS_SLUG,
    labels: { singular: { vi: 'Lịch khoá sổ điểm', en: 'Gradebook lock' }, plural: { vi: 'Lịch khoá sổ điểm', en: 'Gradebook locks' } },
    admin: { group: gradebookGroup, useAsTitle: 'label', defaultColumns: ['label', 'lockAt', 'locked', 'lockedAt'] },
    access: { read: readLocks, create: writeLocks, update: writeLocks, delete: deleteLocks },
    hooks: { beforeChange: [guardLockChange] },
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { readOnly: true, hidden: true } },
      { name: 'label', type: 'text', label: { vi: 'Tên', en: 'Name' }, admin: { readOnly: true, hidden: true } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
      {
        name: 'term',
        type: 'select',
        required: true,
        label: { vi: 'Học kì', en: 'Term' },
        options: [
          { value: 'hk1', label: 'Học kì I' },
          { value: 'hk2', label: 'Học kì II' },
        ],
      },
      { name: 'kind', type: 'select', required: true, label: { vi: 'Cột', en: 'Column' }, options: LOCK_KINDS.map((value) => ({ value, label: lockKindLabels[value] })) },
      {
        name: 'lockAt',
        type: 'date',
        label: { vi: 'Khoá lúc (theo lịch)', en: 'Lock at (scheduled)' },
        admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' }, description: { vi: 'Do Hiệu trưởng hoặc Phó hiệu trưởng đặt.', en: 'Set by the principal or a vice-principal.' } },
      },
      { name: 'locked', type: 'checkbox', defaultValue: false, index: true, label: { vi: 'Đang khoá', en: 'Locked' } },
      readOnly('lockApplied', { type: 'checkbox', defaultValue: false, label: { vi: 'Lịch đã áp dụng', en: 'Schedule applied' } }),
      readOnly('lockedBy', { type: 'relationship', relationTo: 'users', label: { vi: 'Người khoá (trống: theo lịch)', en: 'Locked by (empty: the schedule)' } }),
      readOnly('lockedAt', { type: 'date', label: { vi: 'Khoá lúc', en: 'Locked at' } }),
      readOnly('unlockedBy', { type: 'relationship', relationTo: 'users', label: { vi: 'Người mở khoá', en: 'Unlocked by' } }),
      readOnly('unlockedAt', { type: 'date', label: { vi: 'Mở khoá lúc', en: 'Unlocked at' } }),
    ],
  }
}
