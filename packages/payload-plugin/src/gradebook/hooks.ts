import { COMMENT_MARKS, commentSubjectTerm, termAverage, type CommentMark } from '@truongso/assessment'
import { ValidationError, type CollectionBeforeChangeHook, type FieldHook, type PayloadRequest } from 'payload'

import { relationId } from '../roles.ts'
import { ABSENCES_FROM_ATTENDANCE, ATTENDANCE_SLUG } from '../teaching/attendance/context.ts'
import { message } from '../translations/index.ts'
import { assignmentFor, refuse, writerOf } from './access.ts'
import { loadSubject, regularSlots } from './subjects.ts'
import { markIssues, type Issue } from './validation.ts'

type Doc = Record<string, unknown>
type ClassDoc = { id: number | string; school?: unknown; name?: string; grade?: number; schoolYear?: string; homeroomTeacher?: unknown }

const loadClass = async (req: PayloadRequest, id: unknown) => {
  const value = relationId(id)
  return value === null ? null : ((await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: value } }, req })) as ClassDoc | null)
}

function refuseInput(req: PayloadRequest, collection: string, issues: Issue[]): never {
  throw new ValidationError({ collection, errors: issues, req }, req.t)
}

/** The student studies (or studied) in that class that year: an enrolment says so. */
async function enrolled(req: PayloadRequest, student: unknown, klass: ClassDoc): Promise<boolean> {
  const id = relationId(student)
  if (id === null) return false
  const found = await req.payload.db.count({ collection: 'enrolments', where: { and: [{ student: { equals: id } }, { class: { equals: klass.id } }] }, req })
  return found.totalDocs > 0
}

/** The stored result: the request's data over the previous version (partial updates). */
const mergedOf = (data: unknown, originalDoc: unknown): Doc => ({ ...(originalDoc as Doc | undefined), ...(data as Doc) })

/**
 * Every save of a mark: the class-subject and student belong together (subject of the class's
 * grade and year, student enrolled in the class), the writer teaches it (403 otherwise, whatever
 * the path), the values pass the zod checks (400 naming the column), and the server sets the
 * natural key and the teaching assignment.
 */
export const checkMark: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context }) => {
  const merged = mergedOf(data, originalDoc)
  const [subject, klass] = await Promise.all([loadSubject(req, merged.subject), loadClass(req, merged.class)])
  // Missing relations are the input checks' business (validation/validateOnSave.ts).
  if (!subject || !klass) return data
  const year = String(merged.schoolYear)
  const vars = { subject: subject.name, class: String(klass.name), year }
  const sameSchool = String(relationId(subject.school)) === String(relationId(klass.school))
  if (!sameSchool || Number(subject.grade) !== Number(klass.grade) || subject.schoolYear !== year || klass.schoolYear !== year) {
    refuseInput(req, collection.slug, [{ path: 'subject', message: message(req, 'gradebook.subject-of-other-grade', vars) }])
  }
  if (!(await enrolled(req, merged.student, klass))) refuseInput(req, collection.slug, [{ path: 'student', message: message(req, 'gradebook.student-not-in-class', vars) }])
  const writer = writerOf(req, context)
  const assignment = await assignmentFor(req, merged, writer ?? undefined)
  if (writer !== null && !assignment) refuse(req, 'gradebook.not-assigned', vars)
  const issues = markIssues(req, subject, merged.term === 'hk2' ? 'hk2' : 'hk1', merged)
  if (issues.length > 0) refuseInput(req, collection.slug, issues)
  return {
    ...data,
    // The mark's school is its class's, whatever the request said (serverCheckedRelations.ts).
    school: relationId(klass.school),
    key: `${relationId(merged.student)}:${subject.id}:${year}:${String(merged.term)}`,
    teachingAssignment: assignment?.id ?? relationId(merged.teachingAssignment),
  }
}

const cellValues = (doc: Doc): { tx: unknown[]; gk: unknown; ck: unknown } => ({
  tx: (Array.isArray(doc.regular) ? doc.regular : []).map((cell) => (cell as { value?: unknown } | null)?.value ?? null),
  gk: (doc.midTerm as { value?: unknown } | null)?.value ?? null,
  ck: (doc.endTerm as { value?: unknown } | null)?.value ?? null,
})

