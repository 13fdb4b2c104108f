import type { DisclosureGroup } from '@truongso/snapshot'
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { currentUser, relationId, schoolsWhereUserHas } from '../roles.ts'
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

/** Which Circular 09 groups a school has published, and which are missing or overdue, for a year. */
export async function schoolDisclosureStatuses(
  payload: Payload,
  school: { id: number | string; template?: unknown },
  year: string,
  req?: PayloadRequest,
): Promise<DisclosureStatus[]> {
  const published = await payload.find({
    collection: 'disclosures',
    where: { and: [{ school: { equals: relationId(school.id) } }, { schoolYear: { equals: year } }, { _status: { equals: 'published' } }] },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return disclosureStatuses({
    schoolYear: year,
    isPreschool: school.template === 'preschool',
    published: published.docs.map((d) => ({ group: d.group as DisclosureGroup, periodStart: d.periodStart as string | null })),
    today: new Date(),
  })
}
