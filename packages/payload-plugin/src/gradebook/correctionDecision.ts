import { APIError, commitTransaction, initTransaction, killTransaction, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { TRUSTED_WRITE } from '../context.ts'
import { currentUser, relationId, rolesInSchool } from '../roles.ts'
import { errorResponse, errorResponseText } from '../translations/errorResponse.ts'
import { message } from '../translations/index.ts'
import { MARK_CHANGE_REASON, MARK_CHANGE_SOURCE, MARK_CORRECTION_REQUEST } from './audit.ts'
import { MARKS_SLUG } from './collections.ts'
import { CORRECTION_DECIDERS, CORRECTION_DECISION, MARK_CORRECTIONS_SLUG, parseCorrectionField, patchFor, sameValue, valueAt } from './corrections.ts'
import { APPROVED_CORRECTION } from './locks.ts'
import { jsonBody } from '../validation/jsonBody.ts'

type Doc = Record<string, unknown>

const decisionBody = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: z.string().trim().max(2000).optional(),
})

class Refusal extends Error {
  readonly status: number
  constructor(status: number, text: string) {
    super(text)
    this.status = status
  }
}

/**
 * Approve: in one transaction the mark takes the new value (trusted Local API as the decider: the
 * lock passes with APPROVED_CORRECTION, the history records source `correction`, the request id and
 * the teacher's reason, the mark's checks run again) and the request becomes approved. Refuse: the
 * request becomes refused, the mark is untouched. Either way the decider and the time are kept.
 */
async function decide(req: PayloadRequest, request: Doc, approve: boolean, reason: string | undefined): Promise<Doc> {
  const shouldCommit = await initTransaction(req)
  try {
    if (approve) {
      const field = parseCorrectionField(request.field)!
      const mark = (await req.payload.findByID({ collection: MARKS_SLUG, id: relationId(request.mark)!, depth: 0, overrideAccess: true, req })) as unknown as Doc
      // Something else changed the value since the request was filed (another approved request).
      if (!sameValue(valueAt(mark, field), request.oldValue)) throw new Refusal(409, message(req, 'gradebook.correction-stale'))
      await req.payload.update({
        collection: MARKS_SLUG,
        id: mark.id as number,
        data: patchFor(mark, field, request.newValue) as never,
        depth: 0,
        overrideAccess: true,
        req,
        context: {
          [TRUSTED_WRITE]: true,
          [APPROVED_CORRECTION]: true,
          [MARK_CHANGE_SOURCE]: 'correction',
          [MARK_CHANGE_REASON]: String(request.reason ?? ''),
          [MARK_CORRECTION_REQUEST]: request.id,
        },
      })
    }
    const decided = await req.payload.update({
      collection: MARK_CORRECTIONS_SLUG as never,
      id: request.id as number,
      data: { state: approve ? 'approved' : 'refused', decidedBy: currentUser(req)!.id, decidedAt: new Date().toISOString(), decisionReason: reason || null } as never,
      depth: 0,
      overrideAccess: true,
      req,
      context: { [CORRECTION_DECISION]: true },
    })
    if (shouldCommit) await commitTransaction(req)
    return decided as unknown as Doc
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * POST /api/mark-corrections/:id/decide { decision: 'approve' | 'refuse', reason } — the principal
 * or a vice-principal of the request's school (corrections.ts on delegation), never the teacher who
 * filed it, even when they also sit on the board; a refusal needs a reason; a request is decided once.
 */
export const decideCorrectionEndpoint: Endpoint = {
  path: '/:id/decide',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'records.login-required')
    const body = await jsonBody(req)
    const parsed = decisionBody.safeParse(body)
    if (!parsed.success) return errorResponse(req, 400, 'gradebook.correction-bad-decision')
    const { decision, reason } = parsed.data
    const request = (await req.payload.findByID({ collection: MARK_CORRECTIONS_SLUG as never, id: String(req.routeParams?.id), depth: 0, overrideAccess: true, disableErrors: true, req })) as unknown as Doc | null
    if (!request) return errorResponse(req, 404, 'gradebook.correction-not-found')
    const school = relationId(request.school)
    if (school === null || !rolesInSchool(actor, school).some((role) => CORRECTION_DECIDERS.includes(role))) return errorResponse(req, 403, 'gradebook.correction-decide-forbidden')
    if (String(relationId(request.requestedBy)) === String(actor.id)) return errorResponse(req, 403, 'gradebook.correction-own-request')
    if (request.state !== 'pending') return errorResponse(req, 409, 'gradebook.correction-already-decided')
    if (decision === 'refuse' && (reason ?? '').length < 3) return errorResponse(req, 400, 'gradebook.correction-reason-required')
    try {
      const doc = await decide(req, request, decision === 'approve', reason)
      return Response.json({ doc })
    } catch (error) {
      if (error instanceof Refusal) return errorResponseText(error.status, error.message)
      if (error instanceof ValidationError) return errorResponseText(400, error.message, {}, error.data)
      if (error instanceof APIError) return errorResponseText(error.status, error.message)
      throw error
    }
  },
}
