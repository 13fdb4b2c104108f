import type { Endpoint, PayloadRequest, Where } from 'payload'

import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { currentSchoolYear, isSchoolYear } from '../../website/schoolYear.ts'
import { MARKS_SLUG } from '../collections.ts'
import { loadSubject, type GradebookSubjectDoc } from '../subjects.ts'
import { columnsOf, type Column } from './columns.ts'
import { lastChanges, type LastChange } from './lastChanges.ts'

type ID = number | string
type Term = 'hk1' | 'hk2'

export type GridAssignment = { id: ID; label: string; className: string; subjectName: string; term: string; mine: boolean }
export type GridStudent = { id: ID; fullName: string; studentCode: string; mark: Record<string, unknown> | null; changes: Record<string, LastChange> }
export type GridSheet = {
  assignment: GridAssignment
  schoolYear: string
  term: Term
  subject: GradebookSubjectDoc
  columns: Column[]
  students: GridStudent[]
}

/**
 * The school year and term the grid opens on: the school's year marked current (school-years) and
 * the term whose dates contain today; without them the calendar (term I runs August to January).
 */
async function currentTerm(req: PayloadRequest, url: URL): Promise<{ schoolYear: string; term: Term }> {
  const askedYear = url.searchParams.get('schoolYear')
  const askedTerm = url.searchParams.get('term')
  const schools = schoolsWhereUserHas(currentUser(req))
  let schoolYear = isSchoolYear(askedYear) ? askedYear : null
  let terms: { term: Term; start: string; end: string }[] = []
  if (schools.length > 0) {
    const where: Where = { and: [{ school: { in: schools } }, schoolYear ? { name: { equals: schoolYear } } : { current: { equals: true } }] }
    const found = (await req.payload.find({ collection: 'school-years', where, limit: 1, depth: 0, overrideAccess: true, req })).docs[0] as { name?: string; terms?: typeof terms } | undefined
    if (found) {
      schoolYear ??= found.name ?? null
      terms = found.terms ?? []
    }
  }
  schoolYear ??= currentSchoolYear()
  if (askedTerm === 'hk1' || askedTerm === 'hk2') return { schoolYear, term: askedTerm }
  const now = Date.now()
  const running = terms.find((t) => Date.parse(t.start) <= now && now <= Date.parse(t.end) + 86_400_000)
  const month = new Date().getMonth()
  return { schoolYear, term: running?.term ?? (month >= 7 || month === 0 ? 'hk1' : 'hk2') }
}

type AssignmentDoc = { id: ID; label?: string; teacher?: unknown; class?: unknown; subject?: unknown; term?: string; schoolYear?: string; school?: unknown }

/** The user's own teaching assignments of that year and term, and for a school's board and admin, the school's. */
async function assignmentsFor(req: PayloadRequest, schoolYear: string, term: Term): Promise<GridAssignment[]> {
  const actor = currentUser(req)!
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  const who: Where[] = [{ teacher: { equals: actor.id } }, ...(managed.length > 0 ? [{ school: { in: managed } }] : [])]
  const { docs } = await req.payload.find({
    collection: 'teaching-assignments',
    where: { and: [{ schoolYear: { equals: schoolYear } }, { term: { in: [term, 'year'] } }, { or: who }] },
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
  })
  return (docs as unknown as AssignmentDoc[])
    .map((doc) => describe(doc, String(relationId(doc.teacher)) === String(actor.id)))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.className.localeCompare(b.className, 'vi', { numeric: true }) || a.subjectName.localeCompare(b.subjectName, 'vi'))
}

const nameOf = (value: unknown) => (typeof value === 'object' && value !== null && 'name' in value ? String((value as { name: unknown }).name) : '')
const describe = (doc: AssignmentDoc, mine: boolean): GridAssignment => ({
  id: doc.id,
  label: doc.label ?? '',
  className: nameOf(doc.class),
  subjectName: nameOf(doc.subject),
  term: String(doc.term ?? ''),
  mine,
})

