import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { isSchoolYear } from '../../website/schoolYear.ts'
import { RECORD_MANAGERS } from '../rights.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message, type MessageKey } from '../../translations/index.ts'
import { importStaff, staffListWorkbook, staffTemplate } from './staffSheets.ts'
import { ClassListForbidden, classListWorkbook, importStudents, studentTemplate } from './studentSheets.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const download = (buffer: Buffer, name: string) =>
  new Response(new Uint8Array(buffer), { headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

/** The school asked for (`?school=`), or the user's only one of `schools`; null when it is not one of them. */
function askedSchool(req: PayloadRequest, schools: readonly (number | string)[]): string | null {
  const ids = schools.map(String)
  const school = new URL(req.url ?? 'http://x').searchParams.get('school') ?? (ids.length === 1 ? ids[0]! : null)
  return school && ids.includes(school) ? school : null
}

/** GET …/import-template: the sheet to fill in, with its Vietnamese headers. */
const templateEndpoint = (make: () => Promise<Buffer>, name: string): Endpoint => ({
  path: '/import-template',
  method: 'get',
  handler: async (req) => (req.user ? download(await make(), name) : errorResponse(req, 401, 'records.login-required')),
})

/**
 * POST …/import (multipart field "file", `?school=` when the manager has several): a records manager
 * imports a sheet into their school, all rows or none, answered with a row/column report. `query`
 * reads the sheet's other parameters (e.g. the school year) before anything else is checked.
 */
function importEndpoint<Query>(sheet: {
  query: z.ZodType<Query>
  run: (req: PayloadRequest, args: { school: string; query: Query; buffer: Buffer }) => Promise<{ ok: boolean; errors: readonly unknown[] }>
  /** For the server log when the file cannot be read. */
  log: string
  messages: { forbidden: MessageKey; unreadable: MessageKey; errors: MessageKey }
}): Endpoint {
  return {
    path: '/import',
    method: 'post',
    handler: async (req) => {
      const actor = currentUser(req)
      if (!actor) return errorResponse(req, 401, 'records.login-required')
      const query = sheet.query.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
      if (!query.success) return errorResponse(req, 400, 'records.bad-request', { details: query.error.issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ') })
      const school = askedSchool(req, schoolsWhereUserHas(actor, RECORD_MANAGERS))
      if (!school) return errorResponse(req, 403, sheet.messages.forbidden)
      await addDataAndFileToRequest(req)
      if (!req.file?.data?.length) return errorResponse(req, 400, 'excel.no-file')
      let report
      try {
        report = await sheet.run(req, { school, query: query.data, buffer: req.file.data })
      } catch (error) {
        req.payload.logger.error({ err: error, msg: sheet.log })
        return errorResponse(req, 400, sheet.messages.unreadable)
      }
      if (!report.ok) return errorResponse(req, 400, sheet.messages.errors, { count: report.errors.length }, { report })
      return Response.json({ ok: true, report })
    },
  }
}

/** GET /api/students/import-template → the .xlsx template with Vietnamese headers. */
export const studentTemplateEndpoint = templateEndpoint(studentTemplate, 'mau-nhap-hoc-sinh.xlsx')

/** POST /api/students/import?schoolYear=2026-2027 (multipart field "file"): all rows or none. */
export const studentImportEndpoint = importEndpoint({
  query: z.object({ schoolYear: z.string().refine(isSchoolYear, { error: 'records.bad-from-year' }) }),
  run: (req, { school, query, buffer }) => importStudents(req, { school, schoolYear: query.schoolYear, buffer }),
  log: 'student import failed',
  messages: { forbidden: 'excel.student-import-forbidden', unreadable: 'excel.student-unreadable', errors: 'excel.student-errors' },
})

/** GET /api/classes/:id/export → the class list as .xlsx, masked for readers without the right. */
export const classExportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    try {
      const { name, buffer } = await classListWorkbook(req, String(req.routeParams?.id))
      return download(buffer, name)
    } catch (error) {
      if (error instanceof ClassListForbidden) return errorResponse(req, 403, 'records.class-export-forbidden')
      return errorResponse(req, 404, 'records.class-not-found')
    }
  },
}

/** GET /api/staff/import-template: the staff sheet with its Vietnamese headers and an example row. */
export const staffTemplateEndpoint = templateEndpoint(staffTemplate, 'mau-nhap-nhan-su.xlsx')

/** POST /api/staff/import (multipart "file"): all rows or none, with a row/column report. */
export const staffImportEndpoint = importEndpoint({
  query: z.object({}),
  run: (req, { school, buffer }) => importStaff(req, { school, buffer }),
  log: 'staff import failed',
  messages: { forbidden: 'excel.staff-import-forbidden', unreadable: 'excel.staff-unreadable', errors: 'excel.staff-errors' },
})

/** GET /api/staff/export?school=…: the staff list, full for managers, the directory subset for others. */
export const staffExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const school = askedSchool(req, schoolsWhereUserHas(actor))
    if (!school) return errorResponse(req, 403, 'excel.not-member')
    return download(await staffListWorkbook(req, school), 'danh-sach-nhan-su.xlsx')
  },
}
