import type { PayloadRequest } from 'payload'

import { addDays, calendarDay, vietnamDay } from '../calendar/days.ts'
import { holidaysAround, isWorkingDay } from '../calendar/workingDays.ts'
import { relationId } from '../roles.ts'
import { disclosureStatusesOfSchools } from '../website/disclosureCompliance.ts'
import { listedHolidays } from '../website/publicHolidays.ts'
import { groupCounts, type CountSpec, type Group } from './groupCounts.ts'
import { TIERS_SLUG } from './slugs.ts'

type ID = number | string
export type Term = 1 | 2

/** Thresholds of "behind" (docs/domain.md § Oversight): what the office chases a school for. */
export const BEHIND = {
  /** No post published for this many days. */
  quietDays: 30,
  /** A review waiting longer than this. */
  staleReviewDays: 7,
  /** Class log periods signed, attendance registers taken: below this share. */
  minimumShare: 0.9,
} as const

export type Percent = number | null
export type GradeProgress = {
  grade: number
  classes: number
  /** Student × subject pairs the term's teaching assignments ask marks for. */
  expected: number
  regular: number
  midTerm: number
  endTerm: number
}
export type BehindReason =
  | 'no-recent-post'
  | 'stale-reviews'
  | 'disclosures-overdue'
  | 'marks-missing'
  | 'teaching-plans-missing'
  | 'lesson-plans-late'
  | 'class-logs-unsigned'
  | 'attendance-missing'
  | 'passwords-unchanged'

/** One school's row of the dashboard: counts only, never a name of a person. */
export type SchoolOversight = {
  school: { id: ID; slug: string; name: string; level: string; template: string; tier: { id: ID; name: string } | null }
  term: { start: string; end: string } | null
  website: { lastPostAt: string | null; postsLast30Days: number; pendingReviewsOver7Days: number; disclosuresMissing: number; disclosuresOverdue: number; disclosuresLate: number }
  gradebook: { grades: GradeProgress[]; expected: number; regular: number; midTerm: number; endTerm: number; endTermPercent: Percent; classes: number; classesApproved: number }
  lessonPlans: { handedIn: number; onTime: number; late: number; onTimePercent: Percent }
  teachingPlans: { expected: number; submitted: number; onTime: number; late: number; missing: number; onTimePercent: Percent }
  classLogs: { periods: number; signed: number; signedPercent: Percent }
  attendance: { expected: number; taken: number; takenPercent: Percent }
  accounts: { total: number; passwordNeverChanged: number }
  behind: BehindReason[]
}

export type OversightQuery = { schoolYear: string; term: Term; today?: Date }

const percent = (part: number, whole: number): Percent => (whole > 0 ? Math.round((Math.min(part, whole) / whole) * 1000) / 10 : null)
const termCode = (term: Term) => (term === 1 ? 'hk1' : 'hk2')

/** Groups by their school (first key), for the figures that need the rest of the key. */
function groupsBySchool(groups: Group[]): Map<string, Group[]> {
  const out = new Map<string, Group[]>()
  for (const g of groups) out.set(g.key[0]!, [...(out.get(g.key[0]!) ?? []), g])
  return out
}

/** Groups keyed by their first field (the school), summed over the rest with `pick`. */
function bySchool(groups: Group[], pick: (g: Group) => number = (g) => g.count): Map<string, number> {
  const out = new Map<string, number>()
  for (const g of groups) out.set(g.key[0]!, (out.get(g.key[0]!) ?? 0) + pick(g))
  return out
}

type SchoolDoc = { id: ID; slug?: unknown; name?: unknown; level?: unknown; template?: unknown; tier?: unknown; stt?: unknown }

/**
 * The dashboard's figures for the given schools, for a school year and term, as of `today`. Every
 * figure is a database GROUP BY over all the schools at once (groupCounts), never a loop over records;
 * only the per-school term dates and the Circular 09 rules are applied in code.
 */
