import { APIError, ValidationError, type Access, type CollectionBeforeChangeHook, type CollectionBeforeValidateHook, type CollectionConfig, type PayloadRequest, type Where } from 'payload'

import { TRUSTED_WRITE } from '../context.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../roles.ts'
import { languageOf, message } from '../translations/index.ts'
import { assignmentFor } from './access.ts'
import { gradebookGroup, MARKS_SLUG } from './collections.ts'
import { CORRECTION_ATTACHMENTS_SLUG } from './CorrectionAttachments.ts'
import { decideCorrectionEndpoint } from './correctionDecision.ts'
import { CORRECTION_DECIDERS, CORRECTION_DECISION, MARK_CORRECTIONS_SLUG, normaliseNewValue, parseCorrectionField, patchFor, sameValue, valueAt } from './corrections.ts'
import { findLock, lockVars } from './locks.ts'
import { lockKindLabels } from './MarkLocks.ts'
import { loadSubject } from './subjects.ts'
import { markIssues } from './validation.ts'

type Doc = Record<string, unknown>
type ID = number | string

/** A teacher reads the requests they filed; the board every request of its school (their queues filter by state). */
const readCorrections: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const or: Where[] = [{ requestedBy: { equals: actor.id } }]
  const board = schoolsWhereUserHas(actor, CORRECTION_DECIDERS)
  if (board.length > 0) or.push({ school: { in: board } })
  return { or }
}

/** Any member may try; the save hook lets through only the teacher of the mark's class-subject. */
const createCorrections: Access = ({ req }) => schoolsWhereUserHas(currentUser(req)).length > 0
const nobody: Access = () => false

const loadMark = async (req: PayloadRequest, id: unknown): Promise<Doc | null> => {
  const value = relationId(id)
  return value === null ? null : ((await req.payload.db.findOne({ collection: MARKS_SLUG, where: { id: { equals: value } }, req })) as Doc | null)
}

const refuse = (req: PayloadRequest, status: number, key: Parameters<typeof message>[1], vars: Record<string, string | number> = {}): never => {
  throw new APIError(message(req, key, vars), status, undefined, true)
}
const refuseInput = (req: PayloadRequest, path: string, text: string): never => {
  throw new ValidationError({ collection: MARK_CORRECTIONS_SLUG, errors: [{ path, message: text }], req }, req.t)
}

/** The request's school is its mark's (before validation, so the tenant field is filled). */
const schoolOfMark: CollectionBeforeValidateHook = async ({ data, req, operation }) => {
  if (operation !== 'create' || !data) return data
  const mark = await loadMark(req, data.mark)
  return mark ? { ...data, school: relationId(mark.school) } : data
}

/**
 * Filing a request, on every path: by the teacher of the mark's class-subject (403), for a column
 * that is locked (400: an open one is edited in the gradebook), with a new value that passes the
 * same checks as any mark (400), at most one pending per cell. The server snapshots the old value,
 * the requester and the mark's identity; the state starts pending. Nobody edits a request after:
 * the decision (correctionDecision.ts) is its only update.
 */
const fileRequest: CollectionBeforeChangeHook = async ({ data, req, operation, context, originalDoc }) => {
  if (operation !== 'create') {
    if (context?.[CORRECTION_DECISION] !== true) refuse(req, 403, 'gradebook.correction-immutable')
    return { ...data, mark: originalDoc?.mark, field: originalDoc?.field, oldValue: originalDoc?.oldValue, newValue: originalDoc?.newValue, requestedBy: originalDoc?.requestedBy }
  }
  const actor = currentUser(req)
  // The seed files its demo request as server code, naming the teacher.
  const requester: ID | null = actor ? (actor.id as ID) : context?.[TRUSTED_WRITE] === true ? relationId(data.requestedBy) : null
  if (requester === null) refuse(req, 403, 'records.login-required')
  const mark = await loadMark(req, data.mark)
  if (!mark) return data // the relation's own validation answers
  // One after the other: inside a transaction they share one connection.
  const subject = await loadSubject(req, mark.subject)
  const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: relationId(mark.class) } }, req })) as Doc | null
  const vars = { subject: subject?.name ?? '', class: String(klass?.name ?? '') }
  if (!subject || !(await assignmentFor(req, mark, requester!))) refuse(req, 403, 'gradebook.correction-not-your-mark', vars)
  const field = parseCorrectionField(data.field)
  if (!field) return refuseInput(req, 'field', message(req, 'gradebook.correction-bad-field', { field: String(data.field ?? '') }))
  const school = relationId(mark.school)!
  const year = String(mark.schoolYear)
  const term = String(mark.term)
  const lock = await findLock(req, school, year, term, [field.kind])
  if (!lock) {
    refuseInput(req, 'field', message(req, 'gradebook.correction-not-locked', { column: lockKindLabels[field.kind][languageOf(req)], term: term === 'hk2' ? 'II' : 'I', year }))
  }
  const oldValue = valueAt(mark, field)
  const newValue = normaliseNewValue(field, oldValue, data.newValue)
  if (sameValue(oldValue, newValue)) refuseInput(req, 'newValue', message(req, 'gradebook.correction-no-change'))
  const issues = markIssues(req, subject!, term === 'hk2' ? 'hk2' : 'hk1', { ...mark, ...patchFor(mark, field, newValue) })
  if (issues.length > 0) refuseInput(req, 'newValue', issues.map((issue) => issue.message).join(' '))
  const pending = await req.payload.count({
    collection: MARK_CORRECTIONS_SLUG as never,
    where: { and: [{ mark: { equals: mark.id } }, { field: { equals: field.field } }, { state: { equals: 'pending' } }] },
    overrideAccess: true,
    req,
  })
  if (pending.totalDocs > 0) refuse(req, 409, 'gradebook.correction-pending-exists')
  return {
    ...data,
    school,
    field: field.field,
    oldValue,
    newValue,
    state: 'pending',
    requestedBy: requester,
    student: relationId(mark.student),
    subject: relationId(mark.subject),
    class: relationId(mark.class),
    schoolYear: year,
    term,
    lockedSince: lockVars(null, lock!).date,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  }
}

