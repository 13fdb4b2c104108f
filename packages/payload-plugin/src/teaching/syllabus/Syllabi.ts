import { APIError, ValidationError, type CollectionBeforeChangeHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { TRUSTED_WRITE } from '../../context.ts'
import { currentUser, relationId } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { validateSchoolYear } from '../../website/schoolYear.ts'
import { createSyllabi, maySyllabusWrite, readSyllabi, writeSyllabi } from './access.ts'
import { syllabusExcelEndpoints } from './excel.ts'
import { checkLessons } from './lessons.ts'

/**
 * Phân phối chương trình (PPCT, issue 14 item 2): the numbered lessons of one subject × grade ×
 * school year of a school, shared by the department that teaches it. The weekly plans (plans/)
 * take their next lesson numbers and titles from here, and the class log from the plans.
 */

export const SYLLABI_SLUG = 'syllabi'
/** Every teaching-day collection sits under this heading in the admin navigation. */
export const teachingGroup = { vi: 'Dạy học', en: 'Teaching' }

/** The natural key: one PPCT per school, subject, grade and year. */
export const syllabusKey = (school: unknown, subjectName: string, grade: unknown, schoolYear: unknown) =>
  `${String(relationId(school))}:${subjectName.normalize('NFC').trim()}:${Number(grade)}:${String(schoolYear)}`

type Doc = Record<string, unknown>

function refuseInput(req: PayloadRequest, issues: { path: string; message: string }[]): never {
  throw new ValidationError({ collection: SYLLABI_SLUG, errors: issues, req }, req.t)
}

/**
 * Every save: the writer may write this PPCT as it will be stored (403), its lessons are numbered
 * 1…n with titles (400 naming the row), its subject is one of the school's for that grade and
 * year, and no other PPCT has its key; the server sets the key and stores the lessons in order.
 */
export const checkSyllabus: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  const merged: Doc = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const subjectName = typeof merged.subjectName === 'string' ? merged.subjectName.normalize('NFC').trim() : ''
  const vars = { subject: subjectName, grade: Number(merged.grade), year: String(merged.schoolYear) }
  const actor = currentUser(req)
  if (context?.[TRUSTED_WRITE] !== true && actor && !maySyllabusWrite(actor, merged.school, merged.department)) {
    throw new APIError(message(req, 'syllabus.write-forbidden', vars), 403, undefined, true)
  }
  const checked = checkLessons(Array.isArray(merged.lessons) ? merged.lessons : [])
  if (!checked.ok) {
    refuseInput(
      req,
      checked.issues.map((issue) => ({
        path: `lessons.${issue.index}.${issue.field}`,
        message: message(req, 'syllabus.row', { row: issue.index + 1, problem: message(req, issue.key, issue.vars) }),
      })),
    )
  }
  const school = relationId(merged.school)
  if (school === null || subjectName === '') return data
  const offered = await req.payload.db.count({
    collection: 'subjects',
    where: { and: [{ school: { equals: school } }, { name: { equals: subjectName } }, { grade: { equals: Number(merged.grade) } }, { schoolYear: { equals: merged.schoolYear } }] },
    req,
  })
  if (offered.totalDocs === 0) refuseInput(req, [{ path: 'subjectName', message: message(req, 'syllabus.unknown-subject', vars) }])
  const key = syllabusKey(school, subjectName, merged.grade, merged.schoolYear)
  const id = (originalDoc as Doc | undefined)?.id
  const taken = await req.payload.db.count({ collection: SYLLABI_SLUG, where: { and: [{ key: { equals: key } }, ...(id === undefined ? [] : [{ id: { not_equals: id } }])] }, req })
  if (taken.totalDocs > 0) refuseInput(req, [{ path: 'subjectName', message: message(req, 'syllabus.duplicate', vars) }])
  return { ...data, subjectName, key, ...(Array.isArray((data as Doc).lessons) ? { lessons: checked.lessons } : {}) }
}

export function syllabiCollection(): CollectionConfig {
  return {
    slug: SYLLABI_SLUG,
    labels: { singular: { vi: 'Phân phối chương trình', en: 'Syllabus distribution' }, plural: { vi: 'Phân phối chương trình (PPCT)', en: 'Syllabus distributions' } },
    admin: { group: teachingGroup, useAsTitle: 'subjectName', defaultColumns: ['subjectName', 'grade', 'schoolYear', 'department'] },
    access: { read: readSyllabi, create: createSyllabi, update: writeSyllabi, delete: writeSyllabi },
    hooks: { beforeChange: [checkSyllabus] },
    endpoints: syllabusExcelEndpoints,
    defaultSort: 'grade',
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { readOnly: true, hidden: true } },
      {
        name: 'subjectName',
        type: 'text',
        required: true,
        index: true,
        label: { vi: 'Môn học', en: 'Subject' },
        admin: { description: { vi: 'Tên môn như trong danh mục môn học của trường (Hồ sơ trường → Môn học)', en: 'The subject’s name as in the school’s subject list' } },
      },
      { name: 'grade', type: 'number', required: true, min: 1, max: 12, index: true, label: { vi: 'Khối', en: 'Grade' } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
      { name: 'department', type: 'relationship', relationTo: 'departments', required: true, index: true, label: { vi: 'Tổ chuyên môn', en: 'Department' } },
      {
        name: 'lessons',
        type: 'array',
        label: { vi: 'Các tiết', en: 'Lessons' },
        labels: { singular: { vi: 'Tiết', en: 'Lesson' }, plural: { vi: 'Các tiết', en: 'Lessons' } },
        admin: { description: { vi: 'Tiết 1…n, không thiếu, không trùng. Có thể nhập từ Excel.', en: 'Periods 1…n, no gaps or repeats. Can be imported from Excel.' } },
        // Required-ness of the row fields is the save hook's (checkLessons): its message names the row.
        fields: [
          { name: 'number', type: 'number', min: 1, label: { vi: 'Tiết', en: 'No.' }, admin: { step: 1, width: '10%' } },
          { name: 'title', type: 'text', label: { vi: 'Tên bài', en: 'Title' } },
          { name: 'chapter', type: 'text', label: { vi: 'Chương / chủ đề', en: 'Chapter / topic' } },
          { name: 'periods', type: 'number', min: 1, max: 10, defaultValue: 1, label: { vi: 'Số tiết', en: 'Periods' }, admin: { step: 1 } },
        ],
      },
    ],
  }
}