export async function oversightOfSchools(req: PayloadRequest, schoolIds: readonly ID[], query: OversightQuery): Promise<SchoolOversight[]> {
  const { payload } = req
  const today = query.today ?? new Date()
  const day = vietnamDay(today)
  const term = termCode(query.term)
  const year = query.schoolYear
  const ids = [...schoolIds]
  if (ids.length === 0) return []
  const inSchools = { field: 'school', op: 'in', value: ids.map((id) => (typeof id === 'number' ? id : String(id))) } as const
  const count = (spec: CountSpec) => groupCounts(payload, spec, { req })
  const inYear = { field: 'schoolYear', op: 'equals', value: year } as const
  const inTerm = { field: 'term', op: 'equals', value: term } as const

  const [schoolDocs, tierDocs, schoolYears, listed] = await Promise.all([
    // Plain reads straight from the adapter (no hooks, no access: these are counts for a reader already checked).
    payload.db.find({ collection: 'schools', where: { id: { in: ids } }, pagination: false, limit: 0, sort: 'stt', select: { slug: true, name: true, level: true, template: true, tier: true, stt: true }, req }),
    payload.db.find({ collection: TIERS_SLUG, pagination: false, limit: 0, select: { name: true }, req }),
    payload.db.find({ collection: 'school-years', where: { and: [{ school: { in: ids } }, { name: { equals: year } }] }, pagination: false, limit: 0, select: { school: true, terms: true }, req }),
    listedHolidays(payload),
  ])
  const holidays = holidaysAround(day, listed)
  const tierName = new Map(tierDocs.docs.map((t) => [String(t.id), String((t as { name?: unknown }).name ?? '')]))
  const termOf = new Map<string, { start: string; end: string }>()
  for (const doc of schoolYears.docs as { school?: unknown; terms?: { term?: string; start?: unknown; end?: unknown }[] }[]) {
    const row = (doc.terms ?? []).find((t) => t.term === term)
    const start = calendarDay(row?.start)
    const end = calendarDay(row?.end)
    if (start && end) termOf.set(String(relationId(doc.school)), { start, end })
  }

  const thirtyDaysAgo = new Date(today.getTime() - BEHIND.quietDays * 86_400_000).toISOString()
  const weekAgo = new Date(today.getTime() - BEHIND.staleReviewDays * 86_400_000).toISOString()
  const inReview = { field: 'workflowState', op: 'in', value: ['submitted', 'leader-approved'] } as const
  const staleReview = { field: 'updatedAt', op: 'lt', value: weekAgo } as const
  const [
    lastPosts, recentPosts, pendingPosts, pendingDisclosures, pendingDocuments, pendingLessonPlans,
    marks, assignments, enrolledOpen, enrolledFinished, classDocs, approvals,
    lessonPlanWeeks, teachingPlanWeeks, logPeriods, attendanceSessions, memberships, unchanged, disclosures,
  ] = await Promise.all([
    count({ collection: 'posts', where: [inSchools, { field: '_status', op: 'equals', value: 'published' }], groupBy: ['school'], max: ['publishedDate'] }),
    count({ collection: 'posts', where: [inSchools, { field: '_status', op: 'equals', value: 'published' }, { field: 'publishedDate', op: 'gte', value: thirtyDaysAgo }], groupBy: ['school'] }),
    // Posts and disclosures keep their review state in their latest version (drafts).
    count({ collection: 'posts', latestVersions: true, where: [inSchools, inReview, staleReview], groupBy: ['school'] }),
    count({ collection: 'disclosures', latestVersions: true, where: [inSchools, inReview, staleReview], groupBy: ['school'] }),
    count({ collection: 'education-documents', where: [inSchools, inReview, staleReview], groupBy: ['school'] }),
    count({ collection: 'lesson-plans', where: [inSchools, inReview, staleReview], groupBy: ['school'] }),
    count({ collection: 'marks', where: [inSchools, inYear, inTerm], groupBy: ['school', 'class'], notNull: ['regular', 'midTerm', 'endTerm', 'midTermLevel', 'endTermLevel'] }),
    count({ collection: 'teaching-assignments', where: [inSchools, inYear, { field: 'term', op: 'in', value: [term, 'year'] }], groupBy: ['school', 'class'] }),
    count({ collection: 'enrolments', where: [inSchools, inYear, { field: 'endDate', op: 'exists', value: false }], groupBy: ['school', 'class'] }),
    count({ collection: 'enrolments', where: [inSchools, inYear, { field: 'endKind', op: 'equals', value: 'year-end' }], groupBy: ['school', 'class'] }),
    // The classes themselves (a few per school): marks and assignments name the class, the figures go by its grade.
    payload.db.find({ collection: 'classes', where: { and: [{ school: { in: ids } }, { schoolYear: { equals: year } }] }, pagination: false, limit: 0, select: { school: true, grade: true }, req }),
    count({ collection: 'class-results-approvals', where: [inSchools, inYear], groupBy: ['school'] }),
    count({ collection: 'lesson-plans', where: [inSchools, inYear, { field: 'submittedAt', op: 'exists', value: true }], groupBy: ['school', 'weekStart'], isTrue: ['late'] }),
    count({ collection: 'teaching-plans', where: [inSchools, inYear, { field: 'deadline', op: 'lt', value: today.toISOString() }], groupBy: ['school', 'weekStart', 'status'], isTrue: ['late'] }),
    count({ collection: 'class-logs', array: { field: 'rows', table: 'log_rows' }, where: [inSchools, inYear, inTerm, { field: 'date', op: 'lte', value: day }], groupBy: ['school'], notNull: ['signedAt'] }),
    // One register per class and school day: the morning session's (every class has one).
    count({ collection: 'attendance-sessions', where: [inSchools, inYear, inTerm, { field: 'session', op: 'equals', value: 'morning' }, { field: 'date', op: 'lte', value: day }], groupBy: ['school'] }),
    count({ collection: 'users', array: { field: 'memberships', table: 'users_memberships' }, groupByArrayRow: true, where: [], groupBy: ['school'] }),
    count({ collection: 'users', array: { field: 'memberships', table: 'users_memberships' }, groupByArrayRow: true, where: [{ field: 'passwordSetByAdmin', op: 'equals', value: true }], groupBy: ['school'] }),
    disclosureStatusesOfSchools(payload, schoolDocs.docs as SchoolDoc[], year, req, today),
  ])

  const lastPostOf = new Map(lastPosts.map((g) => [g.key[0]!, g.max.publishedDate ?? null]))
  const recentOf = bySchool(recentPosts)
  const pendingOf = [pendingPosts, pendingDisclosures, pendingDocuments, pendingLessonPlans].map((g) => bySchool(g))
  const classRows = classDocs.docs as { id: ID; school?: unknown; grade?: unknown }[]
  const classCountOf = new Map<string, number>()
  for (const c of classRows) classCountOf.set(String(relationId(c.school)), (classCountOf.get(String(relationId(c.school))) ?? 0) + 1)
  const approvedOf = bySchool(approvals)
  const periodsOf = bySchool(logPeriods)
  const signedOf = bySchool(logPeriods, (g) => g.notNull.signedAt ?? 0)
  const takenOf = bySchool(attendanceSessions)
  const accountsOf = bySchool(memberships)
  const unchangedOf = bySchool(unchanged)
  const lessonPlansOf = groupsBySchool(lessonPlanWeeks)
  const teachingPlansOf = groupsBySchool(teachingPlanWeeks)

  const gradeOfClass = new Map(classRows.map((c) => [String(c.id), Number(c.grade)]))
  const studentsOfClass = new Map<string, number>()
  for (const g of [...enrolledOpen, ...enrolledFinished]) studentsOfClass.set(g.key[1]!, (studentsOfClass.get(g.key[1]!) ?? 0) + g.count)
  const grades = new Map<string, Map<number, GradeProgress>>()
  const gradeRow = (school: string, grade: number) => {
    const rows = grades.get(school) ?? new Map<number, GradeProgress>()
    grades.set(school, rows)
    const row = rows.get(grade) ?? { grade, classes: 0, expected: 0, regular: 0, midTerm: 0, endTerm: 0 }
    rows.set(grade, row)
    return row
  }
  for (const c of classRows) gradeRow(String(relationId(c.school)), Number(c.grade)).classes += 1
  for (const g of assignments) {
    const grade = gradeOfClass.get(g.key[1]!)
    if (grade !== undefined) gradeRow(g.key[0]!, grade).expected += g.count * (studentsOfClass.get(g.key[1]!) ?? 0)
  }
  for (const g of marks) {
    const grade = gradeOfClass.get(g.key[1]!)
    if (grade === undefined) continue
    const row = gradeRow(g.key[0]!, grade)
    row.regular += g.notNull.regular ?? 0
    row.midTerm += Math.max(g.notNull.midTerm ?? 0, g.notNull.midTermLevel ?? 0)
    row.endTerm += Math.max(g.notNull.endTerm ?? 0, g.notNull.endTermLevel ?? 0)
  }

  return (schoolDocs.docs as SchoolDoc[]).map((doc): SchoolOversight => {
    const id = String(doc.id)
    const range = termOf.get(id) ?? null
    const inRange = (week: string | undefined) => Boolean(range && week && week >= range.start && week <= range.end)
    const plans = (lessonPlansOf.get(id) ?? []).filter((g) => inRange(g.key[1]))
    const handedIn = plans.reduce((n, g) => n + g.count, 0)
    const late = plans.reduce((n, g) => n + (g.isTrue.late ?? 0), 0)
    const weeks = (teachingPlansOf.get(id) ?? []).filter((g) => inRange(g.key[1]))
    const expectedPlans = weeks.reduce((n, g) => n + g.count, 0)
    const submitted = weeks.filter((g) => g.key[2] !== 'draft').reduce((n, g) => n + g.count, 0)
    const latePlans = weeks.filter((g) => g.key[2] !== 'draft').reduce((n, g) => n + (g.isTrue.late ?? 0), 0)
    const statuses = disclosures.get(id) ?? []
    const gradeRows = [...(grades.get(id)?.values() ?? [])].sort((a, b) => a.grade - b.grade)
    const sum = (key: 'expected' | 'regular' | 'midTerm' | 'endTerm') => gradeRows.reduce((n, r) => n + r[key], 0)
    const schoolDays = range ? schoolDaysBetween(range.start, day < range.end ? day : range.end, holidays) : 0
    const classCount = classCountOf.get(id) ?? 0
    const row: SchoolOversight = {
      school: {
        id: doc.id,
        slug: String(doc.slug ?? ''),
        name: String(doc.name ?? ''),
        level: String(doc.level ?? ''),
        template: String(doc.template ?? ''),
        tier: relationId(doc.tier) === null ? null : { id: relationId(doc.tier)!, name: tierName.get(String(relationId(doc.tier))) ?? '' },
      },
      term: range,
      website: {
        lastPostAt: lastPostOf.get(id) ?? null,
        postsLast30Days: recentOf.get(id) ?? 0,
        pendingReviewsOver7Days: pendingOf.reduce((n, m) => n + (m.get(id) ?? 0), 0),
        disclosuresMissing: statuses.filter((s) => s.status === 'missing').length,
        disclosuresOverdue: statuses.filter((s) => s.status === 'overdue').length,
        disclosuresLate: statuses.filter((s) => s.status === 'late').length,
      },
      gradebook: { grades: gradeRows, expected: sum('expected'), regular: sum('regular'), midTerm: sum('midTerm'), endTerm: sum('endTerm'), endTermPercent: percent(sum('endTerm'), sum('expected')), classes: classCount, classesApproved: approvedOf.get(id) ?? 0 },
      lessonPlans: { handedIn, onTime: handedIn - late, late, onTimePercent: percent(handedIn - late, handedIn) },
      teachingPlans: { expected: expectedPlans, submitted, onTime: submitted - latePlans, late: latePlans, missing: expectedPlans - submitted, onTimePercent: percent(submitted - latePlans, expectedPlans) },
      classLogs: { periods: periodsOf.get(id) ?? 0, signed: signedOf.get(id) ?? 0, signedPercent: percent(signedOf.get(id) ?? 0, periodsOf.get(id) ?? 0) },
      attendance: { expected: classCount * schoolDays, taken: takenOf.get(id) ?? 0, takenPercent: percent(takenOf.get(id) ?? 0, classCount * schoolDays) },
      accounts: { total: accountsOf.get(id) ?? 0, passwordNeverChanged: unchangedOf.get(id) ?? 0 },
      behind: [],
    }
    row.behind = behindReasons(row, day)
    return row
  })
}

