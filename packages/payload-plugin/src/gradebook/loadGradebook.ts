import type { Term } from '@truongso/assessment'
import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../roles.ts'
import { MARKS_SLUG, TERM_RECORDS_SLUG } from './collections.ts'
import type { GradebookSubjectDoc } from './subjects.ts'

/**
 * Loading what a class's results need (issue 13 item 8): its subjects, its students, their stored
 * marks and term records of the year. For one class or every class of a school in the same few
 * queries (one per collection, not one per class), straight from the adapter: server reads of
 * stored values (no afterRead hooks, no virtual fields), the caller has checked who may see them.
 */

type ID = number | string
type Doc = Record<string, unknown>
export type ClassDoc = { id: ID; name?: unknown; grade?: unknown; schoolYear?: unknown; school?: unknown; homeroomTeacher?: unknown }
export type StudentDoc = { id: ID; fullName: string; studentCode: string }

/** The stored values of a mark, exactly as saved (no virtual fields). */
export const STORED_MARK_FIELDS = ['regular', 'midTerm', 'endTerm', 'midTermLevel', 'endTermLevel', 'midTermTest', 'endTermTest', 'comment'] as const
export const STORED_TERM_RECORD_FIELDS = ['conduct', 'absencesExcused', 'absencesUnexcused', 'qualities', 'competences', 'homeroomComment'] as const

export type ClassGradebook = {
  klass: ClassDoc
  schoolYear: string
  primary: boolean
  /** The school's subjects of the class's grade and year: every one of them counts for results. */
  subjects: GradebookSubjectDoc[]
  /** Students of the class that year (current, or who stayed to the year's end), by name. */
  students: StudentDoc[]
  /** Marks by student id → subject id → term. */
  marks: Map<string, Map<string, Partial<Record<Term, Doc>>>>
  /** Term records by student id → term. */
  termRecords: Map<string, Partial<Record<Term, Doc>>>
}

const byName = (a: StudentDoc, b: StudentDoc) =>
  a.fullName.split(' ').at(-1)!.localeCompare(b.fullName.split(' ').at(-1)!, 'vi') || a.fullName.localeCompare(b.fullName, 'vi')

const selectOf = (fields: readonly string[]): Record<string, true> => Object.fromEntries(fields.map((field) => [field, true as const]))

async function findAll(req: PayloadRequest, collection: string, where: Where, fields: readonly string[]): Promise<Doc[]> {
  const found = await req.payload.db.find({ collection, where, pagination: false, limit: 0, select: selectOf(fields), req })
  return found.docs as Doc[]
}

/** The results' inputs of these classes (all of one school and one year) for `schoolYear`. */
export async function loadClassGradebooks(req: PayloadRequest, classes: ClassDoc[], schoolYear: string): Promise<ClassGradebook[]> {
  if (classes.length === 0) return []
  const school = relationId(classes[0]!.school)
  const grades = [...new Set(classes.map((klass) => Number(klass.grade)))]
  const [subjects, enrolments] = await Promise.all([
    findAll(req, 'subjects', { and: [{ school: { equals: school } }, { grade: { in: grades } }, { schoolYear: { equals: schoolYear } }] }, ['school', 'name', 'grade', 'schoolYear', 'kind', 'periodsPerYear']),
    // A student who moved to another class, left or dropped out is not in this class's results.
    findAll(req, 'enrolments', { and: [{ class: { in: classes.map((klass) => klass.id) } }, { or: [{ endKind: { exists: false } }, { endKind: { equals: 'year-end' } }] }] }, ['student', 'class']),
  ])
  const studentIds = [...new Set(enrolments.map((enrolment) => String(relationId(enrolment.student))))]
  const students = new Map<string, StudentDoc>()
  const marks = new Map<string, Map<string, Partial<Record<Term, Doc>>>>()
  const termRecords = new Map<string, Partial<Record<Term, Doc>>>()
  if (studentIds.length > 0) {
    // Marks follow the student, not the class at entry: a class change within the grade keeps its subjects.
    const where: Where = { and: [{ student: { in: studentIds } }, { schoolYear: { equals: schoolYear } }] }
    const [studentDocs, markDocs, recordDocs] = await Promise.all([
      findAll(req, 'students', { id: { in: studentIds } }, ['fullName', 'studentCode']),
      findAll(req, MARKS_SLUG, where, ['student', 'subject', 'term', 'updatedAt', ...STORED_MARK_FIELDS]),
      findAll(req, TERM_RECORDS_SLUG, where, ['student', 'term', 'updatedAt', ...STORED_TERM_RECORD_FIELDS]),
    ])
    for (const doc of studentDocs) students.set(String(doc.id), { id: doc.id as ID, fullName: String(doc.fullName), studentCode: String(doc.studentCode) })
    for (const doc of markDocs) {
      const student = String(relationId(doc.student))
      const subject = String(relationId(doc.subject))
      if (!marks.has(student)) marks.set(student, new Map())
      const bySubject = marks.get(student)!
      bySubject.set(subject, { ...bySubject.get(subject), [doc.term as Term]: doc })
    }
    for (const doc of recordDocs) {
      const student = String(relationId(doc.student))
      termRecords.set(student, { ...termRecords.get(student), [doc.term as Term]: doc })
    }
  }
  const subjectsById = [...subjects].sort((a, b) => (Number(a.id) || 0) - (Number(b.id) || 0) || String(a.id).localeCompare(String(b.id))) as unknown as GradebookSubjectDoc[]
  return classes.map((klass) => {
    const inClass = new Map<string, StudentDoc>()
    for (const enrolment of enrolments) {
      if (String(relationId(enrolment.class)) !== String(klass.id)) continue
      const student = students.get(String(relationId(enrolment.student)))
      if (student) inClass.set(String(student.id), student)
    }
    const classStudents = [...inClass.values()].sort(byName)
    const ids = new Set(classStudents.map((student) => String(student.id)))
    return {
      klass,
      schoolYear,
      primary: Number(klass.grade) <= 5,
      subjects: subjectsById.filter((subject) => Number(subject.grade) === Number(klass.grade)),
      students: classStudents,
      marks: new Map([...marks].filter(([student]) => ids.has(student))),
      termRecords: new Map([...termRecords].filter(([student]) => ids.has(student))),
    }
  })
}

/** One class's results inputs for a year. */
export async function loadClassGradebook(req: PayloadRequest, klass: ClassDoc, schoolYear: string): Promise<ClassGradebook> {
  return (await loadClassGradebooks(req, [klass], schoolYear))[0]!
}
