import type { CollectionConfig, Config, Endpoint } from 'payload'

import { normaliseErrors } from './errorResponses.ts'
import { guardIdsAndFilters } from './queryGuards.ts'
import { DEFAULT_MAX_JSON_MEGABYTES, validateOnSave } from './validateOnSave.ts'
import { errorResponse } from '../translations/errorResponse.ts'

export { DEFAULT_MAX_JSON_MEGABYTES } from './validateOnSave.ts'
export { isLexicalDocument } from './fieldChecks.ts'

/**
 * Input checks for every collection of the final config (the plugin's, the project's and the
 * multi-tenant plugin's fields alike): shape checks on every save, id and filter guards, and the
 * error normalisation behind them.
 */
export function withInputValidation(config: Config, options: { maxJsonMegabytes?: number } = {}): Config {
  const maxJsonMegabytes = options.maxJsonMegabytes ?? DEFAULT_MAX_JSON_MEGABYTES
  const onSave = validateOnSave(maxJsonMegabytes)
  const guarded = (collection: CollectionConfig): CollectionConfig => ({
    ...collection,
    endpoints: collection.endpoints === false ? false : [...unverifiableAuth(collection), ...(collection.endpoints ?? [])],
    hooks: {
      ...collection.hooks,
      // First, so the collection's own hooks see checked, normalised data.
      beforeOperation: [guardIdsAndFilters, onSave, ...(collection.hooks?.beforeOperation ?? [])],
    },
  })
  return {
    ...config,
    collections: (config.collections ?? []).map(guarded),
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), normaliseErrors] },
  }
}

/**
 * Payload answers `/verify/:token` of an auth collection without e-mail verification with a 500
 * (the token column does not exist); there is nothing to verify, so: 404.
 */
function unverifiableAuth(collection: CollectionConfig): Endpoint[] {
  if (!collection.auth || (typeof collection.auth === 'object' && collection.auth.verify)) return []
  return [
    {
      path: '/verify/:token',
      method: 'post',
      handler: (req) => errorResponse(req, 404, 'input.not-found'),
    },
  ]
}
