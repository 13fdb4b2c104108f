import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { currentUser, relationId } from '../../roles.ts'
import { errorResponse, errorResponseText } from '../../translations/errorResponse.ts'
import { MARK_HISTORY_APPENDED, type AppendedChange } from '../audit.ts'
import { MARKS_SLUG } from '../collections.ts'
import { loadSubject } from '../subjects.ts'
import { cellIssue, cellOf, columnLabel, parseColumn, patchFor, type CellValue, type Column } from './columns.ts'
import { lastChanges, type LastChange } from './lastChanges.ts'
import { jsonBody } from '../../validation/jsonBody.ts'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }

const id = z.union([z.number().int().positive(), z.string().min(1).max(64)])
const body = z.object({
  student: id,
  teachingAssignment: id.optional(),
  subject: id.optional(),
  class: id.optional(),
  schoolYear: z.string().optional(),
  term: z.enum(['hk1', 'hk2']),
  column: z.string(),
  value: z.union([z.number(), z.string().max(4000), z.null()]),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  /** The client's id for this edit: a retry sends the same one (logged; the natural key makes it idempotent). */
  clientRequestId: z.string().max(100).optional(),
})
export type CellRequest = z.infer<typeof body>

export type CellResponse = {
  mark: ID
  column: Column
  value: CellValue
  date: string | null
  termAverage: number | null
  termResult: string | null
  lastChange: { by: string | null; at: string } | null
  clientRequestId?: string
}

/** The class-subject of the request: a teaching assignment's, or subject + class + school year as given. */
async function identityOf(req: PayloadRequest, input: CellRequest): Promise<{ school: ID; class: ID; subject: ID; schoolYear: string } | null> {
  if (input.teachingAssignment !== undefined) {
    const assignment = (await req.payload.db.findOne({ collection: 'teaching-assignments', where: { id: { equals: input.teachingAssignment } }, req })) as Record<string, unknown> | null
    if (!assignment) return null
    return { school: relationId(assignment.school)!, class: relationId(assignment.class)!, subject: relationId(assignment.subject)!, schoolYear: String(assignment.schoolYear) }
  }
  if (input.subject === undefined || input.class === undefined || !input.schoolYear) return null
  // The mark's school is its class's (the multi-tenant field; the save hooks check the rest).
  const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: input.class } }, req })) as Record<string, unknown> | null
  if (!klass) return null
  return { school: relationId(klass.school)!, class: input.class, subject: input.subject, schoolYear: input.schoolYear }
}

const findByKey = async (req: PayloadRequest, key: string): Promise<Doc | null> =>
  ((await req.payload.find({ collection: MARKS_SLUG, where: { key: { equals: key } }, limit: 1, pagination: false, depth: 0, overrideAccess: true, req })).docs[0] as Doc | undefined) ?? null

/** The history entry this very save appended for the cell (audit.ts), if the value changed: no need to read it back. */
function justChanged(req: PayloadRequest, mark: ID, column: Column): LastChange | null {
  const appended = (req.context?.[MARK_HISTORY_APPENDED] as AppendedChange[] | undefined) ?? []
  const entry = appended.findLast((change) => change.mark === String(mark) && change.field === column)
  if (!entry) return null
  const user = currentUser(req) as { fullName?: string; email?: string } | null
  return { by: user?.fullName || user?.email || null, at: new Date(entry.at).toISOString() }
}

const isUniqueKeyError = (error: unknown) =>
  error instanceof ValidationError && (error.data?.errors ?? []).some((issue: { path?: string }) => issue.path === 'key')

/**
 * One write through the Local API as the request's user (access, the save hooks' checks, locks and
 * the audit all apply). Update when the key exists, else create; a create that loses a race to a
 * concurrent one (unique key) is retried once as an update of the winner.
 */
