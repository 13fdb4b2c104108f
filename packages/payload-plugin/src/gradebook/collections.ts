import { PRIMARY_SUBJECT_RESULTS } from '@truongso/assessment'
import type { CollectionConfig, Field } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { createMarks, createTermRecords, nobody, readMarks, readTermRecords, updateMarks, updateTermRecords } from './access.ts'
import { recordMarkHistory } from './audit.ts'
import { checkMark, checkTermRecord, computeCommentResult, computeTermAverage } from './hooks.ts'
import { refuseLockedWrites } from './locks.ts'
import { competenceLabels, conductLabels, qualityLabels, traitLevelLabels } from './traits.ts'

export const MARKS_SLUG = 'marks'
export const TERM_RECORDS_SLUG = 'student-term-records'
/** Scoped to a school by the multi-tenant plugin, like the records. */
export const GRADEBOOK_COLLECTIONS = [MARKS_SLUG, TERM_RECORDS_SLUG] as const

export const gradebookGroup = { vi: 'Sổ điểm', en: 'Gradebook' }

type Label = { vi: string; en: string }
const rel = (name: string, relationTo: string, label: Label, extra: Record<string, unknown> = {}): Field =>
  ({ name, type: 'relationship', relationTo, required: true, index: true, label, ...extra }) as Field

/** The natural key, set by the server on every save: a retried save finds the same document (idempotent upserts). */
const keyField: Field = { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { readOnly: true, hidden: true } }

const termField: Field = {
  name: 'term',
  type: 'select',
  required: true,
  label: { vi: 'Học kì', en: 'Term' },
  options: [
    { value: 'hk1', label: 'Học kì I' },
    { value: 'hk2', label: 'Học kì II' },
  ],
}
const schoolYearField: Field = { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear }

const primaryLevel = (name: string, label: Label): Field => ({ name, type: 'select', label, options: PRIMARY_SUBJECT_RESULTS.map((value) => ({ value, label: value })) })
const testScore = (name: string, label: Label): Field => ({ name, type: 'number', label })
const cell = (name: string, label: Label, description: Label): Field => ({ name, type: 'json', label, admin: { description } })

/**
 * Marks: one document per student × subject × school year × term. THCS (Circular 22): `regular`
 * holds TX1…TXn (n from the subject's periods, 2 for comment subjects), `midTerm` GK and `endTerm`
 * CK, each `{ value, date }` with a score 0–10 (one decimal) or Đ/CĐ; the term average is the
 * engine's. Primary (Circular 27): the level at the term's two periods (hk1: mid-term I and end of
 * term I; hk2: mid-term II and end of year) and the periodic test scores where the grade has them.
 */
