import { APIError, ValidationError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { message } from '../translations/index.ts'
import { checkFields, type Issue, type RelationRef } from './fieldChecks.ts'

export const DEFAULT_MAX_JSON_MEGABYTES = 2

/**
 * Every create and update, drafts included: the request body within the JSON size limit, the
 * data's shape against the collection's fields, and every relation id pointing to an existing
 * document. Refused saves throw a ValidationError naming the fields (the admin highlights them).
 */
export function validateOnSave(maxJsonMegabytes: number): CollectionBeforeOperationHook {
  return async ({ args, operation, req, collection }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const data = (args as { data?: unknown }).data
    if (data === undefined || data === null) return args
    refuseLargeBody(req, data, maxJsonMegabytes)
    if (typeof data !== 'object' || Array.isArray(data)) {
      throw new ValidationError({ collection: collection.slug, errors: [{ path: 'data', message: message(req, 'input.not-group') }] }, req.t)
    }
    const issues: Issue[] = []
    const relations: RelationRef[] = []
    const draft = Boolean((args as { draft?: boolean }).draft)
    checkFields(collection.flattenedFields, data as Record<string, unknown>, '', { req, issues, relations, draft })
    if (issues.length === 0) issues.push(...(await missingRelations(req, relations)))
    if (issues.length > 0) {
      throw new ValidationError({ collection: collection.slug, errors: issues.map((issue) => ({ ...issue, label: issue.label as never })), req }, req.t)
    }
    return args
  }
}

/**
 * JSON bodies over the limit answer 413. Uploads (multipart) keep their own limit. The declared
 * length is used when there is one; a chunked body is measured by its parsed data.
 */
function refuseLargeBody(req: PayloadRequest, data: unknown, maxMegabytes: number): void {
  if (req.payloadAPI === 'local') return
  const type = req.headers?.get('content-type') ?? ''
  if (type.includes('multipart/form-data')) return
  const limit = maxMegabytes * 1024 * 1024
  const declared = Number(req.headers?.get('content-length') ?? NaN)
  const size = Number.isFinite(declared) ? declared : Buffer.byteLength(JSON.stringify(data) ?? '')
  if (size > limit) throw new APIError(message(req, 'input.body-too-large', { max: maxMegabytes }), 413)
}

/** One look-up per target collection; existence only (which school a relation may point to is the relation rules' business). */
async function missingRelations(req: PayloadRequest, relations: RelationRef[]): Promise<Issue[]> {
  const byCollection = new Map<string, RelationRef[]>()
  for (const ref of relations) byCollection.set(ref.collection, [...(byCollection.get(ref.collection) ?? []), ref])
  const issues: Issue[] = []
  for (const [collection, refs] of byCollection) {
    const ids = [...new Set(refs.map((ref) => ref.id))]
    // The adapter directly: no read hooks (reading students is logged) and no access rules.
    const found = await req.payload.db.find({ collection, where: { id: { in: ids } }, limit: ids.length, pagination: false, select: { id: true }, req })
    const present = new Set(found.docs.map((doc) => String(doc.id)))
    for (const ref of refs) {
      if (!present.has(String(ref.id))) issues.push({ path: ref.path, label: ref.label, message: message(req, 'input.missing-relation', { ids: String(ref.id) }) })
    }
  }
  return issues
}
