import { APIError, NotFound, type CollectionBeforeOperationHook, type FlattenedField, type PayloadRequest, type SanitizedCollectionConfig, type Where } from 'payload'

import { message } from '../translations/index.ts'
import { idTypeOf, parseId } from './ids.ts'

const ID_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'all'])

/**
 * Ids in paths and in `where` reach SQL as NaN ("Only finite numbers…", a 500) unless checked:
 * a path id that is not an id of this collection is a 404, a filter id a 400.
 */
export const guardIdsAndFilters: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { id, where } = args as { id?: unknown; where?: Where }
  if (id !== undefined && id !== null && parseId(id, idTypeOf(req.payload, collection.slug)) === null) throw new NotFound(req.t)
  if (where && typeof where === 'object') checkWhere(where, collection, req)
  return args
}

function checkWhere(where: Where, collection: SanitizedCollectionConfig, req: PayloadRequest): void {
  for (const [key, condition] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(condition)) {
      for (const inner of condition) if (inner && typeof inner === 'object') checkWhere(inner as Where, collection, req)
      continue
    }
    const target = idTargetOf(key, collection)
    if (!target || !condition || typeof condition !== 'object') continue
    const type = idTypeOf(req.payload, target)
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (!ID_OPERATORS.has(operator) || value === null || value === undefined) continue
      const values = Array.isArray(value) ? value : typeof value === 'string' && (operator === 'in' || operator === 'not_in' || operator === 'all') ? value.split(',') : [value]
      // The admin's "select all" filters with `id not_equals ""`.
      const negated = operator === 'not_equals' || operator === 'not_in'
      const bad = values.find((item) => item !== null && !(negated && item === '') && parseId(item, type) === null)
      if (bad !== undefined) throw new APIError(message(req, 'input.bad-query', { path: key, value: String(JSON.stringify(bad)).slice(0, 40) }), 400)
    }
  }
}

/** The collection whose ids a filter path holds: `id` itself, or a top-level single-target relation. */
function idTargetOf(key: string, collection: SanitizedCollectionConfig): string | null {
  if (key === 'id') return collection.slug
  const field = collection.flattenedFields.find((f: FlattenedField) => 'name' in f && f.name === key)
  if (field && (field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') return field.relationTo
  return null
}
