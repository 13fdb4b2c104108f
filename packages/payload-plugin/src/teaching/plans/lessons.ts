import type { PayloadRequest } from 'payload'

import { relationId } from '../../roles.ts'
import { SYLLABI_SLUG } from '../syllabus/Syllabi.ts'
import { subjectKey, type SyllabusLessons } from './weekPlan.ts'

type ID = number | string

/** A school's PPCTs of one year, and the subjects' names and grades: what a plan's lesson titles come from. */
export type LessonCatalogue = {
  syllabi: SyllabusLessons[]
  subjectGrades: Map<string, number>
  /** The PPCT lessons of a subject (by id), or null when that subject × grade has no PPCT. */
  lessonsOf: (subject: unknown) => Map<number, { title: string; chapter?: string | null }> | null
  subjectName: (subject: unknown) => string
}

export async function loadLessonCatalogue(req: PayloadRequest, school: ID, schoolYear: string, subjectIds: unknown[]): Promise<LessonCatalogue> {
  const ids = [...new Set(subjectIds.map((s) => relationId(s)).filter((id): id is ID => id !== null).map(String))]
  // One after the other: both run in the request's transaction (one database connection).
  const syllabiFound = await req.payload.db.find({ collection: SYLLABI_SLUG, where: { and: [{ school: { equals: school } }, { schoolYear: { equals: schoolYear } }] }, pagination: false, req })
  const subjectsFound = ids.length === 0 ? { docs: [] as unknown[] } : await req.payload.db.find({ collection: 'subjects', where: { id: { in: ids } }, pagination: false, req })
  const syllabi = (syllabiFound.docs as unknown as SyllabusLessons[]).map((s) => ({ subjectName: s.subjectName, grade: Number(s.grade), lessons: (s.lessons ?? []).map((l) => ({ number: Number(l.number), title: String(l.title ?? ''), chapter: l.chapter ?? null })) }))
  const subjects = new Map((subjectsFound.docs as { id: ID; name?: string; grade?: number }[]).map((s) => [String(s.id), s]))
  const bySubject = new Map(syllabi.map((s) => [subjectKey(s.subjectName, s.grade), new Map(s.lessons.map((l) => [l.number, l]))]))
  const subjectGrades = new Map([...subjects].filter(([, s]) => typeof s.grade === 'number').map(([id, s]) => [id, Number(s.grade)]))
  return {
    syllabi,
    subjectGrades,
    lessonsOf: (subject) => {
      const doc = subjects.get(String(relationId(subject)))
      return doc ? (bySubject.get(subjectKey(String(doc.name ?? ''), doc.grade)) ?? null) : null
    },
    subjectName: (subject) => String(subjects.get(String(relationId(subject)))?.name ?? ''),
  }
}