/** School days of a term so far: Monday to Friday, minus the public holidays (Saturday classes vary by school). */
export function schoolDaysBetween(start: string, end: string, holidays: ReadonlySet<string>): number {
  let days = 0
  for (let d = start; d <= end; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) days += 1
  return days
}

/** Why the office would chase the school; empty when it is up to date. */
export function behindReasons(row: SchoolOversight, today: string): BehindReason[] {
  const reasons: BehindReason[] = []
  if (row.website.postsLast30Days === 0) reasons.push('no-recent-post')
  if (row.website.pendingReviewsOver7Days > 0) reasons.push('stale-reviews')
  if (row.website.disclosuresOverdue > 0) reasons.push('disclosures-overdue')
  // End-of-term marks are due once the term is over.
  if (row.term && today > row.term.end && row.gradebook.endTerm < row.gradebook.expected) reasons.push('marks-missing')
  if (row.teachingPlans.missing > 0) reasons.push('teaching-plans-missing')
  if (row.lessonPlans.late > 0) reasons.push('lesson-plans-late')
  if (row.classLogs.signedPercent !== null && row.classLogs.signedPercent < BEHIND.minimumShare * 100) reasons.push('class-logs-unsigned')
  if (row.attendance.takenPercent !== null && row.attendance.takenPercent < BEHIND.minimumShare * 100) reasons.push('attendance-missing')
  if (row.accounts.passwordNeverChanged > 0) reasons.push('passwords-unchanged')
  return reasons
}
