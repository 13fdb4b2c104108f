import type { Payload } from 'payload'

import type { Config } from '../payload-types.ts'

/** Each collection's document type, as `pnpm --filter @truongso/cms generate:types` wrote it. */
export type Documents = Config['collections']

type FindOptions = Parameters<Payload['find']>[0]

/**
 * `payload.find` returning the generated document type. Payload types its Local API from a global
 * `declare module 'payload'`, which the CMS does not generate (see buildConfig.ts): the plugin handles
 * collections generically and is typechecked with the CMS. So the CMS names the type where it reads,
 * and this is the one place the generated types meet the untyped API.
 */
export async function findDocs<S extends keyof Documents & string>(payload: Payload, options: FindOptions & { collection: S }): Promise<Documents[S][]> {
  const result = await payload.find(options)
  return result.docs as unknown as Documents[S][]
}
