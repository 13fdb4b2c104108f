import type { PayloadRequest } from 'payload'

import { relationId } from '../../roles.ts'
import { teachersOfLedDepartments } from '../../records/rights.ts'
import { addDays, mondayOf, schoolYearOfDay } from '../../calendar/days.ts'
import { TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from '../timetable/slugs.ts'
import { slotsForTeachersWeek } from '../timetable/week.ts'
import { statusSchoolsOf } from './access.ts'
import { isLate, planDeadline } from './deadline.ts'
import { planRuleOfSchool } from './settings.ts'
import { TEACHING_PLANS_SLUG } from './slugs.ts'

type ID = number | string
type Doc = Record<string, unknown>

export type PlanStatusRow = {
  teacher: { id: ID; name: string }
  /** Lessons that week in the timetable. */
  periods: number
  /** `missing`: no plan yet. */
  status: 'missing' | 'draft' | 'submitted' | 'acknowledged'
  /** Submitted after the deadline, or not submitted and the deadline has passed. */
  late: boolean
  deadline: string
  submittedAt: string | null
  plan: ID | null
}

export type PlanStatusReport = { weekStart: string; teachers: PlanStatusRow[] }

/**
 * Who has handed in the plan of the week containing `weekStart` (issue 14 item 3, "late plans show
 * in the team leader's and the board's views"): every teacher with lessons that week whom the caller
 * oversees — the board and the school admin their schools' teachers, a team leader their
 * department's — with the state and the deadline. Null when the caller oversees nobody.
 */
export async function planStatusReport(req: PayloadRequest, weekStart: string): Promise<PlanStatusReport | null> {
  const monday = mondayOf(weekStart)
  const schools = statusSchoolsOf(req)
  const colleagues = await teachersOfLedDepartments(req)
  if (schools.length === 0 && colleagues.length === 0) return null
  const candidates = new Map(colleagues.map((id) => [String(id), id]))
  if (schools.length > 0) {
    const years = [...new Set([monday, addDays(monday, 5)].map(schoolYearOfDay))]
    const slots = await req.payload.db.find({ collection: TIMETABLE_SLOTS_SLUG, where: { and: [{ school: { in: schools } }, { schoolYear: { in: years } }] }, pagination: false, select: { teacher: true }, req })
    for (const slot of slots.docs as Doc[]) {
      const teacher = relationId(slot.teacher)
      if (teacher !== null) candidates.set(String(teacher), teacher)
    }
  }
  if (candidates.size === 0) return { weekStart: monday, teachers: [] }
  const plans = await req.payload.db.find({ collection: TEACHING_PLANS_SLUG, where: { and: [{ teacher: { in: [...candidates.values()] } }, { weekStart: { equals: monday } }] }, pagination: false, req })
  const planOfTeacher = new Map((plans.docs as Doc[]).map((plan) => [String(relationId(plan.teacher)), plan]))
  const rules = new Map<string, Promise<string>>()
  const deadlineOf = (school: ID) => {
    if (!rules.has(String(school))) rules.set(String(school), planRuleOfSchool(req, school).then(({ rule, firstPeriodTime }) => planDeadline(monday, rule, firstPeriodTime)))
    return rules.get(String(school))!
  }
  // Every candidate's week from one read (not one per teacher: ~4 queries each made the board of a
  // 60-teacher school cost over half a second).
  const weeks = await slotsForTeachersWeek(req, [...candidates.values()], monday)
  // The school of a teacher without a plan: that of the timetable of their week's first lesson (generate.ts schoolOfSlots), all in one read.
  const firstTimetables = [...candidates.keys()].filter((id) => !planOfTeacher.has(id)).map((id) => weeks.get(id)?.[0]?.timetable).filter((id): id is ID => id !== undefined)
  const timetables = firstTimetables.length === 0 ? [] : ((await req.payload.db.find({ collection: TIMETABLES_SLUG, where: { id: { in: [...new Set(firstTimetables)] } }, pagination: false, select: { school: true }, req })).docs as Doc[])
  const schoolOfTimetable = new Map(timetables.map((t) => [String(t.id), relationId(t.school)]))
  const now = new Date()
  const rows: PlanStatusRow[] = []
  for (const teacher of candidates.values()) {
    const week = weeks.get(String(teacher)) ?? []
    if (week.length === 0) continue
    const plan = planOfTeacher.get(String(teacher))
    const school = plan ? relationId(plan.school) : (schoolOfTimetable.get(String(week[0]!.timetable)) ?? null)
    if (school === null || (!colleagues.some((id) => String(id) === String(teacher)) && !schools.some((id) => String(id) === String(school)))) continue
    const deadline = plan?.deadline ? new Date(String(plan.deadline)).toISOString() : await deadlineOf(school)
    const submittedAt = plan?.submittedAt ? new Date(String(plan.submittedAt)).toISOString() : null
    rows.push({
      teacher: { id: teacher, name: week[0]!.teacher.name },
      periods: week.length,
      status: plan ? (plan.status as PlanStatusRow['status']) : 'missing',
      late: plan?.status === 'draft' || !plan ? isLate(null, deadline, now) : plan.late === true,
      deadline,
      submittedAt,
      plan: plan ? (plan.id as ID) : null,
    })
  }
  rows.sort((a, b) => a.teacher.name.localeCompare(b.teacher.name, 'vi'))
  return { weekStart: monday, teachers: rows }
}
