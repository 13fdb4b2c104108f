import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { isDay } from '../../calendar/days.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { isSchoolYear } from '../../website/schoolYear.ts'
import { progressReport } from './report.ts'


export const progressQuery = z.object({
  schoolYear: z.string({ error: 'progress.bad-school-year' }).refine(isSchoolYear, { error: 'progress.bad-school-year' }),
  term: z.enum(['hk1', 'hk2'], { error: 'progress.bad-term' }),
  asOf: z.string().refine(isDay, { error: 'progress.bad-as-of' }).optional(),
})

export type ProgressQuery = z.infer<typeof progressQuery>

/** The query read, or the Vietnamese (or English) 400 naming every bad parameter. */
export function parseProgressQuery(req: PayloadRequest, params: Record<string, unknown>): { ok: true; data: ProgressQuery } | { ok: false; response: Response } {
  const parsed = progressQuery.safeParse(params)
  if (parsed.success) return { ok: true, data: parsed.data }
  const details = parsed.error.issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ')
  return { ok: false, response: errorResponse(req, 400, 'records.bad-request', { details }) }
}

/**
 * GET /api/gradebook/progress?schoolYear=2026-2027&term=hk1|hk2[&asOf=YYYY-MM-DD]: per class-subject
 * the caller follows, entered / due / required marks per kind, overdue, and the next deadline
 * (progress/report.ts decides who sees what; progress/deadlines.ts when what is due).
 */
export const progressEndpoint: Endpoint = {
  path: '/gradebook/progress',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const query = parseProgressQuery(req, Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!query.ok) return query.response
    const report = await progressReport(req, query.data)
    if ('status' in report) return errorResponse(req, report.status, report.key)
    return Response.json(report)
  },
}
