import type { CollectionConfig, PayloadRequest } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { nobody, readTermRecords } from './access.ts'
import { gradebookGroup } from './collections.ts'

export const CLASS_RESULTS_APPROVALS_SLUG = 'class-results-approvals'

/**
 * A class's year results approved by the vice-principal or the principal once every mark is in
 * (seed 001 Art. 4.2.d). Written only by POST /api/classes/:id/results/approve (server code); after
 * it, the class's marks and term records of that year are frozen like a lock (`isClassYearApproved`,
 * called from locks.ts). Read like the term records: the school's managers and the homeroom teacher.
 */
export function classResultsApprovalsCollection(): CollectionConfig {
  return {
    slug: CLASS_RESULTS_APPROVALS_SLUG,
    labels: { singular: { vi: 'Duyệt kết quả cả năm', en: 'Year results approval' }, plural: { vi: 'Duyệt kết quả cả năm', en: 'Year results approvals' } },
    admin: { group: gradebookGroup, defaultColumns: ['class', 'schoolYear', 'approvedBy', 'approvedAt'] },
    access: { read: readTermRecords, create: nobody, update: nobody, delete: nobody },
    fields: [
      // One approval per class and year, whatever races: the key is unique.
      { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true, readOnly: true } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
      { name: 'approvedBy', type: 'relationship', relationTo: 'users', required: true, label: { vi: 'Người duyệt', en: 'Approved by' } },
      { name: 'approvedAt', type: 'date', required: true, label: { vi: 'Ngày duyệt', en: 'Approved at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  }
}

export const approvalKey = (classId: unknown, schoolYear: string) => `${String(classId)}:${schoolYear}`

/**
 * Whether the class's year results for `schoolYear` are approved (then its marks and term records
 * of that year refuse every write). In req's transaction, so an approval in the same request counts.
 */
export async function isClassYearApproved(req: PayloadRequest, classId: number | string, schoolYear: string): Promise<boolean> {
  const found = await req.payload.db.count({ collection: CLASS_RESULTS_APPROVALS_SLUG, where: { key: { equals: approvalKey(classId, schoolYear) } }, req })
  return found.totalDocs > 0
}
