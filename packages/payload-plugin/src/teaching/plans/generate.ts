import type { PayloadRequest } from 'payload'

import { TRUSTED_WRITE } from '../../context.ts'
import { relationId } from '../../roles.ts'
import { TIMETABLES_SLUG } from '../timetable/slugs.ts'
import { slotsForTeacherWeek, type WeekSlot } from '../timetable/week.ts'
import { planDeadline } from './deadline.ts'
import { loadLessonCatalogue } from './lessons.ts'
import { planRuleOfSchool } from './settings.ts'
import { TEACHING_PLANS_SLUG } from './slugs.ts'
import { generateWeekPlan, planSlotKey } from './weekPlan.ts'

type ID = number | string
type Doc = Record<string, unknown>
type Row = Doc & { date: string; session: string; period: number; teachingAssignment: unknown }

/** Why generating refuses: the message key and the HTTP status. */
export class PlanRefusal extends Error {
  readonly status: number
  readonly key: 'plans.no-slots' | 'plans.not-draft'
  readonly vars: Record<string, string | number>
  constructor(status: number, key: PlanRefusal['key'], vars: Record<string, string | number> = {}) {
    super(key)
    this.status = status
    this.key = key
    this.vars = vars
  }
}

/** The school of a week's lessons: the school of the timetable in force (one per teacher and week). */
export async function schoolOfSlots(req: PayloadRequest, slots: readonly WeekSlot[]): Promise<ID | null> {
  const first = slots[0]
  if (!first) return null
  const timetable = (await req.payload.db.findOne({ collection: TIMETABLES_SLUG, where: { id: { equals: first.timetable } }, req })) as Doc | null
  return relationId(timetable?.school)
}

/** Per teaching assignment, the highest lesson number of the teacher's plans of the year before this week. */
async function lastLessonsBefore(req: PayloadRequest, teacher: ID, schoolYear: string, monday: string): Promise<Map<string, number>> {
  const earlier = await req.payload.db.find({
    collection: TEACHING_PLANS_SLUG,
    where: { and: [{ teacher: { equals: teacher } }, { schoolYear: { equals: schoolYear } }, { weekStart: { less_than: monday } }] },
    pagination: false,
    // Only what the count needs: a teacher has up to ~35 earlier plans of ~15 rows by the year's end.
    select: { rows: { teachingAssignment: true, lessonNumber: true } },
    req,
  })
  const last = new Map<string, number>()
  for (const plan of earlier.docs as Doc[]) {
    for (const row of (plan.rows ?? []) as Row[]) {
      const assignment = String(relationId(row.teachingAssignment))
      if (typeof row.lessonNumber === 'number') last.set(assignment, Math.max(last.get(assignment) ?? 0, row.lessonNumber))
    }
  }
  return last
}

/**
 * Builds (or rebuilds, while still a draft) `teacher`'s plan of the week starting `monday`: the
 * week's lessons from the timetable, the next PPCT lessons continuing from their earlier plans of
 * the year, keeping the notes, equipment and hand-set lesson numbers of the same periods.
 */
export async function generatePlan(req: PayloadRequest, teacher: ID, monday: string): Promise<{ doc: Doc; created: boolean }> {
  const slots = await slotsForTeacherWeek(req, teacher, monday)
  const school = await schoolOfSlots(req, slots)
  if (slots.length === 0 || school === null) throw new PlanRefusal(400, 'plans.no-slots', { week: monday })
  const schoolYear = slots[0]!.schoolYear
  const existing = (await req.payload.db.findOne({ collection: TEACHING_PLANS_SLUG, where: { and: [{ teacher: { equals: teacher } }, { weekStart: { equals: monday } }] }, req })) as Doc | null
  if (existing && existing.status !== 'draft') throw new PlanRefusal(409, 'plans.not-draft')
  const kept = new Map(((existing?.rows ?? []) as Row[]).map((row) => [planSlotKey({ ...row, teachingAssignment: relationId(row.teachingAssignment)! }), row]))
  const adjusted = new Map([...kept].filter(([, row]) => row.lessonAdjusted === true && typeof row.lessonNumber === 'number').map(([key, row]) => [key, row.lessonNumber as number]))
  const catalogue = await loadLessonCatalogue(req, school, schoolYear, slots.map((s) => s.subject.id))
  const previous = await lastLessonsBefore(req, teacher, schoolYear, monday)
  const { rule, firstPeriodTime } = await planRuleOfSchool(req, school)
  const plan = generateWeekPlan({ slots, syllabi: catalogue.syllabi, previous, subjectGrades: catalogue.subjectGrades, adjusted })
  const subjectOf = new Map(slots.map((s) => [planSlotKey(s), s.subject.id]))
  const rows = plan.rows.map((row) => {
    const key = planSlotKey(row)
    const before = kept.get(key)
    return {
      date: row.date,
      day: row.day,
      session: row.session,
      period: row.period,
      class: row.classId,
      subject: subjectOf.get(key),
      teachingAssignment: row.teachingAssignment,
      lessonNumber: row.lessonNumber,
      lessonTitle: row.lessonTitle,
      lessonAdjusted: adjusted.has(key),
      note: before?.note ?? null,
      equipment: before?.equipment ?? null,
    }
  })
  const data = { school, teacher, weekStart: monday, schoolYear, rows, status: 'draft', deadline: planDeadline(monday, rule, firstPeriodTime), late: false }
  const options = { collection: TEACHING_PLANS_SLUG, data: data as never, depth: 0, overrideAccess: true, req, context: { [TRUSTED_WRITE]: true } } as const
  if (existing) return { doc: (await req.payload.update({ ...options, id: existing.id as ID })) as unknown as Doc, created: false }
  return { doc: (await req.payload.create(options)) as unknown as Doc, created: true }
}
