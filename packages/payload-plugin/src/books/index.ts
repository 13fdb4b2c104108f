import type { CollectionConfig, Endpoint } from 'payload'

import { classBookEndpoint, registryBookEndpoint, transcriptEndpoint } from './endpoints.ts'

export { closeBookRenderer, renderPdf } from './render.ts'
export { officialSchoolName, type BookOptions } from './school.ts'

/** Printed books (issue 16): the endpoints each collection gains. */
const BOOK_ENDPOINTS: Record<string, Endpoint[]> = {
  students: [transcriptEndpoint],
  classes: [classBookEndpoint, registryBookEndpoint],
}

export function withBookEndpoints(collection: CollectionConfig): CollectionConfig {
  const extra = BOOK_ENDPOINTS[collection.slug]
  if (!extra) return collection
  return { ...collection, endpoints: [...(Array.isArray(collection.endpoints) ? collection.endpoints : []), ...extra] }
}
