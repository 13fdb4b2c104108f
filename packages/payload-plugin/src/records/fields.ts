import type { CollectionConfig, Field } from 'payload'

import { createRecords, manageRecords, readRecords } from './rights.ts'

/** What the school-records collections share: their admin group, two field shorthands and the managers-only access. */

/** Every records collection sits under this heading in the admin navigation. */
export const recordsGroup = { vi: 'Hồ sơ trường', en: 'School records' }

export const text = (name: string, vi: string, en: string, extra: Partial<Field> = {}) => ({ name, type: 'text' as const, label: { vi, en }, ...extra }) as Field

/** A date picked by day and shown dd/mm/yyyy, as Vietnamese forms write it. */
export const date = (name: string, vi: string, en: string, extra: Record<string, unknown> = {}) =>
  ({ name, type: 'date' as const, label: { vi, en }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } }, ...extra }) as Field

/** Readable by the school, written by its records managers. */
export const managersOnly: Pick<CollectionConfig, 'access'> = { access: { read: readRecords, create: createRecords, update: manageRecords, delete: manageRecords } }

/** Every records collection's slug: each is scoped to a school by the multi-tenant plugin. */
export const RECORD_COLLECTIONS = ['school-years', 'subjects', 'departments', 'staff', 'classes', 'students', 'enrolments', 'teaching-assignments', 'record-access-logs', 'record-photos'] as const
