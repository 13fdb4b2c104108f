import type { DisclosureGroup } from '@truongso/snapshot'
import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import { calendarDay } from '../calendar/days.ts'
import { holidaysAround } from '../calendar/workingDays.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../roles.ts'
import { listedHolidays } from './publicHolidays.ts'
import { disclosureStatuses, type DisclosureStatus } from './disclosureDeadlines.ts'
import { currentSchoolYear, isSchoolYear } from './schoolYear.ts'
import { errorResponse } from '../translations/errorResponse.ts'

/** GET /api/disclosures/compliance?school=<id>&year=2025-2026: required groups missing or overdue. */
export const disclosureComplianceEndpoint: Endpoint = {
  path: '/compliance',
  method: 'get',
  handler: async (req) => {
    const user = currentUser(req)
    if (!user) return errorResponse(req, 401, 'workflow.not-in-school')
    const url = new URL(req.url ?? 'http://localhost')
    const year = url.searchParams.get('year') ?? currentSchoolYear()
    if (!isSchoolYear(year)) return errorResponse(req, 400, 'workflow.bad-request', { details: 'year' })
    const requested = url.searchParams.get('school')
    const mine = schoolsWhereUserHas(user)
    const schoolId = requested ?? (mine.length === 1 ? String(mine[0]) : null)
    if (!schoolId) return errorResponse(req, 400, 'content.school-required')
    const school = await req.payload.findByID({ collection: 'schools', id: schoolId, depth: 0, user: req.user, overrideAccess: false, disableErrors: true, req })
    if (!school) return errorResponse(req, 403, 'content.not-member')
    const statuses = await schoolDisclosureStatuses(req.payload, school as never, year, req)
    return Response.json({ school: school.slug, schoolYear: year, statuses })
  },
}

/**
 * Which Circular 09 disclosures a school has published, and which are missing, overdue or were
 * published late, for a year: the groups, the preschool plans, and each change of a disclosed fact.
 */
export async function schoolDisclosureStatuses(
  payload: Payload,
  school: { id: number | string; template?: unknown },
  year: string,
  req?: PayloadRequest,
  today = new Date(),
): Promise<DisclosureStatus[]> {
  return (await disclosureStatusesOfSchools(payload, [school], year, req, today)).get(String(school.id)) ?? []
}

/** The same for many schools at once (the oversight dashboard): two reads whatever their number. */
export async function disclosureStatusesOfSchools(
  payload: Payload,
  schools: readonly { id: number | string; template?: unknown }[],
  year: string,
  req?: PayloadRequest,
  today = new Date(),
): Promise<Map<string, DisclosureStatus[]>> {
  const inYear: { and: Where[] } = { and: [{ school: { in: schools.map((s) => relationId(s.id)) } }, { schoolYear: { equals: year } }] }
  const fields = { school: true, group: true, periodStart: true, changedOn: true, publishedDate: true, title: true } as const
  const [published, drafts, listed] = await Promise.all([
    payload.db.find({ collection: 'disclosures', where: { and: [...inYear.and, { _status: { equals: 'published' } }] }, pagination: false, limit: 0, select: fields, req }),
    // Latest drafts naming a change their published version does not have yet.
    payload.find({ collection: 'disclosures', where: { and: [...inYear.and, { changedOn: { exists: true } }] }, draft: true, depth: 0, pagination: false, select: fields, overrideAccess: true, req }),
    listedHolidays(payload),
  ])
  const holidays = holidaysAround(calendarDay(today)!, listed)
  type Row = { id: number | string; school?: unknown; group?: unknown; periodStart?: unknown; changedOn?: unknown; publishedDate?: unknown; title?: unknown }
  const publishedDocs = published.docs as unknown as Row[]
  const publishedChange = new Map(publishedDocs.map((d) => [String(d.id), calendarDay(d.changedOn)]))
  const bySchool = <T extends { school?: unknown }>(docs: T[]) => {
    const map = new Map<string, T[]>()
    for (const d of docs) map.set(String(relationId(d.school)), [...(map.get(String(relationId(d.school))) ?? []), d])
    return map
  }
  const publishedOf = bySchool(publishedDocs)
  const draftsOf = bySchool(drafts.docs)
  const ofSchool = <T,>(map: Map<string, T[]>, id: number | string) => map.get(String(id)) ?? []
  const statuses = new Map<string, DisclosureStatus[]>()
  for (const school of schools) {
    const pendingChanges = ofSchool(draftsOf, school.id).flatMap((d) => {
      const changedOn = calendarDay(d.changedOn)
      return changedOn && publishedChange.get(String(d.id)) !== changedOn ? [{ id: d.id as number | string, title: String(d.title ?? ''), group: d.group as DisclosureGroup, changedOn }] : []
    })
    statuses.set(
      String(school.id),
      disclosureStatuses({
        schoolYear: year,
        isPreschool: school.template === 'preschool',
        published: ofSchool(publishedOf, school.id).map((d) => ({ id: d.id as number | string, title: String(d.title ?? ''), group: d.group as DisclosureGroup, periodStart: d.periodStart as string | null, changedOn: (d.changedOn as string | null) ?? null, publishedDate: (d.publishedDate as string | null) ?? null })),
        pendingChanges,
        holidays,
        today,
      }),
    )
  }
  return statuses
}
