import { ValidationError, type CollectionBeforeChangeHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import { validateSchoolYear } from '../website/schoolYear.ts'
import { markSheetEndpoints } from '../gradebook/excel/endpoints.ts'
import { managersOnly, recordsGroup } from './fields.ts'

type Named = { name?: unknown; grade?: unknown; schoolYear?: unknown; fullName?: unknown; email?: unknown }

async function load(req: PayloadRequest, collection: 'subjects' | 'classes' | 'users', id: unknown): Promise<Named | null> {
  const value = relationId(id)
  if (value === null) return null
  // The adapter directly: no read hooks, no access (the caller's rights were checked by the operation).
  const found = await req.payload.db.findOne({ collection, where: { id: { equals: value } }, req })
  return (found as Named | null) ?? null
}

/**
 * "Toán – 6/1 – Hoàng Thị Giáo": what a teaching assignment is called in lists, relations and the
 * gradebook. Stored (Payload takes no virtual field as the title), refreshed on every save; the seed's
 * fast path writes the same text through this function.
 */
export async function teachingAssignmentLabel(req: PayloadRequest, data: { subject?: unknown; class?: unknown; teacher?: unknown }): Promise<string> {
  const [subject, klass, teacher] = await Promise.all([load(req, 'subjects', data.subject), load(req, 'classes', data.class), load(req, 'users', data.teacher)])
  return [subject?.name, klass?.name, teacher?.fullName ?? teacher?.email].filter((part) => typeof part === 'string' && part !== '').join(' – ')
}

/**
 * The subject must be one the school offers for the class's grade in the assignment's school year
 * (subjects are per grade and year): 400 naming the subject otherwise. Then the label.
 */
const checkSubjectAndLabel: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection }) => {
  const merged = { ...(originalDoc as Record<string, unknown> | undefined), ...(data as Record<string, unknown>) }
  const [subject, klass] = await Promise.all([load(req, 'subjects', merged.subject), load(req, 'classes', merged.class)])
  if (subject && klass && (Number(subject.grade) !== Number(klass.grade) || String(subject.schoolYear) !== String(merged.schoolYear))) {
    const text = message(req, 'records.subject-grade-mismatch', {
      subject: String(subject.name),
      subjectGrade: String(subject.grade),
      subjectYear: String(subject.schoolYear),
      class: String(klass.name),
      classGrade: String(klass.grade),
      year: String(merged.schoolYear),
    })
    throw new ValidationError({ collection: collection.slug, errors: [{ path: 'subject', message: text }], req }, req.t)
  }
  return { ...data, label: await teachingAssignmentLabel(req, merged) }
}

export function teachingAssignmentsCollection(): CollectionConfig {
  return {
    slug: 'teaching-assignments',
    labels: { singular: { vi: 'Phân công giảng dạy', en: 'Teaching assignment' }, plural: { vi: 'Phân công giảng dạy', en: 'Teaching assignments' } },
    admin: { group: recordsGroup, useAsTitle: 'label', defaultColumns: ['label', 'teacher', 'class', 'subject', 'term', 'schoolYear'] },
    ...managersOnly,
    hooks: { beforeChange: [checkSubjectAndLabel] },
    // The class-subject's mark sheet: GET /:id/marks.xlsx, POST /:id/marks/import (gradebook/excel).
    endpoints: markSheetEndpoints,
    fields: [
      { name: 'label', type: 'text', label: { vi: 'Phân công', en: 'Assignment' }, admin: { readOnly: true, description: { vi: 'Môn – lớp – giáo viên, tự điền khi lưu', en: 'Subject – class – teacher, filled in on save' } } },
      { name: 'teacher', type: 'relationship', relationTo: 'users', required: true, index: true, label: { vi: 'Giáo viên', en: 'Teacher' } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' } },
      // The school's subject of the class's grade and year: its kind and periods give the gradebook's columns.
      { name: 'subject', type: 'relationship', relationTo: 'subjects', required: true, index: true, label: { vi: 'Môn học', en: 'Subject' } },
      {
        name: 'term',
        type: 'select',
        required: true,
        defaultValue: 'year',
        label: { vi: 'Học kì', en: 'Term' },
        options: [
          { value: 'hk1', label: 'Học kì I' },
          { value: 'hk2', label: 'Học kì II' },
          { value: 'year', label: { vi: 'Cả năm', en: 'Whole year' } },
        ],
      },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
    ],
  }
}