const server = { readOnly: true } as const

/** Giấy đề nghị sửa điểm (issue 13 § 6): one requested change of one locked mark value, then its decision. */
export function markCorrectionsCollection(): CollectionConfig {
  return {
    slug: MARK_CORRECTIONS_SLUG,
    labels: { singular: { vi: 'Giấy đề nghị sửa điểm', en: 'Mark correction request' }, plural: { vi: 'Giấy đề nghị sửa điểm', en: 'Mark correction requests' } },
    admin: { group: gradebookGroup, useAsTitle: 'field', defaultColumns: ['field', 'student', 'subject', 'class', 'oldValue', 'newValue', 'state', 'requestedBy', 'createdAt'] },
    access: { read: readCorrections, create: createCorrections, update: nobody, delete: nobody },
    endpoints: [decideCorrectionEndpoint],
    hooks: { beforeValidate: [schoolOfMark], beforeChange: [fileRequest] },
    fields: [
      { name: 'mark', type: 'relationship', relationTo: MARKS_SLUG, required: true, index: true, label: { vi: 'Sổ điểm', en: 'Mark' } },
      {
        name: 'field',
        type: 'text',
        required: true,
        label: { vi: 'Cột điểm', en: 'Column' },
        admin: { description: { vi: 'regular.0 = TX1, regular.1 = TX2…, midTerm (GK), endTerm (CK); tiểu học: midTermLevel, endTermLevel, midTermTest, endTermTest', en: 'regular.0 = TX1, regular.1 = TX2…, midTerm (GK), endTerm (CK); primary: midTermLevel, endTermLevel, midTermTest, endTermTest' } },
      },
      { name: 'oldValue', type: 'json', label: { vi: 'Giá trị cũ (lúc lập giấy)', en: 'Old value (when filed)' }, admin: server, validate: () => true },
      { name: 'newValue', type: 'json', label: { vi: 'Giá trị mới', en: 'New value' }, validate: () => true },
      { name: 'reason', type: 'textarea', required: true, label: { vi: 'Lý do', en: 'Reason' } },
      { name: 'attachment', type: 'upload', relationTo: CORRECTION_ATTACHMENTS_SLUG, label: { vi: 'Bản chụp kèm theo', en: 'Attached scan' } },
      {
        name: 'state',
        type: 'select',
        required: true,
        defaultValue: 'pending',
        index: true,
        label: { vi: 'Trạng thái', en: 'State' },
        admin: { ...server, position: 'sidebar' },
        options: [
          { value: 'pending', label: { vi: 'Chờ duyệt', en: 'Pending' } },
          { value: 'approved', label: { vi: 'Đã duyệt', en: 'Approved' } },
          { value: 'refused', label: { vi: 'Không duyệt', en: 'Refused' } },
        ],
      },
      { name: 'requestedBy', type: 'relationship', relationTo: 'users', index: true, label: { vi: 'Giáo viên đề nghị', en: 'Requested by' }, admin: { ...server, position: 'sidebar' } },
      { name: 'student', type: 'relationship', relationTo: 'students', label: { vi: 'Học sinh', en: 'Student' }, admin: server },
      { name: 'subject', type: 'relationship', relationTo: 'subjects', label: { vi: 'Môn học', en: 'Subject' }, admin: server },
      { name: 'class', type: 'relationship', relationTo: 'classes', label: { vi: 'Lớp', en: 'Class' }, admin: server },
      { name: 'schoolYear', type: 'text', label: { vi: 'Năm học', en: 'School year' }, admin: server },
      { name: 'term', type: 'text', label: { vi: 'Học kì', en: 'Term' }, admin: server },
      { name: 'lockedSince', type: 'text', label: { vi: 'Cột khoá từ ngày', en: 'Column locked since' }, admin: server },
      { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người duyệt', en: 'Decided by' }, admin: { ...server, position: 'sidebar' } },
      { name: 'decidedAt', type: 'date', label: { vi: 'Ngày duyệt', en: 'Decided at' }, admin: { ...server, position: 'sidebar', date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
      { name: 'decisionReason', type: 'textarea', label: { vi: 'Ý kiến của người duyệt', en: 'Decision note' }, admin: { ...server, position: 'sidebar' } },
    ],
  }
}
