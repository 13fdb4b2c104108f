import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { pageFooter } from '../books/decree30.ts'
import { pdfResponse } from '../books/endpoints.ts'
import { renderPdf } from '../books/render.ts'
import { currentSchoolYear, isSchoolYear } from '../website/schoolYear.ts'
import { buildOversightReport, reportHtml, reportXlsx, type ReportPeriod } from './report.ts'

import { errorResponse, issueDetails } from '../translations/errorResponse.ts'
import { oversightOfSchools, type SchoolOversight } from './dashboard.ts'
import { matchesLevel, oversightParams, oversightQuerySchema, oversightReader, type OversightParams } from './query.ts'
import { reportDeadlines } from './deadlines.ts'
import { overseenSchools } from '../roles.ts'

/** The figures of the reader's schools that the query keeps (level, behind, one school). */
export async function overseenRows(req: PayloadRequest, params: OversightParams, now = new Date()): Promise<SchoolOversight[]> {
  const actor = oversightReader(req)
  if (!actor) return []
  const rows = await oversightOfSchools(req, overseenSchools(actor), { schoolYear: params.schoolYear, term: params.term, today: now })
  return rows.filter((r) => matchesLevel(r.school.level, params.level) && (!params.behindOnly || r.behind.length > 0) && (!params.school || r.school.slug === params.school || String(r.school.id) === params.school))
}

/** Parses the query; a refusal as a Response. */
export function parseOversightQuery(req: PayloadRequest): OversightParams | Response {
  if (!oversightReader(req)) return errorResponse(req, 403, 'oversight.forbidden')
  // An empty field of the filter form ("all levels") means no filter.
  const parsed = oversightQuerySchema.safeParse(Object.fromEntries([...new URL(req.url ?? 'http://x').searchParams].filter(([, v]) => v !== '')))
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

const reportQuery = z.object({
  schoolYear: z.string().refine(isSchoolYear, 'oversight.bad-year').optional(),
  term: z.enum(['1', '2', 'year'], { message: 'report.bad-period' }),
  format: z.enum(['xlsx', 'pdf']).default('xlsx'),
})

/**
 * GET /api/oversight/report?schoolYear=2026-2027&term=1|2|year&format=xlsx|pdf: the report the tier sends
 * up, for its schools (seed 003 §III: term I by 30/12, the year by 30/6).
 */
export const oversightReportEndpoint: Endpoint = {
  path: '/oversight/report',
  method: 'get',
  handler: async (req) => {
    const actor = oversightReader(req)
    if (!actor) return errorResponse(req, 403, 'oversight.forbidden')
    const parsed = reportQuery.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!parsed.success) return errorResponse(req, 400, 'oversight.bad-query', { details: issueDetails(req, parsed.error.issues) })
    const schoolYear = parsed.data.schoolYear ?? currentSchoolYear()
    const period: ReportPeriod = parsed.data.term === 'year' ? 'year' : (Number(parsed.data.term) as 1 | 2)
    const report = await buildOversightReport(req, actor, overseenSchools(actor), schoolYear, period)
    const name = `bao-cao-${period === 'year' ? 'nam-hoc' : `hoc-ki-${period}`}-${schoolYear}`
    if (parsed.data.format === 'xlsx') {
      return new Response(new Uint8Array(await reportXlsx(report)), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="${name}.xlsx"`, 'Cache-Control': 'private, no-store' },
      })
    }
    try {
      return pdfResponse(await renderPdf(reportHtml(report), pageFooter()), `${name}.pdf`)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'oversight report rendering failed' })
      return errorResponse(req, 503, 'books.no-renderer')
    }
  },
}

/**
 * GET /api/oversight/export?schoolYear=2026-2027&term=1|2: the aggregates of the tier's schools for the
 * province's systems (IOC, CSDL ngành), in the documented format `truongso.oversight.v1`
 * (docs/oversight-export.md): counts and result distributions per school, no person's name or data,
 * and where the daily attendance feed is.
 */
export const oversightExportEndpoint: Endpoint = {
  path: '/oversight/export',
  method: 'get',
  handler: async (req) => {
    const params = parseOversightQuery(req)
    if (params instanceof Response) return params
    const actor = oversightReader(req)!
    const period: ReportPeriod = params.term
    const report = await buildOversightReport(req, actor, overseenSchools(actor), params.schoolYear, period)
    const { tier } = report
    const api = `${req.payload.config.serverURL || ''}${req.payload.config.routes.api ?? '/api'}`
    const body = {
      format: 'truongso.oversight.v1',
      generatedAt: report.generatedAt,
      schoolYear: params.schoolYear,
      term: params.term,
      tier: { code: tier.code, name: tier.name, kind: tier.kind },
      feeds: { attendanceDaily: `${api}/attendance/daily?date={YYYY-MM-DD}`, attendanceDailyCsv: `${api}/attendance/daily?date={YYYY-MM-DD}&format=csv` },
      schools: report.rows.map(({ school, term, website, gradebook, lessonPlans, teachingPlans, classLogs, attendance, accounts, behind, results }) => ({
        code: school.slug,
        name: school.name,
        level: school.level,
        tier: school.tier?.name ?? null,
        term,
        website,
        gradebook,
        lessonPlans,
        teachingPlans,
        classLogs,
        attendance,
        accounts,
        results,
        behind,
      })),
    }
    return new Response(JSON.stringify(body, null, 2), {
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': `attachment; filename="truongso-${tier.code ?? 'tier'}-${params.schoolYear}-hk${params.term}.json"`, 'Cache-Control': 'private, no-store' },
    })
  },
}
