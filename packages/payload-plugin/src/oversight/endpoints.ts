import type { Endpoint, PayloadRequest } from 'payload'

import { errorResponse, issueDetails } from '../translations/errorResponse.ts'
import { oversightOfSchools, type SchoolOversight } from './dashboard.ts'
import { matchesLevel, oversightParams, oversightQuerySchema, oversightReader, schoolsOfReader, type OversightParams } from './query.ts'
import { reportDeadlines } from './deadlines.ts'

/** The figures of the reader's schools that the query keeps (level, behind, one school). */
export async function overseenRows(req: PayloadRequest, params: OversightParams, now = new Date()): Promise<SchoolOversight[]> {
  const actor = oversightReader(req)
  if (!actor) return []
  const rows = await oversightOfSchools(req, schoolsOfReader(actor), { schoolYear: params.schoolYear, term: params.term, today: now })
  return rows.filter((r) => matchesLevel(r.school.level, params.level) && (!params.behindOnly || r.behind.length > 0) && (!params.school || r.school.slug === params.school || String(r.school.id) === params.school))
}

/** Parses the query; a refusal as a Response. */
export function parseOversightQuery(req: PayloadRequest): OversightParams | Response {
  if (!req.user) return errorResponse(req, 403, 'oversight.forbidden')
  if (!oversightReader(req)) return errorResponse(req, 403, 'oversight.forbidden')
  const parsed = oversightQuerySchema.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
  if (!parsed.success) {
    req.payload.logger.info(`oversight: bad query ${req.url}`)
    return errorResponse(req, 400, 'oversight.bad-query', { details: issueDetails(req, parsed.error.issues) })
  }
  return oversightParams(parsed.data)
}

/**
 * GET /api/oversight/schools?schoolYear=2026-2027&term=1|2[&level=TH][&behind=1]: one object per school
 * the caller's tier oversees (docs/domain.md § Oversight). Counts only: no person's name or data.
 */
export const oversightSchoolsEndpoint: Endpoint = {
  path: '/oversight/schools',
  method: 'get',
  handler: async (req) => {
    const params = parseOversightQuery(req)
    if (params instanceof Response) return params
    const schools = await overseenRows(req, params)
    return Response.json({ schoolYear: params.schoolYear, term: params.term, generatedAt: new Date().toISOString(), deadlines: reportDeadlines(params.schoolYear), schools })
  },
}
