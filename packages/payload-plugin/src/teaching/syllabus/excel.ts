import { APIError, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { currentUser, relationId } from '../../roles.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { isSchoolYear } from '../../website/schoolYear.ts'
import { ledDepartments, maySyllabusWrite, schoolsWhereSyllabusWriter } from './access.ts'
import { readSyllabusSheet, syllabusTemplate, type SheetError } from './sheet.ts'

/**
 * GET /api/syllabi/template.xlsx and POST /api/syllabi/import (multipart: "file" plus the fields
 * subject, grade, schoolYear, and department / school when they are not implied): a PPCT in from
 * Excel, all rows or none, answered with a row/column report. The lessons of that PPCT are
 * replaced (it is created when the school has none for that subject, grade and year). The write
 * goes through the Local API as the request's user: access and the save hook (syllabi.ts) apply.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
const SLUG = 'syllabi'

type ID = number | string

const id = z.union([z.string().trim().min(1), z.number()]).transform(String)
const params = z.object({
  subject: z.string({ error: 'syllabus.import-subject-required' }).trim().min(1, { error: 'syllabus.import-subject-required' }),
  grade: z.coerce.number({ error: 'syllabus.import-bad-grade' }).int({ error: 'syllabus.import-bad-grade' }).min(1, { error: 'syllabus.import-bad-grade' }).max(12, { error: 'syllabus.import-bad-grade' }),
  schoolYear: z.string({ error: 'records.bad-from-year' }).refine(isSchoolYear, { error: 'records.bad-from-year' }),
  department: id.optional(),
  school: id.optional(),
})

const download = (buffer: Buffer, name: string) =>
  new Response(new Uint8Array(buffer), { headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

export const syllabusTemplateEndpoint: Endpoint = {
  path: '/template.xlsx',
  method: 'get',
  handler: async (req) => (req.user ? download(await syllabusTemplate(), 'mau-phan-phoi-chuong-trinh.xlsx') : errorResponse(req, 401, 'records.login-required')),
}

/** The multipart body's file and text fields (Payload's own parser keeps only `_payload`), or an error response. */
async function readForm(req: PayloadRequest): Promise<{ file: Buffer | null; fields: Record<string, unknown> } | Response> {
  const type = req.headers.get('content-type') ?? ''
  if (!type.includes('multipart/form-data') || typeof req.formData !== 'function') return { file: null, fields: {} }
  if (Number(req.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return errorResponse(req, 413, 'syllabus.file-too-large', { max: MAX_UPLOAD_BYTES / 1024 / 1024 })
  const form = await req.formData()
  const fields: Record<string, unknown> = {}
  let file: Buffer | null = null
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (name === '_payload') Object.assign(fields, JSON.parse(value) as Record<string, unknown>)
      else fields[name] = value
    } else if (name === 'file') file = Buffer.from(await value.arrayBuffer())
  }
  if (file && file.length > MAX_UPLOAD_BYTES) return errorResponse(req, 413, 'syllabus.file-too-large', { max: MAX_UPLOAD_BYTES / 1024 / 1024 })
  return { file, fields }
}

const badRequest = (req: PayloadRequest, issues: readonly { message: string }[]) =>
  errorResponse(req, 400, 'records.bad-request', { details: issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ') })

export const syllabusImportEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    let form
    try {
      form = await readForm(req)
    } catch {
      return errorResponse(req, 400, 'syllabus.unreadable')
    }
    if (form instanceof Response) return form
    // The fields of the form, else the query string (a script's `?subject=…&grade=…`).
    const query = Object.fromEntries(new URL(req.url ?? 'http://x').searchParams)
    const parsed = params.safeParse({ ...query, ...form.fields })
    if (!parsed.success) return badRequest(req, parsed.error.issues)
    const { subject, grade, schoolYear } = parsed.data

    const writable = schoolsWhereSyllabusWriter(actor).map(String)
    if (writable.length === 0) return errorResponse(req, 403, 'syllabus.import-forbidden')
    const school = parsed.data.school ?? (writable.length === 1 ? writable[0]! : null)
    if (school === null) return errorResponse(req, 400, 'syllabus.import-school-required')
    if (!writable.includes(school)) return errorResponse(req, 403, 'syllabus.import-forbidden')

    const existing = (await req.payload.find({
      collection: SLUG,
      where: { and: [{ school: { equals: school } }, { subjectName: { equals: subject.normalize('NFC') } }, { grade: { equals: grade } }, { schoolYear: { equals: schoolYear } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })).docs[0] as { id: ID; department?: unknown } | undefined
    const led = ledDepartments(actor).filter((l) => String(l.school) === school)
    const department = parsed.data.department ?? relationId(existing?.department) ?? (led.length === 1 ? led[0]!.department : null)
    if (department === null) return errorResponse(req, 400, 'syllabus.department-required')
    const vars = { subject, grade, year: schoolYear }
    if (!maySyllabusWrite(actor, school, department) || (existing && !maySyllabusWrite(actor, school, existing.department))) return errorResponse(req, 403, 'syllabus.write-forbidden', vars)
    if (!form.file?.length) return errorResponse(req, 400, 'excel.no-file')

    let sheet
    try {
      sheet = await readSyllabusSheet(req, form.file)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'syllabus import unreadable' })
      return errorResponse(req, 400, 'syllabus.unreadable')
    }
    const refused = (status: number, errors: SheetError[]) => errorResponse(req, status, 'syllabus.import-errors', { count: errors.length }, { report: { ok: false, lessons: 0, errors } })
    if (!sheet.ok) return refused(400, sheet.errors)

    // One document written once: the save is all the rows or none of them.
    try {
      const options = { overrideAccess: false, user: req.user, req, depth: 0 } as const
      const saved = existing
        ? await req.payload.update({ collection: SLUG, id: existing.id, data: { department, lessons: sheet.lessons } as never, ...options })
        : await req.payload.create({ collection: SLUG, data: { school, subjectName: subject, grade, schoolYear, department, lessons: sheet.lessons } as never, ...options })
      return Response.json({ ok: true, id: saved.id, report: { ok: true, lessons: sheet.lessons.length, errors: [] } })
    } catch (error) {
      if (error instanceof ValidationError) {
        const rows = sheet.rowNumbers
        return refused(
          400,
          (error.data?.errors ?? []).map((e: { path?: string; message: string }) => {
            const index = /^lessons\.(\d+)\./.exec(String(e.path ?? ''))
            return { row: index ? (rows[Number(index[1])] ?? null) : null, column: index ? '' : String(e.path ?? ''), message: e.message }
          }),
        )
      }
      if (error instanceof APIError && error.status >= 400 && error.status < 500) return refused(error.status, [{ row: null, column: '', message: error.message }])
      throw error
    }
  },
}

export const syllabusExcelEndpoints: Endpoint[] = [syllabusTemplateEndpoint, syllabusImportEndpoint]
