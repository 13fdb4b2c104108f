import { addDataAndFileToRequest, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { RECORD_MANAGERS, managesSchool } from '../records/rights.ts'
import { currentUser, schoolsWhereUserHas } from '../roles.ts'
import { errorResponse, issueDetails } from '../translations/errorResponse.ts'
import { message } from '../translations/index.ts'
import { jsonBody } from '../validation/jsonBody.ts'
import { isSchoolYear } from '../website/schoolYear.ts'
import { BUILD_ARCHIVE_TASK } from './archiveTask.ts'
import { BOOK_ARCHIVES_SLUG, BOOKS_QUEUE } from './slugs.ts'
import { bookSchool } from './school.ts'
import { archivesToCheck, verdictMessage, verifyFile } from './verify.ts'

type ID = number | string

/** A queued or running archive not touched for this long is taken for dead (its process crashed): a new request starts over. */
export const STALE_ARCHIVE_MS = 15 * 60_000

const archiveRequest = z.object({
  schoolYear: z.string().refine(isSchoolYear, 'books.archive-bad-year'),
  school: z.union([z.string(), z.number()]).optional(),
})

/** Starts a run of the books queue soon after the request (its transaction has usually committed by then). */
export function kickBooksQueue(req: PayloadRequest): void {
  if (process.env.TRUONGSO_DISABLE_JOBS === '1') return
  const { payload } = req
  setTimeout(() => {
    payload.jobs.run({ queue: BOOKS_QUEUE, sequential: true }).catch((err: unknown) => payload.logger.error({ err, msg: 'book archive run failed' }))
  }, 50)
}

/**
 * POST /api/book-archives/build { schoolYear, school? }: the board (or school admin) asks for the
 * year-end archive. A request while one for the same school and year is queued or running joins it
 * (200, `coalesced`); otherwise a new archive is queued (202). The job (archiveTask.ts) does the work.
 */
export const archiveRequestEndpoint: Endpoint = {
  path: '/build',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 403, 'records.login-required')
    const parsed = archiveRequest.safeParse(await jsonBody(req))
    if (!parsed.success) return errorResponse(req, 400, 'books.archive-bad-request', { details: issueDetails(req, parsed.error.issues) })
    const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS).map(String)
    const school = parsed.data.school === undefined ? (managed.length === 1 ? managed[0]! : null) : String(parsed.data.school)
    if (school === null || !managesSchool(actor, school)) return errorResponse(req, 403, 'books.archive-forbidden')
    const { schoolYear } = parsed.data
    const open = await req.payload.find({
      collection: BOOK_ARCHIVES_SLUG as never,
      where: { and: [{ school: { equals: school } }, { schoolYear: { equals: schoolYear } }, { state: { in: ['queued', 'running'] } }, { updatedAt: { greater_than: new Date(Date.now() - STALE_ARCHIVE_MS).toISOString() } }] },
      sort: '-requestedAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const existing = open.docs[0] as { id: ID } | undefined
    if (existing) return Response.json({ archive: existing, coalesced: true }, { status: 200 })
    const info = await bookSchool(req, school)
    if (!info) return errorResponse(req, 403, 'books.archive-forbidden')
    const archive = await req.payload.create({
      collection: BOOK_ARCHIVES_SLUG as never,
      overrideAccess: true,
      depth: 0,
      req,
      data: {
        school,
        schoolYear,
        state: 'queued',
        done: 0,
        total: 0,
        title: message(null, 'books.archive-title', { year: schoolYear, school: info.officialName }),
        requestedBy: actor.id,
        requestedAt: new Date().toISOString(),
      } as never,
    })
    await req.payload.jobs.queue({ task: BUILD_ARCHIVE_TASK as never, input: { archiveId: String(archive.id) } as never, queue: BOOKS_QUEUE, req })
    kickBooksQueue(req)
    return Response.json({ archive, coalesced: false }, { status: 202 })
  },
}

/** Files checked by "Kiểm tra tệp" are at most an archive's size (PDFs of a school: tens of MB). */
const MAX_VERIFY_BYTES = 512 * 1024 * 1024

/**
 * POST /api/book-archives/verify (multipart "file"): "Kiểm tra tệp". Says whether the file is one
 * of the archives the user may read, unchanged (its SHA-256 is in a recorded manifest), and for a zip
 * which files inside differ. Nothing is stored.
 */
export const verifyFileEndpoint: Endpoint = {
  path: '/verify',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse(req, 403, 'records.login-required')
    if (schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS).length === 0) return errorResponse(req, 403, 'books.archive-forbidden')
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file?.data?.length) return errorResponse(req, 400, 'books.verify-no-file')
    if (file.data.length > MAX_VERIFY_BYTES) return errorResponse(req, 413, 'books.verify-too-large')
    const result = verifyFile(await archivesToCheck(req.payload, req), new Uint8Array(file.data), file.name ?? '')
    return Response.json({ ...result, message: verdictMessage(req, result, 5) })
  },
}
