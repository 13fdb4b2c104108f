import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { relationId, schoolsWhereUserHas, type RoleHolder } from '../roles.ts'
import { message } from '../translations/index.ts'
import { disclosureStatuses, type DisclosureStatus } from './disclosureDeadlines.ts'
import { currentSchoolYear, isSchoolYear } from './schoolYear.ts'
import type { DisclosureGroup } from './sections.ts'

/** GET /api/disclosures/compliance?school=<id>&year=2025-2026: required groups missing or overdue. */
export const disclosureComplianceEndpoint: Endpoint = {
  path: '/compliance',
  method: 'get',
  handler: async (req) => {
    const user = req.user as unknown as RoleHolder | null
    if (!user) return Response.json({ errors: [{ message: message(req, 'workflow.not-in-school') }] }, { status: 401 })
    const url = new URL(req.url ?? 'http://localhost')
    const year = url.searchParams.get('year') ?? currentSchoolYear()
    if (!isSchoolYear(year)) return Response.json({ errors: [{ message: message(req, 'workflow.bad-request', { details: 'year' }) }] }, { status: 400 })
    const requested = url.searchParams.get('school')
    const mine = schoolsWhereUserHas(user)
    const schoolId = requested ?? (mine.length === 1 ? String(mine[0]) : null)
    if (!schoolId) return Response.json({ errors: [{ message: message(req, 'content.school-required') }] }, { status: 400 })
    const school = await req.payload.findByID({ collection: 'schools', id: schoolId, depth: 0, user: req.user, overrideAccess: false, disableErrors: true, req })
    if (!school) return Response.json({ errors: [{ message: message(req, 'content.not-member') }] }, { status: 403 })
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