async function upsert(req: PayloadRequest, key: string, identity: Record<string, unknown>, column: Column, value: CellValue, date: string | null | undefined): Promise<Doc> {
  const today = new Date().toISOString().slice(0, 10)
  const write = async (existing: Doc | null): Promise<Doc> => {
    const patch = patchFor(existing, column, value, date, today)
    const options = { depth: 0, overrideAccess: false, user: req.user, req } as const
    if (existing) return (await req.payload.update({ collection: MARKS_SLUG, id: existing.id, data: patch as never, ...options })) as unknown as Doc
    return (await req.payload.create({ collection: MARKS_SLUG, data: { ...identity, ...patch } as never, ...options })) as unknown as Doc
  }
  const existing = await findByKey(req, key)
  try {
    return await write(existing)
  } catch (error) {
    if (existing || !isUniqueKeyError(error)) throw error
    const winner = await findByKey(req, key)
    if (!winner) throw error
    return write(winner)
  }
}

/**
 * PUT /api/marks/cell: saves one cell of the gradebook grid, idempotently. The mark document is
 * found by its natural key (student:subject:year:term), only the addressed column is written, TX
 * slots keep their index, and a value equal to the stored one changes nothing the audit would
 * record (audit.ts appends only changed values). 400 naming the column for a bad value, 403 for
 * someone who does not teach the class-subject (from the save hook), 401 without a login.
 */
export const cellEndpoint: Endpoint = {
  path: '/cell',
  method: 'put',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const raw = await jsonBody(req)
    const parsed = body.safeParse(raw)
    if (!parsed.success) return errorResponse(req, 400, 'grid.bad-request', { details: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') })
    const input = parsed.data
    const column = parseColumn(input.column)
    if (!column) return errorResponse(req, 400, 'grid.bad-column', { column: input.column })
    const identity = await identityOf(req, input)
    if (!identity) return errorResponse(req, 404, 'grid.assignment-not-found')
    const subject = await loadSubject(req, identity.subject)
    if (!subject) return errorResponse(req, 404, 'grid.assignment-not-found')
    const value = typeof input.value === 'string' && input.value.trim() === '' ? null : input.value
    const issue = cellIssue(req, subject, input.term, column, value)
    if (issue) return errorResponseText(400, issue, { column: columnLabel(column) })
    const key = `${input.student}:${subject.id}:${identity.schoolYear}:${input.term}`
    let doc: Doc
    try {
      doc = await upsert(req, key, { school: identity.school, student: input.student, class: identity.class, subject: identity.subject, schoolYear: identity.schoolYear, term: input.term }, column, value, input.date)
    } catch (error) {
      if (error instanceof ValidationError) {
        const first = (error.data?.errors ?? [])[0] as { message?: string } | undefined
        return errorResponseText(400, first?.message ?? error.message, { column: columnLabel(column) })
      }
      // Payload's access refusal is a generic English "Forbidden": say which class-subject, in the user's language.
      if ((error as Error).name === 'Forbidden') {
        const klass = (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: identity.class } }, req })) as { name?: unknown } | null
        return errorResponse(req, 403, 'gradebook.not-assigned', { subject: subject.name, class: String(klass?.name ?? '') })
      }
      const status = (error as { status?: number }).status
      if (typeof status === 'number' && status >= 400 && status < 500) return errorResponseText(status, (error as Error).message)
      throw error
    }
    const stored = cellOf(doc, column)
    const lastChange = justChanged(req, doc.id, column) ?? (await lastChanges(req, [doc.id])).get(String(doc.id))?.[column] ?? null
    const response: CellResponse = {
      mark: doc.id,
      column,
      value: stored.value,
      date: stored.date,
      termAverage: (doc.termAverage as number | null | undefined) ?? null,
      termResult: (doc.termResult as string | null | undefined) ?? null,
      lastChange,
      ...(input.clientRequestId ? { clientRequestId: input.clientRequestId } : {}),
    }
    return Response.json(response)
  },
}