/** The class in class-list order (given name, then full name, as the roster prints it): who is enrolled today. */
async function studentsOf(req: PayloadRequest, klass: ID): Promise<{ id: ID; fullName: string; studentCode: string }[]> {
  const today = `${new Date().toISOString().slice(0, 10)}T23:59:59.999Z`
  const { docs } = await req.payload.find({
    collection: 'enrolments',
    where: { and: [{ class: { equals: klass } }, { or: [{ endDate: { exists: false } }, { endDate: { greater_than: today } }] }] },
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const students = new Map<string, { id: ID; fullName: string; studentCode: string }>()
  for (const enrolment of docs) {
    const s = enrolment.student as { id: ID; fullName?: string; studentCode?: string } | null
    if (s && typeof s === 'object') students.set(String(s.id), { id: s.id, fullName: s.fullName ?? '', studentCode: s.studentCode ?? '' })
  }
  const given = (name: string) => name.split(' ').at(-1) ?? name
  return [...students.values()].sort((a, b) => given(a.fullName).localeCompare(given(b.fullName), 'vi') || a.fullName.localeCompare(b.fullName, 'vi'))
}

/**
 * GET /api/marks/grid[?schoolYear=&term=]: the current school year and term, and the class-subjects
 * the user opens there (their own assignments; the school's board and admin also the school's).
 * GET /api/marks/grid?assignment=ID[&term=]: one class-subject's sheet: its subject and columns,
 * its students in class order with their stored marks and who last changed each cell, when.
 */
export const sheetEndpoint: Endpoint = {
  path: '/grid',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const url = new URL(req.url ?? 'http://x')
    const { schoolYear, term } = await currentTerm(req, url)
    const assignmentId = url.searchParams.get('assignment')
    if (!assignmentId) return Response.json({ schoolYear, term, assignments: await assignmentsFor(req, schoolYear, term) })
    const assignment = (await req.payload.findByID({ collection: 'teaching-assignments', id: assignmentId, depth: 1, overrideAccess: true, disableErrors: true, req })) as unknown as AssignmentDoc | null
    if (!assignment) return errorResponse(req, 404, 'grid.assignment-not-found')
    const mine = String(relationId(assignment.teacher)) === String(actor.id)
    const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS).map(String)
    if (!mine && !managed.includes(String(relationId(assignment.school)))) return errorResponse(req, 403, 'grid.forbidden')
    const subject = await loadSubject(req, assignment.subject)
    const klass = relationId(assignment.class)
    if (!subject || klass === null) return errorResponse(req, 404, 'grid.assignment-not-found')
    const sheetTerm: Term = assignment.term === 'hk1' || assignment.term === 'hk2' ? assignment.term : term
    const students = await studentsOf(req, klass)
    const { docs: marks } = students.length === 0 ? { docs: [] } : await req.payload.find({
      collection: MARKS_SLUG,
      where: { and: [{ subject: { equals: subject.id } }, { schoolYear: { equals: String(assignment.schoolYear) } }, { term: { equals: sheetTerm } }, { student: { in: students.map((s) => s.id) } }] },
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const byStudent = new Map(marks.map((mark) => [String(relationId(mark.student)), mark as unknown as Record<string, unknown> & { id: ID }]))
    const changes = await lastChanges(req, marks.map((mark) => mark.id))
    const sheet: GridSheet = {
      assignment: describe(assignment, mine),
      schoolYear: String(assignment.schoolYear),
      term: sheetTerm,
      subject: { id: subject.id, name: subject.name, grade: subject.grade, schoolYear: subject.schoolYear, kind: subject.kind, periodsPerYear: subject.periodsPerYear ?? null },
      columns: columnsOf(subject, sheetTerm),
      students: students.map((student) => {
        const mark = byStudent.get(String(student.id)) ?? null
        return { ...student, mark, changes: mark ? (changes.get(String(mark.id)) ?? {}) : {} }
      }),
    }
    return Response.json(sheet)
  },
}
