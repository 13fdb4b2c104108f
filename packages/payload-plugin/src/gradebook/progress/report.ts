import type { PayloadRequest, SelectType, Where } from 'payload'

import { RECORD_MANAGERS, teachersOfLedDepartments } from '../../records/rights.ts'
import { currentUser, isDistrictUser, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { currentSchoolYear } from '../../website/schoolYear.ts'
import { MARKS_SLUG } from '../collections.ts'
import type { GradebookSubjectDoc } from '../subjects.ts'
import { calendarDay } from '../../calendar/days.ts'
import { classSubjectProgress, termCalendar, type KindProgress, type MarkCells, type Term, type TermCalendar, type TermRow } from './deadlines.ts'

/**
 * The progress of marks entry (issue 13 item 4) for whoever asks: one row per class-subject they
 * may follow. Who sees which rows:
 * - the school's board (principal, vice-principals) and school admin: every class-subject of the school;
 * - a team leader: the class-subjects of their department's teachers (records/rights.ts), their own included;
 * - a teacher: their own teaching assignments.
 * The marks behind the counts are read with the marks collection's own read access (the same people
 * who read those marks), in one query for every visible class-subject.
 */

type ID = number | string
export type ProgressScope = 'school' | 'department' | 'teacher'

export type ProgressRow = {
  assignment: ID
  school: ID
  class: { id: ID; name: string; grade: number | null }
  subject: { id: ID; name: string; kind: GradebookSubjectDoc['kind'] }
  teacher: { id: ID; name: string } | null
  students: number
  kinds: KindProgress[]
  overdue: boolean
  missing: number
  nextDeadline: string | null
}

export type ProgressReport = {
  schoolYear: string
  term: Term
  asOf: string
  scope: ProgressScope
  /** Each school's term dates (null when the school year has no dates for the term: nothing is due). */
  calendars: Record<string, TermCalendar | null>
  rows: ProgressRow[]
}

export type ProgressRefusal = { status: 401 | 403; key: 'records.login-required' | 'progress.forbidden' }

/** Only the columns progress counts, and only those of the levels present (a THCS school's term reads no primary column). */
const markSelect = (kinds: Set<string>): SelectType => ({
  student: true,
  subject: true,
  ...(kinds.has('primary') ? { midTermLevel: true, endTermLevel: true, midTermTest: true, endTermTest: true } : {}),
  ...(kinds.has('scored') || kinds.has('comment') ? { regular: true, midTerm: true, endTerm: true } : {}),
})

const ids = (values: unknown[]): ID[] => [...new Map(values.map(relationId).filter((v): v is ID => v !== null).map((v) => [String(v), v])).values()]

/** Who may ask, and the teaching assignments they follow (a where on teaching-assignments), or why not. */
async function scopeOf(req: PayloadRequest): Promise<{ scope: ProgressScope; who: Where[] } | ProgressRefusal> {
  const actor = currentUser(req)
  if (!actor) return { status: 401, key: 'records.login-required' }
  // District staff get results, not mark sheets (gradebook/access.ts); a user of no school follows nothing.
  if (isDistrictUser(actor) || schoolsWhereUserHas(actor).length === 0) return { status: 403, key: 'progress.forbidden' }
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  const led = await teachersOfLedDepartments(req)
  const teachers = ids([actor.id, ...led])
  const who: Where[] = [{ teacher: { in: teachers } }, ...(managed.length > 0 ? [{ school: { in: managed } }] : [])]
  const scope: ProgressScope = managed.length > 0 ? 'school' : led.length > 0 ? 'department' : 'teacher'
  if (scope === 'teacher' && schoolsWhereUserHas(actor, ['teacher', 'team-leader', 'homeroom-teacher']).length === 0) return { status: 403, key: 'progress.forbidden' }
  return { scope, who }
}

const name = (doc: Record<string, unknown> | undefined, field: string) => (doc && typeof doc[field] === 'string' ? (doc[field] as string) : '')

export async function progressReport(req: PayloadRequest, query: { schoolYear: string; term: Term; asOf?: string }): Promise<ProgressReport | ProgressRefusal> {
  const allowed = await scopeOf(req)
  if ('status' in allowed) return allowed
  const { payload } = req
  const asOf = query.asOf ?? calendarDay(new Date())!
  // Plain reads at the adapter (no afterRead traversal: a school's term is ~20,000 marks); access is applied in the wheres.
  const find = async <T>(collection: string, where: Where, select: SelectType): Promise<T[]> =>
    (await payload.db.find({ collection: collection as never, where, select, pagination: false, limit: 0, req })).docs as T[]
  type Assignment = { id: ID; class?: unknown; subject?: unknown; teacher?: unknown; school?: unknown }
  const assignments = await find<Assignment>(
    'teaching-assignments',
    { and: [{ schoolYear: { equals: query.schoolYear } }, { term: { in: [query.term, 'year'] } }, { or: allowed.who }] },
    { class: true, subject: true, teacher: true, school: true },
  )
  const report: ProgressReport = { schoolYear: query.schoolYear, term: query.term, asOf, scope: allowed.scope, calendars: {}, rows: [] }
  if (assignments.length === 0) return report
  const classIds = ids(assignments.map((a) => a.class))
  const subjectIds = ids(assignments.map((a) => a.subject))
  const teacherIds = ids(assignments.map((a) => a.teacher))
  const schoolIds = ids(assignments.map((a) => a.school))
  const today = `${new Date().toISOString().slice(0, 10)}T23:59:59.999Z`
  // The marks collection's own read access (with the multi-tenant scope around it): the same people who read those marks.
  const readAccess = await payload.collections[MARKS_SLUG]!.config.access.read({ req })
  type Doc = Record<string, unknown> & { id: ID }
  const subjects = await find<Doc>('subjects', { id: { in: subjectIds } }, { name: true, grade: true, schoolYear: true, kind: true, periodsPerYear: true })
  const [classes, teachers, years, enrolments, marks] = await Promise.all([
    find<Doc>('classes', { id: { in: classIds } }, { name: true, grade: true }),
    find<Doc>('users', { id: { in: teacherIds } }, { fullName: true, email: true }),
    find<Doc>('school-years', { and: [{ school: { in: schoolIds } }, { name: { equals: query.schoolYear } }] }, { school: true, terms: true }),
    // Who is in each class today, as the grid lists them.
    find<Doc>('enrolments', { and: [{ class: { in: classIds } }, { or: [{ endDate: { exists: false } }, { endDate: { greater_than: today } }] }] }, { student: true, class: true }),
    // Every mark of the visible class-subjects in one query (the board's: the school's term, no list of subjects to send).
    readAccess === false
      ? Promise.resolve([] as Doc[])
      : find<Doc>(
          MARKS_SLUG,
          { and: [...(readAccess === true ? [] : [readAccess as Where]), { schoolYear: { equals: query.schoolYear } }, { term: { equals: query.term } }, ...(allowed.scope === 'school' ? [] : [{ subject: { in: subjectIds } }])] },
          markSelect(new Set(subjects.map((subject) => String(subject.kind)))),
        ),
  ])
  const byId = (docs: Doc[]) => new Map(docs.map((d) => [String(d.id), d]))
  const classById = byId(classes)
  const subjectById = byId(subjects)
  const teacherById = byId(teachers)
  for (const school of schoolIds) {
    const year = years.find((y) => String(relationId((y as { school?: unknown }).school)) === String(school)) as { terms?: TermRow[] } | undefined
    report.calendars[String(school)] = termCalendar(year?.terms, query.term)
  }
  const studentsOf = new Map<string, Set<string>>()
  for (const e of enrolments) {
    const klass = String(relationId(e.class))
    if (!studentsOf.has(klass)) studentsOf.set(klass, new Set())
    studentsOf.get(klass)!.add(String(relationId(e.student)))
  }
  const markOf = new Map(marks.map((m) => [`${relationId(m.student)}:${relationId(m.subject)}`, m as unknown as MarkCells]))
  for (const a of assignments) {
    const klass = classById.get(String(relationId(a.class)))
    const subject = subjectById.get(String(relationId(a.subject))) as unknown as GradebookSubjectDoc | undefined
    if (!klass || !subject) continue
    const school = relationId(a.school)!
    const students = [...(studentsOf.get(String(klass.id)) ?? [])]
    const teacher = teacherById.get(String(relationId(a.teacher)))
    const progress = classSubjectProgress({
      subject,
      term: query.term,
      calendar: report.calendars[String(school)] ?? null,
      students: students.length,
      marks: students.map((s) => markOf.get(`${s}:${subject.id}`) ?? null),
      asOf,
    })
    report.rows.push({
      assignment: a.id,
      school,
      class: { id: klass.id as ID, name: name(klass, 'name'), grade: typeof klass.grade === 'number' ? klass.grade : null },
      subject: { id: subject.id, name: subject.name, kind: subject.kind },
      teacher: teacher ? { id: teacher.id as ID, name: name(teacher, 'fullName') || name(teacher, 'email') } : null,
      students: students.length,
      ...progress,
    })
  }
  const collate = (a: string, b: string) => a.localeCompare(b, 'vi', { numeric: true })
  report.rows.sort((a, b) => collate(a.class.name, b.class.name) || collate(a.subject.name, b.subject.name) || collate(a.teacher?.name ?? '', b.teacher?.name ?? ''))
  return report
}

/**
 * The school year and term the view opens on: the user's school year marked current and the term
 * whose dates hold today (else the next one to start, else the last); without school-years, this
 * school year's term I.
 */
export async function defaultPeriod(req: PayloadRequest): Promise<{ schoolYear: string; term: Term }> {
  const schools = schoolsWhereUserHas(currentUser(req))
  const today = calendarDay(new Date())!
  const found = schools.length === 0 ? undefined : (await req.payload.find({
    collection: 'school-years',
    where: { and: [{ school: { in: schools } }, { current: { equals: true } }] },
    limit: 1,
    depth: 0,
    select: { name: true, terms: true },
    overrideAccess: true,
    req,
  })).docs[0] as { name?: string; terms?: TermRow[] } | undefined
  const schoolYear = found?.name ?? currentSchoolYear()
  const calendars = (['hk1', 'hk2'] as const).map((term) => ({ term, calendar: termCalendar(found?.terms, term) }))
  const running = calendars.find((c) => c.calendar && c.calendar.start <= today && today <= c.calendar.end)
  const next = calendars.find((c) => c.calendar && c.calendar.start > today)
  const last = calendars.filter((c) => c.calendar && c.calendar.end < today).at(-1)
  return { schoolYear, term: (running ?? next ?? last)?.term ?? 'hk1' }
}