export function marksCollection(): CollectionConfig {
  return {
    slug: MARKS_SLUG,
    labels: { singular: { vi: 'Điểm', en: 'Mark' }, plural: { vi: 'Sổ điểm', en: 'Marks' } },
    admin: { group: gradebookGroup, defaultColumns: ['student', 'subject', 'class', 'term', 'termAverage'], pagination: { defaultLimit: 50 } },
    access: { read: readMarks, create: createMarks, update: updateMarks, delete: nobody },
    // Saved cell by cell from the grid, never in the document form: no edit locks to check on every save.
    lockDocuments: false,
    hooks: {
      beforeChange: [checkMark, refuseLockedWrites],
      afterChange: [recordMarkHistory],
    },
    fields: [
      keyField,
      rel('student', 'students', { vi: 'Học sinh', en: 'Student' }),
      rel('class', 'classes', { vi: 'Lớp (khi nhập điểm)', en: 'Class (at entry)' }),
      rel('subject', 'subjects', { vi: 'Môn học', en: 'Subject' }),
      rel('teachingAssignment', 'teaching-assignments', { vi: 'Phân công giảng dạy', en: 'Teaching assignment' }, { required: false, admin: { readOnly: true } }),
      schoolYearField,
      termField,
      cell('regular', { vi: 'Đánh giá thường xuyên (TX1…TXn)', en: 'Regular assessments (TX1…TXn)' }, {
        vi: 'Danh sách [{ "value": 8.5, "date": "2026-10-02" }, …]; môn nhận xét: "Đ"/"CĐ"',
        en: 'A list [{ "value": 8.5, "date": "2026-10-02" }, …]; comment subjects: "Đ"/"CĐ"',
      }),
      cell('midTerm', { vi: 'Giữa kì (GK)', en: 'Mid-term (GK)' }, { vi: '{ "value": 7, "date": "2026-11-02" }', en: '{ "value": 7, "date": "2026-11-02" }' }),
      cell('endTerm', { vi: 'Cuối kì (CK)', en: 'End of term (CK)' }, { vi: '{ "value": 7, "date": "2027-01-05" }', en: '{ "value": 7, "date": "2027-01-05" }' }),
      primaryLevel('midTermLevel', { vi: 'Mức giữa kì (tiểu học)', en: 'Mid-term level (primary)' }),
      primaryLevel('endTermLevel', { vi: 'Mức cuối kì / cuối năm (tiểu học)', en: 'End-of-term / year level (primary)' }),
      testScore('midTermTest', { vi: 'Điểm KTĐK giữa kì (tiểu học)', en: 'Mid-term test (primary)' }),
      testScore('endTermTest', { vi: 'Điểm KTĐK cuối kì / cuối năm (tiểu học)', en: 'End-of-term / year test (primary)' }),
      { name: 'comment', type: 'textarea', label: { vi: 'Nhận xét', en: 'Comment' } },
      {
        name: 'termAverage',
        type: 'number',
        virtual: true,
        label: { vi: 'ĐTB môn học kì', en: 'Term average' },
        admin: { readOnly: true },
        hooks: { afterRead: [computeTermAverage] },
      },
      {
        name: 'termResult',
        type: 'text',
        virtual: true,
        label: { vi: 'Kết quả học kì (môn nhận xét)', en: 'Term result (comment subject)' },
        admin: { readOnly: true },
        hooks: { afterRead: [computeCommentResult] },
      },
    ],
  }
}

const traitGroup = (name: string, label: Label, items: Record<string, string>): Field => ({
  name,
  type: 'group',
  label,
  fields: Object.entries(items).map(([item, label]) => ({ name: item, type: 'select', label, options: Object.entries(traitLevelLabels).map(([value, label]) => ({ value, label })) }) as Field),
})

/**
 * Per student per term, by the homeroom teacher: THCS conduct (rèn luyện) and absences; primary
 * qualities and competences (Circular 27, Art. 6). Absences are typed in until attendance exists.
 */
export function studentTermRecordsCollection(): CollectionConfig {
  return {
    slug: TERM_RECORDS_SLUG,
    labels: { singular: { vi: 'Đánh giá học kì của học sinh', en: 'Student term record' }, plural: { vi: 'Rèn luyện, phẩm chất, năng lực', en: 'Student term records' } },
    admin: { group: gradebookGroup, defaultColumns: ['student', 'class', 'term', 'conduct', 'absencesExcused', 'absencesUnexcused'] },
    access: { read: readTermRecords, create: createTermRecords, update: updateTermRecords, delete: nobody },
    hooks: { beforeChange: [checkTermRecord, refuseLockedWrites] },
    fields: [
      keyField,
      rel('student', 'students', { vi: 'Học sinh', en: 'Student' }),
      rel('class', 'classes', { vi: 'Lớp', en: 'Class' }),
      schoolYearField,
      termField,
      { name: 'conduct', type: 'select', label: { vi: 'Kết quả rèn luyện (THCS)', en: 'Conduct (lower secondary)' }, options: Object.entries(conductLabels).map(([value, label]) => ({ value, label })) },
      { name: 'absencesExcused', type: 'number', min: 0, max: 200, label: { vi: 'Nghỉ có phép (buổi)', en: 'Absences, excused (sessions)' }, admin: { step: 1 } },
      { name: 'absencesUnexcused', type: 'number', min: 0, max: 200, label: { vi: 'Nghỉ không phép (buổi)', en: 'Absences, unexcused (sessions)' }, admin: { step: 1 } },
      traitGroup('qualities', { vi: 'Phẩm chất (tiểu học)', en: 'Qualities (primary)' }, qualityLabels),
      traitGroup('competences', { vi: 'Năng lực (tiểu học)', en: 'Competences (primary)' }, competenceLabels),
      // Printed in the học bạ (books/transcript.ts): the year's comment is the second term's.
      { name: 'homeroomComment', type: 'textarea', maxLength: 1000, label: { vi: 'Nhận xét của giáo viên chủ nhiệm', en: 'Homeroom teacher’s comment' } },
    ],
  }
}