/** ĐTBmhk by the engine, once every required TX, the GK and the CK are in (scored subjects); else null. */
export const computeTermAverage: FieldHook = async ({ data, req }) => {
  if (!data) return null
  const subject = await loadSubject(req, data.subject)
  if (!subject || subject.kind !== 'scored') return null
  const { tx, gk, ck } = cellValues(data)
  const entered = tx.filter((value) => typeof value === 'number') as number[]
  if (entered.length < regularSlots(subject) || typeof gk !== 'number' || typeof ck !== 'number') return null
  return termAverage({ tx: entered, gk, ck })
}

/** A comment subject's term result by the engine (Đ only when every required assessment is Đ); null until all are in. */
export const computeCommentResult: FieldHook = async ({ data, req }) => {
  if (!data) return null
  const subject = await loadSubject(req, data.subject)
  if (!subject || subject.kind !== 'comment') return null
  const { tx, gk, ck } = cellValues(data)
  const marks = [...tx, gk, ck].filter((value): value is CommentMark => (COMMENT_MARKS as readonly unknown[]).includes(value))
  const required = regularSlots(subject) + 2
  return marks.length < required ? null : commentSubjectTerm({ required, marks })
}

/**
 * Every save of a student term record: the writer is the class's homeroom teacher (403), the
 * student is in the class, conduct only for THCS and qualities/competences only for primary (400).
 */
export const checkTermRecord: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context }) => {
  const merged = mergedOf(data, originalDoc)
  const klass = await loadClass(req, merged.class)
  if (!klass) return data
  const year = String(merged.schoolYear)
  const vars = { class: String(klass.name), year }
  if (klass.schoolYear !== year) refuseInput(req, collection.slug, [{ path: 'schoolYear', message: message(req, 'gradebook.student-not-in-class', vars) }])
  if (!(await enrolled(req, merged.student, klass))) refuseInput(req, collection.slug, [{ path: 'student', message: message(req, 'gradebook.student-not-in-class', vars) }])
  const writer = writerOf(req, context)
  if (writer !== null && String(relationId(klass.homeroomTeacher)) !== String(writer)) refuse(req, 'gradebook.not-homeroom', vars)
  // Once the class takes attendance in that term, its absences are counted from it (teaching/attendance): not typed.
  const previous = originalDoc as Doc | undefined
  const absencesTyped = ['absencesExcused', 'absencesUnexcused'].some((field) => field in ((data as Doc | undefined) ?? {}) && ((data as Doc)[field] ?? null) !== (previous?.[field] ?? null))
  if (absencesTyped && context?.[ABSENCES_FROM_ATTENDANCE] !== true) {
    const taken = await req.payload.db.count({ collection: ATTENDANCE_SLUG, where: { and: [{ class: { equals: klass.id } }, { schoolYear: { equals: year } }, { term: { equals: String(merged.term) } }] }, req })
    if (taken.totalDocs > 0) refuseInput(req, collection.slug, [{ path: 'absencesExcused', message: message(req, 'attendance.absences-counted', vars) }])
  }
  const primary = Number(klass.grade) <= 5
  const filled = (group: unknown) => Boolean(group) && Object.values(group as Doc).some((value) => value !== null && value !== undefined && value !== '')
  const issues: Issue[] = []
  if (primary && merged.conduct) issues.push({ path: 'conduct', message: message(req, 'gradebook.conduct-secondary-only') })
  if (!primary && (filled(merged.qualities) || filled(merged.competences))) issues.push({ path: 'qualities', message: message(req, 'gradebook.traits-primary-only') })
  for (const path of ['absencesExcused', 'absencesUnexcused']) {
    const value = merged[path]
    if (value !== null && value !== undefined && !Number.isSafeInteger(value)) issues.push({ path, message: message(req, 'input.not-integer') })
  }
  if (issues.length > 0) refuseInput(req, collection.slug, issues)
  return { ...data, school: relationId(klass.school), key: `${relationId(merged.student)}:${year}:${String(merged.term)}` }
}
