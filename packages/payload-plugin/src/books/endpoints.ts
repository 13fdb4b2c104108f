import type { Endpoint, PayloadRequest } from 'payload'

import type { ClassDoc } from '../gradebook/loadGradebook.ts'
import { logPersonalDataRead } from '../records/hooks.ts'
import { readsWholeClass } from '../gradebook/resultsEndpoints.ts'
import { managesSchool, teachersOfLedDepartments } from '../records/rights.ts'
import { currentUser, relationId } from '../roles.ts'
import { errorResponse } from '../translations/errorResponse.ts'
import { currentSchoolYear, isSchoolYear } from '../website/schoolYear.ts'
import { classBookHtml, loadClassBook } from './classBook.ts'
import { pageFooter } from './decree30.ts'
import { fileNamePart } from './fileNames.ts'
import { renderPdf } from './render.ts'
import { loadRegistryBook, registryBookHtml } from './registryBook.ts'
import { bookSchool } from './school.ts'
import { loadTeacherBook, teacherBookHtml } from './teacherBook.ts'
import { loadTranscript, transcriptHtml } from './transcript.ts'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }

function yearParam(req: PayloadRequest): string | null {
  const asked = new URL(req.url ?? 'http://x').searchParams.get('schoolYear')
  if (asked === null || asked === '') return currentSchoolYear()
  return isSchoolYear(asked) ? asked : null
}

// ASCII name for old browsers, the UTF-8 one for the rest (RFC 6266).
const asciiName = fileNamePart

export function pdfResponse(pdf: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${asciiName(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}

async function render(req: PayloadRequest, html: string): Promise<Buffer | Response> {
  try {
    return await renderPdf(html, pageFooter())
  } catch (error) {
    req.payload.logger.error({ err: error, msg: 'book rendering failed' })
    return errorResponse(req, 503, 'books.no-renderer')
  }
}

/** GET /api/students/:id/transcript?schoolYear=2026-2027: the student's học bạ of that year, as PDF. */
export const transcriptEndpoint: Endpoint = {
  path: '/:id/transcript',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 403, 'records.login-required')
    const year = yearParam(req)
    if (!year) return errorResponse(req, 400, 'records.bad-from-year')
    const student = (await req.payload.db.findOne({ collection: 'students', where: { id: { equals: String(req.routeParams?.id) } }, req })) as Doc | null
    if (!student) return errorResponse(req, 404, 'books.student-not-found')
    const school = await bookSchool(req, relationId(student.school)!)
    if (!school) return errorResponse(req, 404, 'books.student-not-found')
    const data = await loadTranscript(req, student, year, school)
    if (!data) return errorResponse(req, 404, 'books.no-class', { year })
    const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: data.klass.id } }, req })) as ClassDoc | null
    if (!klass || !readsWholeClass(req, klass)) return errorResponse(req, 403, 'books.forbidden')
    const pdf = await render(req, transcriptHtml(data))
    if (pdf instanceof Response) return pdf
    // A transcript shows personal data (date of birth): printed like an export, it is logged as one.
    await logPersonalDataRead(req, 'export', [student as never])
    return pdfResponse(pdf, `hoc-ba-${data.student.studentCode}-${year}.pdf`)
  },
}

/** The class asked for and the year (its own): 404 / 400 as JSON otherwise, and 403 without a login (as Payload answers anonymous callers). */
async function classAndYear(req: PayloadRequest): Promise<{ klass: ClassDoc; year: string } | Response> {
  if (!req.user) return errorResponse(req, 403, 'records.login-required')
  const year = yearParam(req)
  if (!year) return errorResponse(req, 400, 'records.bad-from-year')
  const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: String(req.routeParams?.id) } }, req })) as ClassDoc | null
  if (!klass) return errorResponse(req, 404, 'records.class-not-found')
  return { klass, year }
}

/** GET /api/classes/:id/book?schoolYear=2026-2027: the class's book (THCS or TH by the school's level), as PDF. */
export const classBookEndpoint: Endpoint = {
  path: '/:id/book',
  method: 'get',
  handler: async (req) => {
    const found = await classAndYear(req)
    if (found instanceof Response) return found
    const { klass, year } = found
    if (!readsWholeClass(req, klass)) return errorResponse(req, 403, 'books.forbidden')
    if (String(klass.schoolYear) !== year) return errorResponse(req, 400, 'results.class-other-year', { class: String(klass.name), year: String(klass.schoolYear) })
    const school = await bookSchool(req, relationId(klass.school)!)
    if (!school) return errorResponse(req, 404, 'records.class-not-found')
    const data = await loadClassBook(req, klass, year, school)
    const pdf = await render(req, classBookHtml(data))
    if (pdf instanceof Response) return pdf
    return pdfResponse(pdf, `so-theo-doi-danh-gia-lop-${asciiName(String(klass.name))}-${year}.pdf`)
  },
}

/** GET /api/classes/:id/registry?schoolYear=2026-2027: the class's sổ đăng bộ (personal data: the school's managers only). */
export const registryBookEndpoint: Endpoint = {
  path: '/:id/registry',
  method: 'get',
  handler: async (req) => {
    const found = await classAndYear(req)
    if (found instanceof Response) return found
    const { klass, year } = found
    const school = relationId(klass.school)
    if (school === null || !managesSchool(currentUser(req), school)) return errorResponse(req, 403, 'books.registry-forbidden')
    const info = await bookSchool(req, school)
    if (!info) return errorResponse(req, 404, 'records.class-not-found')
    const data = await loadRegistryBook(req, klass, year, info)
    const pdf = await render(req, registryBookHtml(data))
    if (pdf instanceof Response) return pdf
    await logPersonalDataRead(req, 'export', data.students as never)
    return pdfResponse(pdf, `so-dang-bo-${asciiName(String(klass.name))}-${year}.pdf`)
  },
}

/**
 * GET /api/staff/:id/gradebook?schoolYear=2026-2027: the teacher's own book (their class-subjects),
 * for the teacher, their team leader and the school's managers.
 */
export const teacherBookEndpoint: Endpoint = {
  path: '/:id/gradebook',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 403, 'records.login-required')
    const year = yearParam(req)
    if (!year) return errorResponse(req, 400, 'records.bad-from-year')
    const staff = (await req.payload.db.findOne({ collection: 'staff', where: { id: { equals: String(req.routeParams?.id) } }, req })) as Doc | null
    const user = relationId(staff?.user)
    const schoolId = relationId(staff?.school)
    if (!staff || user === null || schoolId === null) return errorResponse(req, 404, 'books.staff-not-found')
    const allowed =
      String(actor.id) === String(user) || managesSchool(actor, schoolId) || (await teachersOfLedDepartments(req)).some((id) => String(id) === String(user))
    if (!allowed) return errorResponse(req, 403, 'books.teacher-book-forbidden')
    const school = await bookSchool(req, schoolId)
    if (!school) return errorResponse(req, 404, 'books.staff-not-found')
    const departmentId = relationId(staff.department)
    const department = departmentId === null ? null : ((await req.payload.db.findOne({ collection: 'departments', where: { id: { equals: departmentId } }, req })) as Doc | null)
    const data = await loadTeacherBook(req, { user, fullName: String(staff.fullName), department: department ? String(department.name ?? '') : null }, year, school)
    const pdf = await render(req, teacherBookHtml(data))
    if (pdf instanceof Response) return pdf
    return pdfResponse(pdf, `so-theo-doi-danh-gia-giao-vien-${asciiName(String(staff.fullName))}-${year}.pdf`)
  },
}
