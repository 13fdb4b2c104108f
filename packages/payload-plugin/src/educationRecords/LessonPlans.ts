import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { dayOf, mondayOf } from '../calendar/days.ts'
import { currentUser, relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import { EVENTS_SLUG } from '../workflow/options.ts'
import { RECORD_REVIEW_STATES, stateLabels } from '../workflow/states.ts'
import { membersOfASchool, readLessonPlans } from './access.ts'
import { lessonPlanDeadline } from './lessonPlanRules.ts'
import { EDUCATION_FILES_SLUG, educationRecordsGroup, LESSON_PLANS_SLUG, EVENT_FIELD } from './slugs.ts'

type AnyDoc = Record<string, unknown> & { id: number | string }

/**
 * A lesson plan (giáo án; issue 15 item 5): one per lesson, named "Môn + khối" (Toán 8) with the
 * PPCT lesson it covers when known, for a teaching week. Only a teacher assigned the subject makes
 * one; the school, year, grade, department and deadline are derived here, never typed.
 */
const deriveFromSubject: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const actor = currentUser(req)
  const merged = { ...(originalDoc as AnyDoc | undefined), ...data }
  const subject = (await req.payload.findByID({ collection: 'subjects', id: relationId(merged.subject) ?? 0, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
  if (!subject) throw new APIError(message(req, 'records.not-your-subject'), 400, undefined, true)
  const teacher = operation === 'create' ? actor?.id : relationId(originalDoc?.teacher)
  if (operation === 'create' && actor) {
    const assigned = await req.payload.count({ collection: 'teaching-assignments', where: { and: [{ teacher: { equals: actor.id } }, { subject: { equals: subject.id } }] }, overrideAccess: true, req })
    if (assigned.totalDocs === 0) throw new APIError(message(req, 'records.not-your-subject'), 403, undefined, true)
  }
  const week = dayOf(merged.weekStart)
  if (!week) throw new APIError(message(req, 'plans.bad-week'), 400, undefined, true)
  const monday = mondayOf(week)
  const school = relationId(subject.school)
  const membership = ((actor?.memberships ?? []) as { school: unknown; department?: unknown }[]).find((m) => String(relationId(m.school)) === String(school))
  const name = `${String(subject.name)} ${String(subject.grade)}`
  // Stored in Vietnamese, the language of the school's records.
  const lesson = typeof merged.lessonNumber === 'number' ? message(null, 'records.lesson-plan-lesson', { n: String(merged.lessonNumber) }) : ''
  const topic = typeof merged.lessonTitle === 'string' && merged.lessonTitle.trim() ? `: ${merged.lessonTitle.trim()}` : ''
  return {
    ...data,
    teacher,
    school,
    schoolYear: subject.schoolYear,
    grade: subject.grade,
    name,
    title: `${name}${lesson}${topic}`,
    weekStart: monday,
    department: operation === 'create' ? relationId(membership?.department ?? null) : originalDoc?.department,
    deadline: lessonPlanDeadline(monday).toISOString(),
    ...(operation === 'create' ? { workflowState: 'draft' } : {}),
  }
}

const server = { create: () => false, update: () => false }

export function lessonPlansCollection(): CollectionConfig {
  return {
    slug: LESSON_PLANS_SLUG,
    labels: { singular: { vi: 'Giáo án', en: 'Lesson plan' }, plural: { vi: 'Giáo án (kế hoạch bài dạy)', en: 'Lesson plans' } },
    admin: { group: educationRecordsGroup, useAsTitle: 'title', defaultColumns: ['title', 'weekStart', 'workflowState', 'late', 'updatedAt'] },
    access: { read: readLessonPlans, create: membersOfASchool, update: ({ req }) => (req.user ? { teacher: { equals: req.user.id } } : false), delete: () => false },
    hooks: { beforeChange: [deriveFromSubject] },
    fields: [
      { name: 'subject', type: 'relationship', relationTo: 'subjects', required: true, index: true, label: { vi: 'Môn (theo khối)', en: 'Subject (of a grade)' } },
      { name: 'weekStart', type: 'text', required: true, index: true, label: { vi: 'Tuần dạy từ thứ Hai (YYYY-MM-DD)', en: 'Teaching week from Monday' } },
      { name: 'lessonNumber', type: 'number', min: 1, label: { vi: 'Tiết PPCT', en: 'Syllabus lesson no.' } },
      { name: 'lessonTitle', type: 'text', maxLength: 300, label: { vi: 'Tên bài', en: 'Lesson title' } },
      { name: 'title', type: 'text', access: server, label: { vi: 'Giáo án', en: 'Lesson plan' } },
      { name: 'name', type: 'text', access: server, label: { vi: 'Môn + khối', en: 'Subject + grade' } },
      { name: 'grade', type: 'number', access: server, label: { vi: 'Khối', en: 'Grade' } },
      { name: 'schoolYear', type: 'text', index: true, access: server, label: { vi: 'Năm học', en: 'School year' } },
      { name: 'teacher', type: 'relationship', relationTo: 'users', index: true, access: server, label: { vi: 'Giáo viên', en: 'Teacher' } },
      { name: 'department', type: 'relationship', relationTo: 'departments', index: true, access: server, label: { vi: 'Tổ', en: 'Department' } },
      { name: 'deadline', type: 'date', access: server, label: { vi: 'Hạn gửi kiểm tra', en: 'Due' } },
      { name: 'submittedAt', type: 'date', access: server, label: { vi: 'Gửi kiểm tra lúc', en: 'Handed in at' } },
      { name: 'late', type: 'checkbox', defaultValue: false, index: true, access: server, label: { vi: 'Gửi muộn', en: 'Late' } },
      { name: 'workflowState', type: 'select', index: true, defaultValue: 'draft', access: server, options: RECORD_REVIEW_STATES.map((value) => ({ value, label: stateLabels[value] })), label: { vi: 'Trạng thái duyệt', en: 'Review state' } },
      { name: 'lastReturnReason', type: 'textarea', access: server, label: { vi: 'Yêu cầu chỉnh sửa gần nhất', en: 'Latest revision request' } },
      { name: 'currentFile', type: 'relationship', relationTo: EDUCATION_FILES_SLUG, access: server, label: { vi: 'Phiên bản mới nhất', en: 'Latest version' } },
      { name: 'currentSha256', type: 'text', access: server, label: { vi: 'SHA-256 phiên bản mới nhất', en: 'Latest SHA-256' } },
      { name: 'versionCount', type: 'number', defaultValue: 0, access: server, label: { vi: 'Số phiên bản', en: 'Versions' } },
      { name: 'approvedFile', type: 'relationship', relationTo: EDUCATION_FILES_SLUG, index: true, access: server, label: { vi: 'Phiên bản đã duyệt', en: 'Approved version' } },
      { name: 'versions', type: 'join', collection: EDUCATION_FILES_SLUG, on: 'lessonPlan', label: { vi: 'Các phiên bản', en: 'Versions' } },
      // Each revision request is kept as a step of this history, with its note (seed 001 Art. 6.b).
      { name: 'reviewHistory', type: 'join', collection: EVENTS_SLUG, on: EVENT_FIELD[LESSON_PLANS_SLUG], label: { vi: 'Lịch sử kiểm tra', en: 'Review history' } },
    ],
  }
}
