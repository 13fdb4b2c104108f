/**
 * A teacher's weekly teaching plan (lịch báo giảng, issue 14 item 3) generated from their timetable
 * slots of the week and the PPCT (syllabus/): each period gets the next lesson of its class-subject,
 * continuing from the last lesson planned before this week. The teacher then only adjusts numbers,
 * adds notes or equipment. Pure: the caller loads the slots, the PPCTs and the previous numbers.
 */

type ID = number | string
/** A relation as Payload gives it: the id, or the populated document. */
type Ref<T extends object = object> = ID | ({ id: ID } & T)

/**
 * One timetable slot of the teacher's week. Structurally the list the timetable's
 * `slotsForTeacherWeek(req, teacherId, weekStart)` returns (date, day, session, period, class,
 * subject, teachingAssignment, room; its `WeekSlot` is assignable to this type, weekPlan.spec.ts
 * checks it). The grade is read from `grade`, else the subject's, else the class's, else
 * `subjectGrades` by subject id (the timetable names a subject by id and name; subjects are per grade).
 */
export type PlanSlot = {
  /** `YYYY-MM-DD`, Vietnam calendar date. */
  date: string
  /** 2 (Monday) … 7 (Saturday), as Vietnamese timetables number the days. */
  day: number
  session: 'morning' | 'afternoon'
  /** 1…5 within the session. */
  period: number
  class: Ref<{ name?: string; grade?: number | null }>
  subject: string | ({ name: string; grade?: number | null } & { id?: ID })
  grade?: number | null
  teachingAssignment: Ref
  room?: unknown
}

export type SyllabusLessons = { subjectName: string; grade: number; lessons: readonly { number: number; title: string; chapter?: string | null }[] }

/** Why a row has no lesson: the subject has no PPCT for that grade, or its PPCT has no lesson left. */
export type MissingLesson = 'no-syllabus' | 'syllabus-exhausted'

export type PlanRow = {
  date: string
  day: number
  session: 'morning' | 'afternoon'
  period: number
  classId: ID
  className: string
  subjectName: string
  grade: number | null
  teachingAssignment: ID
  room: unknown
  lessonNumber: number | null
  lessonTitle: string | null
  chapter: string | null
  /** Set when `lessonNumber` is null: the UI shows it, the teacher types the lesson in. */
  missing: MissingLesson | null
}

export type WeekPlanInput = {
  slots: readonly PlanSlot[]
  syllabi: readonly SyllabusLessons[]
  /** Per teaching assignment id: the last lesson number planned before this week (none: starts at 1). */
  previous: Readonly<Record<string, number | null | undefined>> | ReadonlyMap<ID, number | null | undefined>
  /** Per subject id: its grade, for slots that carry none. */
  subjectGrades?: Readonly<Record<string, number>> | ReadonlyMap<ID, number>
  /**
   * Per slot (`planSlotKey`): a lesson number the teacher set by hand, kept when the plan is
   * regenerated; the following periods of that class-subject continue from it.
   */
  adjusted?: ReadonlyMap<string, number>
}

export type WeekPlan = {
  rows: PlanRow[]
  /** Per teaching assignment id: the last lesson number planned by the end of this week (the next week's `previous`). */
  last: Record<string, number>
}

const idOf = (ref: Ref): ID => (typeof ref === 'object' ? ref.id : ref)
const SESSION_ORDER = { morning: 0, afternoon: 1 } as const

/** Subject names as the catalogue spells them, compared without case or Unicode-form differences. */
export const subjectKey = (name: string, grade: number | null | undefined) => `${name.normalize('NFC').trim().toLocaleLowerCase('vi')}#${grade ?? ''}`

function slotGrade(slot: PlanSlot, subjectGrades: WeekPlanInput['subjectGrades']): number | null {
  const subjectGrade = typeof slot.subject === 'object' ? slot.subject.grade : undefined
  const classGrade = typeof slot.class === 'object' ? slot.class.grade : undefined
  const subjectId = typeof slot.subject === 'object' ? slot.subject.id : undefined
  const byId = subjectId === undefined || !subjectGrades ? undefined : subjectGrades instanceof Map ? (subjectGrades.get(subjectId) ?? subjectGrades.get(String(subjectId))) : (subjectGrades as Record<string, number>)[String(subjectId)]
  return slot.grade ?? subjectGrade ?? classGrade ?? byId ?? null
}

/** Slots in time order: date, then morning before afternoon, then period (class and assignment break ties for a stable result). */
export function compareSlots(a: PlanSlot, b: PlanSlot): number {
  return (
    a.date.localeCompare(b.date) ||
    SESSION_ORDER[a.session] - SESSION_ORDER[b.session] ||
    a.period - b.period ||
    String(idOf(a.class)).localeCompare(String(idOf(b.class))) ||
    String(idOf(a.teachingAssignment)).localeCompare(String(idOf(b.teachingAssignment)))
  )
}

function previousOf(previous: WeekPlanInput['previous'], assignment: ID): number {
  const value = previous instanceof Map ? (previous.get(assignment) ?? previous.get(String(assignment))) : (previous as Record<string, number | null | undefined>)[String(assignment)]
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

/** One period of one class-subject on one day: how a plan's row is matched across regenerations. */
export const planSlotKey = (row: { date: string; session: string; period: number; teachingAssignment: Ref }) => `${row.date}|${row.session}|${row.period}|${String(idOf(row.teachingAssignment))}`

export function generateWeekPlan({ slots, syllabi, previous, subjectGrades, adjusted }: WeekPlanInput): WeekPlan {
  const bySubject = new Map(syllabi.map((s) => [subjectKey(s.subjectName, s.grade), new Map(s.lessons.map((lesson) => [lesson.number, lesson]))]))
  // Each teaching assignment (one class-subject) keeps its own count: two classes of one subject advance independently.
  const counters = new Map<string, number>()
  const rows = [...slots].sort(compareSlots).map((slot): PlanRow => {
    const assignment = idOf(slot.teachingAssignment)
    const key = String(assignment)
    const subjectName = typeof slot.subject === 'object' ? slot.subject.name : slot.subject
    const grade = slotGrade(slot, subjectGrades)
    const lessons = bySubject.get(subjectKey(subjectName, grade))
    const byHand = adjusted?.get(planSlotKey(slot))
    const next = byHand ?? (counters.get(key) ?? previousOf(previous, assignment)) + 1
    const lesson = lessons?.get(next)
    // An exhausted PPCT stops the count: the lesson numbers stay those of the PPCT.
    if (lesson) counters.set(key, next)
    else if (!counters.has(key)) counters.set(key, next - 1)
    return {
      date: slot.date,
      day: slot.day,
      session: slot.session,
      period: slot.period,
      classId: idOf(slot.class),
      className: typeof slot.class === 'object' ? String(slot.class.name ?? '') : '',
      subjectName,
      grade,
      teachingAssignment: assignment,
      room: slot.room ?? null,
      lessonNumber: lesson ? lesson.number : null,
      lessonTitle: lesson ? lesson.title : null,
      chapter: lesson?.chapter ?? null,
      missing: lesson ? null : lessons ? 'syllabus-exhausted' : 'no-syllabus',
    }
  })
  return { rows, last: Object.fromEntries([...counters].filter(([, n]) => n > 0)) }
}
