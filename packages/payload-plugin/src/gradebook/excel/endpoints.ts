import { addDataAndFileToRequest, APIError, commitTransaction, initTransaction, killTransaction, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import type { RowError } from '../../records/excel/studentRows.ts'
import { teachersOfLedDepartments } from '../../records/rights.ts'
import { currentUser, relationId, rolesInSchool } from '../../roles.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { MARK_CHANGE_SOURCE } from '../audit.ts'
import { MARKS_SLUG } from '../collections.ts'
import { loadClassGradebook, type ClassDoc } from '../loadGradebook.ts'
import { loadSubject, type GradebookSubjectDoc } from '../subjects.ts'
import { markSheetWorkbook, planMarkSheet, type SheetContext } from './markSheet.ts'

/**
 * GET /api/teaching-assignments/:id/marks.xlsx?term=1|2 and POST …/:id/marks/import?term=1|2
 * (multipart "file"): one class-subject's mark sheet, out and back in (issue 13 item 9).
 *
 * Who: the sheet is downloaded by whoever reads those marks — the assignment's teacher, the
 * school's board and admin, the class's homeroom teacher, the teacher's team leader. It is imported
 * only by the assignment's teacher: only they write its marks (item 2), so the school admin imports
 * nothing here. The import writes through the Local API as the request's user (access, the save
 * checks, locks and the audit all apply, with source "import"), in one transaction: all rows or none.
 */

type ID = number | string
type Assignment = { id: ID; teacher?: unknown; class?: unknown; subject?: unknown; term?: string; schoolYear?: string }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const termQuery = z.object({ term: z.enum(['1', '2'], { error: 'marksheet.term-required' }).optional() })

type Loaded = { ok: true; assignment: Assignment; klass: ClassDoc; subject: GradebookSubjectDoc; term: 'hk1' | 'hk2' } | { ok: false; response: Response }

async function loadAssignment(req: PayloadRequest): Promise<Loaded> {
  const query = termQuery.safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
  if (!query.success) {
    const details = query.error.issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ')
    return { ok: false, response: errorResponse(req, 400, 'records.bad-request', { details }) }
  }
  const assignment = (await req.payload.db.findOne({ collection: 'teaching-assignments', where: { id: { equals: String(req.routeParams?.id) } }, req })) as Assignment | null
  if (!assignment) return { ok: false, response: errorResponse(req, 404, 'marksheet.not-found') }
  const asked = query.data.term === undefined ? undefined : query.data.term === '1' ? 'hk1' : 'hk2'
  const term = asked ?? (assignment.term === 'hk1' || assignment.term === 'hk2' ? assignment.term : undefined)
  if (!term) return { ok: false, response: errorResponse(req, 400, 'records.bad-request', { details: message(req, 'marksheet.term-required') }) }
  if (assignment.term !== 'year' && assignment.term !== term) return { ok: false, response: errorResponse(req, 400, 'marksheet.term-not-assigned') }
  const [klass, subject] = await Promise.all([
    req.payload.db.findOne({ collection: 'classes', where: { id: { equals: relationId(assignment.class) } }, req }) as Promise<ClassDoc | null>,
    loadSubject(req, assignment.subject),
  ])
  if (!klass || !subject) return { ok: false, response: errorResponse(req, 404, 'marksheet.not-found') }
  return { ok: true, assignment, klass, subject, term }
}

const isTeacherOf = (req: PayloadRequest, assignment: Assignment) => String(relationId(assignment.teacher)) === String(currentUser(req)?.id)

async function mayReadSheet(req: PayloadRequest, assignment: Assignment, klass: ClassDoc): Promise<boolean> {
  const actor = currentUser(req)
  if (!actor) return false
  if (isTeacherOf(req, assignment) || String(relationId(klass.homeroomTeacher)) === String(actor.id)) return true
  const school = relationId(klass.school)
  if (school !== null && rolesInSchool(actor, school).some((role) => role === 'principal' || role === 'vice-principal' || role === 'school-admin')) return true
  return (await teachersOfLedDepartments(req)).some((id) => String(id) === String(relationId(assignment.teacher)))
}

const fileName = (ctx: { klass: ClassDoc; subject: GradebookSubjectDoc; term: string }) =>
  `so-diem-${ctx.subject.name}-${String(ctx.klass.name)}-${ctx.term}.xlsx`.replace(/[/\\\s]+/g, '-')

export const markSheetExportEndpoint: Endpoint = {
  path: '/:id/marks.xlsx',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const loaded = await loadAssignment(req)
    if (!loaded.ok) return loaded.response
    if (!(await mayReadSheet(req, loaded.assignment, loaded.klass))) return errorResponse(req, 403, 'marksheet.export-forbidden')
    const book = await loadClassGradebook(req, loaded.klass, String(loaded.assignment.schoolYear))
    const buffer = await markSheetWorkbook(req, { book, subject: loaded.subject, term: loaded.term })
    return new Response(new Uint8Array(buffer), { headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName(loaded))}` } })
  },
}

/** Writes the planned marks as the request's user in one transaction; the first refusal rolls every row back. */
async function writeSheet(req: PayloadRequest, ctx: SheetContext, plan: Extract<Awaited<ReturnType<typeof planMarkSheet>>, { ok: true }>): Promise<{ ok: true; changed: number } | { ok: false; status: number; errors: RowError[] }> {
  const context = { [MARK_CHANGE_SOURCE]: 'import' }
  const shouldCommit = await initTransaction(req)
  try {
    for (const write of plan.writes) {
      try {
        if (write.existing) {
          await req.payload.update({ collection: MARKS_SLUG, id: write.existing.id as ID, data: write.data as never, overrideAccess: false, user: req.user, req, context, depth: 0 })
        } else {
          const data = { school: relationId(ctx.book.klass.school), student: write.student, class: ctx.book.klass.id, subject: ctx.subject.id, schoolYear: ctx.book.schoolYear, term: ctx.term, ...write.data }
          await req.payload.create({ collection: MARKS_SLUG, data: data as never, overrideAccess: false, user: req.user, req, context, depth: 0 })
        }
      } catch (error) {
        if (shouldCommit) await killTransaction(req)
        if (error instanceof ValidationError) {
          const errors = (error.data?.errors ?? []).map((e: { path?: string; message: string }) => ({ row: write.rowNumber, column: String(e.path ?? ''), message: e.message }))
          return { ok: false, status: 400, errors }
        }
        if (error instanceof APIError && error.status >= 400 && error.status < 500) {
          return { ok: false, status: error.status, errors: [{ row: write.rowNumber, column: '', message: message(req, 'marksheet.write-refused', { reason: error.message }) }] }
        }
        throw error
      }
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
  return { ok: true, changed: plan.writes.length }
}

export const markSheetImportEndpoint: Endpoint = {
  path: '/:id/marks/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 401, 'records.login-required')
    const loaded = await loadAssignment(req)
    if (!loaded.ok) return loaded.response
    if (!isTeacherOf(req, loaded.assignment)) return errorResponse(req, 403, 'marksheet.import-forbidden')
    await addDataAndFileToRequest(req)
    if (!req.file?.data?.length) return errorResponse(req, 400, 'excel.no-file')
    const book = await loadClassGradebook(req, loaded.klass, String(loaded.assignment.schoolYear))
    const ctx: SheetContext = { book, subject: loaded.subject, term: loaded.term }
    let plan
    try {
      plan = await planMarkSheet(req, ctx, req.file.data)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'mark sheet import unreadable' })
      return errorResponse(req, 400, 'marksheet.unreadable')
    }
    if (!plan.ok) return errorResponse(req, 400, 'marksheet.errors', { count: plan.errors.length }, { report: { ok: false, changed: 0, errors: plan.errors } })
    const written = await writeSheet(req, ctx, plan)
    if (!written.ok) return errorResponse(req, written.status, 'marksheet.errors', { count: written.errors.length }, { report: { ok: false, changed: 0, errors: written.errors } })
    return Response.json({ ok: true, report: { ok: true, changed: written.changed, errors: [] } })
  },
}

export const markSheetEndpoints: Endpoint[] = [markSheetExportEndpoint, markSheetImportEndpoint]
